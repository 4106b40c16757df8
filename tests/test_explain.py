"""Explanations in a recruiter's words (issue 24): how and where a finding was found, and why
experience shows 0 years when the resume's dates could not be read. The JSONL keeps its machine
values."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from resumematch.cli import app
from resumematch.report.explain import format_report
from resumematch.run.screener import Screener

runner = CliRunner()
AS_OF = dt.date(2026, 11, 1)

RESUME = """Jane Doe
jane.doe@example.com

EXPERIENCE
IT Project Manager, Acme Corp
{dates}
Ability to negotiate.
"""


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener("it_project_manager", as_of=AS_OF)


def _explained(screener, tmp_path, dates: str) -> dict:
    path = tmp_path / "jane.txt"
    path.write_text(RESUME.format(dates=dates), encoding="utf-8")
    return screener.screen([path], workers=0).explain(path)


def _experience(data: dict) -> dict:
    return next(r for r in data["requirements"] if r["category"] == "experience")


@pytest.mark.parametrize("dates", ["2015 \u2022 2019", "Jan 2015 / Dec 2019 (full time)",
                                   "Jan 2015 / Dec 2019 on Windows Server 2012"])
def test_explain_dates_present_but_unread_are_said(screener, tmp_path, dates):
    data = _explained(screener, tmp_path, dates)
    assert data["flags"] == ["unread_dates:2"]
    note = _experience(data)["note"]
    assert note.startswith("no dated work could be read: the work history holds 2 year(s)")
    assert "0 dated years" not in note


@pytest.mark.parametrize("versions", ["Exchange Server 2010, Exchange Server 2013", "Windows 2000 and Office 2016"])
def test_explain_a_products_year_is_no_unread_date(screener, tmp_path, versions):
    assert _explained(screener, tmp_path, f"Administered {versions}")["flags"] == []


@pytest.mark.parametrize("dates, note", [
    ("2015 - 2019", "4 years of relevant work out of 4 dated years; full strength at 8"),
    ("Acme's largest account", "0 years of relevant work out of 0 dated years; full strength at 8"),  # no dates
])
def test_explain_dates_read_or_absent_keep_the_years_note(screener, tmp_path, dates, note):
    data = _explained(screener, tmp_path, dates)
    assert data["flags"] == []
    assert _experience(data)["note"] == note


def test_explain_report_says_method_status_and_place_in_words(screener, tmp_path):
    data = _explained(screener, tmp_path, "2015 - 2019")
    evidence = next(r for r in data["requirements"] if r["id"] == "soft.negotiation")["evidence"]
    assert (evidence["method"], evidence["status"], evidence["section"], evidence["page"]) == \
        ("lemma", "mentioned", "experience", 1)  # the JSONL keeps the machine values
    report = format_report(data)
    assert "evidence (a close form of the phrase, named, in Experience, page 1): Ability to negotiate" in report
    assert "(lemma, mentioned" not in report


@pytest.mark.parametrize("tag", ["(alias,", "(exact,", "(lemma,", "(evidence,", ", mentioned,", ", experience,"])
def test_explain_cli_report_shows_no_machine_tags(tag):
    result = runner.invoke(app, ["explain", "examples/resumes/maria_okafor.txt", "--as-of", "2026-11-01"])
    assert result.exit_code == 0, result.output
    assert "evidence (" in result.output and tag not in result.output


def test_explain_jobs_dated_by_a_year_alone_say_so(screener, tmp_path):
    """A job dated by a year alone counts that year and stays flagged; the note says why (seventeenth
    session), where a job dated by a range says nothing of it."""
    data = _explained(screener, tmp_path, "2019")
    assert data["flags"] == ["unread_dates:1"]
    note = _experience(data)["note"]
    assert "out of 0.92 dated years" in note and note.endswith("counts that year only: check the dates by hand")
    assert "year alone" not in _experience(_explained(screener, tmp_path, "2015 - 2019"))["note"]
