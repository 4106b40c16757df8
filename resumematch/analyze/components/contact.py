"""Component: the candidate's name, email and phone, and which spans are contact details.

The name is found by ``names.find_name`` (several signals, or none when unsure); email and phone
by ``header``. The phone is the candidate's only where the candidate's own contact details are:
the header, a contact section, or the lines around the email; never a phone set beside a
supervisor or a reference. Findings inside the contact lines never count as evidence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..component import Component
from ..rules.extensions import doc_text
from ..rules.header import EMAIL, URL, find_email, find_phone, segments
from ..rules.names import CONTACT_HEADINGS, find_labelled_name, find_name

__all__ = ["ContactFinder", "find_email", "find_name", "find_own_phone", "find_phone"]


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


class ContactFinder(Component):
    """Sets ``doc._.rm_contact`` (name, email, phone) and ``doc._.rm_contact_lines``.

    ``rm_contact_lines`` are (start, end) character ranges: the lines holding the name,
    email or phone, and any line with a link or email among the first 12; a long line
    (a one-line export) contributes only the segment that holds the detail.
    """

    def match(self, doc: Doc) -> dict:
        text = doc_text(doc)
        display = doc.user_data.get("rm_display_lines", ())
        email = find_email(text)
        blocks = _contact_blocks(text, doc, email)
        name = find_name(text, blocks[0][1], display)
        if name is None:  # "PERSONAL DETAILS" / "Full Name: ..." after the body of the resume
            name = next(filter(None, (find_labelled_name(text, a, b) for a, b in blocks[1:])), None)
        return {"name": name, "email": email, "phone": find_own_phone(text, blocks)}

    def set_annotations(self, doc: Doc, found: dict) -> Doc:
        text = doc_text(doc)
        doc._.rm_contact = {key: (value[0] if value else None) for key, value in found.items()}
        lines = [_contact_span(text, found[key][1]) for key in ("name", "email", "phone") if found[key]]
        head_end = min(re.match(r"(?:[^\n]*\n?){0,12}", text).end(), 3000)  # the first 12 lines
        for m in list(URL.finditer(text, 0, head_end)) + list(EMAIL.finditer(text, 0, head_end)):
            lines.append(_contact_span(text, m.start()))
        doc._.rm_contact_lines = sorted(set(lines))
        return doc


#: Words that make a number someone else's: "Supervisor: Jane Roe (404) 555-0177", "References".
_OTHER_PERSON = re.compile(r"\b(?:supervisor|supervised\s+by|references?|referees?|report(?:ed|s|ing)\s+to|"
                           r"contact\s+person|emergency\s+contact|manager\s*:|boss)\b", re.IGNORECASE)
#: How much of a contact block is read: the header of a one-line export is its whole text.
_BLOCK_CHARS = 3000


def find_own_phone(text: str, blocks: list[tuple[int, int]]) -> tuple[str, int] | None:
    """The first phone in the ``blocks`` of ``text`` (the candidate's contact details) that no
    word before it on its line, or on the line above when the number starts its line, gives to
    another person."""
    for start, end in blocks:
        pos = start
        while (found := find_phone(text, pos, min(end, start + _BLOCK_CHARS))) is not None:
            number, at = found
            line_start = text.rfind("\n", 0, at) + 1
            before = text[line_start:at]
            if not any(c.isalpha() for c in before):
                before = text[text.rfind("\n", 0, max(line_start - 1, 0)) + 1:at]
            if not _OTHER_PERSON.search(before):
                return found
            pos = at + len(number)
    return None


def _contact_blocks(text: str, doc: Doc, email: tuple[str, int] | None) -> list[tuple[int, int]]:
    """Where the candidate's contact details are: the header (up to the first section that is not
    about contact), each section headed as contact details, and the lines around the email."""
    sections = doc._.rm_sections or []
    first = _first_section(text, sections)
    blocks = [(0, first or len(text))]  # the header comes first
    blocks += [(start, end) for label, start, end in sections
               if label != "header" and start >= first and _heading(text, start) in CONTACT_HEADINGS]
    if email:
        blocks.append(_lines_around(text, email[1]))
    return blocks


def _lines_around(text: str, at: int, reach: int = 2) -> tuple[int, int]:
    """The line holding ``at`` with ``reach`` lines above and below it (labels on lines of their
    own: "Email:" / address / "Telephone:" / number)."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    for _ in range(reach):
        start = text.rfind("\n", 0, start - 1) + 1 if start > 0 else 0
        end = text.find("\n", end + 1) if end >= 0 else -1
    return start, len(text) if end < 0 else end


def _heading(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)].strip(" *#|=_").rstrip(":").strip().lower()


def _first_section(text: str, sections: list[tuple[str, int, int]]) -> int:
    """Where the first section that is not contact details starts (0 when there is none)."""
    for label, start, _ in sections:
        if label != "header" and _heading(text, start) not in CONTACT_HEADINGS:
            return start
    return 0


@Language.factory("resumematch_contact", assigns=["doc._.rm_contact", "doc._.rm_contact_lines"],
                  requires=["doc._.rm_sections"])
def make_contact(nlp: Language, name: str) -> ContactFinder:
    return ContactFinder(nlp, name)

