"""Component: the candidate's name, email and phone, and which spans are contact details.

Headers come as lines ("Jane Doe" / "jane@x.com | 555-0100") or, from PDF and web exports, as
one long line whose fields are set apart by runs of spaces, bars or bullets. Both are cut into
*segments*; the name is the first name-like segment near the top, before any section heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import doc_text
from .sections import heading_label

EMAIL = re.compile(r"(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+'’-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?<![\w/])(?:\+\s?\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{6,}\d(?![\w/])")
_URL = re.compile(r"(?:https?://|www\.|linkedin\.com|github\.com)", re.IGNORECASE)
_LINE = re.compile(r"[^\n]+")
#: Field separators inside a line: runs of spaces, tabs, bars, bullets, spaced dashes.
_SEP = re.compile(r"\s{2,}|\t|\s*[|•·▪●◆■◦➢✓]\s*|\s+[-–—]\s+")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:['’][^\W\d_]+)*(?:-[^\W\d_a-z][^\W\d_'’.-]*)*\.?$")
_PARTICLES = frozenset("van von de da del der la le bin al dos du di el".split())
_POST_NOMINALS = frozenset("""mba pmp phd rn bsn msn csm cpa md pe ms bs ba ma msc bsc capm cissp itil
cfa acca jd esq jr sr ii iii iv""".split())
_STATES = frozenset("""AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV
NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AB BC MB NB NL NS ON PE QC SK""".split())
_PREFIX = re.compile(r"^(?:(?:full\s+|candidate\s+)?name\s*[:\-]\s*|(?:dr|mr|mrs|ms|miss|prof)\.?\s+"
                     r"|(?:resume|résumé|cv|curriculum\s+vitae)(?:\s+of)?\s+)", re.IGNORECASE)
#: Headings a name may follow ("PERSONAL DETAILS / Name: ..."); any other heading ends the search.
_CONTACT_HEADINGS = frozenset({"contact", "contact information", "personal details", "personal information"})
_NOT_NAME = frozenset("""
united kingdom states emirates republic zealand kong arabia lanka rica africa america
resume résumé curriculum vitae cv sample template example examples profile contact summary address street road avenue
drive room boulevard nagar colony apt apartment suite box city state district village email e-mail mail phone mobile
tel telephone fax cell home skype website linkedin github objective name details information personal updated last
date birth nationality marital status gender manager engineer developer analyst consultant specialist director officer
intern designer architect administrator coordinator lead senior sr junior assistant nurse chef cashier associate
professional project projects it software technology technologies university college school institute company inc ltd
llc corp pvt limited group solutions systems services consulting labs bank present experience education skills
certified certification and the of for in at on to with by position tagline your here lorem ipsum job title server
retail sales scientist student teacher accountant executive representative technician supervisor owner founder
president head team member editor writer advisor adviser agent clerk programmer tester trainee fresher graduate career
highlights strengths native language languages fluent proficient copy packet guide management development marketing
business finance operations strategic planning data science computer web digital cloud network security support
customer service quality research
""".split())


def find_email(text: str) -> tuple[str, int] | None:
    """The first email address in ``text`` and its offset ("O'Connell" local parts included)."""
    m = EMAIL.search(text)
    return (m.group(0), m.start()) if m else None


def find_phone(text: str) -> tuple[str, int] | None:
    for m in PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if not 10 <= len(digits) <= 15:
            continue
        if re.fullmatch(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d", m.group(0).strip()):
            continue
        return m.group(0).strip(), m.start()
    return None


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


def name_score(line: str) -> bool:
    """Whether ``line`` looks like a person's name (2 to 4 capitalised words, nothing else)."""
    words = line.split()
    if not 2 <= len(words) <= 4 or len(line) > 40 or any(w.lower().strip(".") in _NOT_NAME for w in words):
        return False
    if not all(w in _PARTICLES or w[0].isupper() and _NAME_WORD.match(w) for w in words):
        return False
    if any(len(w) > 2 and set(w.lower()) == {"x"} for w in words):
        return False  # "Jane XXXX": a redacted resume
    return sum(len(w.strip(".")) > 1 for w in words) >= 2


def _credential(word: str) -> bool:  # "PMP", "MS", "(CS)", "Ph.D."
    core = word.strip("().")
    return core.lower().replace(".", "") in _POST_NOMINALS or (core.isupper() and len(core) <= 5)


def clean_name(part: str) -> str:
    """The name-like part of a header segment, or "" when the segment is something else.

    Drops a "Name:" / "Resume of" / "Dr." prefix, quotes and markup, what follows a comma
    when it is credentials or a place ("Jane Doe, PMP", "Jane Doe, Denver"), and what
    follows the name on the same segment (an address number, the end of a sentence).
    """
    part = part.strip(" \"'“”*#_;>")
    while (cut := _PREFIX.sub("", part)) != part:
        part = cut
    words, number_follows = [], False
    for w in part.split():
        if any(c.isdigit() for c in w):
            number_follows = True
            break  # "Jane Doe 87 Some Street"
        words.append(w)
        if w.endswith(".") and sum(c.isalpha() for c in w) > 2 and w.lower().rstrip(".") not in _POST_NOMINALS:
            break  # "Jane Doe. Next sentence"
    head, _, rest = " ".join(words).partition(",")
    after = rest.replace(",", " ").split()
    if after and after[0] in _STATES and (number_follows or after[0].lower() not in _POST_NOMINALS):
        return ""  # "Denver, CO 80202": a place
    tail = [w for w in after if not _credential(w)]
    if len(tail) > 3 or any(w[0].islower() for w in tail):
        return ""  # "Acme Corp, a leading maker of ..."
    words = head.split()
    while len(words) > 2 and words[-1].lower().replace(".", "") in _POST_NOMINALS:
        words.pop()  # "Jane Doe PMP"
    return " ".join(words).strip(" .")


def find_name(text: str, first_section: int, max_segments: int = 30,
              max_chars: int = 2000) -> tuple[str, int] | None:
    """The candidate's name: the first name-like segment near the top, before any section heading.

    The search ends at the first section heading, and a few segments after the first email
    or phone number (the name heads the contact block).
    """
    limit = min(first_section if first_section > 0 else len(text), max_chars)
    found = [hit[1] for hit in (find_email(text[:limit]), find_phone(text[:limit])) if hit]
    contact_at = min(found) if found else limit
    past_contact = 0
    for i, (start, end) in enumerate(segments(text, 0, limit)):
        past_contact += start >= contact_at or past_contact > 0
        if i >= max_segments or past_contact > 5 or text.count("\n", 0, start) > 15:
            break
        raw = text[start:end].strip(" \"'“”*#_=|")
        if heading_label(raw):
            if raw.rstrip(":").lower() in _CONTACT_HEADINGS:
                continue
            break
        if raw.endswith(":"):  # a field label ("Font Styles:"), not a value
            continue
        candidate = clean_name(raw)
        if candidate and name_score(candidate) and not heading_label(candidate):
            offset = text.find(candidate.split()[0], start, end)
            offset = start if offset < 0 else offset
            return (candidate.title() if candidate.isupper() else candidate), offset
    return None


def _contact_span(text: str, char: int, max_line: int = 160) -> tuple[int, int]:
    """The line holding ``char``; only its segment when the line is long (one-line exports)."""
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    end = len(text) if end == -1 else end
    if end - start <= max_line:
        return start, end
    for a, b in segments(text, max(start, char - 300), min(end, char + 300)):
        if a <= char < b:
            return a, b
    return char, char + 1


class ContactFinder:
    """Sets ``doc._.rm_contact`` (name, email, phone) and ``doc._.rm_contact_lines``.

    ``rm_contact_lines`` are (start, end) character ranges: the lines holding the name,
    email or phone, and any line with a link or email among the first 12; a long line
    (a one-line export) contributes only the segment that holds the detail.
    """

    def __init__(self, nlp: Language, name: str = "resumematch_contact") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> dict:
        text = doc_text(doc)
        sections = doc._.rm_sections or []
        first = next((start for label, start, _ in sections if label != "header"), 0)
        return {"name": find_name(text, first), "email": find_email(text), "phone": find_phone(text)}

    def set_annotations(self, doc: Doc, found: dict) -> Doc:
        text = doc_text(doc)
        doc._.rm_contact = {key: (value[0] if value else None) for key, value in found.items()}
        lines = [_contact_span(text, found[key][1]) for key in ("name", "email", "phone") if found[key]]
        head_end = min(re.match(r"(?:[^\n]*\n?){0,12}", text).end(), 3000)  # the first 12 lines
        for m in list(_URL.finditer(text, 0, head_end)) + list(EMAIL.finditer(text, 0, head_end)):
            lines.append(_contact_span(text, m.start()))
        doc._.rm_contact_lines = sorted(set(lines))
        return doc


@Language.factory("resumematch_contact")
def make_contact(nlp: Language, name: str) -> ContactFinder:
    return ContactFinder(nlp, name)

