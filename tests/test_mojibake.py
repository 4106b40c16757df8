"""Broken text from real PDFs (issue 24): UTF-8 read as cp1252 ("â€“", "PMPÂ®", "ï¼" separators)
reads as the clean text would, so a resume and its mojibake twin get identical rows."""

from __future__ import annotations

import csv
import importlib

import pytest
from builders import lines_pdf
from typer.testing import CliRunner

from resumematch.analyze.rules.dateranges import RANGE
from resumematch.cli import app
from resumematch.extraction.normalize import normalize, repair_escaped_bytes, repair_mojibake

runner = CliRunner()

CLEAN = [
    "Maria Duarte",
    "maria.duarte@example.com \uff5c (404) 555-0199",
    "Atlanta, GA",
    "",
    "EXPERIENCE",
    "IT Project Manager, Acme Corp",
    "Jan 2015 \u2013 Dec 2019",
    "Led a team of 8 engineers on a data center migration and negotiated vendor contracts.",
    "Senior IT Project Manager, Beta Inc",
    "Feb 2020 \uff0d Present",
    "Managed the project schedule, budget and risks of an ERP rollout\u2014on time.",
    "",
    "CERTIFICATIONS",
    "PMP\u00ae \u2013 Project Management Institute",
    "",
    "EDUCATION",
    "B.S. Computer Science, Georgia Institute of Technology, 2010 \u2013 2014",
]

#: What a cp1252 reading of the UTF-8 bytes shows; "－" lost its last byte, as in the issue's files.
BROKEN_FORMS = {"\u2013": "\u00e2\u20ac\u201c", "\u2014": "\u00e2\u20ac\u201d", "\u00ae": "\u00c2\u00ae",
                "\uff5c": "\u00ef\u00bd\u0153", "\uff0d": "\u00ef\u00bc\u200b"}


def broken(line: str) -> str:
    for clean, bad in BROKEN_FORMS.items():
        line = line.replace(clean, bad)
    return line


@pytest.mark.parametrize("bad, clean", [
    ("Jan 2015 \u00e2\u20ac\u201c Dec 2019", "Jan 2015 - Dec 2019"),        # en dash
    ("PMP\u00c2\u00ae", "PMP\u00ae"),                                         # registered sign
    ("Jos\u00c3\u00a9 Garc\u00c3\u00ada", "Jos\u00e9 Garc\u00eda"),           # accented letters
    ("Jan 2015\u00ef\u00bc\u200bDec 2019", "Jan 2015 - Dec 2019"),          # fullwidth, last byte lost
    ("Phone\u00ef\u00bc\u0161 404", "Phone: 404"),                           # fullwidth colon, whole
    ("1\u00c2\u00bc years", "1\u00bc years"),                                 # a fraction stays one
])
def test_normalize_repairs_mojibake_to_the_clean_text(bad, clean):
    assert normalize(bad) == normalize(clean) == clean


@pytest.mark.parametrize("text", [
    "Jos\u00e9 Garc\u00eda, M\u00fcnchen \u2013 \u00a9 2020",  # real accents, dash and sign
    "na\u00efve \u00c2ge fa\u00e7ade",                    # letters that start mojibake, alone
    "O\u2019Connell \u201cquoted\u201d &amp; R&D",           # curly quotes and an entity are the text's own
])
def test_normalize_leaves_clean_text_as_it_is(text):
    assert repair_mojibake(text) == text


@pytest.mark.parametrize("raw, kept", [("\u00bc", "\u00bc"), ("1\u00bd years", "1\u00bd years"), ("PMP\u2122", "PMP\u2122")])
def test_normalize_keeps_fractions_and_trademark_from_nfkc(raw, kept):
    assert normalize(raw) == kept


@pytest.mark.parametrize("line, years", [
    ("Jan 2015 ~ Dec 2019", ("Jan 2015", "Dec 2019")),
    ("2015\u301c2019", ("2015", "2019")),
    ("Jan 2015 \u2192 Present", ("Jan 2015", "Present")),
    ("2015 -> 2019", ("2015", "2019")),
])
def test_dates_odd_separators_make_a_range(line, years):
    m = RANGE.search(normalize(line))
    assert m and (m["a"], m["b"]) == years


@pytest.mark.parametrize("line", ["2015 / 2019", "2015 | 2019", "2015 + 2019", "2015 ~"])
def test_dates_other_marks_between_years_make_no_range(line):
    assert not RANGE.search(normalize(line))


#: The columns that name the file itself: its path and the hash of its bytes.
IDENTITY = ("file", "sha256")


def _rank(folder, out):
    result = runner.invoke(app, ["rank", str(folder), "-o", str(out), "--no-cache", "--workers", "0",
                                 "--as-of", "2026-11-01"])
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8-sig", newline="") as f:
        return [{k: v for k, v in row.items() if k not in IDENTITY} for row in csv.DictReader(f)]


@pytest.mark.parametrize("fmt", ["txt", "pdf"])
def test_mojibake_twins_get_identical_ranked_rows(tmp_path, fmt):
    rows = {}
    for kind, lines in (("clean", CLEAN), ("broken", [broken(line) for line in CLEAN])):
        folder = tmp_path / kind
        folder.mkdir()
        if fmt == "txt":
            (folder / "maria.txt").write_text("\n".join(lines), encoding="utf-8")
        else:
            # Helvetica's WinAnsi encoding has no fullwidth forms or zero-width space: the PDF
            # twins differ by the dashes and the registered sign.
            lines = [ln.replace("\uff5c", "|").replace("\uff0d", "-").replace("\u00ef\u00bd\u0153", "|")
                     .replace("\u00ef\u00bc\u200b", "-") for ln in lines]
            (folder / "maria.pdf").write_bytes(lines_pdf([lines]))
        rows[kind] = _rank(folder, tmp_path / f"{kind}.csv")
    assert rows["broken"] != [] and rows["broken"] == rows["clean"]
    row = rows["clean"][0]
    assert row["cert.pmp"] == "1.0" and float(row["total_years"]) > 9, row


def test_mojibake_twins_differ_without_the_repair(monkeypatch):
    """The twin test means something: unrepaired, the broken twin loses its dates and its PMP."""
    n = importlib.import_module("resumematch.extraction.normalize")
    monkeypatch.setattr(n, "repair_mojibake", lambda text: text)
    assert "Jan 2015 - Dec 2019" not in n.normalize(broken("Jan 2015 \u2013 Dec 2019"))
    assert n.normalize(broken("PMP\u00ae")) != "PMP\u00ae"


def escaped(text: str) -> str:
    """``text`` as ``str(bytes)`` writes it: each byte beyond ASCII as a four-character escape."""
    return "".join(c if c.isascii() else "".join(f"\\x{b:02x}" for b in c.encode()) for c in text)


@pytest.mark.parametrize("clean", ["July 2012 \u2014 August 2014", "PMP\u00ae", "Caf\u00e9 M\u00fcnchen",
                                   "\u2666 Conflict Management"])
def test_normalize_decodes_utf8_written_as_byte_escapes(clean):
    assert "\\x" in escaped(clean)
    assert repair_escaped_bytes(escaped(clean)) == clean
    assert normalize(escaped(clean)) == normalize(clean)


@pytest.mark.parametrize("text", [
    r"C:\x64\temp",                  # an escape of an ASCII byte: a path, kept
    r"P.O. Box 1673\x01 Callahan",   # a control byte written out, kept
    r"cut short \xe2\x80 here",      # half a character
    r"\xc0\x80 overlong",            # not a UTF-8 lead byte
])
def test_normalize_leaves_escapes_that_are_no_whole_character(text):
    assert repair_escaped_bytes(text) == text


def test_escaped_bytes_twins_get_identical_ranked_rows(tmp_path):
    rows = {}
    for kind, lines in (("clean", CLEAN), ("escaped", [escaped(line) for line in CLEAN])):
        folder = tmp_path / kind
        folder.mkdir()
        (folder / "maria.txt").write_text("\n".join(lines), encoding="utf-8")
        rows[kind] = _rank(folder, tmp_path / f"{kind}.csv")
    assert rows["escaped"] == rows["clean"]
    assert rows["clean"][0]["cert.pmp"] == "1.0" and float(rows["clean"][0]["total_years"]) > 9
