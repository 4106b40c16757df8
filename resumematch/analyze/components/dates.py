"""Component: date ranges ("Jan 2015 - Present", "2014 - 2017", "03/2018 - 06/2020") as periods.

Each range is classified as work, internship or education by its section and the entry around it,
and a job is marked relevant when it reads as the role's occupation (``analyze.relevance``), with
the reason. Years of experience are computed by merging overlapping periods.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from ...types import Category, FindingStatus, PeriodKind
from ..component import StatefulComponent
from ..relevance import RoleReader
from ..rules.dateranges import RawPeriod, find_periods, lone_years, months_between
from ..rules.entries import (
    back_lines,
    forward_lines,
    head_end,
    head_start,
    line_below,
    opens_entry,
    title_above,
    title_beside,
    title_cased,
    title_line,
    unmarked,
    words_of,
)
from ..rules.extensions import (
    doc_text,
    expand_span,
    line_bounds,
    section_end,
    section_lookup,
    section_start,
    span_chars,
)
from ..rules.undated import WORK_SECTIONS, undated_periods, work_spans
from .terms import lemmatizer_of

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
        self.role_titles: tuple[str, ...] = ()
        self.title = ""
        self.reader = RoleReader()
        self.today = dt.date.today()

    def initialize(self, get_examples=None, *, nlp: Language | None = None, relevant_terms: Iterable[str] = (),
                   occupations: Iterable[str] = (), role_occupations: Iterable[str] = (), title: str = "",
                   as_of: str | None = None, role_titles: Iterable[str] = ()) -> None:
        """Take the role (its relevant terms, occupations, own occupations and titles, and title; see
        ``analyze.relevance``) and the date "Present" means (ISO; default today)."""
        self.clear()
        self.terms, self.codes, self.title = tuple(relevant_terms), tuple(occupations), title
        self.own = tuple(role_occupations)
        self.role_titles = tuple(role_titles)
        self.reader = RoleReader(self.codes, self.terms, title, self.own, self.role_titles)
        # Built now, with the pipeline: forked workers then share the occupations' index instead of each
        # building its own. (A model naming its occupations needs no reading, so its codes would not build it.)
        self.reader.background  # noqa: B018
        self.reader.role_codes  # noqa: B018
        self.today = dt.date.fromisoformat(as_of) if as_of else dt.date.today()

    def _title(self, text: str, start: int, date_start: int, date_end: int, next_below: bool = False,
               above: str = "", first: bool = False) -> str:
        """``title_line``; and when that names no occupation (a company and a place: "Embie Technical
        Solutions, Los Angeles, CA   1994 - Present") while the line below it does in its first part
        ("Senior IT Manager/Director"; "Staff Software Engineer, Google Search, Mountain View."), that
        line first: the layout that puts the title under the dates (always, under ``first`` dates
        that head their entry). So too when the lines above are the previous entry's duties written
        without a full stop (``_opens_with_deed``): that line alone.
        Never when the line below is the next entry's own (``next_below``: titles stacked with their
        dates, "Team Lead, 2018 to Present" over "Analyst, 2015 to 2018"). A title ``above`` a dates'
        line that holds the company (``entries.title_above``) comes first: "IT Project Manager | Acme Corp"."""
        named = self.reader.background.named
        if first:  # dates that head the entry (``_dates_first``): the title below, the company beside
            beside = title_beside(text, date_start, date_end)
            return " | ".join(part for part in (line_below(text, date_end, whole=True), beside) if part)[:80]
        title = title_line(text, start, date_start, date_end)
        if above:
            return f"{above} | {title}"[:80]
        # lines above that are the previous entry's duties, written without a full stop (not the dates' own)
        own_line = text[text.rfind("\n", 0, date_start) + 1:date_start]
        duty = any(self._opens_with_deed(part) for part in title.split(" | ") if part not in own_line)
        if (named(title) is None or duty) and not next_below:  # the line below is no other entry's
            below = line_below(text, date_end)
            # its first part: "Staff Software Engineer, Google Search App, Google, Mountain View."
            head = re.split(r",|\||\s[-–—]\s", below, maxsplit=1)[0]
            if below and any(len(t.split()) <= TITLE_BELOW_WORDS and named(t) is not None for t in (below, head)):
                # above it, a word in lower case ends a wrapped duty ("growth"): no part of the title
                return below[:80] if duty or re.match(r"[a-z]+\b", title) else f"{below} | {title}"[:80]
        return title

    def _opens_with_deed(self, line: str, longer_than: int = TITLE_BELOW_WORDS) -> bool:
        """Whether ``line`` is a duty written without a full stop: longer than a title below the dates
        (``longer_than`` words) and opening with a past tense ("Prepared the annual 5500 support
        schedules for the 401(k) auditors") that opens no title people hold ("Certified Public
        Accountant, Audit Practice, Deloitte"; "Licensed Practical Nurse, Mercy Hospital Surgical Ward")."""
        words = line.split()
        if len(words) <= longer_than or not words[0].lower().endswith("ed") or words[0].isupper():
            return False  # "SPED Teacher": an acronym
        if lemmatizer_of(self.nlp).lemma(words[0]) == words[0].lower():
            return False  # "Red Hat Certified Engineer": no verb
        return not self.reader.background.opens_title(words[0])

    def _within_a_duty(self, text: str, line_start: int, p: RawPeriod, dated: RawPeriod) -> bool:
        """Whether the range ``p`` is years a duty of the entry dated ``dated`` mentions ("• Mentored five interns
        from 2021 to 2025" under "Jan 2019 - Present"): below that entry's dates, inside its period, after words
        that open with a past tense (``_opens_with_deed``); a range outside the entry's period dates an entry."""
        if line_start <= dated.char_end or not (dated.start <= p.start and p.end <= dated.end):
            return False
        return self._opens_with_deed(unmarked(text[line_start:p.char_start]))

    def _titled_beside(self, text: str, raw: list[RawPeriod], starts: list[int], i: int) -> bool:
        """Whether the job's title is on its dates' line ("Cashier, Corner Shop, 2012 to 2015"): the
        words beside the dates name a job (``_names_job``) and the line above names none, unless it
        is the entry above's own line of dates. Not "Deloitte LLP, Boston, MA   Jan 2015 - Present"
        (a company), nor "Northwind Traders   Jan 2015 - Present" under "IT Project Manager"."""
        beside = title_beside(text, raw[i].char_start, raw[i].char_end)
        if not beside or not self._names_job(beside):
            return False
        above_start = back_lines(text, starts[i], 1)
        if above_start == starts[i] or i > 0 and starts[i - 1] == above_start:
            return True
        above = words_of(text[above_start:starts[i] - 1])
        return not (above and self._names_job(above))

    def _dates_first(self, doc: Doc, text: str, raw: list[RawPeriod], starts: list[int], i: int,
                     after: bool) -> bool:
        """Whether the entry's dates head it, over its title ("Jan 2015 - Present" over "IT Project
        Manager" over "Acme Corp, Boston"; "2014 - 2016 - We4IT GmbH" over "IT Consultant for IBM
        Notes"): the dates open their line, beside them at most a company or a place (no job), and
        the line below names a job, written as a title (``title_cased``), and above them is their
        section's heading or a duty of the entry above (``opens_entry``); or (``after``) the entry
        above is laid out the same way in the same section, and the line below has words. Its title
        is then below its dates, and the lines above them are the entry above's."""
        line_end = line_bounds(doc, raw[i].char_start)[1]
        if i + 1 < len(raw) and starts[i + 1] == line_end + 1:
            return False  # the line below is the next entry's dates
        beside = title_beside(text, raw[i].char_start, raw[i].char_end)
        below = line_below(text, raw[i].char_end)
        if text[starts[i]:raw[i].char_start].strip() or beside and self._names_job(beside):
            return False
        if after:  # the lines above are the entry above's: the title is below, however it is written
            return bool(line_below(text, raw[i].char_end, whole=True))
        if not (title_cased(below) and self._names_job(below)):
            return False
        return opens_entry(text, section_start(doc, raw[i].char_start), starts[i], self._opens_with_deed)

    @staticmethod
    def _entry_end(doc: Doc, text: str, raw: list[RawPeriod], starts: list[int], titled: list[bool], i: int) -> int:
        """Where the entry dated by ``raw[i]`` ends: before the next entry's title (the line above its
        dates, or its dates' line when the title is on it), else 12 lines on, and never past its
        section (the Skills or Education after the last job are not part of it)."""
        line_start, line_end = line_bounds(doc, raw[i].char_start)
        if i + 1 < len(raw) and starts[i + 1] > line_start:
            # the line above the next entry's dates is its title, unless the title is on them
            above = 0 if titled[i + 1] else 1
            end = max(line_end, back_lines(text, starts[i + 1], above) - 1)
        else:
            end = forward_lines(text, line_end, 12)
        return max(line_end, min(end, section_end(doc, raw[i].char_start)))

    def _names_job(self, title: str) -> bool:
        """Whether ``title`` names a job: it holds a title people hold, or a relevant term ("PMP")."""
        pattern = self.reader.term_pattern
        return self.reader.background.named(title) is not None or bool(pattern and pattern.search(title))

    def settings(self) -> dict:
        return {"relevant_terms": list(self.terms), "occupations": list(self.codes),
                "role_occupations": list(self.own), "role_titles": list(self.role_titles), "title": self.title,
                "as_of": self.today.isoformat()}

    def match(self, doc: Doc) -> list[RawPeriod]:
        """The date ranges; in work sections that hold none, the years alone on jobs' lines (``lone_years``)."""
        raw, at = find_periods(doc_text(doc), self.today), section_lookup(doc)
        spans = [] if any(at(p.char_start) in WORK_SECTIONS for p in raw) else work_spans(doc._.rm_sections)
        return sorted(raw + lone_years(doc_text(doc), spans, self.today, self._names_job), key=lambda p: p.char_start)

    def set_annotations(self, doc: Doc, raw: list[RawPeriod]) -> Doc:
        text = doc_text(doc)
        findings = doc._.rm_findings or []
        internships = [span_chars(doc, f.start, f.end)[0] for f in findings
                       if f.category == Category.INTERNSHIP and f.status == FindingStatus.OWN]
        schooling = {c: [span_chars(doc, f.start, f.end)[0] for f in findings if f.category == c]
                     for c in (Category.DEGREE, Category.CERTIFICATION)}
        section_at = section_lookup(doc)
        name = (doc._.rm_contact or {}).get("name")
        starts = [line_bounds(doc, p.char_start)[0] for p in raw]
        titled = [self._titled_beside(text, raw, starts, i) for i in range(len(raw))]
        first: list[bool] = []  # dates over their title (``_dates_first``)
        for i in range(len(raw)):
            after = i > 0 and first[i - 1] and section_start(doc, raw[i - 1].char_start) == section_start(
                doc, raw[i].char_start)
            first.append(self._dates_first(doc, text, raw, starts, i, after))
        # the entry's duties and the entry above's end at its dates' line when its title is on it or below it
        heads = [t or f for t, f in zip(titled, first, strict=True)]
        ends = [self._entry_end(doc, text, raw, starts, heads, i) for i in range(len(raw))]
        periods = []
        below_taken = False  # the entry above took its title from the line under its dates
        dated = None  # the last entry's range: a duty inside it may mention years of its own
        for i, p in enumerate(raw):
            if dated is not None and self._within_a_duty(text, starts[i], p, dated):
                continue
            tokens = expand_span(doc, p.char_start, p.char_end)
            section = section_at(span_chars(doc, *tokens)[0]) if tokens is not None else "none"
            line_start, line_end = line_bounds(doc, p.char_start)
            # An entry starts after the previous entry's dates and within the dates' own section.
            floor = section_start(doc, p.char_start)
            if i > 0 and starts[i - 1] < line_start:
                floor = max(floor, line_bounds(doc, raw[i - 1].char_end)[1] + 1)
            # Its duties start at its dates' line when the title is on it ("Cashier, Corner Shop, 2012 to 2015").
            block_start = max(floor, line_start if heads[i] else back_lines(text, line_start, 2))
            # Its title may sit further up (title, place, a bullet, then the right-aligned dates
            # read in row order): look a little higher for "Intern" than for relevant words. Under
            # dates that head their entry, it is below them only.
            title_start = line_start if first[i] else max(floor, back_lines(text, line_start, 4))
            # where "Intern" would name the job: its head, below dates that head the entry
            lo, hi = (line_start, forward_lines(text, line_end, 3)) if first[i] else (title_start, line_end)
            block_end = ends[i]
            # Titles stacked under one employer, each on its dates' line with the next at once below
            # ("Director of Software Development, 2010 to Present" over "Senior Software Developer,
            # 2008 to 2010"), share the duties written under the last of them, up to the next dated
            # entry (a list of dated jobs with no duties shares nothing: what follows its last is
            # no one's duties).
            j = i
            while ends[j] == line_bounds(doc, raw[j].char_end)[1] and j + 1 < len(raw) and (
                    starts[j + 1] == ends[j] + 1):
                j += 1
            if j > i and j + 1 < len(raw) and starts[j + 1] > ends[j]:
                block_end = max(block_end, ends[j])
            # the line above is no title of this entry when it is the entry above's dates or the line under them
            # that its title took ("Acme Corp 2018 - Present" over "IT Project Manager"), nor a deed ("Promoted")
            taken = (starts[i - 1], line_bounds(doc, raw[i - 1].char_end)[1] + 1 if below_taken else -1) if i else ()
            above = "" if titled[i] else title_above(
                text, p.char_start, p.char_end, taken,
                lambda t: self._names_job(t) and not self._opens_with_deed(t, longer_than=0))
            title = self._title(text, title_start, p.char_start, p.char_end,
                                next_below=i + 1 < len(raw) and starts[i + 1] == line_end + 1,
                                first=first[i], above=above)
            below = line_below(text, p.char_end)
            below_taken = bool(below) and title.startswith(below[:80])
            if name and name in title:  # a running header repeats the name; a title read as one stays
                title = " | ".join(t for t in title.split(" | ") if t != name or self.reader.background.holds_whole(t))
            # A degree or a credential at the head of the entry ("B.S. Computer Science, 2010 - 2014"; "PMP,
            # 2015 - 2018"; below bare dates), under no job's title, dates schooling or a credential's validity;
            # a degree's line below them, taken for the title ("BEng, Software Engineering"), names no job.
            head, tail = (at(text, line_start, p.char_start, p.char_end) for at in (head_start, head_end))
            at_head = {c: any(head <= x < tail for x in xs) for c, xs in schooling.items()}
            below_degree = any(line_end < x < tail for x in schooling[Category.DEGREE])
            job = " | ".join(t for t in title.split(" | ") if t != below or not below_degree)
            no_job = (at_head[Category.DEGREE] or at_head[Category.CERTIFICATION]) and not self._names_job(job)
            if section == "education" or (no_job and at_head[Category.DEGREE]):
                kind = PeriodKind.EDUCATION
            elif no_job:
                kind = PeriodKind.CREDENTIAL
            elif section == "internships" or any(lo <= c < hi for c in internships):
                kind = PeriodKind.INTERNSHIP
            else:
                kind = PeriodKind.WORK
            verdict = (self.reader.job(title, text[block_start:block_end])
                       if kind in (PeriodKind.WORK, PeriodKind.INTERNSHIP) else None)
            periods.append({"start": f"{p.start[0]:04d}-{p.start[1]:02d}", "end": f"{p.end[0]:04d}-{p.end[1]:02d}",
                            "months": months_between(p.start, p.end), "kind": kind,
                            "relevant": bool(verdict and verdict.relevant),
                            "role": bool(verdict and verdict.role),
                            "text": text[p.char_start:p.char_end], "section": section,
                            "offset": p.char_start, "title": title, "why": verdict.why if verdict else "",
                            "_range": (p.start, p.end)})
            dated = p
        worked = any(p["kind"] in (PeriodKind.WORK, PeriodKind.INTERNSHIP) for p in periods)
        doc._.rm_periods = periods if worked else periods + undated_periods(
            text, work_spans(doc._.rm_sections), self.reader, self._names_job, section_at)
        return doc


@Language.factory("resumematch_dates", assigns=["doc._.rm_periods"],
                  requires=["doc._.rm_sections", "doc._.rm_findings", "doc._.rm_contact"])
def make_dates(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp, name)
