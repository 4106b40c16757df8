"""Component: fuzzy matching for what the exact patterns missed.

Token n-grams of each line that no exact finding covers are scored against every
alias in one ``process.cdist`` call. Guards against false positives: n-grams
follow token (word) boundaries, short aliases and acronyms are never matched
fuzzily, lengths must be close, and near-miss names (Network+, PMI-ACP, PSM) are
among the choices, so a near miss lands on its own name, not on the requirement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.tokens import Doc

from ...model import FUZZY_THRESHOLD
from ...types import Category, Method
from ..component import StatefulComponent
from ..rules.extensions import Finding, doc_text, expand_span, span_chars
from ..rules.ngrams import NGrams, QueryFilter, ngram_queries
from .terms import is_acronym, lemmatizer_of, resolve_overlaps

_MAX_N = 5


def normalize_key(text: str) -> str:
    """Lower case, punctuation to spaces, "project +" to "project+"."""
    key = re.sub(r"[^a-z0-9+#]+", " ", text.lower())
    key = re.sub(r"\s+\+", "+", key)
    return " ".join(key.split())


def _marks(key: str) -> tuple[str, ...]:
    return tuple(sorted(c for c in key if c.isdigit() or c in "+#"))


def _short_words_kept(query: str, choice: str) -> bool:
    """Whether every short word (five letters or fewer) of ``choice`` is in ``query`` as it is:
    typos happen in long words, and an edit to a short one makes another word ("capm", "csm")."""
    words = set(query.split())
    return all(w in words for w in choice.split() if len(w) <= 5)


class FuzzyMatcher(StatefulComponent):
    """Appends fuzzy findings (method ``fuzzy``, score = similarity / 100) to ``doc._.rm_findings``."""

    def __init__(self, nlp: Language, name: str = "resumematch_fuzzy", min_length: int = 8,
                 default_threshold: float = FUZZY_THRESHOLD) -> None:
        super().__init__(nlp, name)
        self.min_length = min_length
        self.default_threshold = default_threshold
        self.clear()

    def clear(self) -> None:
        self.choices: list[str] = []
        self.entries: list[dict] = []
        self._by_initial: dict[str, tuple[list[int], list[str]]] = {}  # indices and keys of choices
        self._filter = QueryFilter({})
        self._cutoff = self.default_threshold
        self._known_words: tuple | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, entries: Iterable[dict] = ()) -> None:
        """Take the model's aliases: ``{"category", "id", "name", "phrase", "threshold"}`` dicts."""
        self.clear()
        for entry in entries:
            key = normalize_key(entry["phrase"])
            if is_acronym(entry["phrase"]) or len(key) < self.min_length or key in self.choices:
                continue
            indices, keys = self._by_initial.setdefault(key[0], ([], []))
            indices.append(len(self.choices))
            keys.append(key)
            self.choices.append(key)
            self.entries.append(dict(entry))
        self._filter = QueryFilter({initial: self._query_lengths(indices)
                                    for initial, (indices, _) in self._by_initial.items()})
        self._cutoff = min([e["threshold"] for e in self.entries] + [self.default_threshold])
        nlp = nlp or self.nlp
        if nlp is not None and "resumematch_lemmas" in nlp.pipe_names:
            table = lemmatizer_of(nlp).table
            self._known_words = (table, frozenset(table.values())) if table is not None else None

    def settings(self) -> dict:
        return {"entries": self.entries}

    def _query_lengths(self, indices: list[int]) -> frozenset[int]:
        """The query lengths that can pass ``_accept`` against one of the choices ``indices``.

        Two strings of lengths a and b have a ratio of at most 200 * min(a, b) / (a + b), and
        cdist rounds ratios to whole numbers, so a query of any other length either scores under
        every threshold or fails the length guard, whichever choice scores best: skipping it
        changes no finding.
        """
        lengths = set()
        for ci in indices:
            size, threshold = len(self.choices[ci]), self.entries[ci]["threshold"]
            slack = max(2, 0.2 * size)
            lengths.update(n for n in range(self.min_length - 2, int(size + slack) + 1)
                           if abs(n - size) <= slack and 200 * min(n, size) / (n + size) >= threshold - 1)
        return frozenset(lengths)

    def _queries(self, doc: Doc) -> NGrams:
        """Normalised n-grams (1 to 5 words) of each line, with their character spans, grouped by
        first letter (see ``ngram_queries``).

        Words come from a regular expression over the text rather than from spaCy's
        tokens (far cheaper); a span is mapped back to tokens only when it matches.
        An n-gram may swallow a whole earlier finding and go beyond it ("Prince 2
        Practioner" around the exact "Prince 2"), never cut one in two; overlap
        resolution then keeps the longer. Degrees never block: they stand apart.
        """
        blocks = [(*span_chars(doc, f.start, f.end), f.req_id) for f in doc._.rm_findings or []
                  if f.category != Category.DEGREE and f.method != Method.EVIDENCE]
        return ngram_queries(doc_text(doc), blocks, self._filter, self.min_length - 2, _MAX_N)

    def match(self, doc: Doc) -> list[Finding]:
        if not self.choices:
            return []
        cutoff = self._cutoff
        found = []
        ngrams = self._queries(doc)
        # A match must share its first letter (a guard below), so only those pairs are scored.
        for initial, (first, stop) in ngrams.groups.items():
            indices, choices = self._by_initial[initial]
            scores = process.cdist(ngrams.keys[first:stop], choices, scorer=fuzz.ratio, processor=None,
                                   score_cutoff=cutoff, dtype=np.uint8, workers=1)
            for q in sorted(set(scores.nonzero()[0].tolist())):  # the queries with any score left
                col, k = int(scores[q].argmax()), first + q
                finding = self._accept(doc, ngrams, k, indices[col], float(scores[q, col]))
                if finding:
                    found.append(finding)
        return sorted(found, key=lambda f: (f.start, f.end))

    def _all_known(self, query: str, choice: str) -> bool:
        """Whether every word of ``query`` is an English word form (spaCy's lemma lookup table, its
        keys and lemmas) while its lemmas are not the choice's: then it is another phrase, not a
        misspelling or an inflection of this one ("Fortune 500 organizations" is not
        "organizational"; "communications" is "communication")."""
        if self._known_words is None or query == choice:
            return False
        table, lemmas = self._known_words
        words = query.split()
        if [table.get(w, w) for w in words] == [table.get(w, w) for w in choice.split()]:
            return False  # an inflection of the same words: "communications", "communication"
        return all(w in lemmas or w in table for w in words)

    def _accept(self, doc: Doc, ngrams: NGrams, k: int, ci: int, score: float) -> Finding | None:
        """The finding n-gram ``k`` makes with its best choice ``ci``, unless a guard rejects it."""
        entry, choice, query = self.entries[ci], self.choices[ci], ngrams.keys[k]
        swallowed = ngrams.swallowed(k)
        if swallowed is not None and entry["id"] in swallowed:
            return None  # "project schedule on" adds nothing to the exact "project schedule"
        if score < entry["threshold"]:
            return None
        if abs(len(query) - len(choice)) > max(2, 0.2 * len(choice)):
            return None
        if " " not in query and len(query) < 9 and len(query) != len(choice):
            return None  # short words differ by typos, not by length: "through" is not "thorough"
        if _marks(query) != _marks(choice):  # "Security" is not "Security+", "Prince" not "PRINCE2"
            return None
        if self._all_known(query, choice):  # "organizations" is a word, not a typo of "organizational"
            return None
        if not _short_words_kept(query, choice):  # "CA Certified" is not "CAPM certified"
            return None
        tokens = expand_span(doc, ngrams.starts[k], ngrams.ends[k])
        if tokens is None:
            return None
        return Finding(*tokens, entry["category"], entry["id"], entry["name"], Method.FUZZY,
                       round(score / 100, 3))

    def merge(self, findings: list[Finding]) -> list[Finding]:
        return resolve_overlaps(findings)


@Language.factory("resumematch_fuzzy", default_config={"min_length": 8, "default_threshold": FUZZY_THRESHOLD},
                  assigns=["doc._.rm_findings"], requires=["doc._.rm_findings"])
def make_fuzzy(nlp: Language, name: str, *, min_length: int, default_threshold: float) -> FuzzyMatcher:
    return FuzzyMatcher(nlp, name, min_length=min_length, default_threshold=default_threshold)
