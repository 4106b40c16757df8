"""Scoring: Analysis + model -> Scorecard (resumematch/scoring.py), driven through Screener.score_text."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from resumematch import Screener
from resumematch.analyze.values import Analysis, Candidate, Entity
from resumematch.extraction.document import assemble
from resumematch.score.aggregate import score_tables
from resumematch.score.facts import facts
from resumematch.score.scorecard import scorecard
from resumematch.score.table import build_tables

AS_OF = datetime.date(2026, 11, 1)
HEAD = "Jane Doe\njane.doe@example.com\n\n"


@pytest.fixture(scope="module")
def screener():
    return Screener("it_project_manager", as_of=AS_OF)


def req(result, rid):
    return next(r for r in result.scorecard.requirements if r.id == rid)


@pytest.mark.parametrize("exact, fuzzy", [
    ("CERTIFICATIONS\nCertified ScrumMaster (CSM), Scrum Alliance, 2020\n",
     "CERTIFICATIONS\nCertified Scrum Mastr, Scrum Alliance, 2020\n"),
])
def test_scoring_exact_alias_beats_fuzzy(screener, exact, fuzzy):
    e, f = req(screener.score_text(HEAD + exact), "cert.csm"), req(screener.score_text(HEAD + fuzzy), "cert.csm")
    assert e.evidence.method in ("exact", "alias") and f.evidence.method == "fuzzy"
    assert e.strength == 1.0 > f.strength > 0


@pytest.mark.parametrize("closer, further", [
    ("Certified Scrum Mastr", "Certifed ScrumMastr"),
])
def test_scoring_fuzzy_weighted_by_match_score(screener, closer, further):
    a = req(screener.score_text(HEAD + f"CERTIFICATIONS\n{closer}, Scrum Alliance, 2020\n"), "cert.csm")
    b = req(screener.score_text(HEAD + f"CERTIFICATIONS\n{further}, Scrum Alliance, 2020\n"), "cert.csm")
    assert a.evidence.method == b.evidence.method == "fuzzy"
    assert a.evidence.score > b.evidence.score
    assert a.strength > b.strength
    # strength = status 1.0 x home section 1.0 x fuzzy 0.9 x match score
    for r in (a, b):
        assert r.strength == pytest.approx(round(0.9 * r.evidence.score, 4))


@pytest.mark.parametrize("text", [
    "CERTIFICATIONS\nProject Management Professional (PMP), PMI - in progress, expected 2027\n",
])
def test_scoring_in_progress_certification_counts_nothing(screener, text):
    result = screener.score_text(HEAD + text)
    pmp = req(result, "cert.pmp")
    assert pmp.strength == 0.0 and not pmp.met
    assert any(e.id == "cert.pmp" and e.status == "in_progress" for e in result.analysis.entities)
    assert result.scorecard.categories["certification"] == 0.0


@pytest.mark.parametrize("home, elsewhere", [
    ("SKILLS\nNegotiation\n", "EDUCATION\nNegotiation\n"),
])
def test_scoring_home_section_counts_more_than_passing_mention(screener, home, elsewhere):
    h = req(screener.score_text(HEAD + home), "soft.negotiation")
    p = req(screener.score_text(HEAD + elsewhere), "soft.negotiation")
    assert h.evidence.section == "skills" and p.evidence.section == "education"
    bare = screener.model.by_id["soft.negotiation"].mention_strength
    assert bare is not None and bare < 1
    assert h.strength == pytest.approx(bare)
    assert p.strength == pytest.approx(0.8 * bare)


@pytest.mark.parametrize("shown, listed", [
    ("EXPERIENCE\nNegotiated SLAs with three outsourcing partners\n", "SKILLS\nNegotiation\n"),
])
def test_scoring_shown_skill_is_full_strength_a_listed_one_the_model_mention_strength(screener, shown, listed):
    s = req(screener.score_text(HEAD + shown), "soft.negotiation")
    m = req(screener.score_text(HEAD + listed), "soft.negotiation")
    assert s.evidence.method == "evidence" and s.strength == 1.0 and s.met
    assert m.evidence.method != "evidence" and m.met
    assert m.strength == pytest.approx(screener.model.by_id["soft.negotiation"].mention_strength)


@pytest.mark.parametrize("once, many", [
    ("EDUCATION\nNegotiation\n", "EDUCATION\nNegotiation\nNegotiation, negotiation and more negotiation\nNegotiation\n"),
])
def test_scoring_repeated_mentions_add_nothing(screener, once, many):
    a, b = screener.score_text(HEAD + once), screener.score_text(HEAD + many)
    assert req(a, "soft.negotiation").strength == req(b, "soft.negotiation").strength
    assert a.scorecard.categories == b.scorecard.categories  # the fit reads the whole text, so not the total
    assert len(req(b, "soft.negotiation").also_seen) >= 1


@pytest.mark.parametrize("name, total, categories", [
    ("maria_okafor.txt", 97.6, {"degree": 0.75, "certification": 1.0, "experience": 1.0, "internship": 1.0,
                                 "coursework": 1.0, "soft_skills": 0.971, "duties": 0.953, "project_types": 1.0}),
    ("kwame_asante.txt", 6.84, {"degree": 0.0, "certification": 0.0, "experience": 0.0, "internship": 0.0,
                                "coursework": 0.0, "soft_skills": 0.386, "duties": 0.142, "project_types": 0.0}),
    ("darnell_washington.txt", 27.68, {"degree": 0.0, "certification": 0.333, "experience": 0.0, "internship": 0.0,
                                       "coursework": 0.0, "soft_skills": 0.443, "duties": 0.667,
                                       "project_types": 0.0}),
])
def test_scoring_total_in_range(screener, name, total, categories):
    result = screener.score(f"examples/resumes/{name}")
    assert result.score == total
    assert {k: round(v, 3) for k, v in result.scorecard.categories.items()} == categories
    assert all(0 <= r.strength <= 1 for r in result.scorecard.requirements)


@pytest.mark.parametrize("name, has_internship", [
    ("maria_okafor.txt", True),
    ("kwame_asante.txt", False),
    ("darnell_washington.txt", False),
])
def test_scoring_a_bonus_category_raises_a_total_and_never_lowers_one(screener, name, has_internship, tmp_path):
    """The bundled model's internship category holds only a bonus requirement: a resume without an
    internship scores exactly as under a model without the category; one with it scores higher."""
    model = yaml.safe_load(Path("models/it_project_manager.yaml").read_text(encoding="utf-8"))
    model["fit_weight"] = sum(model["category_weights"].values())  # the default, held fixed
    del model["category_weights"]["internship"]
    model["requirements"] = [r for r in model["requirements"] if r["category"] != "internship"]
    path = tmp_path / "without_internship.yaml"
    path.write_text(yaml.safe_dump(model), encoding="utf-8")
    with_category = screener.score(f"examples/resumes/{name}").score
    without = Screener(str(path), as_of=AS_OF).score(f"examples/resumes/{name}").score
    if has_internship:
        assert with_category > without
    else:
        assert with_category == without


@pytest.mark.parametrize("text, expected_missing", [
    ("SKILLS\nLeadership\n", {"degree.bachelor_it_field", "experience.it_years"}),
])
def test_scoring_missing_required_listed(screener, text, expected_missing):
    card = screener.score_text(HEAD + text).scorecard
    assert set(card.missing) == expected_missing
    required = {r.id for r in screener.model.requirements if r.kind == "required"}
    assert set(card.missing) <= required
    assert "soft.leadership" in card.matched


@pytest.mark.parametrize("text", [
    "EXPERIENCE\nSoftware Project Manager, Acme Software, Boston\nJan 2018 - Present\n- Led software delivery projects\n",
])
def test_scoring_degree_met_by_equivalent_experience(screener, text):
    result = screener.score_text(HEAD + text)
    assert result.analysis.relevant_experience_years >= 6
    deg = req(result, "degree.bachelor_it_field")
    assert deg.met and deg.strength == 1.0 and deg.evidence is None
    assert "equivalent experience" in deg.note
    assert "degree.bachelor_it_field" not in result.scorecard.missing


@pytest.mark.parametrize("text", [
    "EXPERIENCE\nSoftware Project Manager, Acme Software, Boston\nJan 2024 - Present\n- Led software delivery projects\n",
])
def test_scoring_degree_not_met_by_short_experience(screener, text):
    result = screener.score_text(HEAD + text)
    assert result.analysis.relevant_experience_years < 6
    assert "degree.bachelor_it_field" in result.scorecard.missing


@pytest.mark.parametrize("text", ["CERTIFICATIONS\nPRINCE2 Practitioner, Axelos, 2021\n"])
def test_scoring_satisfied_by_requirement(screener, text):
    result = screener.score_text(HEAD + text)
    foundation = req(result, "cert.prince2_foundation")
    assert req(result, "cert.prince2_practitioner").met
    assert foundation.met and foundation.strength == 1.0
    assert foundation.note == "met through cert.prince2_practitioner"


#: The requirements each example meets at all, with their strengths (as_of 2026-11-01).
_MARIA = {"cert.capm": 1.0, "cert.csm": 1.0, "cert.pmp": 1.0, "course.data_management": 1.0,
          "course.it_security": 1.0, "course.pm_principles": 1.0, "course.procurement": 1.0,
          "course.programming": 1.0, "degree.bachelor_it_field": 1.0, "duty.budgeting": 0.855,
          "duty.executing": 1.0, "duty.initiating": 1.0, "duty.planning": 1.0, "duty.scheduling": 1.0,
          "duty.troubleshooting": 0.864, "experience.it_years": 1.0, "experience.role_years": 1.0, "internship": 1.0,
          "project.cloud": 1.0, "project.data_analytics": 1.0, "project.hardware_network": 1.0, "project.software": 1.0,
          "soft.communication": 1.0, "soft.detail_oriented": 0.7, "soft.honest_reporting": 1.0,
          "soft.leadership": 1.0, "soft.negotiation": 1.0, "soft.organized": 0.7, "soft.pragmatic": 0.7,
          "soft.problem_solving": 0.7, "topic.cost_time_estimating": 0.8, "topic.quality_testing": 0.8,
          "topic.risk_assessment": 0.8}
_TOMAS = {"cert.capm": 1.0, "cert.csm": 1.0, "cert.pmp": 1.0, "course.data_management": 1.0,
          "course.it_security": 1.0, "course.pm_principles": 1.0, "course.procurement": 1.0,
          "course.programming": 1.0, "degree.bachelor_it_field": 1.0, "degree.graduate_it_pm": 1.0,
          "duty.budgeting": 0.855, "duty.executing": 1.0, "duty.initiating": 1.0, "duty.planning": 1.0,
          "duty.scheduling": 1.0, "duty.troubleshooting": 1.0, "experience.it_years": 1.0, "experience.role_years": 1.0, "internship": 1.0,
          "project.cloud": 1.0, "project.data_analytics": 1.0, "project.hardware_network": 1.0,
          "project.software": 0.4, "soft.communication": 1.0, "soft.detail_oriented": 0.7,
          "soft.honest_reporting": 0.7, "soft.leadership": 1.0, "soft.negotiation": 1.0, "soft.optimistic": 0.7,
          "soft.pragmatic": 0.7, "soft.problem_solving": 1.0, "topic.cost_time_estimating": 1.0,
          "topic.quality_testing": 1.0, "topic.risk_assessment": 1.0, "topic.team_building": 0.8}


@pytest.mark.parametrize("name, total, strengths", [("tomas_herrera.pdf", 99.16, _TOMAS),
                                                    ("maria_okafor.txt", 97.6, _MARIA)])
def test_scoring_deterministic(screener, name, total, strengths):
    a, b = screener.score(f"examples/resumes/{name}"), screener.score(f"examples/resumes/{name}")
    assert a.scorecard == b.scorecard
    assert a.score == total
    assert {r.id: round(r.strength, 3) for r in a.scorecard.requirements if r.strength > 0} == strengths


def _entity(**kw):
    base = dict(category="soft_skills", id="soft.negotiation", name="Negotiation", text="negotiation",
                method="exact", score=1.0, status="mentioned", section="skills", page=1, start=0, end=11)
    base.update(kw)
    return Entity(**base)


@pytest.mark.parametrize("kw, expected", [
    ({}, 1.0),
    ({"section": "education"}, 0.8),
    ({"method": "fuzzy", "score": 0.9}, 0.81),
    ({"status": "expired"}, 0.3),
    ({"status": "stuffed"}, 0.2),
    ({"status": "in_progress", "category": "certification", "section": "certifications"}, 0.0),
    ({"status": "in_progress", "category": "degree", "section": "education"}, 0.5),
    ({"section": "none"}, 0.9),
    ({"status": "contact"}, 0.0),
])
def test_scoring_evidence_strength_formula(screener, kw, expected):
    model = screener.model.model_copy(update={"requirements": tuple(
        r.model_copy(update={"mention_strength": None}) for r in screener.model.requirements)})
    findings, files = _tables((_entity(**kw),))
    assert score_tables(findings, files, model).finding_strength[0] == pytest.approx(expected)


@pytest.mark.parametrize("method, expected", [("exact", 0.7), ("alias", 0.7), ("evidence", 1.0), ("lemma", 0.63)])
def test_scoring_mention_strength_scales_only_mentions(screener, method, expected):
    """soft.negotiation has mention_strength 0.7: a bare mention counts 0.7, evidence of it done 1.0."""
    assert screener.model.by_id["soft.negotiation"].mention_strength == 0.7
    findings, files = _tables((_entity(method=method),))
    assert score_tables(findings, files, screener.model).finding_strength[0] == pytest.approx(expected)


def _tables(entities, years=0.0):
    analysis = Analysis(Candidate(None, None, None), years, years, 0.0, 0, entities, (), (), "m", "2026-11-01")
    return build_tables([("f.txt", facts(assemble(["x" * 40], "txt"), analysis))])


def score(analysis, model):
    findings, files = build_tables([("f.txt", facts(assemble(["x" * 40], "txt"), analysis))])
    return scorecard(findings, files, score_tables(findings, files, model), 0)


@pytest.mark.parametrize("bonus_only", [True])
def test_scoring_bonus_never_lowers_category(screener, bonus_only):
    """A category score is a weighted mean over non-bonus requirements; bonus adds, capped at 1."""
    model = screener.model
    entities = tuple(_entity(id=r.id, name=r.label, category="soft_skills", method="evidence")
                     for r in model.requirements
                     if r.category == "soft_skills" and r.kind != "bonus")
    analysis = Analysis(Candidate(None, None, None), 0.0, 0.0, 0.0, 0, entities, (), (), model.name, "2026-11-01")
    card = score(analysis, model)
    assert card.categories["soft_skills"] == 1.0
    assert 0 <= card.total <= 100


@pytest.mark.parametrize("role, other", [
    # the same dates: a job in the role itself earns the role years; IT work beside it does not
    ("IT Project Manager, Contoso", "Software Developer, Contoso"),
    ("Director of Information Technology, Fabrikam", "Network Administrator, Fabrikam"),
])
def test_scoring_role_years_count_jobs_in_the_role_itself(screener, role, other):
    body = "EXPERIENCE\n{title}\nJan 2015 - Dec 2023\n- Delivered infrastructure and software projects\n"
    in_role = screener.score_text(HEAD + body.format(title=role))
    beside = screener.score_text(HEAD + body.format(title=other))
    assert req(in_role, "experience.role_years").strength == 1.0
    assert req(in_role, "experience.role_years").note.startswith("8.92 years in the role itself")
    assert req(beside, "experience.role_years").strength == 0.0
    assert req(beside, "experience.it_years").strength == req(in_role, "experience.it_years").strength == 1.0


_POSTING = "Staff Accountant\nRequirements\n- 5+ years of accounting experience required\n- CPA preferred\n"


@pytest.mark.parametrize("start, asked, met", [
    # a drafted "5+ years" is met at five years, not at half of them; its strength is the same
    ("Jan 2023", True, False),
    ("Jan 2020", True, True),
    # (a model that names no min_years meets it at half the full-strength years, as before)
    ("Jan 2023", False, True),
    ("Jan 2025", False, False),
])
def test_scoring_experience_asked_in_years_is_met_at_those_years(tmp_path, start, asked, met):
    from resumematch.draft import draft_yaml

    content = draft_yaml(_POSTING)
    assert "min_years: 5" in content
    path = tmp_path / "m.yaml"
    path.write_text(content if asked else content.replace("min_years: 5", ""), encoding="utf-8")
    result = Screener(str(path), as_of=AS_OF).score_text(
        HEAD + f"EXPERIENCE\nStaff Accountant, Contoso\n{start} - Present\n- Reconciled the general ledger\n")
    years = req(result, "experience.years")
    assert years.strength == pytest.approx(min(1.0, result.analysis.relevant_experience_years / 5), abs=1e-3)
    assert years.met == met and ("experience.years" in result.scorecard.missing) == (not met)
    assert ("met at 5, the years asked" in years.note) == asked
