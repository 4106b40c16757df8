"""Analysis in the worker processes, and the analysis cache.

Workers extract and analyse; the parent finds cached documents and analyses, keeps new ones, and
scores. Counting what workers do goes through files (they are other processes).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import builders
import pytest

from resumematch import WorkerError
from resumematch.analyze.values import Analysis, Candidate
from resumematch.model import load_model
from resumematch.run import pool
from resumematch.run import worker as batch
from resumematch.run.cache import Cache
from resumematch.run.pool import Limits, analyze_files
from resumematch.run.screener import Screener

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "resumes"
AS_OF = dt.date(2026, 11, 1)
pytestmark = [pytest.mark.skipif(not hasattr(os, "fork"), reason="worker tests need fork"),
              pytest.mark.usefixtures("watchdog")]


def pdf(path: Path, name: str) -> Path:
    path.write_bytes(builders.lines_pdf([[name, "IT project manager at Acme 2019 - 2024",
                                          "PMP certified. Skills: Agile, Scrum, budgeting"]]))
    return path


def empty_analysis() -> Analysis:
    return Analysis(Candidate(None, None, None), 0.0, 0.0, 0.0, 0, (), (), (), "test", "2026-01-01")


class Scripted:
    """An analyzer whose behaviour is set by a word in the text: HANG sleeps, BOOM raises."""

    def analyze(self, document):
        if "HANG" in document.text:
            time.sleep(600)
        if "BOOM" in document.text:
            raise RuntimeError("the pipeline fell over")
        return empty_analysis()


class Logged:
    """A real analyzer that leaves a file in ``log`` per analysis (workers are other processes)."""

    def __init__(self, log: Path) -> None:
        self.log = log

    def __call__(self):
        from resumematch.analyze import Analyzer

        self.real = Analyzer("it_project_manager", as_of=AS_OF)
        return self

    def analyze(self, document):
        (self.log / uuid.uuid4().hex).touch()
        return self.real.analyze(document)


def count(folder: Path) -> int:
    return sum(1 for _ in folder.iterdir())


@pytest.mark.parametrize("workers", [0, 1])
def test_batch_analysis_error_is_a_row_and_the_run_goes_on(tmp_path, workers):
    files = [pdf(tmp_path / "a.pdf", "Ann Able"), pdf(tmp_path / "boom.pdf", "BOOM Person"),
             pdf(tmp_path / "c.pdf", "Cy Crane")]
    items = list(analyze_files(files, analyzer=Scripted, workers=workers, limits=Limits(timeout=20)))
    assert [d.status for d, _ in items] == ["ok", "error", "ok"]
    assert "analysing its text" in items[1][0].reason and "fell over" in items[1][0].reason
    assert items[1][1] is None and items[0][1] == empty_analysis()
    assert items[1][0].source == str(files[1])
    assert items[1][0].format == "pdf"  # read, then not analysed: its identity is kept
    assert items[1][0].sha256 == hashlib.sha256(files[1].read_bytes()).hexdigest()


def test_batch_analysis_that_hangs_times_out(tmp_path):
    files = [pdf(tmp_path / "hang.pdf", "HANG Person"), pdf(tmp_path / "b.pdf", "Bea Bright")]
    start = time.monotonic()
    items = list(analyze_files(files, analyzer=Scripted, workers=1, limits=Limits(timeout=2)))
    assert time.monotonic() - start < 30
    assert [d.status for d, _ in items] == ["timeout", "ok"]
    assert items[0][0].reason == "Reading and analysing the file took longer than 2 s."


def test_batch_worker_that_cannot_start_stops_the_run_with_a_reason(tmp_path):
    def broken():
        raise OSError("no lookups table")

    with pytest.raises(WorkerError, match="could not start: OSError: no lookups table"):
        list(analyze_files([pdf(tmp_path / "a.pdf", "Ann Able")], analyzer=broken, workers=1))


def _row(result):
    return result.file, result.status, result.score, result.strengths(), result.flags


def test_batch_workers_score_like_this_process(tmp_path):
    screener = Screener("it_project_manager", as_of=AS_OF)
    files = sorted(p for p in EXAMPLES.iterdir() if p.is_file())
    inline = [_row(r) for r in screener.score_files(files, workers=0)]
    pooled = [_row(r) for r in screener.score_files(files, workers=2)]
    assert inline == pooled
    assert sum(r[1] == "ok" for r in pooled) >= 10


def test_batch_spawned_workers_score_like_this_process():
    # macOS and Windows spawn workers: the analyzer factory and the model travel by pickle.
    screener = Screener("it_project_manager", as_of=AS_OF)
    files = [EXAMPLES / "maria_okafor.txt", EXAMPLES / "priya_raghunathan.docx", EXAMPLES / "tomas_herrera.pdf"]
    inline = [_row(r) for r in screener.score_files(files, workers=0)]
    spawned = [_row(r) for r in
               screener.score_files(files, workers=1, limits=Limits(start_method="spawn"))]
    assert spawned == inline and all(r[1] == "ok" for r in spawned)


def test_batch_forked_workers_inherit_an_analyzer_already_built(tmp_path, monkeypatch):
    from resumematch.analyze import analyzer as analyzer_module

    screener = Screener("it_project_manager", as_of=AS_OF)
    assert screener.analyzer is not None  # built here, before the workers fork

    def no_second_build(*args, **kwargs):
        raise AssertionError("a worker built its own analyzer")

    monkeypatch.setattr(analyzer_module.Analyzer, "__init__", no_second_build)
    results = list(screener.score_files([pdf(tmp_path / "a.pdf", "Ann Able")], workers=1))
    assert results[0].status == "ok" and results[0].score > 0


def test_batch_screener_pickles_without_its_pipeline():
    import pickle

    screener = Screener("it_project_manager", as_of=AS_OF)
    assert screener.analyzer is not None
    copy = pickle.loads(pickle.dumps(screener))
    assert copy._analyzer is None and screener._analyzer is not None
    assert copy.model == screener.model and copy.as_of == AS_OF


def test_batch_cache_skips_extraction_and_analysis_it_holds(tmp_path, monkeypatch):
    extracted, analysed = tmp_path / "extracted", tmp_path / "analysed"
    extracted.mkdir()
    analysed.mkdir()
    real = batch.extract

    def logged_extract(path, **kw):
        (extracted / uuid.uuid4().hex).touch()
        return real(path, **kw)

    monkeypatch.setattr(batch, "extract", logged_extract)  # workers are forked: they see the patch
    folder = tmp_path / "cv"
    folder.mkdir()
    files = [pdf(folder / f"cv{i}.pdf", f"Person{i} Example") for i in range(4)]
    run = lambda key, cache: list(analyze_files(files, analyzer=Logged(analysed), analysis_key=key,  # noqa: E731
                                                workers=2, cache=cache))
    with Cache(tmp_path / "c.sqlite") as cache:
        first = run("model-a", cache)
        assert (count(extracted), count(analysed)) == (4, 4)

        # Another model: the workers read the documents from the cache and only analyse them.
        other = run("model-b", cache)
        assert (count(extracted), count(analysed)) == (4, 8)

        # Everything known: no worker is even started.
        monkeypatch.setattr(pool, "_Slot", None)
        again = run("model-a", cache)
        assert (count(extracted), count(analysed)) == (4, 8)
    assert [d.to_dict() for d, _ in again] == [d.to_dict() for d, _ in first]
    assert [a for _, a in again] == [a for _, a in first] == [a for _, a in other]


def test_batch_worker_that_cannot_read_the_cache_reads_the_file(tmp_path, monkeypatch):
    import sqlite3

    files = [pdf(tmp_path / f"cv{i}.pdf", f"Person{i} Example") for i in range(2)]
    with Cache(tmp_path / "c.sqlite") as cache:
        first = list(analyze_files(files, analyzer=Scripted, analysis_key="a", workers=1, cache=cache))

        def locked(self):
            raise sqlite3.OperationalError("database is locked")

        monkeypatch.setattr(Cache, "_reader", locked)  # only workers open the cache read-only
        second = list(analyze_files(files, analyzer=Scripted, analysis_key="b", workers=1, cache=cache))
    assert [d.status for d, _ in second] == ["ok", "ok"]
    assert [d.text for d, _ in second] == [d.text for d, _ in first]


def test_batch_analysis_key_ignores_weights_not_phrases(tmp_path):
    base = load_model("it_project_manager")
    first = base.requirements[0]
    reweighted = base.model_copy(update={"requirements": (first.model_copy(update={"weight": first.weight + 7}),
                                                          *base.requirements[1:])})
    rephrased = base.model_copy(update={"requirements": (first.model_copy(update={"aliases": (*first.aliases, "x y z")}),
                                                         *base.requirements[1:])})
    key = Screener(base, as_of=AS_OF).analysis_key
    assert Screener(reweighted, as_of=AS_OF).analysis_key == key
    assert Screener(rephrased, as_of=AS_OF).analysis_key != key
    assert Screener(base, as_of=dt.date(2026, 12, 1)).analysis_key != key  # "Present" moved


def test_batch_stored_analysis_belongs_to_its_document(tmp_path):
    # Another extractor version or other options may give the same file other text; its cached
    # analysis must not be served for it.
    from resumematch.extraction import ExtractOptions
    from resumematch.run.cache import Store as _Store

    with Cache(tmp_path / "a.sqlite") as one, Cache(tmp_path / "b.sqlite", extractor="other") as two:
        key = _Store(one, ExtractOptions(), "k").analysis_key
        assert _Store(one, ExtractOptions(), "k").analysis_key == key
        assert _Store(two, ExtractOptions(), "k").analysis_key != key
        assert _Store(one, ExtractOptions(max_pages=2), "k").analysis_key != key
        assert _Store(one, ExtractOptions(), "k2").analysis_key != key
        assert _Store(one, ExtractOptions(), None).analysis_key is None


def test_batch_parent_forks_workers_without_pandas_spacy_or_readers():
    # Workers are forked from the parent when the first file needs one; whatever the parent has
    # loaded by then, every worker carries too (pandas alone is about 24 MB). A warm run, served
    # from the cache, also starts faster without pdfminer and python-docx.
    code = ("import sys; from resumematch.cli import app; from resumematch.run.rank import rank_files; "
            "from resumematch.run.screener import Screener; Screener('it_project_manager'); "
            "print(sorted(m for m in ('pandas', 'spacy', 'pdfminer', 'docx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert out.stdout.strip() == "[]"
