"""Findings on pages read by OCR: the row's flag, and less strength where OCR was unsure.

Extraction records the pages it read by OCR and their confidence in ``Document.meta``
(``ocr_pages``, ``ocr_confidence``: the mean score of the lines found on each page, 0 to 1).
"""

from __future__ import annotations

from dataclasses import replace

from ..analyze.values import Analysis
from ..extraction import Document
from ..types import Flag

#: A page read by OCR with a confidence below this is doubtful: rendered real resume pages read at
#: 0.975 or more, poor 100 dpi scans at 0.96 or more, pages blurred past reading at 0.71 to 0.88
#: (docs/extraction.md).
MIN_CONFIDENCE = 0.9
#: What a finding on a doubtful page keeps of its match score (and so of its strength).
DOUBTFUL_FACTOR = 0.5


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
