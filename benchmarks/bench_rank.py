"""Throughput and memory of ``resumematch rank`` against bare pdfminer, side by side.

    python benchmarks/bench_rank.py -n 200            # generates 200 resumes in a temp folder
    python benchmarks/bench_rank.py -n 2000 --repeat 3  # three interleaved rounds, medians reported
    python benchmarks/bench_rank.py -n 2000 --runs coldN,colddef,warm,reweighted --repeat 3   # the warm target
    python benchmarks/bench_rank.py --folder DIR      # uses the PDFs already in DIR
    python benchmarks/bench_rank.py --folder DIR --fill 120   # DIR's PDFs repeated to 120 distinct files
    python benchmarks/bench_rank.py --folder DIR --runs floor,cold1,coldN,colddef,warm   # only these runs
    python benchmarks/bench_rank.py -n 200 --profile  # also cProfiles a workers=0 run
    python benchmarks/bench_rank.py -n 2000 --scheduler local:2 --repeat 3   # local pool vs Dask

With ``--scheduler`` a round runs only two cold ranks of the same files: the local pool with
``--workers`` workers, and the same command with ``--scheduler`` (``local:N`` starts a LocalCluster
inside the command, so its start-up is in the time; ``tcp://HOST:PORT`` uses a running cluster).
Their order alternates from round to round; the CSVs must be identical.

A round runs, one after the other: the floor (bare pdfminer), rank cold with 1 and with N workers
(fresh caches), cold with the default worker count, the same command again (warm), the same folder
with other category weights (every file's facts reused, only re-scored), with another role's model
(documents reused, analysed again), and rank on an empty folder (start-up). After the rounds,
``Screening.rescore`` is timed in-process over the files (from the warm cache) and over the same
tables repeated to ``--synthetic`` files.
On a shared virtual machine single timings wander by 30 %; rounds interleave the runs so that a
slow spell hits all of them, and medians are compared.

Every measurement runs in a fresh subprocess (``python -c "from resumematch.cli import main; main()"``)
and its wall time includes interpreter start-up and, for ``rank``, loading spaCy. Peak RSS is the
largest sum of VmRSS over the process tree (parent + workers + any process they start), sampled
every 50 ms; each round prints it with its parts (the parent first), and the kernel's ru_maxrss of
the largest single process (from wait4). The machine's 1-minute load average
is read before each run and printed beside it: on a shared machine other processes' load is part
of every wall time, so compare ratios from one run at a similar load. After the targets, each ratio is
printed from the medians of wall and of CPU time (workers' included), and from each round's wall times.
Runs use compiled bytecode (kept in the temporary folder, whatever PYTHONDONTWRITEBYTECODE says), as an
installed package does.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

FLOOR = """
import sys, glob
from pdfminer.high_level import extract_text
for f in sorted(glob.glob(sys.argv[1] + '/**/*.pdf', recursive=True)):
    extract_text(f)
"""
CLI = "import sys; sys.argv[0] = 'resumematch'; from resumematch.cli import main; main()"

TARGETS = {"cold1/floor": ("<=", 1.25), "cold1/cold2 speedup": (">=", 1.7), "cold/warm": (">=", 20.0),
           "cold/warm reweighted": (">=", 20.0), "colddef/warm reweighted": (">=", 20.0),
           "cold1/cold default": (">=", 1.0),
           "cold default/faster": ("<=", 1.1), "empty folder s": ("<", 0.6),
           "peak RSS MB": ("<", 400.0), "peak PSS MB": ("<", 400.0),
           "rescore ms (files)": ("<=", 50.0), "rescore ms (100,000 synthetic)": ("<=", 2000.0)}

#: The ratios between runs (numerator, denominator), each printed when both runs were made.
RATIOS = {"cold1/floor": ("cold1", "floor"), "cold1/cold2 speedup": ("cold1", "coldN"), "cold/warm": ("coldN", "warm"),
          "cold/warm reweighted": ("coldN", "reweighted"), "colddef/warm reweighted": ("colddef", "reweighted"),
          "cold1/cold default": ("cold1", "colddef")}
RUNS = ("floor", "cold1", "coldN", "colddef", "warm", "reweighted", "role", "empty", "rescore")

RESCORE = """
import datetime, json, statistics, sys, time
import numpy as np, pandas as pd
from resumematch.run.cache import Cache
from resumematch.run.screener import Screener
from resumematch.report.screening import Screening
folder, cache, synthetic = sys.argv[1], sys.argv[2], int(sys.argv[3])
screener = Screener("it_project_manager", as_of=datetime.date(2026, 1, 1))
with Cache(cache) as c:
    screening = screener.screen([folder], cache=c)
weights = {"duties": 40, "cert.pmp": 5}

def timed(s):
    wall, cpu = [], []
    for _ in range(5):
        t, c = time.perf_counter(), time.process_time()
        s.rescore(weights).ranking
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000

big = screening
if synthetic:  # the same tables repeated, under other file names, until there are `synthetic` files
    k = -(-synthetic // len(screening.files))
    files = pd.concat([screening.files.assign(file=screening.files["file"] + f"#{i}") for i in range(k)],
                      ignore_index=True).iloc[:synthetic]
    n = len(screening.files)
    parts = [screening.findings.assign(fid=screening.findings["fid"] + i * n) for i in range(k)]
    findings = pd.concat(parts, ignore_index=True)
    findings = findings[findings["fid"] < synthetic].reset_index(drop=True)
    for column in ("requirement", "category", "method", "status", "section"):
        findings[column] = findings[column].astype("category")
    big = Screening(screening.model, findings, files)
(ms, cpu), (big_ms, big_cpu) = timed(screening), timed(big)
print(json.dumps({"files": len(screening.files), "findings": len(screening.findings), "ms": ms, "cpu_ms": cpu,
                  "synthetic": len(big.files), "synthetic_findings": len(big.findings), "synthetic_ms": big_ms,
                  "synthetic_cpu_ms": big_cpu}))
"""


def _tree(pid: int) -> list[int]:
    out, stack = [], [pid]
    while stack:
        p = stack.pop()
        out.append(p)
        try:
            tasks = os.listdir(f"/proc/{p}/task")  # every thread's: a Dask nanny starts workers from its own
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
            except OSError:
                pass
    return out


def _mem_kb(pid: int) -> tuple[int, int]:
    """(VmRSS, Pss) of ``pid`` in kB; Pss splits pages shared with forked workers fairly."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/status") as fh:
            rss = next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            pss = next((int(line.split()[1]) for line in fh if line.startswith("Pss:")), 0)
    except OSError:
        pass
    return rss, pss


def measure(argv: list[str], label: str, expect: int = 0) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    peak = peak_pss = 0
    at_peak = ""
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        mem = [_mem_kb(p) for p in _tree(proc.pid)]
        if sum(m[0] for m in mem) > peak:  # which processes make the peak: the parent first
            peak, at_peak = sum(m[0] for m in mem), "+".join(f"{m[0] / 1024:.0f}" for m in mem)
        peak_pss = max(peak_pss, sum(m[1] for m in mem))
        time.sleep(0.05)
    wall = time.perf_counter() - start
    out, err = proc.stdout.read().decode(), proc.stderr.read().decode()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != expect:
        raise SystemExit(f"{label} failed ({proc.returncode}):\n{out}\n{err}")
    return {"label": label, "wall": wall, "load": load, "cpu": usage.ru_utime + usage.ru_stime,
            "tree_rss_mb": peak / 1024, "tree_pss_mb": peak_pss / 1024, "maxrss_mb": usage.ru_maxrss / 1024,
            "at_peak": at_peak, "stderr": err.strip()}


def filled(folder: Path, tmp: Path, count: int) -> Path:
    """``folder``'s PDFs copied in turn into a new folder until there are ``count``. Each copy ends
    with its own PDF comment after ``%%EOF`` (readers ignore it), so that it has its own content
    hash: the cache would otherwise serve a repeat from its first copy, and a cold run would not be."""
    pdfs = sorted(folder.rglob("*.pdf"))
    if not pdfs:
        raise SystemExit(f"no PDF in {folder}")
    out = tmp / "filled"
    out.mkdir()
    for i in range(count):
        source = pdfs[i % len(pdfs)]
        (out / f"{i:04d}_{source.name}").write_bytes(source.read_bytes() + f"\n%copy {i}\n".encode())
    return out


def rank_argv(folder: Path, out: Path, cache: Path, workers: int | None, model: Path | None = None,
              scheduler: str | None = None) -> list[str]:
    """``resumematch rank``; ``workers=None`` leaves the worker count to its default."""
    return [sys.executable, "-c", CLI, "rank", str(folder), "-o", str(out), "--cache", str(cache),
            *(["--workers", str(workers)] if workers is not None else []), "--quiet", "--as-of", "2026-01-01",
            "--timeout", "120", "--model", str(model or "it_project_manager"),
            *(["--scheduler", scheduler] if scheduler else [])]


def compare_scheduler(folder: Path, tmp: Path, n: int, workers: int, scheduler: str, repeat: int) -> None:
    """Cold ranks of ``folder`` with the local pool and on the Dask ``scheduler``, interleaved."""
    labels = {"pool": f"rank cold, local pool of {workers}", "dask": f"rank cold, --scheduler {scheduler}"}
    runs: dict[str, list[dict]] = {k: [] for k in labels}
    for round_ in range(repeat):
        for k in (("pool", "dask") if round_ % 2 == 0 else ("dask", "pool")):
            argv = rank_argv(folder, tmp / f"{k}.csv", tmp / f"{k}{round_}.sqlite", workers,
                             scheduler=scheduler if k == "dask" else None)
            runs[k].append(measure(argv, labels[k]))
        print(f"round {round_ + 1}: " + ", ".join(f"{k} {v[-1]['wall']:.2f}s" for k, v in runs.items()), flush=True)
    same = (tmp / "pool.csv").read_bytes() == (tmp / "dask.csv").read_bytes()
    print(f"\nmedians of {repeat} round(s); CSVs byte-identical: {same}")
    print(f"{'run':<44}{'wall s':>9}{'cpu s':>9}{'files/s':>10}{'tree RSS MB':>13}")
    med = {k: {m: _median([r[m] for r in v]) for m in ("wall", "cpu", "tree_rss_mb")} for k, v in runs.items()}
    for k, r in med.items():
        print(f"{labels[k]:<44}{r['wall']:>9.2f}{r['cpu']:>9.2f}{n / r['wall']:>10.1f}{r['tree_rss_mb']:>13.0f}")
    overhead = med["dask"]["wall"] / med["pool"]["wall"] - 1
    print(f"Dask overhead (wall): {overhead:+.1%}   target <= +15%   {'OK' if overhead <= 0.15 else 'MISSED'}")
    per_round = [d["wall"] / p["wall"] - 1 for p, d in zip(runs["pool"], runs["dask"])]
    print("per round: " + ", ".join(f"{o:+.1%}" for o in per_round))



def profile(folder: Path, tmp: Path, limit: int = 100) -> None:
    """cProfile a workers=0 rank of the first ``limit`` files (extraction and scoring in one process)."""
    code = f"""
import cProfile, pstats, glob, sys
from resumematch.run.rank import rank_files, RunSettings
from resumematch.run.screener import Screener
files = sorted(glob.glob({str(folder)!r} + '/**/*.pdf', recursive=True))[:{limit}]
s = Screener('it_project_manager')
pr = cProfile.Profile(); pr.enable()
rank_files(files, {str(tmp / 'prof.csv')!r}, s, RunSettings(workers=0, use_cache=False))
pr.disable()
st = pstats.Stats(pr); st.sort_stats('cumulative').print_stats(25)
"""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True)


BURN = """
import sys, time
from multiprocessing import get_context
def burn(_):
    x = 0
    for i in range(15_000_000):
        x += i * i
    return x
if __name__ == "__main__":
    n = int(sys.argv[1])
    t = time.perf_counter()
    with get_context("fork").Pool(n) as pool:
        pool.map(burn, range(n))
    print(time.perf_counter() - t)
"""


def parallel_capacity(workers: int) -> float:
    """How many times more pure-Python work ``workers`` processes get done than one, right now.

    On a shared virtual machine the second vCPU may not add a second core's worth of work;
    this is the ceiling for any multi-worker speedup measured in the same run."""
    def timed(n: int) -> float:
        out = subprocess.run([sys.executable, "-c", BURN, str(n)], capture_output=True, text=True, check=True)
        return float(out.stdout)
    one, many = timed(1), timed(workers)
    return workers * one / many


def reweighted_model(tmp: Path) -> Path:
    """The bundled model with other category weights: re-ranking with it may reuse every cached
    analysis and only re-score."""
    from resumematch.model import load_model

    model = load_model("it_project_manager")
    text = model.content
    for category, weight in model.category_weights.items():
        text = text.replace(f"  {category}: {weight:g}\n", f"  {category}: {weight + 5:g}\n", 1)
    assert text != model.content, "no category weight found to change"
    path = tmp / "it_project_manager_reweighted.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=200, help="resumes to generate (ignored with --folder)")
    ap.add_argument("--folder", type=Path, help="use the resumes in this folder")
    ap.add_argument("--fill", type=int, help="with --folder: its PDFs repeated to this many distinct files")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=2, help="N of the multi-worker cold run")
    ap.add_argument("--repeat", type=int, default=1,
                    help="rounds; each round runs every measurement once, in turn, and the medians are reported")
    ap.add_argument("--profile", action="store_true", help="cProfile a workers=0 run of 100 files")
    ap.add_argument("--scheduler", help="compare the local pool with rank --scheduler SCHEDULER (e.g. local:2)")
    ap.add_argument("--runs", type=lambda v: v.split(","), default=list(RUNS),
                    help=f"comma-separated runs to make (default: all of {','.join(RUNS)})")
    ap.add_argument("--synthetic", type=int, default=100_000, help="files of the synthetic rescore measurement")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench_rank_") as tmpdir:
        tmp = Path(tmpdir)
        # Every run uses compiled bytecode, as an installed package does (pip compiles it): under
        # PYTHONDONTWRITEBYTECODE each run would compile resumematch's modules from source again.
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "resumematch")], check=True)
        if args.folder:
            folder = filled(args.folder, tmp, args.fill) if args.fill else args.folder
        else:
            from make_resumes import make_resumes

            folder = tmp / "resumes"
            t = time.perf_counter()
            make_resumes(folder, args.n, args.seed)
            print(f"generated {args.n} resumes in {time.perf_counter() - t:.1f} s", flush=True)
        n = sum(1 for _ in folder.rglob("*.pdf"))
        print(f"{n} PDFs in {folder}; python {sys.version.split()[0]}, nproc {os.cpu_count()}", flush=True)
        # The cache prefix holds the installed packages' bytecode too: without one untimed rank first,
        # the first round's workers would compile spaCy, pdfminer and pandas from source (8 MB more each).
        warmup = tmp / "warmup"
        warmup.mkdir()
        for pdf in sorted(folder.rglob("*.pdf"))[:4]:
            shutil.copy(pdf, warmup / pdf.name)
        subprocess.run(rank_argv(warmup, tmp / "w.csv", tmp / "w.sqlite", args.workers), check=True,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT, capture_output=True)
        subprocess.run([sys.executable, "-c", FLOOR, str(warmup)], check=True, cwd=ROOT, capture_output=True)
        from resumematch.run.screener import default_workers

        print(f"default worker count for them: {default_workers(folder.rglob('*.pdf'))}", flush=True)

        if args.scheduler:
            compare_scheduler(folder, tmp, n, args.workers, args.scheduler, args.repeat)
            return
        capacity = parallel_capacity(args.workers)
        print(f"machine parallel capacity with {args.workers} processes: {capacity:.2f}x "
              f"(the ceiling for any {args.workers}-worker speedup in this run)", flush=True)
        other_weights = reweighted_model(tmp)
        other_role = ROOT / "examples" / "models" / "data_analyst.yaml"
        labels = {"floor": "floor: pdfminer extract_text", "cold1": "rank cold, 1 worker",
                  "coldN": f"rank cold, {args.workers} workers", "colddef": "rank cold, default workers",
                  "warm": "rank warm (same command again)",
                  "reweighted": "rank warm, other weights", "role": "rank, other role (documents cached)",
                  "empty": "rank an empty folder"}
        empty = tmp / "empty"
        empty.mkdir()

        def argv_of(k: str, tag: str) -> list[str]:  # cold ranks get a fresh cache each round; warm ones cN's
            if k == "floor":
                return [sys.executable, "-c", FLOOR, str(folder)]
            if k == "empty":
                return rank_argv(empty, tmp / "e.csv", tmp / "e.sqlite", None)
            cache = {"cold1": "c1", "colddef": "cd"}.get(k, "cN")
            workers = {"cold1": 1, "colddef": None}.get(k, args.workers)
            model = {"reweighted": other_weights, "role": other_role}.get(k)
            return rank_argv(folder, tmp / f"{k}.csv", tmp / f"{cache}{tag}.sqlite", workers, model)

        chosen = [k for k in labels if k in args.runs]
        if {"warm", "reweighted", "role", "rescore"} & set(args.runs) and "coldN" not in chosen:
            raise SystemExit("warm, reweighted, role and rescore runs need the coldN run (its cache)")
        runs: dict[str, list[dict]] = {k: [] for k in chosen}
        for round_ in range(args.repeat):
            for k in chosen:
                # an empty folder is a usage error (exit 2) found before the model loads: start-up and the check
                runs[k].append(measure(argv_of(k, f"r{round_}"), labels[k], expect=2 if k == "empty" else 0))
                r = runs[k][-1]
                print(f"round {round_ + 1}: {labels[k]:<40}{r['wall']:>8.2f} s wall{r['cpu']:>8.2f} s CPU   "
                      f"load {r['load']:.2f}   tree RSS {r['tree_rss_mb']:.0f} MB ({r['at_peak']})", flush=True)
        med = {k: {m: _median([r[m] for r in v]) for m in ("wall", "cpu", "tree_rss_mb", "tree_pss_mb", "maxrss_mb",
                                                              "load")}
               for k, v in runs.items()}
        print(f"\nmedians of {args.repeat} round(s)")
        print(f"{'run':<40}{'wall s':>9}{'cpu s':>9}{'files/s':>10}{'tree RSS MB':>13}{'tree PSS MB':>13}"
              f"{'maxrss MB':>11}{'load':>7}")
        for k, r in med.items():
            print(f"{labels[k]:<40}{r['wall']:>9.2f}{r['cpu']:>9.2f}{n / r['wall']:>10.1f}{r['tree_rss_mb']:>13.0f}"
                  f"{r['tree_pss_mb']:>13.0f}{r['maxrss_mb']:>11.0f}{r['load']:>7.2f}")
        wall = {k: r["wall"] for k, r in med.items()}
        ratios = {name: wall[a] / wall[b] for name, (a, b) in RATIOS.items() if a in wall and b in wall}
        if {"cold1", "coldN", "colddef"} <= set(wall):
            ratios["cold default/faster"] = wall["colddef"] / min(wall["cold1"], wall["coldN"])
        if "empty" in wall:
            ratios["empty folder s"] = wall["empty"]
        ranks = [r for k, v in runs.items() if k != "floor" for r in v]
        if ranks:
            ratios["peak RSS MB"] = max(r["tree_rss_mb"] for r in ranks)
            ratios["peak PSS MB"] = max(r["tree_pss_mb"] for r in ranks)
        if "rescore" in args.runs:
            env = dict(os.environ, PYTHONPATH=str(ROOT))
            done = subprocess.run([sys.executable, "-c", RESCORE, str(folder), str(tmp / "cNr0.sqlite"),
                                   str(args.synthetic)], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
            rescore = json.loads(done.stdout.strip().splitlines()[-1])
            ratios["rescore ms (files)"] = rescore["ms"]
            ratios["rescore ms (100,000 synthetic)"] = rescore["synthetic_ms"]
            print(f"\nin-process Screening.rescore(weights).ranking, median of 5 (wall, CPU): {rescore['files']} files "
                  f"({rescore['findings']} findings) {rescore['ms']:.1f} ms, {rescore['cpu_ms']:.1f} ms; "
                  f"{rescore['synthetic']} synthetic files ({rescore['synthetic_findings']} findings) "
                  f"{rescore['synthetic_ms']:.0f} ms, {rescore['synthetic_cpu_ms']:.0f} ms")
        if "warm" in runs:
            rows = sum(1 for _ in open(tmp / "warm.csv", encoding="utf-8")) - 1
            print(f"\nwarm CSV rows: {rows} (files: {n}); cold with {args.workers} workers is the cold of cold/warm")
        for name, value in ratios.items():
            op, target = TARGETS[name]
            ok = value <= target if op == "<=" else value >= target if op == ">=" else value < target
            print(f"{name:<26}{value:>9.2f}   target {op} {target:g}   {'OK' if ok else 'MISSED'}")
        # CPU time is what a shared machine's load disturbs least (workers' CPU included: they are reaped).
        print(f"\n{'ratio':<24}{'wall (medians)':>15}{'CPU (medians)':>15}   wall per round")
        for name, (a, b) in RATIOS.items():
            if a in runs and b in runs:
                rounds = ", ".join(f"{x['wall'] / y['wall']:.1f}" for x, y in zip(runs[a], runs[b]))
                print(f"{name:<24}{wall[a] / wall[b]:>15.2f}{med[a]['cpu'] / med[b]['cpu']:>15.2f}   {rounds}")
        capacity_after = parallel_capacity(args.workers)
        print(f"machine parallel capacity after the runs: {capacity_after:.2f}x; speedup relative to the "
              f"lower capacity: {ratios.get('cold1/cold2 speedup', float('nan')) / min(capacity, capacity_after):.2f}")
        if args.profile:
            profile(folder, tmp)


if __name__ == "__main__":
    main()
