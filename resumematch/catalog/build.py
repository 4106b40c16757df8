"""Derives the shipped technology lists and occupation background from files of the O*NET Database.

    python -m resumematch.catalog.build "path/to/onet"   # holds Technology Skills.txt, Occupation Data.txt
    python -m resumematch.catalog.build "path/to/onet" "path/to/onet_db_text"
        # the second holds Alternate Titles.txt, Sample of Reported Titles.txt, Task Statements.txt,
        # Related Occupations.txt

writes ``technology.tsv``, ``commodities.tsv``, ``occupations.tsv`` and ``occupation_text.tsv`` (every
occupation's title and description, the background that term specificity is measured on) beside this module,
and, from the second folder, ``occupation_alternate_titles.tsv`` (the titles people hold in each occupation,
which name a job's occupation), ``occupation_tasks.tsv`` (each occupation's task statements, which a job's
duties read against) and ``occupation_related.tsv`` (the occupations O*NET finds most closely related to each,
which a drafted role takes beside its own; the shipped files come from the O*NET 27.0 database). Each
file is headed by the O*NET attribution and the sha256 of the files it came from. The package never
imports this module; it is here so that the derived files can be rebuilt from a newer O*NET.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

from .technology import (
    ALTERNATE_TITLE_COLUMNS,
    ATTRIBUTION,
    CODE_TITLE_COLUMNS,
    OCCUPATION_TASK_COLUMNS,
    OCCUPATION_TEXT_COLUMNS,
    RELATED_OCCUPATION_COLUMNS,
    TECHNOLOGY_COLUMNS,
)

TECHNOLOGY_FILE = "Technology Skills.txt"
OCCUPATION_FILE = "Occupation Data.txt"
ALTERNATE_TITLES_FILE = "Alternate Titles.txt"
REPORTED_TITLES_FILE = "Sample of Reported Titles.txt"
TASKS_FILE = "Task Statements.txt"
RELATED_FILE = "Related Occupations.txt"
#: The tier of O*NET's related occupations kept: the five most closely related to each occupation.
RELATED_TIER = "Primary-Short"


def read_onet(path: Path) -> list[dict[str, str]]:
    """The rows of an O*NET tab-separated file, keyed by its header, with every cell stripped."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k.strip(): (v or "").strip() for k, v in row.items()}
                for row in csv.DictReader(handle, delimiter="\t")]


def derive(tech_rows: list[dict[str, str]], occupation_rows: list[dict[str, str]]) -> dict[str, list[tuple]]:
    """The three tables, sorted for stable diffs: technologies (name, commodity codes with the most
    often listed first, hot Y/N, in-demand count, occupation codes), commodities and occupations.

    O*NET marks Hot Technology per row; a technology is hot when any of its rows says so.
    """
    commodity_counts: dict[str, Counter] = defaultdict(Counter)
    occupations: dict[str, set[str]] = defaultdict(set)
    hot: dict[str, bool] = defaultdict(bool)
    in_demand: Counter = Counter()
    commodities: dict[str, str] = {}
    for row in tech_rows:
        name = " ".join(row["Example"].split())
        if not name:
            continue
        commodity_counts[name][row["Commodity Code"]] += 1
        commodities[row["Commodity Code"]] = row["Commodity Title"]
        occupations[name].add(row["O*NET-SOC Code"])
        hot[name] |= row["Hot Technology"] == "Y"
        in_demand[name] += row.get("In Demand") == "Y"
    technologies = []
    for name in sorted(commodity_counts, key=lambda n: (n.casefold(), n)):
        ranked = sorted(commodity_counts[name].items(), key=lambda kv: (-kv[1], kv[0]))
        technologies.append((name, ";".join(code for code, _ in ranked), "Y" if hot[name] else "N",
                             str(in_demand[name]), ";".join(sorted(occupations[name]))))
    listed = set().union(*occupations.values()) if occupations else set()
    titles = sorted((r["O*NET-SOC Code"], " ".join(r["Title"].split())) for r in occupation_rows
                    if r["O*NET-SOC Code"] in listed)
    texts = sorted((r["O*NET-SOC Code"], " ".join(r["Title"].split()), " ".join(r["Description"].split()))
                   for r in occupation_rows)
    return {"technology": technologies, "commodities": sorted(commodities.items()), "occupations": titles,
            "occupation_text": texts}


def derive_background(alternate_rows: list[dict[str, str]], reported_rows: list[dict[str, str]],
                      task_rows: list[dict[str, str]], related_rows: list[dict[str, str]],
                      codes: set[str]) -> dict[str, list[tuple]]:
    """The alternate titles (O*NET's alternate and reported titles, each once per occupation, in
    the case first seen) and the task statements of the occupations ``codes``, sorted for stable
    diffs, and their most closely related occupations (the ``RELATED_TIER``), closest first."""
    titles: dict[tuple[str, str], str] = {}
    for row, column in [*((r, "Alternate Title") for r in alternate_rows),
                        *((r, "Reported Job Title") for r in reported_rows)]:
        title = " ".join(row[column].split())
        if title and row["O*NET-SOC Code"] in codes:
            titles.setdefault((row["O*NET-SOC Code"], title.casefold()), title)
    tasks = {(r["O*NET-SOC Code"], " ".join(r["Task"].split())) for r in task_rows
             if r["O*NET-SOC Code"] in codes and r["Task"].strip()}
    related = sorted((r["O*NET-SOC Code"], int(r["Index"]), r["Related O*NET-SOC Code"]) for r in related_rows
                     if r["Relatedness Tier"] == RELATED_TIER and r["O*NET-SOC Code"] in codes
                     and r["Related O*NET-SOC Code"] in codes)
    return {"alternate_titles": sorted((code, title) for (code, _), title in titles.items()),
            "tasks": sorted(tasks), "related": [(code, other) for code, _, other in related]}


def write_tsv(path: Path, columns: tuple[str, ...], rows: list[tuple], sources: str) -> None:
    """A TSV file headed by the attribution, the sources and the columns."""
    for row in rows:
        if any("\t" in cell or "\n" in cell for cell in row):
            raise ValueError(f"{path.name}: a cell holds a tab or a newline: {row}")
    lines = [f"# {ATTRIBUTION}", f"# Derived from {sources} by resumematch/catalog/build.py; do not edit by hand.",
             "\t".join(columns), *("\t".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _sources(*paths: Path) -> str:
    return " and ".join(f"O*NET '{p.name}' (sha256 {hashlib.sha256(p.read_bytes()).hexdigest()[:16]})"
                        for p in paths)


def build_background(db_dir: Path, out_dir: Path, codes: set[str]) -> dict[str, int]:
    """Writes ``occupation_alternate_titles.tsv``, ``occupation_tasks.tsv`` and
    ``occupation_related.tsv`` from the O*NET database files in ``db_dir``, for the occupations
    ``codes``; returns their row counts."""
    paths = [db_dir / name for name in (ALTERNATE_TITLES_FILE, REPORTED_TITLES_FILE, TASKS_FILE, RELATED_FILE)]
    tables = derive_background(*(read_onet(p) for p in paths), codes)
    write_tsv(out_dir / "occupation_alternate_titles.tsv", ALTERNATE_TITLE_COLUMNS, tables["alternate_titles"],
              _sources(*paths[:2]))
    write_tsv(out_dir / "occupation_tasks.tsv", OCCUPATION_TASK_COLUMNS, tables["tasks"], _sources(paths[2]))
    write_tsv(out_dir / "occupation_related.tsv", RELATED_OCCUPATION_COLUMNS, tables["related"], _sources(paths[3]))
    return {name: len(rows) for name, rows in tables.items()}


def build(onet_dir: Path, out_dir: Path) -> dict[str, int]:
    """Writes the four derived files from the O*NET files in ``onet_dir``; returns their row counts."""
    tech_path, occupation_path = onet_dir / TECHNOLOGY_FILE, onet_dir / OCCUPATION_FILE
    sources = _sources(tech_path, occupation_path)
    tables = derive(read_onet(tech_path), read_onet(occupation_path))
    write_tsv(out_dir / "technology.tsv", TECHNOLOGY_COLUMNS, tables["technology"], sources)
    write_tsv(out_dir / "commodities.tsv", CODE_TITLE_COLUMNS, tables["commodities"], sources)
    write_tsv(out_dir / "occupations.tsv", CODE_TITLE_COLUMNS, tables["occupations"], sources)
    write_tsv(out_dir / "occupation_text.tsv", OCCUPATION_TEXT_COLUMNS, tables["occupation_text"], sources)
    return {name: len(rows) for name, rows in tables.items()}


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    here = Path(__file__).resolve().parent
    print(build(Path(sys.argv[1]), here))
    if len(sys.argv) == 3:
        known = {r["O*NET-SOC Code"] for r in read_onet(Path(sys.argv[1]) / OCCUPATION_FILE)}
        print(build_background(Path(sys.argv[2]), here, known))
