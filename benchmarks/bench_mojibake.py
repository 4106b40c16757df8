"""What repairing mojibake costs: seconds per MB of text for ``repair_mojibake`` (the check, and
ftfy when the check finds mojibake), for all of ``normalize``, and for ftfy run on every text,
on clean text and on the same text with its UTF-8 read as cp1252 (medians of 5 passes).

    python benchmarks/bench_mojibake.py            # the bundled example resumes, repeated to 1 MB

The clean text has accents, dashes and bullets (not plain ASCII, which skips the check at once).
These are the figures in docs/performance.md, "Repairing mojibake".
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import ftfy

from resumematch.extraction.normalize import _FTFY, normalize, repair_mojibake

ROOT = Path(__file__).resolve().parents[1]


def sample(size: int) -> str:
    """``size`` characters of resume text with non-ASCII characters in every resume."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "resumes").glob("*.txt"))]
    text = "\n\n".join(t + "\nJosé García – Zürich • 2019 – 2021 • PMP® ½ day" for t in texts)
    return (text * (size // len(text) + 1))[:size]


def per_mb(fn, text: str, passes: int = 5) -> float:
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times) / (len(text.encode("utf-8")) / 1e6)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chars", type=int, default=1_000_000, help="size of the sample text (default 1,000,000)")
    args = ap.parse_args()
    clean = sample(args.chars)
    broken = clean.encode("utf-8").decode("cp1252", errors="replace")
    assert normalize(broken) == normalize(clean), "the repair did not give the clean text back"
    print("| text | repair_mojibake s/MB | all of normalize s/MB | ftfy on every text s/MB |")
    print("|---|---:|---:|---:|")
    for label, text in (("clean", clean), ("mojibake", broken)):
        repair = per_mb(repair_mojibake, text)
        norm = per_mb(normalize, text)
        bare = per_mb(lambda t: ftfy.fix_text(t, **_FTFY), text)
        print(f"| {label} | {repair:.3f} | {norm:.3f} | {bare:.3f} |")


if __name__ == "__main__":
    main()
