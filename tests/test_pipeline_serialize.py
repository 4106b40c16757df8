"""The spaCy pipeline saved and loaded: to disk and to bytes, into the same pipeline and into one
rebuilt from its config, gives the findings it gave before; initialising again doubles nothing.

Every example resume is analysed, so a component that loses, doubles or mixes up its entries
changes some finding. ``as_of`` is fixed so "Present" is reproducible.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
import spacy

from resumematch import extract
from resumematch.analyze import Analyzer

AS_OF = dt.date(2026, 11, 1)
ROOT = Path(__file__).resolve().parents[1]
DATA_ANALYST = ROOT / "examples/models/data_analyst.yaml"
STATEFUL = ("resumematch_terms", "resumematch_fuzzy", "resumematch_patterns", "resumematch_degrees",
            "resumematch_dates")


def _disk_same(nlp, tmp_path, saved=None):
    (saved or nlp).to_disk(tmp_path / "nlp")
    return nlp.from_disk(tmp_path / "nlp")


def _bytes_same(nlp, tmp_path, saved=None):
    return nlp.from_bytes((saved or nlp).to_bytes())


def _disk_rebuilt(nlp, tmp_path):
    nlp.to_disk(tmp_path / "nlp")
    return spacy.load(tmp_path / "nlp")


def _bytes_rebuilt(nlp, tmp_path):
    return spacy.util.load_model_from_config(nlp.config).from_bytes(nlp.to_bytes())


@pytest.fixture(scope="module")
def documents():
    return [extract(path) for path in sorted((ROOT / "examples/resumes").iterdir())]


@pytest.fixture(scope="module")
def expected(documents):
    return list(Analyzer("it_project_manager", as_of=AS_OF).analyze_many(documents))


@pytest.mark.parametrize("roundtrip", [_disk_same, _bytes_same, _disk_rebuilt, _bytes_rebuilt])
def test_pipeline_saved_and_loaded_finds_the_same(documents, expected, tmp_path, roundtrip):
    analyzer = Analyzer("it_project_manager", as_of=AS_OF)
    analyzer.nlp = roundtrip(analyzer.nlp, tmp_path)
    found = list(analyzer.analyze_many(documents))
    assert sum(len(a.entities) for a in expected) > 200
    assert found == expected


@pytest.mark.parametrize("roundtrip", [_disk_same, _bytes_same])
def test_pipeline_loading_another_model_replaces_the_entries(documents, expected, tmp_path, roundtrip):
    analyzer = Analyzer("it_project_manager", as_of=AS_OF)
    other = Analyzer(str(DATA_ANALYST), as_of=AS_OF)
    analyzer.nlp = roundtrip(analyzer.nlp, tmp_path, saved=other.nlp)
    found = [a.entities for a in analyzer.analyze_many(documents)]
    assert found == [a.entities for a in other.analyze_many(documents)]
    assert found != [a.entities for a in expected]
    assert {name: analyzer.nlp.get_pipe(name).settings() for name in STATEFUL} == \
        {name: other.nlp.get_pipe(name).settings() for name in STATEFUL}


@pytest.mark.parametrize("times", [1, 2])
def test_pipeline_initialized_again_doubles_nothing(documents, expected, times):
    analyzer = Analyzer("it_project_manager", as_of=AS_OF)
    before = copy.deepcopy({name: analyzer.nlp.get_pipe(name).settings() for name in STATEFUL})
    for _ in range(times):
        analyzer.nlp.initialize()
    assert {name: analyzer.nlp.get_pipe(name).settings() for name in STATEFUL} == before
    assert list(analyzer.analyze_many(documents)) == expected
