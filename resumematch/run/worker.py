"""The worker's side of the pool: read and analyse one file at a time, whatever it holds.

Nothing a file does may end the worker's loop: every failure becomes the document's status.
"""

from __future__ import annotations

import gc
import os
import signal
import sqlite3
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Protocol

from ..analyze.values import Analysis
from ..errors import CacheError
from ..extraction import Document, ExtractOptions, extract
from ..extraction.document import failed
from ..types import DocStatus
from .cache import Cache, Item

#: The index of a worker's first message: it has started (or why it could not).
READY = -1


class Analyzes(Protocol):
    def analyze(self, document: Document) -> Analysis: ...


#: Builds the analyzer, once per worker (and once in-process with ``workers=0``). Where workers
#: are spawned rather than forked it must be picklable (a module-level function or ``partial``).
AnalyzerFactory = Callable[[], Analyzes]


def read_one(path: Path, cached: Document | None, options: ExtractOptions,
             analyzer: Analyzes | None, memory_mb: int = 0) -> Item:
    """Extract ``path`` (unless ``cached`` is its document) and analyse it with ``analyzer``.

    Whatever goes wrong becomes the document's status; nothing is raised. A document that was
    read but could not be analysed keeps its format and content hash."""
    stage, doc = "reading the file", None
    try:
        doc = cached or extract(path, options=options)
        if analyzer is None or not doc.ok:
            return doc, None
        stage = "analysing its text"
        return doc, analyzer.analyze(doc)
    except MemoryError:
        limit = f"more than {memory_mb} MB of memory" if memory_mb else "more memory than there is"
        status, reason = DocStatus.TOO_LARGE, f"{stage.capitalize()} needed {limit} (a decompression bomb?)."
    except Exception as exc:  # noqa: BLE001  a bug or a hostile file must not end the batch
        status, reason = DocStatus.ERROR, f"Unexpected error while {stage}: {type(exc).__name__}: {exc}"
    known = {"sha256": doc.sha256} if doc is not None else {}
    return failed(doc.format if doc is not None else "unknown", status, reason, source=str(path), **known), None


def size_kb(pid: int | str = "self") -> tuple[int, int]:
    """Resident size and address space of process ``pid`` (this one by default) in KiB; (0, 0)
    where /proc cannot tell."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            pages = fh.read().split()
        page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
        return int(pages[1]) * page_kb, int(pages[0]) * page_kb
    except (OSError, ValueError, IndexError):
        return 0, 0


def _cap_memory(extra_mb: int) -> None:
    try:
        import resource
    except ImportError:  # not on Windows
        return
    address_space = size_kb()[1]
    if address_space:  # unknown without /proc: no cap rather than a wrong one
        cap = (address_space + extra_mb * 1024) * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _release_free_heap() -> None:
    """Hand the heap memory freed since start-up back to the system (glibc only): building the
    analyzer frees some, and glibc would hold the freed pages for the worker's whole life (2 MB;
    7 MB when the occupation background was built in the worker itself, see ``catalog.apart``)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):
            pass  # not glibc (musl): nothing to release this way


_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent_pid: int, alive: Connection, close_fd: int) -> None:
    """End this worker when its parent ends, however it ends (even by SIGKILL).

    On Linux the kernel sends SIGKILL when the parent dies (``PR_SET_PDEATHSIG``); everywhere a
    thread waits for the end of the ``alive`` pipe, whose writing end only the parent holds: when
    the parent is gone, the read sees EOF within milliseconds. The worker also lets go of the
    caller's stdout and stderr, so a script that waits for ``rank``'s output never waits for an
    orphan.
    """
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the pipe below still ends us
    if close_fd >= 0:  # forked: the parent's writing end came along; only the parent may hold it
        os.close(close_fd)
    if os.getppid() != parent_pid:  # the parent died before we were watching
        os._exit(0)

    def watch() -> None:
        try:
            alive.recv_bytes()
        except (EOFError, OSError):
            pass
        os._exit(0)

    threading.Thread(target=watch, name="resumematch-parent-watch", daemon=True).start()
    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)


def work(conn: Connection, options: ExtractOptions, memory_mb: int,
         factory: AnalyzerFactory | None, cache_path: str | None, cache_key: tuple[str, str],
         parent: tuple[int, Connection, int]) -> None:
    """A worker process's loop: (index, path, cached sha) tasks in, (index, document, analysis) out;
    first ``(READY, None, its (resident, address space) size in KiB)``, or ``(READY, why, None)``
    when it could not start. ``parent`` is (its pid, the read end of its liveness pipe, the write
    end's fd to close or -1)."""
    _die_with_parent(*parent)
    gc.enable()  # forked while the parent had paused it (run.gcpause); reading PDFs leaves cycles
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops us
    try:
        analyzer = factory() if factory is not None else None
    except Exception as exc:  # noqa: BLE001  reported to the parent, which stops the run
        conn.send((READY, f"{type(exc).__name__}: {exc}", None))
        return
    _release_free_heap()
    try:
        _cap_memory(memory_mb)
    except (OSError, ValueError):
        pass
    sys.setrecursionlimit(10_000)
    conn.send((READY, None, size_kb()))  # the sizes its growth is measured from
    reader = None
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, path, cached_sha = task
        cached = None
        if cached_sha:  # the parent found the document in the cache; only its analysis is missing
            try:
                reader = reader or Cache(cache_path, extractor=cache_key[0], readonly=True)
                cached = reader.get(cached_sha, cache_key[1])
            except (sqlite3.Error, CacheError):
                pass  # the file is read again instead
            cached = replace(cached, source=path) if cached else None
        doc, analysis = read_one(Path(path), cached, options, analyzer, memory_mb)
        conn.send((index, doc.to_dict(), analysis.to_json() if analysis is not None else None))


def decode_item(document: dict, analysis: str | None) -> Item:
    """The parent's copy of what ``work`` sent for one file."""
    return Document.from_dict(document), (Analysis.from_json(analysis) if analysis is not None else None)
