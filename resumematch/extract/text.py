"""Plain text and Markdown: decode with the right encoding, then normalise."""

from __future__ import annotations

import codecs

from .document import Document, assemble, failed
from .normalize import normalize

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


def extract_text_file(data: bytes, fmt: str = "txt") -> Document:
    """Extract a TXT or Markdown file; pages are split at form feeds."""
    text, encoding = decode(data)
    warnings = () if encoding.startswith("utf") else (
        f"The file is not UTF-8; it was read as {encoding}.",)
    pages = [normalize(page) for page in text.split("\f")]
    if not any(pages):
        return failed(fmt, "no_text", "The file contains only white space.")
    return assemble(pages, fmt, warnings=warnings, meta={"encoding": encoding})
