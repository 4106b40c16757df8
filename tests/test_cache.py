"""The SQLite extraction cache: hits, invalidation, a corrupt file, two writers at once."""

from __future__ import annotations

import json
import multiprocessing as mp
import sqlite3
import warnings
from dataclasses import replace
from pathlib import Path

import builders
import pytest

from resumematch.errors import CacheError, ResumeMatchWarning
from resumematch.extraction import EXTRACTOR_VERSION, ExtractOptions, extract_bytes
from resumematch.run.cache import Cache, options_key
from resumematch.run.cache.admin import cache_info, prune_cache
from resumematch.run.cache.file import APPLICATION_ID
from resumematch.run.pool import extract_all


@pytest.fixture
def resumes(tmp_path):
    folder = tmp_path / "cv"
    folder.mkdir()
    files = []
    for i in range(3):
        p = folder / f"cv{i}.pdf"
        p.write_bytes(builders.lines_pdf([[f"Person{i} Example", "Scrum master 2018 - 2023"]]))
        files.append(p)
    (folder / "empty.pdf").write_bytes(b"")
    files.append(folder / "empty.pdf")
    return files


def test_second_run_hits_the_cache(tmp_path, resumes):
    path = tmp_path / "c.sqlite"
    with Cache(path) as cache:
        first = list(extract_all(resumes, workers=0, cache=cache))
        assert (cache.hits, cache.misses) == (0, 4)
    with Cache(path) as cache:
        second = list(extract_all(resumes, workers=2, cache=cache))
        assert (cache.hits, cache.misses) == (4, 0)
    assert [d.to_dict() for d in first] == [d.to_dict() for d in second]
    assert [d.source for d in second] == [str(f) for f in resumes]  # source is per path, not cached


def test_same_content_under_another_name_is_a_hit(tmp_path, resumes):
    copy = tmp_path / "renamed.pdf"
    copy.write_bytes(resumes[0].read_bytes())
    with Cache(tmp_path / "c.sqlite") as cache:
        list(extract_all(resumes[:1], workers=0, cache=cache))
        (doc,) = extract_all([copy], workers=0, cache=cache)
        assert cache.hits == 1 and doc.source == str(copy)


def test_extractor_version_and_options_invalidate(tmp_path, resumes):
    path = tmp_path / "c.sqlite"
    with Cache(path) as cache:
        list(extract_all(resumes, workers=0, cache=cache))
    with Cache(path, extractor="2") as cache:
        list(extract_all(resumes, workers=0, cache=cache))
        assert (cache.hits, cache.misses) == (0, 4)
    with Cache(path) as cache:
        list(extract_all(resumes, workers=0, cache=cache, options=ExtractOptions(max_pages=3)))
        assert cache.hits == 0
        list(extract_all(resumes, workers=0, cache=cache, options=ExtractOptions(password="secret")))
        assert (cache.hits, cache.misses) == (0, 4)  # a run with a password does not use the cache


@pytest.mark.parametrize("workers", [0, 1])
def test_password_runs_bypass_the_cache_both_ways(tmp_path, workers):
    enc = tmp_path / "enc.pdf"
    enc.write_bytes(builders.lines_pdf([["Confidential resume of Jane Example"]], encrypt="secret"))
    secret = ExtractOptions(password="secret")
    with Cache(tmp_path / "a.sqlite") as cache:
        # Cached as encrypted without the password; the password still opens it.
        assert [d.status for d in extract_all([enc], workers=workers, cache=cache)] == ["encrypted"]
        assert [d.status for d in extract_all([enc], workers=workers, cache=cache, options=secret)] == ["ok"]
    with Cache(tmp_path / "b.sqlite") as cache:
        # Decrypted with the password; a run without it does not get the text from the cache.
        assert [d.status for d in extract_all([enc], workers=workers, cache=cache, options=secret)] == ["ok"]
        assert [d.status for d in extract_all([enc], workers=workers, cache=cache)] == ["encrypted"]


def test_timeouts_and_errors_are_not_cached(tmp_path):
    doc = extract_bytes(b"Some resume text here", ExtractOptions())
    with Cache(tmp_path / "c.sqlite") as cache:
        cache.put(replace(doc, status="timeout"), "k")
        cache.put(replace(doc, status="error"), "k")
        assert cache.get(doc.sha256, "k") is None
        cache.put(doc, "k")
        assert cache.get(doc.sha256, "k").text == doc.text


def test_corrupt_cache_of_ours_is_moved_aside_and_rebuilt(tmp_path, resumes):
    path = tmp_path / "c.sqlite"
    with Cache(path) as cache:
        list(extract_all(resumes, workers=0, cache=cache))
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)  # our header, garbage pages
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"c.sqlite{suffix}").unlink(missing_ok=True)
    with pytest.warns(ResumeMatchWarning, match="damaged .*moved to .*rebuilt"):
        cache = Cache(path)
    with cache:
        assert list(extract_all(resumes, workers=0, cache=cache))
        assert cache.misses == 4
    assert (tmp_path / "c.sqlite.corrupt").read_bytes()[100:200] == b"\xff" * 100
    with Cache(path) as cache:
        list(extract_all(resumes, workers=0, cache=cache))
        assert cache.hits == 4


@pytest.mark.parametrize("content", [b"this is not a database \x00\xff" * 200, b"", b"SQLite format 3\x00" + bytes(200)],
                         ids=["text", "empty", "bad-sqlite"])
def test_cache_path_at_a_file_not_ours_is_an_error_and_left_alone(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(CacheError, match="not a resumematch cache"):
        Cache(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_cache_path_at_another_sqlite_database_is_an_error(tmp_path):
    path = tmp_path / "app.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CacheError, match="not a resumematch cache"):
        Cache(path)
    assert path.read_bytes() == before


def test_cache_path_at_a_folder_is_an_error_and_the_folder_is_untouched(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "keep.txt").write_text("x")
    with pytest.raises(CacheError, match="is a folder"):
        Cache(folder)
    assert [p.name for p in tmp_path.iterdir()] == ["mine"] and (folder / "keep.txt").read_text() == "x"


def test_cache_written_before_the_application_id_is_adopted_and_migrated(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript("""CREATE TABLE documents (sha256 TEXT NOT NULL, extractor TEXT NOT NULL,
        options TEXT NOT NULL, document TEXT NOT NULL, PRIMARY KEY (sha256, extractor, options));
        CREATE TABLE analyses (sha256 TEXT NOT NULL, key TEXT NOT NULL, analysis TEXT NOT NULL,
        PRIMARY KEY (sha256, key));""")
    doc = extract_bytes(b"Jane Example, project manager", ExtractOptions())
    conn.execute("INSERT INTO documents VALUES (?, 'v1', 'k', ?)", (doc.sha256, json.dumps(doc.to_dict())))
    conn.commit()
    conn.close()
    with Cache(path, extractor="v1") as cache:
        assert cache.get(doc.sha256, "k").text == doc.text
    assert int.from_bytes(path.read_bytes()[68:72], "big") == APPLICATION_ID


def test_integrity_check_runs_once_per_extractor_version(tmp_path, monkeypatch):
    path = tmp_path / "c.sqlite"
    checks = []
    real = Cache._first_open_by_this_version
    monkeypatch.setattr(Cache, "_first_open_by_this_version", lambda self, conn: checks.append(self.extractor)
                        or real(self, conn))
    for extractor in ("v1", "v1", "v1", "v2", "v2"):
        Cache(path, extractor=extractor).close()
    assert checks == ["v1", "v2"]


def test_stale_entries_are_pruned_automatically_only_past_the_size_cap(tmp_path):
    path = tmp_path / "c.sqlite"
    base = extract_bytes(b"A resume", ExtractOptions())
    with Cache(path, extractor="v1") as cache:
        for i in range(300):
            cache.put(replace(base, sha256=f"{i:04d}", text="x" * 4000), "k")
    Cache(path, extractor="v2", auto_prune_mb=100).close()  # under the cap: kept
    assert cache_info(path).stale_documents == 300
    Cache(path, extractor="v3", auto_prune_mb=1).close()  # past it: other versions' entries go
    info = cache_info(path)
    assert (info.documents, info.stale_documents) == (0, 0)


def _filled(path, extractor="v1", n=10, age_days=0.0):
    base = extract_bytes(b"A resume", ExtractOptions())
    with Cache(path, extractor=extractor) as cache:
        for i in range(n):
            cache.put(replace(base, sha256=f"{extractor}-{i:03d}", text="y" * 10_000), "k")
        cache.conn.execute("UPDATE documents SET created = created - ? WHERE extractor = ?", (age_days * 86400, extractor))


@pytest.mark.parametrize(("how", "left"), [({"older_than_days": 30}, 10), ({"older_than_days": 400}, 20),
                                           ({"stale": True}, 10), ({"max_mb": 0.1}, 10), ({"max_mb": 50}, 20)],
                         ids=["age", "age-none-old", "stale", "size-cap", "size-cap-roomy"])
def test_prune_by_age_stale_key_and_size_cap(tmp_path, how, left):
    path = tmp_path / "c.sqlite"
    _filled(path, "old", age_days=100)  # 10 entries made 100 days ago by another version
    _filled(path, EXTRACTOR_VERSION)    # 10 current ones
    removed = prune_cache(path, **how)
    info = cache_info(path)
    assert (removed, info.documents) == (20 - left, left)
    if left == 10:
        assert info.stale_documents == 0


def test_cli_cache_info_and_prune(tmp_path):
    from typer.testing import CliRunner

    from resumematch.cli import app

    path = tmp_path / "c.sqlite"
    _filled(path, "old", age_days=100)
    _filled(path, EXTRACTOR_VERSION)
    runner = CliRunner()
    info = runner.invoke(app, ["cache", "info", "--cache", str(path)])
    assert info.exit_code == 0 and "documents: 20 (10 from other extractor versions)" in info.output
    pruned = runner.invoke(app, ["cache", "prune", "--cache", str(path), "--stale"])
    assert pruned.exit_code == 0 and "Removed 10 entries" in pruned.output
    nothing = runner.invoke(app, ["cache", "prune", "--cache", str(path)])
    assert nothing.exit_code == 2
    missing = runner.invoke(app, ["cache", "info", "--cache", str(tmp_path / "none.sqlite")])
    assert missing.exit_code != 0 and "no cache" in missing.output and not (tmp_path / "none.sqlite").exists()


def _writer(path: str, who: int, n: int) -> None:
    base = extract_bytes(b"A resume written by process %d" % who, ExtractOptions())
    with Cache(path) as cache:
        for i in range(n):
            cache.put(replace(base, sha256=f"{who}-{i:03d}", text=f"text {who} {i}"), "k")


def test_two_processes_writing_at_once_do_not_corrupt_it(tmp_path):
    path = str(tmp_path / "shared.sqlite")
    Cache(path).close()
    ctx = mp.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(path, who, 50)) for who in (1, 2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 100
    conn.close()
    with Cache(path) as cache:
        for who in (1, 2):
            for i in range(50):
                assert cache.get(f"{who}-{i:03d}", "k").text == f"text {who} {i}"


def test_options_key_ignores_the_password():
    assert options_key(ExtractOptions()) == options_key(ExtractOptions(password="x"))
    assert options_key(ExtractOptions()) != options_key(ExtractOptions(max_bytes=1))


@pytest.mark.parametrize("kind", ["folder", "foreign-file"])
def test_cli_rank_with_cache_at_something_not_ours_fails_and_touches_nothing(tmp_path, kind):
    from typer.testing import CliRunner

    from resumematch.cli import app

    cv = tmp_path / "cv.txt"
    cv.write_text("Jane Example\nIT Project Manager")
    target = tmp_path / "mine"
    if kind == "folder":
        target.mkdir()
        (target / "keep.txt").write_text("x")
    else:
        target.write_text("my notes")
    result = CliRunner().invoke(app, ["rank", str(cv), "-o", str(tmp_path / "out.csv"), "--cache", str(target),
                                      "--workers", "0"])
    assert result.exit_code != 0 and str(target) in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cv.txt", "mine"]
    assert (target / "keep.txt").read_text() == "x" if kind == "folder" else target.read_text() == "my notes"


def _garble(path, table: str, column: str) -> None:
    """Every stored value of ``column`` made text that is not UTF-8 (it still quotes a name)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"UPDATE {table} SET {column} = CAST(x'7b224a616e6520ff4578616d706c65' AS TEXT)")
    conn.close()


def _stored(path):
    doc = extract_bytes(b"Jane Example, project manager", ExtractOptions())
    with Cache(path) as cache:
        cache.put(doc, "k")
        cache.put_facts(doc.sha256, "f", [["row"]])
    return doc


@pytest.mark.parametrize(("table", "column", "read"), [
    ("documents", "document", lambda cache, sha: cache.get(sha, "k")),
    ("facts", "facts", lambda cache, sha: cache.get_facts(sha, "f")),
], ids=["document", "facts"])
def test_cache_undecodable_entry_moves_it_aside_once_and_leaks_no_text(tmp_path, table, column, read):
    path = tmp_path / "c.sqlite"
    doc = _stored(path)
    _garble(path, table, column)
    with Cache(path) as cache:
        with pytest.warns(ResumeMatchWarning) as caught:
            assert read(cache, doc.sha256) is None
            assert read(cache, doc.sha256) is None  # given up: a miss, and no second warning
            cache.put(doc, "k")  # nothing is written for the rest of the run
    (message,) = [str(w.message) for w in caught]
    assert "is damaged" in message and "Jane" not in message and "Example" not in message
    assert "\n" not in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.sqlite.corrupt"]
    with Cache(path) as cache:
        assert cache.get(doc.sha256, "k") is None  # the next run starts a new cache


def test_cache_busy_is_not_damage_and_stays_in_place(tmp_path):
    """The twin: SQLite could not answer (locked), the file is fine: the run goes on without it,
    and the cache is left where it is."""
    path = tmp_path / "c.sqlite"
    doc = _stored(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    with Cache(path) as cache:
        cache.conn.execute("PRAGMA busy_timeout=50")
        with pytest.warns(ResumeMatchWarning, match="could not be used .*SQLITE_BUSY"):
            cache.put_facts(doc.sha256, "g", [["row"]])
        assert cache.get(doc.sha256, "k") is None
    holder.execute("ROLLBACK")
    holder.close()
    assert not (tmp_path / "c.sqlite.corrupt").exists()
    with Cache(path) as cache:
        assert cache.get(doc.sha256, "k").text == doc.text


def test_cache_worker_reader_meeting_damage_is_silent_and_moves_nothing(tmp_path):
    """A worker's read-only reader leaves noticing (and moving) to the parent."""
    path = tmp_path / "c.sqlite"
    doc = _stored(path)
    _garble(path, "documents", "document")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with Cache(path, readonly=True) as reader:
            assert reader.get(doc.sha256, "k") is None
    assert path.exists() and not (tmp_path / "c.sqlite.corrupt").exists()


def _open_at_once(path: str, barrier, who: int) -> None:
    barrier.wait(30)
    with Cache(path, extractor="v1") as cache:
        cache.put(replace(extract_bytes(b"A resume", ExtractOptions()), sha256=f"{who:03d}", text=f"text {who}"), "k")


@pytest.mark.parametrize("processes", [6])
def test_cache_processes_opening_one_new_cache_at_once_all_succeed(tmp_path, processes):
    """Making and checking a new cache are safe to race: processes released at one barrier."""
    path = tmp_path / "c.sqlite"
    ctx = mp.get_context("fork")
    barrier = ctx.Barrier(processes)
    procs = [ctx.Process(target=_open_at_once, args=(str(path), barrier, who)) for who in range(processes)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0] * processes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.sqlite"]  # no temporary file left
    with Cache(path, extractor="v1") as cache:
        assert [cache.get(f"{who:03d}", "k").text for who in range(processes)] == [f"text {who}" for who in
                                                                                   range(processes)]


def test_cache_pipeline_hash_covers_the_analysis_code_and_the_catalogue_it_reads(monkeypatch):
    """A cached analysis is void when the occupation background or the catalogue's terms change,
    not only when the analyze package's code does."""
    from resumematch.analyze.values import pipeline_hash

    read = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or original(self))
    pipeline_hash.__wrapped__()
    assert {"relevance.py", "occupations.py", "occupation_tasks.tsv", "occupation_alternate_titles.tsv",
            "credentials.yaml"} <= set(read)
    assert not any(name.endswith(".pyc") for name in read)


def test_cache_the_test_session_keeps_out_of_the_users_folders():
    """conftest gives the session its own cache and data folders: a test that ranks with the
    default cache or blinds with the default key had left its entries (made with OCR switched
    off) in the user's cache, where they answered the user's own runs (eighteenth session)."""
    from platformdirs import user_data_dir

    from resumematch.run.cache.db import default_cache_path

    home = Path.home().resolve()
    assert home not in default_cache_path().resolve().parents
    assert home not in Path(user_data_dir("resumematch")).resolve().parents
