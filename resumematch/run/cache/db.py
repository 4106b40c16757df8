"""An embedded SQLite cache of extracted documents, keyed by content hash and extractor version,
of analyses, keyed by content hash and the matching part of the model, and of each file's facts
(its findings and file-level rows, ready for the evidence table; ``score.facts``).

Re-ranking the same files against another model skips extraction; re-ranking with
other weights also skips analysis, so it only re-scores. WAL mode, a busy timeout, first-open work
inside ``BEGIN IMMEDIATE`` and a new cache linked into place whole (``file``) let runs
share one cache, also two first runs on a fresh path. A cache file carries our SQLite application
id: a path that is a folder or a file that is not ours is refused (``CacheError``) and left alone.
A cache of ours that is damaged is moved aside, with one warning: at open (it fails its integrity
check, which runs once per extractor version, so opening costs the same whatever the cache's size)
it is rebuilt at once; later, wherever a read or a write finds damage, the run goes on without a
cache, as with ``--no-cache``. The first open by a new version also prunes entries of other
versions once the file passes ``auto_prune_mb``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from platformdirs import user_cache_dir

from ...analyze.values import Analysis
from ...errors import CacheError, ResumeMatchWarning
from ...extraction import EXTRACTOR_VERSION, Document
from ...types import DocStatus
from . import file
from .file import APPLICATION_ID, ENTRY_TABLES

#: The table layout; a cache with a lower ``user_version`` is migrated on open.
SCHEMA_VERSION = 2
#: Past this size, the first open by a new extractor version drops entries of other versions.
AUTO_PRUNE_MB = 512
T = TypeVar("T")

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
# Columns added in schema 2, for caches written before it (their entries date from the migration).
_MIGRATIONS = (("documents", "created REAL NOT NULL DEFAULT 0"), ("analyses", "created REAL NOT NULL DEFAULT 0"),
               ("analyses", "extractor TEXT NOT NULL DEFAULT ''"), ("facts", "created REAL NOT NULL DEFAULT 0"),
               ("facts", "extractor TEXT NOT NULL DEFAULT ''"))


def default_cache_path() -> Path:
    """``extractions.sqlite`` in the user's cache directory."""
    return Path(user_cache_dir("resumematch")) / "extractions.sqlite"


class Cache:
    """Documents by (sha256, extractor version, options key). Use as a context manager.

    ``readonly=True`` opens an existing cache for reading only, with no checks: that is how
    worker processes read documents the parent found there. Once a read or a write has found the
    file damaged (or SQLite could not answer), ``conn`` is None: every lookup misses and nothing
    is written, for the rest of this run."""

    def __init__(self, path: str | Path | None = None, *, extractor: str = EXTRACTOR_VERSION,
                 readonly: bool = False, auto_prune_mb: int = AUTO_PRUNE_MB) -> None:
        self.path = Path(path) if path else default_cache_path()
        self.extractor = extractor
        self.auto_prune_mb = auto_prune_mb
        self.hits = self.misses = 0
        self.readonly = readonly
        self._inode: int | None = None  # of the file opened, so only that one is ever moved aside
        self.conn: sqlite3.Connection | None = self._reader() if readonly else self._open()

    def _reader(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        except sqlite3.Error as exc:
            raise CacheError(f"Cannot read the cache {self.path}: {file.reason(exc)}") from None
        conn.text_factory = file.strict_text
        return conn

    def _open(self) -> sqlite3.Connection:
        file.refuse_what_is_not_ours(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheError(f"Cannot create the cache folder {self.path.parent}: {exc}") from None
        try:
            return self._connect()
        except (sqlite3.Error, ValueError) as exc:
            if not file.is_damage(exc):
                raise CacheError(f"Cannot use the cache {self.path}: {file.reason(exc)}") from None
            broken = file.move_aside(self.path, self._inode)
            warnings.warn(f"The cache {self.path} was damaged ({file.reason(exc)}); it was moved to {broken} "
                          "and rebuilt.", ResumeMatchWarning, stacklevel=3)
            return self._connect()

    def _prepare(self, conn: sqlite3.Connection) -> None:
        """Give a new or older cache its journal mode, id, tables and columns. Every step is
        idempotent and runs inside one write transaction, so two processes doing it at once
        cannot trip over each other."""
        conn.execute("PRAGMA journal_mode=WAL")  # persistent, so this is a no-op after the first time
        with file.immediate(conn):
            for statement in _SCHEMA.split(";"):
                conn.execute(statement)
            for table, column in _MIGRATIONS:
                present = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
                if column.split()[0] not in present:
                    conn.execute(f"ALTER TABLE {table} ADD COLUMN {column}")
            if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                for table in ENTRY_TABLES:
                    conn.execute(f"UPDATE {table} SET created=? WHERE created=0", (time.time(),))
                conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")

    def _connect(self) -> sqlite3.Connection:
        try:
            if not self.path.exists():
                file.create(self.path, self._prepare)
            self._inode = os.stat(self.path).st_ino
        except OSError as exc:
            raise CacheError(f"Cannot create the cache {self.path}: {exc}") from None
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.text_factory = file.strict_text
        try:
            # A cache can lose its last writes in a power cut, never its consistency (WAL).
            conn.execute("PRAGMA synchronous=NORMAL")
            if (conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION
                    or conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID):
                self._prepare(conn)  # a cache written before schema 2 or before the id
            if self._unchecked(conn):
                with file.immediate(conn):
                    if self._unchecked(conn):  # another process may have checked it meanwhile
                        self._first_open_by_this_version(conn)
        except (sqlite3.Error, ValueError):
            conn.close()
            raise
        return conn

    def _unchecked(self, conn: sqlite3.Connection) -> bool:
        checked = conn.execute("SELECT value FROM meta WHERE key='checked'").fetchone()
        return checked is None or checked[0] != self.extractor

    def _first_open_by_this_version(self, conn: sqlite3.Connection) -> None:
        """The integrity check, and entries of other extractor versions dropped once the file has
        passed ``auto_prune_mb``: once per extractor version, so later opens cost nothing."""
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("integrity check failed")
        pages = conn.execute("PRAGMA page_count").fetchone()[0] - conn.execute("PRAGMA freelist_count").fetchone()[0]
        if pages * conn.execute("PRAGMA page_size").fetchone()[0] > self.auto_prune_mb * 1_048_576:
            for table in ENTRY_TABLES:
                conn.execute(f"DELETE FROM {table} WHERE extractor != ?", (self.extractor,))
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('checked', ?)", (self.extractor,))

    def _read(self, sql: str, params: tuple, decode: Callable[[str], T]) -> T | None:
        """The one stored value ``sql`` selects, decoded; None when there is none, or when the
        cache is damaged or unusable (then given up, see ``_give_up``)."""
        if self.conn is None:
            return None
        try:
            row = self.conn.execute(sql, params).fetchone()
            return decode(row[0]) if row is not None else None
        except Exception as exc:
            self._give_up(exc)
            return None

    def _write(self, sql: str, params: tuple) -> None:
        if self.conn is None:
            return
        try:
            self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            self._give_up(exc)

    def _give_up(self, exc: Exception) -> None:
        """Stop using the cache for this run, with one warning: a damaged file is moved aside (the
        next run starts a new one); when SQLite only could not answer (locked, disk full), it is
        left in place. Re-raises what is neither, a bug."""
        damaged = file.is_damage(exc)
        if not damaged and not isinstance(exc, sqlite3.OperationalError):
            raise exc
        self.close()
        if self.readonly:
            return  # a worker's reader: the parent reads and writes the same file, notices and says so
        if damaged:
            try:
                where = f"it was moved to {self.move_aside()}"
            except OSError as err:  # e.g. still open elsewhere on Windows
                where = f"it could not be moved aside ({err.strerror}); delete it"
            warnings.warn(f"The cache {self.path} is damaged ({file.reason(exc)}); {where}, and this run goes "
                          "on without a cache.", ResumeMatchWarning, stacklevel=4)
        else:
            warnings.warn(f"The cache {self.path} could not be used ({file.reason(exc)}); this run goes on "
                          "without it.", ResumeMatchWarning, stacklevel=4)

    def move_aside(self) -> Path:
        """Close this cache and move its file to ``PATH.corrupt`` (unless another run already
        has); returns that path. The next open starts a new cache."""
        self.close()
        return file.move_aside(self.path, self._inode)

    def get(self, sha256: str, options: str) -> Document | None:
        doc = self._read("SELECT document FROM documents WHERE sha256=? AND extractor=? AND options=?",
                         (sha256, self.extractor, options), lambda text: Document.from_dict(json.loads(text)))
        if doc is None:
            self.misses += 1
            return None
        self.hits += 1
        return doc

    def put(self, document: Document, options: str) -> None:
        """Store ``document`` (statuses that depend on time limits, not content, are not stored)."""
        if document.status in (DocStatus.TIMEOUT, DocStatus.ERROR) or not document.sha256:
            return
        data = document.to_dict()
        data["source"] = None
        self._write("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?)",
                    (document.sha256, self.extractor, options, json.dumps(data), time.time()))

    def get_analysis(self, sha256: str, key: str) -> Analysis | None:
        """The analysis of the document ``sha256`` made under analysis key ``key``, if stored."""
        return self._read("SELECT analysis FROM analyses WHERE sha256=? AND key=?", (sha256, key), Analysis.from_json)

    def put_analysis(self, sha256: str, key: str, analysis: Analysis) -> None:
        self._write("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?, ?)",
                    (sha256, key, analysis.to_json(), time.time(), self.extractor))

    def get_facts(self, sha256: str, key: str) -> list | None:
        """A file's facts rows (``score.facts``: JSON arrays in the layout of ``FACTS_VERSION``,
        which is part of ``key``), as stored under ``key``, or None."""
        found = self._read("SELECT facts FROM facts WHERE sha256=? AND key=?", (sha256, key), _facts)
        if found is not None:
            self.hits += 1
        return found

    def put_facts(self, sha256: str, key: str, facts: list) -> None:
        self._write("INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?, ?)",
                    (sha256, key, json.dumps(facts, ensure_ascii=False, separators=(",", ":")),
                     time.time(), self.extractor))

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _facts(text: str) -> list:
    facts = json.loads(text)
    if not isinstance(facts, list) or not all(isinstance(row, list) for row in facts):
        raise TypeError("stored facts are not a list of rows")
    return facts
