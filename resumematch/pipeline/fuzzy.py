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

from .extensions import Finding, doc_text, expand_span
from .terms import is_acronym, resolve_overlaps

_MAX_N = 5
_WORD = re.compile(r"[^\W_]+[+#]?|[+#]")


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
        self._by_initial: dict[str, list[int]] = {}

    def add_terms(self, entries: list[dict]) -> None:
        """Add alias entries ``{"category", "id", "name", "phrase", "threshold"}``."""
        for entry in entries:
            key = normalize_key(entry["phrase"])
            if is_acronym(entry["phrase"]) or len(key) < self.min_length or key in self.choices:
                continue
            self._by_initial.setdefault(key[0], []).append(len(self.choices))
            self.choices.append(key)
            self.entries.append(entry)

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def _queries(self, doc: Doc) -> tuple[list[str], list[tuple[int, int]], list[set | None]]:
        """Normalised n-grams (1 to 5 words) of each line, with their character spans.

        Words come from a regular expression over the text rather than from spaCy's
        tokens (far cheaper); a span is mapped back to tokens only when it matches.
        An n-gram may swallow a whole earlier finding and go beyond it ("Prince 2
        Practioner" around the exact "Prince 2"), never cut one in two; overlap
        resolution then keeps the longer. Degrees never block: they stand apart.
        """
        text = doc_text(doc)
        owner = [0] * (len(text) + 1)  # 1 + index of the finding covering each character
        findings = [f for f in doc._.rm_findings or [] if f.category != "degree"]
        found = [doc[f.start:f.end] for f in findings]
        for n, span in enumerate(found, start=1):
            owner[span.start_char:span.end_char] = [n] * (span.end_char - span.start_char)
        queries, spans, swallowed = [], [], []
        offset = 0
        for line in text.lower().split("\n"):
            words = [(m.group(), offset + m.start(), offset + m.end()) for m in _WORD.finditer(line)]
            offset += len(line) + 1
            for i in range(len(words)):
                if owner[words[i][1]] and owner[words[i][1] - 1] == owner[words[i][1]]:
                    continue  # starts inside a finding
                parts: list[str] = []
                free = False
                inside: set[int] = set()
                ids: set | None = None
                for word, start, end in words[i:i + _MAX_N]:
                    parts.append(word)
                    if not owner[start]:
                        free = True
                    else:
                        if owner[start] - 1 not in inside:
                            inside.add(owner[start] - 1)
                            ids = {findings[k].req_id for k in inside}
                        if found[owner[start] - 1].end_char > end:
                            continue  # the finding goes on: this n-gram would cut it
                    key = " ".join(parts)
                    if "+" in key:
                        key = key.replace(" +", "+")
                    if free and len(key) >= self.min_length - 2:
                        queries.append(key)
                        spans.append((words[i][1], end))
                        swallowed.append(ids)
        return queries, spans, swallowed

    def match(self, doc: Doc) -> list[Finding]:
        if not self.choices:
            return []
        queries, spans, swallowed = self._queries(doc)
        if not queries:
            return []
        cutoff = min(min(e["threshold"] for e in self.entries), self.default_threshold)
        by_initial: dict[str, list[int]] = {}
        for qi, query in enumerate(queries):
            by_initial.setdefault(query[0], []).append(qi)
        found = []
        # A match must share its first letter (a guard below), so only those pairs are scored.
        for initial, qis in by_initial.items():
            cis = self._by_initial.get(initial)
            if not cis:
                continue
            scores = process.cdist([queries[q] for q in qis], [self.choices[c] for c in cis],
                                   scorer=fuzz.ratio, processor=None, score_cutoff=cutoff,
                                   dtype=np.uint8, workers=1)
            for row in np.flatnonzero(scores.max(axis=1)):
                col = int(scores[row].argmax())
                q = qis[row]
                finding = self._accept(doc, queries[q], cis[col], float(scores[row, col]), spans[q], swallowed[q])
                if finding:
                    found.append(finding)
        return sorted(found, key=lambda f: (f.start, f.end))

    def _accept(self, doc: Doc, query: str, ci: int, score: float, span: tuple[int, int],
                swallowed: set | None) -> Finding | None:
        entry, choice = self.entries[ci], self.choices[ci]
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
        tokens = expand_span(doc, *span)
        if tokens is None:
            return None
        return Finding(*tokens, entry["category"], entry["id"], entry["name"], "fuzzy",
                       round(score / 100, 3))

    def set_annotations(self, doc: Doc, found: list[Finding]) -> Doc:
        doc._.rm_findings = resolve_overlaps((doc._.rm_findings or []) + found)
        return doc


@Language.factory("resumematch_fuzzy", default_config={"min_length": 8, "default_threshold": 88})
def make_fuzzy(nlp: Language, name: str, *, min_length: int, default_threshold: float) -> FuzzyMatcher:
    return FuzzyMatcher(nlp, name, min_length=min_length, default_threshold=default_threshold)
