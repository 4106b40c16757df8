"""Small word lists and the dictionary form of a word, for reading postings without spaCy."""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

STOP = frozenset("""a an the and or of to in on for with by as at from into our your their its this that these
those we you they it is are be will can may must should would all any each other such new own who which what
when where how strong excellent good great solid proven demonstrated ability able high highly well very
including include includes e.g. i.e. etc also both more most other across within per via using use""".split())

#: Words too general to tell one job from another as an object or a relevant term.
GENERIC = frozenset("""experience years year work working professional relevant related field role position
environment setting skills skill knowledge understanding industry job level minimum plus least equivalent
team teams business company organization organisation stakeholders stakeholder things tasks task day
duties responsibilities areas area various multiple different key""".split())

NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "twelve": 12, "fifteen": 15}


@cache
def _table() -> dict[str, str]:
    path = resources.files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
    with path.open("rb") as raw, gzip.open(raw) as handle:
        return json.load(handle)


def lemma(word: str) -> str:
    """The dictionary form of an English word ("led" -> "lead", "statements" -> "statement"), from
    spacy-lookups-data's table (the analyzer's lemmas), else the word with a plural "s" removed."""
    word = word.lower()
    found = _table().get(word)
    if found and found != "datum":
        return found
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def is_verb(word: str) -> bool:
    """Whether an English verb has this form as its dictionary form ("Analyze": "analyzed" -> analyze)."""
    word = word.lower()
    table = _table()
    return any(table.get(word + end) == word for end in ("ed", "d", "ing"))
