"""Derives the shipped technology lists from two files of the O*NET Database.

    python -m resumematch.catalog.build "path/to/onet"   # holds Technology Skills.txt, Occupation Data.txt

writes ``technology.tsv``, ``commodities.tsv``, ``occupations.tsv`` and ``occupation_text.tsv`` (every
occupation's title and description, the background that term specificity is measured on) beside this module, each
headed by the O*NET attribution and the sha256 of the files it came from. The package never
imports this module; it is here so that the derived files can be rebuilt from a newer O*NET.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

from .technology import ATTRIBUTION, CODE_TITLE_COLUMNS, OCCUPATION_TEXT_COLUMNS, TECHNOLOGY_COLUMNS

TECHNOLOGY_FILE = "Technology Skills.txt"
OCCUPATION_FILE = "Occupation Data.txt"


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


def write_tsv(path: Path, columns: tuple[str, ...], rows: list[tuple], sources: str) -> None:
    """A TSV file headed by the attribution, the sources and the columns."""
    for row in rows:
        if any("\t" in cell or "\n" in cell for cell in row):
            raise ValueError(f"{path.name}: a cell holds a tab or a newline: {row}")
    lines = [f"# {ATTRIBUTION}", f"# Derived from {sources} by resumematch/catalog/build.py; do not edit by hand.",
             "\t".join(columns), *("\t".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(onet_dir: Path, out_dir: Path) -> dict[str, int]:
    """Writes the four derived files from the O*NET files in ``onet_dir``; returns their row counts."""
    tech_path, occupation_path = onet_dir / TECHNOLOGY_FILE, onet_dir / OCCUPATION_FILE
    sources = " and ".join(f"O*NET '{p.name}' (sha256 {hashlib.sha256(p.read_bytes()).hexdigest()[:16]})"
                           for p in (tech_path, occupation_path))
    tables = derive(read_onet(tech_path), read_onet(occupation_path))
    write_tsv(out_dir / "technology.tsv", TECHNOLOGY_COLUMNS, tables["technology"], sources)
    write_tsv(out_dir / "commodities.tsv", CODE_TITLE_COLUMNS, tables["commodities"], sources)
    write_tsv(out_dir / "occupations.tsv", CODE_TITLE_COLUMNS, tables["occupations"], sources)
    write_tsv(out_dir / "occupation_text.tsv", OCCUPATION_TEXT_COLUMNS, tables["occupation_text"], sources)
    return {name: len(rows) for name, rows in tables.items()}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(build(Path(sys.argv[1]), Path(__file__).resolve().parent))
