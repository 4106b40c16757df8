"""Component: date ranges ("Jan 2015 - Present", "2014 - 2017", "03/2018 - 06/2020") as periods.

Each range is classified as work, internship or education by its section and the
entry around it, and a job is marked relevant when it reads as the role's occupation
(``analyze.relevance``), with the reason. Years of experience are computed by merging
overlapping periods.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ...types import Category, FindingStatus, PeriodKind
from ..component import StatefulComponent
from ..relevance import RoleReader
from ..rules.extensions import (
    doc_text,
    expand_span,
    line_bounds,
    section_end,
    section_lookup,
    section_start,
    span_chars,
)
from ..rules.headings import heading_label

_MONTHS = {m: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for m in names}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?:19[5-9]\d|20\d\d)"
#: A day's date read to its month: "4/1/2009" (U.S. month first; "25/12/2019", whose first number
#: cannot be a month, day first) and "01.04.2015" (day first, the European dotted form).
_DAY_DATE = rf"(?:\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*{_YEAR}|\d{{1,2}}\.\d{{1,2}}\.{_YEAR})"
_POINT = (rf"(?:{_DAY_DATE}|{_MONTH}\s*,?\s*'?{_YEAR}|(?:0?[1-9]|1[0-2])\s*[/.]\s*{_YEAR}"
          rf"|{_YEAR}\s*[/.-]\s*(?:0?[1-9]|1[0-2])(?!\d)|{_YEAR})")
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
#: An open start: "September 2017 onwards", "Since March 2015" opening a line, "(since 2015)"; not
#: "Since 2015, sales grew", a duty's words.
OPEN_RANGE = re.compile(rf"(?<![\w/])(?P<a>{_POINT})\s+onwards?\b"
                        rf"|^[ \t]*since\s+(?P<c>{_MONTH_POINT})(?![\w/])"
                        rf"|\(since\s+(?P<e>{_POINT})\)", re.IGNORECASE | re.MULTILINE)

# The forms parse_point tells apart, compiled once: it runs for both ends of every range.
_NOW_POINT = re.compile(_NOW)
_MONTH_YEAR = re.compile(rf"({_MONTH})\s*({_YEAR})")
_MONTH_NUMBER_YEAR = re.compile(rf"(\d{{1,2}})\s*[/.]\s*({_YEAR})")
_YEAR_MONTH_NUMBER = re.compile(rf"({_YEAR})\s*[/.-]\s*(\d{{1,2}})")
_YEAR_POINT = re.compile(_YEAR)
_DAY_DATE_POINT = re.compile(rf"(\d{{1,2}})\s*([/.])\s*(\d{{1,2}})\s*[/.]\s*({_YEAR})")


@dataclass
class RawPeriod:
    start: tuple[int, int]
    end: tuple[int, int]
    char_start: int
    char_end: int


def parse_point(text: str, *, is_end: bool, today: dt.date) -> tuple[int, int] | None:
    """A (year, month) pair from "Jan 2015", "03/2018", "2018-03", "2014" or "Present"."""
    t = text.strip().lower().replace(",", " ").replace("'", "")
    if _NOW_POINT.fullmatch(t):
        return (today.year, today.month) if is_end else None
    m = _DAY_DATE_POINT.fullmatch(t)
    if m:
        first, second, sep = int(m.group(1)), int(m.group(3)), m.group(2)
        month = (second if first > 12 else first) if sep == "/" else (first if second > 12 else second)
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


def find_periods(text: str, today: dt.date) -> list[RawPeriod]:
    """Every plausible date range in ``text``, in reading order: written ranges, ranges whose dash
    was lost, and open starts ("2017 onwards"); impossible ones (end before start, future) are
    skipped, and a range inside one already found is not found twice."""
    now = (today.year, today.month)
    found: list[RawPeriod] = []
    taken: list[tuple[int, int]] = []
    for pattern in (RANGE, GAP_RANGE, OPEN_RANGE):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            groups = m.groupdict()
            a = groups.get("a") or groups.get("c") or groups.get("e")
            b = groups.get("b") or groups.get("d")
            start = parse_point(a, is_end=False, today=today)
            end = parse_point(b, is_end=True, today=today) if b else now
            if start is None or end is None:
                continue
            end = min(end, now)
            if start > now or end < start or start[0] < 1950:
                continue
            found.append(RawPeriod(start, end, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda p: p.char_start)


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


#: The most words of a title line under the dates ("Senior IT Manager/Director"); longer lines are
#: duties ("Managed a team of six engineers").
TITLE_BELOW_WORDS = 5


class DateFinder(StatefulComponent):
    """Sets ``doc._.rm_periods``: dicts with start, end, months, kind, relevant, text, section, offset."""

    def __init__(self, nlp: Language, name: str = "resumematch_dates") -> None:
        super().__init__(nlp, name)
        self.clear()

    def clear(self) -> None:
        self.terms: tuple[str, ...] = ()
        self.codes: tuple[str, ...] = ()
        self.own: tuple[str, ...] = ()
        self.title = ""
        self.reader = RoleReader()
        self.today = dt.date.today()

    def initialize(self, get_examples=None, *, nlp: Language | None = None, relevant_terms: Iterable[str] = (),
                   occupations: Iterable[str] = (), role_occupations: Iterable[str] = (), title: str = "",
                   as_of: str | None = None) -> None:
        """Take the role (its relevant terms, occupations, own occupations and title; see
        ``analyze.relevance``) and the date "Present" means (ISO; default today)."""
        self.clear()
        self.terms, self.codes, self.title = tuple(relevant_terms), tuple(occupations), title
        self.own = tuple(role_occupations)
        self.reader = RoleReader(self.codes, self.terms, title, self.own)
        # Built now, with the pipeline: forked workers then share the occupations' index instead of
        # each building (and growing by) its own. (A model that names its occupations needs no
        # reading to find them, so the role's codes alone would not build it.)
        self.reader.background  # noqa: B018
        self.reader.role_codes  # noqa: B018
        self.today = dt.date.fromisoformat(as_of) if as_of else dt.date.today()

    def _title(self, text: str, start: int, date_start: int, date_end: int) -> str:
        """``_title_line``; and when that names no occupation (a company and a place: "Embie Technical
        Solutions, Los Angeles, CA   1994 - Present") while the short line below it does ("Senior IT
        Manager/Director"), that line first: the layout that puts the title under the dates."""
        title = _title_line(text, start, date_start, date_end)
        named = self.reader.background.named
        if named(title) is None:
            below = _line_below(text, date_end)
            if below and len(below.split()) <= TITLE_BELOW_WORDS and named(below) is not None:
                return f"{below} | {title}"[:80]
        return title

    def settings(self) -> dict:
        return {"relevant_terms": list(self.terms), "occupations": list(self.codes),
                "role_occupations": list(self.own), "title": self.title, "as_of": self.today.isoformat()}

    def match(self, doc: Doc) -> list[RawPeriod]:
        return find_periods(doc_text(doc), self.today)

    def set_annotations(self, doc: Doc, raw: list[RawPeriod]) -> Doc:
        text = doc_text(doc)
        internships = [span_chars(doc, f.start, f.end)[0] for f in doc._.rm_findings or []
                       if f.category == Category.INTERNSHIP and f.status == FindingStatus.OWN]
        section_at = section_lookup(doc)
        starts = [line_bounds(doc, p.char_start)[0] for p in raw]
        periods = []
        for i, p in enumerate(raw):
            tokens = expand_span(doc, p.char_start, p.char_end)
            section = section_at(span_chars(doc, *tokens)[0]) if tokens is not None else "none"
            line_start, line_end = line_bounds(doc, p.char_start)
            # An entry starts after the previous entry's dates and within the dates' own section.
            floor = section_start(doc, p.char_start)
            if i > 0 and starts[i - 1] < line_start:
                floor = max(floor, line_bounds(doc, raw[i - 1].char_end)[1] + 1)
            block_start = max(floor, _back_lines(text, line_start, 2))
            # Its title may sit further up (title, place, a bullet, then the right-aligned dates
            # read in row order): look a little higher for "Intern" than for relevant words.
            title_start = max(floor, _back_lines(text, line_start, 4))
            if i + 1 < len(raw) and starts[i + 1] > line_start:
                block_end = max(line_end, _back_lines(text, starts[i + 1], 1) - 1)
            else:
                block_end = _forward_lines(text, line_end, 12)
            # An entry ends where the next section starts: the Skills or Education after the last
            # job are not part of it.
            block_end = max(line_end, min(block_end, section_end(doc, p.char_start)))
            if section == "education":
                kind = PeriodKind.EDUCATION
            elif section == "internships" or any(title_start <= c < line_end for c in internships):
                kind = PeriodKind.INTERNSHIP
            else:
                kind = PeriodKind.WORK
            title = self._title(text, title_start, p.char_start, p.char_end)
            verdict = (self.reader.job(title, text[block_start:block_end])
                       if kind != PeriodKind.EDUCATION else None)
            periods.append({"start": f"{p.start[0]:04d}-{p.start[1]:02d}", "end": f"{p.end[0]:04d}-{p.end[1]:02d}",
                            "months": months_between(p.start, p.end), "kind": kind,
                            "relevant": bool(verdict and verdict.relevant),
                            "role": bool(verdict and verdict.role),
                            "text": text[p.char_start:p.char_end], "section": section,
                            "offset": p.char_start, "title": title, "why": verdict.why if verdict else "",
                            "_range": (p.start, p.end)})
        doc._.rm_periods = periods
        return doc


def _line_below(text: str, pos: int) -> str:
    """The words of the line after the one holding ``pos`` (see ``_words_of``)."""
    end = text.find("\n", pos)
    if end == -1:
        return ""
    below_end = text.find("\n", end + 1)
    return _words_of(text[end + 1:len(text) if below_end == -1 else below_end])


def _title_line(text: str, start: int, date_start: int, date_end: int) -> str:
    """The entry's title as a recruiter would name the job: the dates' own line without the dates
    when it has words ("Senior PM, Acme   Jan 2019 - Present"), else the two nearest lines above it
    within the entry that are not headings ("IT Manager | Acme Corp - Denver"), up to a line that
    ends a sentence (the duties of the entry above), else the line below; at most 80 characters."""
    line_start = text.rfind("\n", 0, date_start) + 1
    line_end = text.find("\n", date_end)
    line_end = len(text) if line_end == -1 else line_end
    same = _words_of(text[line_start:date_start] + " " + text[date_end:line_end])
    if same:
        return same[:80]
    above = []
    for line in reversed(text[start:line_start].split("\n")):
        if _is_duty_end(line):
            break  # the previous entry's duties: what lies above them is not this job's
        if words := _words_of(line):
            above.append(words)
    if above:
        return " | ".join(reversed(above[:2]))[:80]
    below_end = text.find("\n", line_end + 1)
    return _words_of(text[line_end + 1:len(text) if below_end == -1 else below_end])[:80]


def _words_of(line: str) -> str:
    """A title line's words with dashes and bars trimmed; "" for a line without words, a heading,
    or a duty (a list item, or a sentence of more than 12 words): those name no job."""
    if line.lstrip().startswith(_LIST_MARKS):
        return ""
    words = " ".join(line.strip(" \t-–—|,()").split())
    if not re.search(r"[A-Za-z]{2}", words) or heading_label(words) or len(words.split()) > 12:
        return ""
    return words


_LIST_MARKS = ("•", "▪", "●", "◦", "*", "- ", "– ")

#: A line that ends a sentence: a lower-case word and a full stop ("... and two network engineers.",
#: "service on time and under budget."). Titles and company names end in a capital or an
#: abbreviation ("Acme Corp Inc.", "Sr.").
_SENTENCE_END = re.compile(r"\b[a-z][a-z]{2,}[.;]\s*$")


def _is_duty_end(line: str) -> bool:
    """Whether ``line`` ends a duty: a sentence of the entry above, whose title is not this job's."""
    return bool(_SENTENCE_END.search(line))


def _back_lines(text: str, pos: int, n: int) -> int:
    for _ in range(n):
        if pos <= 0:
            return 0
        pos = text.rfind("\n", 0, pos - 1) + 1
    return pos


def _forward_lines(text: str, pos: int, n: int) -> int:
    for _ in range(n):
        nxt = text.find("\n", pos + 1)
        if nxt == -1:
            return len(text)
        pos = nxt
    return pos


@Language.factory("resumematch_dates", assigns=["doc._.rm_periods"],
                  requires=["doc._.rm_sections", "doc._.rm_findings"])
def make_dates(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp, name)
