"""Text that the HTML report may show: neutralised, redacted, highlighted, explained.

Resume text is written by the people being screened, so every string passes ``neutral``
(bidirectional overrides made visible, control characters dropped) and, in blind mode, the
``redact.Redactor`` before the template escapes it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from markupsafe import Markup

from ..types import DOC_STATUS_MEANING, Flag

# Bidirectional embeddings, overrides and isolates, and the marks: shown as [U+202E], never obeyed.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def neutral(value: object) -> object:
    """``value`` as the page may show it: a string loses control characters and shows bidi
    controls as ``[U+202E]``; ``Markup`` (built by this package) and numbers pass through."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return _BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", _CONTROL.sub("", value))


def present(value: object) -> bool:
    """False for None, NaN and blank strings (what a CSV read back gives for an empty cell)."""
    if value is None:
        return False
    if isinstance(value, float):
        return not math.isnan(value)
    return bool(str(value).strip())


def text(value: object) -> str:
    """``value`` as a string, empty for a missing cell."""
    return str(value) if present(value) else ""


def highlight(snippet: str, words: Iterable[str]) -> list[tuple[str, bool]]:
    """``snippet`` cut into (text, matched) pieces: the matched words found in it are marked,
    case-insensitively. Returns plain strings; the template escapes them."""
    words = sorted({w.strip() for w in words if w and w.strip()}, key=len, reverse=True)
    if not snippet or not words:
        return [(snippet, False)] if snippet else []
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    out, at = [], 0
    for m in pattern.finditer(snippet):
        if m.start() > at:
            out.append((snippet[at:m.start()], False))
        out.append((m.group(), True))
        at = m.end()
    if at < len(snippet):
        out.append((snippet[at:], False))
    return out


def explain_flag(flag: str) -> str:
    """One sentence that tells a recruiter what a flag of the ranked CSV means."""
    name, _, detail = flag.partition(":")
    if name == Flag.HIDDEN_TEXT:
        return (f"The file hides {detail or 'some'} characters that a reader cannot see (white on white, "
                "tiny or off the page). They were left out of the analysis and earned nothing.")
    if name == Flag.KEYWORD_STUFFING:
        return ("A line lists credential keywords with no issuer, school, date or sentence around them; "
                "findings on that line count little.")
    if name == Flag.INJECTION_TEXT:
        return ("The resume contains text aimed at an automated screener (such as \u201cignore previous "
                "instructions\u201d). Nothing obeys it and it earned nothing; a person should read it.")
    if name == Flag.UNREAD_DATES:
        return (f"The work history holds {detail or 'some'} year(s), but no date range (from - to) could be "
                "read, so the years of experience show 0; check the dates by hand.")
    if name == Flag.OCR:
        return (f"Page(s) {detail or '?'} had no text layer (a scan or a photo) and were read by OCR; "
                "a misread word can hide evidence, so check the file before rejecting the candidate.")
    if name == Flag.DUPLICATE_OF:
        return f"The file has the same content as {detail or 'another file'}, which is ranked above it."
    return f"Flag \u201c{flag}\u201d: see docs/security.md."


def status_meaning(status: str) -> str:
    """What a document status means, in a sentence."""
    try:
        return DOC_STATUS_MEANING[status]
    except KeyError:
        return ""


def years(value: object) -> str:
    """Years as the page shows them: ``9.5``, ``12``; empty when unknown."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return ""
    return "" if math.isnan(number) else f"{number:g}"


def looked_for(phrases: Iterable[str], limit: int = 12) -> str:
    """The phrases a missing requirement was looked for by, as one line."""
    phrases = [p for p in dict.fromkeys(phrases) if p]
    if not phrases:
        return ""
    shown = ", ".join(f"\u201c{p}\u201d" for p in phrases[:limit])
    return shown + (f" and {len(phrases) - limit} more" if len(phrases) > limit else "")
