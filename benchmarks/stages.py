"""CPU per file of each stage of a ranking run, in one process (medians of 3 passes).

    python benchmarks/stages.py DIR        # a folder of PDFs, e.g. from make_resumes.py

What a worker does per file (extraction, analysis) and what the parent does (hash, cache writes,
reading the worker's analysis, review, facts rows, journal line, the tables and their scoring; warm: cache reads
instead of the worker), beside bare pdfminer. These are the figures behind "Where the time goes" in docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import tempfile
import time
from pathlib import Path

from pdfminer.high_level import extract_text

from resumematch.analyze.review import review
from resumematch.analyze.values import Analysis
from resumematch.extraction import extract
from resumematch.report.screening import Screening
from resumematch.run.cache import Cache, file_sha256
from resumematch.run.screener import Screener
from resumematch.score.facts import facts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    args = ap.parse_args()
    files = sorted(args.folder.glob("*.pdf"))
    screener = Screener("it_project_manager", as_of=dt.date(2026, 1, 1))
    analyzer = screener.analyzer

    def timed(label, fn):
        times = []
        for _ in range(3):
            start = time.process_time()
            out = fn()
            times.append(time.process_time() - start)
        print(f"{label:<46}{statistics.median(times) / len(files) * 1000:8.2f} ms/file", flush=True)
        return out

    timed("bare pdfminer extract_text", lambda: [extract_text(f) for f in files])
    docs = timed("worker: resumematch extract", lambda: [extract(f) for f in files])
    analyses = timed("worker: analysis", lambda: [analyzer.analyze(d) for d in docs])
    texts = timed("worker: analysis to JSON", lambda: [a.to_json() for a in analyses])
    timed("parent: hash the file", lambda: [file_sha256(f) for f in files])
    with tempfile.TemporaryDirectory() as tmp:
        def writes():
            with Cache(Path(tmp) / "stages.sqlite") as cache:
                for d, a in zip(docs, analyses):
                    cache.put(d, "options")
                    cache.put_analysis(d.sha256, "key", a)
        timed("parent: cache writes (document, analysis)", writes)
        with Cache(Path(tmp) / "stages.sqlite") as cache:
            timed("parent, warm: cached document", lambda: [cache.get(d.sha256, "options") for d in docs])
            timed("parent, warm: cached analysis", lambda: [cache.get_analysis(d.sha256, "key") for d in docs])
    timed("parent: read the worker's analysis", lambda: [Analysis.from_json(t) for t in texts])
    reviewed = timed("parent: gaming review", lambda: [review(d, a) for d, a in zip(docs, analyses)])
    records = timed("parent: facts rows (snippets)",
                    lambda: [(str(f), facts(d, a, flags)) for f, d, (a, flags) in zip(files, docs, reviewed)])
    timed("parent: journal line", lambda: [json.dumps({"facts": r}, ensure_ascii=False) for _, r in records])
    screening = timed("parent: findings and files tables (all files)",
                      lambda: Screening.from_records(screener.model, records))
    timed("parent: score the tables and rank (all files)",
          lambda: Screening(screening.model, screening.findings, screening.files).ranking)

if __name__ == "__main__":
    main()
