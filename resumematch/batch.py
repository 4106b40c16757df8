"""Reading resumes at scale: isolated worker processes with a time limit and a memory cap.

Each worker extracts a file and, when given an analyzer, analyses its text too, so both stages
run on every core and the parent is left with hashing, the cache, scoring and writing. A file that
hangs pdfminer, inflates into a memory bomb or crashes its worker gets a status (``timeout``,
``too_large``, ``error``) and the run goes on. Results come back in input order, as they are
ready, so memory stays flat.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import signal
import sqlite3
import stat
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Optional, Protocol

from .analysis import Analysis
from .cache import Cache
from .errors import CacheError, WorkerError
from .extract import Document, ExtractOptions, extract
from .extract.document import failed


class Analyzes(Protocol):
    def analyze(self, document: Document) -> Analysis: ...


#: What the batch yields per file: its document and, when an analyzer was given and the
#: document has text, its analysis.
Item = tuple[Document, Optional[Analysis]]
#: Builds the analyzer, once per worker (and once in-process with ``workers=0``). Where workers
#: are spawned rather than forked it must be picklable (a module-level function or ``partial``).
AnalyzerFactory = Callable[[], Analyzes]


@dataclass(frozen=True)
class Limits:
    """Per-file limits in the workers. ``memory_mb`` is added to the worker's size once it is
    ready (the analysis pipeline loaded). ``start_method`` overrides the multiprocessing start
    method (default: fork where available)."""

    timeout: float = 60.0
    memory_mb: int = 1024
    prefetch: int = 8
    start_method: str | None = None


_WINDOW = 64  # how far ahead of the next file to hand back results may be buffered
_READY = -1   # the index of a worker's first message: it has started (or why it could not)


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
        status, reason = "too_large", f"{stage.capitalize()} needed {limit} (a decompression bomb?)."
    except Exception as exc:  # noqa: BLE001  a bug or a hostile file must not end the batch
        status, reason = "error", f"Unexpected error while {stage}: {type(exc).__name__}: {exc}"
    known = {"sha256": doc.sha256} if doc is not None else {}
    return failed(doc.format if doc is not None else "unknown", status, reason, source=str(path), **known), None


class _Store:
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


def analyze_files(files: Iterable[str | os.PathLike], *, analyzer: AnalyzerFactory | None = None,
                  analysis_key: str | None = None, options: ExtractOptions | None = None,
                  workers: int | None = None, limits: Limits | None = None,
                  cache: Cache | None = None) -> Iterator[Item]:
    """Extract and (with ``analyzer``) analyse ``files``; yield ``(document, analysis)`` in input order.

    ``workers=None`` uses every CPU; ``workers=0`` works in this process (no isolation).
    With a ``cache``, documents made by this extractor version, and analyses stored under
    ``analysis_key``, are not made again; with a password in ``options`` the cache is not used.
    """
    options = options or ExtractOptions()
    limits = limits or Limits()
    store = _Store(cache, options, analysis_key if analyzer is not None else None)
    files = [Path(f) for f in files]
    if workers == 0:
        yield from _inline(files, options, analyzer, store)
        return
    workers = max(1, min(workers or os.cpu_count() or 1, len(files) or 1))
    yield from _pooled(files, options, limits, workers, analyzer, store)


def extract_all(files: Iterable[str | os.PathLike], *, options: ExtractOptions | None = None,
                workers: int | None = None, limits: Limits | None = None,
                cache: Cache | None = None) -> Iterator[Document]:
    """Extract ``files`` and yield their documents in input order (see ``analyze_files``)."""
    for doc, _ in analyze_files(files, options=options, workers=workers, limits=limits, cache=cache):
        yield doc


def _inline(files: list[Path], options: ExtractOptions, factory: AnalyzerFactory | None,
            store: _Store) -> Iterator[Item]:
    analyzer = None
    for path in files:
        hit, cached = store.find(path)
        if hit is not None:
            yield hit
            continue
        if analyzer is None and factory is not None:
            analyzer = factory()
        yield store.keep(read_one(path, cached, options, analyzer), cached is not None)


def _cap_memory(extra_mb: int) -> None:
    try:
        import resource
    except ImportError:  # not on Windows
        return
    with open("/proc/self/statm") as fh:
        vms = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    cap = vms + extra_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _worker(conn: Connection, options: ExtractOptions, memory_mb: int,
            factory: AnalyzerFactory | None, cache_path: str | None, cache_key: tuple[str, str]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops us
    try:
        analyzer = factory() if factory is not None else None
    except Exception as exc:  # noqa: BLE001  reported to the parent, which stops the run
        conn.send((_READY, f"{type(exc).__name__}: {exc}", None))
        return
    try:
        _cap_memory(memory_mb)
    except (OSError, ValueError):
        pass
    sys.setrecursionlimit(10_000)
    conn.send((_READY, None, None))
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


class _Slot:
    """One worker process and the files sent to it, oldest (being read) first."""

    def __init__(self, ctx, options: ExtractOptions, limits: Limits, factory: AnalyzerFactory | None,
                 store: _Store) -> None:
        self.parent, child = ctx.Pipe()
        cache = store.cache
        args = (child, options, limits.memory_mb, factory, str(cache.path) if cache else None,
                (cache.extractor if cache else "", store.options_key))
        self.process = ctx.Process(target=_worker, args=args, daemon=True)
        self.process.start()
        child.close()
        self.queue: deque[tuple[int, Path, bool]] = deque()
        self.ready = False
        self.started = 0.0

    def send(self, index: int, path: Path, cached: Document | None) -> None:
        if not self.queue:
            self.started = time.monotonic()
        self.queue.append((index, path, cached is not None))
        self.parent.send((index, str(path), cached.sha256 if cached else None))

    def up(self, error: str | None) -> None:
        """The worker's first message: it is ready, so the clock starts for its first file."""
        if error:
            raise WorkerError(f"A worker process could not start: {error}")
        self.ready = True
        self.started = time.monotonic()

    def next(self) -> None:
        """The oldest file is done; the clock starts for the one behind it."""
        self.queue.popleft()
        self.started = time.monotonic()

    def close(self) -> None:
        try:
            self.parent.send(None)
        except OSError:
            pass
        self.process.join(1)
        self.stop()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.parent.close()


def _context(method: str | None):
    # fork where it exists: a fork server or spawn would re-run the caller's script in every
    # worker unless it has an ``if __name__ == "__main__":`` guard, which recruiting scripts
    # rarely have.
    methods = mp.get_all_start_methods()
    return mp.get_context(method or ("fork" if "fork" in methods else "spawn"))


def _pooled(files: list[Path], options: ExtractOptions, limits: Limits, workers: int,
            factory: AnalyzerFactory | None, store: _Store) -> Iterator[Item]:
    """Feed each worker up to ``limits.prefetch`` files so it never waits while results are
    being scored; hand results back in input order, at most ``_WINDOW`` files ahead."""
    ctx = _context(limits.start_method)
    todo: deque[tuple[int, Path]] = deque(enumerate(files))
    done: dict[int, Item] = {}
    retried: set[int] = set()
    slots: list[_Slot] = []
    next_out = 0

    def flush() -> Iterator[Item]:
        nonlocal next_out
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1

    try:
        while next_out < len(files):
            while todo and todo[0][0] < next_out + _WINDOW:
                free = [sl for sl in slots if len(sl.queue) < limits.prefetch]
                if not free and len(slots) >= workers:
                    break
                index, path = todo.popleft()
                hit, cached = store.find(path)
                if hit is not None:
                    done[index] = hit
                    continue
                if not free:
                    slots.append(_Slot(ctx, options, limits, factory, store))
                    free = slots[-1:]
                min(free, key=lambda sl: len(sl.queue)).send(index, path, cached)
            yield from flush()
            busy = [sl for sl in slots if sl.queue]
            if not busy:
                continue
            clocks = [sl.started for sl in busy if sl.ready]
            timeout = max(0.0, min(clocks) + limits.timeout - time.monotonic()) if clocks else None
            ready = wait([sl.parent for sl in busy], timeout=timeout)
            for slot in busy:
                index, path, document_cached = slot.queue[0]
                if slot.parent in ready:
                    try:
                        got, data, analysis = slot.parent.recv()
                    except (EOFError, OSError):
                        if not slot.ready:
                            raise WorkerError("A worker process ended before it was ready (exit code "
                                              f"{slot.process.exitcode}).") from None
                        crashed = True
                    else:
                        if got == _READY:
                            slot.up(data)
                            continue
                        done[index] = store.keep(_item(data, analysis), document_cached)
                        slot.next()
                        continue
                elif slot.ready and time.monotonic() - slot.started >= limits.timeout:
                    crashed = False
                else:
                    continue
                slot.stop()
                slots.remove(slot)
                todo.extendleft((i, p) for i, p, _ in reversed(list(slot.queue)[1:]))  # innocent files
                if crashed and index not in retried:
                    retried.add(index)
                    todo.appendleft((index, path))
                elif crashed:
                    done[index] = failed("unknown", "error", "The reader process crashed twice on this "
                                         f"file (exit code {slot.process.exitcode}).", source=str(path)), None
                else:
                    what = "Reading and analysing" if factory is not None else "Reading"
                    done[index] = failed("unknown", "timeout", f"{what} the file took longer than "
                                         f"{limits.timeout:g} s.", source=str(path)), None
            yield from flush()
    finally:
        for slot in slots:
            slot.close()


def _item(document: dict, analysis: str | None) -> Item:
    return Document.from_dict(document), (Analysis.from_json(analysis) if analysis is not None else None)
