"""Components: lemmas, and exact matching of the model's aliases and evidence phrases.

Aliases match on LOWER (acronyms such as "PMP" or "IT" on ORTH, so the pronoun "it" is not
Information Technology), and also on LEMMA ("budgets" for "budget"), except soft skills, whose
aliases are adjectives and nouns that change meaning when inflected ("Trust" is not "trusted").
Evidence phrases ("negotiated vendor contracts") match on LEMMA, so tense does not matter; they
show a requirement rather than name it, and their findings have the method ``evidence``.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import load_language_data, registry

from ...types import Category, Method, PhraseKind
from ..component import StatefulComponent
from ..rules.extensions import Finding, doc_text, token_bounds


def is_acronym(alias: str) -> bool:
    """Short all-capitals aliases ("PMP", "IT", "PSM I") are matched case-sensitively."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and alias == alias.upper() and len(letters) <= 5


class LemmaCase:
    """Sets each token's lemma from the lookup table using its lower-case form ("Led" -> "lead")."""

    def __init__(self, nlp: Language, name: str = "resumematch_lemmas") -> None:
        self.name = name
        self.table: dict | None = None
        self._lemma_of: dict[int, int] = {}  # lower-case form's hash -> lemma's hash

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Read spacy-lookups-data's English lookup table, the one spaCy's lookup lemmatizer reads.

        As a plain dict: the lemmatizer keeps it in a ``Table`` keyed by string hashes, which took
        70 ms more of each worker's start-up to fill and gives the same lemmas."""
        self.table = load_language_data(registry.lookups.get("en")["lemma_lookup"])
        self._lemma_of = {}  # made with the table this replaces

    def lemma(self, word: str) -> str:
        """The dictionary form of ``word`` (lower-cased)."""
        lower = word.lower()
        return self.table.get(lower, lower) if self.table is not None else lower

    def __call__(self, doc: Doc) -> Doc:
        # Through arrays of string hashes: building a Token object per word costs more than the lookup.
        strings, memo = doc.vocab.strings, self._lemma_of
        lowers = doc.to_array([LOWER]).tolist()
        # set.difference(dict) looks up each word; "set - memo.keys()" walked the whole memo.
        for h in set(lowers).difference(memo):
            memo[h] = strings.add(self.lemma(strings[h]))
        doc.from_array([LEMMA], numpy.array([memo[h] for h in lowers], dtype=numpy.uint64))
        return doc


def lemmatizer_of(nlp: Language) -> LemmaCase:
    """The pipeline's ``resumematch_lemmas`` component, initialised."""
    pipe = nlp.get_pipe("resumematch_lemmas")
    if pipe.table is None:
        pipe.initialize(nlp=nlp)
    return pipe


class TermMatcher(StatefulComponent):
    """Finds every alias and evidence phrase of the model; appends to ``doc._.rm_findings``."""

    def __init__(self, nlp: Language, name: str = "resumematch_terms") -> None:
        super().__init__(nlp, name)
        self.clear()

    def clear(self) -> None:
        self.entries: list[dict] = []
        self._entry_of: dict[int, dict] = {}  # match id (the key's string hash) -> entry
        self._lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._orth = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._lemma = PhraseMatcher(self.nlp.vocab, attr="LEMMA")

    def initialize(self, get_examples=None, *, nlp: Language | None = None, entries: Iterable[dict] = ()) -> None:
        """Take the model's phrases: ``{"category", "id", "name", "phrase", "kind", "context_only"}``
        dicts, where kind is ``alias`` or ``evidence``."""
        self.clear()
        lemmas = lemmatizer_of(nlp or self.nlp)
        for entry in entries:
            key = str(len(self.entries))
            self.entries.append(dict(entry))
            self._entry_of[self.nlp.vocab.strings.add(key)] = self.entries[-1]
            phrase = entry["phrase"]
            lemma_doc = lemmas(self.nlp.make_doc(phrase.lower()))
            if entry["kind"] == PhraseKind.EVIDENCE:
                self._lemma.add(key, [lemma_doc])
            elif is_acronym(phrase):
                self._orth.add(key, [self.nlp.make_doc(phrase)])
            else:
                self._lower.add(key, [self.nlp.make_doc(phrase)])
                if entry["category"] != Category.SOFT_SKILLS:
                    self._lemma.add(key, [lemma_doc])

    def settings(self) -> dict:
        return {"entries": self.entries}

    def match(self, doc: Doc) -> list[Finding]:
        text = doc_text(doc)
        starts, ends, _ = token_bounds(doc)
        found = []
        for matcher in (self._orth, self._lower, self._lemma):
            for match_id, start, end in matcher(doc):
                entry = self._entry_of[match_id]
                if entry["kind"] == PhraseKind.EVIDENCE:
                    method, score = Method.EVIDENCE, 1.0
                elif matcher is self._lemma:
                    method, score = Method.LEMMA, 0.95
                elif text[starts[start]:ends[end - 1]].lower() == entry["name"].lower():
                    method, score = Method.EXACT, 1.0
                else:
                    method, score = Method.ALIAS, 1.0
                found.append(Finding(start, end, entry["category"], entry["id"], entry["name"], method, score,
                                     needs_context=entry.get("context_only", False)))
        return found

    def merge(self, findings: list[Finding]) -> list[Finding]:
        return resolve_overlaps(findings)


_METHOD_RANK = {Method.EXACT: 0, Method.ALIAS: 1, Method.LEMMA: 2, Method.FUZZY: 3}


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Keep the longest finding where findings that name things overlap.

    At equal length an exact match beats an alias, which beats a lemma or fuzzy one. The same span
    may stand for several requirements only when it is the same text. Degrees, and evidence of
    what the candidate did ("presented the roadmap"), stand apart: they never hide a finding that
    names something ("roadmap"); evidence overlapping evidence of the same requirement keeps the
    longest, and a name inside evidence of its own requirement ("honest" in "honest status
    reporting") is left to the evidence.
    """
    apart = [f for f in findings if f.category == Category.DEGREE]
    evidence = [f for f in findings if f.method == Method.EVIDENCE and f.category != Category.DEGREE]
    names = [f for f in findings if f.method != Method.EVIDENCE and f.category != Category.DEGREE]
    kept = _longest(names, lambda f: None)
    shown = _longest(evidence, lambda f: f.req_id)
    spans = {(e.req_id, e.start, e.end) for e in shown}
    kept = [f for f in kept if not any(r == f.req_id and a <= f.start and f.end <= b for r, a, b in spans)]
    kept += shown
    return sorted(kept + apart, key=lambda f: (f.start, f.end, f.req_id or ""))


def _longest(findings: list[Finding], group) -> list[Finding]:
    """The longest findings that do not overlap within each ``group(finding)``."""
    ordered = sorted(findings, key=lambda f: (f.start - f.end, _METHOD_RANK.get(f.method, 9), f.start))
    taken: list[Finding] = []
    by_span: dict[tuple, list[Finding]] = {}
    covered: dict[object, bytearray] = {}  # per group, 1 for each token taken
    size = max((f.end for f in findings), default=0)
    for f in ordered:
        mask = covered.setdefault(group(f), bytearray(size))
        same = by_span.get((group(f), f.start, f.end))
        if same is None:
            if mask.find(1, f.start, f.end) >= 0:
                continue
            by_span[group(f), f.start, f.end] = [f]
        elif any(t.req_id == f.req_id or t.req_id is None or f.req_id is None for t in same):
            continue
        else:
            same.append(f)
        taken.append(f)
        mask[f.start:f.end] = b"\x01" * (f.end - f.start)
    return taken


@Language.factory("resumematch_lemmas", assigns=["token.lemma"])
def make_lemmas(nlp: Language, name: str) -> LemmaCase:
    return LemmaCase(nlp, name)


@Language.factory("resumematch_terms", assigns=["doc._.rm_findings"], requires=["token.lemma"])
def make_terms(nlp: Language, name: str) -> TermMatcher:
    return TermMatcher(nlp, name)
