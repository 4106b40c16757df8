"""An embedded SQLite cache of extracted documents, keyed by content hash and extractor version,
of analyses, keyed by content hash and the matching part of the model, and of each file's facts
(its findings and file-level rows, ready for the evidence table; ``score.facts``).

Re-ranking the same files against another model skips extraction; re-ranking with
other weights also skips analysis, so it only re-scores. WAL mode and short transactions let two
runs share one cache; a file that is not a valid cache is moved aside and rebuilt, with a warning.
"""

from __future__ import annotations

import json
import sqlite3
import warnings
from pathlib import Path

from platformdirs import user_cache_dir

from ..analyze.values import Analysis
from ..errors import CacheError
from ..extract import EXTRACTOR_VERSION, Document

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT NOT NULL,
    extractor TEXT NOT NULL,
    options TEXT NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (sha256, extractor, options)
);
CREATE TABLE IF NOT EXISTS analyses (
    sha256 TEXT NOT NULL,
    key TEXT NOT NULL,
    analysis TEXT NOT NULL,
    PRIMARY KEY (sha256, key)
);
CREATE TABLE IF NOT EXISTS facts (
    sha256 TEXT NOT NULL,
    key TEXT NOT NULL,
    facts TEXT NOT NULL,
    PRIMARY KEY (sha256, key)
)"""


def default_cache_path() -> Path:
    """``extractions.sqlite`` in the user's cache directory."""
    return Path(user_cache_dir("resumematch")) / "extractions.sqlite"


class Cache:
    """Documents by (sha256, extractor version, options key). Use as a context manager.

    ``readonly=True`` opens an existing cache for reading only, with no checks: that is how
    worker processes read documents the parent found there."""

    def __init__(self, path: str | Path | None = None, *, extractor: str = EXTRACTOR_VERSION,
                 readonly: bool = False) -> None:
        self.path = Path(path) if path else default_cache_path()
        self.extractor = extractor
        self.hits = self.misses = 0
        self.conn = self._reader() if readonly else self._open()

    def _reader(self) -> sqlite3.Connection:
        try:
            return sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        except sqlite3.Error as exc:
            raise CacheError(f"Cannot read the cache {self.path}: {exc}") from None

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheError(f"Cannot create the cache folder {self.path.parent}: {exc}") from None
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            broken = self.path.with_name(self.path.name + ".corrupt")
            warnings.warn(f"The cache {self.path} was unreadable ({exc}); it was moved to {broken} "
                          "and rebuilt.", RuntimeWarning, stacklevel=3)
            self.path.replace(broken)
            for suffix in ("-wal", "-shm"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            # A cache can lose its last writes in a power cut, never its consistency (WAL).
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA busy_timeout=30000")
            conn.executescript(_SCHEMA)
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("integrity check failed")
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def get(self, sha256: str, options: str) -> Document | None:
        row = self.conn.execute(
            "SELECT document FROM documents WHERE sha256=? AND extractor=? AND options=?",
            (sha256, self.extractor, options)).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return Document.from_dict(json.loads(row[0]))

    def put(self, document: Document, options: str) -> None:
        """Store ``document`` (statuses that depend on time limits, not content, are not stored)."""
        if document.status in ("timeout", "error") or not document.sha256:
            return
        data = document.to_dict()
        data["source"] = None
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?)",
                              (document.sha256, self.extractor, options, json.dumps(data)))

    def get_analysis(self, sha256: str, key: str) -> Analysis | None:
        """The analysis of the document ``sha256`` made under analysis key ``key``, if stored."""
        row = self.conn.execute("SELECT analysis FROM analyses WHERE sha256=? AND key=?",
                                (sha256, key)).fetchone()
        return Analysis.from_json(row[0]) if row else None

    def put_analysis(self, sha256: str, key: str, analysis: Analysis) -> None:
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)",
                              (sha256, key, analysis.to_json()))

    def get_facts(self, sha256: str, key: str) -> list | None:
        """A file's facts rows (``score.facts``: JSON arrays in the layout of ``FACTS_VERSION``,
        which is part of ``key``), as stored under ``key``, or None."""
        row = self.conn.execute("SELECT facts FROM facts WHERE sha256=? AND key=?", (sha256, key)).fetchone()
        if row is None:
            return None
        self.hits += 1
        return json.loads(row[0])

    def put_facts(self, sha256: str, key: str, facts: list) -> None:
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO facts VALUES (?, ?, ?)",
                              (sha256, key, json.dumps(facts, ensure_ascii=False, separators=(",", ":"))))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
