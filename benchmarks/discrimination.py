"""Does the ranking put the right people first? Measured on a mixed pool of real CVs.

The pool is the dotin-inc annotated CVs (CC0-1.0): people from IT, teaching, law, marketing, sales,
the motor trade and more. Each CV is graded from its own title line by ``relevance_labels`` (rules
that read the title alone, written before any score was seen); CVs whose title names no clear
field are left out. Each CV is written to a file as a user receives it (multi-line CVs typeset as
PDF, one-line exports as text), the folder is ranked with ``resumematch rank``, and the ranked
CSV's own ``score`` column is judged, beside two baselines run in this same script on the same
extracted text:

- **keyword count**: how many of the model's own phrases (aliases, evidence phrases, relevant
  terms, degree fields) occur in the text, as whole words, case-insensitive;
- **TF-IDF** cosine and **BM25** (bm25s) between the resume and the role's text (the posting a
  role was drafted from, or the seed article for the bundled model), with the weights fitted on
  the pool itself, as a ten-line script would.

Measures: AUC (the chance that a relevant CV scores above an irrelevant one, ties counted half)
and NDCG@20 with gain 2^grade - 1. Each CSV column that is a score (``score``, ``fit``, the
category columns) is judged on its own too, so every part of the score shows what it adds.

    python benchmarks/discrimination.py                       # bundled model and drafted roles
    python benchmarks/discrimination.py --roles it_project_manager --keep /tmp/disc
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import DEFAULT_DATA, ROOT, Sample, load_samples, write_pdf  # noqa: E402
from relevance_labels import grade_it_pm, in_field  # noqa: E402

AS_OF = "2026-11-01"
SEED = ROOT.parent / "shared" / "seed" / "it-project-manager-article.txt"
POSTINGS = ROOT / "benchmarks" / "postings"


@dataclass
class Role:
    """A role to screen the pool for: how to get its model, its text, and who is relevant."""

    name: str
    model: str | None  # a model name or path; None: drafted from ``text_path``
    text_path: Path  # the role's own text (the posting, or the seed article)
    grade: Callable[[Sample], int | None]


def _titles(sample: Sample) -> list[str]:
    return [" ".join(lab.text.split()) for lab in sample.spans("Designation")]


def it_pm_grade(sample: Sample) -> int | None:
    titles = _titles(sample)
    return grade_it_pm(titles[0], tuple(titles[1:])) if titles else None


def field_grade(field: str) -> Callable[[Sample], int | None]:
    def grade(sample: Sample) -> int | None:
        titles = _titles(sample)
        if not titles:
            return None
        return 1 if in_field(titles[0], field) else (0 if it_pm_grade(sample) is not None or
                                                      any(in_field(titles[0], f) for f in FIELD_NAMES) else None)
    return grade


FIELD_NAMES = ("teacher", "software developer", "lawyer", "marketing", "sales")


#: Real postings (benchmarks/postings, U.S. federal, public domain) whose field the pool holds.
POSTING_FIELDS = {"it_project_manager_fsa.txt": "it_pm", "it_project_manager_state.txt": "it_pm"}
#: O*NET occupations whose people the pool holds: a role described by the occupation's own title
#: and description (shipped in resumematch/catalog/occupation_text.tsv), drafted like a posting.
ONET_FIELDS = {"25-2031.00": "teacher", "23-1011.00": "lawyer", "15-1252.00": "software developer",
               "11-2021.00": "marketing"}


def roles(work: Path) -> list[Role]:
    """The bundled model; a role drafted from each real posting the pool has people for; and a role
    drafted from each O*NET occupation description the pool has people for."""
    found = [Role("it_project_manager", "it_project_manager", SEED, it_pm_grade)]
    for name, field in POSTING_FIELDS.items():
        if (POSTINGS / name).exists():
            grade = it_pm_grade if field == "it_pm" else field_grade(field)
            found.append(Role(f"drafted:{Path(name).stem}", None, POSTINGS / name, grade))
    from resumematch.catalog.occupations import background

    for code, field in ONET_FIELDS.items():
        occupation = background().get(code)
        path = work / f"onet_{code}.txt"
        path.write_text(f"{occupation.title}\n\n{occupation.description}\n", encoding="utf-8")
        found.append(Role(f"onet:{occupation.title}", None, path, field_grade(field)))
    return found


# --- measures ------------------------------------------------------------------------------------

def auc(scores: list[float], relevant: list[bool]) -> float:
    """Mann-Whitney AUC with ties counted half."""
    pos = [s for s, r in zip(scores, relevant) if r]
    neg = [s for s, r in zip(scores, relevant) if not r]
    if not pos or not neg:
        return float("nan")
    ranked = sorted(scores)
    # average ranks (1-based) for ties
    rank_of: dict[float, float] = {}
    i = 0
    while i < len(ranked):
        j = i
        while j + 1 < len(ranked) and ranked[j + 1] == ranked[i]:
            j += 1
        rank_of[ranked[i]] = (i + j) / 2 + 1
        i = j + 1
    rank_sum = sum(rank_of[s] for s in pos)
    return (rank_sum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def ndcg(scores: list[float], grades: list[int], k: int = 20) -> float:
    """NDCG@k with gain 2^grade - 1; ties broken by the order given (file name)."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    dcg = sum((2 ** grades[i] - 1) / math.log2(pos + 2) for pos, i in enumerate(order[:k]))
    ideal = sorted(grades, reverse=True)
    idcg = sum((2 ** g - 1) / math.log2(pos + 2) for pos, g in enumerate(ideal[:k]))
    return dcg / idcg if idcg else float("nan")


def lead(scores: list[float], baseline: list[float], relevant: list[bool], rounds: int = 1000,
         seed: int = 0) -> tuple[float, float, float]:
    """How far ``scores`` lead ``baseline`` in AUC, with a 95% interval from a paired bootstrap (the
    same resampled CVs judge both): (lead, low, high). With a dozen relevant CVs, one misplaced CV
    moves an AUC by several thousandths; the interval says which leads are more than that."""
    rng = random.Random(seed)
    n = len(scores)
    leads = []
    for _ in range(rounds):
        pick = [rng.randrange(n) for _ in range(n)]
        rel = [relevant[i] for i in pick]
        if all(rel) or not any(rel):
            continue
        leads.append(auc([scores[i] for i in pick], rel) - auc([baseline[i] for i in pick], rel))
    leads.sort()
    return (auc(scores, relevant) - auc(baseline, relevant), leads[int(0.025 * len(leads))],
            leads[int(0.975 * len(leads)) - 1])


def top_relevant(scores: list[float], relevant: list[bool], k: int = 20) -> int:
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    return sum(relevant[i] for i in order[:k])


# --- baselines -----------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z][a-z0-9+#]*")


def keyword_counts(model_path: str, texts: list[str]) -> list[float]:
    """How many of the model's own phrases occur in each text (whole words, case-insensitive)."""
    from resumematch import load_model

    model = load_model(model_path)
    phrases = {p.lower() for r in model.requirements for p in (*r.aliases, *r.evidence)}
    phrases |= {t.lower() for t in model.experience.relevant_terms}
    phrases |= {f.lower() for r in model.requirements if r.degree for f in r.degree.fields}
    patterns = [re.compile(r"(?<!\w)" + re.escape(p) + r"(?!\w)") for p in sorted(phrases) if p]
    return [float(sum(1 for p in patterns if p.search(t.lower()))) for t in texts]


def tfidf_cosine(query: str, texts: list[str]) -> list[float]:
    """Cosine between TF-IDF vectors (log tf, idf fitted on the pool), as a short script would."""
    docs = [_WORD.findall(t.lower()) for t in texts]
    n = len(docs)
    df: dict[str, int] = {}
    for d in docs:
        for w in set(d):
            df[w] = df.get(w, 0) + 1

    def vec(words: list[str]) -> dict[str, float]:
        counts: dict[str, int] = {}
        for w in words:
            counts[w] = counts.get(w, 0) + 1
        v = {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + df.get(w, 0))) + 1) for w, c in counts.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / norm for w, x in v.items()}

    q = vec(_WORD.findall(query.lower()))
    return [sum(q.get(w, 0.0) * x for w, x in vec(d).items()) for d in docs]


def bm25(query: str, texts: list[str]) -> list[float]:
    """BM25 (bm25s, its defaults) of each text for the role's text as the query."""
    import bm25s

    corpus = bm25s.tokenize(texts, stopwords="en", show_progress=False)
    retriever = bm25s.BM25()
    retriever.index(corpus, show_progress=False)
    words = [w for w in _WORD.findall(query.lower()) if w in corpus.vocab]
    if not words:
        return [0.0] * len(texts)
    return [float(s) for s in retriever.get_scores(words)]


# --- running the tool ----------------------------------------------------------------------------

def _cli(*args: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-c", "from resumematch.cli import main; main()", *args],
                          check=False, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"resumematch {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")


def materialise(samples: list[Sample], folder: Path) -> dict[str, Path]:
    """Each CV written as a user receives it; returns the file of each sample."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for s in samples:
        if s.format == "multi-line":
            path = folder / f"{s.name}.pdf"
            write_pdf(s.text, path)
        else:
            path = folder / f"{s.name}.txt"
            path.write_text(s.text, encoding="utf-8")
        files[s.name] = path
    return files


def extracted_texts(files: dict[str, Path]) -> dict[str, str]:
    from resumematch import extract

    return {name: extract(path).text for name, path in files.items()}


WORKERS: list[str] = []  # ["--workers", "N"] when given


def rank(folder: Path, model: str, output: Path) -> dict[str, dict]:
    _cli("rank", str(folder), "-o", str(output), "--model", model, "--as-of", AS_OF, "--no-cache", "--quiet",
         *WORKERS)
    with output.open(encoding="utf-8-sig", newline="") as fh:
        return {Path(row["file"]).stem: row for row in csv.DictReader(fh)}


def _slug(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name)[:60]


def _number(value: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return -1.0  # an unscored file ranks last


def evaluate(role: Role, samples: list[Sample], files: dict[str, Path], texts: dict[str, str],
             work: Path) -> dict:
    """The role's table: each score column and each baseline, with AUC and NDCG@20."""
    pool = [(s, g) for s in samples if (g := role.grade(s)) is not None]
    folder = work / "pool"
    model = role.model
    if model is None:
        model = str(work / f"{_slug(role.name)}.yaml")
        _cli("draft-model", str(role.text_path), "-o", model)
        _cli("check-model", model)
    rows = rank(folder, model, work / f"{_slug(role.name)}.csv")
    names = [s.name for s, _ in pool]
    grades = [g for _, g in pool]
    relevant = [g > 0 for g in grades]
    role_text = role.text_path.read_text(encoding="utf-8")
    pool_texts = [texts[n] for n in names]
    header = next(iter(rows.values())).keys()
    columns = ["score"] + [c for c in ("fit", "relevant_years", "role_years", "required_met_count") if c in header]
    columns += [c for c in header if c.endswith("_score")]
    signals = {f"resumematch {c}": [_number(rows[n].get(c, "")) for n in names] for c in dict.fromkeys(columns)}
    signals["keyword count"] = keyword_counts(model, pool_texts)
    signals["TF-IDF"] = tfidf_cosine(role_text, pool_texts)
    signals["BM25"] = bm25(role_text, pool_texts)
    table = {}
    for label, scores in signals.items():
        entry = {"auc": round(auc(scores, relevant), 3), "ndcg@20": round(ndcg(scores, grades), 3),
                 "top20": top_relevant(scores, relevant)}
        if max(grades) > 1:
            entry["auc_grade2"] = round(auc(scores, [g > 1 for g in grades]), 3)
        table[label] = entry
    leads: dict[str, dict[str, list[float]]] = {}
    score = signals["resumematch score"]
    for baseline in ("keyword count", "TF-IDF", "BM25"):
        leads[baseline] = {"auc": [round(x, 3) for x in lead(score, signals[baseline], relevant)]}
        if max(grades) > 1:
            grade2 = [g > 1 for g in grades]
            leads[baseline]["auc_grade2"] = [round(x, 3) for x in lead(score, signals[baseline], grade2)]
    return {"role": role.name, "pool": len(pool), "relevant": sum(relevant),
            "grade2": sum(g > 1 for g in grades), "table": table, "leads": leads}


def format_table(result: dict) -> str:
    lines = [f"### {result['role']}: {result['pool']} CVs, {result['relevant']} relevant"
             + (f" ({result['grade2']} of them IT management or IT PM)" if result["grade2"] else ""), "",
             "| signal | AUC | AUC, grade 2 | NDCG@20 | relevant in top 20 |", "|---|---:|---:|---:|---:|"]
    for label, e in result["table"].items():
        lines.append(f"| {label} | {e['auc']:.3f} | {e.get('auc_grade2', float('nan')):.3f} | "
                     f"{e['ndcg@20']:.3f} | {e['top20']} |")
    lines += ["", "Lead of the score's AUC over each baseline, with its 95% interval (paired bootstrap, 1,000 rounds):"]
    for baseline, entry in result.get("leads", {}).items():
        parts = [f"{key.replace('auc_grade2', 'grade 2').replace('auc', 'any')} {v:+.3f} ({lo:+.3f} to {hi:+.3f})"
                 for key, (v, lo, hi) in entry.items()]
        lines.append(f"- over {baseline}: " + "; ".join(parts))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--roles", nargs="*", help="role names to run (default: all)")
    parser.add_argument("--keep", type=Path, help="keep the pool, models and CSVs in this folder")
    parser.add_argument("--json", type=Path, help="also write the tables as JSON")
    parser.add_argument("--workers", help="rank's --workers (scores do not depend on it)")
    args = parser.parse_args(argv)
    if args.workers is not None:
        WORKERS[:] = ["--workers", args.workers]
    if not args.data.is_dir():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    samples = load_samples(args.data)
    work = args.keep or Path(tempfile.mkdtemp(prefix="discrimination-"))
    began = time.perf_counter()
    files = (materialise(samples, work / "pool") if not (work / "pool").is_dir()
             else {s.name: next((work / "pool").glob(f"{s.name}.*")) for s in samples})
    texts = extracted_texts(files)
    results = []
    for role in roles(work):
        if args.roles and role.name not in args.roles:
            continue
        result = evaluate(role, samples, files, texts, work)
        results.append(result)
        print(format_table(result), end="\n\n", flush=True)
    print(f"{time.perf_counter() - began:.0f} s; files in {work}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
