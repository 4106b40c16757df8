"""Jobs a work history names without dating them: no years, but what trade each is.

A resume that dates no job ("SENIOR ACCOUNTANT / Summit LLC, Pittsburgh" over its duties, and no
date anywhere) had no jobs at all: its latest job lent nothing, however plainly it named the role.
Each line of its work sections written as a job's title is an undated job, read as the role's or
not like a dated one; the first is taken for the latest (``score.facts.latest``). Plain functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...catalog.stems import LEGAL_FORMS, ORGANISATION_WORDS
from ...types import PeriodKind
from .entries import LIST_MARKS, title_cased, words_of
from .notnames import names_a_town

#: The sections that hold a resume's work.
WORK_SECTIONS = ("experience", "internships")
#: The most words of an undated job's title line ("Senior Accountant Summit LLC Pittsburgh, Pennsylvania").
UNDATED_TITLE_WORDS = 10


def undated_jobs(text: str, spans: list[tuple[int, int]],
                 names_job: Callable[[str], bool]) -> list[tuple[int, str, int]]:
    """The jobs of work sections (``spans``) that date none: each line written as a job's title
    (``_title``) that names a job (``names_job``) and has its duties under it, the next line (a
    list item or a sentence: ``_duty``) or the line after one that says where the job was
    (``_where``); as (its offset, its title, where its entry ends: the next such line or the
    section's end). "SENIOR HR GENERALIST Sterling Engineering Norfolk, Virginia" over its duties
    is one, and so is "Senior HR Generalist" over "Valley Clinic Reno , NV" over its duties; a list
    of skills in the Experience ("IT Project Management" over "Help Desk Support" over "Network
    Administration") and a company's line over its job's title ("Northwind Traders, Boston, MA")
    are none: a job has its duties under it."""
    jobs: list[tuple[int, str, int]] = []
    for a, b in spans:
        lines = [(a + m.start(), m.group()) for m in re.finditer(r"[^\n]+", text[a:b]) if m.group().strip()]
        nxt = [line for _, line in lines[1:]] + ["", ""]
        found = [(at, title) for k, (at, line) in enumerate(lines)
                 if (title := _title(line)) and (_duty(nxt[k]) or _where(nxt[k], names_job) and _duty(nxt[k + 1]))
                 and names_job(title)]
        jobs += [(at, title, found[k + 1][0] if k + 1 < len(found) else b) for k, (at, title) in enumerate(found)]
    return jobs


def _title(line: str) -> str:
    """``line``'s words when it is written as a job's title, else "": ``title_cased``, at most
    ``UNDATED_TITLE_WORDS`` words, not a list item or a sentence (``words_of``), not opening with a
    past tense before a small word ("Reported to the IT Manager"; "Registered Nurse" is a title),
    not ending as a project, a course or a field of skill does (``_NO_JOB``), and no organisation's
    or body's name ("Valley Nursing Center", "American Heart Association")."""
    title = words_of(line)
    if not title or len(title.split()) > UNDATED_TITLE_WORDS or not title_cased(title):
        return ""
    if re.search(r"[.!?;]$", title) or re.match(r"[A-Za-z]+ed\s+[a-z]", title):
        return ""
    return "" if _NO_JOB.search(title) or _organisation(title) or _BODY.search(title) else title


def _duty(line: str) -> bool:
    """Whether ``line`` reads as a job's duty: a list item, or words not written as a title."""
    return bool(line.strip()) and (line.lstrip().startswith((*LIST_MARKS, "o ", "-", "–")) or not title_cased(line)
                                   or len(line.split()) > UNDATED_TITLE_WORDS)


def _where(line: str, names_job: Callable[[str], bool]) -> bool:
    """Whether ``line`` says where a job was and names no job itself: a town and its region ("Valley
    Clinic Reno , NV", "Company Name City , State"), an organisation's word ("Granite Insurance
    Group", "Hanover Metals Inc.") or a short name written as one ("Google", "Sunrise Senior
    Living", "Sunrise Property Management", at most ``WHERE_WORDS`` words). "Help Desk Support"
    names a job, so it says no place."""
    written = words_of(line)
    if len(line.split()) > UNDATED_TITLE_WORDS + 2:
        return False
    if written and (_organisation(written) or _BODY.search(line)):
        return True  # "Valley Nursing Center", "American Heart Association": whatever trade the name tells
    if names_job(written or line):
        return False
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", line)}
    return (names_a_town(line) or "Company Name" in line or bool(words & (LEGAL_FORMS | ORGANISATION_WORDS))
            or len(line.split()) <= WHERE_WORDS and title_cased(line) and bool(written))


def _organisation(title: str) -> bool:
    """Whether ``title`` is an organisation's name alone: its last word one of an organisation and
    nothing that parts a title from its employer ("Valley Nursing Center"; not "Staff Accountant,
    Summit LLC" or "Nurse | Mercy Hospital")."""
    return title.split()[-1].lower().strip(".,") in ORGANISATION_WORDS and not re.search(
        r",|\||\s[-–—]\s|\sat\s", title)


#: The most words of a line that names where a job was by a name alone ("Sunrise Senior Living").
WHERE_WORDS = 5
#: The last word of a line that names no job: a project, a course, a credential, a field of skill
#: ("Nurse Scheduling App Project", "Wound Care Nurse Training", "Nursing Skills", "Nurse
#: Leadership"); not inside a title ("Project Manager", "Clinical Training Specialist").
_NO_JOB = re.compile(r"(?i)\b(?:projects?|training|certification|certificate|course|program|programme|board|"
                     r"council|committee|skills|leadership|management)\W*$")
#: A body one belongs to or works for ("American Organization for Nursing Leadership", "American
#: Heart Association"): an employer's line, never a job's title.
_BODY = re.compile(r"(?i)\b(?:association|organi[sz]ation|society|federation)\b")


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
