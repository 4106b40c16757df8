"""Doc and Span extensions used by the resumematch components, registered once at import."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token


@dataclass
class Finding:
    """A finding while the pipeline still works on it; frozen into an ``Entity`` at the end."""

    start: int  # token index
    end: int
    category: str
    req_id: str | None
    name: str
    method: str
    score: float
    status: str = ""


def section_at(doc: Doc, char: int) -> str:
    """The section holding character ``char`` of ``doc`` (``header`` before the first one)."""
    sections = doc._.rm_sections
    if not sections:
        return "none"
    starts = [s for _, s, _ in sections]
    i = bisect.bisect_right(starts, char) - 1
    return sections[i][0] if i >= 0 else "header"


def _span_section(span: Span) -> str:
    return section_at(span.doc, span.start_char)


def _token_section(token: Token) -> str:
    return section_at(token.doc, token.idx)


for _name, _default in (("rm_sections", None), ("rm_findings", None), ("rm_contact", None),
                        ("rm_contact_lines", None), ("rm_periods", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Span.has_extension("rm_section"):
    Span.set_extension("rm_section", getter=_span_section)
if not Token.has_extension("rm_section"):
    Token.set_extension("rm_section", getter=_token_section)


def section_start(doc: Doc, char: int) -> int:
    """Where the section holding character ``char`` of ``doc`` begins (0 without sections)."""
    sections = doc._.rm_sections or []
    i = bisect.bisect_right([s for _, s, _ in sections], char) - 1
    return sections[i][1] if i >= 0 else 0


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get("rm_text")
    if text is None:
        text = doc.user_data["rm_text"] = doc.text
    return text


def line_bounds(doc: Doc, char: int) -> tuple[int, int]:
    """Start and end offsets of the line of ``doc`` holding ``char`` (line starts cached per doc,
    so a resume written on one very long line costs no more than any other)."""
    starts = doc.user_data.get("rm_line_starts")
    text = doc_text(doc)
    if starts is None:
        starts = doc.user_data["rm_line_starts"] = [0] + [m.end() for m in re.finditer("\n", text)]
    i = bisect.bisect_right(starts, char) - 1
    end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
    return starts[i], end
