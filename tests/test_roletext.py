"""The text fit: a resume's words against the role's own text (analyze/roletext.py, docs/scoring.md)."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import pytest
import yaml

from resumematch import Screener, load_model
from resumematch.analyze.roletext import FULL_COSINE, RoleText, _plain, role_text
from resumematch.draft import draft_yaml
from resumematch.score.aggregate import total_score

AS_OF = dt.date(2026, 11, 1)

POSTING = """Senior Accountant
Own the month-end close: journal entries, accruals and prepaid schedules.
Reconcile balance sheet accounts, including intercompany and fixed assets.
Prepare sales and use tax filings.
"""

ACCOUNTANT = """Staff Accountant, 2018 - 2024
Prepared journal entries and accruals for the month-end close.
Reconciled intercompany balances and fixed asset schedules.
"""

COOK = """Line Cook, 2018 - 2024
Prepared soups and sauces for a 120-seat restaurant.
Kept the walk-in cooler stocked and the line clean.
"""


def test_the_trades_own_words_read_higher_than_another_trades():
    role = RoleText(POSTING)
    accountant, cook = role.read(ACCOUNTANT), role.read(COOK)
    assert accountant.value > 0.8 > 0.1 > cook.value
    assert {"accruals", "intercompany", "journal"} <= set(accountant.terms)
    assert not {"accruals", "intercompany"} & set(cook.terms)


def test_everyday_english_ties_no_resume_to_a_posting():
    """Words O*NET's descriptions seldom use but everyone writes ("every", "end", "including")
    weigh next to nothing: a resume that shares five of them reads far below one that shares
    three of the trade's words."""
    assert _plain("every") < 0.2 < 0.9 < _plain("accruals") == _plain("intercompany") == 1.0
    role = RoleText("Reconcile accounts every month, including accruals, by the end of each week.")
    everyday = role.read("Walked the dogs every week, including at the end of each month.")
    trade = role.read("Reconciled accounts and booked accruals.")
    assert everyday.value < trade.value / 3
    assert "accruals" in trade.terms


def test_copying_the_posting_gains_nothing_past_full():
    role = RoleText(POSTING)
    pasted = role.read(POSTING * 3)
    assert pasted.cosine > FULL_COSINE and pasted.value == 1.0
    # below full, the value is the cosine's share of it
    partial = role.read("Prepared sales and use tax filings.\nSupervised the loading dock.")
    assert 0 < partial.value < 1 and math.isclose(partial.value, round(partial.cosine / FULL_COSINE, 3))


def test_role_text_is_the_models_words_not_its_aliases():
    model = load_model()
    text = role_text(model)
    assert model.title in text and model.description.split("\n")[0] in text
    assert all(r.label in text and r.source in text for r in model.requirements)
    pmp = model.by_id["cert.pmp"]
    assert any(alias not in text for alias in pmp.aliases)  # a catalogue's spellings are no role's words


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    path = tmp_path_factory.mktemp("draft") / "accountant.yaml"
    path.write_text(draft_yaml("Senior Accountant\n\nRequirements:\n- Bachelor's degree in Accounting.\n"
                               "- 3+ years of accounting experience.\n\nResponsibilities:\n"
                               "- Own the month-end close: journal entries, accruals and prepaid schedules.\n"
                               "- Reconcile intercompany balances and fixed asset schedules.\n"), encoding="utf-8")
    return path


def test_a_draft_weighs_the_text_fit_and_the_bundled_model_shows_it_only(drafted):
    assert load_model(drafted).text_fit_weight == yaml.safe_load(drafted.read_text())["text_fit_weight"] > 0
    assert load_model().text_fit_weight == 0


def _resume(name: str, duties: str = "Reconciled intercompany balances.\nOrganized the office holiday party.\n"
                                     "Answered customer calls and greeted visitors.\nOrdered printer paper.") -> str:
    return (f"{name}\nEXPERIENCE\nStaff Accountant, 2018 - 2024\n{duties}\n"
            "EDUCATION\nB.S. in Accounting, Ohio State University, 2017\n")


def test_the_candidates_name_moves_no_text_fit(drafted):
    """A name that is a word of the posting ("Jordan Prepaid") ties no one to it."""
    screener = Screener(drafted, as_of=AS_OF)
    plain = screener.score_text(_resume("Jordan Smith")).analysis
    named = screener.score_text(_resume("Jordan Prepaid")).analysis
    assert plain.text_fit == named.text_fit > 0 and plain.text_fit_terms == named.text_fit_terms
    # the positive twin: read with the name left in, the name is a shared word
    assert "Prepaid" in RoleText(role_text(screener.model)).read(_resume("Jordan Prepaid")).terms


def test_the_text_fit_counts_in_the_total_at_its_weight(drafted):
    screener = Screener(drafted, as_of=AS_OF)
    model = screener.model
    fits = [screener.score_text(_resume("Jordan Smith", duties)) for duties in (
        "Prepared journal entries and accruals for the month-end close.", "Filed the invoices.")]
    assert fits[0].analysis.text_fit > fits[1].analysis.text_fit
    names = list(fits[0].scorecard.categories)
    categories = np.array([[r.scorecard.categories[c] for c in names] for r in fits])
    fit = np.array([r.analysis.fit for r in fits])
    text = np.array([r.analysis.text_fit for r in fits])
    weights = sum(model.category_weights[c] for c in names)
    expected = 100 * ((categories * [model.category_weights[c] for c in names]).sum(axis=1)
                      + model.fit_weight * fit + model.text_fit_weight * text) / (weights + model.fit_weight
                                                                                  + model.text_fit_weight)
    assert np.allclose([r.score for r in fits], np.round(expected, 2))
    # the negative twin: at weight 0 the text fit moves no total
    unweighted = model.model_copy(update={"text_fit_weight": 0})
    same = total_score(unweighted, names, categories, fit, text)
    assert np.array_equal(same, total_score(unweighted, names, categories, fit, np.zeros(2)))


def test_rescore_weighs_the_text_fit(tmp_path):
    examples = Path(__file__).resolve().parent.parent / "examples" / "resumes"
    screening = Screener("it_project_manager", as_of=AS_OF).screen([examples], workers=0)
    assert screening.ranking["text_fit"].notna().any()
    heavier = screening.rescore({"text_fit": 100}).ranking.set_index("file")
    before = screening.ranking.set_index("file")
    scored = before["score"].notna()
    moved = (heavier.loc[scored.index[scored], "score"] != before.loc[scored, "score"])
    assert moved.any()
    # a resume's total moves towards its text fit: up when the text fit beats its score, else down
    for file in scored.index[scored]:
        old, new, text = before.loc[file, "score"], heavier.loc[file, "score"], before.loc[file, "text_fit"]
        assert (new - old) * (100 * text - old) >= -0.01


def test_the_text_fit_is_the_same_in_every_process():
    """Word sets iterate in an order set by each process's hash seed, and a float sum's last bit
    follows the order of its terms: the text fit's weights, and so the order of two near-equal
    terms, must not follow it (a Dask worker's CSV is byte-identical to a local run's)."""
    import os
    import subprocess
    import sys

    resume = " ".join([ACCOUNTANT, COOK, POSTING, "Scrum master and PMP holder; Jira, Kanban, Confluence, Zephyr",
                       "Led budgeting, forecasting, payroll, vendor onboarding, audits and quarterly reviews"])
    code = ("import sys\nfrom resumematch.analyze.roletext import _vector\n"
            "print(repr(sorted(_vector(sys.stdin.read()).items())))")
    outputs = {subprocess.run([sys.executable, "-c", code], input=resume, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(8)}
    assert len(outputs) == 1 and "'accrual'" in outputs.pop()


COOK_RESUME = """Dana Miller

SUMMARY
Line cook with eight years in busy kitchens.

EXPERIENCE
Line Cook, Harbor Grill, Columbus, OH    2016 - 2024
- Prepared soups, sauces and daily specials for a 120-seat restaurant
- Kept the walk-in cooler stocked and rotated inventory

EDUCATION
Culinary Arts Certificate, Columbus State Community College, 2015
"""
POSTING_WORDS = "month-end close, journal entries, accruals, prepaid schedules, intercompany, fixed asset schedules"


def test_a_skills_list_copied_from_the_posting_moves_no_text_fit(drafted):
    """The text fit reads what the candidate did (summary, experience, projects, internships), not
    lists a resume can copy from the posting: the posting's words as skills move nothing, the same
    words as a job's duties do."""
    screener = Screener(drafted, as_of=AS_OF)
    plain = screener.score_text(COOK_RESUME).analysis
    listed = screener.score_text(COOK_RESUME + f"\nSKILLS\n{POSTING_WORDS}\n").analysis
    done = screener.score_text(COOK_RESUME.replace("- Kept the walk-in", f"- Handled {POSTING_WORDS}\n- Kept the walk-in"))
    assert listed.text_fit == plain.text_fit < 0.2
    assert done.analysis.text_fit > 0.8
    assert listed.fit > plain.fit  # the occupations' fit reads skills (docs/scoring.md, section 5)
