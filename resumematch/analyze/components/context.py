"""Component: decide what each finding means in its context.

- a certification being prepared for, scheduled or expected is ``in_progress``;
  an expired one is ``expired``; otherwise ``held``;
- a degree is ``completed``, ``in_progress`` (pursuing, expected) or ``incomplete``
  ("coursework toward", "not completed");
- an internship is ``own`` unless the candidate managed or trained interns (``not_own``);
- anything inside the candidate's name or contact lines is ``contact`` and never counts;
- everything else is ``mentioned``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ...types import Category, FindingStatus
from .extensions import Finding, doc_text, line_bounds, span_chars
from .sections import heading_label

_CERT_PENDING = re.compile(
    r"\b(?:prepar\w*|pursu\w*|studying|schedul\w*|plann\w*|expected|expecting|anticipated|"
    r"in[- ]progress|working\s+(?:towards?|on)|enrolled|registered\s+for|exam\s+date|target\w*|"
    r"upcoming|candidate|eligible|sitting|will\s+(?:take|sit)|aim\w*\s+(?:for|to)|pending|ongoing|"
    r"currently\s+(?:taking|completing|earning)|to\s+be\s+completed)\b", re.IGNORECASE)
_CERT_EXPIRED = re.compile(r"\b(?:expired|lapsed|inactive|no\s+longer\s+active)\b", re.IGNORECASE)
_DEGREE_INCOMPLETE = re.compile(
    r"\b(?:not\s+completed|incomplete|did\s+not\s+(?:complete|finish|graduate)|coursework\s+towards?|"
    r"credits?\s+towards?|some\s+(?:college|coursework)|withdrew|discontinued|left\s+(?:the\s+)?program|"
    r"no\s+degree|unfinished|partial(?:ly)?\s+completed)\b", re.IGNORECASE)
_DEGREE_PENDING = re.compile(
    r"\b(?:pursuing|expected|anticipated|in[- ]progress|currently\s+(?:enrolled|studying|pursuing)|"
    r"ongoing|(?:ph\.?\s?d\.?|doctoral|degree|master['’]?s|bachelor['’]?s)\s+candidate|to\s+be\s+completed|"
    r"final\s+year|(?:19|20)\d\d\s*-\s*present)\b", re.IGNORECASE)
_MANAGED_INTERNS = re.compile(
    r"\b(?:manag\w*|supervis\w*|mentor\w*|train\w*|hir\w*|recruit\w*|coach\w*|onboard\w*|oversaw|"
    r"oversee\w*|led|lead\w*|coordinat\w*|host\w*|interview\w*|guid\w*|direct\w*|taught|teach\w*)\b"
    r"[^.;\n]{0,40}$", re.IGNORECASE)


class ContextClassifier:
    """Sets ``Finding.status`` on every finding in ``doc._.rm_findings``."""

    def __init__(self, nlp: Language, name: str = "resumematch_context", window: int = 60) -> None:
        self.name = name
        self.window = window

    def __call__(self, doc: Doc) -> Doc:
        findings = doc._.rm_findings or []
        text = doc_text(doc)
        contact_lines = doc._.rm_contact_lines or []
        headings: dict[int, bool] = {}
        return self.set_annotations(doc, [self.status(doc, text, f, contact_lines, headings) for f in findings])

    def status(self, doc: Doc, text: str, f: Finding, contact_lines: list[tuple[int, int]],
               headings: dict[int, bool]) -> str:
        """The status of finding ``f``, given the doc's contact line ranges; ``headings`` remembers
        which lines (by start) are section headings, as several findings often share a line."""
        start, end = span_chars(doc, f.start, f.end)
        if any(a <= start < b for a, b in contact_lines):
            return FindingStatus.CONTACT
        line_start, line_end = line_bounds(doc, start)
        if line_start not in headings:
            line = text[line_start:line_end].strip(" *#|=_").rstrip(":")
            headings[line_start] = ":" not in line and bool(heading_label(line))
        if headings[line_start]:
            return FindingStatus.HEADING  # the title "INTERNSHIPS" is no internship
        before = text[max(line_start, start - self.window):start]
        after = text[end:min(line_end, end + self.window)]
        if f.category == Category.CERTIFICATION:
            near = before + " " + after
            if _CERT_PENDING.search(near):
                return FindingStatus.IN_PROGRESS
            return FindingStatus.EXPIRED if _CERT_EXPIRED.search(near) else FindingStatus.HELD
        if f.category == Category.DEGREE:
            near = text[max(line_start, start - 150):min(line_end, end + 150)]
            nxt_end = text.find("\n", line_end + 1, line_end + 150)
            near += " " + text[line_end + 1: line_end + 150 if nxt_end == -1 else nxt_end]
            if _DEGREE_INCOMPLETE.search(near):
                return FindingStatus.INCOMPLETE
            return FindingStatus.IN_PROGRESS if _DEGREE_PENDING.search(near) else FindingStatus.COMPLETED
        if f.category == Category.INTERNSHIP:
            word = text[start:end].lower()
            if word.endswith("s") and not word.endswith("ss") and word not in ("internships",):
                return FindingStatus.NOT_OWN
            if _MANAGED_INTERNS.search(before):
                return FindingStatus.NOT_OWN
            return FindingStatus.OWN
        return FindingStatus.MENTIONED

    def set_annotations(self, doc: Doc, statuses: list[str]) -> Doc:
        for finding, status in zip(doc._.rm_findings or [], statuses):
            finding.status = status
        return doc


@Language.factory("resumematch_context", default_config={"window": 60})
def make_context(nlp: Language, name: str, *, window: int) -> ContextClassifier:
    return ContextClassifier(nlp, name, window=window)
