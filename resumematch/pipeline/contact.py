"""Component: the candidate's name, email and phone, and which spans are contact details.

Resume headers come as lines ("Jane Doe" / "jane@x.com | 555-0100") or, from PDF and
web exports, as one long line whose fields are separated by runs of spaces, bars or
bullets. Both are cut into *segments*; the name is the first name-like segment near
the top, before the first section heading.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401
from .sections import SECTION_SYNONYMS, heading_label

EMAIL = re.compile(r"(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+'’-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?<![\w/])(?:\+\s?\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{6,}\d(?![\w/])")
_URL = re.compile(r"(?:https?://|www\.|linkedin\.com|github\.com)", re.IGNORECASE)
#: Field separators inside a line: runs of spaces, tabs, bars, bullets, spaced dashes.
_SEP = re.compile(r"\s{2,}|\t|\s*[|•·▪●◆■◦➢✓]\s*|\s+[-–—]\s+")
_NAME_WORD = re.compile(r"^(?:[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?|(?:van|von|de|da|del|der|la|le|bin|al|dos|du|di|el))$")
_PLACEHOLDER = re.compile(r"^(?:x{3,}|\*{2,}|_{2,})$", re.IGNORECASE)
_LABEL = re.compile(r"^(?:full\s+|candidate\s+)?name\s*[:\-]\s*", re.IGNORECASE)
#: Headings a name may follow ("PERSONAL DETAILS / Name: ..."); any other heading ends the search.
_CONTACT_HEADINGS = frozenset({"contact", "contact information", "personal details", "personal information"})
_NOT_NAME = frozenset("""
resume résumé curriculum vitae cv sample template example examples profile contact summary page
address street st road rd avenue ave lane drive dr boulevard blvd nagar colony apt apartment suite
floor box city state district village post sector phase block building
email e-mail mail phone mobile tel telephone fax cell home skype website linkedin github objective
name details information personal updated last date birth nationality marital status gender
manager engineer developer analyst consultant specialist director officer intern designer architect
administrator coordinator lead senior junior assistant nurse chef cashier associate professional
project projects it software technology technologies university college school institute company
inc ltd llc corp pvt limited group solutions systems services consulting labs bank
present experience education skills certified certification and the of for in at on to with by
position tagline your here lorem ipsum job title cook server retail sales scientist student teacher
accountant executive representative technician supervisor owner founder president head team member
editor writer advisor adviser officer agent clerk programmer tester trainee fresher graduate
career highlights strengths native language languages fluent proficient copy packet guide
management development marketing business finance operations strategic planning data science
computer web digital cloud network security support customer service quality research
""".split())
_CREDENTIAL = re.compile(r"^(?:[A-Z][A-Za-z]{0,3}\.?){1,3}$")  # MBA, PMP, RN, Ph.D., CSM


def find_email(text: str) -> tuple[str, int] | None:
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


def segments(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the fields of ``text[start:end]``: lines cut at separators."""
    end = len(text) if end is None else end
    out, pos = [], start
    for m in list(_SEP.finditer(text, start, end)) + [None]:
        stop = m.start() if m else end
        for line in re.finditer(r"[^\n]+", text[pos:stop]):
            if line.group(0).strip():
                out.append((pos + line.start(), pos + line.end()))
        pos = m.end() if m else end
    return out


def name_score(line: str) -> bool:
    """Whether ``line`` looks like a person's name (2 to 4 capitalised words, nothing else)."""
    words = line.split()
    if not 2 <= len(words) <= 4 or len(line) > 40:
        return False
    if any(w.lower().strip(".") in _NOT_NAME for w in words):
        return False
    if not all(_NAME_WORD.match(w) and (w[0].isupper() or w.islower() and len(w) <= 3) for w in words):
        return False
    return sum(len(w.strip(".")) > 1 for w in words) >= 2


def _clean(part: str) -> str:
    """A segment with any "Name:" label, quotes, markup and trailing credentials removed."""
    part = _LABEL.sub("", part.strip(" \"'“”*#_:;>"))
    head, _, rest = part.partition(",")
    # "Jane Doe, PMP" and "Jane Doe, Denver" both keep the part before the comma.
    part = head if rest or not head else part
    words = [w for w in part.split() if not _PLACEHOLDER.match(w)]
    while len(words) > 2 and _CREDENTIAL.match(words[-1]) and words[-1].isupper():
        words.pop()  # "JANE DOE MBA" cannot be told apart; "Jane Doe MBA" can
    return " ".join(words).strip(" .")


def find_name(text: str, first_section: int, max_segments: int = 40,
              max_chars: int = 2000) -> tuple[str, int] | None:
    """The candidate's name: the first name-like segment near the top, before any section heading."""
    limit = min(first_section if first_section > 0 else len(text), max_chars)
    for i, (start, end) in enumerate(segments(text, 0, limit)):
        if i >= max_segments or text.count("\n", 0, start) > 15:
            break
        raw = text[start:end]
        label = heading_label(raw.strip(" \"'*#_=|"))
        if label and label not in ("header",):
            if raw.strip(" \"'*#_=|:").lower() in _CONTACT_HEADINGS:
                continue
            break
        candidate = _clean(raw)
        if candidate and name_score(candidate) and not heading_label(candidate):
            offset = start + max(raw.find(candidate.split()[0]), 0)
            return (candidate.title() if candidate.isupper() else candidate), offset
    return None


def _contact_span(text: str, char: int, max_line: int = 160) -> tuple[int, int]:
    """The line holding ``char``; only its segment when the line is long (one-line exports)."""
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    end = len(text) if end == -1 else end
    if end - start <= max_line:
        return start, end
    for a, b in segments(text, start, end):
        if a <= char < b:
            return a, b
    return char, char + 1


class ContactFinder:
    """Sets ``doc._.rm_contact`` (name, email, phone) and ``doc._.rm_contact_lines``.

    ``rm_contact_lines`` are (start, end) character ranges: the lines holding the name,
    email or phone, and any link or email line among the first 12 (long one-line
    headers contribute only the field that holds the detail).
    """

    def __init__(self, nlp: Language, name: str = "resumematch_contact") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> dict:
        text = doc.text
        sections = doc._.rm_sections or []
        first = next((start for label, start, _ in sections if label != "header"), 0)
        return {"name": find_name(text, first), "email": find_email(text), "phone": find_phone(text)}

    def set_annotations(self, doc: Doc, found: dict) -> Doc:
        text = doc.text
        doc._.rm_contact = {key: (value[0] if value else None) for key, value in found.items()}
        lines = [_contact_span(text, found[key][1]) for key in ("name", "email", "phone") if found[key]]
        pos = 0
        for line in text.split("\n")[:12]:
            for m in list(_URL.finditer(line)) + list(EMAIL.finditer(line)):
                lines.append(_contact_span(text, pos + m.start()))
            pos += len(line) + 1
        doc._.rm_contact_lines = sorted(set(lines))
        return doc


@Language.factory("resumematch_contact")
def make_contact(nlp: Language, name: str) -> ContactFinder:
    return ContactFinder(nlp, name)


assert "contact" in SECTION_SYNONYMS["other"]  # _CONTACT_HEADINGS relies on these synonyms
