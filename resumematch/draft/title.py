"""The job's title, as a posting names it: its first line, or the first of its opening lines that
is a title when a careers site's or a job board's banner is above it."""

from __future__ import annotations

import re

from .experience import ROLE_NOUNS
from .posting import DUTY_HEADINGS, heading_kind, is_heading
from .segment import without_end_pictographs

#: Words of a first line that asks something, so it is no title ("Bachelor's degree in X required").
_ASKS = re.compile(r"\b(degree in|years of|required|must|preferred)\b", re.I)
#: How occupation nouns end ("Accountant", "Nurse", "Supervisor", "Therapist", "Technician").
_OCCUPATION_ENDINGS = ("ant", "ist", "er", "or", "ian", "nurse", "ee")
#: Words that open an article's or a board's title line without being the job's title.
_TITLE_PREFIX = re.compile(r"^(how to become (an? )?|job title:?\s*|position:?\s*|now hiring:?\s*|we(?:'re|’re| are) "
                           r"hiring:?\s*(an? )?)", re.I)
#: Words that end a title run into the text of a one-paragraph posting.
_TITLE_STOP = {"for", "the", "we", "our", "about", "this", "summary", "overview", "duties", "requirements",
               "responsibilities", "job", "who", "in", "position", "location", "company", "qualifications", "at",
               "is", "are", "you", "join", "description", "salary"}
#: A job board's code for the post, which names no part of the job: a pay plan and grade
#: ("GS-2210-13"), a requisition or job number ("Req #4821", "Job ID: R-1029"). The title ends
#: before it, with the notes after it ("(Term Appt NTE 2 Years)").
_POST_CODE = re.compile(r"\s*[-–—|,:]?\s*\(?(?:(?-i:\b(?:GS|GG|WG|WS|WL|NH|NT|AD)-\d+(?:[-/]\d+)*\b|"
                        r"\b[A-Z]{1,4}-\d{3,}(?:[-/]\d+)*\b)|#\s*\d|"
                        r"\b(?:job|posting)\s*(?:id|no\.?|number|#)\s*:?\s*[A-Z]{0,3}-?\d|\bjob\s+\d{3,}|"
                        r"\breq(?:uisition)?\s*(?:id|no\.?|number|#)?\s*:?\s*[A-Z]{0,3}-?\d).*$", re.I)

#: The terms of hire in brackets after a title, which name no part of the job: "(Direct Hire)",
#: "(Contract-to-Hire)", "(Full-Time, Hybrid)", "[Remote]"; the brackets hold nothing else, so not
#: "(Outpatient)", "(Night Shift)" or "(Remote Sensing)".
_HIRE_TERM = (r"(?:direct[- ]hire|contract(?:[- ]to[- ]hire)?|temp(?:orary)?(?:[- ]to[- ](?:hire|perm))?|full[- ]time|"
              r"part[- ]time|remote|hybrid|on[- ]?site|permanent|perm|seasonal|per diem|prn|w-?2|1099|fte)")
_HIRE_TERMS = re.compile(rf"\s*[(\[]\s*{_HIRE_TERM}(?:\s*[,/&|-]\s*{_HIRE_TERM}|\s+(?:or|and)\s+{_HIRE_TERM})*\s*[)\]]",
                         re.I)


def _clipped(title: str, limit: int = 80) -> str:
    """``title`` in at most ``limit`` characters, cut after a whole word."""
    if len(title) <= limit:
        return title
    cut = title[:limit + 1].rsplit(" ", 1)[0] if " " in title[:limit + 1] else title[:limit]
    return cut.rstrip(" ,;:-–(")


#: How many lines open a posting before its body, at most: a site's banner and menu, the title.
_OPENING = 6
#: A labelled line of a posting's head: "Location: Columbus, OH", "Job Type: Full-time".
_LABELLED = re.compile(r"^[A-Z][A-Za-z/&' ]{1,30}:\s*\S")
#: A labelled title: "Job Title: Payroll Specialist", "Position Title: HR Generalist".
_TITLE_LABEL = re.compile(r"^(?:(?:job|position|class(?:ification)?|working|official)\s+)?title\s*:\s*(.+)$", re.I)


def posting_title(text: str) -> str:
    """The job's title: the posting's first line, or, when that names no occupation, the first of
    its opening lines that is a title and nothing else, or the capitalised words opening a posting
    written as one paragraph ("Senior Accountant Acme is hiring ..." -> "Senior Accountant"); ""
    when the posting opens with a heading or a sentence. A page copied from a careers site or a job
    board opens with its banner ("Careers at Northwind Foods", "GOVERNMENTJOBS | County of
    Riverbend") over the title; the opening lines end at the first heading, sentence or labelled
    line ("Location: ..."), and a labelled title among them ("Job Title: Payroll Specialist") is
    the title."""
    lines = [clean for line in text.splitlines() if (clean := without_end_pictographs(line).strip(" #*:"))]
    if not lines or _opens_body(lines[0]):
        return ""  # the posting opens with "Requirements" or a sentence: it names no title
    titles = []
    for line in lines[:_OPENING]:
        if (label := _TITLE_LABEL.match(line)) and titles:
            return _line_title(label.group(1))
        if titles and (_opens_body(line) or _LABELLED.match(line)):
            break
        titles.append(_line_title(line))
    if names_occupation(titles[0]):
        return titles[0]
    # below a banner, a line that is a title and nothing else, notes in brackets aside ("Senior
    # Accountant"; not "Baker Tilly US, LLP · Chicago, IL", a company whose name holds a trade, under
    # the title "Audit Senior")
    from ..catalog.occupations import background

    whole = [t for t in titles[1:] if background().holds_whole(t.split("(")[0])]
    # else a short line that ends with the person it names ("Licensed Practical Nurse", "CDL-A Truck
    # Driver": O*NET holds them only in part; not "Cook Children's Health Care System", a company)
    person = [t for t in titles[1:] if len(t.split()) <= 5 and _ends_with_a_person(t) and names_occupation(t)]
    # one person's title before a site's category of jobs ("Tellers", "Nursing Assistants" above
    # "Part-Time Bank Teller")
    one = [t for t in whole + person if not _last_word(t).endswith("s") or _last_word(t).endswith("ss")]
    return next(iter(one or whole or person), titles[0])


def _last_word(line: str) -> str:
    words = line.split("(")[0].split()
    return re.sub(r"[^a-z]", "", words[-1].lower()) if words else ""


def _ends_with_a_person(line: str) -> bool:
    last = _last_word(line)
    return last in ROLE_NOUNS or len(last) > 3 and last.endswith(_OCCUPATION_ENDINGS)


def _opens_body(line: str) -> bool:
    """Whether a line opens the posting's body: a heading ("Requirements") or a sentence."""
    sentence = re.search(r"[.!?]$", line) and len(line.split()) > 3 or _ASKS.search(line)
    return bool(is_heading(line) and heading_kind(line) is not None or DUTY_HEADINGS.match(line)
                or sentence and len(line.split()) <= 12)


def _line_title(first: str) -> str:
    """The title one opening line names (``posting_title``)."""
    first = _TITLE_PREFIX.sub("", re.sub(r"\s+", " ", first))
    if re.match(r"(?i)(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))\b", first):
        return ""  # a recruiter's email opening "Hi there, I hope ..." names no title
    if (code := _POST_CODE.search(first)) and code.start() > 0:  # a code opening the line names the job ("F-16 ...")
        first = first[:code.start()].strip()
    first = _HIRE_TERMS.sub("", first).strip()
    parts = [p for p in re.split(r"\s+[-–—|]\s+|\s*\|\s*", first) if p.strip()]
    if len(parts) > 1 and len(first.split()) <= 16:
        # "Senior Accountant - Tallgrass Renewables - Greenhouse", "Fieldstone Robotics - HR Generalist":
        # the part that names an occupation, not the employer's or the job board's
        first = next((p for p in parts if names_occupation(p)), parts[0])
    words = []
    for word in first.split():
        if words and (word.lower().strip("(),:") in _TITLE_STOP or not (word[:1].isupper() or word[:1] in "(&/-"
                                                                       or word in ("of", "and", "&"))):
            break
        words.append(word)
        if word.endswith((".", ":")) or len(words) >= 12:
            break
    if len(first.split()) <= 12:
        return _clipped(first)
    # "Senior Accountant Greenfield Industries is ...": the title ends with its occupation noun
    # (and a parenthesis after it), before the company's name.
    bare = [re.sub(r"[^a-z]", "", w.lower()) for w in words]
    ends = [i for i, w in enumerate(bare) if w in ROLE_NOUNS or len(w) > 3 and w.endswith(_OCCUPATION_ENDINGS)]
    last = ends[-1] + 1 if ends else len(words)
    if ends and last < len(words) and words[last].startswith("("):
        last += 1
    return _clipped(" ".join(words[:last]).strip(" .:-"))


def names_occupation(title: str) -> bool:
    """Whether the posting's title holds one of the titles O*NET's occupations are held by, whole
    ("Accountant", "IT Project Manager"; not "Join our team!")."""
    from ..catalog.occupations import background

    return bool(title) and background().named(title) is not None
