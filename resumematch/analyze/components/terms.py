"""Component: exact matching of the model's aliases and evidence phrases.

Aliases match on LOWER (acronyms such as "PMP" or "IT" on ORTH, so the pronoun
"it" is not Information Technology); evidence phrases ("negotiated vendor
contracts") match on LEMMA, so tense does not matter.
"""

from __future__ import annotations

from pathlib import Path

import numpy
import srsly
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .extensions import Finding, doc_text, token_bounds


def is_acronym(alias: str) -> bool:
    """Short all-capitals aliases ("PMP", "IT", "PSM I") are matched case-sensitively."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and alias == alias.upper() and len(letters) <= 5


class LemmaCase:
    """Sets each token's lemma from the lookup table using its lower-case form ("Led" -> "lead")."""

    def __init__(self, nlp: Language, name: str = "resumematch_lemmas") -> None:
        self.name = name
        self.table: dict | None = None
        self.nlp = nlp
        self._lemma_of: dict[int, int] = {}  # lower-case form's hash -> lemma's hash

    def initialize(self, get_examples=None, nlp: Language | None = None) -> None:
        self.table = (nlp or self.nlp).get_pipe("lemmatizer").lookups.get_table("lemma_lookup")

    def __call__(self, doc: Doc) -> Doc:
        if self.table is None:
            self.initialize()
        # Through arrays of string hashes: building a Token object per word costs more than the lookup.
        strings, memo = doc.vocab.strings, self._lemma_of
        lowers = doc.to_array([LOWER]).tolist()
        # set.difference(dict) looks up each word; "set - memo.keys()" walked the whole memo.
        for h in set(lowers).difference(memo):
            lower = strings[h]
            memo[h] = strings.add(self.table.get(lower, lower))
        doc.from_array([LEMMA], numpy.array([memo[h] for h in lowers], dtype=numpy.uint64))
        return doc


class TermMatcher:
    """Finds every alias and evidence phrase of the model; appends to ``doc._.rm_findings``."""

    def __init__(self, nlp: Language, name: str = "resumematch_terms") -> None:
        self.name = name
        self.nlp = nlp
        self.entries: list[dict] = []
        self._entry_of: dict[int, dict] = {}  # match id (the key's string hash) -> entry
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")

    def add_terms(self, entries: list[dict]) -> None:
        """Add entries ``{"category", "id", "name", "phrase", "kind"}``; kind is alias or evidence."""
        lemmatize = self._lemmatizer()
        for entry in entries:
            key = str(len(self.entries))
            self.entries.append(entry)
            self._entry_of[self.nlp.vocab.strings.add(key)] = entry
            phrase = entry["phrase"]
            if entry["kind"] == "evidence":
                self._lemma.add(key, [lemmatize(self.nlp.make_doc(phrase.lower()))])
            elif is_acronym(phrase):
                self._orth.add(key, [self.nlp.make_doc(phrase)])
            else:
                self._lower.add(key, [self.nlp.make_doc(phrase)])
                self._lemma.add(key, [lemmatize(self.nlp.make_doc(phrase.lower()))])

    def _lemmatizer(self):
        for _, pipe in self.nlp.pipeline:
            if isinstance(pipe, LemmaCase):
                if pipe.table is None:
                    pipe.initialize(nlp=self.nlp)
                return pipe
        return lambda doc: doc

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[Finding]:
        text = doc_text(doc)
        starts, ends, _ = token_bounds(doc)
        found = []
        for matcher, how in ((self._orth, "orth"), (self._lower, "lower"), (self._lemma, "lemma")):
            for match_id, start, end in matcher(doc):
                entry = self._entry_of[match_id]
                if how == "lemma":
                    method = "lemma"
                elif text[starts[start]:ends[end - 1]].lower() == entry["name"].lower():
                    method = "exact"
                else:
                    method = "alias"
                found.append(Finding(start, end, entry["category"], entry["id"], entry["name"],
                                     method, 1.0 if method != "lemma" else 0.95))
        return found

    def set_annotations(self, doc: Doc, found: list[Finding]) -> Doc:
        doc._.rm_findings = resolve_overlaps((doc._.rm_findings or []) + found)
        return doc

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "terms.jsonl", self.entries)

    def from_disk(self, path, exclude=()) -> TermMatcher:
        self.add_terms(list(srsly.read_jsonl(Path(path) / "terms.jsonl")))
        return self


_METHOD_RANK = {"exact": 0, "alias": 1, "lemma": 2, "fuzzy": 3}


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Keep the longest finding where term findings overlap; degrees are kept apart.

    At equal length an exact match beats an alias, which beats a lemma or fuzzy one.
    The same span may stand for several requirements only when it is the same text.
    """
    degrees = [f for f in findings if f.category == "degree"]
    rest = sorted((f for f in findings if f.category != "degree"),
                  key=lambda f: (f.start - f.end, _METHOD_RANK.get(f.method, 9), f.start))
    taken: list[Finding] = []
    by_span: dict[tuple[int, int], list[Finding]] = {}
    covered = bytearray(max((f.end for f in rest), default=0))  # 1 for each token taken
    for f in rest:
        same = by_span.get((f.start, f.end))
        if same is None:
            if covered.find(1, f.start, f.end) >= 0:
                continue
            by_span[f.start, f.end] = [f]
        elif any(t.req_id == f.req_id or t.req_id is None or f.req_id is None for t in same):
            continue
        else:
            same.append(f)
        taken.append(f)
        covered[f.start:f.end] = b"\x01" * (f.end - f.start)
    return sorted(taken + degrees, key=lambda f: (f.start, f.end, f.req_id or ""))


@Language.factory("resumematch_lemmas")
def make_lemmas(nlp: Language, name: str) -> LemmaCase:
    return LemmaCase(nlp, name)


@Language.factory("resumematch_terms")
def make_terms(nlp: Language, name: str) -> TermMatcher:
    return TermMatcher(nlp, name)
