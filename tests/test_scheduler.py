"""The worker scheduler's rules, one event at a time, with stand-in workers; then the rules that
need real processes (the per-file clock, recycling near the memory cap)."""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections import deque
from pathlib import Path

import builders
import pytest

from resumematch.errors import WorkerError
from resumematch.extraction import ExtractOptions
from resumematch.extraction.document import failed
from resumematch.run import worker as batch
from resumematch.run.cache import Store
from resumematch.run.pool import extract_all
from resumematch.run.scheduler import Limits, Scheduler

DOC = failed("txt", "empty", "stand-in", source="x").to_dict()


class FakeSlot:
    """A worker without a process: what it was sent, how far it has grown, whether it was stopped."""

    def __init__(self, growth: tuple[float, float] = (0.0, 0.0), ready: bool = True, left: float = 10.0):
        self.parent, self.child = mp.Pipe()
        self.queue: deque = deque()
        self.ready, self.growth, self.left, self.stopped = ready, growth, left, False

    def send(self, index, path, cached):
        self.queue.append((index, path, cached is not None))

    def up(self, error, size):
        self.ready = True

    def next(self):
        self.queue.popleft()

    def remaining(self, timeout):
        return self.left

    def growth_mb(self):
        return self.growth

    def receive(self):
        return self.parent.recv()

    def exitcode(self):
        return 9

    def stop(self):
        self.stopped = True

    def close(self):
        self.stopped = True


def scheduler(n_files: int, *, workers: int = 2, slots: list[FakeSlot] = (), **limits) -> Scheduler:
    made = iter(slots)
    files = [Path(f"f{i}.pdf") for i in range(n_files)]
    s = Scheduler(files, Limits(**limits), workers, Store(None, ExtractOptions(), None),
                  start=lambda: next(made), analysing=True)
    return s


def busy(s: Scheduler, slot: FakeSlot, *indexes: int) -> FakeSlot:
    """``slot`` among ``s``'s workers, with files ``indexes`` queued on it (taken from the line)."""
    s.slots.append(slot)
    for i in indexes:
        s.todo.remove((i, s.files[i]))
        slot.send(i, s.files[i], None)
    return slot


def queued(slot: FakeSlot) -> list[int]:
    return [index for index, _, _ in slot.queue]


@pytest.mark.parametrize(("workers", "queues", "waiting"), [(2, [[0, 1], [2]], []), (1, [[0, 1]], [2])],
                         ids=["second-worker-when-the-first-is-full", "never-more-than-workers"])
def test_scheduler_hand_out_fills_a_worker_before_starting_the_next(workers, queues, waiting):
    slots = [FakeSlot(), FakeSlot()]
    s = scheduler(3, workers=workers, slots=slots, prefetch=2)
    s.hand_out()
    assert [queued(slot) for slot in s.slots] == queues
    assert [i for i, _ in s.todo] == waiting


@pytest.mark.parametrize(("growth", "recycled"), [((23.0, 29.0), False), ((257.0, 270.0), True),
                                                  ((100.0, 400.0), False), ((100.0, 513.0), True)],
                         ids=["real-pdfs-leave", "grown-past-recycle_mb", "roomy-cap", "near-the-cap"])
def test_scheduler_result_recycles_only_a_worn_worker(growth, recycled):
    s = scheduler(4)
    slot = busy(s, FakeSlot(growth), 1, 2, 3)
    s.on_result(slot, DOC, None)
    assert 1 in s.done and s.done[1][0].status == "empty"
    assert slot.stopped is recycled and (slot in s.slots) is not recycled
    # a recycled worker's files go back to the front of the line, in order; none is lost
    assert [i for i, _ in s.todo] == ([2, 3, 0] if recycled else [0])


@pytest.mark.parametrize(("retried", "status"), [(False, None), (True, "error")], ids=["first", "second"])
def test_scheduler_crash_retries_a_file_once_then_gives_it_an_error(retried, status):
    s = scheduler(4)
    slot = busy(s, FakeSlot(), 1, 2)
    if retried:
        s.retried.add(1)
    s.on_crash(slot)
    assert slot.stopped and slot not in s.slots
    if status is None:
        assert [i for i, _ in s.todo] == [1, 2, 0, 3] and 1 not in s.done
    else:
        assert [i for i, _ in s.todo] == [2, 0, 3]
        assert s.done[1][0].status == "error" and "crashed twice" in s.done[1][0].reason
        assert "exit code 9" in s.done[1][0].reason


@pytest.mark.parametrize("ready", [False], ids=["before-ready"])
def test_scheduler_crash_before_ready_stops_the_run(ready):
    s = scheduler(2)
    slot = busy(s, FakeSlot(ready=ready), 0)
    with pytest.raises(WorkerError, match="before it was ready"):
        s.on_crash(slot)


@pytest.mark.parametrize(("analysing", "what"), [(True, "Reading and analysing"), (False, "Reading")])
def test_scheduler_timeout_fails_the_file_and_requeues_the_rest(analysing, what):
    s = scheduler(3, timeout=2)
    s.what = "Reading and analysing" if analysing else "Reading"
    slot = busy(s, FakeSlot(), 0, 1)
    s.on_timeout(slot)
    assert s.done[0][0].status == "timeout" and s.done[0][0].reason == f"{what} the file took longer than 2 s."
    assert slot.stopped and [i for i, _ in s.todo] == [1, 2]


@pytest.mark.parametrize(("ready", "left", "timed_out"), [(True, -0.1, True), (True, 5.0, False), (False, -0.1, False)],
                         ids=["ready-and-overdue", "ready-with-time-left", "still-starting"])
def test_scheduler_poll_times_out_only_a_ready_worker_past_its_limit(ready, left, timed_out):
    s = scheduler(2, timeout=2)
    slot = busy(s, FakeSlot(ready=ready, left=left), 0)
    if not timed_out:  # a message ends the wait, so the test does not sit out the time left
        slot.child.send((batch.READY, None, (1, 1)))
    s.poll()
    assert (s.done.get(0, (None,))[0] is not None) is timed_out
    assert slot.stopped is timed_out


@pytest.mark.parametrize(("message", "ready"), [((batch.READY, None, (100, 200)), True), ((0, DOC, None), False)],
                         ids=["ready", "result"])
def test_scheduler_message_is_a_ready_worker_or_a_result(message, ready):
    s = scheduler(1)
    slot = busy(s, FakeSlot(ready=False), 0)
    slot.child.send(message)
    s.on_message(slot)
    assert slot.ready is ready and (0 in s.done) is not ready


# --------------------------------------------------------------------------- real workers

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="worker tests need fork")


def good_pdf(path: Path) -> Path:
    path.write_bytes(builders.lines_pdf([["Ada Lovelace", "Project manager at Acme 2019 - 2024"]]))
    return path


@needs_fork
@pytest.mark.usefixtures("watchdog")
@pytest.mark.parametrize(("seconds", "statuses"), [((1.2, 1.2, 1.2, 1.2), ["ok"] * 4),
                                                   ((1.2, 2.6, 1.2), ["ok", "timeout", "ok"])],
                         ids=["each-within-the-limit", "one-past-it"])
def test_scheduler_clock_restarts_for_each_file_queued_on_a_worker(tmp_path, monkeypatch, seconds, statuses):
    # All files are queued on one worker at once: the 2 s limit is per file, not per queue.
    real = batch.extract

    def slow(path, **kw):
        time.sleep(float(Path(path).stem.split("_")[1]))
        return real(path, **kw)

    monkeypatch.setattr(batch, "extract", slow)  # workers are forked: they see the patch
    files = [good_pdf(tmp_path / f"f{i}_{s}.pdf") for i, s in enumerate(seconds)]
    real(files[0])  # pdfminer loads on first use: loaded here, a forked worker's file time is the sleep
    docs = list(extract_all(files, workers=1, limits=Limits(timeout=2)))
    assert [d.status for d in docs] == statuses


@needs_fork
@pytest.mark.usefixtures("watchdog")
@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="worker sizes are read from /proc")
@pytest.mark.parametrize(("memory_mb", "replaced"), [(200, True), (1024, False)], ids=["near-the-cap", "roomy-cap"])
def test_scheduler_worker_near_its_memory_cap_is_replaced(tmp_path, monkeypatch, memory_mb, replaced):
    # recycle_mb is out of reach: only the memory cap can decide
    real = batch.extract
    seen = tmp_path / "seen"
    seen.mkdir()
    kept = []

    def fat_extract(path, **kw):  # leaves 120 MB of address space behind, as a hostile file may
        (seen / f"{Path(path).stem}-{os.getpid()}").touch()
        if Path(path).name == "fat.pdf":
            kept.append(bytearray(120 * 1024 * 1024))
        return real(path, **kw)

    monkeypatch.setattr(batch, "extract", fat_extract)
    files = [good_pdf(tmp_path / "fat.pdf"), good_pdf(tmp_path / "after.pdf")]
    limits = Limits(timeout=20, memory_mb=memory_mb, recycle_mb=100_000)
    docs = list(extract_all(files, workers=1, limits=limits))
    assert [d.status for d in docs] == ["ok", "ok"]
    # "after" may already be queued on (even begun by) the first worker when "fat" comes back: when
    # that worker is replaced, the file is read again by a fresh one
    pids: dict[str, set[str]] = {}
    for name in os.listdir(seen):
        stem, pid = name.split("-")
        pids.setdefault(stem, set()).add(pid)
    assert (bool(pids["after"] - pids["fat"])) is replaced
