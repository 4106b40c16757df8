"""What a worker's pipeline costs to start: spaCy without its command line, an English tokenizer
built without its special cases, the lemma table as a plain dict. Each gives what spaCy's own
way gives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.lookups import load_lookups

from resumematch.analyze.analyzer import _PlainEnglish
from resumematch.analyze.components.terms import LemmaCase

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ["I don't lead; Jan. 2019 :) e.g. 3 o'clock vs. PMP®", "can't won't Mr. Smith, B.Sc. (2019-2021)"]


def _loaded(code: str) -> list[str]:
    probe = code + "\nimport sys\nprint(sorted(m for m in ('spacy', 'spacy.cli', 'requests', 'rich') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)))
    return out.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("code, loaded", [
    ("from resumematch.analyze import Analyzer", "['spacy']"),
    # spaCy imported before: its own import, with its command line, is left as it was
    ("import spacy\nfrom resumematch.analyze import Analyzer", "['requests', 'rich', 'spacy', 'spacy.cli']"),
])
def test_pipeline_startup_spacy_without_its_command_line(code, loaded):
    assert _loaded(code) == loaded


@pytest.mark.parametrize("later", ["import spacy.cli\nassert callable(spacy.cli.setup_cli)",
                                   # a script's "spacy.cli.download(...)" without importing spacy.cli
                                   "import spacy\nassert callable(spacy.cli.download)",
                                   "import spacy\nassert spacy.info()['spacy_version'] == spacy.__version__"])
def test_pipeline_startup_spacy_command_line_still_loads_when_asked(later):
    assert "'spacy.cli'" in _loaded("from resumematch.analyze import Analyzer\n" + later)


@pytest.mark.parametrize("text", TEXTS)
def test_pipeline_startup_tokenizer_same_as_english_with_its_special_cases_cleared(text):
    cleared = spacy.blank("en")
    cleared.tokenizer.rules = {}
    assert [t.text for t in _PlainEnglish()(text)] == [t.text for t in cleared(text)]
    # the special cases themselves are not there: spaCy's English splits "don't" and keeps "Jan."
    assert [t.text for t in _PlainEnglish()(text)] != [t.text for t in spacy.blank("en")(text)]


@pytest.mark.parametrize("word, lemma", [("budgets", "budget"), ("led", "lead"), ("managed", "manage"),
                                         ("pmp", "pmp"), ("qwertyuiop", "qwertyuiop")])
def test_pipeline_startup_lemma_table_is_spacys_lookup_table(word, lemma):
    lemmas = LemmaCase(None)
    lemmas.initialize(nlp=_PlainEnglish())
    table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
    assert type(lemmas.table) is dict and len(lemmas.table) == len(table)
    assert lemmas.lemma(word.capitalize()) == table.get(word, word) == lemma
