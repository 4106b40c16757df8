"""Stage 1: a file or bytes in, a ``Document`` out. Knows nothing of spaCy.

``extract`` never raises because of a bad file: every failure becomes a
``Document`` with a ``status`` and a ``reason``. Wrong arguments still raise.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from ..types import DocStatus
from .document import STATUSES, Document, PageSpan, failed
from .ocr import PAGE_SECONDS
from .ocr import installed as ocr_installed
from .sniff import sniff
from .text import extract_text_file
from .zipsafe import ZipLimits


def _source_hash() -> str:
    digest = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:12]


#: Keys the extraction cache: the release number plus a hash of this package's code, so a cached
#: document is never served by an extractor other than the one that made it; "-ocr" when scanned
#: pages are read (a scan cached as ``no_text`` is read again once the extra is installed).
EXTRACTOR_VERSION = f"1-{_source_hash()}" + ("-ocr" if ocr_installed() else "")

_UNSUPPORTED = {
    "doc": "This is a legacy Word .doc file; save it as .docx or PDF.",
    "rtf": "This is an RTF file; save it as .docx, PDF or plain text.",
    "image": "This is an image, not a document; OCR is needed to read it.",
    "xlsx": "This is an Excel workbook, not a resume document.",
    "pptx": "This is a PowerPoint file, not a resume document.",
    "odf": "This is an OpenDocument file; save it as .docx or PDF.",
    "zip": "This is a zip archive, not a DOCX; unpack it first.",
    "gzip": "This is a compressed archive; unpack it first.",
    "rar": "This is a RAR archive; unpack it first.",
    "7z": "This is a 7-Zip archive; unpack it first.",
    "binary": "This is a binary file of an unknown format.",
}


@dataclass(frozen=True)
class ExtractOptions:
    """Limits and secrets for extraction. ``max_bytes``/``max_pages`` of 0 mean no limit;
    ``ocr_seconds`` caps the OCR of one scanned page (0: no cap but the file's own time limit)."""

    max_bytes: int = 20 * 1024 * 1024
    max_pages: int = 40
    password: str = ""
    zip_limits: ZipLimits = ZipLimits()
    ocr_seconds: float = PAGE_SECONDS


def extract(source: str | os.PathLike | bytes, *, password: str | None = None,
            options: ExtractOptions | None = None) -> Document:
    """Read a resume from a path or from bytes and return its ``Document``.

    The format is detected from the content. Unreadable input gives a document
    whose ``status`` says why (see ``STATUSES``); it does not raise.
    """
    options = options or ExtractOptions()
    if password is not None:
        options = replace(options, password=password)
    name = None
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name = str(path)
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
                return failed("unknown", DocStatus.ERROR, "This is not a regular file (a pipe, socket or "
                              "device); it was not read.", source=name)
            size = info.st_size
            if options.max_bytes and size > options.max_bytes:
                return failed("unknown", DocStatus.TOO_LARGE, _too_large(size, options.max_bytes), source=name)
            data = path.read_bytes()
        except FileNotFoundError:
            return failed("unknown", DocStatus.ERROR, "The file does not exist.", source=name)
        except IsADirectoryError:
            return failed("unknown", DocStatus.ERROR, "This is a folder, not a file.", source=name)
        except PermissionError:
            return failed("unknown", DocStatus.ERROR, "The file cannot be read (permission denied).", source=name)
        except OSError as exc:
            return failed("unknown", DocStatus.ERROR, f"The file cannot be read ({exc.strerror}).", source=name)
    else:
        raise TypeError(f"extract() takes a path or bytes, not {type(source).__name__}")
    doc = extract_bytes(data, options)
    return replace(doc, source=name)


def extract_bytes(data: bytes, options: ExtractOptions) -> Document:
    """Extract from bytes already in memory; the work behind ``extract``."""
    digest = hashlib.sha256(data).hexdigest()
    if not data:
        return failed("unknown", DocStatus.EMPTY, "The file is empty (0 bytes).", sha256=digest)
    if options.max_bytes and len(data) > options.max_bytes:
        return failed("unknown", DocStatus.TOO_LARGE, _too_large(len(data), options.max_bytes), sha256=digest)
    fmt = sniff(data)
    doc = _read(fmt, data, options)
    if doc.ok and len(doc.text) > Document.MAX_CHARS:
        doc = failed(fmt, DocStatus.TOO_LARGE, f"The text is {len(doc.text):,} characters long; the limit for one "
                     f"resume is {Document.MAX_CHARS:,}.")
    return replace(doc, sha256=digest)


def _read(fmt: str, data: bytes, options: ExtractOptions) -> Document:
    # pdfminer and python-docx load on first use (0.3 s): a run served from the cache needs neither.
    if fmt == "pdf":
        from .pdf import extract_pdf

        return extract_pdf(data, password=options.password, max_pages=options.max_pages,
                           ocr_seconds=options.ocr_seconds)
    if fmt == "docx":
        from .docx import extract_docx

        return extract_docx(data, options.zip_limits)
    if fmt == "txt":
        return extract_text_file(data)
    if fmt == "zip-corrupt":
        return failed("docx", DocStatus.CORRUPT, "The file looks like a DOCX/zip container but is damaged.")
    return failed(fmt, DocStatus.UNSUPPORTED, _UNSUPPORTED.get(fmt, f"The {fmt} format is not supported."))


def _too_large(size: int, cap: int) -> str:
    return f"The file is {size / 1_048_576:.1f} MB; the limit is {cap / 1_048_576:.1f} MB."


__all__ = ["EXTRACTOR_VERSION", "STATUSES", "Document", "ExtractOptions", "PageSpan", "extract",
           "extract_bytes"]
