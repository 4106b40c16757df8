"""Date ranges in text ("Jan 2015 - Present", "2014 - 2017", "03/2018 - 06/2020", "4/1/2009 - 7/1/2014",
"August 2010  June 2012" with its dash lost, "September 2017 onwards", "8/01 to Present") and the months they cover.

The grammar of the dates component (``components.dates``), kept apart from how a range is placed in a
resume's entries.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

_MONTHS = {m: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for m in names}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?:19[5-9]\d|20\d\d)"
#: A day's date read to its month: "4/1/2009" and "04-01-2009" (U.S. month first; "25/12/2019", whose
#: first number cannot be a month, day first) and "01.04.2015" (day first, the European dotted form).
_DAY_DATE = rf"(?:\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*{_YEAR}|\d{{1,2}}\.\d{{1,2}}\.{_YEAR}|\d{{1,2}}-\d{{1,2}}-{_YEAR})"
#: A month by its number: "03/2018", "12-2015", "2018-03". A hyphen between a month and a year has no
#: spaces around it: "2015 - 03-2018" is a range from 2015, not March 2015.
_POINT = (rf"(?:{_DAY_DATE}|{_MONTH}\s*,?\s*'?{_YEAR}|(?:0?[1-9]|1[0-2])(?:\s*[/.]\s*|-){_YEAR}"
          rf"|{_YEAR}(?:\s*[/.]\s*|-)(?:0?[1-9]|1[0-2])(?!\d)|{_YEAR})")
_NOW = r"(?:present|current(?:ly)?|now|today|ongoing|date|till\s+date|to\s+date)"
#: What stands between the two ends: dashes, words, and the tildes and arrows of other conventions
#: ("2015 ~ 2019", fullwidth "～" once normalised, "2015 → 2019").
_TO = r"(?:->|-|~|〜|→|⟶|to|until|till|through|thru|–|—)"
RANGE = re.compile(rf"(?<![\w/])(?P<a>{_POINT})\s*{_TO}\s*"
                   rf"(?P<b>{_POINT}|{_NOW})(?![\w/])", re.IGNORECASE)
#: A range whose dash was lost in extraction (a glyph with no text behind it leaves the spaces around
#: it: "August 2010  June 2012", "2005  Present"): two or more spaces between ends that name a month,
#: or before "Present". Two bare years side by side ("2001  2007") are too often something else.
_MONTH_POINT = rf"(?:{_DAY_DATE}|{_MONTH}\s*,?\s*'?{_YEAR}|(?:0?[1-9]|1[0-2])\s*/\s*{_YEAR})"
GAP_RANGE = re.compile(rf"(?<![\w/.])(?P<a>{_MONTH_POINT})[ \t]{{2,}}(?P<b>{_MONTH_POINT}|{_NOW})(?![\w/])"
                       rf"|(?<![\w/.])(?P<c>{_YEAR})[ \t]{{2,}}(?P<d>{_NOW})\b", re.IGNORECASE)
#: "Present" closing a range: alone on its line, or before a colon, a bracket, a bar or a comma.
_END_NOW = rf"{_NOW}(?=[ \t]*(?:$|[:),;|]))"
#: A range whose dash was lost where the layout broke the line, so that its start ends one line and
#: its end opens the next (a one-line export whose runs of spaces were line breaks reads so):
#: "Manchester, CT | March 2014" over "Present", "Paralegal (2013" over "present)", "2001" over
#: "2006: Principal Engineer". Two bare years stacked count only before a colon or a bracket ("2007"
#: over "2010 University of Art" is a list of years).
STACKED_RANGE = re.compile(rf"(?<![\w/.])(?P<a>{_MONTH_POINT})[ \t]*\n[ \t]*(?P<b>{_MONTH_POINT}(?![\w/])|{_END_NOW})"
                           rf"|(?<![\w/.])(?P<c>{_YEAR})[ \t]*\n[ \t]*(?P<d>{_END_NOW})"
                           rf"|(?<![\w/.])(?P<e>{_YEAR})[ \t]*\n[ \t]*(?P<f>{_YEAR})(?=[ \t]*[:)])",
                           re.IGNORECASE | re.MULTILINE)
#: A range whose dash glyph was lost with no space around it, opening its line alone or before a
#: colon: "20132015", "• 2005present: Web developer" (LaTeX templates whose en dash pdfminer cannot
#: map). Eight digits inside a line are more often a number.
GLUED_RANGE = re.compile(rf"^[ \t]*(?:[•▪●◦*·-][ \t]*)?(?P<a>{_YEAR})(?P<b>{_YEAR}|{_NOW})(?=[ \t]*(?:$|:))",
                         re.IGNORECASE | re.MULTILINE)
#: "Feb 2011/Now": a slash before "Present" is the range's dash.
SLASH_NOW = re.compile(rf"(?<![\w/])(?P<a>{_MONTH_POINT}|{_YEAR})[ \t]*/[ \t]*(?P<b>{_NOW})(?![\w/])", re.IGNORECASE)
#: A range of short dates, the year in two digits: "8/01 to Present", "03/15 - 06/19", "Jan '15 - Dec '19".
#: Only as a range of two such dates (or one and "Present"), with a slash or an apostrophe: alone,
#: "8/01" may be a day and "Jan 15" is one. A two-digit year up to this year's is 20YY, else 19YY.
_SHORT_POINT = rf"(?:(?:0?[1-9]|1[0-2])\s*/\s*\d\d|{_MONTH}\s*'\d\d)"
SHORT_RANGE = re.compile(rf"(?<![\w/.'])(?P<a>{_SHORT_POINT})\s*{_TO}\s*(?P<b>{_SHORT_POINT}|{_NOW})(?![\w/])",
                         re.IGNORECASE)
#: An open start: "September 2017 onwards", "Since March 2015" opening a line, "(since 2015)"; not
#: "Since 2015, sales grew", a duty's words.
OPEN_RANGE = re.compile(rf"(?<![\w/])(?P<a>{_POINT})\s+onwards?\b"
                        rf"|^[ \t]*since\s+(?P<c>{_MONTH_POINT})(?![\w/])"
                        rf"|\(since\s+(?P<e>{_POINT})\)", re.IGNORECASE | re.MULTILINE)

# The forms parse_point tells apart, compiled once: it runs for both ends of every range.
_NOW_POINT = re.compile(_NOW)
_MONTH_YEAR = re.compile(rf"({_MONTH})\s*({_YEAR})")
_MONTH_NUMBER_YEAR = re.compile(rf"(\d{{1,2}})\s*[/.-]\s*({_YEAR})")
_YEAR_MONTH_NUMBER = re.compile(rf"({_YEAR})\s*[/.-]\s*(\d{{1,2}})")
_YEAR_POINT = re.compile(_YEAR)
_SHORT_MONTH_NUMBER = re.compile(r"(\d{1,2})\s*/\s*(\d\d)")
_SHORT_MONTH_NAME = re.compile(rf"({_MONTH})\s*'(\d\d)")
_DAY_DATE_POINT = re.compile(rf"(\d{{1,2}})\s*([/.-])\s*(\d{{1,2}})\s*[/.-]\s*({_YEAR})")


@dataclass
class RawPeriod:
    start: tuple[int, int]
    end: tuple[int, int]
    char_start: int
    char_end: int


def parse_point(text: str, *, is_end: bool, today: dt.date, day_first: bool | None = None) -> tuple[int, int] | None:
    """A (year, month) pair from "Jan 2015", "03/2018", "2018-03", "4/1/2009", "2014" or "Present".
    A day's date is read day first when ``day_first`` says so, else by its own form (see
    ``day_first_of``)."""
    t = text.strip().lower().replace(",", " ")
    if _NOW_POINT.fullmatch(t):
        return (today.year, today.month) if is_end else None
    m = _SHORT_MONTH_NUMBER.fullmatch(t) or _SHORT_MONTH_NAME.fullmatch(t)
    if m:
        key = m.group(1).rstrip(".")
        month = int(key) if key.isdigit() else _MONTHS.get(key, _MONTHS.get(key[:3], 1))
        year = int(m.group(2)) + (2000 if int(m.group(2)) <= today.year % 100 else 1900)
        return (year, month) if 1 <= month <= 12 else None
    t = t.replace("'", "")
    m = _DAY_DATE_POINT.fullmatch(t)
    if m:
        first, second = int(m.group(1)), int(m.group(3))
        month = second if (day_first_of(t) if day_first is None else day_first) else first
        return (int(m.group(4)), month) if 1 <= month <= 12 else None
    m = _MONTH_YEAR.fullmatch(t)
    if m:
        key = m.group(1).rstrip(".")
        return int(m.group(2)), _MONTHS.get(key, _MONTHS.get(key[:3], 1))
    m = _MONTH_NUMBER_YEAR.fullmatch(t)
    if m:
        return int(m.group(2)), int(m.group(1))
    m = _YEAR_MONTH_NUMBER.fullmatch(t)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = _YEAR_POINT.fullmatch(t)
    if m:
        return int(t), 1
    return None


def day_first_of(point: str) -> bool | None:
    """Whether a day's date is written day first: True when its first number cannot be a month
    ("25/12/2019"), False when its second cannot ("3/30/2010"); else the form's own custom, the U.S.
    month first for slashes and day first for dots ("01.04.2015"), which ``parse_point`` applies and
    this returns as None, so that the other end of a range may decide; None too for any other point."""
    m = _DAY_DATE_POINT.fullmatch(point.strip().lower())
    if not m:
        return None
    first, separator, second = int(m.group(1)), m.group(2), int(m.group(3))
    if first > 12 or second > 12:
        return first > 12
    return None if separator == "/" else True


#: Products named by their year ("Windows Server 2008", "SQL Server 2019", "Exchange 2016"): a range
#: of years after one ("Migrated servers from Windows Server 2008 to 2016") is two versions, not a
#: period of work. Names that are also ordinary words ("Office", "Project", "Word") are left out:
#: "Back Office 2012 - 2015" may be a job.
VERSIONED_PRODUCTS = ("Server", "Windows", "Win", "Studio", "Exchange", "SharePoint", "SQL", "Dynamics",
                      "AutoCAD", "Revit", "Visio")
#: Every product named by its year, those whose names are also ordinary words too ("Office 2016",
#: "Project 2019"): a year after one is no date of work (``review``'s unread dates).
VERSIONED_NAMES = (*VERSIONED_PRODUCTS, "Office", "Excel", "Project", "Access", "Outlook", "Word")
_VERSION_BEFORE = re.compile(rf"\b(?:{'|'.join(VERSIONED_PRODUCTS)})[ \t]+(?:v(?:ersion)?\.?[ \t]*)?$")


def find_periods(text: str, today: dt.date) -> list[RawPeriod]:
    """Every plausible date range in ``text``, in reading order: written ranges, ranges whose dash
    was lost, and open starts ("2017 onwards"); impossible ones (end before start, future) are
    skipped, a range inside one already found is not found twice, and the same range written twice
    in a row with no words between is one."""
    now = (today.year, today.month)
    found: list[RawPeriod] = []
    taken: list[tuple[int, int]] = []
    for pattern in (RANGE, SHORT_RANGE, GAP_RANGE, STACKED_RANGE, GLUED_RANGE, SLASH_NOW, OPEN_RANGE):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            groups = m.groupdict()
            a = groups.get("a") or groups.get("c") or groups.get("e")
            b = groups.get("b") or groups.get("d") or groups.get("f")
            if _YEAR_POINT.fullmatch(a.strip()) and _VERSION_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue  # "Windows Server 2008 to 2016": versions
            # Both ends of a range are written one way: "23/2/2015 to 05/3/2015" is day first throughout.
            day_first = next((f for f in map(day_first_of, (a, b or "")) if f is not None), None)
            start = parse_point(a, is_end=False, today=today, day_first=day_first)
            end = parse_point(b, is_end=True, today=today, day_first=day_first) if b else now
            if start is None or end is None:
                continue
            end = min(end, now)
            if start > now or end < start or start[0] < 1950:
                continue
            found.append(RawPeriod(start, end, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda p: p.char_start)
    # The same range written twice in a row ("June 2016 to Present" over "June 2016 - Till date")
    # dates one entry, not two.
    return [p for i, p in enumerate(found) if not i or (p.start, p.end) != (found[i - 1].start, found[i - 1].end)
            or re.search(r"[A-Za-z]{3}", text[found[i - 1].char_end:p.char_start])]


#: A year alone on a job's line: "2014" under "ACCOUNTING MANAGER", "Accounts Receivable Clerk 2018
#: Fairway Enterprises Boise, Idaho"; not a date's ("May 2013", "05/2013") or a number's ("555-04-2019").
_LONE_YEAR = re.compile(r"(?<![\d/.:-])(?:19|20)\d\d(?![\d/:-]|\.\d)")
#: Words before a year that make it a date's or a duty's: a month ("May 2013"), "since", "in", "from".
_NOT_A_JOBS_YEAR = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$|"
                              r"\b(?:since|in|from|to|until|by|of|during|circa|c|est|established|founded)\.?\s*$")
#: Lines whose year is no job's: a bullet, a deed ("Completed ... 2023"), a referee, an award.
_NOT_A_JOBS_LINE = re.compile(r"(?i)^\s*(?:[-*•▪●◦➢o]\s|\d+[.)]\s|[a-z]+ed\b|references?\b|referee)|"
                              r"\b(?:awards?|prize|honou?rs?|recogni[sz]ed|of the (?:year|quarter|month))\b")
_ALONE = re.compile(r"\W*(?:19|20)\d\d\W*")


def lone_years(text: str, spans: list[tuple[int, int]], today: dt.date,
               names_job: Callable[[str], bool]) -> list[RawPeriod]:
    """For a resume whose work sections (``spans``) hold no date range: each year alone on its line, or
    after a job's title on it ("Accounts Receivable Clerk 2018 Fairway ...": ``names_job`` of the words
    before it), read as a job of that year, January to December (to ``today`` at most); a recruiter
    reading "2014" knows no more. Not two years stacked (a range whose dash was lost), a year in a
    duty's words ("Since 2015, resolved ...", "• Passed all four CPA exam sections 2024"), after a
    month ("Joined in May 2010") or a founding ("Est. 1998"), or on a referee's or an award's line."""
    now, found = (today.year, today.month), []
    for a, b in spans:
        lines = [(a + m.start(), m.group()) for m in re.finditer(r"[^\n]+", text[a:b])]
        alone = [bool(_ALONE.fullmatch(line)) for _, line in lines]
        for i, (at, line) in enumerate(lines):
            years = list(_LONE_YEAR.finditer(line))
            if len(years) != 1 or _NOT_A_JOBS_LINE.search(line) or alone[i] and (
                    i and alone[i - 1] or i + 1 < len(alone) and alone[i + 1]):
                continue
            year, before = int(years[0].group()), line[:years[0].start()].strip(" ,|-–—")
            titled = before and not _NOT_A_JOBS_YEAR.search(before) and names_job(before)
            product = _VERSION_BEFORE.search(line[:years[0].start()])  # "Windows Server 2012"
            if (alone[i] or titled) and not product and 1950 <= year <= now[0]:
                found.append(RawPeriod((year, 1), min((year, 12), now), at + years[0].start(), at + years[0].end()))
    return found


def months_between(start: tuple[int, int], end: tuple[int, int]) -> int:
    return (end[0] - start[0]) * 12 + (end[1] - start[1])


def merged_months(periods: list[tuple[tuple[int, int], tuple[int, int]]]) -> int:
    """Total months covered by ``periods``, counting overlaps once."""
    total, current = 0, None
    for start, end in sorted(periods):
        if current and start <= current[1]:
            current = (current[0], max(current[1], end))
            continue
        if current:
            total += months_between(*current)
        current = (start, end)
    if current:
        total += months_between(*current)
    return total
