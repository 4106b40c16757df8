"""extract_all at scale: timeouts, memory cap, deep nesting, crashing workers, order, resume.

Every fixture is built here under tmp_path; no test touches the user's cache folder.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import builders
import pytest

from resumematch.run import worker as batch
from resumematch.run.cache import Cache
from resumematch.run.pool import Limits, extract_all

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.skipif(not hasattr(os, "fork"), reason="worker tests need fork"),
              pytest.mark.usefixtures("watchdog")]


def good_pdf(path: Path, name: str = "Ada Lovelace") -> Path:
    path.write_bytes(builders.lines_pdf([[name, "Project manager at Acme 2019 - 2024",
                                          "Skills: Agile, Scrum, Jira, budgeting"]]))
    return path


def flate_bomb(inflated_mb: int) -> bytes:
    """Zeros that inflate to ``inflated_mb`` MB, compressed in 1 MB chunks (the test stays small)."""
    z = zlib.compressobj(9)
    chunk = b"0" * (1 << 20)
    parts = [z.compress(chunk) for _ in range(inflated_mb)]
    parts.append(z.flush())
    return b"".join(parts)


def statuses(docs) -> list[str]:
    return [d.status for d in docs]


# --------------------------------------------------------------------------- isolation


def test_file_that_hangs_the_reader_times_out_and_the_run_goes_on(tmp_path, monkeypatch):
    real = batch.extract

    def hanging(path, **kw):  # stands in for a PDF that sends pdfminer into an endless loop
        if Path(path).name == "hang.pdf":
            time.sleep(600)
        return real(path, **kw)

    monkeypatch.setattr(batch, "extract", hanging)  # workers are forked: they see the patch
    hang, after = good_pdf(tmp_path / "hang.pdf"), good_pdf(tmp_path / "after.pdf")
    start = time.monotonic()
    docs = list(extract_all([hang, after], workers=1, limits=Limits(timeout=2)))
    assert time.monotonic() - start < 20
    assert statuses(docs) == ["timeout", "ok"]
    assert "2 s" in docs[0].reason
    assert docs[0].source == str(hang) and docs[1].source == str(after)


@pytest.mark.parametrize("workers", [0, 1])
def test_fifo_is_refused_without_blocking(tmp_path, workers):
    # Reading a FIFO blocks until a writer comes; neither the parent (hashing for the cache)
    # nor a worker may open one.
    fifo = tmp_path / "hang.pdf"
    os.mkfifo(fifo)
    after = good_pdf(tmp_path / "after.pdf")
    with Cache(tmp_path / "c.sqlite") as cache:
        docs = list(extract_all([fifo, after], workers=workers, limits=Limits(timeout=2), cache=cache))
    assert statuses(docs) == ["error", "ok"]
    assert "not a regular file" in docs[0].reason


def test_flate_bomb_hits_the_memory_cap_not_the_run(tmp_path):
    bomb = tmp_path / "bomb.pdf"
    data = builders.raw_pdf(flate_bomb(400), flate=True)
    assert len(data) < 2_000_000  # the file is small; only its inflated stream is huge
    bomb.write_bytes(data)
    after = good_pdf(tmp_path / "after.pdf")
    docs = list(extract_all([bomb, after], workers=1, limits=Limits(timeout=30, memory_mb=200)))
    assert docs[0].status in ("too_large", "corrupt"), docs[0]
    assert docs[1].status == "ok"


def test_deeply_nested_arrays_are_corrupt_not_a_crash(tmp_path):
    depth = 100_000
    nested = tmp_path / "nested.pdf"
    nested.write_bytes(builders.raw_pdf(b"[" * depth + b"]" * depth + b" BT /F1 12 Tf (x) Tj ET"))
    bracket_bomb = tmp_path / "unclosed.pdf"
    bracket_bomb.write_bytes(builders.raw_pdf(b"[" * depth))
    after = good_pdf(tmp_path / "after.pdf")
    docs = list(extract_all([nested, bracket_bomb, after], workers=1, limits=Limits(timeout=30)))
    for doc in docs[:2]:
        assert doc.status in ("corrupt", "no_text"), doc  # never "error": that status is for our bugs
        assert doc.reason
    assert docs[2].status == "ok"


def test_crashing_worker_is_retried_once_then_error(tmp_path, monkeypatch):
    real = batch.extract
    attempts = tmp_path / "attempts"
    attempts.mkdir()

    def dying_extract(path, **kw):
        if Path(path).name == "crash.pdf":
            (attempts / f"{os.getpid()}-{time.monotonic_ns()}").touch()
            os._exit(1)
        return real(path, **kw)

    monkeypatch.setattr(batch, "extract", dying_extract)  # workers are forked: they see the patch
    files = [good_pdf(tmp_path / "a.pdf", "Ann A"), good_pdf(tmp_path / "crash.pdf"),
             good_pdf(tmp_path / "b.pdf", "Bob B")]
    docs = list(extract_all(files, workers=2, limits=Limits(timeout=20)))
    assert statuses(docs) == ["ok", "error", "ok"]
    assert "crashed twice" in docs[1].reason and "exit code 1" in docs[1].reason
    assert len(list(attempts.iterdir())) == 2  # one retry, not more


def test_results_come_back_in_input_order(tmp_path, monkeypatch):
    real = batch.extract

    def slow_first(path, **kw):  # the first file finishes last
        if Path(path).name == "f00.pdf":
            time.sleep(1.0)
        return real(path, **kw)

    monkeypatch.setattr(batch, "extract", slow_first)
    files = []
    for i in range(10):
        p = tmp_path / f"f{i:02d}.pdf"
        if i == 3:
            p.write_bytes(b"")
        elif i == 6:
            p.write_bytes(b"%PDF-1.4 garbage")
        else:
            good_pdf(p, f"Person Number{i}")
        files.append(p)
    files.append(tmp_path / "missing.pdf")
    docs = list(extract_all(files, workers=2, limits=Limits(timeout=20)))
    assert [d.source for d in docs] == [str(f) for f in files]
    st = statuses(docs)
    assert st[3] == "empty" and st[6] == "corrupt" and st[-1] == "error"
    assert all(s == "ok" for i, s in enumerate(st[:-1]) if i not in (3, 6))
    assert f"Number{9}" in docs[9].text


def test_workers_zero_matches_the_pool(tmp_path):
    files = [good_pdf(tmp_path / f"p{i}.pdf", f"Name{i} Person") for i in range(3)]
    (tmp_path / "e.txt").write_bytes(b"")
    files.append(tmp_path / "e.txt")
    inline = list(extract_all(files, workers=0))
    pooled = list(extract_all(files, workers=2))
    assert [d.to_dict() for d in inline] == [d.to_dict() for d in pooled]
    assert statuses(inline) == ["ok", "ok", "ok", "empty"]
    assert list(extract_all([], workers=2)) == []


# --------------------------------------------------------------------------- interruption and resume

_SLOW_RUN = """
import sys, time
from resumematch.run import worker as batch
from resumematch.run.rank import rank_files, RunSettings
from resumematch.run.screener import Screener
real = batch.extract
def slow(path, **kw):
    time.sleep(0.8)
    return real(path, **kw)
batch.extract = slow
files, out = sys.argv[1:-1], sys.argv[-1]
rank_files(files, out, Screener("it_project_manager"), RunSettings(workers=1, use_cache=False))
"""


def test_interrupted_run_resumes_without_re_extracting(tmp_path, monkeypatch):
    files = [good_pdf(tmp_path / f"cv{i}.pdf", f"Candidate{i} Surname") for i in range(6)]
    out = tmp_path / "ranked.csv"
    journal = tmp_path / "ranked.csv.partial.jsonl"
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_RUN, *map(str, files), str(out)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 50
        while time.monotonic() < deadline and proc.poll() is None:
            if journal.exists() and journal.read_text().count("\n") >= 2:
                break
            time.sleep(0.05)
        assert proc.poll() is None, proc.communicate()
        os.killpg(proc.pid, signal.SIGKILL)  # the run and its worker, as a Ctrl-C would not be this harsh
    finally:
        proc.wait(10)
        proc.stdout.close()
        proc.stderr.close()
    assert not out.exists()
    lines = journal.read_text(encoding="utf-8").splitlines()
    finished = [json.loads(line)["row"]["file"] for line in lines if line.endswith("}")]
    assert 2 <= len(finished) < 6
    assert finished == [str(f) for f in files[:len(finished)]]

    from resumematch.run.rank import RunSettings, rank_files
    from resumematch.run.screener import Screener

    seen = []
    real = batch.extract

    def counting(path, **kw):
        seen.append(str(path))
        return real(path, **kw)

    monkeypatch.setattr(batch, "extract", counting)
    summary = rank_files(files, out, Screener("it_project_manager"),
                         RunSettings(workers=0, use_cache=False, resume=True))
    assert not set(seen) & set(finished)
    assert sorted(seen + finished) == sorted(map(str, files))
    import pandas as pd

    frame = pd.read_csv(out)
    assert sorted(frame["file"]) == sorted(map(str, files)) and len(frame) == 6
    assert summary.rows == 6 and not journal.exists()


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="worker sizes are read from /proc")
@pytest.mark.parametrize(("recycle_mb", "replaced"), [(16, True), (1000, False)], ids=["grown", "roomy"])
def test_worker_grown_past_recycle_mb_is_replaced_between_files(tmp_path, monkeypatch, recycle_mb, replaced):
    real = batch.extract
    seen = tmp_path / "seen"
    seen.mkdir()
    kept = []

    def fat_extract(path, **kw):  # stands in for a hostile file that leaves memory behind
        (seen / f"{Path(path).stem}-{os.getpid()}").touch()
        if Path(path).name == "fat.pdf":
            kept.append(bytearray(64 * 1024 * 1024))
        return real(path, **kw)

    monkeypatch.setattr(batch, "extract", fat_extract)
    files = [good_pdf(tmp_path / "fat.pdf")] + [good_pdf(tmp_path / f"after{i}.pdf") for i in range(3)]
    docs = list(extract_all(files, workers=1, limits=Limits(timeout=20, recycle_mb=recycle_mb)))
    assert statuses(docs) == ["ok"] * 4
    pids = {name.split("-")[0]: name.split("-")[1] for name in os.listdir(seen)}
    assert len(pids) == 4 and [d.source for d in docs] == [str(f) for f in files]  # none lost
    assert (pids["after2"] != pids["fat"]) is replaced
