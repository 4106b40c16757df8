"""Component: find resume section headings so every span knows its section."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..component import Component
from ..rules.extensions import doc_text
from ..rules.headings import heading_label


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
        ends = [start for _, start in sections[1:]] + [len(doc_text(doc))]
        doc._.rm_sections = [(label, start, end) for (label, start), end in zip(sections, ends)]
        return doc


@Language.factory("resumematch_sections", assigns=["doc._.rm_sections"])
def make_sections(nlp: Language, name: str) -> SectionDetector:
    return SectionDetector(nlp, name)
