"""The review of an analysis before it is scored: its findings' statuses and scores set by what
the whole document shows, and the row's flags.

It runs in the parent, on a finished ``Analysis`` and its ``Document``, and changes no text:

- resisting gaming: hidden text never reaches analysis (extraction leaves it out); here it becomes
  a flag. A bare block of requirement keywords (no issuer, date, school or sentence) is flagged and
  its findings get the status ``stuffed``, so they count little. Text aimed at the screener is
  flagged. Repeated mentions need no rule: a requirement's strength is its best evidence;
- pages read by OCR: the row's flag, and less strength where OCR was unsure;
- dates that could not be read in the work history: a flag.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..extraction import Document
from ..types import Category, FindingStatus, Flag, PeriodKind
from .rules.dateranges import VERSIONED_NAMES
from .rules.injection import injection_spans
from .values import Analysis, Entity

#: A page read by OCR with a confidence below this is doubtful: rendered real resume pages read at
#: 0.975 or more, poor 100 dpi scans at 0.96 or more, pages blurred past reading at 0.71 to 0.88
#: (docs/extraction.md). Extraction records the pages it read by OCR and their confidence in
#: ``Document.meta`` (``ocr_pages``, ``ocr_confidence``: the mean score of the lines found on
#: each page, 0 to 1).
MIN_CONFIDENCE = 0.9
#: What a finding on a doubtful page keeps of its match score (and so of its strength).
DOUBTFUL_FACTOR = 0.5

#: A year, as a date of work would hold one; not the version of a product named by its year
#: ("Exchange Server 2013", "Windows 2000", "Visual Studio 2019", "Office 2016").
_YEAR = re.compile("".join(rf"(?<!\b{w} )" for w in VERSIONED_NAMES) + r"(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d)")
#: The sections whose dates are dates of work.
_WORK_SECTIONS = frozenset({"experience", "internships"})

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
    findings on pages OCR read with low confidence are weakened (``weaken_doubtful``). Besides gaming,
    the flags tell of dates that could not be read (``date_flags``)."""
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


def ocr_flag(document: Document) -> str | None:
    """``ocr:1,2`` (the pages read by OCR) when OCR read any page of ``document``, else None."""
    pages = document.meta.get("ocr_pages") or []
    return f"{Flag.OCR}:{','.join(map(str, pages))}" if pages else None


def doubtful_pages(document: Document) -> set[int]:
    """The pages of ``document`` that OCR read with a confidence below ``MIN_CONFIDENCE``."""
    read = zip(document.meta.get("ocr_pages") or [], document.meta.get("ocr_confidence") or [])
    return {page for page, confidence in read if confidence < MIN_CONFIDENCE}


def weaken_doubtful(document: Document, analysis: Analysis) -> Analysis:
    """``analysis`` with the match score of every finding on a doubtful page times ``DOUBTFUL_FACTOR``."""
    doubtful = doubtful_pages(document)
    if not doubtful:
        return analysis
    entities = tuple(replace(e, score=round(e.score * DOUBTFUL_FACTOR, 4)) if e.page in doubtful else e
                     for e in analysis.entities)
    return replace(analysis, entities=entities)


def date_flags(text: str, analysis: Analysis) -> tuple[str, ...]:
    """``("unread_dates:N",)`` when no work was dated by a range although the work sections hold N
    years: the dates were there but could not be read as from-to ranges, so the years of experience
    say little (jobs dated by a year alone, each read as that year's, count about one year each).
    Else ``()``."""
    work = (PeriodKind.WORK, PeriodKind.INTERNSHIP)
    if any(p.kind in work and p.start and not _YEAR.fullmatch(p.text) for p in analysis.periods):  # not undated
        return ()
    years = sum(len(_YEAR.findall(text, a, b)) for label, a, b in analysis.sections if label in _WORK_SECTIONS)
    return (Flag.UNREAD_DATES.having(years),) if years else ()
