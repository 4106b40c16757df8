"""The fields at the top of a resume: email, phone, links, and the header cut into segments.

Headers come as lines ("Jane Doe" / "jane@x.com | 555-0100") or, from PDF and web exports, as
one long line whose fields are set apart by runs of spaces, bars or bullets. Both are cut into
*segments*. Plain functions; no spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

EMAIL = re.compile(r"(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+'’-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?<![\w/])(?:\+\s?\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{6,}\d(?![\w/])")
URL = re.compile(r"(?:https?://|www\.|linkedin\.com|github\.com)", re.IGNORECASE)
_LINE = re.compile(r"[^\n]+")
#: Field separators inside a line: runs of spaces, tabs, bars, bullets, spaced dashes.
_SEP = re.compile(r"\s{2,}|\t|\s*[|•·▪●◆■◦➢✓]\s*|\s+[-–—]\s+")


def find_email(text: str) -> tuple[str, int] | None:
    """The first email address in ``text`` and its offset ("O'Connell" local parts included)."""
    m = EMAIL.search(text)
    return (m.group(0), m.start()) if m else None


def find_phone(text: str) -> tuple[str, int] | None:
    """The first phone number in ``text`` (10 to 15 digits, not a year range) and its offset."""
    for m in PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if not 10 <= len(digits) <= 15:
            continue
        if re.fullmatch(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d", m.group(0).strip()):
            continue
        return m.group(0).strip(), m.start()
    return None


def segments(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the fields of ``text[start:end]``: lines cut at separators. Found
    as they are asked for: the callers stop at one of the first few."""
    end = len(text) if end is None else end
    pos = start
    for m in chain(_SEP.finditer(text, start, end), [None]):
        stop = m.start() if m else end
        for line in _LINE.finditer(text, pos, stop):
            if line.group(0).strip():
                yield line.start(), line.end()
        pos = m.end() if m else end
