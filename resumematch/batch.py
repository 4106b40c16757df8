"""Extraction at scale: isolated worker processes with a time limit and a memory cap.

A file that hangs pdfminer, inflates into a memory bomb or crashes its worker
gets a status (``timeout``, ``too_large``, ``error``) and the run goes on. Results
come back in input order, as they are ready, so memory stays flat.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path

from .cache import Cache
from .extract import Document, ExtractOptions, extract
from .extract.document import failed


@dataclass(frozen=True)
class Limits:
    """Per-file limits in the workers. ``memory_mb`` is added to the worker's start-up size."""

    timeout: float = 60.0
    memory_mb: int = 1024


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
    def __init__(self, ctx, options: ExtractOptions, limits: Limits) -> None:
        self.parent, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, options, limits.memory_mb), daemon=True)
        self.process.start()
        child.close()
        self.task: tuple[int, Path] | None = None
        self.started = 0.0

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.parent.close()


def _context():
    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


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
        if cache is None:
            return None
        try:
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
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
    import time

    ctx = _context()
    todo = list(enumerate(files))[::-1]
    done: dict[int, Document] = {}
    retried: set[int] = set()
    slots: list[_Slot] = []
    next_out = 0
    try:
        while next_out < len(files):
            while todo and len(slots) < workers:
                slots.append(_Slot(ctx, options, limits))
            for slot in slots:
                while slot.task is None and todo:
                    index, path = todo.pop()
                    hit = cached_or_none(path)
                    if hit is not None:
                        done[index] = hit
                        continue
                    slot.task, slot.started = (index, path), time.monotonic()
                    slot.parent.send((index, str(path)))
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            busy = [s for s in slots if s.task is not None]
            if not busy:
                continue
            deadline = min(s.started for s in busy) + limits.timeout
            ready = wait([s.parent for s in busy], timeout=max(0.0, deadline - time.monotonic()))
            now = time.monotonic()
            for slot in list(busy):
                index, path = slot.task
                if slot.parent in ready:
                    try:
                        _, data = slot.parent.recv()
                        done[index] = store(Document.from_dict(data))
                        slot.task = None
                        continue
                    except (EOFError, OSError):
                        crashed = True
                elif now - slot.started >= limits.timeout:
                    crashed = False
                else:
                    continue
                slot.stop()
                slots.remove(slot)
                if crashed and index not in retried:
                    retried.add(index)
                    todo.append((index, path))
                elif crashed:
                    done[index] = failed("unknown", "error", "The reader process crashed twice on this "
                                         f"file (exit code {slot.process.exitcode}).", source=str(path))
                else:
                    done[index] = failed("unknown", "timeout", f"Reading the file took longer than "
                                         f"{limits.timeout:g} s.", source=str(path))
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        for slot in slots:
            try:
                slot.parent.send(None)
            except (OSError, BrokenPipeError):
                pass
            slot.stop()
