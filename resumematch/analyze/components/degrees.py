"""Component: degrees, found as a level ("B.Sc.", "Master of") plus a field of study.

The level is recognised by pattern; the field is looked for on the same line
(and the next short line), exactly or, for typos, with rapidfuzz.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.tokens import Doc

from ...types import Category, DegreeLevel, Method
from ..component import StatefulComponent
from ..rules.extensions import Finding, doc_text, expand_span, line_bounds, section_at

LEVEL_NAMES = {DegreeLevel.ASSOCIATE: "Associate degree", DegreeLevel.BACHELOR: "Bachelor's",
               DegreeLevel.MASTER: "Master's", DegreeLevel.DOCTORATE: "Doctorate",
               DegreeLevel.GRADUATE_CERTIFICATE: "Graduate certificate"}

def _abbr(*forms: str) -> str:
    return r"(?<![\w.-])(?:" + "|".join(forms) + r")\.?(?![\w-])"


# (level, pattern, ambiguous, first letters). An ambiguous abbreviation ("MS", "BA", "ME") is a
# degree only when a field of study follows it, it stands in the education section, an education
# heading precedes it on its line, or a school follows it: "MS Office", "Boston, MA" and "Scrum
# Master" are not degrees. Unambiguous abbreviations match in any case ("B-TECH", "Bsc", "MSC").
# Every pattern starts at the start of a word (after \b or (?<![\w.-])), with one of its first
# letters (these letters have no other case-insensitive forms).
_LEVELS: list[tuple[DegreeLevel, re.Pattern, bool, str]] = [
    (DegreeLevel.GRADUATE_CERTIFICATE, re.compile(
        r"\b(?:post[- ]?graduate|graduate)\s+(?:certificate|diploma)\b|\bPG\s*(?:Diploma|Certificate)\b",
        re.IGNORECASE), False, "GPgp"),
    (DegreeLevel.DOCTORATE, re.compile(r"\bDoctor(?:ate)?\s+(?:of|in)\b|\bDoctorate\b", re.IGNORECASE), False, "Dd"),
    (DegreeLevel.DOCTORATE, re.compile(_abbr(r"(?i:Ph\.?\s?D)", r"D\.\s?Sc")), False, "DPp"),
    (DegreeLevel.MASTER, re.compile(
        r"\bMaster(?:['’]s|s)\b(?:\s+(?:of|in|degree)\b)?|\bMaster\s+(?:of|in|degree)\b", re.IGNORECASE), False, "Mm"),
    (DegreeLevel.MASTER, re.compile(_abbr(
        r"(?i:M\.?\s?Sc|M[.-]?\s?Tech|M\.?\s?Eng|M\.?B\.?A|M\.?C\.?A|M\.?\s?Com|MSIT|MSCS)",
        r"MPM", r"M\.\s?Ed", r"MEd")), False, "Mm"),
    (DegreeLevel.MASTER, re.compile(_abbr(r"M\.?S", r"M\.?A", r"M\.?E")), True, "M"),
    (DegreeLevel.BACHELOR, re.compile(
        r"\bBachelor(?:['’]?s)?\b(?:\s+(?:of|in|degree)\b)?|\bLicen[cs]e\s+(?:in|of|en)\b"
        r"|\bLicenciatura\b|\bundergraduate\s+degree\b", re.IGNORECASE), False, "BLUblu"),
    (DegreeLevel.BACHELOR, re.compile(_abbr(
        r"(?i:B\.?\s?Sc|B[.-]?\s?Tech|B\.?\s?Eng|B\.?C\.?A|B\.?B\.?A|B\.?\s?Com|BSIT|BSCS)",
        r"B\.\s?Ed", r"BEd")), False, "Bb"),
    (DegreeLevel.BACHELOR, re.compile(_abbr(r"B\.?S", r"B\.?A", r"B\.?E", r"BCS")), True, "B"),
    (DegreeLevel.ASSOCIATE, re.compile(
        r"\bAssociate(?:['’]?s)?\s+(?:degree|of\s+(?:Applied\s+)?(?:Science|Arts))\b"
        r"|\bA\.A\.S\.|\bA\.S\.(?=\s)", re.IGNORECASE), False, "Aa"),
]
#: Where a level pattern may start: one of the first letters, not after a word character.
_LEVEL_START = re.compile("[" + "".join(sorted({c for *_, letters in _LEVELS for c in letters})) + r"](?<!\w.)")
_PATTERNS_BY_LETTER = {c: [k for k, (*_, letters) in enumerate(_LEVELS) if c in letters]
                       for *_, letters in _LEVELS for c in letters}
# Degree abbreviations that carry their field: BCA is Computer Applications, and so on.
_IMPLIED_FIELD = {"BCA": "computer applications", "MCA": "computer applications", "BSIT": "information technology",
                  "MSIT": "information technology", "BSCS": "computer science", "MSCS": "computer science",
                  "MPM": "project management"}
_FILLER = re.compile(r"^[\s.]*(?:of\s+)?(?:science|arts|engineering|technology|applied\s+science|philosophy)?"
                     r"\s*(?:(?:in|of)\b|,|:|-|\()?\s*", re.IGNORECASE)
# One-line exports have no heading lines: "EDUCATION B.E Anna University, 2012".
_EDU_BEFORE = re.compile(r"\b(?:education|educational|qualifications?|academics?)\b[^.\n]{0,30}$", re.IGNORECASE)
_SCHOOL_AFTER = re.compile(r"[\s.,:()-]*(?:(?:from|at)\s+)?[^,\n|]{0,35}?\b(?:university|college|institute|"
                           r"polytechnic|school of)\b", re.IGNORECASE)
_CONNECTOR = re.compile(r"^[\s.]*(?:(?:of\s+)?(?:science|arts|engineering|technology|applied\s+science)\s+)?"
                        r"(?:in|of)\s+(?P<field>[A-Za-z][A-Za-z&'’ -]{2,60}?)\s*(?=[,(|;/]|\s-\s|\s(?:at|from)\s|\d|$)",
                        re.IGNORECASE)


# What may stand between two fields of one degree: ", ", " and ", "; concentration in ", " (major: "...
_MORE_FIELD = re.compile(r"\s*(?:[,;/&]|\band\b|\(|-)?\s*(?:(?:with\s+an?\s+)?(?:concentration|specializ\w*|"
                         r"specialis\w*|major|emphasis|focus|track)\s*(?:in|on|:)?\s*)?", re.IGNORECASE)
_NOT_KEY = re.compile(r"[^a-z0-9+#]+")
#: Words that make what follows "in" something other than the degree's field: "History Minor in
#: Accounting", "Exchange Semester in Finance", "Major Marketing Minor in Accounting".
_NOT_A_MAJOR = frozenset({"minor", "minors", "major", "exchange", "semester", "concentration", "focus", "emphasis",
                          "track", "abroad", "coursework", "certificate"})
_LEVEL_NOISE = re.compile(r"[\s.-]")
_FIELD_WORD = re.compile(r"[A-Za-z0-9+#&.'’-]+")
#: One-word fields that end other fields' names ("Construction Management" is no Management); words
#: before a field that are no part of its name ("B.S. Degree Accounting").
_GENERIC_HEADS = frozenset({"management", "administration", "studies", "science", "sciences", "technology"})
_NOT_PART = frozenset("degree honors honours hons program programme major double joint dual science arts in of".split())


def _norm(text: str) -> str:
    return " ".join(_NOT_KEY.sub(" ", text.lower()).split())


def _level_matches(text: str) -> list[list[re.Match]]:
    """``list(pattern.finditer(text))`` for each level pattern, trying only the places where one
    can start: ten full scans of the text cost more than the rest of degree finding."""
    starts: list[list[int]] = [[] for _ in _LEVELS]
    for m in _LEVEL_START.finditer(text):
        for k in _PATTERNS_BY_LETTER[m.group()]:
            starts[k].append(m.start())
    found: list[list[re.Match]] = []
    for (_, pattern, _, _), positions in zip(_LEVELS, starts):
        matches, end = [], 0
        for pos in positions:
            if pos >= end and (m := pattern.match(text, pos)):
                matches.append(m)
                end = m.end()
        found.append(matches)
    return found


#: A word naming a place of study ("Sale High School", "University of Bath", "Lycée Molière").
SCHOOL = re.compile(r"\b(?:school|college|academy|university|institute|polytechnic|lyc[eé]e|gymnasium)\b", re.I)


def names_degree(text: str) -> bool:
    """Whether ``text`` names a degree of any level, associate to doctorate ("B.S.", "Master of
    Business Information Systems"); a school-leaving record ("GCSE English", "High School
    Diploma") is none."""
    return any(_level_matches(text))


def _typo_of(key: str, choice: str) -> bool:
    """Whether ``key`` is ``choice`` with typos: as many words, each starting with the same letter
    ("informaton technology"). A fuzzy score alone lets "supply chain management" pass for "it
    management"."""
    words, wanted = key.split(), choice.split()
    return len(words) == len(wanted) and all(a[0] == b[0] for a, b in zip(words, wanted))


class DegreeFinder(StatefulComponent):
    """Appends degree findings to ``doc._.rm_findings``, one per requirement a degree meets."""

    def __init__(self, nlp: Language, name: str = "resumematch_degrees", fuzzy_threshold: float = 86) -> None:
        super().__init__(nlp, name)
        self.fuzzy_threshold = fuzzy_threshold
        self.clear()

    def clear(self) -> None:
        self.requirements: list[dict] = []
        self.fields: dict[str, str] = {}
        self._fuzzy_choices: list[str] = []

    def initialize(self, get_examples=None, *, nlp: Language | None = None, requirements: Iterable[dict] = ()) -> None:
        """Take the model's degree requirements: ``{"id", "label", "levels", "fields"}`` dicts."""
        self.clear()
        requirements = [dict(r) for r in requirements]
        self.requirements.extend(requirements)
        for req in requirements:
            for field in req["fields"]:
                self.fields.setdefault(field if field.isupper() else _norm(field), field)
        self._fuzzy_choices = [k for k in self.fields if not k.isupper() and len(k) >= 8]

    def settings(self) -> dict:
        return {"requirements": self.requirements}

    def match(self, doc: Doc) -> list[Finding]:
        text = doc_text(doc)
        found, seen = [], []
        for (level, _, ambiguous, _), matches in zip(_LEVELS, _level_matches(text)):
            for m in matches:
                if any(a < m.end() and m.start() < b for a, b in seen):
                    continue
                hits = self._degree(doc, text, level, m, ambiguous)
                if hits:
                    seen.append((m.start(), m.end()))
                    found.extend(hits)
        return found

    def _degree(self, doc: Doc, text: str, level: DegreeLevel, m: re.Match, ambiguous: bool) -> list[Finding]:
        line_start, line_end = line_bounds(doc, m.start())
        after = text[m.end():min(line_end, m.end() + 120)]
        nxt_end = text.find("\n", line_end + 1, line_end + 200)
        nxt = text[line_end + 1: line_end + 200 if nxt_end == -1 else nxt_end]
        field, field_end, score = self._field(after, m.group(0))
        if field is None and len(nxt.split()) <= 8:
            field, field_end, score = self._field(nxt, "")
            if field is not None:
                field_end += line_end + 1 - m.end()
        if field is None:
            field, score = self._field_before(text[max(line_start, m.start() - 80):m.start()])
            field_end = 0
        free = _CONNECTOR.match(after) if field is None else None
        if ambiguous and field is None and free is None and not self._in_education(doc, text, m, line_start):
            return []
        end_char = m.end() + (field_end if field else free.end("field") if free else 0)
        tokens = expand_span(doc, m.start(), end_char)
        if tokens is None:
            return []
        shown = field or (free.group("field").strip() if free else None)
        name = LEVEL_NAMES[level] + (f" in {shown.title() if shown.islower() else shown}" if shown else "")
        method = Method.FUZZY if field and score < 1.0 else Method.EXACT
        score = score if field else 1.0
        # A second field on the line (a concentration or a double major) can meet a requirement too:
        # "Master of Science: Information Systems Management, Project Management".
        fields = [(field, tokens)] if field is not None else []
        if field is not None and field_end > 0:
            fields += self._more_fields(doc, text, m.end() + field_end, line_end)
        hits = []
        for req in self.requirements:
            if level not in req["levels"]:
                continue
            meeting = next((span for f, span in fields if f in req["fields"]), None)
            if meeting is not None:
                hits.append(Finding(tokens[0], meeting[1], Category.DEGREE, req["id"], name, method, score))
        return hits or [Finding(*tokens, Category.DEGREE, None, name, method, score)]

    def _more_fields(self, doc: Doc, text: str, start: int, line_end: int) -> list[tuple[str, tuple[int, int]]]:
        """Further fields written exactly after the first one on its line, each with the token span
        from the degree to its end."""
        out, pos = [], start
        while pos < line_end:
            cue = _MORE_FIELD.match(text, pos, line_end)
            if not cue:
                break
            field, end, _ = self._field(text[cue.end():line_end], "", fuzzy=False)
            if field is None or end <= 0:
                break
            pos = cue.end() + end
            span = expand_span(doc, start, pos)
            if span is not None:
                out.append((field, span))
        return out

    @staticmethod
    def _in_education(doc: Doc, text: str, m: re.Match, line_start: int) -> bool:
        """Whether an ambiguous abbreviation stands where degrees are listed."""
        if section_at(doc, m.start()) == "education":
            return True
        before = text[max(line_start, m.start() - 50):m.start()]
        return bool(_EDU_BEFORE.search(before) or _SCHOOL_AFTER.match(text, m.end(), m.end() + 60))

    def _field(self, window: str, level_text: str, fuzzy: bool = True) -> tuple[str | None, int, float]:
        implied = _IMPLIED_FIELD.get(_LEVEL_NOISE.sub("", level_text).upper())
        if implied:
            canonical = self.fields.get(_norm(implied))
            if canonical:
                return canonical, 0, 1.0
        rest = _FILLER.sub("", window, count=1)
        offset = len(window) - len(rest)
        words = list(_FIELD_WORD.finditer(rest[:90]))
        # the field may follow the degree's own name, written in capitals and unbroken: "Bachelor of
        # Business Administration in Finance" (not "History, minor in Finance", "... with a minor in")
        major = next((k + 1 for k, w in enumerate(words[:6]) if w.group() == "in"), None)
        named = major is not None and major >= 3 and not re.search(r"[,;:(|/]", rest[:words[major - 1].start()]) \
            and all(w.group()[0].isupper() or w.group() in ("and", "of", "&") for w in words[:major - 1]) \
            and not any(w.group().lower() in _NOT_A_MAJOR for w in words[:major - 1])
        firsts = [*range(3), *([major] if named else [])]
        keys, ends = [], []
        for n in range(min(7, len(words)), 0, -1):
            for i in (i for i in firsts if i <= len(words) - n and not self._inside_a_name(rest, words, i)):
                chunk = rest[words[i].start():words[i + n - 1].end()]
                key = _norm(chunk)
                exact = self.fields.get(chunk if chunk.isupper() else key)
                if exact and (not chunk.isupper() or exact.isupper() or len(chunk) > 3):
                    return exact, offset + words[i + n - 1].end(), 1.0
                if len(key) >= 8:
                    keys.append(key)
                    ends.append(offset + words[i + n - 1].end())
        return self._fuzzy_field(keys, ends) if fuzzy else (None, 0, 0.0)

    @staticmethod
    def _inside_a_name(rest: str, words: list[re.Match], i: int) -> bool:
        """Whether ``words[i]`` ends a longer capitalised name: "Construction Management" (``_GENERIC_HEADS``)."""
        if i == 0 or words[i].group().lower() not in _GENERIC_HEADS:
            return False  # "Forensic Accounting" is accounting, "Global Business Administration" business
        prev = words[i - 1].group()
        return (prev[:1].isupper() and not prev.isupper() and prev.lower() not in _NOT_PART
                and not rest[words[i - 1].end():words[i].start()].strip())

    def _fuzzy_field(self, keys: list[str], ends: list[int]) -> tuple[str | None, int, float]:
        """The field that one of ``keys`` (ending at ``ends``) matches best, or (None, 0, 0.0); of
        equal scores the first key and the first choice win. One cdist call for all keys."""
        best: tuple[str | None, int, float] = (None, 0, 0.0)
        if not keys or not self._fuzzy_choices:
            return best
        scores = process.cdist(keys, self._fuzzy_choices, scorer=fuzz.ratio, processor=None,
                               score_cutoff=self.fuzzy_threshold, dtype=np.float64)
        for key, col, score, end in zip(keys, scores.argmax(axis=1).tolist(), scores.max(axis=1).tolist(), ends):
            if score and score / 100 > best[2] and _typo_of(key, self._fuzzy_choices[col]):
                best = (self.fields[self._fuzzy_choices[col]], end, score / 100)
        return best

    def _field_before(self, before: str) -> tuple[str | None, float]:
        """A field written before the level: "Computer Science (B.S.)"."""
        words = before.strip(" ,-–|(").split()
        for n in range(min(6, len(words)), 0, -1):
            chunk = " ".join(words[-n:])
            exact = self.fields.get(chunk if chunk.isupper() else _norm(chunk))
            if exact:
                return exact, 1.0
        return None, 0.0

@Language.factory("resumematch_degrees", default_config={"fuzzy_threshold": 86},
                  assigns=["doc._.rm_findings"], requires=["doc._.rm_sections"])
def make_degrees(nlp: Language, name: str, *, fuzzy_threshold: float) -> DegreeFinder:
    return DegreeFinder(nlp, name, fuzzy_threshold=fuzzy_threshold)
