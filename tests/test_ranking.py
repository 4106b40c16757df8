"""Ranking and the CSV contract (resumematch/ranking.py, run.py, csvsafe.py)."""

from __future__ import annotations

import csv
import datetime
import json
import shutil
from pathlib import Path

import pytest

from resumematch import Screener, __version__
from resumematch.report.rows import LEADING, columns
from resumematch.run.rank import RunSettings, rank_files

AS_OF = datetime.date(2026, 11, 1)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "resumes"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.fixture(scope="module")
def screener():
    return Screener("it_project_manager", as_of=AS_OF)


def settings(tmp_path, **kw):
    return RunSettings(workers=0, use_cache=False, **kw)


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def header(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return next(csv.reader(fh))


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, screener):
    """Examples plus an empty file, a corrupt PDF, an image posing as .txt and a duplicate."""
    root = tmp_path_factory.mktemp("mixed")
    folder = root / "in"
    shutil.copytree(EXAMPLES, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\ngarbage")
    (folder / "photo.txt").write_bytes(PNG)
    shutil.copy(folder / "maria_okafor.txt", folder / "zz_copy_of_maria.txt")
    legacy = root / "old.doc"
    legacy.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 64)
    out = root / "out.csv"
    summary = rank_files([folder, legacy], out, screener, RunSettings(workers=0, use_cache=False))
    return folder, legacy, out, summary


@pytest.mark.parametrize("model_name", ["it_project_manager"])
def test_ranking_csv_columns_exact(mixed, screener, model_name):
    _, _, out, _ = mixed
    ids = [r.id for r in screener.model.requirements]
    cats = [c for c in ("degree", "certification", "experience", "internship", "coursework", "soft_skills",
                        "duties", "project_types") if any(r.category == c for r in screener.model.requirements)]
    expected = (["rank", "candidate", "score", "required_met", "missing_required", "status", "flags", "reason"]
                + [f"{c}_score" for c in cats] + ["fit", "text_fit"] + ids
                + ["relevant_years", "role_years", "total_years", "fit_terms", "text_fit_terms", "jobs", "email", "phone",
                   "file", "sha256", "matched", "missing"])
    assert header(out) == expected == columns(screener.model)
    assert LEADING == expected[:8]


@pytest.mark.parametrize("n_extra", [5])
def test_ranking_one_row_per_file(mixed, n_extra):
    folder, legacy, out, summary = mixed
    rows = read_csv(out)
    files = [r["file"] for r in rows]
    expected = sorted([str(p) for p in folder.iterdir()] + [str(legacy)])
    assert sorted(files) == expected
    assert len(files) == len(set(files)) == len(list(EXAMPLES.iterdir())) + n_extra
    assert summary.rows == len(rows)


@pytest.mark.parametrize("name, status", [
    ("empty.txt", "empty"), ("corrupt.pdf", "corrupt"), ("scanned_resume.pdf", "no_text"),
    ("photo.txt", "unsupported"), ("old.doc", "unsupported"),
])
def test_ranking_failure_rows_keep_status_and_sort_last(mixed, name, status):
    rows = read_csv(mixed[2])
    row = next(r for r in rows if Path(r["file"]).name == name)
    assert row["status"] == status and row["reason"]
    assert row["score"] == "" and row["rank"] == ""
    last_scored = max(i for i, r in enumerate(rows) if r["score"] != "")
    assert rows.index(row) > last_scored


@pytest.mark.parametrize("dummy", [None])
def test_ranking_scored_rows_ranked_descending(mixed, dummy):
    rows = [r for r in read_csv(mixed[2]) if r["score"] != ""]
    scores = [float(r["score"]) for r in rows]
    assert scores == sorted(scores, reverse=True)
    assert [int(r["rank"]) for r in rows] == list(range(1, len(rows) + 1))
    unscored = [r["file"] for r in read_csv(mixed[2]) if r["score"] == ""]
    assert unscored == sorted(unscored)


@pytest.mark.parametrize("copy", ["zz_copy_of_maria.txt"])
def test_ranking_duplicates_flagged(mixed, copy):
    folder, _, out, _ = mixed
    row = next(r for r in read_csv(out) if Path(r["file"]).name == copy)
    assert f"duplicate_of:{folder / 'maria_okafor.txt'}" in row["flags"].split(";")
    original = next(r for r in read_csv(out) if Path(r["file"]).name == "maria_okafor.txt")
    assert "duplicate_of" not in original["flags"]


@pytest.mark.parametrize("text", ["Jane Doe\n\nSKILLS\nLeadership and negotiation\n"])
def test_ranking_ties_broken_by_file_path(tmp_path, screener, text):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.txt").write_text(text, encoding="utf-8")
    (folder / "a.txt").write_text(text + "\n", encoding="utf-8")  # same score, different bytes
    rows = read_csv(rank_files([folder], tmp_path / "o.csv", screener, settings(tmp_path)).output)
    assert rows[0]["score"] == rows[1]["score"]
    assert [Path(r["file"]).name for r in rows] == ["a.txt", "b.txt"]
    assert [r["rank"] for r in rows] == ["1", "2"]
    assert not any("duplicate_of" in r["flags"] for r in rows)


IT_PM = """Alex Strong
alex.strong@example.com | (555) 010-2030

SUMMARY
IT project manager delivering software and cloud projects; excellent communication and leadership.

CERTIFICATIONS
Project Management Professional (PMP), Project Management Institute, 2019

EXPERIENCE
Senior IT Project Manager, Acme Software, Boston, MA
Jan 2016 - Present
- Led a team of 10 engineers delivering software and cloud migration projects
- Negotiated vendor contracts and managed the project budget and schedule

EDUCATION
Bachelor of Science in Computer Science, State University, 2015
"""
CHANGER = """Sam Changer
sam.changer@example.com

SUMMARY
Retail store manager moving into project coordination.

CERTIFICATIONS
Certified Associate in Project Management (CAPM), Project Management Institute, 2025

EXPERIENCE
Store Manager, Corner Retail, Austin, TX
Jan 2015 - Present
- Led a team of 20 associates; managed the store budget and staff schedules
- Clear communication with the district office

EDUCATION
Associate of Arts in Business, Austin Community College, 2014
"""


CHEF = """Chris Cook
chris.cook@example.com

EXPERIENCE
Head Chef, Harbour Bistro, Portland, ME
Jan 2014 - Present
- Created seasonal menus and trained kitchen staff

EDUCATION
Diploma in Culinary Arts, Coastal Culinary School, 2013
"""


@pytest.mark.parametrize("strong, changer", [(IT_PM, CHANGER)])
def test_ranking_order_sanity_own_texts(screener, strong, changer):
    a, b = screener.score_text(strong), screener.score_text(changer)
    chef = screener.score(EXAMPLES / "kwame_asante.txt")
    assert a.score > b.score > max(chef.score, screener.score_text(CHEF).score)


@pytest.mark.parametrize("strong, changer, unrelated", [(
    ("maria_okafor.txt", "priya_raghunathan.docx", "tomas_herrera.pdf"),
    ("darnell_washington.txt",),
    ("kwame_asante.txt", "olena_kovalenko.txt", "leilani_akana.txt"),
)])
def test_ranking_order_sanity_examples(mixed, strong, changer, unrelated):
    by_name = {Path(r["file"]).name: float(r["score"]) for r in read_csv(mixed[2]) if r["score"]}
    assert min(by_name[n] for n in strong) > max(by_name[n] for n in changer)
    assert min(by_name[n] for n in changer) > max(by_name[n] for n in unrelated)
    medium = ("kenji_watanabe.txt", "sofia_lindqvist.md")
    assert min(by_name[n] for n in strong) > max(by_name[n] for n in medium) > by_name["darnell_washington.txt"]


FORMULA = '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize("file_name", ["=cmd.txt", "+sum.txt", "-neg.txt", "@at.txt"])
def test_ranking_csv_injection_neutralised(tmp_path, screener, monkeypatch, file_name):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / file_name).write_text(f"{FORMULA}\nevil@example.com\n\nSKILLS\nLeadership\n", encoding="utf-8")
    (folder / "name.txt").write_text(f"{FORMULA}\n\nSKILLS\nNegotiation\n", encoding="utf-8")
    monkeypatch.chdir(folder)  # relative paths: the file cell starts with the file name
    out = tmp_path / "o.csv"
    rank_files(["."], out, screener, settings(tmp_path))
    rows = read_csv(out)
    evil = next(r for r in rows if r["file"].lstrip("'") == file_name)
    assert evil["file"] == "'" + file_name
    for r in rows:
        for col, cell in r.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (col, cell)
            assert "HYPERLINK" not in cell or cell.startswith("'")
        float(r["score"])
        for rid in ("soft.leadership", "soft.negotiation", "cert.pmp"):
            assert 0.0 <= float(r[rid]) <= 1.0


@pytest.mark.parametrize("dummy", [None])
def test_ranking_csv_utf8_bom_crlf(mixed, dummy):
    data = mixed[2].read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
    assert "Tomás" in data.decode("utf-8-sig")


@pytest.mark.parametrize("dummy", [None])
def test_ranking_csv_byte_identical_across_runs(tmp_path, screener, dummy):
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder)
    (folder / "empty.txt").write_bytes(b"")
    a = rank_files([folder], tmp_path / "a" / "o.csv", screener, settings(tmp_path)).output
    b = rank_files([folder], tmp_path / "b" / "o.csv", screener, settings(tmp_path)).output
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize("dummy", [None])
def test_ranking_run_record(mixed, screener, dummy):
    folder, legacy, out, summary = mixed
    assert summary.record == out.with_name(out.name + ".run.json")
    rec = json.loads(summary.record.read_text(encoding="utf-8"))
    ts = datetime.datetime.fromisoformat(rec["timestamp"])
    assert ts.utcoffset() == datetime.timedelta(0)
    assert rec["resumematch_version"] == __version__
    assert rec["model"]["name"] == "it_project_manager"
    assert rec["model"]["sha256"] == screener.model.sha256 and len(rec["model"]["sha256"]) == 64
    assert rec["model"]["content"] == screener.model.content and "requirements:" in rec["model"]["content"]
    assert rec["settings"]["as_of"] == "2026-11-01" and rec["settings"]["cache"] is False
    assert rec["settings"]["workers"] == 0
    rows = {r["file"]: r for r in read_csv(out)}
    assert {f["file"] for f in rec["files"]} == set(rows)
    for f in rec["files"]:
        row = rows[f["file"]]
        assert f["sha256"] == row["sha256"] and f["status"] == row["status"]
        assert f["score"] == (float(row["score"]) if row["score"] else None)
        assert f["rank"] == (int(row["rank"]) if row["rank"] else None)


@pytest.mark.parametrize("dummy", [None])
def test_ranking_blind_mode(tmp_path, screener, dummy):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("maria_okafor.txt", "kwame_asante.txt", "scanned_resume.pdf"):
        shutil.copy(EXAMPLES / name, folder / name)
    key = tmp_path / "secret" / "blind.key"
    runs = []
    for sub in ("a", "b"):
        out = tmp_path / sub / "o.csv"
        s = rank_files([folder], out, screener, settings(tmp_path, blind=True, blind_key=str(key)))
        runs.append((out, s))
    out, s = runs[0]
    head = header(out)
    for col in ("email", "phone", "file"):
        assert col not in head
    assert head[:2] == ["rank", "candidate"]
    text = out.read_text(encoding="utf-8-sig")
    assert "Maria" not in text and "maria.okafor@example.com" not in text and "maria_okafor" not in text
    assert s.keys == out.with_name("o.keys.csv")
    keys = read_csv(s.keys)
    assert header(s.keys) == ["candidate_id", "file"]
    assert sorted(k["file"] for k in keys) == sorted(str(p) for p in folder.iterdir())
    ids_a = [r["candidate"] for r in read_csv(runs[0][0])]
    ids_b = [r["candidate"] for r in read_csv(runs[1][0])]
    assert ids_a == ids_b and len(set(ids_a)) == 3
    assert {k["candidate_id"] for k in keys} == set(ids_a)
    rec = json.loads(s.record.read_text(encoding="utf-8"))
    assert all("candidate_id" in f and "file" not in f for f in rec["files"])
    assert "maria_okafor" not in s.record.read_text(encoding="utf-8").split('"files"')[1]
