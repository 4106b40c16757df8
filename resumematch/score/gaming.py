"""Resisting gaming: hidden text, keyword stuffing and text aimed at the screener.

Runs between analysis and scoring. Hidden text never reaches analysis (extraction
leaves it out); here it becomes a flag. A bare block of requirement keywords (no
issuer, date, school or sentence) is flagged and its findings count little.
Repeated mentions need no rule: a requirement's strength is its best evidence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..analyze.rules.injection import injection_spans
from ..analyze.values import Analysis, Entity
from ..extraction import Document
from ..types import Category, FindingStatus, Flag
from .facts import date_flags
from .ocr import ocr_flag, weaken_doubtful

_CONTEXT = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:institute|university|college|school|academy|alliance|axelos|comptia|pmi|"
    r"scrum\.org|peoplecert|issued|awarded|earned|obtained|completed|certified\s+by|credential\s+id|"
    r"license|licence)\b", re.IGNORECASE)
_CREDENTIAL_CATEGORIES = (Category.CERTIFICATION, Category.DEGREE)




def stuffed_lines(text: str, entities: tuple[Entity, ...]) -> list[tuple[int, int]]:
    """Lines that are bare lists of credential names: two or more different ones, or one repeated
    three times or more, little else, and no issuer, school or date outside the names themselves."""
    credentials = sorted((e for e in entities if e.category in _CREDENTIAL_CATEGORIES), key=lambda e: e.start)
    out, i = [], 0
    while i < len(credentials):  # only the lines that hold a credential are looked at
        first = credentials[i].start
        start, end = text.rfind("\n", 0, first) + 1, text.find("\n", first)
        end = len(text) if end < 0 else end
        inside = []
        while i < len(credentials) and credentials[i].start < end:
            inside.append(credentials[i])
            i += 1
        if not inside:  # a finding that starts on a line break belongs to no line
            i += 1
            continue
        line = text[start:end]
        names = [e.id or e.name for e in _distinct(inside)]
        # Issuer words inside a credential's own name ("CompTIA Project+") are not context.
        rest = list(line)
        for e in inside:
            rest[e.start - start:e.end - start] = " " * (e.end - e.start)
        if _CONTEXT.search("".join(rest)):
            continue
        repeated = max(names.count(n) for n in names) >= 3
        if len(set(names)) < 2 and not repeated:
            continue
        covered = sum(e.end - e.start for e in _distinct(inside))
        letters = sum(c.isalnum() for c in line) or 1
        if covered / letters >= 0.6 or len(set(names)) >= 4:
            out.append((start, end))
    return out


def _distinct(entities: list[Entity]) -> list[Entity]:
    seen, out = set(), []
    for e in sorted(entities, key=lambda e: (e.start, -e.end)):
        if not any(a <= e.start < b for a, b in seen):
            out.append(e)
            seen.add((e.start, e.end))
    return out


def review(document: Document, analysis: Analysis) -> tuple[Analysis, tuple[str, ...]]:
    """Flags for ``document`` and an ``analysis`` whose stuffed findings are marked ``stuffed`` and whose
    findings on pages OCR read with low confidence are weakened (``ocr.py``). Besides gaming, the flags
    tell of dates that could not be read (``facts.date_flags``)."""
    flags = []
    if document.hidden_chars:
        flags.append(Flag.HIDDEN_TEXT.having(document.hidden_chars))
    blocks = stuffed_lines(document.text, analysis.entities)
    if blocks:
        flags.append(Flag.KEYWORD_STUFFING)
        entities = tuple(
            replace(e, status=FindingStatus.STUFFED) if any(a <= e.start < b for a, b in blocks) and e.counts else e
            for e in analysis.entities)
        analysis = replace(analysis, entities=entities)
    if injection_spans(document.text):
        flags.append(Flag.INJECTION_TEXT)
    scanned = ocr_flag(document)
    if scanned:
        flags.append(scanned)
        analysis = weaken_doubtful(document, analysis)
    return analysis, tuple(map(str, (*flags, *date_flags(document.text, analysis))))
