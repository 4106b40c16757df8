"""Screening: the evidence and files tables, the ranking and explanations as their views, rescore."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from resumematch import RescoreError, Screener, load_model
from resumematch.cli import app
from resumematch.report.rows import columns
from resumematch.run.cache import Cache
from resumematch.score.evidence import EVIDENCE_COLUMNS
from resumematch.score.facts import FILE_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "resumes"
AS_OF = dt.date(2026, 11, 1)


@pytest.fixture(scope="module")
def screener():
    return Screener("it_project_manager", as_of=AS_OF)


@pytest.fixture(scope="module")
def screening(screener):
    return screener.screen([EXAMPLES], workers=0)


@pytest.mark.parametrize("table, expected", [("evidence", EVIDENCE_COLUMNS), ("files", FILE_COLUMNS)])
def test_screening_tables_have_the_contract_columns(screening, table, expected):
    assert list(getattr(screening, table).columns) == list(expected)


def test_screening_files_one_row_per_file_in_input_order(screening):
    names = [Path(f).name for f in screening.files["file"]]
    assert names == sorted(p.name for p in EXAMPLES.iterdir())
    scan = screening.files[screening.files["file"].str.endswith("scanned_resume.pdf")].iloc[0]
    assert scan["status"] == "no_text" and scan["reason"] and pd.isna(scan["relevant_years"])


def test_screening_ranking_is_the_rank_dataframe(screener, screening):
    ranking = screening.ranking
    assert list(ranking.columns) == columns(screener.model)
    pd.testing.assert_frame_equal(ranking, screener.rank([EXAMPLES], workers=0))


@pytest.mark.parametrize("name", ["maria_okafor.txt", "darnell_washington.txt"])
def test_screening_ranking_strength_is_the_best_evidence_row(screening, name):
    """Each requirement's strength in the ranking is the strongest of its rows in the evidence table."""
    file = str(EXAMPLES / name)
    rows = screening.evidence[screening.evidence["file"] == file]
    best = rows.groupby("requirement")["strength"].max()
    ranked = screening.ranking.set_index("file").loc[file]
    for rid, strength in best.items():
        assert ranked[rid] == pytest.approx(strength)
    unseen = [r.id for r in screening.model.requirements if r.id not in best.index]
    assert all(ranked[rid] == 0 for rid in unseen)


def test_screening_evidence_via_marks_satisfied_by_credit(screener, tmp_path):
    (tmp_path / "practitioner.txt").write_text("Jane Doe\n\nCERTIFICATIONS\nPRINCE2 Practitioner, Axelos, 2021\n",
                                               encoding="utf-8")
    (tmp_path / "foundation.txt").write_text("Jane Doe\n\nCERTIFICATIONS\nPRINCE2 Foundation, Axelos, 2021\n",
                                             encoding="utf-8")
    ev = screener.screen([tmp_path], workers=0).evidence
    through = ev[ev["via"] == "through:cert.prince2_practitioner"]
    assert list(through["file"].map(lambda f: Path(f).name)) == ["practitioner.txt"]
    assert through.iloc[0]["requirement"] == "cert.prince2_foundation" and through.iloc[0]["strength"] == 1.0
    direct = ev[(ev["via"] == "") & ev["file"].str.endswith("foundation.txt")]
    assert "cert.prince2_foundation" in set(direct["requirement"])


def test_screening_explain_is_the_jsonl_object(screening):
    data = screening.explain(EXAMPLES / "maria_okafor.txt")
    pmp = next(r for r in data["requirements"] if r["id"] == "cert.pmp")
    assert pmp["met"] and pmp["evidence"]["section"] == "certifications" and "PMP" in pmp["evidence"]["snippet"]
    assert data["score"] == screening.ranking.set_index("file").loc[str(EXAMPLES / "maria_okafor.txt"), "score"]


@pytest.mark.parametrize("weights", [{"duties": 60}, {"cert.pmp": 9, "soft.leadership": 4}])
def test_screening_rescore_with_weights_equals_a_fresh_screen(screener, screening, weights, tmp_path):
    rescored = screening.rescore(weights)
    text = screener.model.content
    for key, value in weights.items():
        if "." in key:
            block = text.index(f"id: {key}\n")
            at = text.index("weight:", block)
            end = text.index("\n", at)
            text = text[:at] + f"weight: {value}" + text[end:]
        else:
            at = text.index(f"  {key}: ", text.index("category_weights"))
            end = text.index("\n", at)
            text = text[:at] + f"  {key}: {value}" + text[end:]
    path = tmp_path / "reweighted.yaml"
    path.write_text(text, encoding="utf-8")
    fresh = Screener(path, as_of=AS_OF).screen([EXAMPLES], workers=0)
    pd.testing.assert_frame_equal(rescored.ranking, fresh.ranking)
    assert not rescored.ranking["score"].equals(screening.ranking["score"])


def test_screening_rescore_refuses_changed_phrases_and_names_them(screening, tmp_path):
    text = load_model().content.replace("    catalog: cert.pmp\n", "    catalog: cert.pmp\n    aliases: [pmp credential]\n", 1)
    assert text != load_model().content
    path = tmp_path / "changed.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RescoreError, match=r"cert\.pmp") as info:
        screening.rescore(path)
    assert "cert.capm" not in str(info.value)


def test_screening_rescore_refuses_unknown_weights(screening):
    with pytest.raises(ValueError, match="no.such"):
        screening.rescore({"no.such": 2})


def test_screening_cache_serves_facts_without_reading_files(screener, tmp_path, monkeypatch):
    cache_path = tmp_path / "c.sqlite"
    with Cache(cache_path) as cache:
        cold = screener.screen([EXAMPLES], workers=0, cache=cache)
    from resumematch.run import screener as screener_module

    def refuse(*a, **kw):
        raise AssertionError("a cached file was read again")

    monkeypatch.setattr(screener_module, "analyze_files", lambda files, **kw: refuse() if files else iter(()))
    with Cache(cache_path) as cache:
        warm = screener.screen([EXAMPLES], workers=0, cache=cache)
        stored = cache.conn.execute("SELECT facts FROM facts LIMIT 1").fetchone()[0]
    pd.testing.assert_frame_equal(warm.ranking, cold.ranking)
    pd.testing.assert_frame_equal(warm.evidence, cold.evidence)
    head, rows = json.loads(stored)
    assert isinstance(head, list) and all(isinstance(r, list) for r in rows)  # rows, not objects


def test_screening_cache_facts_of_another_model_are_not_used(screener, tmp_path):
    cache_path = tmp_path / "c.sqlite"
    with Cache(cache_path) as cache:
        screener.screen([EXAMPLES / "maria_okafor.txt"], workers=0, cache=cache)
    other = Screener(ROOT / "examples" / "models" / "data_analyst.yaml", as_of=AS_OF)
    with Cache(cache_path) as cache:
        result = other.screen([EXAMPLES / "maria_okafor.txt"], workers=0, cache=cache)
    assert set(result.evidence["requirement"]) <= {r.id for r in other.model.requirements}


def test_cli_rank_evidence_csv_is_injection_safe(tmp_path):
    from typer.testing import CliRunner

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cv.txt").write_text("=HYPERLINK(\"x\")\n\nSKILLS\n=SUM(1) leadership\n", encoding="utf-8")
    out, ev = tmp_path / "out.csv", tmp_path / "evidence.csv"
    result = CliRunner().invoke(app, ["rank", str(tmp_path / "in"), "-o", str(out), "--evidence", str(ev),
                                      "--no-cache", "--workers", "0", "--as-of", "2026-11-01"])
    assert result.exit_code == 0, result.output
    with open(ev, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(EVIDENCE_COLUMNS)
    leadership = [r for r in rows if r["requirement"] == "soft.leadership"]
    assert leadership and all(r["snippet"].startswith("'=") for r in leadership)
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


def test_cli_rank_without_evidence_writes_no_evidence_csv(tmp_path):
    from typer.testing import CliRunner

    out = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["rank", str(EXAMPLES / "maria_okafor.txt"), "-o", str(out), "--no-cache",
                                      "--workers", "0"])
    assert result.exit_code == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "out.csv.run.json"]


@pytest.mark.parametrize(("files", "kb", "cpus", "expected"),
                         [(0, 0, 2, 1), (3, 2, 2, 1), (120, 127, 2, 2), (120, 127, 8, 8), (40, 2.7, 2, 1),
                          (180, 2.7, 2, 2), (2000, 2.7, 2, 2), (2, 10**6, 4, 4)],
                         ids=["nothing", "3-text-files", "120-real-pdfs", "120-real-pdfs-8-cpus",
                              "40-generated", "180-generated", "2000-generated", "2-huge-files-all-cpus"])
def test_screener_default_workers_follow_the_work_and_the_machine(tmp_path, monkeypatch, files, kb, cpus, expected):
    import os

    from resumematch.run.screener import default_workers

    paths = []
    for i in range(files):
        with open(tmp_path / f"f{i}.pdf", "wb") as fh:  # sparse: only the size matters
            fh.truncate(int(kb * 1024))
        paths.append(tmp_path / f"f{i}.pdf")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(cpus)), raising=False)
    assert default_workers(paths) == expected


@pytest.mark.parametrize("name", ["scanned_resume.pdf"])
def test_failed_file_never_looks_complete(screener, screening, name):
    required = tuple(r.id for r in screener.model.requirements if r.kind == "required")
    r = screener.score(EXAMPLES / name)
    assert r.status == "no_text" and r.reason and r.score is None
    assert r.scorecard.missing == r.missing == required and not r.scorecard.assessed
    assert r.scorecard.total != r.scorecard.total  # NaN: never a real score
    assert all(q.strength != q.strength and not q.met for q in r.scorecard.requirements)
    row = screening.ranking.set_index("file").loc[str(EXAMPLES / name)]
    assert row["missing"].split(";") == list(required) and row["matched"] == "" and pd.isna(row["score"])
    assert screening.explain(EXAMPLES / name)["missing"] == list(required)


@pytest.mark.parametrize("name", ["maria_okafor.txt"])
def test_scored_file_missing_lists_only_unmet_required(screener, name):
    r = screener.score(EXAMPLES / name)
    assert r.scorecard.assessed and r.score == r.scorecard.total
    required = {q.id for q in r.scorecard.requirements if q.kind == "required"}
    assert set(r.missing) == {q.id for q in r.scorecard.requirements if q.id in required and not q.met}
    assert set(r.missing) < required


@pytest.mark.parametrize("code, loaded", [
    ("import sys; sys.argv = ['resumematch', '--help']\nfrom resumematch.cli import main\n"
     "try:\n    main()\nexcept SystemExit:\n    pass", []),
    ("from resumematch.run.screener import Screener\n"
     f"Screener('it_project_manager').screen([{str(EXAMPLES / 'maria_okafor.txt')!r}], workers=0)",
     ["pandas", "spacy"]),
])
def test_help_loads_neither_pandas_nor_spacy_a_screening_loads_pandas(code, loaded):
    import os
    import subprocess
    import sys

    probe = code + "\nimport sys\nprint(sorted(m for m in ('pandas', 'spacy') if m in sys.modules), file=sys.stderr)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert out.stderr.strip().splitlines()[-1] == str(loaded)


@pytest.mark.parametrize("blind", [True, False])
def test_cli_rank_evidence_blind_hides_the_candidate(tmp_path, blind):
    from typer.testing import CliRunner

    ev = tmp_path / "ev.csv"
    args = ["rank", str(EXAMPLES / "maria_okafor.txt"), "-o", str(tmp_path / "out.csv"), "--evidence", str(ev),
            "--no-cache", "--workers", "0"] + (["--blind", "--blind-key", str(tmp_path / "key")] if blind else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = ev.read_text(encoding="utf-8-sig")
    first = text.split(",", 1)[0]
    assert first == ("candidate_id" if blind else "file")
    assert ("maria_okafor.txt" in text) != blind and "Okafor" not in text


def test_screening_to_html_holds_every_file_and_its_evidence(screening, tmp_path):
    page = screening.to_html(tmp_path / "r.html").read_text(encoding="utf-8")
    for file in screening.files["file"]:
        assert Path(file).name in page
    shown = screening.evidence.query("strength > 0")["snippet"].iloc[0]
    assert shown.split()[0] in page
    blind = screening.to_html(tmp_path / "b.html", blind=True).read_text(encoding="utf-8")
    for name in screening.files["candidate_name"].dropna():
        if name:
            assert name not in blind
