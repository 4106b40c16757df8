"""The SQLite extraction cache: hits, invalidation, a corrupt file, two writers at once."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
from dataclasses import replace

import builders
import pytest

from resumematch.extract import ExtractOptions, extract_bytes
from resumematch.run.cache import Cache
from resumematch.run.pool import extract_all
from resumematch.run.store import options_key


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


def test_corrupt_cache_file_is_moved_aside_and_rebuilt(tmp_path, resumes):
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not a database \x00\xff" * 200)
    with pytest.warns(RuntimeWarning, match="unreadable"):
        cache = Cache(path)
    with cache:
        assert list(extract_all(resumes, workers=0, cache=cache))
        assert cache.misses == 4
    assert (tmp_path / "c.sqlite.corrupt").read_bytes().startswith(b"this is not")
    with Cache(path) as cache:
        list(extract_all(resumes, workers=0, cache=cache))
        assert cache.hits == 4


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
