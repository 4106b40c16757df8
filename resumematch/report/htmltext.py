"""Text that the HTML report may show: neutralised, redacted, highlighted, explained.

Resume text is written by the people being screened, so every string passes ``neutral``
(bidirectional overrides made visible, control characters dropped) and, in blind mode, a
``Redactor`` before the template escapes it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from pathlib import PurePath, PureWindowsPath

from markupsafe import Markup

from ..types import DOC_STATUS_MEANING

# Bidirectional embeddings, overrides and isolates, and the marks: shown as [U+202E], never obeyed.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
REDACTED = "[redacted]"


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


class Redactor:
    """Replaces every known name, email, phone and file name/path with ``[redacted]``.

    Whole values and each word of a name are replaced case-insensitively wherever they stand
    alone, so "MARIA OKAFOR" and "Maria led" are caught as well as "Maria Okafor".
    """

    def __init__(self, names: Iterable[object] = (), contacts: Iterable[object] = (),
                 files: Iterable[object] = ()) -> None:
        values: set[str] = set()
        for name in filter(present, names):
            values.add(str(name).strip())
            values.update(w for w in re.split(r"[\s,]+", str(name)) if len(w.strip(".")) >= 2)
        values.update(str(c).strip() for c in filter(present, contacts))
        for file in filter(present, files):
            path = str(file).strip()
            for p in (PurePath(path), PureWindowsPath(path)):
                values.update({path, p.name, p.stem} - {""})
        values = {v for v in values if len(v) >= 2}
        self.values = frozenset(values)
        alternatives = _trie_pattern({v.lower() for v in values})
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if values else None

    def __call__(self, value: object) -> object:
        if self._pattern is None or not isinstance(value, str) or isinstance(value, Markup):
            return value
        return self._pattern.sub(REDACTED, value)


def _trie_pattern(words: set[str]) -> str:
    """One regular expression for ``words`` shaped as a prefix tree, so thousands of names are
    matched in one pass instead of trying each alternative at every position."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(c) + pattern(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        if ends:  # a shorter word ends here; the longer one is tried first (greedy)
            body = (body if len(branches) > 1 else "(?:" + body + ")") + "?"
        return body

    return pattern(trie)


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
    if name == "hidden_text":
        return (f"The file hides {detail or 'some'} characters that a reader cannot see (white on white, "
                "tiny or off the page). They were left out of the analysis and earned nothing.")
    if name == "keyword_stuffing":
        return ("A line lists credential keywords with no issuer, school, date or sentence around them; "
                "findings on that line count little.")
    if name == "injection_text":
        return ("The resume contains text aimed at an automated screener (such as \u201cignore previous "
                "instructions\u201d). Nothing obeys it and it earned nothing; a person should read it.")
    if name == "ocr":
        return (f"Page(s) {detail or '?'} had no text layer (a scan or a photo) and were read by OCR; "
                "a misread word can hide evidence, so check the file before rejecting the candidate.")
    if name == "duplicate_of":
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
