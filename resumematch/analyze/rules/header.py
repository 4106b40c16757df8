"""The fields at the top of a resume: email, phone, links, and the header cut into segments.

Headers come as lines ("Jane Doe" / "jane@x.com | 555-0100") or, from PDF and web exports, as
one long line whose fields are set apart by runs of spaces, bars or bullets. Both are cut into
*segments*. Plain functions; no spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

import phonenumbers

from ...types import PHONE_REGION

EMAIL = re.compile(r"(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+'’-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_POSSIBLE = phonenumbers.Leniency.POSSIBLE
#: A number written the national way, within one line.
_NATIONAL = re.compile(r"(?<![\w/])(?:\+ ?\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d[\d .-]{6,}\d(?![\w/])")
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d")
URL = re.compile(r"(?:https?://|www\.|linkedin\.com|github\.com)", re.IGNORECASE)
#: A whole link, to the next space: "https://www.indeed.com/r/jane-doe", "linkedin.com/in/jdoe".
LINK = re.compile(r"\S*" + URL.pattern + r"\S*", re.IGNORECASE)
_LINE = re.compile(r"[^\n]+")
#: Field separators inside a line: runs of spaces, tabs, bars, bullets, spaced dashes.
_SEP = re.compile(r"\s{2,}|\t|\s*[|•·▪●◆■◦➢✓]\s*|\s+[-–—]\s+")


def find_email(text: str) -> tuple[str, int] | None:
    """The first email address in ``text`` and its offset ("O'Connell" local parts included)."""
    m = EMAIL.search(text)
    return (m.group(0), m.start()) if m else None


def find_phone(text: str, start: int = 0, end: int | None = None) -> tuple[str, int] | None:
    """The first phone number in ``text[start:end]`` and its offset, or None.

    Each line is read on its own, so a ZIP code or a page number on the line above never joins
    the number ("30043" / "404.555.0199"). phonenumbers' matcher reads a line first (a number with
    its country code, or a U.S. one); a national number of another country, which it cannot place
    without the country ("07700 900123"), is taken when it is not a year range. Either must have
    10 to 15 digits.
    """
    end = len(text) if end is None else end
    for line in _LINE.finditer(text, start, end):
        if sum(c.isdigit() for c in line.group(0)) < 7:
            continue  # no number to find: the matcher costs a millisecond per line of dates
        for match in phonenumbers.PhoneNumberMatcher(line.group(0), PHONE_REGION, leniency=_POSSIBLE):
            number = match.raw_string.lstrip("[{<")  # the matcher keeps a bracket: "[+65-93804857]"
            if _whole_number(number):
                return number.rstrip("]}>"), line.start() + match.start + len(match.raw_string) - len(number)
        for m in _NATIONAL.finditer(line.group(0)):
            if _whole_number(m.group(0)) and not _YEAR_RANGE.fullmatch(m.group(0).strip()):
                return m.group(0).strip(), line.start() + m.start()
    return None


def _whole_number(raw: str) -> bool:
    """10 to 15 digits: a number with its area code ("555-0100" alone may be anything)."""
    return 10 <= sum(c.isdigit() for c in raw) <= 15


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
