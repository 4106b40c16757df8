"""Looking after the cache: what it holds (``cache_info``) and removing entries by age, by a size
cap or because they were made by another extractor version (``prune_cache``)."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ...errors import CacheError
from . import file
from .db import ENTRY_TABLES, Cache, default_cache_path

_DAY = 86_400.0


@dataclass(frozen=True)
class CacheInfo:
    """What a cache file holds. ``stale_*`` count entries made by another extractor version,
    which this version never reads."""

    path: Path
    size_bytes: int
    documents: int
    analyses: int
    stale_documents: int
    stale_analyses: int
    oldest: float | None
    newest: float | None
    extractor: str

    def lines(self) -> list[str]:
        """The info as lines for a person to read."""
        def when(stamp: float | None) -> str:
            return time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp)) if stamp else "-"

        return [f"cache: {self.path}", f"size: {self.size_bytes / 1_048_576:.1f} MB",
                f"documents: {self.documents} ({self.stale_documents} from other extractor versions)",
                f"analyses: {self.analyses} ({self.stale_analyses} from other extractor versions)",
                f"oldest entry: {when(self.oldest)}", f"newest entry: {when(self.newest)}",
                f"this extractor version: {self.extractor}"]


def _size(path: Path) -> int:
    return sum(os.path.getsize(p) for p in (path, Path(f"{path}-wal")) if p.exists())


@contextmanager
def _existing(path: str | os.PathLike | None) -> Iterator[Cache]:
    """The cache at ``path``, open. Damage met on the way is ``CacheError`` (the file moved
    aside, as a run does); its message names SQLite's result code, never stored text."""
    where = Path(path) if path else default_cache_path()
    if not where.exists():
        raise CacheError(f"There is no cache at {where} (the first 'resumematch rank' makes it)")
    with Cache(where) as cache:
        try:
            yield cache
        except (sqlite3.Error, ValueError) as exc:
            if not file.is_damage(exc):
                raise CacheError(f"Cannot use the cache {where}: {file.reason(exc)}") from None
            raise CacheError(f"The cache {where} is damaged ({file.reason(exc)}); it was moved to "
                             f"{cache.move_aside()} (the next run starts a new one)") from None


def cache_info(path: str | os.PathLike | None = None) -> CacheInfo:
    """What the cache at ``path`` (default: the user cache folder) holds."""
    with _existing(path) as cache:
        one = cache.conn.execute
        counts = {}
        for table in ("documents", "analyses"):
            counts[table] = one(f"SELECT COUNT(*), SUM(extractor != ?), MIN(created), MAX(created) FROM {table}",
                                (cache.extractor,)).fetchone()
        stamps = [v for t in counts.values() for v in t[2:] if v]
        return CacheInfo(cache.path, _size(cache.path), counts["documents"][0], counts["analyses"][0],
                         counts["documents"][1] or 0, counts["analyses"][1] or 0,
                         min(stamps) if stamps else None, max(stamps) if stamps else None, cache.extractor)


def prune_cache(path: str | os.PathLike | None = None, *, older_than_days: float | None = None,
                max_mb: float | None = None, stale: bool = False) -> int:
    """Remove entries written more than ``older_than_days`` ago, entries of other extractor
    versions (``stale``), then the oldest entries until what is left fits in ``max_mb``; the file
    is compacted. Returns how many entries were removed."""
    with _existing(path) as cache:
        conn = cache.conn
        before = _count(conn)
        with conn:
            for table in ENTRY_TABLES:
                if older_than_days is not None:
                    conn.execute(f"DELETE FROM {table} WHERE created < ?", (time.time() - older_than_days * _DAY,))
                if stale:
                    conn.execute(f"DELETE FROM {table} WHERE extractor != ?", (cache.extractor,))
            if max_mb is not None:
                _fit(conn, int(max_mb * 1_048_576))
        removed = before - _count(conn)
        if removed:
            conn.execute("VACUUM")
        return removed


def _count(conn) -> int:
    return sum(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ENTRY_TABLES)


def _fit(conn, budget: int) -> None:
    """Keep the newest entries whose stored size adds up to ``budget`` bytes; drop the rest."""
    rows = conn.execute("SELECT 'documents', rowid, created, LENGTH(document) + 200 FROM documents UNION ALL "
                        "SELECT 'analyses', rowid, created, LENGTH(analysis) + 100 FROM analyses UNION ALL "
                        "SELECT 'facts', rowid, created, LENGTH(facts) + 100 FROM facts "
                        "ORDER BY 3 DESC").fetchall()
    used = 0
    for table, rowid, _, size in rows:
        used += size
        if used > budget:
            conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))
