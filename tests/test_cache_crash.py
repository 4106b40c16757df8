"""The cache under real ``resumematch`` processes: a run killed with SIGKILL leaves a cache the
next run adopts and ``--resume`` completes; two first runs on one fresh cache both succeed; bytes
overwritten in any table are noticed where a read meets them, the cache is moved aside with one
warning line, and the run completes with the right rows and no cached text in any message."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.usefixtures("watchdog")

CLI = "import sys; sys.argv[0] = 'resumematch'; from resumematch.cli import main; main()"
FILES = 30
# A cache as the code before this check made it: WAL mode first, then the id and the tables, and
# a process that dies (os._exit: no checkpoint) before the first checkpoint, as kill -9 does.
OLD_CACHE = """
import os, sqlite3, sys
from resumematch.run.cache.db import _SCHEMA, SCHEMA_VERSION
from resumematch.run.cache.file import APPLICATION_ID
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
conn.executescript(_SCHEMA)
conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
os._exit(0)
"""
FOREIGN = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("PRAGMA application_id=1234")
conn.execute("CREATE TABLE notes (body TEXT)")
conn.execute("INSERT INTO notes VALUES ('mine')")
os._exit(0)
"""
#: The tables each kind of run reads or writes, so where it meets damage.
TOUCHES = {"plain": {"facts", "facts-text"}, "as-of": {"documents", "analyses", "facts"}}


def resume(i: int) -> str:
    lines = [f"Candidate Number{i}", f"candidate{i}@example.com", "", "EXPERIENCE",
             f"IT Project Manager, Company {i}, Jan 2015 - Present"]
    lines += [f"Managed stakeholder communication and risk management for release {n}; led Scrum ceremonies, "
              "budgeting and vendor contracts across six sites." for n in range(25)]
    return "\n".join(lines + ["", "EDUCATION", "B.S. Computer Science, State University, 2012"])


def start(*args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    proc = start(*args, env=env)
    stdout, stderr = proc.communicate(timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


def rank(folder: Path, out: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return cli("rank", str(folder), "-o", str(out), "--workers", "1", *extra, env=env)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cvs")
    for i in range(FILES):
        (root / f"r{i:03d}.txt").write_text(resume(i), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def reference(folder, tmp_path_factory) -> dict[str, str]:
    """The ranked CSV without a cache, as of today and as of 2024-01-01."""
    where = tmp_path_factory.mktemp("reference")
    found = {}
    for name, extra in (("plain", ()), ("as-of", ("--as-of", "2024-01-01"))):
        done = rank(folder, where / f"{name}.csv", "--no-cache", *extra)
        assert done.returncode == 0, done.stderr
        found[name] = (where / f"{name}.csv").read_text(encoding="utf-8-sig")
    return found


def lines_of(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def kill_when(proc: subprocess.Popen, journal: Path, lines: int) -> None:
    """SIGKILL ``proc`` once its journal holds ``lines`` more lines than now."""
    goal, deadline = lines_of(journal) + lines, time.monotonic() + 120
    while lines_of(journal) < goal and time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize(("made_by", "kills"), [("this-version", 1), ("older-version", 1), ("this-version", 2)],
                         ids=["new-cache", "id-only-in-wal", "killed-twice"])
def test_cache_killed_run_is_adopted_and_resume_gives_every_row_once(folder, reference, tmp_path, made_by, kills):
    cache, out = tmp_path / "k.sqlite", tmp_path / "k.csv"
    journal = tmp_path / "k.csv.partial.jsonl"
    if made_by == "older-version":
        subprocess.run([sys.executable, "-c", OLD_CACHE, str(cache)], check=True, timeout=60)
    args = (str(folder), "-o", str(out), "--cache", str(cache), "--workers", "1", "--quiet")
    kill_when(start("rank", *args), journal, 2)
    assert Path(f"{cache}-wal").stat().st_size > 0  # killed with its last writes only in the -wal file
    if made_by == "older-version":  # the state the issue found: the main file's header says 0
        assert int.from_bytes(cache.read_bytes()[68:72], "big") == 0
    for _ in range(kills - 1):
        with journal.open("ab") as fh:  # a line cut short, wherever the kill fell
            fh.write(journal.read_bytes().splitlines()[0][:40])
        kill_when(start("rank", *args, "--resume"), journal, 1)
        data = journal.read_bytes()
        for line in data[:data.rfind(b"\n")].splitlines():  # the last may be cut by this kill
            json.loads(line)  # appended lines start on lines of their own

    resumed = cli("rank", *args, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stderr == "" and out.read_text(encoding="utf-8-sig") == reference["plain"]
    info = cli("cache", "info", "--cache", str(cache))
    assert info.returncode == 0 and f"documents: {FILES} " in info.stdout, info.stderr
    again = cli("rank", *args[:2], str(tmp_path / "again.csv"), *args[3:])
    assert again.returncode == 0 and again.stderr == ""
    assert (tmp_path / "again.csv").read_text(encoding="utf-8-sig") == reference["plain"]


def test_cache_foreign_database_with_its_id_only_in_the_wal_is_refused_and_left_alone(tmp_path):
    """The twin: a database of another program, killed the same way, is still not ours."""
    other = tmp_path / "app.sqlite"
    subprocess.run([sys.executable, "-c", FOREIGN, str(other)], check=True, timeout=60)
    assert int.from_bytes(other.read_bytes()[68:72], "big") == 0
    # The database and its -wal stay as they were (a reader may update the -shm index, as any does).
    files = ("app.sqlite", "app.sqlite-wal")
    before = {name: (tmp_path / name).read_bytes() for name in files}
    info = cli("cache", "info", "--cache", str(other))
    assert info.returncode != 0 and "not a resumematch cache" in info.stderr
    assert {name: (tmp_path / name).read_bytes() for name in files} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [*files[:1], "app.sqlite-shm", files[1]]


@pytest.mark.parametrize("where", ["--cache", "default-path"])
def test_cache_two_first_runs_at_once_both_succeed_with_identical_csvs(folder, reference, tmp_path, where):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    extra = ("--cache", str(tmp_path / "cache" / "shared.sqlite")) if where == "--cache" else ()
    procs = [start("rank", str(folder), "-o", str(tmp_path / f"run{n}.csv"), "--workers", "1", "--quiet", *extra,
                   env=env) for n in (1, 2)]
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, stderr
        assert stderr == ""
    assert [(tmp_path / f"run{n}.csv").read_text(encoding="utf-8-sig") for n in (1, 2)] == [reference["plain"]] * 2
    path = Path(extra[1]) if extra else tmp_path / "xdg" / "resumematch" / "extractions.sqlite"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == FILES
    conn.close()
    # no temporary file left: beside the cache only the kept occupation background (catalog/kept.py),
    # whole copies alone
    assert sorted(p.name for p in path.parent.iterdir() if p.name != "catalog") == [path.name]
    assert all(p.name.endswith(".pickle") for p in (path.parent / "catalog").glob("*"))


def test_cache_two_runs_at_once_on_a_file_not_ours_both_refuse_it(folder, tmp_path):
    """The twin: sharing does not mean taking over a file that is not a cache."""
    notes = tmp_path / "notes.db"
    notes.write_bytes(b"")
    procs = [start("rank", str(folder), "-o", str(tmp_path / f"run{n}.csv"), "--cache", str(notes), "--quiet")
             for n in (1, 2)]
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 1 and "not a resumematch cache" in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"] and notes.read_bytes() == b""


@pytest.fixture(scope="module")
def populated(folder, reference, tmp_path_factory) -> Path:
    cache = tmp_path_factory.mktemp("populated") / "c.sqlite"
    done = rank(folder, cache.with_suffix(".csv"), "--cache", str(cache))
    assert done.returncode == 0 and done.stderr.count("warning") == 0, done.stderr
    return cache


def damage(cache: Path, table: str) -> None:
    """4 KB of random bytes over the root page of ``table`` (every read of it passes there), or
    for ``facts-text``, every stored facts row made undecodable text (it still quotes a name)."""
    conn = sqlite3.connect(cache, isolation_level=None)
    if table == "facts-text":
        conn.execute("UPDATE facts SET facts = CAST(x'5b5b2243616e64696461746520ff4e756d626572' AS TEXT)")
        conn.close()
        return
    root, size = conn.execute("SELECT rootpage FROM sqlite_master WHERE name=?", (table,)).fetchone()[0], 4096
    assert conn.execute("PRAGMA page_size").fetchone()[0] == size
    conn.close()  # the last connection: everything is in the main file
    with cache.open("r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(random.Random(root).randbytes(size))


@pytest.mark.parametrize("mode", ["plain", "as-of"])
@pytest.mark.parametrize("table", ["documents", "analyses", "facts", "facts-text", "none"])
def test_cache_damage_is_moved_aside_and_the_run_completes(populated, folder, reference, tmp_path, table, mode):
    cache = tmp_path / "c.sqlite"
    shutil.copy(populated, cache)
    if table != "none":
        damage(cache, table)
    done = rank(folder, tmp_path / "out.csv", "--cache", str(cache), *(("--as-of", "2024-01-01") if mode == "as-of"
                                                                        else ()))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.csv").read_text(encoding="utf-8-sig") == reference[mode]
    warnings = [line for line in done.stderr.splitlines() if line.startswith("resumematch: warning:")]
    # A plain rerun reads only the facts; damage it does not meet is noticed by the first run that
    # does (here --as-of, which reads documents and analyses and writes new facts).
    if table in TOUCHES[mode]:
        assert len(warnings) == 1 and "is damaged" in warnings[0] and f"moved to {cache}.corrupt" in warnings[0]
        assert (tmp_path / "c.sqlite.corrupt").exists()
    else:
        assert warnings == [] and not (tmp_path / "c.sqlite.corrupt").exists()
    assert "Traceback" not in done.stderr and "error" not in done.stderr
    for private in ("Candidate", "Number", "example.com", "stakeholder"):
        assert private not in done.stderr


@pytest.mark.parametrize("table", ["documents", "analyses", "none"])
def test_cache_info_on_a_damaged_cache_says_so_in_one_line_and_moves_it_aside(populated, tmp_path, table):
    cache = tmp_path / "c.sqlite"
    shutil.copy(populated, cache)
    if table != "none":
        damage(cache, table)
    done = cli("cache", "info", "--cache", str(cache))
    if table == "none":
        assert done.returncode == 0 and f"documents: {FILES} " in done.stdout and done.stderr == ""
        assert cache.exists() and not (tmp_path / "c.sqlite.corrupt").exists()
    else:
        assert done.returncode == 1 and done.stderr.startswith("resumematch: error: The cache")
        assert done.stderr.count("\n") == 1 and "is damaged" in done.stderr and "Traceback" not in done.stderr
        assert (tmp_path / "c.sqlite.corrupt").exists() and not cache.exists()
