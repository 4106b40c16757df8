"""The head of a dated entry: where it starts, and the job's title as a recruiter would name it.

Plain functions over the text; no spaCy (``components.dates`` reads each entry with them).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .header import EMAIL
from .headings import heading_label
from .notnames import is_place


def head_start(text: str, line_start: int, date_start: int, date_end: int) -> int:
    """Where the head of a dated entry starts: its dates' own line when that line has words besides
    the dates ("PMP, 2015 - 2018"), else the line above it too ("B.S. Computer Science" over
    "2010 - 2014")."""
    line_end = text.find("\n", date_end)
    beside = text[line_start:date_start] + text[date_end:len(text) if line_end == -1 else line_end]
    if re.search(r"[A-Za-z]{2}", beside) or line_start == 0:
        return line_start
    return text.rfind("\n", 0, line_start - 1) + 1


def head_end(text: str, line_start: int, date_start: int, date_end: int) -> int:
    """Where the head of a dated entry ends: at its dates' own line's end when that line has words
    besides the dates, else at the end of the line below too ("2008 - 2012" over "BS, Computer
    Science", as a sidebar's education reads after the body's jobs)."""
    line_end = text.find("\n", date_end)
    line_end = len(text) if line_end == -1 else line_end
    if head_start(text, line_start, date_start, date_end) == line_start and line_start:
        return line_end
    below = text.find("\n", line_end + 1)
    return len(text) if below == -1 else below


def line_below(text: str, pos: int, whole: bool = False) -> str:
    """The words of the line after the one holding ``pos`` (see ``words_of``); with ``whole``, also
    a line of more than 12 words, where the layout says it is a title."""
    end = text.find("\n", pos)
    if end == -1:
        return ""
    below_end = text.find("\n", end + 1)
    line = text[end + 1:len(text) if below_end == -1 else below_end]
    if whole and not words_of(line) and words_of(" ".join(line.split()[:12])):
        return " ".join(line.split())
    return words_of(line)


def title_beside(text: str, date_start: int, date_end: int) -> str:
    """The words on the dates' own line, when they name something other than a place ("Senior PM,
    Acme   Jan 2019 - Present"; not "Jan 2015 - Present | New York, NY", whose title is above); else ""."""
    line_start = text.rfind("\n", 0, date_start) + 1
    line_end = text.find("\n", date_end)
    # a dash after the dates parts them from what follows ("2014 - 2016 - We4IT GmbH"): no list's mark
    after = text[date_end:len(text) if line_end == -1 else line_end].lstrip(" \t-–—|,:")
    same = words_of(text[line_start:date_start] + " " + after)
    return "" if is_place(same) else same


def title_above(text: str, date_start: int, date_end: int, taken: tuple[int, ...],
                names_job: Callable[[str], bool]) -> str:
    """The job's title on the line above a dates' line that holds its company ("IT Project Manager"
    over "Acme Corporation   Jan 2015 - Present"), else "": the line above names a job
    (``names_job``), is written as a title (``title_cased``; no duty of the entry above: "Daily
    management of 3 vendors") and is none of the lines starting at ``taken`` (the entry above's).
    Not over dates alone or a place, whose title ``title_line`` finds; nor (the caller's to say)
    when the title is on the dates' line."""
    line_start = text.rfind("\n", 0, date_start) + 1
    if not title_beside(text, date_start, date_end):
        return ""
    above_start = back_lines(text, line_start, 1)
    if above_start == line_start or above_start in taken:
        return ""
    above = words_of(text[above_start:line_start - 1])
    return above if above and title_cased(above) and names_job(above) else ""


def title_line(text: str, start: int, date_start: int, date_end: int) -> str:
    """The entry's title as a recruiter would name the job: the dates' own line without the dates
    when it has words other than a place ("Senior PM, Acme   Jan 2019 - Present"), else the two nearest lines above it
    within the entry that are not headings ("IT Manager | Acme Corp - Denver"), up to a line that
    ends a sentence or a list item above them (the duties of the entry above), else the line below;
    at most 80 characters. (A list item right above the dates is passed over: right-aligned dates
    read in row order can follow an entry's first duty.)"""
    line_start = text.rfind("\n", 0, date_start) + 1
    line_end = text.find("\n", date_end)
    line_end = len(text) if line_end == -1 else line_end
    if same := title_beside(text, date_start, date_end):
        return same[:80]
    above = []
    for line in reversed(text[start:line_start].split("\n")):
        if _is_duty_end(line) or above and line.lstrip().startswith(LIST_MARKS):
            break  # the previous entry's duties: what lies above them is not this job's
        if (words := words_of(line)) and not is_place(words):  # "Mountain View, CA" names no job
            above.append(words)
    if above:
        return " | ".join(reversed(above[:2]))[:80]
    below_end = text.find("\n", line_end + 1)
    return words_of(text[line_end + 1:len(text) if below_end == -1 else below_end])[:80]


def title_cased(line: str) -> bool:
    """Whether ``line`` is written as a title: each of its words of four letters or more opens with
    a capital ("IT Project Manager", "Director of Software Development", "SENIOR ACCOUNTANT"), as
    a duty's do not ("Administration and maintenance of Linux servers", "Daily management of 3
    vendors"). A few short words that join a title's parts may stay in lower case ("Head of Sales
    with Acme")."""
    words = re.findall(r"[A-Za-z][A-Za-z'’]*", line)
    return bool(words) and all(w[0].isupper() or len(w) < 4 or w in _JOINING for w in words)


#: The words of four letters or more a title may keep in lower case.
_JOINING = frozenset({"with", "from", "into", "over", "upon", "within", "under"})


def words_of(line: str) -> str:
    """A title line's words with dashes, bars and emptied brackets trimmed; "" for a line without
    words, a heading, a label ("Duration:"), a page marker or contact details (``_NO_TITLE``) or a
    duty (a list item, or a sentence of more than 12 words): those name no job."""
    if line.lstrip().startswith(LIST_MARKS) or _LABEL.match(line) or _NO_TITLE.search(line) or EMAIL.search(line):
        return ""
    words = " ".join(_unbracketed(_EMPTY_BRACKETS.sub(" ", line).strip(" \t-–—|,:")).split())
    if not re.search(r"[A-Za-z]{2}", words) or heading_label(words) or len(words.split()) > 12:
        return ""
    return words


def _unbracketed(words: str) -> str:
    """``words`` without the brackets at its ends that open or close nothing within it ("(Acme",
    "Acme)", "Engineer (") or enclose it whole ("(Senior Engineer)"); "Project Management
    Professional (PMP)" keeps its own."""
    while True:
        opened, closed = words.count("("), words.count(")")
        if words[-1:] == "(" or words[:1] == ")" or words[:1] == "(" and opened > closed:
            trimmed = words[:-1] if words[-1:] == "(" else words[1:]
        elif words[-1:] == ")" and closed > opened:
            trimmed = words[:-1]
        elif words[:1] == "(" and words[-1:] == ")" and opened == closed == 1:
            trimmed = words[1:-1]
        else:
            return words
        words = trimmed.strip(" \t-–—|,")


#: A label that heads what follows it ("Roles and Responsibilities:", "Duration:"): it names no job.
_LABEL = re.compile(r"^\s*[A-Za-z][\w &/]{0,40}:\s*$")
#: The brackets a range of dates leaves behind when it is taken out of its line ("Associate
#: Principal (8/01 to Present) eClerx").
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")


LIST_MARKS = ("•", "▪", "●", "◦", "*", "- ", "– ")
#: A line no job is named on: a page's running marker ("Page 1 of 2") or someone's phone ("Reference:
#: Mike Dunn, shift supervisor (901) 555-0186"); an email (``header.EMAIL``) names none either.
_NO_TITLE = re.compile(r"^\s*page\s+\d+(?:\s+of\s+\d+)?\s*$|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}", re.I)

#: A line that ends a sentence: a lower-case word and a full stop ("... and two network engineers.",
#: "service on time and under budget."). Titles and company names end in a capital or an
#: abbreviation ("Acme Corp Inc.", "Sr.").
_SENTENCE_END = re.compile(r"\b[a-z][a-z]{2,}[.;]\s*$")


def reads_as_duty(line: str) -> bool:
    """Whether ``line``, above an entry's dates, is a duty of the entry above rather than a title: a
    list item; a wrapped sentence's end, a line that opens in lower case and is all in lower case
    ("development"), ends with a full stop or runs past five words ("of the ICAO Group of Experts
    for the Detection of Plastic Explosives."; not "confidential - Bengaluru, Karnataka -", a
    company withheld); a line that ends a sentence; or one of more than 12 words."""
    line = line.strip()
    words = line.split()
    wrapped = line[:1].islower() and (line.islower() or line.endswith((".", ";")) or len(words) > 5)
    return line.startswith(LIST_MARKS) or wrapped or _is_duty_end(line) or len(words) > 12


def _is_duty_end(line: str) -> bool:
    """Whether ``line`` ends a duty: a sentence of the entry above, whose title is not this job's."""
    return bool(_SENTENCE_END.search(line))


def unmarked(line: str) -> str:
    """``line`` without the list mark that opens it ("• Mentored five interns": "Mentored five interns")."""
    line = line.lstrip()
    for mark in LIST_MARKS:
        if line.startswith(mark):
            return line[len(mark):].lstrip()
    return line


def opens_entry(text: str, floor: int, line_start: int, deed: Callable[[str], bool]) -> bool:
    """Whether the dates' line at ``line_start`` opens its entry, for what lies above it: nothing
    (the section's heading or blank lines, down from ``floor``) or a duty of the entry above
    (``reads_as_duty``, or a line that opens with a deed, ``deed``), not a title."""
    pos = line_start
    while pos > floor:
        above_start = back_lines(text, pos, 1)
        above = text[above_start:pos - 1].strip()
        if above:
            return bool(heading_label(above)) or reads_as_duty(above) or deed(unmarked(above))
        pos = above_start
    return True


def back_lines(text: str, pos: int, n: int) -> int:
    """The start of the line ``n`` lines above the one starting at ``pos`` (0 at the text's top)."""
    for _ in range(n):
        if pos <= 0:
            return 0
        pos = text.rfind("\n", 0, pos - 1) + 1
    return pos


def forward_lines(text: str, pos: int, n: int) -> int:
    """The end of the line ``n`` lines below the one ending at ``pos`` (the text's end at most)."""
    for _ in range(n):
        nxt = text.find("\n", pos + 1)
        if nxt == -1:
            return len(text)
        pos = nxt
    return pos

