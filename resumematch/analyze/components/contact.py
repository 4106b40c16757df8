"""Component: the candidate's name, email and phone, and which spans are contact details.

The name is found by ``names.find_name`` (several signals, or none when unsure); email and phone
by ``header``. Findings inside the contact lines never count as evidence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..component import Component
from ..rules.extensions import doc_text
from ..rules.header import EMAIL, URL, find_email, find_phone, segments
from ..rules.names import CONTACT_HEADINGS, find_name

__all__ = ["ContactFinder", "find_email", "find_name", "find_phone"]


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
        return {"name": find_name(text, _first_section(text, doc._.rm_sections or []), display),
                "email": find_email(text), "phone": find_phone(text)}

    def set_annotations(self, doc: Doc, found: dict) -> Doc:
        text = doc_text(doc)
        doc._.rm_contact = {key: (value[0] if value else None) for key, value in found.items()}
        lines = [_contact_span(text, found[key][1]) for key in ("name", "email", "phone") if found[key]]
        head_end = min(re.match(r"(?:[^\n]*\n?){0,12}", text).end(), 3000)  # the first 12 lines
        for m in list(URL.finditer(text, 0, head_end)) + list(EMAIL.finditer(text, 0, head_end)):
            lines.append(_contact_span(text, m.start()))
        doc._.rm_contact_lines = sorted(set(lines))
        return doc


def _first_section(text: str, sections: list[tuple[str, int, int]]) -> int:
    """Where the first section that is not contact details starts (0 when there is none)."""
    for label, start, _ in sections:
        if label == "header":
            continue
        end = text.find("\n", start)
        heading = text[start:end if end >= 0 else len(text)].strip(" *#|=_").rstrip(":").strip().lower()
        if heading not in CONTACT_HEADINGS:
            return start
    return 0


@Language.factory("resumematch_contact", assigns=["doc._.rm_contact", "doc._.rm_contact_lines"],
                  requires=["doc._.rm_sections"])
def make_contact(nlp: Language, name: str) -> ContactFinder:
    return ContactFinder(nlp, name)

