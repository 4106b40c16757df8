"""Blind mode end to end (issue #23): resumes that repeat their own name, email and phone inside
evidence lines, in other forms than the extracted ones, ranked with every view asked for; no
name word, email or phone digit run may be left in any file, missing contact details must not
crash, a failed blind run leaves no journal, and every JSONL line is strict JSON."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import builders
import pytest
from typer.testing import CliRunner

import resumematch.report.outputs as outputs
from resumematch import Screener
from resumematch.cli import app
from resumematch.run.rank import RunSettings, rank_files

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "resumes"
FAST = ["--no-cache", "--workers", "0", "--as-of", "2026-11-01"]

#: Each candidate: file name, name, email, phone as in the header, and body lines that repeat them.
PEOPLE = [
    ("cv1.txt", "Anna Nowak", "anna.nowak@example.com", "(404) 555-0131", [
        "ANNA NOWAK led the PMP rollout for a team of 12 engineers",
        "Project Management Professional (PMP): call 404-555-0131 to verify the PMP",
        "Email anna.nowak@example.com for the PMP certificate; nowak negotiated vendor contracts"]),
    ("cv2.pdf", "Olivia Reyes", "o.reyes@example.org", "+1 212 555 0188", [
        "Olivia R. negotiated vendor contracts for network hardware",
        "Reyes led the risk assessment; reach her at 212.555.0188 about leadership",
        "Bachelor of Science in Computer Science, o.reyes@example.org, 2014"]),
    ("cv3.docx", "José Müller", "jose.mueller@example.net", "+44 20 7946 0958", [
        "JOSÉ MÜLLER earned the Project Management Professional (PMP) certification",
        "Mr Muller ran quality testing gates; 020 7946 0958 for the negotiation references",
        "Bachelor of Science in Information Technology, Jose Muller, 2012"]),
    ("cv4.txt", "Mark Bennett", None, None, [  # no email, no phone: the NaN that crashed
        "Bennett owned the budget and negotiated vendor contracts",
        "M. Bennett led a team of 8 engineers; Project Management Professional (PMP)"]),
]
EXPERIENCE = ["EXPERIENCE", "Senior IT Project Manager, Northwind Health, Columbus, OH", "Jan 2016 - Present",
              "IT Project Coordinator, Contoso Logistics, Dayton, OH", "06/2012 - 12/2015", "", "EDUCATION",
              "Bachelor of Science in Information Technology, Ohio State University, 2012"]


def _lines(name, email, phone, body) -> list[str]:
    contact = " | ".join(x for x in (email, phone, "Columbus, OH") if x)
    return [name, contact, "", "SUMMARY", *body, "", *EXPERIENCE]


def _write(folder: Path, file: str, lines: list[str]) -> None:
    path = folder / file
    if path.suffix == ".pdf":
        path.write_bytes(builders.lines_pdf([lines]))
    elif path.suffix == ".docx":
        document = builders.new_docx()
        for line in lines:
            document.add_paragraph(line)
        path.write_bytes(builders.docx_bytes(document))
    else:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def resumes(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("blind") / "in"
    folder.mkdir()
    for file, name, email, phone, body in PEOPLE:
        _write(folder, file, _lines(name, email, phone, body))
    return folder


def _secrets() -> list[tuple[str, re.Pattern]]:
    """(what, pattern) for every name word (also without accents), email and phone digit run."""
    found = []
    for _, name, email, phone, _ in PEOPLE:
        words = set(name.split()) | ({"Jose", "Muller"} if "José" in name else set())
        found += [(w, re.compile(rf"(?<![^\W\d_]){re.escape(w)}(?![^\W\d_])", re.I)) for w in words]
        if email:
            found.append((email, re.compile(re.escape(email), re.I)))
        if phone:
            digits = re.sub(r"\D", "", phone)[-7:]  # the subscriber number, in any format
            found.append((phone, re.compile(r"[\s().+/-]{0,3}".join(digits) + r"(?!\d)")))
    return found


@pytest.fixture(scope="module")
def runs(resumes, tmp_path_factory) -> dict[bool, Path]:
    """The output folder of ``rank --explain --evidence --html``, blind (True) and open (False)."""
    folders = {}
    for blind in (True, False):
        out = tmp_path_factory.mktemp("out")
        result = CliRunner().invoke(app, ["rank", str(resumes), "-o", str(out / "ranked.csv"), "--explain",
                                          str(out / "why.jsonl"), "--evidence", str(out / "evidence.csv"), "--html",
                                          str(out / "report.html"), "--blind-key", str(out.parent / "key"),
                                          *(["--blind"] if blind else []), *FAST])
        assert result.exit_code == 0, result.output
        folders[blind] = out
    return folders


@pytest.mark.parametrize("blind", [True, False])
def test_blind_outputs_hold_no_name_word_email_or_phone(runs, blind):
    out = runs[blind]
    views = {p.name: p.read_bytes().decode("utf-8") for p in out.iterdir() if not p.name.endswith(".keys.csv")}
    views["report.html"] = re.sub(r"</?mark>", "", views["report.html"])  # the highlight tag, not "Mark"
    assert {"ranked.csv", "why.jsonl", "evidence.csv", "report.html", "ranked.csv.run.json"} <= set(views)
    leaks = {(file, what) for file, data in views.items() for what, pattern in _secrets() if pattern.search(data)}
    if blind:
        assert leaks == set()
        assert "[redacted]" in views["why.jsonl"] and "[redacted]" in views["evidence.csv"]
        assert not list(out.glob("*.partial.jsonl"))
    else:  # the twin: the open outputs hold every secret, so the search would find a leak
        assert {what for _, what in leaks} == {what for what, _ in _secrets()}


@pytest.mark.parametrize("blind", [True, False])
def test_blind_views_agree_on_the_redacted_snippet(runs, blind):
    """The HTML report and the explanation JSONL show the same snippet the same way."""
    out = runs[blind]
    snippets = [r["evidence"]["snippet"] for line in (out / "why.jsonl").read_text("utf-8").splitlines()
                for r in json.loads(line).get("requirements", []) if r["evidence"]]
    budget = {s for s in snippets if "owned the budget" in s}
    assert budget == ({"[redacted] owned the budget and negotiated vendor contracts"} if blind
                      else {"Bennett owned the budget and negotiated vendor contracts"})
    assert ("[redacted] owned the budget" in (out / "report.html").read_text("utf-8")) is blind


def _strict(line: str) -> dict:
    def refuse(constant):
        raise ValueError(f"not strict JSON: {constant}")

    return json.loads(line, parse_constant=refuse)


@pytest.mark.parametrize("blind", [False, True])
def test_outputs_jsonl_is_strict_json(runs, blind):
    lines = (runs[blind] / "why.jsonl").read_text("utf-8").splitlines()
    data = [_strict(line) for line in lines]
    assert len(data) == len(PEOPLE)
    if not blind:  # the candidate without email or phone: null, not NaN
        bennett = next(d for d in data if d["file"].endswith("cv4.txt"))
        assert bennett["candidate"]["email"] is None and bennett["candidate"]["phone"] is None
    # the twin: the bare NaN that json.dumps writes by default is refused
    with pytest.raises(ValueError, match="not strict"):
        _strict(json.dumps({"email": float("nan")}))


@pytest.mark.parametrize("blind, error, kept", [
    (True, RuntimeError, False),          # a failed blind run removes the unredacted journal
    (False, RuntimeError, True),          # an open run keeps it to resume
    (True, KeyboardInterrupt, True),      # an interrupted blind run keeps it to resume (documented)
])
def test_blind_failed_run_leaves_no_journal(tmp_path, monkeypatch, blind, error, kept):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "maria_okafor.txt", folder)

    def fail(*args, **kwargs):
        raise error("boom")

    monkeypatch.setattr(outputs, "write_outputs", fail)
    out = tmp_path / "out" / "ranked.csv"
    settings = RunSettings(workers=0, use_cache=False, blind=blind, blind_key=str(tmp_path / "key"))
    with pytest.raises(error):
        rank_files([folder], out, Screener("it_project_manager"), settings)
    journal = Path(f"{out}.partial.jsonl")
    assert journal.exists() is kept
    if kept:
        assert "Okafor" in journal.read_text("utf-8") and journal.stat().st_mode & 0o077 == 0  # owner only
    else:
        assert not [p for p in out.parent.iterdir() if "Okafor" in p.read_text("utf-8", errors="replace")]


@pytest.mark.parametrize("blind", [True, False])
def test_blind_ranked_csv_redacts_an_employer_named_for_the_candidate(tmp_path, blind):
    """The `jobs` column quotes each job's title line, employer included: one's own firm ("Priya
    Raghunathan CPA LLC") had carried the name into a blind ranked CSV."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cv.txt").write_text(
        "Priya Raghunathan\npriya.r@example.com\n\nEXPERIENCE\nStaff Accountant, Priya Raghunathan CPA LLC, "
        "Columbus, OH\nJan 2019 - Present\n- Prepared journal entries and reconciled accounts\n", encoding="utf-8")
    out = tmp_path / "ranked.csv"
    result = CliRunner().invoke(app, ["rank", str(tmp_path / "in"), "-o", str(out), "--blind-key",
                                      str(tmp_path / "key"), *(["--blind"] if blind else []), *FAST])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Staff Accountant" in text  # the jobs column is there ...
    assert ("Raghunathan" in text) == (not blind)  # ... and holds the name only when not blind
