"""Extraction at scale: isolated worker processes with a time limit and a memory cap.

A file that hangs pdfminer, inflates into a memory bomb or crashes its worker
gets a status (``timeout``, ``too_large``, ``error``) and the run goes on. Results
come back in input order, as they are ready, so memory stays flat.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import signal
import stat
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path

from .cache import Cache
from .extract import Document, ExtractOptions, extract
from .extract.document import failed


@dataclass(frozen=True)
class Limits:
    """Per-file limits in the workers. ``memory_mb`` is added to the worker's start-up size.

    ``start_method`` overrides the multiprocessing start method (default: fork where available).
    """

    timeout: float = 60.0
    memory_mb: int = 1024
    prefetch: int = 8
    start_method: str | None = None


_WINDOW = 64  # how far ahead of the next file to hand back results may be buffered


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


def _cap_memory(extra_mb: int) -> None:
    try:
        import resource
    except ImportError:  # not on Windows
        return
    with open("/proc/self/statm") as fh:
        vms = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    cap = vms + extra_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _worker(conn: Connection, options: ExtractOptions, memory_mb: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops us
    try:
        _cap_memory(memory_mb)
    except (OSError, ValueError):
        pass
    sys.setrecursionlimit(10_000)
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, path = task
        try:
            doc = extract(path, options=options)
        except MemoryError:
            doc = failed("unknown", "too_large", f"Reading the file needed more than {memory_mb} MB of "
                         "memory (a decompression bomb?).", source=str(path))
        except Exception as exc:  # noqa: BLE001  the parent turns it into an `error` row
            doc = failed("unknown", "error", f"Unexpected error while reading the file: "
                         f"{type(exc).__name__}: {exc}", source=str(path))
        conn.send((index, doc.to_dict()))


class _Slot:
    """One worker process and the files sent to it, oldest (being read) first."""

    def __init__(self, ctx, options: ExtractOptions, limits: Limits) -> None:
        self.parent, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, options, limits.memory_mb), daemon=True)
        self.process.start()
        child.close()
        self.queue: deque[tuple[int, Path]] = deque()
        self.started = 0.0

    def send(self, index: int, path: Path) -> None:
        if not self.queue:
            self.started = time.monotonic()
        self.queue.append((index, path))
        self.parent.send((index, str(path)))

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
    # rarely have. Workers start before spaCy is loaded (the analyzer is built lazily).
    methods = mp.get_all_start_methods()
    return mp.get_context(method or ("fork" if "fork" in methods else "spawn"))


def extract_all(files: Iterable[str | os.PathLike], *, options: ExtractOptions | None = None,
                workers: int | None = None, limits: Limits | None = None,
                cache: Cache | None = None) -> Iterator[Document]:
    """Extract ``files`` and yield their documents in input order.

    ``workers=None`` uses every CPU; ``workers=0`` extracts in this process (no isolation).
    With a ``cache``, files already extracted with this extractor version are not read again.
    """
    options = options or ExtractOptions()
    limits = limits or Limits()
    key = options_key(options)
    files = [Path(f) for f in files]

    def cached_or_none(path: Path) -> Document | None:
        sha = file_sha256(path) if cache is not None else None
        if sha is None:
            return None
        doc = cache.get(sha, key)
        return replace(doc, source=str(path)) if doc else None

    def store(doc: Document) -> Document:
        if cache is not None:
            cache.put(doc, key)
        return doc

    if workers == 0:
        for path in files:
            yield cached_or_none(path) or store(extract(path, options=options))
        return
    workers = max(1, min(workers or os.cpu_count() or 1, len(files) or 1))
    yield from _pooled(files, options, limits, workers, cached_or_none, store)


def _pooled(files, options, limits, workers, cached_or_none, store) -> Iterator[Document]:
    """Feed each worker up to ``limits.prefetch`` files so it never waits while results are
    being scored; hand documents back in input order, at most ``_WINDOW`` files ahead."""
    ctx = _context(limits.start_method)
    todo: deque[tuple[int, Path]] = deque(enumerate(files))
    done: dict[int, Document] = {}
    retried: set[int] = set()
    slots: list[_Slot] = []
    next_out = 0

    def flush() -> Iterator[Document]:
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
                hit = cached_or_none(path)
                if hit is not None:
                    done[index] = hit
                    continue
                if not free:
                    slots.append(_Slot(ctx, options, limits))
                    free = slots[-1:]
                min(free, key=lambda sl: len(sl.queue)).send(index, path)
            yield from flush()
            busy = [sl for sl in slots if sl.queue]
            if not busy:
                continue
            deadline = min(sl.started for sl in busy) + limits.timeout
            ready = wait([sl.parent for sl in busy], timeout=max(0.0, deadline - time.monotonic()))
            for slot in busy:
                index, path = slot.queue[0]
                if slot.parent in ready:
                    try:
                        _, data = slot.parent.recv()
                    except (EOFError, OSError):
                        crashed = True
                    else:
                        done[index] = store(Document.from_dict(data))
                        slot.next()
                        continue
                elif time.monotonic() - slot.started >= limits.timeout:
                    crashed = False
                else:
                    continue
                slot.stop()
                slots.remove(slot)
                todo.extendleft(reversed(list(slot.queue)[1:]))  # innocent files queued behind it
                if crashed and index not in retried:
                    retried.add(index)
                    todo.appendleft((index, path))
                elif crashed:
                    done[index] = failed("unknown", "error", "The reader process crashed twice on this "
                                         f"file (exit code {slot.process.exitcode}).", source=str(path))
                else:
                    done[index] = failed("unknown", "timeout", f"Reading the file took longer than "
                                         f"{limits.timeout:g} s.", source=str(path))
            yield from flush()
    finally:
        for slot in slots:
            slot.close()
