"""Fuzz the whole ranking path with mutated resumes; not run in CI.

    python benchmarks/fuzz.py -n 10000 --seed 1 --chunk 1000

Writes ``n`` mutated files (``tests/fuzzing.py``: byte flips, truncations, zeroed ranges, splices,
broken zip entries, XML entity expansion in DOCX, huge inflated entries, deep nesting) in chunks
to a temporary folder and runs ``resumematch rank`` on each chunk as a subprocess, sampling the
RSS (and PSS) of its whole process tree every 50 ms. Counts, per the issue:

* crashes: rows with status ``error`` (that status is for our bugs), files without exactly one row,
  and runs that exit non-zero or print a traceback;
* hangs: rows with status ``timeout``.
"""

from __future__ import annotations

import argparse
import collections
import csv
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import fuzzing  # noqa: E402

CLI = "import sys; sys.argv[0] = 'resumematch'; from resumematch.cli import main; main()"


def tree(root: int) -> list[int]:
    """``root`` and every process descended from it, from /proc."""
    parents: dict[int, list[int]] = collections.defaultdict(list)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents[ppid].append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, ()))
    return found


def memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KiB; zeros when it has gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            fields = dict(line.split(":", 1) for line in fh if ":" in line and not line.startswith("0"))
        return int(fields["Rss"].split()[0]), int(fields["Pss"].split()[0])
    except (OSError, KeyError, ValueError):
        return 0, 0


class Sampler(threading.Thread):
    """The peak summed RSS and PSS of a process tree, sampled until ``stop``."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.rss, self.pss, self.stopped = pid, 0, 0, threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.05):
            sums = [memory_kb(p) for p in tree(self.pid)]
            self.rss = max(self.rss, sum(s[0] for s in sums))
            self.pss = max(self.pss, sum(s[1] for s in sums))


def run_chunk(folder: Path, out: Path, workers: int, timeout: float) -> tuple[list[dict], int, str, int, int]:
    command = [sys.executable, "-c", CLI, "rank", str(folder), "-o", str(out), "--no-cache", "--quiet",
               "--workers", str(workers), "--timeout", str(timeout)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = Sampler(proc.pid)
    sampler.start()
    _, stderr = proc.communicate()
    sampler.stopped.set()
    sampler.join()
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig"))) if out.exists() else []
    return rows, proc.returncode, stderr, sampler.rss, sampler.pss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chunk", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()

    statuses: collections.Counter = collections.Counter()
    kinds: collections.Counter = collections.Counter()
    crashes, hangs, peak_rss, peak_pss, total = [], [], 0, 0, 0
    started = time.monotonic()
    corpus = fuzzing.mutants(args.n, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        for first in range(0, args.n, args.chunk):
            folder = Path(tmp) / f"chunk{first:06d}"
            folder.mkdir()
            made = {}
            for i in range(first, min(first + args.chunk, args.n)):
                what, data = next(corpus)
                path = folder / f"m{i:06d}{fuzzing.suffix(data)}"
                path.write_bytes(data)
                made[str(path)] = what
                kinds[what.split(":")[0]] += 1
            rows, code, stderr, rss, pss = run_chunk(folder, Path(tmp) / f"out{first:06d}.csv", args.workers,
                                                     args.timeout)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            seen = collections.Counter(r["file"] for r in rows)
            if code != 0 or "Traceback" in stderr:
                crashes.append(f"chunk {first}: exit {code}: {stderr.strip()[-300:]}")
            for path, what in made.items():
                if seen[path] != 1:
                    crashes.append(f"{what} {path}: {seen[path]} rows")
            for r in rows:
                statuses[r["status"]] += 1
                if r["status"] == "error":
                    crashes.append(f"{made.get(r['file'])}: {r.get('reason', '')[:200]}")
                elif r["status"] == "timeout":
                    hangs.append(f"{made.get(r['file'])}: {r['file']}")
            total += len(made)
            print(f"{total} files, {time.monotonic() - started:.0f} s, peak RSS {peak_rss / 1024:.0f} MB "
                  f"(PSS {peak_pss / 1024:.0f} MB), crashes {len(crashes)}, hangs {len(hangs)}", flush=True)
            for path in folder.iterdir():
                path.unlink()
    elapsed = time.monotonic() - started
    print(f"\ninputs: {total}  crashes: {len(crashes)}  hangs: {len(hangs)}  "
          f"peak RSS of the process tree: {peak_rss / 1024:.0f} MB (PSS {peak_pss / 1024:.0f} MB)  "
          f"time: {elapsed:.0f} s ({elapsed / max(total, 1) * 1000:.0f} ms per file)")
    print("mutations:", dict(kinds.most_common()))
    print("statuses:", dict(statuses.most_common()))
    for line in (crashes + hangs)[:30]:
        print("  ", line)


if __name__ == "__main__":
    main()
