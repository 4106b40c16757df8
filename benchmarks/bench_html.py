"""How big the HTML report gets and how fast headless Chromium opens it, at 2,000 candidates.

Synthetic tables with the bundled model's requirements (every candidate with evidence for about
half of them, snippets of real length) are rendered with ``render_html``; the page is then
opened in headless Chromium (Selenium + chromedriver), which reports when the load finished and
when the first layout of the whole page was done.

    python benchmarks/bench_html.py              # 2,000 candidates, top 200 (the default)
    python benchmarks/bench_html.py --n 5000 --top 500
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

import pandas as pd

from resumematch.model import load_model
from resumematch.report.html import model_meta, write_html
from resumematch.report.rows import columns

WORDS = ("led planned delivered migrated negotiated the team of engineers vendor contracts budget schedule "
         "cloud platform data warehouse rollout stakeholders quarterly releases risk register").split()


def tables(n: int, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    model = load_model("it_project_manager")
    rng = random.Random(seed)
    cats = sorted({r.category for r in model.requirements})
    ranking, evidence, files = [], [], []
    for i in range(n):
        file = f"resumes/candidate_{i:05d}_{rng.choice(WORDS)}.pdf"
        sha = f"{i:064x}"
        strengths = {r.id: (rng.choice([0, 0, 0.7, 0.8, 1.0]) if rng.random() < 0.6 else 0.0)
                     for r in model.requirements}
        matched = [k for k, v in strengths.items() if v >= 0.5]
        missing = [r.id for r in model.requirements if r.kind == "required" and strengths[r.id] < 0.5]
        name = f"Candidate Person{i}"
        required = [r for r in model.requirements if r.kind == "required"]
        row = {"candidate": name, "score": round(rng.uniform(0, 100), 2),
               "required_met": f"{len(required) - len(missing)} of {len(required)}",
               "missing_required": "; ".join(model.by_id[m].label for m in missing), "status": "ok",
               "flags": "keyword_stuffing" if rng.random() < 0.03 else "", "reason": "",
               **{f"{c}_score": round(rng.random(), 4) for c in cats}, **strengths,
               "relevant_years": 5.5, "total_years": 9.0, "email": f"person{i}@example.com",
               "phone": f"555-{i:04d}", "file": file, "sha256": sha,
               "matched": ";".join(matched), "missing": ";".join(missing)}
        ranking.append(row)
        files.append({"file": file, "sha256": sha, "format": "pdf", "status": "ok", "reason": "", "flags": row["flags"],
                      "relevant_years": 5.5, "total_years": 9.0, "candidate_name": name, "email": row["email"],
                      "phone": row["phone"]})
        for r in model.requirements:
            if strengths[r.id] > 0:
                text = (r.aliases or (r.label,))[0]
                snippet = " ".join(rng.choice(WORDS) for _ in range(12)) + f" {text} " + " ".join(
                    rng.choice(WORDS) for _ in range(8))
                evidence.append({"file": file, "sha256": sha, "requirement": r.id, "label": r.label,
                                 "category": r.category, "kind": r.kind, "weight": r.weight, "text": text,
                                 "method": "alias", "match_score": 1.0, "status": "mentioned",
                                 "section": "experience", "page": 1, "start": 0, "end": 0, "snippet": snippet,
                                 "strength": strengths[r.id], "via": ""})
    frame = pd.DataFrame(ranking).sort_values("score", ascending=False, kind="mergesort").reset_index(drop=True)
    frame["rank"] = range(1, len(frame) + 1)
    return frame[columns(model)], pd.DataFrame(evidence), pd.DataFrame(files)


def open_in_chromium(path: Path) -> dict:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        driver.get("about:blank")
        driver.execute_cdp_cmd("Performance.enable", {})
        before = _metrics(driver)
        start = time.perf_counter()
        driver.get(path.resolve().as_uri())  # returns after the load event
        driver.execute_script("return document.body.scrollHeight")  # forces layout of the whole page
        wall = time.perf_counter() - start
        timing = driver.execute_script(
            "const t = performance.getEntriesByType('navigation')[0];"
            "return {dom: t.domContentLoadedEventEnd, load: t.loadEventEnd};")
        rows = driver.execute_script("return document.querySelectorAll('#ranking tbody tr').length")
        after = _metrics(driver)
    finally:
        driver.quit()
    cpu = {k: after.get(k, 0) - before.get(k, 0) for k in ("TaskDuration", "ThreadTime", "ProcessTime")}
    return {"wall_s": wall, "dom_ms": timing["dom"], "load_ms": timing["load"], "rows": rows, **cpu}


def _metrics(driver) -> dict:
    """Chromium's counters: TaskDuration (main-thread busy time, s), ThreadTime (its CPU time, s)."""
    return {m["name"]: m["value"] for m in driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--top", type=int, default=200)
    args = parser.parse_args()
    ranking, evidence, files = tables(args.n)
    meta = model_meta(load_model("it_project_manager"), "2026-01-01")
    with tempfile.TemporaryDirectory() as tmp:
        for blind in (False, True):
            path = Path(tmp) / f"report{'-blind' if blind else ''}.html"
            start = time.perf_counter()
            write_html(path, ranking, evidence, files, meta, blind=blind, top=args.top)
            render = time.perf_counter() - start
            browser = open_in_chromium(path)
            print(f"{args.n} candidates, {len(evidence)} evidence rows, top {args.top}, blind={blind}: "
                  f"{path.stat().st_size / 1e6:.2f} MB, render_html {render:.2f} s, "
                  f"chromium open+layout {browser['wall_s']:.2f} s (DOMContentLoaded {browser['dom_ms']:.0f} ms, "
                  f"load {browser['load_ms']:.0f} ms; main thread busy {browser['TaskDuration']:.2f} s, "
                  f"of it CPU {browser['ThreadTime']:.2f} s), {browser['rows']} table rows")


if __name__ == "__main__":
    main()
