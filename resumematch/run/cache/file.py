"""The cache as a file: whether a path holds a cache of ours, making a new one in one step, and
moving a damaged one aside. ``db`` uses these; nothing here reads entries.

A cache runs in WAL mode, so what SQLite reports and what the main file's header says can differ:
after a run killed before its first checkpoint, the header of the main file still reads
application id 0 while the id sits in the ``-wal`` file. Whether a file is ours is therefore asked
of SQLite through a read-only connection, which reads both.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ...errors import CacheError

#: Written into every cache file's header (``PRAGMA application_id``): "RMch".
APPLICATION_ID = 0x524D6368
#: The tables of a cache made before the application id existed; such a file is adopted.
LEGACY_TABLES = {"documents", "analyses"}
ENTRY_TABLES = ("documents", "analyses", "facts")
_SQLITE_MAGIC = b"SQLite format 3\x00"
# SQLite's result codes that mean the file itself is damaged; sqlite3 raises them as plain
# DatabaseError, unlike "locked" or "disk full" (OperationalError), which say nothing of the file.
_DAMAGE_CODES = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}


def is_damage(exc: BaseException) -> bool:
    """Whether ``exc``, raised while reading a cache, means the file is damaged: SQLite finds it
    malformed, or a stored entry no longer decodes (bad UTF-8, bad JSON, a wrong shape)."""
    if isinstance(exc, sqlite3.Error):
        return type(exc) is sqlite3.DatabaseError or getattr(exc, "sqlite_errorname", None) in _DAMAGE_CODES
    return isinstance(exc, (ValueError, KeyError, TypeError, AttributeError, IndexError))


def reason(exc: BaseException) -> str:
    """A few words on why a cache could not be used, naming SQLite's result code or the kind of
    decoding error, never the exception's text (SQLite and the JSON decoder quote stored data)."""
    code = getattr(exc, "sqlite_errorname", None)
    if code:
        return f"SQLite reports {code}"
    if isinstance(exc, sqlite3.Error):
        return "it fails SQLite's integrity check"
    return f"a stored entry does not decode ({type(exc).__name__})"


def strict_text(data: bytes) -> str:
    """SQLite text as ``str``, failing with ``UnicodeDecodeError`` (sqlite3's own decoding quotes
    the undecodable text, a resume's, in its error message)."""
    return data.decode("utf-8")


def refuse_what_is_not_ours(path: Path) -> None:
    """Raise ``CacheError`` when ``path`` is a folder, or a file that is not a cache of ours: not
    an SQLite database, or one whose application id (as SQLite reports it, WAL included) is not
    ours and whose tables are not those of a cache made before the id. A missing path passes."""
    if path.is_dir():
        raise CacheError(f"The cache path {path} is a folder; give a file path such as "
                         f"{path / 'resumematch.sqlite'} (a folder is never used or moved)")
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise CacheError(f"Cannot read the cache {path}: {exc.strerror}") from None
    not_ours = (f"{path} is not a resumematch cache, so it was left alone (give another --cache path, "
                "or delete the file if it is yours to delete)")
    if not head.startswith(_SQLITE_MAGIC) or len(head) < 72:
        raise CacheError(not_ours)
    if int.from_bytes(head[68:72], "big") == APPLICATION_ID:
        return  # the id never changes, so a header that has it is enough (even if pages are damaged)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except sqlite3.Error:
        raise CacheError(not_ours) from None
    if app_id != APPLICATION_ID and not LEGACY_TABLES <= tables <= set(ENTRY_TABLES):
        raise CacheError(not_ours)


def create(path: Path, prepare: Callable[[sqlite3.Connection], None]) -> None:
    """Make a new cache at ``path`` in one step: ``prepare`` builds it under a temporary name,
    which is then hard-linked into place. Another process therefore never sees a cache half made
    (an empty file, or one without its id yet); when one made it first, its cache is kept."""
    temp = path.with_name(f"{path.name}.new-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        conn = sqlite3.connect(temp, isolation_level=None)
        try:
            prepare(conn)
        finally:
            conn.close()  # the last connection checkpoints: the main file holds everything
        try:
            os.link(temp, path)
        except FileExistsError:
            pass  # another run made it first
        except OSError:  # a file system without hard links: a rename, with a short race left
            if not path.exists():
                os.replace(temp, path)
    finally:
        for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
            leftover.unlink(missing_ok=True)


def move_aside(path: Path, inode: int | None = None) -> Path:
    """Move a damaged cache to ``PATH.corrupt`` (its ``-wal`` with it, so the copy stays whole)
    and return that path. With ``inode``, only the file opened then is moved: when another run
    has already moved it and made a new cache, the new one stays."""
    broken = path.with_name(path.name + ".corrupt")
    try:
        if inode is not None and path.stat().st_ino != inode:
            return broken
        path.replace(broken)
    except FileNotFoundError:
        return broken
    wal = Path(f"{path}-wal")
    if wal.exists():
        wal.replace(Path(f"{broken}-wal"))
    else:
        Path(f"{broken}-wal").unlink(missing_ok=True)
    Path(f"{path}-shm").unlink(missing_ok=True)
    Path(f"{broken}-shm").unlink(missing_ok=True)
    return broken


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[None]:
    """A write transaction taken at once (``BEGIN IMMEDIATE``): a second process waits for it
    (busy timeout) instead of failing when both read first and then try to write."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
