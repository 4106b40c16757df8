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

from ...catalog.terms import term_key
from ...types import Category, DegreeLevel, Method
from ..component import StatefulComponent
from ..rules.extensions import Finding, doc_text, expand_span, line_bounds, section_at
from ..rules.headings import ENTRY_SECTIONS
from ..rules.levels import implied_fields, level_matches, level_patterns

LEVEL_NAMES = {DegreeLevel.ASSOCIATE: "Associate degree", DegreeLevel.BACHELOR: "Bachelor's",
               DegreeLevel.MASTER: "Master's", DegreeLevel.DOCTORATE: "Doctorate",
               DegreeLevel.GRADUATE_CERTIFICATE: "Graduate certificate"}

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
#: A school straight after a degree: "BSN, Valley State University", "BSN from Valley State University".
_SCHOOL_NEXT = re.compile(r"\.?\s*(?:,|\s-|\s–|\s+from|\s+at|(?=\s))\s+(?:[A-Z][\w.'’&-]*\s+){0,4}"
                          r"(?i:University|College|Institute|Polytechnic|School)\b")
#: A year straight after a degree: "Juris Doctor, 2014", "BSN 2015".
_YEAR_NEXT = re.compile(r"\.?\s*,?\s*(?:19|20)\d\d\b")
#: A school before a degree on its line: "University of Iowa - BSN", "Chamberlain University    BSN".
_SCHOOL_BEFORE = re.compile(r"(?i:university|college|institute|polytechnic|school)\b[^\n]{0,40}?(?:[,|–—-]|\s{2,})\s*$")
#: Two letters with their stops, as a name's initials are written ("M.D.", "J.D.").
_INITIALS = re.compile(r"[A-Z]\.[A-Z]\.")
_NOT_KEY = re.compile(r"[^a-z0-9+#]+")
#: Words after a field that make "MS Project Management" the tool's name ("... Tools", "... Software").
_TOOL_AFTER = re.compile(r"\s+(?:tools?|software|suite|templates?|skills?|plans?|schedules?)\b", re.I)
#: Words of training, not a degree, in the phrase of "MS Project management ..." ("MS Project Management
#: Workshop", "... and Excel workshop, 2018"; not "..., Boston University - capstone course").
_TRAINING = re.compile(r"(?i)\b(?:workshop|training|course|certificat\w*|essentials|bootcamp|seminar)\b")
#: Microsoft's tools, abbreviated "MS" as a master's of science is: "MS Project", "MS Access".
_MS_TOOL = re.compile(r"\s*(?:Project|Access|Office|Word|Excel|Visio|Dynamics|SQL|Teams|Outlook|PowerPoint|"
                      r"Publisher|SharePoint)\b")
#: Words that make what follows "in" something other than the degree's field: "History Minor in
#: Accounting", "Exchange Semester in Finance", "Major Marketing Minor in Accounting".
_NOT_A_MAJOR = frozenset({"minor", "minors", "major", "exchange", "semester", "concentration", "focus", "emphasis",
                          "track", "abroad", "coursework", "certificate"})
_FIELD_WORD = re.compile(r"[A-Za-z0-9+#&.'’-]+")
#: One-word fields that end other fields' names ("Construction Management" is no Management); words
#: before a field that are no part of its name ("B.S. Degree Accounting").
_GENERIC_HEADS = frozenset({"management", "administration", "studies", "science", "sciences", "technology"})
_NOT_PART = frozenset("degree honors honours hons program programme major double joint dual science arts in of".split())


def _norm(text: str) -> str:
    return " ".join(_NOT_KEY.sub(" ", text.lower()).split())


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
        for way, matches in zip(level_patterns(), level_matches(text)):
            for m in matches:
                if any(a < m.end() and m.start() < b for a, b in seen):
                    continue
                if way.listed_only and not self._degree_line(doc, text, m, line_bounds(doc, m.start())[0]):
                    continue  # "Member, BSW committee", "Precepted BSN students from ... College"
                hits = self._degree(doc, text, way.level, m, way.ambiguous)
                if hits:
                    seen.append((m.start(), m.end()))
                    found.extend(hits)
        return found

    def _degree(self, doc: Doc, text: str, level: DegreeLevel, m: re.Match, ambiguous: bool) -> list[Finding]:
        line_start, line_end = line_bounds(doc, m.start())
        after = text[m.end():min(line_end, m.end() + 120)]
        nxt_end = text.find("\n", line_end + 1, line_end + 200)
        nxt = text[line_end + 1: line_end + 200 if nxt_end == -1 else nxt_end]
        # the field a degree's name carries ("MBA"), not in a job's words ("MBA Intern", "full-time MBA
        # programs"), where a degree's line is written (``_degree_line``)
        named = m.group(0) if section_at(doc, m.start()) not in ENTRY_SECTIONS or self._degree_line(
            doc, text, m, line_start) else ""
        field, field_end, score = self._field(after, named)
        written = after.split()[:len(field.split())] if field else []
        if m.group(0) == "MS" and _MS_TOOL.match(after) and not (
                field and _norm(" ".join(written)) == _norm(field) and not _TOOL_AFTER.match(after, field_end)
                and not _TRAINING.search(re.split(r"[,;(|]|\s[-–—]\s", after[field_end:], maxsplit=1)[0])
                and (all(w[:1].isupper() or w in ("and", "of", "&") for w in written)
                     or self._in_education(doc, text, m, line_start))):
            return []  # "MS Project", "MS Access", "MS Project management": tools; "MS Project Management": a degree
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
        if (implied := self._implied(named)) and all(f != implied for f, _ in fields):
            fields.append((implied, tokens))  # "MBA, Finance": finance and business administration both
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
    def _degree_line(doc: Doc, text: str, m: re.Match, line_start: int) -> bool:
        """Whether a degree the catalogue names ("BSN", "J.D.") is written as a degree's line is:
        opening a line of the education or after its school ("BSN, Valley State University, 2015",
        "University of Iowa - BSN, 2015"), or straight before a school or a year ("... holding a BSN
        from Valley State University", "Juris Doctor, 2014"); not "Member, BSW committee",
        "Precepted BSN students from Chamberlain College" or a name's initials ("J.D. Edwards")."""
        if _INITIALS.fullmatch(m.group(0)) and re.match(r" [A-Z][a-z]", text[m.end():m.end() + 3]):
            return False  # "M.D. Anderson Cancer Center", "J.D. Edwards training": a name's initials
        if _SCHOOL_NEXT.match(text, m.end()) or _YEAR_NEXT.match(text, m.end()):
            return True  # "BSN, Valley State University", "HND Business IT BEDE COLLEGE", "Juris Doctor, 2014"
        before = text[line_start:m.start()]
        return section_at(doc, m.start()) == "education" and (
            not before.strip(" \t•▪●◦*-–:") or bool(_SCHOOL_BEFORE.search(before)))

    @staticmethod
    def _in_education(doc: Doc, text: str, m: re.Match, line_start: int) -> bool:
        """Whether an ambiguous abbreviation stands where degrees are listed."""
        if section_at(doc, m.start()) == "education":
            return True
        before = text[max(line_start, m.start() - 50):m.start()]
        return bool(_EDU_BEFORE.search(before) or _SCHOOL_AFTER.match(text, m.end(), m.end() + 60))

    def _field(self, window: str, level_text: str, fuzzy: bool = True) -> tuple[str | None, int, float]:
        """The model's field that ``window`` names first, or else the one the degree's own name
        carries ("BSN": Nursing); ``_degree`` adds the carried field to a written one ("MBA,
        Finance" meets a finance master's and an MBA): (field, where it ends in ``window``, its
        score)."""
        implied = self._implied(level_text)
        if implied:
            named = self._named_field(window, fuzzy=False)
            return named if named[0] is not None else (implied, 0, 1.0)
        return self._named_field(window, fuzzy)

    def _implied(self, level_text: str) -> str | None:
        """The model's field that a degree's own name carries ("BSN": Nursing), or None."""
        return self.fields.get(_norm(implied_fields().get(term_key(level_text), ""))) if level_text else None

    def _named_field(self, window: str, fuzzy: bool) -> tuple[str | None, int, float]:
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
