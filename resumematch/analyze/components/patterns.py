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


#: Words that name an ability to do what follows: "ability to negotiate", "skilled at negotiating".
_ABILITY = [[{"LOWER": {"IN": ["ability", "abilities", "able", "capacity"]}}, {"LOWER": "to"}],
            [{"LOWER": {"IN": ["skilled", "adept", "experienced", "proficient", "effective"]}},
             {"LOWER": {"IN": ["at", "in"]}}]]
#: Words after a verb that make it no deed of the candidate's: "Led to savings", "Led by the CIO",
#: "Negotiated rates were loaded", "[problem] solving skills" (a name cut at a line break).
_NOT_A_DEED = ["to", "by", "is", "are", "was", "were", "be", "been", "has", "have", "had", "as",
               "skills", "skill", "abilities", "ability"]


def own_verbs(name: str, verbs: Iterable[str]) -> list[str]:
    """The verbs among ``verbs`` that are the skill ``name`` itself, said as a verb ("negotiate"
    for "Negotiation", "lead" for "Leadership", "solve" for "Problem solving", "budget" for
    "Budgeting", "research" for "Research"); not a verb that only shows it ("supervise", "broker").
    None for a duty written out with its object ("Support external auditors during the annual
    audit", "leading teams and projects associated with ..."; a name of more than four words, or
    an order of three or more that opens with the verb's bare form or any -ing form, "Manage the
    HRIS", "conducting employee relations investigations"): its verb alone ("Supported the service
    desk", "Conducted fitness assessments") is no deed of it."""
    words = name.split()
    first = words[0].lower() if words else ""
    if len(words) > 4 or len(words) >= 3 and (first in set(verbs) or first.endswith("ing")):
        return []
    letters = re.sub(r"[^a-z]", "", name.lower())
    stems = {v: v[:-1] if v.endswith("e") else v for v in verbs}
    return sorted(v for v, stem in stems.items() if len(stem) >= 4 and stem in letters)


class PatternMatcher(StatefulComponent):
    """Appends a finding for every evidence pattern that matches to ``doc._.rm_findings``."""

    def __init__(self, nlp: Language, name: str = "resumematch_patterns") -> None:
        super().__init__(nlp, name)
        self.clear()

    def clear(self) -> None:
        self.entries: list[dict] = []
        self._matcher = Matcher(self.nlp.vocab)
        self._own = Matcher(self.nlp.vocab)  # the skill's own verb: as an ability, or as a deed

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
            own = own_verbs(entry["name"], verbs)
            if own:
                self._own.add(f"ability {key}", [[*a, {"LEMMA": {"IN": own}}] for a in _ABILITY])
                # An inflected form ("Negotiated", not "Lead generation") followed by a word.
                self._own.add(f"deed {key}", [[{"LEMMA": {"IN": own}, "LOWER": {"NOT_IN": own}},
                                               {"IS_ALPHA": True, "LOWER": {"NOT_IN": _NOT_A_DEED}}]])

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
            if _after_date_dash(doc, start) or _subject_of_a_clause(doc, start, end) or _opens_a_clause(doc, start):
                continue
            entry = self.entries[int(key)]
            found.append(Finding(start, end, entry["category"], entry["id"], entry["name"], Method.EVIDENCE, 1.0))
        return found + self._own_verb_findings(doc, {(f.req_id, f.start) for f in found})

    def _own_verb_findings(self, doc: Doc, taken: set[tuple[str, int]]) -> list[Finding]:
        """The skill named by its own verb: "ability to negotiate" names it (method ``lemma``: a
        close form of its name); "Negotiated hardware and software purchases", the verb opening
        a sentence or list item, is a deed of it whatever the object (method ``evidence``)."""
        found = []
        for match_id, start, end in self._own(doc) if len(self._own) else ():
            kind, key = self.nlp.vocab.strings[match_id].split()
            entry = self.entries[int(key)]
            if kind == "deed":
                if not _opens_an_item(doc, start) or (entry["id"], start) in taken or _after_date_dash(doc, start) \
                        or _opens_a_clause(doc, start):
                    continue
                taken.add((entry["id"], start))
            method = Method.EVIDENCE if kind == "deed" else Method.LEMMA
            found.append(Finding(start, end, entry["category"], entry["id"], entry["name"], method, 1.0))
        return found


_CLAUSE_VERBS = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had"})


def _subject_of_a_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether the verb and its object are a participle and the noun it describes, the subject of
    what follows ("Negotiated rates were loaded ...", "Supervised models are trained ..."): a verb
    next to its object, with a form of "be" or "have" right after. "Negotiated rates with vendors"
    is a deed and stays."""
    return end - start == 2 and end < len(doc) and doc[end].lower_ in _CLAUSE_VERBS


#: Words a line wrapped in mid-phrase ends with: the next line goes on with the phrase ("I played a" /
#: "leading role").
_MID_PHRASE = frozenset("a an the of to in for with and or my our his her their".split())


def _opens_an_item(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a sentence or list item: at the start, after a break, or first on
    a line that does not go on with the phrase of the line above."""
    if i == 0 or doc[i - 1].text in _BREAKS:
        return True
    if not doc[i - 1].is_space:
        return False
    return i < 2 or doc[i - 2].lower_ not in _MID_PHRASE


#: Words that end the noun phrase after a verb: what follows them is not the verb's subject clause
#: ("Negotiated contracts that were worth $2M" is a deed).
_PHRASE_ENDS = frozenset("that which who whose with for from on at by to into of in under over".split())


def _opens_a_clause(doc: Doc, start: int, reach: int = 4) -> bool:
    """Whether the verb at ``start`` is a participle describing the subject of a clause: a form of
    "be" or "have" within ``reach`` words after it, before the noun phrase ends ("Negotiated
    hardware prices were loaded ...")."""
    for token in doc[start + 1:start + 1 + reach]:
        if token.is_space or token.text in _BREAKS or token.lower_ in _PHRASE_ENDS:
            return False
        if token.lower_ in _CLAUSE_VERBS:
            return True
    return False


def _after_date_dash(doc: Doc, i: int) -> bool:
    """Whether token ``i`` ends a date range ("Jan 2019 - Present", "2019 to present")."""
    if i < 2 or doc[i - 1].text not in ("-", "to", "till", "until"):
        return False
    return bool(_DATE.fullmatch(doc[i - 2].text))


@Language.factory("resumematch_patterns", assigns=["doc._.rm_findings"], requires=["token.lemma"])
def make_patterns(nlp: Language, name: str) -> PatternMatcher:
    return PatternMatcher(nlp, name)
