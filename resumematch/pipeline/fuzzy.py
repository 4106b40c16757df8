"""Component: fuzzy matching for what the exact patterns missed.

Token n-grams of each line that no exact finding covers are scored against every
alias in one ``process.cdist`` call. Guards against false positives: n-grams
follow token (word) boundaries, short aliases and acronyms are never matched
fuzzily, lengths must be close, and near-miss names (Network+, PMI-ACP, PSM) are
among the choices, so a near miss lands on its own name, not on the requirement.
"""

from __future__ import annotations

import re

import numpy as np
from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import Finding
from .terms import is_acronym, resolve_overlaps

_MAX_N = 5


def normalize_key(text: str) -> str:
    """Lower case, punctuation to spaces, "project +" to "project+"."""
    key = re.sub(r"[^a-z0-9+#]+", " ", text.lower())
    key = re.sub(r"\s+\+", "+", key)
    return " ".join(key.split())


def _marks(key: str) -> tuple[str, ...]:
    return tuple(sorted(c for c in key if c.isdigit() or c in "+#"))


class FuzzyMatcher:
    """Appends fuzzy findings (method ``fuzzy``, score = similarity / 100) to ``doc._.rm_findings``."""

    def __init__(self, nlp: Language, name: str = "resumematch_fuzzy", min_length: int = 8,
                 default_threshold: float = 88) -> None:
        self.name = name
        self.min_length = min_length
        self.default_threshold = default_threshold
        self.choices: list[str] = []
        self.entries: list[dict] = []

    def add_terms(self, entries: list[dict]) -> None:
        """Add alias entries ``{"category", "id", "name", "phrase", "threshold"}``."""
        for entry in entries:
            key = normalize_key(entry["phrase"])
            if is_acronym(entry["phrase"]) or len(key) < self.min_length or key in self.choices:
                continue
            self.choices.append(key)
            self.entries.append(entry)

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def _queries(self, doc: Doc) -> tuple[list[str], list[tuple[int, int]]]:
        covered = {i for f in doc._.rm_findings or [] for i in range(f.start, f.end)}
        queries, spans = [], []
        line: list[int] = []
        lines: list[list[int]] = []
        for token in doc:
            if "\n" in token.text or token.is_space:
                if line:
                    lines.append(line)
                line = []
            elif not token.is_punct or token.text in "+#":
                line.append(token.i)
        if line:
            lines.append(line)
        for tokens in lines:
            for i in range(len(tokens)):
                for n in range(1, _MAX_N + 1):
                    if i + n > len(tokens):
                        break
                    start, end = tokens[i], tokens[i + n - 1] + 1
                    if any(t in covered for t in range(start, end)):
                        break
                    key = normalize_key(doc[start:end].text)
                    if len(key) >= self.min_length - 2:
                        queries.append(key)
                        spans.append((start, end))
        return queries, spans

    def match(self, doc: Doc) -> list[Finding]:
        if not self.choices:
            return []
        queries, spans = self._queries(doc)
        if not queries:
            return []
        cutoff = min(min(e["threshold"] for e in self.entries), self.default_threshold)
        scores = process.cdist(queries, self.choices, scorer=fuzz.ratio, processor=None,
                               score_cutoff=cutoff, dtype=np.uint8, workers=1)
        found = []
        for qi in np.flatnonzero(scores.max(axis=1)):
            ci = int(scores[qi].argmax())
            entry, score = self.entries[ci], float(scores[qi, ci])
            query, choice = queries[qi], self.choices[ci]
            if score < entry["threshold"]:
                continue
            if abs(len(query) - len(choice)) > max(2, 0.2 * len(choice)) or query[0] != choice[0]:
                continue
            if _marks(query) != _marks(choice):  # "Security" is not "Security+", "Prince" not "PRINCE2"
                continue
            start, end = spans[qi]
            found.append(Finding(start, end, entry["category"], entry["id"], entry["name"],
                                 "fuzzy", round(score / 100, 3)))
        return found

    def set_annotations(self, doc: Doc, found: list[Finding]) -> Doc:
        doc._.rm_findings = resolve_overlaps((doc._.rm_findings or []) + found)
        return doc


@Language.factory("resumematch_fuzzy", default_config={"min_length": 8, "default_threshold": 88})
def make_fuzzy(nlp: Language, name: str, *, min_length: int, default_threshold: float) -> FuzzyMatcher:
    return FuzzyMatcher(nlp, name, min_length=min_length, default_threshold=default_threshold)
