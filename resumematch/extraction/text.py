"""Plain text and Markdown: decode with the right encoding, then normalise."""

from __future__ import annotations

import codecs
import re

from ..types import DocStatus
from .document import Document, assemble, failed
from .normalize import normalize

# UTF-32 first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data``; returns the text and the encoding that was used.

    A byte-order mark wins; then strict UTF-8; then cp1252, the encoding of
    text saved by older Windows editors (undecodable bytes become U+FFFD).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


_MD_HEADING = re.compile(r"(?m)^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_MD_LIST = re.compile(r"(?m)^\s*[*+-]\s+")
_MD_TABLE_RULE = re.compile(r"(?m)^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_TABLE_EDGE = re.compile(r"(?m)^\s*\|\s*|\s*\|\s*$")


def strip_markdown(text: str) -> str:
    """Drop Markdown markup that would hide headings and dates: #, emphasis, list marks, table rules.

    Harmless on plain text, which rarely starts lines with these marks.
    """
    text = _MD_HEADING.sub("", text)
    text = _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(3), text)
    text = _MD_LIST.sub("• ", text)
    text = _MD_TABLE_RULE.sub("", text)
    return _MD_TABLE_EDGE.sub("", text)


#: A field break inside a line: a tab, or two or more spaces.
_FIELD_BREAK = re.compile(r"[ \t]*\t[ \t]*| {2,}")
#: A line this long, with at least this many field breaks, is a whole document flattened onto
#: one line ("Sample Resume  Jane Doe  12 Main St  Phone: ...  Objective  ..."), as web and
#: database exports write them.
FLATTENED_MIN_CHARS = 200
FLATTENED_MIN_BREAKS = 4


def restore_fields(text: str) -> tuple[str, int]:
    """Put each field of a flattened one-line export on a line of its own; other lines are kept.

    Returns the text and how many lines were restored. Normalisation collapses runs of spaces,
    so without this the breaks between a name, a street and a heading would be lost.
    """
    lines, restored = [], 0
    for line in text.split("\n"):
        if len(line) >= FLATTENED_MIN_CHARS and len(_FIELD_BREAK.findall(line)) >= FLATTENED_MIN_BREAKS:
            line = _FIELD_BREAK.sub("\n", line)
            restored += 1
        lines.append(line)
    return "\n".join(lines), restored


def extract_text_file(data: bytes, fmt: str = "txt") -> Document:
    """Extract a TXT or Markdown file; pages are split at form feeds."""
    text, encoding = decode(data)
    warnings = () if encoding.startswith("utf") else (
        f"The file is not UTF-8; it was read as {encoding}.",)
    text, restored = restore_fields(text)
    if restored:
        warnings += ("The text is a one-line export; its fields, set apart by runs of spaces, were put "
                     "on lines of their own.",)
    pages = [normalize(strip_markdown(page)) for page in text.split("\f")]
    if not any(pages):
        return failed(fmt, DocStatus.NO_TEXT, "The file contains only white space.")
    return assemble(pages, fmt, warnings=warnings, meta={"encoding": encoding})
