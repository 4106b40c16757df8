"""Component: evidence patterns, a verb and its object a few words apart in one sentence.

"Led enterprise analytics programs", "Supervised a staff of 12" and "Negotiated SLAs with
outsourcing partners" show leadership and negotiation without naming them. Each pattern of the
model lists verbs and objects by their dictionary form; a match needs one of the verbs, then one
of the objects at most ``max_gap`` words later, with no sentence break (a full stop, semicolon,
colon, bullet or line break) between them. Findings have the method ``evidence``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from ...types import Method
from ..component import StatefulComponent
from ..rules.extensions import Finding
from .terms import lemmatizer_of

#: Tokens a pattern never reaches across: they end a sentence or a list item.
_BREAKS = [".", ";", ":", "!", "?", "•", "|", "(", ")", "[", "]", "/"]
#: "2019 - Present Led the team": a verb right after a date range's dash is the range's end.
_DATE = re.compile(r"(?:19|20)\d\d|\d{1,2}/\d{2,4}|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?")


class PatternMatcher(StatefulComponent):
    """Appends a finding for every evidence pattern that matches to ``doc._.rm_findings``."""

    def __init__(self, nlp: Language, name: str = "resumematch_patterns") -> None:
        super().__init__(nlp, name)
        self.clear()

    def clear(self) -> None:
        self.entries: list[dict] = []
        self._matcher = Matcher(self.nlp.vocab)

    def initialize(self, get_examples=None, *, nlp: Language | None = None, patterns: Iterable[dict] = ()) -> None:
        """Take the model's patterns: ``{"category", "id", "name", "verbs", "objects", "max_gap"}`` dicts."""
        self.clear()
        lemmas = lemmatizer_of(nlp or self.nlp)
        for entry in patterns:
            key = str(len(self.entries))
            self.entries.append(dict(entry))
            verbs = sorted({lemmas.lemma(v) for v in entry["verbs"]})
            objects = sorted({lemmas.lemma(o) for o in entry["objects"]})
            plurals = sorted({f"{o}s" for o in entry["objects"]} | {f"{o}es" for o in entry["objects"]})
            gap = {"IS_SPACE": False, "ORTH": {"NOT_IN": _BREAKS}, "OP": f"{{0,{int(entry['max_gap'])}}}"}
            self._matcher.add(key, [
                [{"LEMMA": {"IN": verbs}}, gap, {"LEMMA": {"IN": objects}}],
                [{"LEMMA": {"IN": verbs}}, gap, {"LOWER": {"IN": plurals}}],  # "SLAs", "KPIs"
            ])

    def settings(self) -> dict:
        return {"patterns": self.entries}

    def match(self, doc: Doc) -> list[Finding]:
        nearest: dict[tuple[str, int], int] = {}  # (pattern, verb token) -> the closest object's end
        for match_id, start, end in self._matcher(doc) if self.entries else ():
            key = (self.nlp.vocab.strings[match_id], start)
            if end < nearest.get(key, len(doc) + 1):
                nearest[key] = end
        found = []
        for (key, start), end in sorted(nearest.items(), key=lambda item: (item[0][1], item[1])):
            if _after_date_dash(doc, start) or _subject_of_a_clause(doc, start, end):
                continue
            entry = self.entries[int(key)]
            found.append(Finding(start, end, entry["category"], entry["id"], entry["name"], Method.EVIDENCE, 1.0))
        return found


_CLAUSE_VERBS = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had"})


def _subject_of_a_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether the verb and its object are a participle and the noun it describes, the subject of
    what follows ("Negotiated rates were loaded ...", "Supervised models are trained ..."): a verb
    next to its object, with a form of "be" or "have" right after. "Negotiated rates with vendors"
    is a deed and stays."""
    return end - start == 2 and end < len(doc) and doc[end].lower_ in _CLAUSE_VERBS


def _after_date_dash(doc: Doc, i: int) -> bool:
    """Whether token ``i`` ends a date range ("Jan 2019 - Present", "2019 to present")."""
    if i < 2 or doc[i - 1].text not in ("-", "to", "till", "until"):
        return False
    return bool(_DATE.fullmatch(doc[i - 2].text))


@Language.factory("resumematch_patterns", assigns=["doc._.rm_findings"], requires=["token.lemma"])
def make_patterns(nlp: Language, name: str) -> PatternMatcher:
    return PatternMatcher(nlp, name)
