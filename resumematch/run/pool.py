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
from pathlib import Path

from ..errors import WorkerError
from ..extraction import Document, ExtractOptions
from .cache import Cache, Item, Store
from .scheduler import Limits, Scheduler
from .worker import AnalyzerFactory, read_one, size_kb, work

__all__ = ["Limits", "analyze_files", "extract_all"]


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
    ctx = _context(limits.start_method)
    # Only this process holds the writing end: when it dies, however, every worker reads EOF.
    alive = ctx.Pipe(duplex=False)
    try:
        yield from Scheduler(files, limits, workers, store, analysing=analyzer is not None,
                             start=lambda: _Slot(ctx, options, limits, analyzer, store, alive)).run()
    finally:
        for end in alive:
            end.close()


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
        self.ready_size = (0, 0)

    def send(self, index: int, path: Path, cached: Document | None) -> None:
        """Queue a file on this worker; the clock starts now if it is the only one."""
        if not self.queue:
            self.started = time.monotonic()
        self.queue.append((index, path, cached is not None))
        self.parent.send((index, str(path), cached.sha256 if cached else None))

    def receive(self) -> tuple[int, object, object]:
        """The worker's next message; EOFError or OSError when it has died."""
        return self.parent.recv()

    def up(self, error: str | None, size: tuple[int, int] | None) -> None:
        """The worker's first message: it is ready (at ``size``, see ``worker.size_kb``), so the
        clock starts for its first file."""
        if error:
            raise WorkerError(f"A worker process could not start: {error}")
        self.ready = True
        self.started = time.monotonic()
        self.ready_size = tuple(size or (0, 0))

    def growth_mb(self) -> tuple[float, float]:
        """How far the worker's resident size and address space have grown since it was ready,
        in MB; (0, 0) where /proc cannot tell."""
        if not self.ready_size[0]:
            return 0.0, 0.0
        now = size_kb(self.process.pid)
        return (now[0] - self.ready_size[0]) / 1024, (now[1] - self.ready_size[1]) / 1024

    def next(self) -> None:
        """The oldest file is done; the clock starts for the one behind it."""
        self.queue.popleft()
        self.started = time.monotonic()

    def remaining(self, timeout: float) -> float:
        """Seconds left before the file being read runs out of ``timeout``."""
        return self.started + timeout - time.monotonic()

    def exitcode(self) -> int | None:
        """The worker's exit code, once it has ended."""
        return self.process.exitcode

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
