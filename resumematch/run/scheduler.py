"""The pool's rules, one event at a time: a worker is ready, a file's result, a crash, a timeout,
and when a worker is started or recycled.

``Scheduler`` knows nothing of processes: it is given a ``start`` function that returns a slot
(``pool._Slot`` in a run, a stand-in in the tests), so each rule can be read and tested alone.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Protocol

from ..errors import WorkerError
from ..extraction import Document
from ..extraction.document import failed
from ..types import DocStatus
from .cache import Item, Store
from .worker import READY, decode_item


@dataclass(frozen=True)
class Limits:
    """Per-file limits in the workers. ``memory_mb`` is added to the worker's address space once it
    is ready (the analysis pipeline loaded): past it a file is ``too_large``. A worker is replaced
    by a fresh one between files (Linux) when its resident size has grown ``recycle_mb`` past its
    ready size, or when it has used more than half of ``memory_mb``, so that files left behind by
    a hostile one always have half the cap. Real multi-page PDFs leave about 25 MB behind, once;
    see docs/performance.md. ``start_method`` overrides the multiprocessing start method (default:
    fork where available)."""

    timeout: float = 60.0
    memory_mb: int = 1024
    prefetch: int = 8
    start_method: str | None = None
    recycle_mb: int = 256


#: How far ahead of the next file to hand back results may be buffered.
WINDOW = 64
#: The share of ``memory_mb`` a worker may use up before it is replaced.
NEAR_CAP = 0.5


class Slot(Protocol):
    """What the scheduler needs of one worker process and the files sent to it (oldest first)."""

    parent: Connection
    queue: deque[tuple[int, Path, bool]]
    ready: bool

    def send(self, index: int, path: Path, cached: Document | None) -> None: ...
    def up(self, error: str | None, size: tuple[int, int] | None) -> None: ...
    def next(self) -> None: ...
    def remaining(self, timeout: float) -> float: ...
    def growth_mb(self) -> tuple[float, float]: ...
    def receive(self) -> tuple[int, object, object]: ...
    def exitcode(self) -> int | None: ...
    def stop(self) -> None: ...
    def close(self) -> None: ...


class Scheduler:
    """Hands files to at most ``workers`` slots, ``limits.prefetch`` each, and yields every file's
    item in input order, at most ``WINDOW`` files ahead of the one the caller waits for."""

    def __init__(self, files: list[Path], limits: Limits, workers: int, store: Store,
                 start: Callable[[], Slot], analysing: bool) -> None:
        self.files, self.limits, self.workers, self.store = files, limits, workers, store
        self.start = start
        self.what = "Reading and analysing" if analysing else "Reading"
        self.todo: deque[tuple[int, Path]] = deque(enumerate(files))
        self.done: dict[int, Item] = {}
        self.retried: set[int] = set()
        self.slots: list[Slot] = []
        self.next_out = 0

    def run(self) -> Iterator[Item]:
        """Every file's item, in input order. Stops every worker if the caller stops early."""
        try:
            while self.next_out < len(self.files):
                self.hand_out()
                yield from self.flush()
                self.poll()
                yield from self.flush()
        except BaseException:  # interrupted (or the caller stopped early): no file is waited for
            for slot in self.slots:
                slot.stop()
            raise
        for slot in self.slots:
            slot.close()

    def flush(self) -> Iterator[Item]:
        """Yield the items that are ready, in input order, from the one the caller waits for."""
        while self.next_out in self.done:
            yield self.done.pop(self.next_out)
            self.next_out += 1

    def hand_out(self) -> None:
        """Send the files within the window to the least busy slot with room; a file the cache
        knows is done at once, and a worker is started only for a file that needs one."""
        while self.todo and self.todo[0][0] < self.next_out + WINDOW:
            free = [slot for slot in self.slots if len(slot.queue) < self.limits.prefetch]
            if not free and len(self.slots) >= self.workers:
                return
            index, path = self.todo.popleft()
            hit, cached = self.store.find(path)
            if hit is not None:
                self.done[index] = hit
                continue
            slot = min(free, key=lambda sl: len(sl.queue)) if free else self.start_worker()
            slot.send(index, path, cached)

    def start_worker(self) -> Slot:
        """A new worker, counted among the slots."""
        self.slots.append(self.start())
        return self.slots[-1]

    def poll(self) -> None:
        """Wait for a message or the nearest time limit, then apply each slot's event."""
        busy = [slot for slot in self.slots if slot.queue]
        if not busy:
            return
        # only a ready worker's clock runs: loading the pipeline is not a file's time
        left = [slot.remaining(self.limits.timeout) for slot in busy if slot.ready]
        timeout = max(0.0, min(left)) if left else None
        ready = wait([slot.parent for slot in busy], timeout=timeout)
        for slot in busy:
            if slot.parent in ready:
                self.on_message(slot)
            elif slot.ready and slot.remaining(self.limits.timeout) <= 0:
                self.on_timeout(slot)

    def on_message(self, slot: Slot) -> None:
        """A worker spoke: it is ready (or could not start), it sent a result, or it died."""
        try:
            index, data, analysis = slot.receive()
        except (EOFError, OSError):
            self.on_crash(slot)
            return
        if index == READY:  # then ``data`` is why it could not start, ``analysis`` its size
            slot.up(data, analysis)
        else:
            self.on_result(slot, data, analysis)

    def on_result(self, slot: Slot, data: dict, analysis: str | None) -> None:
        """The worker's oldest file is done; the worker is recycled if it has worn out."""
        index, _, document_cached = slot.queue[0]
        self.done[index] = self.store.keep(decode_item(data, analysis), document_cached)
        slot.next()
        if self.worn(slot):
            self.recycle(slot)

    def on_crash(self, slot: Slot) -> None:
        """The worker died on its oldest file: that file is tried once more on a fresh worker,
        then it is an ``error``; the files queued behind it are sent elsewhere."""
        if not slot.ready:
            raise WorkerError(f"A worker process ended before it was ready (exit code {slot.exitcode()}).")
        index, path, _ = slot.queue[0]
        self.retire(slot, skip=1)
        if index not in self.retried:
            self.retried.add(index)
            self.todo.appendleft((index, path))
        else:
            self.done[index] = failed("unknown", DocStatus.ERROR, "The reader process crashed twice on this file "
                                      f"(exit code {slot.exitcode()}).", source=str(path)), None

    def on_timeout(self, slot: Slot) -> None:
        """The worker's oldest file ran out of time: it is a ``timeout``, the worker is stopped and
        the files queued behind it are sent elsewhere."""
        index, path, _ = slot.queue[0]
        self.retire(slot, skip=1)
        self.done[index] = failed("unknown", DocStatus.TIMEOUT, f"{self.what} the file took longer than "
                                  f"{self.limits.timeout:g} s.", source=str(path)), None

    def worn(self, slot: Slot) -> bool:
        """Whether a worker should be replaced between files: grown ``recycle_mb`` past its ready
        size, or through ``NEAR_CAP`` of its memory cap (so the next file keeps room to run)."""
        resident, address_space = slot.growth_mb()
        return resident > self.limits.recycle_mb or address_space > NEAR_CAP * self.limits.memory_mb

    def recycle(self, slot: Slot) -> None:
        """Replace a worn worker: its queued files go, in order, to the next one to have room."""
        self.retire(slot, skip=0)

    def retire(self, slot: Slot, skip: int) -> None:
        """Stop ``slot`` and put its queued files, but for the first ``skip``, back at the front of
        the line, in order (they did nothing wrong)."""
        slot.stop()
        self.slots.remove(slot)
        self.todo.extendleft((index, path) for index, path, _ in reversed(list(slot.queue)[skip:]))
