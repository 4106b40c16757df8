"""The cyclic collector is paused only around bulk work that makes no cycles, and never in a worker.

A warm ``rank`` builds the tables from thousands of cached facts with the collector paused
(docs/performance.md); files read now, and the workers that read them, run with it on.
"""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest

from resumematch.run import worker as batch
from resumematch.run.cache import Cache
from resumematch.run.gcpause import paused_gc
from resumematch.run.pool import Limits, extract_all
from resumematch.run.rank import RunSettings, rank_files
from resumematch.run.screener import Screener

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def collector():
    """The collector as the test found it, whatever the test does to it."""
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


@pytest.mark.parametrize("enabled", [True, False], ids=["on", "off"])
def test_gcpause_pauses_and_restores_the_callers_state(collector, enabled):
    (gc.enable if enabled else gc.disable)()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():  # nested: the inner pause must not turn it back on
            pass
        assert not gc.isenabled()
    assert gc.isenabled() is enabled


@pytest.mark.parametrize("enabled", [True, False], ids=["on", "off"])
def test_gcpause_restores_after_an_error(collector, enabled):
    (gc.enable if enabled else gc.disable)()
    with pytest.raises(RuntimeError), paused_gc():
        raise RuntimeError("boom")
    assert gc.isenabled() is enabled


@pytest.mark.skipif(not hasattr(os, "fork"), reason="a worker inherits the parent's collector only when forked")
@pytest.mark.usefixtures("watchdog", "collector")
@pytest.mark.parametrize("paused", [True, False], ids=["parent-paused", "parent-collecting"])
def test_gcpause_worker_collects_whatever_its_parent_does(tmp_path, monkeypatch, paused):
    seen = tmp_path / "seen"
    real = batch.extract

    def recording_extract(path, **kw):  # runs in the worker
        seen.write_text(str(gc.isenabled()))
        return real(path, **kw)

    monkeypatch.setattr(batch, "extract", recording_extract)
    (tmp_path / "cv.txt").write_text("Ada Lovelace\nProject manager at Acme 2019 - 2024\n", encoding="utf-8")
    if paused:
        with paused_gc():
            docs = list(extract_all([tmp_path / "cv.txt"], workers=1, limits=Limits(timeout=60)))
    else:
        docs = list(extract_all([tmp_path / "cv.txt"], workers=1, limits=Limits(timeout=60)))
    assert [d.status for d in docs] == ["ok"]
    assert seen.read_text() == "True"


@pytest.mark.usefixtures("collector")
@pytest.mark.parametrize(("warm", "paused"), [(True, True), (False, False)], ids=["from-cache", "read-now"])
def test_gcpause_rank_pauses_only_while_facts_come_from_the_cache(tmp_path, warm, paused):
    folder = tmp_path / "resumes"
    folder.mkdir()
    for name in ("maria_okafor.txt", "kenji_watanabe.txt"):
        shutil.copy(ROOT / "examples" / "resumes" / name, folder / name)
    cache = tmp_path / "cache.sqlite"
    screener = Screener("it_project_manager")
    if warm:
        rank_files([folder], tmp_path / "first.csv", screener, RunSettings(workers=0, cache=str(cache)))
    states = []
    summary = rank_files([folder], tmp_path / "ranked.csv", screener, RunSettings(workers=0, cache=str(cache)),
                         progress=lambda done, total: states.append(gc.isenabled()))
    assert summary.cache_hits == (2 if warm else 0)
    assert states == [not paused] * 2
    assert gc.isenabled()
    with Cache(cache) as c:  # the cache was written as usual
        assert c.conn.execute("SELECT count(*) FROM facts").fetchone()[0] == 2
