"""An embedded SQLite cache of extracted documents, keyed by content hash and extractor version,
of analyses, keyed by content hash and the matching part of the model, and of each file's facts
(its findings and file-level rows, ready for the evidence table; ``score.facts``).

Re-ranking the same files against another model skips extraction; re-ranking with
other weights also skips analysis, so it only re-scores. WAL mode and short transactions let two
runs share one cache. A cache file carries our SQLite application id: a path that is a folder or
a file that is not ours is refused (``CacheError``) and left alone; only a cache of ours that
fails its integrity check is moved aside and rebuilt, with a warning. That check runs once per
extractor version, not on every open, so opening costs the same whatever the cache's size; the
first open by a new version also prunes entries of other versions once the file passes
``auto_prune_mb``.
"""

from __future__ import annotations

import json
import sqlite3
import time
import warnings
from pathlib import Path

from platformdirs import user_cache_dir

from ..analyze.values import Analysis
from ..errors import CacheError, ResumeMatchWarning
from ..extraction import EXTRACTOR_VERSION, Document
from ..types import DocStatus

#: Written into every cache file's header (``PRAGMA application_id``): "RMch".
APPLICATION_ID = 0x524D6368
#: The table layout; a cache with a lower ``user_version`` is migrated on open.
SCHEMA_VERSION = 2
#: Past this size, the first open by a new extractor version drops entries of other versions.
AUTO_PRUNE_MB = 512

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT NOT NULL,
    extractor TEXT NOT NULL,
    options TEXT NOT NULL,
    document TEXT NOT NULL,
    created REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (sha256, extractor, options)
);
CREATE TABLE IF NOT EXISTS analyses (
    sha256 TEXT NOT NULL,
    key TEXT NOT NULL,
    analysis TEXT NOT NULL,
    created REAL NOT NULL DEFAULT 0,
    extractor TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (sha256, key)
);
CREATE TABLE IF NOT EXISTS facts (
    sha256 TEXT NOT NULL,
    key TEXT NOT NULL,
    facts TEXT NOT NULL,
    created REAL NOT NULL DEFAULT 0,
    extractor TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (sha256, key)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"""
#: The tables that hold entries (each with ``created`` and ``extractor``), pruned alike.
ENTRY_TABLES = ("documents", "analyses", "facts")
# Columns added in schema 2, for caches written before it (their entries date from the migration).
_MIGRATIONS = (("documents", "created REAL NOT NULL DEFAULT 0"), ("analyses", "created REAL NOT NULL DEFAULT 0"),
               ("analyses", "extractor TEXT NOT NULL DEFAULT ''"), ("facts", "created REAL NOT NULL DEFAULT 0"),
               ("facts", "extractor TEXT NOT NULL DEFAULT ''"))
_SQLITE_MAGIC = b"SQLite format 3\x00"


def default_cache_path() -> Path:
    """``extractions.sqlite`` in the user's cache directory."""
    return Path(user_cache_dir("resumematch")) / "extractions.sqlite"


class Cache:
    """Documents by (sha256, extractor version, options key). Use as a context manager.

    ``readonly=True`` opens an existing cache for reading only, with no checks: that is how
    worker processes read documents the parent found there."""

    def __init__(self, path: str | Path | None = None, *, extractor: str = EXTRACTOR_VERSION,
                 readonly: bool = False, auto_prune_mb: int = AUTO_PRUNE_MB) -> None:
        self.path = Path(path) if path else default_cache_path()
        self.extractor = extractor
        self.auto_prune_mb = auto_prune_mb
        self.hits = self.misses = 0
        self.conn = self._reader() if readonly else self._open()

    def _reader(self) -> sqlite3.Connection:
        try:
            return sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        except sqlite3.Error as exc:
            raise CacheError(f"Cannot read the cache {self.path}: {exc}") from None

    def _open(self) -> sqlite3.Connection:
        self._refuse_what_is_not_ours()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheError(f"Cannot create the cache folder {self.path.parent}: {exc}") from None
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            broken = self.path.with_name(self.path.name + ".corrupt")
            warnings.warn(f"The cache {self.path} was unreadable ({exc}); it was moved to {broken} "
                          "and rebuilt.", ResumeMatchWarning, stacklevel=3)
            self.path.replace(broken)
            for suffix in ("-wal", "-shm"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            return self._connect()

    def _refuse_what_is_not_ours(self) -> None:
        """Raise ``CacheError`` when the path is a folder, or a file that is not a cache of ours
        (judged from its header, and for caches made before the application id, its tables)."""
        where = self.path
        if where.is_dir():
            raise CacheError(f"The cache path {where} is a folder; give a file path such as "
                             f"{where / 'resumematch.sqlite'} (a folder is never used or moved)")
        try:
            with open(where, "rb") as fh:
                head = fh.read(100)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise CacheError(f"Cannot read the cache {where}: {exc.strerror}") from None
        not_ours = (f"{where} is not a resumematch cache, so it was left alone (give another --cache path, "
                    "or delete the file if it is yours to delete)")
        if not head.startswith(_SQLITE_MAGIC) or len(head) < 72:
            raise CacheError(not_ours)
        if int.from_bytes(head[68:72], "big") == APPLICATION_ID:
            return
        try:  # written before the application id: ours if it holds exactly our tables
            conn = sqlite3.connect(f"{where.resolve().as_uri()}?mode=ro", uri=True)
            try:
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            finally:
                conn.close()
        except sqlite3.Error:
            raise CacheError(not_ours) from None
        if not {"documents", "analyses"} <= tables <= set(ENTRY_TABLES):
            raise CacheError(not_ours)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            # A cache can lose its last writes in a power cut, never its consistency (WAL).
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA busy_timeout=30000")
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.executescript(_SCHEMA)
            self._migrate(conn)
            checked = conn.execute("SELECT value FROM meta WHERE key='checked'").fetchone()
            if checked is None or checked[0] != self.extractor:
                self._first_open_by_this_version(conn)
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    @staticmethod
    def _migrate(conn: sqlite3.Connection) -> None:
        if conn.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
            return
        with conn:
            for table, column in _MIGRATIONS:
                present = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
                if column.split()[0] not in present:
                    conn.execute(f"ALTER TABLE {table} ADD COLUMN {column}")
            for table in ENTRY_TABLES:
                conn.execute(f"UPDATE {table} SET created=? WHERE created=0", (time.time(),))
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _first_open_by_this_version(self, conn: sqlite3.Connection) -> None:
        """The integrity check, and entries of other extractor versions dropped once the file has
        passed ``auto_prune_mb``: once per extractor version, so later opens cost nothing."""
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("integrity check failed")
        pages = conn.execute("PRAGMA page_count").fetchone()[0] - conn.execute("PRAGMA freelist_count").fetchone()[0]
        with conn:
            if pages * conn.execute("PRAGMA page_size").fetchone()[0] > self.auto_prune_mb * 1_048_576:
                for table in ENTRY_TABLES:
                    conn.execute(f"DELETE FROM {table} WHERE extractor != ?", (self.extractor,))
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('checked', ?)", (self.extractor,))

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
        if document.status in (DocStatus.TIMEOUT, DocStatus.ERROR) or not document.sha256:
            return
        data = document.to_dict()
        data["source"] = None
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?)",
                              (document.sha256, self.extractor, options, json.dumps(data), time.time()))

    def get_analysis(self, sha256: str, key: str) -> Analysis | None:
        """The analysis of the document ``sha256`` made under analysis key ``key``, if stored."""
        row = self.conn.execute("SELECT analysis FROM analyses WHERE sha256=? AND key=?",
                                (sha256, key)).fetchone()
        return Analysis.from_json(row[0]) if row else None

    def put_analysis(self, sha256: str, key: str, analysis: Analysis) -> None:
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?, ?)",
                              (sha256, key, analysis.to_json(), time.time(), self.extractor))

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
            self.conn.execute("INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?, ?)",
                              (sha256, key, json.dumps(facts, ensure_ascii=False, separators=(",", ":")),
                               time.time(), self.extractor))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
