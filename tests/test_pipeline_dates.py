"""Dated entries: which lines belong to an entry when its relevance and kind are decided."""

from __future__ import annotations

import datetime

import pytest

from resumematch.analyze import Analyzer

AS_OF = datetime.date(2026, 11, 1)


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(as_of=AS_OF)


@pytest.mark.parametrize("text", [
    "Jane Doe\njane@example.com\n\nSUMMARY\nStore manager moving into technology projects.\n\n"
    "EXPERIENCE\nStore Manager, Corner Shop, Austin, TX\nJan 2018 - Dec 2023\n• Ran the shop floor\n",
])
def test_dates_entry_does_not_reach_into_the_previous_section(analyzer, text):
    (period,) = analyzer.analyze(text).periods
    assert period.kind == "work" and not period.relevant  # "technology" sits in the summary


@pytest.mark.parametrize("text", [
    "Jane Doe\njane@example.com\n\nEXPERIENCE\nNVIDIA Research, Research Intern\nSanta Clara, CA\n"
    "• Designed a sparse attention kernel\nMay 2022 - Aug 2022\n• Co-authored a paper\n",
])
def test_dates_intern_title_a_few_lines_above_the_dates_makes_an_internship(analyzer, text):
    analysis = analyzer.analyze(text)
    assert [p.kind for p in analysis.periods] == ["internship"]
    assert analysis.internships == 1 and analysis.experience_years == 0
