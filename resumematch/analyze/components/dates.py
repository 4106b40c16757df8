"""Component: date ranges ("Jan 2015 - Present", "2014 - 2017", "03/2018 - 06/2020") as periods.

Each range is classified as work, internship or education by its section and the
entry around it, and marked relevant when that entry mentions one of the model's
relevant terms. Years of experience are computed by merging overlapping periods.
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
from ..rules.extensions import (
    doc_text,
    expand_span,
    line_bounds,
    section_end,
    section_lookup,
    section_start,
    span_chars,
)

_MONTHS = {m: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for m in names}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_POINT = (rf"(?:{_MONTH}\s*,?\s*'?{_YEAR}|(?:0?[1-9]|1[0-2])\s*[/.]\s*{_YEAR}"
          rf"|{_YEAR}\s*[/.-]\s*(?:0?[1-9]|1[0-2])(?!\d)|{_YEAR})")
_NOW = r"(?:present|current(?:ly)?|now|today|ongoing|date|till\s+date|to\s+date)"
RANGE = re.compile(rf"(?<![\w/])(?P<a>{_POINT})\s*(?:-|to|until|till|through|thru|–|—)\s*"
                   rf"(?P<b>{_POINT}|{_NOW})(?![\w/])", re.IGNORECASE)

# The forms parse_point tells apart, compiled once: it runs for both ends of every range.
_NOW_POINT = re.compile(_NOW)
_MONTH_YEAR = re.compile(rf"({_MONTH})\s*({_YEAR})")
_MONTH_NUMBER_YEAR = re.compile(rf"(\d{{1,2}})\s*[/.]\s*({_YEAR})")
_YEAR_MONTH_NUMBER = re.compile(rf"({_YEAR})\s*[/.-]\s*(\d{{1,2}})")
_YEAR_POINT = re.compile(_YEAR)


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
    """Every plausible date range in ``text``; impossible ones (end before start, future) are skipped."""
    out = []
    for m in RANGE.finditer(text):
        start = parse_point(m.group("a"), is_end=False, today=today)
        end = parse_point(m.group("b"), is_end=True, today=today)
        if start is None or end is None:
            continue
        now = (today.year, today.month)
        end = min(end, now)
        if start > now or end < start or start[0] < 1950:
            continue
        out.append(RawPeriod(start, end, m.start(), m.end()))
    return out


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


class DateFinder(StatefulComponent):
    """Sets ``doc._.rm_periods``: dicts with start, end, months, kind, relevant, text, section, offset."""

    def __init__(self, nlp: Language, name: str = "resumematch_dates") -> None:
        super().__init__(nlp, name)
        self.clear()

    def clear(self) -> None:
        self.relevant: re.Pattern | None = None
        self.terms: list[str] = []
        self.today = dt.date.today()

    def initialize(self, get_examples=None, *, nlp: Language | None = None, relevant_terms: Iterable[str] = (),
                   as_of: str | None = None) -> None:
        """Take the model's relevant terms, and the date "Present" means (ISO; default today)."""
        self.clear()
        self.terms = list(relevant_terms)
        self.today = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
        terms = self.terms
        sensitive = [re.escape(t) for t in terms if t.isupper()]
        insensitive = [re.escape(t) for t in terms if not t.isupper()]
        parts = [rf"\b(?:{'|'.join(sensitive)})\b"] if sensitive else []
        if insensitive:
            parts.append(rf"(?i:\b(?:{'|'.join(insensitive)})\b)")
        self.relevant = re.compile("|".join(parts)) if parts else None

    def settings(self) -> dict:
        return {"relevant_terms": self.terms, "as_of": self.today.isoformat()}

    def match(self, doc: Doc) -> list[RawPeriod]:
        return find_periods(doc_text(doc), self.today)

    def is_relevant(self, text: str, start: int, end: int, title_start: int, title_end: int) -> bool:
        """Whether the entry ``text[start:end]`` is relevant work: a relevant term in its title
        lines (``title_start:title_end``), or two different ones in its text. One incidental word
        ("entered data at the till") does not make a cashier's job IT work. A term of several words
        counts only as a whole unit: "service desk" is not in "customer service desk"."""
        if self.relevant is None:
            return False
        seen: set[str] = set()
        for m in self.relevant.finditer(text, start, end):
            if " " in m.group() and _compound_before(text, m.start()):
                continue
            if title_start <= m.start() < title_end:
                return True
            seen.add(m.group().lower())
            if len(seen) >= 2:
                return True
        return False

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
            relevant = self.is_relevant(text, block_start, block_end, title_start, line_end)
            periods.append({"start": f"{p.start[0]:04d}-{p.start[1]:02d}", "end": f"{p.end[0]:04d}-{p.end[1]:02d}",
                            "months": months_between(p.start, p.end), "kind": kind, "relevant": relevant,
                            "text": text[p.char_start:p.char_end], "section": section,
                            "offset": p.char_start, "_range": (p.start, p.end)})
        doc._.rm_periods = periods
        return doc


#: Words that may stand before a multi-word term without making it part of a longer name.
_FUNCTION_WORDS = frozenset("""
a an the our their its his her my your this that these those and or of for to in on at with by from as
""".split())
_WORD_BEFORE = re.compile(r"([A-Za-z][\w&-]*)[ \t]+$")


def _compound_before(text: str, pos: int) -> bool:
    """Whether the term at ``pos`` is the tail of a longer noun compound ("customer service desk"):
    the word right before it is a plain lower- or title-case word, not a function word, a verb
    form ("Managed", "running") or an acronym ("IT service desk")."""
    m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    if not m:
        return False
    word = m.group(1)
    if word.isupper() or word.lower() in _FUNCTION_WORDS:
        return False
    return not re.search(r"(?:ed|ing|s)$", word.lower())


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
