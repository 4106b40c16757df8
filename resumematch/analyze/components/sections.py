"""Component: find resume section headings so every span knows its section."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..component import Component
from ..rules.extensions import doc_text
from ..rules.headings import QUALIFICATIONS, heading_label
from ..rules.levels import SCHOOL, names_degree


class SectionDetector(Component):
    """Marks where each section starts: ``doc._.rm_sections`` is a list of (label, start, end)."""

    def match(self, doc: Doc) -> list[tuple[str, int]]:
        found, pos = [], 0
        for line in doc_text(doc).split("\n"):
            stripped = line.strip(" *#|=_")
            label = heading_label(stripped) if stripped and not stripped.startswith("•") else None
            if label:
                found.append((label, pos))
            pos += len(line) + 1
        return found

    def set_annotations(self, doc: Doc, found: list[tuple[str, int]]) -> Doc:
        sections = [("header", 0)] if not found or found[0][1] > 0 else []
        sections += found
        text = doc_text(doc)
        ends = [start for _, start in sections[1:]] + [len(text)]
        doc._.rm_sections = [(_resolved(label, text[start:end]), start, end)
                             for (label, start), end in zip(sections, ends)]
        return doc


#: What marks a "Qualifications" section as schooling: a year ("GCSE English, June 2000"), a school,
#: a school-leaving or vocational record ("NVQ 3 in Retailing", "Diploma in Nursing") or a grade
#: ("Grade C", "(Pass)", "CGPA 8.1", "78%").
_SCHOOLING = re.compile(r"\b(?:19|20)\d\d\b|\b(?:board|grade|c?gpa|gcse|a-levels?|g?nvq|btec|hsc|ssc|diploma)\b|"
                        r"\((?:pass|merit|distinction)\)|\d\s*%", re.IGNORECASE)


def _resolved(label: str, section: str) -> str:
    """A "Qualifications" section is the education when a line of it names a degree or reads as
    schooling (a school, ``_SCHOOLING``); else it is a list of skills ("Market pricing", "Job evaluation"),
    whose words tell the candidate's trade."""
    if label != QUALIFICATIONS:
        return label
    lines = section.split("\n")[1:]
    schooling = any(names_degree(line) or SCHOOL.search(line) or _SCHOOLING.search(line) for line in lines)
    return "education" if schooling else "skills"


@Language.factory("resumematch_sections", assigns=["doc._.rm_sections"])
def make_sections(nlp: Language, name: str) -> SectionDetector:
    return SectionDetector(nlp, name)
