"""Reading a stretch of a page row by row: which lines share a visual row, and when the lighter side
of a gutter is only a rail of dates beside the other side's entries (so no column of its own)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...catalog import load_catalog


@dataclass(frozen=True)
class Line:
    """One text line with its box in PDF points (y grows upwards)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def _sides(lines: list[Line], gutter: float) -> tuple[list[Line], list[Line]]:
    """The lines wholly on each side of ``gutter``, the side with less text first."""
    left = [ln for ln in lines if ln.x1 <= gutter]
    right = [ln for ln in lines if ln.x0 >= gutter]
    small, big = sorted((left, right), key=lambda side: sum(len(ln.text) for ln in side))
    return small, big


def is_margin_column(lines: list[Line], gutter: float) -> bool:
    """True when one side only holds dates or places set beside the other side's lines.

    Templates that right-align "Sept 2018 - May 2023" beside each entry look like two
    columns; read as columns, every date would lose its job. Such a side is light
    (under a quarter of the text) and nearly every line of it shares a baseline
    band with a line across the gutter; a real sidebar is not aligned that way.
    """
    small, big = _sides(lines, gutter)
    if len(small) < 3 and not _dates_and_places_only(small):
        return False  # a line or two beside the other side make a rail only as dates and places ("2019 -
        # 2021", "Columbus, OH"), not as a sidebar's last entry ("ServSafe Manager, 2021")
    share = sum(len(ln.text) for ln in small) / max(1, sum(len(ln.text) for ln in lines))
    aligned = sum(any(same_band(a, b) for b in big) for a in small) / max(1, len(small))
    datelike = sum(bool(_DATE_OR_PLACE.search(ln.text)) for ln in small) / max(1, len(small))
    x1s, x0s = [ln.x1 for ln in small], [ln.x0 for ln in small]
    flush_right = len(small) > 1 and max(x1s) - min(x1s) < 2 and max(x0s) - min(x0s) > 5
    return share < 0.25 and aligned >= 0.9 and (datelike >= 0.4 or flush_right)


_DATE_WORDS = re.compile(r"(?i)\b(?:present|now|current|ongoing|to|since|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                         r"nov|dec)[a-z]*|spring|summer|fall|autumn|winter|years?|yrs?|months?|mos?|"
                         r"(?:19|20)\d\d|\d+)\b")
_PLACE_LINE = re.compile(r"([A-Z][\w .'-]*),\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?|"
                         r"(?i:remote|hybrid|on-?site)(?:\s*\(\w+\))?")


def _place_line(text: str) -> bool:
    """Whether a line is a place ("Columbus, OH", "NYC, NY", "Remote"), not a degree or a credential
    before a comma ("BS, Computer Science", "Bachelor of Science, Biology", "CPA, Ohio")."""
    m = _PLACE_LINE.fullmatch(text)
    return m is not None and not (m.group(1) and _names_degree(m.group(1).strip()))


def _names_degree(text: str) -> bool:
    """Whether ``text`` is a degree's or a credential's name, as the catalogue spells them."""
    catalog = load_catalog()
    return bool(catalog.degrees.level_of(text) or catalog.credentials.lookup(text)
                or re.fullmatch(r"(?i)associate(?:'?s)?", text))


def _dates_and_places_only(lines: list[Line]) -> bool:
    """Whether a line or two hold dates, durations and places alone ("Jan 2020 - Present",
    "Columbus, OH", "(6 years)", "Remote"), a year among them: a rail beside one entry."""
    return any(_YEAR_IN.search(ln.text) for ln in lines) and all(
        _place_line(re.sub(r"^\((.*)\)$", r"\1", ln.text.strip()))
        or len(re.sub(r"[^A-Za-z]", "", _DATE_WORDS.sub("", ln.text))) <= 2
        for ln in lines)


#: A date, or a town's region after a comma ("Boston, MA", "City , State", "Pune, India"): a list of
#: skills ("Process mapping, Agile, Requirements") is no place.
_DATE_OR_PLACE = re.compile(r"\b(?:19|20)\d\d\b|\b(?i:present|now|current|ongoing)\b|"
                            r"\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
                            r",\s*(?:[A-Z]{2}\b|State\b|(?:USA|UK|India|Canada|Australia)\b)")


def under_a_header(lines: list[Line], gutter: float) -> tuple[list[Line], list[Line]]:
    """``lines`` cut above the first dated line of the lighter side of ``gutter`` that sits beside a
    line of the other side: a contact block set at the top right ("jane@example.com", "(512)
    555-0137") above a rail of dates beside the entries. ``([], lines)`` when there is no such line."""
    small, big = _sides(lines, gutter)
    dated = [ln for ln in small if _YEAR_IN.search(ln.text) and any(same_band(ln, b) for b in big)]
    if not dated:
        return [], lines
    cut = max(ln.y1 for ln in dated)
    head = [ln for ln in lines if ln.y0 > cut]
    return head, [ln for ln in lines if ln.y0 <= cut]


_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")


def same_band(a: Line, b: Line) -> bool:
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    return overlap > 0.5 * min(a.y1 - a.y0, b.y1 - b.y0)


def banded(lines: list[Line]) -> list[Line]:
    """``lines`` top to bottom and, within one visual row, left to right: a line joins the row of
    the line above it when they overlap vertically (``same_band``), even if its top is lower. A
    bullet set in a smaller size than its item's text ("•" 10 pt before "Market pricing" 11 pt)
    has a lower top on the same baseline; ordered by top alone, it came after its item and then
    opened the next one."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: (-round(ln.y1), ln.x0)):
        if rows and same_band(rows[-1][0], ln):
            rows[-1].append(ln)
        else:
            rows.append([ln])
    return [ln for row in rows for ln in sorted(row, key=lambda ln: ln.x0)]


def rows(lines: list[Line]) -> list[str]:
    """Lines top to bottom, left to right (``banded``). Pieces of one visual line that pdfminer split
    at a wide word gap (same baseline and height, gap under 1.5 line heights) are joined."""
    out: list[str] = []
    prev = None
    for ln in banded(lines):
        height = ln.y1 - ln.y0
        if (prev is not None and abs(ln.y0 - prev.y0) < 0.2 * height
                and abs(height - (prev.y1 - prev.y0)) < 0.2 * height and 0 <= ln.x0 - prev.x1 < 1.5 * height):
            out[-1] += " " + ln.text
        else:
            out.append(ln.text)
        prev = ln
    return out
