"""The public API: Screener by name or path, score, score_text, rank."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pandas as pd
import pytest

from resumematch import Result, Screener
from resumematch.report.rows import columns

AS_OF = datetime.date(2026, 11, 1)
ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "resumes"


@pytest.fixture(scope="module")
def screener():
    return Screener("it_project_manager", as_of=AS_OF)


@pytest.mark.parametrize("model", ["it_project_manager", str(ROOT / "models" / "it_project_manager.yaml"),
                                   ROOT / "models" / "it_project_manager.yaml"])
def test_api_screener_by_name_or_path(screener, model):
    s = Screener(model, as_of=AS_OF)
    assert s.model.name == "it_project_manager" and s.model.sha256 == screener.model.sha256
    assert s.as_of == AS_OF


@pytest.mark.parametrize("name", ["maria_okafor.txt", "priya_raghunathan.docx", "tomas_herrera.pdf"])
def test_api_score_path(screener, name):
    r = screener.score(EXAMPLES / name)
    assert isinstance(r, Result) and r.status == "ok" and r.reason == ""
    assert 60 < r.score <= 100
    assert set(r.strengths()) == {q.id for q in screener.model.requirements}
    assert r.analysis.candidate.email.endswith("@example.com")


@pytest.mark.parametrize("name, status", [("scanned_resume.pdf", "no_text")])
def test_api_score_failure_is_a_result(screener, name, status):
    r = screener.score(EXAMPLES / name)
    assert r.status == status and r.score is None and r.strengths() == {} and r.reason


@pytest.mark.parametrize("text", ["Jane Doe\njane@example.com\n\nCERTIFICATIONS\nCertified ScrumMaster (CSM), Scrum Alliance, 2020\n"])
def test_api_score_text(screener, text):
    r = screener.score_text(text, name="jane")
    assert r.file == "jane" and r.status == "ok"
    assert r.strengths()["cert.csm"] == 1.0
    assert r.analysis.candidate.name == "Jane Doe"


@pytest.mark.parametrize("workers", [0, 1])
def test_api_rank_dataframe_columns(screener, tmp_path, workers):
    (tmp_path / "late.txt").write_text("Late Person\n\nSKILLS\nLeadership\n", encoding="utf-8")
    df = screener.rank([EXAMPLES, tmp_path / "late.txt"], workers=workers)
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == columns(screener.model)
    assert len(df) == len(list(EXAMPLES.iterdir())) + 1
    assert df.iloc[0]["score"] == df["score"].max()
    assert df["score"].dtype.kind == "f"


def test_api_shortlist_example_runs(tmp_path):
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, str(root / "examples" / "shortlist.py"), str(EXAMPLES)], cwd=tmp_path,
                         capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(root)})
    assert "candidates meet every required item" in out.stdout
    shortlist = pd.read_csv(tmp_path / "shortlist.csv")
    assert 1 <= len(shortlist) <= 5 and list(shortlist["rank"]) == sorted(shortlist["rank"])
