"""Component: the candidate's name, email and phone, and which lines are contact lines."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401
from .sections import heading_label

EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?<![\w/])(?:\+\s?\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{6,}\d(?![\w/])")
_URL = re.compile(r"(?:https?://|www\.|linkedin\.com|github\.com)", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z][a-zA-Z'’-]*|[A-Z]\.|[A-Z][a-z]+[A-Z][a-z]+|(?:van|von|de|da|del|der|la|le|bin|al|dos|du)|[A-Z]{2,})$")
_NOT_NAME = frozenset("""
resume résumé curriculum vitae cv sample template profile contact summary page address street road
email e-mail phone mobile tel linkedin github objective name details information personal updated
manager engineer developer analyst consultant specialist director officer intern designer architect
administrator coordinator lead senior junior assistant nurse chef cashier associate professional
project projects it software technology technologies university college school institute company
inc ltd llc corp present experience education skills certified certification and the of for in at
position tagline your here lorem ipsum job title cook server retail sales scientist student teacher
accountant executive representative technician supervisor owner founder president head team member
""".split())


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


def name_score(line: str) -> bool:
    """Whether ``line`` looks like a person's name (2 to 4 capitalised words, nothing else)."""
    words = line.replace(",", " ").split()
    if not 2 <= len(words) <= 4 or len(line) > 40:
        return False
    if any(w.lower().strip(".") in _NOT_NAME for w in words):
        return False
    return all(_NAME_WORD.match(w) for w in words) and sum(len(w) > 1 for w in words) >= 2


def find_name(text: str, first_section: int) -> tuple[str, int] | None:
    """The candidate's name: the first name-like line near the top, before the first section."""
    pos = 0
    limit = first_section if first_section > 0 else len(text)
    for i, line in enumerate(text.split("\n")):
        if pos >= limit or i > 15:
            break
        candidate = line.strip()
        labelled = re.match(r"^(?:full\s+)?name\s*[:\-]\s*(.+)$", candidate, re.IGNORECASE)
        if labelled:
            candidate = labelled.group(1).strip()
        for part in re.split(r"\s+[|•,–-]\s+", candidate):
            part = part.strip()
            if name_score(part) and not heading_label(part):
                offset = pos + line.find(part)
                return (part.title() if part.isupper() else part), offset
        pos += len(line) + 1
    return None


class ContactFinder:
    """Sets ``doc._.rm_contact`` (name, email, phone) and ``doc._.rm_contact_lines``."""

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
        lines = []
        for key in ("name", "email", "phone"):
            if found[key]:
                start = text.rfind("\n", 0, found[key][1]) + 1
                end = text.find("\n", found[key][1])
                lines.append((start, len(text) if end == -1 else end))
        pos = 0
        for line in text.split("\n")[:12]:
            if _URL.search(line) or EMAIL.search(line):
                lines.append((pos, pos + len(line)))
            pos += len(line) + 1
        doc._.rm_contact_lines = sorted(set(lines))
        return doc


@Language.factory("resumematch_contact")
def make_contact(nlp: Language, name: str) -> ContactFinder:
    return ContactFinder(nlp, name)
