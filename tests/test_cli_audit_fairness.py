"""End to end: the `audit` and `fairness-check` commands through typer's CliRunner."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from resumematch.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "resumes"
runner = CliRunner()


def _ranked(tmp_path: Path, groups: dict[str, tuple[int, int]]) -> tuple[Path, Path]:
    """A ranked CSV and a groups CSV: for each group, (members, members scoring 80; others 20)."""
    rows, members = [], []
    for group, (n, high) in groups.items():
        for i in range(n):
            name = f"{group}_{i:03d}.pdf"
            rows.append({"file": name, "status": "ok", "score": 80.0 if i < high else 20.0})
            members.append({"file": name, "sex": group})
    ranked = pd.DataFrame(rows).sort_values("score", ascending=False, kind="mergesort")
    ranked.insert(0, "rank", range(1, len(ranked) + 1))
    ranked_path, groups_path = tmp_path / "ranked.csv", tmp_path / "groups.csv"
    ranked.to_csv(ranked_path, index=False)
    pd.DataFrame(members).to_csv(groups_path, index=False)
    return ranked_path, groups_path


@pytest.mark.parametrize("groups, expected", [({"A": (80, 48), "B": (40, 12)}, {"A": 1.0, "B": 0.5})])
def test_cli_audit_eeoc_example_is_flagged(tmp_path, groups, expected):
    ranked, group_file = _ranked(tmp_path, groups)
    out = tmp_path / "audit.csv"
    result = runner.invoke(app, ["audit", str(ranked), "--groups", str(group_file), "--by", "sex",
                                 "--min-score", "50", "-o", str(out)])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out, encoding="utf-8-sig").set_index("group")
    assert table["impact_ratio"].round(3).to_dict() == expected
    assert bool(table.loc["B", "flag"]) and not bool(table.loc["A", "flag"])
    assert "Wrote" in result.output and "0.8" in result.output


@pytest.mark.parametrize("args", [["--top", "3", "--min-score", "50"], []])
def test_cli_audit_needs_exactly_one_selection_rule(tmp_path, args):
    ranked, group_file = _ranked(tmp_path, {"A": (10, 5), "B": (10, 5)})
    result = runner.invoke(app, ["audit", str(ranked), "--groups", str(group_file), "--by", "sex",
                                 *args, "-o", str(tmp_path / "a.csv")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert not (tmp_path / "a.csv").exists()


@pytest.mark.parametrize("files", [["maria_okafor.txt", "kwame_asante.txt"]])
def test_cli_fairness_check_passes_on_examples(files):
    result = runner.invoke(app, ["fairness-check", *[str(EXAMPLES / f) for f in files], "--as-of", "2026-11-01"])
    assert result.exit_code == 0, result.output
    assert result.output.count("PASS") >= len(files)
