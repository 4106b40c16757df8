"""Plain text and Markdown: decode with the right encoding, then normalise."""

from __future__ import annotations

import codecs
import re

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


def extract_text_file(data: bytes, fmt: str = "txt") -> Document:
    """Extract a TXT or Markdown file; pages are split at form feeds."""
    text, encoding = decode(data)
    warnings = () if encoding.startswith("utf") else (
        f"The file is not UTF-8; it was read as {encoding}.",)
    pages = [normalize(strip_markdown(page)) for page in text.split("\f")]
    if not any(pages):
        return failed(fmt, "no_text", "The file contains only white space.")
    return assemble(pages, fmt, warnings=warnings, meta={"encoding": encoding})
