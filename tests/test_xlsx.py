"""``-o ranked.xlsx``: a native workbook whose cells are typed, never formulas, with unicode and
phones as written, a frozen filtered header and readable required columns (issue #23), reopened
with openpyxl and, when it is installed, headless LibreOffice."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from resumematch import Screening, load_model
from resumematch.cli import app
from resumematch.report.htmlinputs import read_table
from resumematch.report.xlsx import MEETS_ALL, MISSES, write_xlsx

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "resumes"
HOSTILE = ['=HYPERLINK("http://x","y")', "@SUM(A1)", "+1-555 =cmd|' /C calc'!A0", "-2+3"]
NAMES = ["José Müller", "Zoë Ørsted-Łukasz", "李小龍"]
PHONES = ["+44 20 7946 0958", "404.555.0156", "+1-555 =cmd|' /C calc'!A0"]


def _ranking(names: list[str], phones: list[str], reasons: list[str] | None = None):
    """A ranked table of scored files whose name, phone and reason are the given texts."""
    reasons = reasons or [""] * len(names)
    records = [(f"f{i}.txt", [[f"{i:064x}", "txt", "ok", r, "", 1.0, 0.0, 2.0, 0.0, n, None, p, "", 0.5, "", "",
            [], 0.5, "", "", 0.0], []])
               for i, (n, p, r) in enumerate(zip(names, phones, reasons))]
    return Screening.from_records(load_model(), records).ranking


def _cells(path: Path):
    return [c for row in openpyxl.load_workbook(path).active.iter_rows() for c in row]


@pytest.mark.parametrize("value", HOSTILE)
def test_xlsx_hostile_text_is_text_not_a_formula(tmp_path, value):
    path = write_xlsx(_ranking([value], [value], [value]), tmp_path / "ranked.xlsx")
    cells = _cells(path)
    assert [c for c in cells if c.data_type == "f"] == []
    texts = [c.value for c in cells if c.value == value]
    assert len(texts) == 3 and all(c.data_type == "s" for c in cells if c.value == value)
    # the twin: the same text given to openpyxl as it comes is a formula, which the check would see
    if value.startswith("="):
        book = openpyxl.Workbook()
        book.active["A1"] = value
        book.save(tmp_path / "naive.xlsx")
        assert [c.data_type for c in _cells(tmp_path / "naive.xlsx")] == ["f"]


@pytest.mark.parametrize("names, phones", [(NAMES, PHONES)])
def test_xlsx_unicode_and_phones_as_written(tmp_path, names, phones):
    frame = _ranking(names, phones)
    path = write_xlsx(frame, tmp_path / "ranked.xlsx")
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in row))) for row in ws.iter_rows(min_row=2)]
    assert sorted(r["candidate"] for r in rows) == sorted(names)
    by_file = {r["file"]: r for r in rows}
    assert [by_file[f"f{i}.txt"]["phone"] for i in range(3)] == [
        "(+44) 20 7946 0958", "(+1) 404-555-0156", "+1-555 =cmd|' /C calc'!A0"]  # no quote in front
    # numbers stay numbers; text stays text
    assert all(isinstance(r["score"], float) and isinstance(r["rank"], int) for r in rows)
    assert all(isinstance(r["sha256"], str) for r in rows)


@pytest.mark.parametrize("rows", [3])
def test_xlsx_header_is_frozen_filtered_and_sized(tmp_path, rows):
    frame = _ranking(NAMES[:rows], PHONES[:rows])
    ws = openpyxl.load_workbook(write_xlsx(frame, tmp_path / "ranked.xlsx")).active
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(frame.columns))}{rows + 1}"
    assert all(c.font.bold for c in ws[1]) and not any(c.font.bold for c in ws[2])
    widths = {c: ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width
              for i, c in enumerate(frame.columns)}
    assert widths["sha256"] > widths["rank"] and 6 <= min(widths.values()) and max(widths.values()) <= 48


@pytest.mark.parametrize("met, missing, fill", [("4 of 4", "", MEETS_ALL), ("2 of 4", "Negotiation", MISSES),
                                                ("not assessed", "Negotiation", None)])
def test_xlsx_required_columns_are_filled(tmp_path, met, missing, fill):
    frame = _ranking(["Ann Lee"], ["x"]).assign(required_met=met, missing_required=missing)
    ws = openpyxl.load_workbook(write_xlsx(frame, tmp_path / "ranked.xlsx")).active
    header = [c.value for c in ws[1]]
    met_cell, missing_cell = (ws.cell(2, header.index(c) + 1) for c in ("required_met", "missing_required"))
    assert met_cell.value == met
    assert (met_cell.fill.fgColor.rgb[-6:] if met_cell.fill.fill_type else None) == (fill.fgColor.rgb[-6:]
                                                                                     if fill else None)
    assert (missing_cell.fill.fill_type is not None) == bool(missing)


@pytest.fixture(scope="module")
def ranked_both(tmp_path_factory):
    """The examples ranked once into a CSV and once into a workbook."""
    root = tmp_path_factory.mktemp("xlsx")
    folder = root / "in"
    folder.mkdir()
    for name in ("maria_okafor.txt", "darnell_washington.txt", "scanned_resume.pdf"):
        shutil.copy(EXAMPLES / name, folder)
    out = {}
    for suffix in ("csv", "xlsx"):
        out[suffix] = root / f"ranked.{suffix}"
        result = CliRunner().invoke(app, ["rank", str(folder), "-o", str(out[suffix]), "--no-cache", "--workers",
                                          "0", "--as-of", "2026-11-01", "-q"])
        assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_xlsx_rank_writes_the_csv_table_as_a_workbook(ranked_both, suffix):
    path = ranked_both[suffix]
    assert path.read_bytes()[:2] == (b"PK" if suffix == "xlsx" else b"\xef\xbb")  # a zip, or the CSV's BOM
    table, csv_table = read_table(path), read_table(ranked_both["csv"])
    assert list(table.columns) == list(csv_table.columns)
    assert table.astype(object).fillna("").astype(str).values.tolist() == \
        csv_table.astype(object).fillna("").astype(str).values.tolist()
    assert Path(f"{path}.run.json").is_file()


def _soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found and os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is required in CI: .ci/run installs libreoffice-calc")
    if not found:
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


@pytest.mark.parametrize("dummy", [None])
def test_xlsx_opens_in_libreoffice_as_written(tmp_path, dummy):
    soffice = _soffice()
    frame = _ranking(NAMES + HOSTILE, PHONES + HOSTILE + PHONES[:1], [""] * 3 + HOSTILE)
    path = write_xlsx(frame, tmp_path / "ranked.xlsx")
    profile = (tmp_path / "profile").as_uri()  # its own profile: runs side by side do not lock each other
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(tmp_path / "out"), str(path)],
                   check=True, capture_output=True, timeout=120)
    with open(tmp_path / "out" / "ranked.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(r["candidate"] for r in rows) == sorted(NAMES + HOSTILE)  # unicode intact, no formula ran
    assert sorted(r["reason"] for r in rows if r["reason"]) == sorted(HOSTILE)
    assert {r["phone"] for r in rows} >= {"(+44) 20 7946 0958", "(+1) 404-555-0156", "-2+3"}
    assert next(iter(rows[0])) == "rank"  # no byte-order mark in the first header
