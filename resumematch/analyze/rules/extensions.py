"""Doc and Span extensions used by the resumematch components, registered once at import."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH, SPACY
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
    #: Matched through an alias that is also an ordinary word ("CSM"): counts only in credential context.
    needs_context: bool = False


def section_at(doc: Doc, char: int) -> str:
    """The section holding character ``char`` of ``doc`` (``header`` before the first one)."""
    return section_lookup(doc)(char)


def section_lookup(doc: Doc) -> Callable[[int], str]:
    """``section_at`` for one doc and many offsets: the section starts are listed once."""
    sections = doc._.rm_sections
    if not sections:
        return lambda char: "none"
    starts = [s for _, s, _ in sections]
    labels = [label for label, _, _ in sections]

    def lookup(char: int) -> str:
        i = bisect.bisect_right(starts, char) - 1
        return labels[i] if i >= 0 else "header"
    return lookup


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


def section_end(doc: Doc, char: int) -> int:
    """Where the section holding character ``char`` of ``doc`` ends (the text's end without sections)."""
    sections = doc._.rm_sections or []
    i = bisect.bisect_right([s for _, s, _ in sections], char) - 1
    return sections[i][2] if i >= 0 else len(doc_text(doc))


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get("rm_text")
    if text is None:
        text = doc.user_data["rm_text"] = doc.text
    return text


def token_bounds(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    """Each token's start and end character, and where its trailing space ends (built once per
    doc): the components read offsets from these lists, as a Token or Span object per lookup
    costs more than the work it is looked up for."""
    bounds = doc.user_data.get("rm_bounds")
    if bounds is None:
        rows = doc.to_array([IDX, LENGTH, SPACY])
        ends = rows[:, 0] + rows[:, 1]
        bounds = doc.user_data["rm_bounds"] = (rows[:, 0].tolist(), ends.tolist(), (ends + rows[:, 2]).tolist())
    return bounds


def span_chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``(doc[start:end].start_char, doc[start:end].end_char)`` without building the Span."""
    starts, ends, _ = token_bounds(doc)
    start_char = starts[start] if start < len(starts) else len(doc_text(doc))
    return start_char, (ends[end - 1] if end > start else start_char)


def expand_span(doc: Doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    """Token range of ``doc.char_span(start_char, end_char, alignment_mode="expand")`` (None where
    that is None), for a non-empty character range, without building the Span."""
    starts, ends, reach = token_bounds(doc)
    first = _token_at(starts, reach, start_char)
    last = _token_at(starts, reach, end_char - 1)
    if first < 0 or last < 0:
        return None
    if start_char == ends[first]:  # on the first token's trailing space, as spaCy has it
        first += 1
    return first, last + 1


def _token_at(starts: list[int], reach: list[int], char: int) -> int:
    i = bisect.bisect_right(starts, char) - 1
    return i if i >= 0 and char < reach[i] else -1


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
