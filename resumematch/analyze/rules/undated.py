"""Jobs a work history names without dating them: no years, but what trade each is.

A resume that dates no job ("SENIOR ACCOUNTANT / Summit LLC, Pittsburgh" over its duties, and no
date anywhere) had no jobs at all: its latest job lent nothing, however plainly it named the role.
Each line of its work sections written as a job's title is an undated job, read as the role's or
not like a dated one; the first is taken for the latest (``score.facts.latest``). Plain functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...types import PeriodKind
from .entries import title_cased, words_of

#: The sections that hold a resume's work.
WORK_SECTIONS = ("experience", "internships")
#: The most words of an undated job's title line ("Senior Accountant Summit LLC Pittsburgh, Pennsylvania").
UNDATED_TITLE_WORDS = 10


def undated_jobs(text: str, spans: list[tuple[int, int]],
                 names_job: Callable[[str], bool]) -> list[tuple[int, str, int]]:
    """The jobs of work sections (``spans``) that date none: each line written as a title
    (``title_cased``, at most ``UNDATED_TITLE_WORDS`` words, not a list item or a sentence:
    ``words_of``) that names a job (``names_job``), as (its offset, its title, where its entry ends:
    the next such line or the section's end). "SENIOR HR GENERALIST Sterling Engineering Norfolk,
    Virginia" over its duties is one; "• Reported to the IT Manager", "Managed the IT Manager's
    budget" are none."""
    jobs: list[tuple[int, str, int]] = []
    for a, b in spans:
        found = [(a + line.start(), title) for line in re.finditer(r"[^\n]+", text[a:b])
                 if (title := words_of(line.group())) and len(title.split()) <= UNDATED_TITLE_WORDS
                 and title_cased(title) and not re.search(r"[.!?;]$", title) and names_job(title)]
        jobs += [(at, title, found[k + 1][0] if k + 1 < len(found) else b) for k, (at, title) in enumerate(found)]
    return jobs


def undated_periods(text: str, spans: list[tuple[int, int]], reader, names_job: Callable[[str], bool],
                    section_at: Callable[[int], str]) -> list[dict]:
    """``undated_jobs`` as the dates component's periods: no start, end or months, each read by
    ``reader`` (``analyze.relevance.RoleReader``) as the role's work or not, from its title and duties."""
    out = []
    for at, title, end in undated_jobs(text, spans, names_job):
        verdict = reader.job(title, text[at:end])
        out.append({"start": "", "end": "", "months": 0, "kind": PeriodKind.WORK, "relevant": verdict.relevant,
                    "role": verdict.role, "text": "", "section": section_at(at), "offset": at, "title": title,
                    "why": verdict.why, "_range": ((0, 0), (0, 0))})
    return out


def work_spans(sections) -> list[tuple[int, int]]:
    """The (start, end) of each of ``sections`` (label, start, end) that holds work."""
    return [(a, b) for label, a, b in sections or () if label in WORK_SECTIONS]
