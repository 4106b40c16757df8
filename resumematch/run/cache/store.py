"""The parent's side of the cache in a batch: what is already known about a file, and keeping what is new;
the keys a file is known by (its content hash, the extraction options)."""

from __future__ import annotations

import hashlib
import stat
from dataclasses import asdict, replace
from pathlib import Path

from ...analyze.values import Analysis
from ...extraction import Document, ExtractOptions
from .db import Cache

#: What a batch yields per file, and what the store finds and keeps: its document and, when an
#: analyzer was given and the document has text, its analysis.
Item = tuple[Document, Analysis | None]


def file_sha256(path: Path) -> str | None:
    """Content hash of a regular file, or None when it is unreadable or not a regular file
    (reading a FIFO or a device would block the caller)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def options_key(options: ExtractOptions) -> str:
    """The part of the options that changes extraction output (the password is left out)."""
    data = asdict(options)
    data.pop("password", None)
    return hashlib.sha256(repr(sorted(data.items())).encode()).hexdigest()[:16]


class Store:
    """The parent's side of the cache: finds what is known about a file, keeps what is new."""

    def __init__(self, cache: Cache | None, options: ExtractOptions, analysis_key: str | None) -> None:
        # A run with a password neither reads the cache (a file cached as "encrypted" must be
        # opened again) nor writes it (decrypted text must not reach a run without the password).
        self.cache = cache if not options.password else None
        self.options_key = options_key(options)
        self.analysis_key = None  # documents only
        if analysis_key is not None:
            # An analysis is of one document: another extractor or other options may give other
            # text, so they are part of its key (and the storage format, version 2).
            extractor = cache.extractor if cache is not None else ""
            parts = f"{analysis_key}|{extractor}|{self.options_key}|2"
            self.analysis_key = hashlib.sha256(parts.encode()).hexdigest()[:24]

    def find(self, path: Path) -> tuple[Item | None, Document | None]:
        """``(item, None)`` when the cache holds all that is needed for ``path``; ``(None, doc)``
        when it holds only the document, still to be analysed; else ``(None, None)``."""
        sha = file_sha256(path) if self.cache is not None else None
        doc = self.cache.get(sha, self.options_key) if sha else None
        if doc is None:
            return None, None
        doc = replace(doc, source=str(path))
        if self.analysis_key is None or not doc.ok:
            return (doc, None), None
        analysis = self.cache.get_analysis(sha, self.analysis_key)
        return ((doc, analysis), None) if analysis is not None else (None, doc)

    def keep(self, item: Item, document_cached: bool) -> Item:
        doc, analysis = item
        if self.cache is not None:
            if not document_cached:
                self.cache.put(doc, self.options_key)
            if analysis is not None and self.analysis_key is not None and doc.sha256:
                self.cache.put_analysis(doc.sha256, self.analysis_key, analysis)
        return item
