"""Counterfactual fairness: name, pronouns, gendered affiliations, graduation years, address."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from resumematch.audit.counterfactual import (
    FairnessReport,
    _shift_years,
    _swap_name,
    _swap_pronouns,
    check_files,
    check_text,
    format_report,
    variants,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples/resumes"

RESUME = """Jane Doe
jane.doe@example.com | (555) 555-0100 | Denver, CO

SUMMARY
IT project manager. She led her team; colleagues trust her. Jane is PMP certified.

EXPERIENCE
IT Project Manager, Contoso, Denver, CO
Jan 2015 - Present
- Led agile software projects with a budget of $2M

EDUCATION
Bachelor of Science in Information Technology, Ohio State University, 2014
Date of birth: 1990

ACTIVITIES
Women's Chess Club (captain); Society of Women Engineers
"""


@pytest.fixture(scope="module")
def screener():
    from resumematch.run.screener import Screener

    return Screener(as_of=datetime.date(2026, 11, 1))


@pytest.fixture(scope="module")
def reports(screener) -> list[FairnessReport]:
    return check_files([EXAMPLES], screener)


def test_every_example_resume_scores_identically_under_all_variants(reports):
    checked = [r for r in reports if not r.skipped]
    assert len(checked) == 11
    assert all(len(r.results) >= 15 for r in checked)
    assert all(r.passed for r in checked), format_report(reports)


def test_scanned_resume_is_skipped_and_reported(reports):
    scanned = next(r for r in reports if r.name.endswith("scanned_resume.pdf"))
    assert scanned.skipped.startswith("no_text") and scanned.baseline_score is None
    assert "SKIPPED" in format_report([scanned])


def test_name_replaced_everywhere_with_case_and_email():
    text = "MARIA OKAFOR\nmaria.okafor@example.com\nlinkedin.com/in/maria-okafor\nOkafor led it. Maria too."
    out = _swap_name(text, "Maria Okafor", "José Hernández")
    assert "maria" not in out.lower() and "okafor" not in out.lower()
    assert out.startswith("JOSÉ HERNÁNDEZ\njose.hernandez@example.com\nlinkedin.com/in/jose-hernandez")
    assert out.endswith("Hernández led it. José too.")


def test_name_variants_cover_every_group():
    names = [v for v in variants(RESUME) if v.kind == "name"]
    assert len(names) == 8
    for v in names:
        assert "Jane" not in v.text and "jane" not in v.text and "Doe" not in v.text


def test_pronouns_swapped_case_preserving_and_word_bounded():
    text = "She led her team. HER plan was hers. Theresa thanked them. Shell scripts."
    assert _swap_pronouns(text, "he") == "He led his team. HIS plan was his. Theresa thanked him. Shell scripts."
    assert _swap_pronouns(text, "they") == ("They led their team. THEIR plan was theirs. Theresa thanked them. "
                                            "Shell scripts.")


def test_years_shift_only_in_education_and_birth_lines():
    out = _shift_years(RESUME, -10)
    assert "Ohio State University, 2004" in out and "Date of birth: 1980" in out
    assert "Jan 2015 - Present" in out  # work dates untouched
    assert out.replace("2004", "2014").replace("1980", "1990") == RESUME


def test_plus_ten_years_dropped_when_graduation_would_be_in_the_future():
    shifts = [v.description for v in variants(RESUME, max_year=2026) if v.kind == "years"]
    assert shifts == ["graduation/birth years shifted -10", "graduation/birth years shifted +10"]
    recent = RESUME.replace("University, 2014", "University, 2020")
    shifts = [v.description for v in variants(recent, max_year=2026) if v.kind == "years"]
    assert shifts == ["graduation/birth years shifted -10"]


def test_gendered_affiliations_removed_swapped_and_added():
    by_desc = {v.description: v.text for v in variants(RESUME) if v.kind == "affiliation"}
    neutral = by_desc["gendered qualifiers removed"]
    assert "Chess Club (captain); Society of Engineers" in neutral and "Women" not in neutral
    assert "Men's Chess Club" in by_desc["Women's <-> Men's swapped"]
    plain = RESUME.replace("Women's Chess Club (captain); Society of Women Engineers\n", "")
    added = [v.text for v in variants(plain) if v.kind == "affiliation"]
    assert any("ACTIVITIES\nWomen's Chess Club" in t for t in added)
    no_section = plain.replace("ACTIVITIES\n", "")
    assert any(t.endswith("ACTIVITIES\nWomen's Chess Club (captain); Society of Women Engineers (member)\n")
               for t in (v.text for v in variants(no_section)))


def test_address_replaced_in_contact_block_only():
    texts = [v.text for v in variants(RESUME) if v.kind == "address"]
    assert len(texts) == 2
    for t in texts:
        head, _, body = t.partition("SUMMARY")
        assert "Denver, CO" not in head and re.search(r"\d{5}", head)
        assert "Contoso, Denver, CO" in body


def test_synthetic_resume_passes(screener):
    report = check_text(RESUME, screener, name="jane")
    assert report.baseline_score > 0 and len(report.results) >= 20
    assert report.passed, format_report([report])


class UnfairScreener:
    """Adds points whenever the resume mentions women: the check must catch it."""

    def __init__(self, screener):
        self.inner, self.as_of = screener, screener.as_of

    def score_text(self, text, name="<text>"):
        result = self.inner.score_text(text, name)
        bonus = 5.0 if "Women" in text else 0.0
        scorecard = result.scorecard.__class__(**{**result.scorecard.__dict__,
                                                  "total": result.scorecard.total + bonus})
        return result.__class__(**{**result.__dict__, "scorecard": scorecard})


def test_check_fails_for_an_unfair_scorer(screener):
    plain = RESUME.replace("Women's Chess Club (captain); Society of Women Engineers\n", "")
    report = check_text(plain, UnfairScreener(screener), name="plain")
    assert not report.passed
    failing = {r.description for r in report.failures}
    assert failing == {"activities line added: \"Women's Chess Club (captain); Society of Women Engineers (member)\""}
    assert report.failures[0].delta == 5.0 and report.failures[0].kind == "affiliation"
    text = format_report([report])
    assert text.startswith("FAIL plain") and "[affiliation]" in text and "(+5)" in text
