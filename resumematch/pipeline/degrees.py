"""Component: degrees, found as a level ("B.Sc.", "Master of") plus a field of study.

The level is recognised by pattern; the field is looked for on the same line
(and the next short line), exactly or, for typos, with rapidfuzz.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import Finding, doc_text, line_bounds

LEVEL_NAMES = {"associate": "Associate degree", "bachelor": "Bachelor's", "master": "Master's",
               "doctorate": "Doctorate", "graduate_certificate": "Graduate certificate"}

_LEVELS: list[tuple[str, re.Pattern]] = [
    ("graduate_certificate", re.compile(
        r"\b(?:post[- ]?graduate|graduate)\s+(?:certificate|diploma)\b|\bPG\s*(?:Diploma|Certificate)\b",
        re.IGNORECASE)),
    ("doctorate", re.compile(r"\bPh\.?\s?D\b\.?|\bDoctor(?:ate)?\s+(?:of|in)\b|\bDoctorate\b|\bD\.Sc\b\.?",
                             re.IGNORECASE)),
    ("master", re.compile(r"\bMaster(?:['’]?s)?\b(?:\s+(?:of|in|degree))?|\bM\.\s?(?:S|Sc|Tech|E|Eng|A|B\.?A)\b\.?"
                          r"|\b(?:MS|MSc|MTech|MEng|MBA|MCA|MPM|MA|MIT|MSIT|MSCS)\b")),
    ("master", re.compile(r"\bmasters?\b(?:\s+(?:of|in|degree))?", re.IGNORECASE)),
    ("bachelor", re.compile(r"\bBachelor(?:['’]?s)?\b(?:\s+(?:of|in|degree))?|\bB\.\s?(?:S|Sc|Tech|E|Eng|A|C\.?A|B\.?A)\b\.?"
                            r"|\b(?:BS|BSc|BTech|BEng|BE|BA|BCA|BBA|BCS|BSIT|BSCS|BIT|BIS)\b"
                            r"|\bLicen[cs]e\s+(?:in|of|en)\b|\bLicenciatura\b|\bundergraduate\s+degree\b")),
    ("bachelor", re.compile(r"\bbachelors?\b(?:\s+(?:of|in|degree))?", re.IGNORECASE)),
    ("associate", re.compile(r"\bAssociate(?:['’]?s)?\s+(?:degree|of\s+(?:Applied\s+)?(?:Science|Arts))\b"
                             r"|\bA\.A\.S\.|\bA\.S\.(?=\s)", re.IGNORECASE)),
]
# Degree abbreviations that carry their field: BCA is Computer Applications, and so on.
_IMPLIED_FIELD = {"BCA": "computer applications", "MCA": "computer applications", "BSIT": "information technology",
                  "MSIT": "information technology", "BSCS": "computer science", "MSCS": "computer science",
                  "BCS": "computer science", "BIT": "information technology", "MIT": "information technology",
                  "BIS": "information systems", "MPM": "project management", "B.C.A": "computer applications",
                  "B.CA": "computer applications"}
_FILLER = re.compile(r"^(?:of\s+)?(?:science|arts|engineering|technology|applied science|philosophy)?\s*(?:in|of|,|:|-|\()?\s*",
                     re.IGNORECASE)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9+#]+", " ", text.lower()).split())


class DegreeFinder:
    """Appends degree findings to ``doc._.rm_findings``, one per requirement a degree meets."""

    def __init__(self, nlp: Language, name: str = "resumematch_degrees", fuzzy_threshold: float = 86) -> None:
        self.name = name
        self.fuzzy_threshold = fuzzy_threshold
        self.requirements: list[dict] = []
        self.fields: dict[str, str] = {}

    def add_requirements(self, requirements: list[dict]) -> None:
        """Add ``{"id", "label", "levels", "fields"}`` dicts from the requirement model."""
        self.requirements.extend(requirements)
        for req in requirements:
            for field in req["fields"]:
                self.fields.setdefault(field if field.isupper() else _norm(field), field)

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[Finding]:
        text = doc_text(doc)
        found, seen = [], set()
        for level, pattern in _LEVELS:
            for m in pattern.finditer(text):
                if any(a <= m.start() < b for a, b in seen):
                    continue
                seen.add((m.start(), m.end()))
                found.extend(self._degree(doc, text, level, m))
        return found

    def _degree(self, doc: Doc, text: str, level: str, m: re.Match) -> list[Finding]:
        line_start, line_end = line_bounds(text, m.start())
        after = text[m.end():line_end]
        nxt_end = text.find("\n", line_end + 1)
        nxt = text[line_end + 1: len(text) if nxt_end == -1 else nxt_end]
        field, field_end, score = self._field(after, m.group(0))
        if field is None and len(nxt.split()) <= 8:
            field, field_end, score = self._field(nxt, "")
            if field is not None:
                field_end += line_end + 1 - m.end()
        if field is None:
            field, score = self._field_before(text[line_start:m.start()])
            field_end = 0
        end_char = m.end() + max(field_end, 0)
        span = doc.char_span(m.start(), end_char, alignment_mode="expand")
        if span is None:
            return []
        shown = field or _FILLER.sub("", after).strip(" ,.;()")[:40] or None
        name = LEVEL_NAMES[level] + (f" in {shown.title() if shown.islower() else shown}" if shown else "")
        method = "exact" if score >= 1.0 else "fuzzy"
        hits = [Finding(span.start, span.end, "degree", req["id"], name, "degree", score)
                for req in self.requirements
                if field is not None and level in req["levels"] and field in req["fields"]]
        if not hits:
            hits = [Finding(span.start, span.end, "degree", None, name, "degree", score if field else 1.0)]
        for hit in hits:
            hit.method = method
        return hits

    def _field(self, window: str, level_text: str) -> tuple[str | None, int, float]:
        implied = _IMPLIED_FIELD.get(level_text.strip(". ").upper())
        if implied:
            canonical = self.fields.get(_norm(implied))
            if canonical:
                return canonical, 0, 1.0
        rest = _FILLER.sub("", window, count=1)
        offset = len(window) - len(rest)
        words = list(re.finditer(r"[A-Za-z0-9+#&.'’-]+", rest[:90]))
        best: tuple[str | None, int, float] = (None, 0, 0.0)
        for n in range(min(7, len(words)), 0, -1):
            for i in range(0, min(3, len(words) - n + 1)):
                chunk = rest[words[i].start():words[i + n - 1].end()]
                exact = self.fields.get(chunk if chunk.isupper() else _norm(chunk))
                if exact and (not chunk.isupper() or exact.isupper() or len(chunk) > 3):
                    return exact, offset + words[i + n - 1].end(), 1.0
                key = _norm(chunk)
                if len(key) < 8:
                    continue
                choices = [k for k in self.fields if not k.isupper() and len(k) >= 8]
                hit = process.extractOne(key, choices, scorer=fuzz.ratio, processor=None,
                                         score_cutoff=self.fuzzy_threshold)
                if hit and hit[1] / 100 > best[2]:
                    best = (self.fields[hit[0]], offset + words[i + n - 1].end(), hit[1] / 100)
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

    def set_annotations(self, doc: Doc, found: list[Finding]) -> Doc:
        doc._.rm_findings = (doc._.rm_findings or []) + found
        return doc


@Language.factory("resumematch_degrees", default_config={"fuzzy_threshold": 86})
def make_degrees(nlp: Language, name: str, *, fuzzy_threshold: float) -> DegreeFinder:
    return DegreeFinder(nlp, name, fuzzy_threshold=fuzzy_threshold)
