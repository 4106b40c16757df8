"""Reading resumes at scale: isolated worker processes with a time limit and a memory cap.

Each worker extracts a file and, when given an analyzer, analyses its text too, so both stages
run on every core and the parent is left with hashing, the cache, scoring and writing. A file that
hangs pdfminer, inflates into a memory bomb or crashes its worker gets a status (``timeout``,
``too_large``, ``error``) and the run goes on. Results come back in input order, as they are
ready, so memory stays flat.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path

from ..errors import WorkerError
from ..extraction import Document, ExtractOptions
from ..extraction.document import failed
from ..types import DocStatus
from .cache import Cache
from .store import AnalyzerFactory, Item, Store
from .worker import READY, decode_item, read_one, work


@dataclass(frozen=True)
class Limits:
    """Per-file limits in the workers. ``memory_mb`` is added to the worker's size once it is
    ready (the analysis pipeline loaded). A worker that has grown ``recycle_mb`` past its ready
    size (hostile files leave memory behind) is replaced by a fresh one between files (Linux).
    ``start_method`` overrides the multiprocessing start method (default: fork where available)."""

    timeout: float = 60.0
    memory_mb: int = 1024
    prefetch: int = 8
    start_method: str | None = None
    recycle_mb: int = 16


_WINDOW = 64  # how far ahead of the next file to hand back results may be buffered


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
    store = Store(cache, options, analysis_key if analyzer is not None else None)
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
            store: Store) -> Iterator[Item]:
    analyzer = None
    for path in files:
        hit, cached = store.find(path)
        if hit is not None:
            yield hit
            continue
        if analyzer is None and factory is not None:
            analyzer = factory()
        yield store.keep(read_one(path, cached, options, analyzer), cached is not None)


class _Slot:
    """One worker process and the files sent to it, oldest (being read) first."""

    def __init__(self, ctx, options: ExtractOptions, limits: Limits, factory: AnalyzerFactory | None,
                 store: Store, alive: tuple) -> None:
        self.parent, child = ctx.Pipe()
        cache = store.cache
        alive_r, alive_w = alive
        close_fd = alive_w.fileno() if ctx.get_start_method() == "fork" else -1
        args = (child, options, limits.memory_mb, factory, str(cache.path) if cache else None,
                (cache.extractor if cache else "", store.options_key), (os.getpid(), alive_r, close_fd))
        self.process = ctx.Process(target=work, args=args, daemon=True)
        self.process.start()
        child.close()
        self.queue: deque[tuple[int, Path, bool]] = deque()
        self.ready = False
        self.started = 0.0
        self.ready_kb = 0

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
        self.ready_kb = _rss_kb(self.process.pid)

    def grown(self, limit_mb: int) -> bool:
        """Whether the worker has grown more than ``limit_mb`` since it was ready."""
        return bool(self.ready_kb) and _rss_kb(self.process.pid) - self.ready_kb > limit_mb * 1024

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


def _rss_kb(pid: int) -> int:
    """Resident size of process ``pid`` in KiB; 0 where /proc cannot tell."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError, IndexError):
        return 0


def _context(method: str | None):
    # fork where it exists: a fork server or spawn would re-run the caller's script in every
    # worker unless it has an ``if __name__ == "__main__":`` guard, which recruiting scripts
    # rarely have.
    methods = mp.get_all_start_methods()
    return mp.get_context(method or ("fork" if "fork" in methods else "spawn"))


def _pooled(files: list[Path], options: ExtractOptions, limits: Limits, workers: int,
            factory: AnalyzerFactory | None, store: Store) -> Iterator[Item]:
    """Feed each worker up to ``limits.prefetch`` files so it never waits while results are
    being scored; hand results back in input order, at most ``_WINDOW`` files ahead."""
    ctx = _context(limits.start_method)
    # Only this process holds the writing end: when it dies, however, every worker reads EOF.
    alive = ctx.Pipe(duplex=False)
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
                    slots.append(_Slot(ctx, options, limits, factory, store, alive))
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
                        if got == READY:
                            slot.up(data)
                            continue
                        done[index] = store.keep(decode_item(data, analysis), document_cached)
                        slot.next()
                        if slot.grown(limits.recycle_mb):  # its files go to a fresh worker
                            slot.stop()
                            slots.remove(slot)
                            todo.extendleft((i, p) for i, p, _ in reversed(slot.queue))
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
                    done[index] = failed("unknown", DocStatus.ERROR, "The reader process crashed twice on this "
                                         f"file (exit code {slot.process.exitcode}).", source=str(path)), None
                else:
                    what = "Reading and analysing" if factory is not None else "Reading"
                    done[index] = failed("unknown", DocStatus.TIMEOUT, f"{what} the file took longer than "
                                         f"{limits.timeout:g} s.", source=str(path)), None
            yield from flush()
    except BaseException:  # interrupted (or the caller stopped early): no file is waited for
        for slot in slots:
            slot.stop()
        raise
    else:
        for slot in slots:
            slot.close()
    finally:
        for end in alive:
            end.close()
