"""The ranked CSV a recruiter reads (docs/output.md): what leads, "n of m", missing
items in words, failed rows, phone numbers, and a blind CSV that names no one."""

from __future__ import annotations

import csv
import datetime
import shutil
from pathlib import Path

import pandas as pd
import pytest

from resumematch import Screener, Screening, load_model
from resumematch.report.csvsafe import FORMULA_START, write_csv
from resumematch.report.phones import phone_cell
from resumematch.report.rows import LEADING, TRAILING, VERSION, columns
from resumematch.run.rank import RunSettings, rank_files

AS_OF = datetime.date(2026, 11, 1)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "resumes"
DOCS = Path(__file__).resolve().parent.parent / "docs" / "output.md"


@pytest.fixture(scope="module")
def screener():
    return Screener("it_project_manager", as_of=AS_OF)


@pytest.fixture(scope="module")
def screening(screener):
    names = ("maria_okafor.txt", "darnell_washington.txt", "scanned_resume.pdf")
    return screener.screen([EXAMPLES / n for n in names], workers=0)


def _row(screening, name):
    return screening.ranking.set_index("file").loc[str(EXAMPLES / name)]


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("model_name", ["it_project_manager", EXAMPLES.parent / "models" / "data_analyst.yaml"])
def test_ranked_csv_leads_with_what_a_recruiter_reads(model_name):
    model = load_model(model_name)
    cols = columns(model)
    assert cols[:8] == ["rank", "candidate", "score", "required_met", "missing_required", "status", "flags", "reason"]
    ids = [r.id for r in model.requirements]
    first_req = cols.index(ids[0])
    # the category scores, the fit and the text fit, then the strengths
    assert all(c.endswith("_score") for c in cols[len(LEADING):first_req - 2])
    assert cols[first_req - 2:first_req] == ["fit", "text_fit"]
    assert cols[first_req:first_req + len(ids)] == ids
    assert cols[-12:] == ["relevant_years", "role_years", "total_years", "fit_terms", "text_fit_terms", "jobs", "email",
                          "phone", "file", "sha256", "matched", "missing"]
    # the negative twin: nothing a script uses (file, ids) or the old names leads the table
    assert not {"file", "matched", "missing", "email"} & set(cols[:8])
    assert "experience_years" not in cols and "candidate_name" not in cols


@pytest.mark.parametrize("dummy", [None])
def test_ranked_csv_version_is_documented(dummy):
    text = DOCS.read_text(encoding="utf-8")
    assert f"## The ranked CSV (a contract, version {VERSION})" in text
    assert f"Changed in version {VERSION}" in text
    for column in LEADING + TRAILING:
        assert f"| `{column}` |" in text, column


@pytest.mark.parametrize("name, met, missing", [
    ("maria_okafor.txt", "2 of 2", ""),
    ("darnell_washington.txt", "0 of 2", "Bachelor's degree in computer science, IT or IT project management; "
                                         "Years of IT or project work"),
])
def test_ranked_required_met_and_missing_in_words(screener, screening, name, met, missing):
    row = _row(screening, name)
    required = [r for r in screener.model.requirements if r.kind == "required"]
    ids = [i for i in row["missing"].split(";") if i]
    assert row["required_met"] == met == f"{len(required) - len(ids)} of {len(required)}"
    assert row["missing_required"] == missing == "; ".join(screener.model.by_id[i].label for i in ids)
    assert all(i not in row["missing_required"] for i in ids)  # words, not ids


@pytest.mark.parametrize("name", ["scanned_resume.pdf"])
def test_ranked_failed_row_has_status_reason_and_no_score(screener, screening, name):
    row = _row(screening, name)
    labels = [r.label for r in screener.model.requirements if r.kind == "required"]
    assert row["status"] == "no_text" and "image" in row["reason"]
    assert pd.isna(row["score"]) and pd.isna(row["rank"]) and row["required_met"] == "not assessed"
    assert row["missing_required"] == "; ".join(labels)
    ok = _row(screening, "maria_okafor.txt")  # the twin: a read file has a real score and a count
    assert ok["status"] == "ok" and ok["reason"] == "" and 0 <= ok["score"] <= 100 and ok["rank"] >= 1
    assert ok["required_met"].endswith(" of 2") and ok["relevant_years"] > 0 and ok["total_years"] >= 11


@pytest.mark.parametrize("raw, cell", [
    ("404.555.0156", "(+1) 404-555-0156"),               # a US number without a country code
    ("(404) 555-0156 ext. 12", "(+1) 404-555-0156 ext. 12"),
    ("+44 20 7946 0958", "(+44) 20 7946 0958"),          # the country from the number itself
    ("+1 (555) 201-7788", "(+1) 555-201-7788"),          # a fictional 555 number, of the right length
    ("call me maybe", "call me maybe"),                  # unparseable: kept as written
    ("555-0156", "555-0156"),                            # too short for a whole number: kept
    ("020 7946 0958", "020 7946 0958"),                  # a UK number read as US: not valid, kept
    ("=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"),         # kept here; csv_safe neutralises it
    (None, None),
])
def test_phone_cell(raw, cell):
    assert phone_cell(raw) == cell


PHONES = ["404.555.0156", "+44 20 7946 0958", "call me maybe", "=cmd|' /C calc'!A0", "+12", "-1 555", "@home"]


@pytest.mark.parametrize("phones", [PHONES])
def test_ranked_csv_phones_are_shown_as_written_and_safe(tmp_path, phones):
    model = load_model()
    records = [(f"f{i}.txt", [[f"{i:064x}", "txt", "ok", "", "", 1.0, 0.0, 2.0, 0.0, f"Person {i}", None, p, "", 0.5, "", "",
            [], 0.5, "",
                                         "", 0.0], []])
               for i, p in enumerate(phones)]
    path = tmp_path / "ranked.csv"
    write_csv(Screening.from_records(model, records).ranking, path)
    rows = {r["file"]: r for r in read_csv(path)}
    got = [rows[f"f{i}.txt"]["phone"] for i in range(len(phones))]
    assert got[:3] == ["(+1) 404-555-0156", "(+44) 20 7946 0958", "call me maybe"]  # no quote in front
    assert got[3:] == ["'=cmd|' /C calc'!A0", "'+12", "'-1 555", "'@home"]  # formula starts neutralised
    for row in rows.values():
        for column, value in row.items():
            assert not value.startswith(FORMULA_START), (column, value)


@pytest.fixture(scope="module")
def blind_and_open(tmp_path_factory, screener):
    root = tmp_path_factory.mktemp("blind")
    folder = root / "Jane Q Applicant resumes"
    folder.mkdir()
    for name in ("maria_okafor.txt", "kwame_asante.txt", "priya_raghunathan.docx", "scanned_resume.pdf"):
        shutil.copy(EXAMPLES / name, folder / name)
    shutil.copy(folder / "maria_okafor.txt", folder / "zz_maria_okafor_copy.txt")  # a duplicate
    (folder / "broken_olena.pdf").write_bytes(b"%PDF-1.4\ngarbage")
    out = {}
    for blind in (True, False):
        path = root / ("blind" if blind else "open") / "ranked.csv"
        rank_files([folder], path, screener, RunSettings(workers=0, use_cache=False, blind=blind,
                                                         blind_key=str(root / "key")))
        out[blind] = path
    return folder, out


def _secrets(folder: Path, screener) -> list[str]:
    files = Screener(screener.model, as_of=AS_OF).screen([folder], workers=0).files
    out = [str(folder), folder.name]
    for file in files["file"]:
        out += [file, Path(file).name, Path(file).stem]
    for column in ("candidate_name", "email", "phone"):
        out += [v for v in files[column] if isinstance(v, str) and v]
    out += [phone_cell(v) for v in files["phone"] if isinstance(v, str) and v]
    return out


@pytest.mark.parametrize("blind", [True, False])
def test_ranked_blind_csv_holds_no_name_file_or_contact(blind_and_open, screener, blind):
    folder, out = blind_and_open
    data = out[blind].read_bytes()
    secrets = _secrets(folder, screener)
    assert len(secrets) > 20
    leaked = [s for s in secrets if s.encode("utf-8") in data]
    rows = read_csv(out[blind])
    duplicate = next(r for r in rows if "duplicate_of:" in r["flags"])
    target = duplicate["flags"].split("duplicate_of:", 1)[1]
    if blind:
        assert leaked == []
        assert target.startswith("c_") and target in {r["candidate"] for r in rows} and target != duplicate["candidate"]
    else:  # the twin: the open CSV holds them, so the search above can find them
        assert "Maria Okafor" in leaked and "maria_okafor.txt" in leaked and "(+1) 555-201-7788" in leaked
        assert target == str(folder / "maria_okafor.txt")


@pytest.mark.parametrize("blind", [True, False])
def test_ranked_blind_csv_is_audited_by_its_candidate_column(blind_and_open, blind):
    from resumematch.audit.impact import audit
    from resumematch.errors import InputError

    _, out = blind_and_open
    keys = pd.read_csv(out[True].with_name("ranked.keys.csv"), encoding="utf-8-sig")
    assert keys["candidate_id"].is_unique  # copies of one file get their own ids
    groups = keys.assign(sex=["F", "M"] * (len(keys) // 2) + ["F"] * (len(keys) % 2)).drop(columns="file")
    ranked = pd.read_csv(out[blind], encoding="utf-8-sig")
    if blind:
        result = audit(ranked, groups, ["sex"], min_score=0)
        assert sorted(result.table["group"]) == ["F", "M"] and result.pool == ranked["score"].notna().sum()
    else:  # the twin: an open CSV has no blind ids to join on
        with pytest.raises(InputError, match="share no join column"):
            audit(ranked, groups, ["sex"], min_score=0)


@pytest.mark.parametrize("blind", [True])
def test_report_from_blind_csv_keeps_the_duplicate_id(blind_and_open, tmp_path, blind):
    from resumematch.report.htmlinputs import write_report

    folder, out = blind_and_open
    rows = read_csv(out[blind])
    target = next(r for r in rows if "duplicate_of:" in r["flags"])["flags"].split("duplicate_of:", 1)[1]
    explain = tmp_path / "why.jsonl"
    explain.write_text("", encoding="utf-8")
    page = write_report(out[blind], explain, tmp_path / "r.html").read_text(encoding="utf-8")
    assert f"duplicate_of:{target}" in page and folder.name not in page and "maria_okafor" not in page


def test_ranked_csv_joined_lists_match_each_rows_mask():
    """The id and label lists are built once per distinct mask; each row still gets its own."""
    import numpy as np

    from resumematch.report.ranking import _joined

    rng = np.random.default_rng(7)
    mask = rng.random((500, 45)) < 0.3
    mask[::7] = mask[0]  # many rows repeat one mask
    mask[3] = False  # a row with nothing
    items = np.array([f"req.{j}" for j in range(45)], dtype=object)
    got = _joined(mask, items, "; ")
    assert list(got) == ["; ".join(items[row]) for row in mask]
    assert got[3] == ""
    assert list(_joined(np.zeros((2, 0), bool), items[:0])) == ["", ""]
