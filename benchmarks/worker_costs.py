"""What the worker pool's rules are measured from: a worker's start-up, the CPU a file costs
against its size, and how much memory real files leave behind in a worker.

    python benchmarks/worker_costs.py FOLDER [FOLDER...]    # e.g. ../shared/realdata/templates
    python benchmarks/worker_costs.py FOLDER --recycle-mb 16 256 --files 120   # recycles, -w 1

For each folder: CPU ms per file and per MB of file, extracting and analysing in this process
(after one warm-up file of each kind, so pdfminer and python-docx are loaded), and the growth of
this process's resident size and address space after each file (warm-ups and earlier folders
included), from its size once the pipeline is built, as a worker's is measured. With
``--recycle-mb``, the folder's files (repeated to ``--files``) first run through one real worker per
setting, while this process has loaded no pipeline for it to inherit (as in ``rank``), and the
recycles and wall time are counted (``resumematch.run.screener.default_workers`` and
``Limits.recycle_mb`` are set from these figures; see docs/performance.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STARTUP = """
import datetime as dt, time
t = time.process_time()
from resumematch.run.screener import Screener
Screener("it_project_manager", as_of=dt.date(2026, 1, 1)).analyzer
print(time.process_time() - t)
"""


def files_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in {".pdf", ".docx", ".txt", ".md"})


def costs(folder: Path, analyzer, ready: tuple[int, int]) -> None:
    from resumematch.extraction import ExtractOptions
    from resumematch.run.worker import read_one, size_kb

    files = files_in(folder)
    cpu, size, grown = 0.0, 0, (0, 0)
    for file in files:
        t = time.process_time()
        read_one(file, None, ExtractOptions(), analyzer)
        cpu += time.process_time() - t
        size += file.stat().st_size
        now = size_kb()
        grown = max(grown[0], now[0] - ready[0]), max(grown[1], now[1] - ready[1])
    print(f"{folder}: {len(files)} files, {size / len(files) / 1024:.1f} KB a file, {cpu / len(files) * 1000:.1f} ms "
          f"a file, {cpu / (size / 2**20):.2f} s per MB; grew by up to {grown[0] / 1024:.1f} MB resident, "
          f"{grown[1] / 1024:.1f} MB address space", flush=True)


def recycles(folder: Path, recycle_mb: int, files: int | None, screener) -> None:
    from resumematch.run import scheduler
    from resumematch.run.pool import Limits, analyze_files

    count = [0]
    real = scheduler.Scheduler.recycle

    def counted(self, slot) -> None:
        count[0] += 1
        real(self, slot)

    scheduler.Scheduler.recycle = counted
    paths = files_in(folder)
    paths = [paths[i % len(paths)] for i in range(files or len(paths))]
    t, load = time.perf_counter(), os.getloadavg()[0]
    list(analyze_files(paths, analyzer=screener._own_analyzer, analysis_key=screener.analysis_key,
                       workers=1, limits=Limits(recycle_mb=recycle_mb)))
    scheduler.Scheduler.recycle = real
    print(f"{folder}: {len(paths)} files, recycle_mb={recycle_mb}: {count[0]} recycles, "
          f"{time.perf_counter() - t:.1f} s with 1 worker (load average {load:.2f})", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", type=Path, nargs="+")
    ap.add_argument("--recycle-mb", type=int, nargs="*", default=[], help="count recycles with these settings")
    ap.add_argument("--files", type=int, help="with --recycle-mb: the folder's files repeated to this many")
    args = ap.parse_args()
    out = subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, check=True,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)))
    print(f"a worker's start-up (import and build the pipeline, fresh process): {float(out.stdout):.2f} s CPU")
    from resumematch.extraction import ExtractOptions
    from resumematch.run.screener import Screener
    from resumematch.run.worker import read_one, size_kb

    screener = Screener("it_project_manager", as_of=dt.date(2026, 1, 1))
    for folder in args.folders:
        for recycle_mb in args.recycle_mb:
            recycles(folder, recycle_mb, args.files, screener)
    screener.analyzer  # noqa: B018  built: this process is now as a worker is when it reports ready
    ready = size_kb()
    for warm_up in ("tomas_herrera.pdf", "priya_raghunathan.docx"):
        read_one(ROOT / "examples" / "resumes" / warm_up, None, ExtractOptions(), screener.analyzer)
    for folder in args.folders:
        costs(folder, screener.analyzer, ready)


if __name__ == "__main__":
    main()
