"""``catalog:`` references in a requirement model: what a requirement inherits from the catalogue,
and the IT project manager model rewritten on it keeping its ranked CSV."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from resumematch.errors import ModelError
from resumematch.model import RequirementModel, load_model
from resumematch.run.screener import Screener

ROOT = Path(__file__).resolve().parents[1]


def _model(*requirements: dict, other_terms: list | None = None) -> RequirementModel:
    data = {"name": "t", "title": "T", "category_weights": {"certification": 1, "soft_skills": 1},
            "requirements": [{"kind": "preferred", "weight": 1, "source": "test", **r} for r in requirements]}
    if other_terms is not None:
        data["other_terms"] = other_terms
    return RequirementModel(**copy.deepcopy(data))


@pytest.mark.parametrize("local", [[], ["PMP holder"]])
def test_refs_credential_inherits_spellings_and_local_aliases_add(local):
    req = _model({"id": "cert.pmp", "catalog": "cert.pmp", "aliases": local}).by_id["cert.pmp"]
    assert {"PMP", "Project Management Professional", "PMI-PMP"} <= set(req.aliases)
    assert set(local) <= set(req.aliases)
    assert req.category == "certification" and req.catalog == ("cert.pmp",)
    assert req.label == "Project Management Professional (PMP)"


def test_refs_without_catalog_keep_only_their_own_aliases():
    req = _model({"id": "cert.pmp", "category": "certification", "label": "PMP",
                  "aliases": ["PMP"]}).by_id["cert.pmp"]
    assert req.aliases == ("PMP",) and req.context_only == ()


@pytest.mark.parametrize("ref, acronym", [("cert.csm", "CSM"), ("cert.capm", "CAPM")])
def test_refs_ambiguous_acronyms_count_only_in_credential_context(ref, acronym):
    req = _model({"id": "cert.x", "catalog": ref}).by_id["cert.x"]
    assert acronym in req.aliases and acronym in req.context_only
    assert not set(req.context_only) & {"Certified ScrumMaster", "Certified Associate in Project Management"}


def test_refs_supersedes_in_the_model_becomes_satisfied_by():
    model = _model({"id": "cert.capm", "catalog": "cert.capm"}, {"id": "cert.pmp", "catalog": "cert.pmp"})
    capm = model.by_id["cert.capm"]
    assert capm.satisfied_by.requirement == "cert.pmp"
    assert "PMP" not in capm.aliases
    assert model.by_id["cert.pmp"].satisfied_by is None


def test_refs_supersedes_outside_the_model_counts_as_the_credential():
    capm = _model({"id": "cert.capm", "catalog": "cert.capm"}).by_id["cert.capm"]
    assert capm.satisfied_by is None and "PMP" in capm.aliases
    csm = _model({"id": "cert.csm", "catalog": "cert.csm"}).by_id["cert.csm"]
    assert "A-CSM" in csm.aliases


def test_refs_near_misses_become_other_terms_unless_the_model_asks_for_them():
    names = {t.name for t in _model({"id": "cert.csm", "catalog": "cert.csm"}).other_terms}
    assert "Professional Scrum Master I (PSM I)" in names and "Certified Scrum Product Owner (CSPO)" in names
    both = _model({"id": "cert.csm", "catalog": "cert.csm"}, {"id": "cert.psm", "catalog": "cert.psm_i"})
    assert "Professional Scrum Master I (PSM I)" not in {t.name for t in both.other_terms}


def test_refs_a_spelling_shared_with_a_near_miss_is_left_out():
    csm = _model({"id": "cert.csm", "catalog": "cert.csm"}).by_id["cert.csm"]
    assert "Scrum Master certification" not in csm.aliases


def test_refs_a_shared_spelling_stays_with_its_usual_owner():
    # "CPA" alone is the U.S. licence (marked usual), though the Canadian CPA, a near miss, shares it:
    # it counts in credential context; the Canadian one says so in longer spellings, its other terms
    cpa = _model({"id": "cert.cpa", "catalog": "cert.cpa"})
    assert "CPA" in cpa.by_id["cert.cpa"].aliases and "CPA" in cpa.by_id["cert.cpa"].context_only
    assert "CPA, CA" in {a for t in cpa.other_terms for a in t.aliases}
    # the twin: a shared spelling with no usual owner still leaves both ("Scrum Master certification")
    assert "Scrum Master certification" not in _model({"id": "p", "catalog": "cert.psm_i"}).by_id["p"].aliases


def test_refs_usual_needs_shared_and_one_owner():
    from resumematch.catalog.terms import Term

    with pytest.raises(ValueError, match="usual but not shared"):
        Term(text="CPA", usual=True)


def test_refs_a_near_miss_keeps_no_spelling_that_is_also_a_place():
    # cert.cpa's near miss, the Chartered Accountant (ICAI), is also "CA": read with no requirement to
    # guard it, every "Sacramento, CA" of a job line was a credential held, and the jobs were no work
    terms = {t.name: t.aliases for t in _model({"id": "cert.cpa", "catalog": "cert.cpa"}).other_terms}
    ca = terms["Chartered Accountant (ICAI)"]
    assert "CA" not in ca and "ICAI Chartered Accountant" in ca


@pytest.mark.parametrize("place", ["Sacramento, CA", "Toronto, ON"])
def test_refs_a_state_that_spells_a_credential_leaves_the_job_a_job(place):
    model = _model({"id": "cert.cpa", "catalog": "cert.cpa"})
    text = (f"Jane Roe\njane@example.com\nExperience\nStaff Accountant\nAcme Water District • {place} • "
            "05.2019 - 05.2023\n• Posted journal entries\n")
    result = Screener(model, as_of=dt.date(2026, 1, 1)).score_text(text)
    assert result.analysis.experience_years == 4.0


def test_refs_other_terms_may_reference_the_catalogue():
    model = _model({"id": "cert.pmp", "catalog": "cert.pmp"}, other_terms=[{"catalog": "cert.ccna"}])
    ccna = next(t for t in model.other_terms if "CCNA" in t.aliases)
    assert ccna.category == "certification" and "Cisco Certified Network Associate" in ccna.aliases


@pytest.mark.parametrize("local, expected", [({}, 0.7), ({"mention_strength": 0.5}, 0.5)])
def test_refs_soft_skill_brings_mentions_patterns_and_mention_strength(local, expected):
    req = _model({"id": "soft.n", "catalog": "soft.negotiation", **local}).by_id["soft.n"]
    assert req.category == "soft_skills" and "negotiation skills" in req.aliases
    assert any("negotiate" in p.verbs and "contract" in p.objects for p in req.patterns)
    assert req.mention_strength == expected


@pytest.mark.parametrize("ref, spelling, ordinary", [
    ("tech.c_sharp", "C#", None), ("tech.microsoft_sql_server", "MSSQL", None), ("tech.go", "Golang", "Go"),
    ("tech.microsoft_excel", "MS Excel", "Excel")])
def test_refs_technology_takes_names_and_aliases_and_ordinary_words_only_in_context(ref, spelling, ordinary):
    req = _model({"id": "tech.x", "catalog": ref}).by_id["tech.x"]
    assert req.category == "technical_skills" and spelling in req.aliases
    assert spelling not in req.context_only
    # a name that is also an everyday word counts only where it reads as the tool (test_claims)
    assert ordinary is None or (ordinary in req.aliases and ordinary in req.context_only)


@pytest.mark.parametrize("field, brings, not_brought", [
    # a field named as the catalogue names it brings its spellings ...
    ("Accounting", "accountancy", None),
    # ... one named by a spelling of a broader field brings nothing more
    ("it project management", None, "Project Management"),
])
def test_refs_a_degrees_fields_bring_their_spellings(field, brings, not_brought):
    model = RequirementModel(name="t", title="T", category_weights={"degree": 1}, requirements=[
        {"id": "degree.b", "category": "degree", "label": "B", "kind": "required", "weight": 1, "source": "t",
         "degree": {"levels": ["bachelor"], "fields": [field]}}])
    fields = model.by_id["degree.b"].degree.fields
    assert fields[0] == field
    assert brings is None or brings in fields
    assert not_brought is None or not_brought not in fields


def test_refs_degree_families_become_their_fields():
    model = RequirementModel(name="t", title="T", category_weights={"degree": 1}, requirements=[
        {"id": "degree.b", "category": "degree", "label": "B", "kind": "required", "weight": 1, "source": "t",
         "degree": {"levels": ["bachelor"], "families": ["computing"], "fields": ["robotics"]}}])
    fields = model.by_id["degree.b"].degree.fields
    assert "robotics" in fields and "Computer Science" in fields and "Software Engineering" in fields
    assert "Nursing" not in fields and "IT" not in fields  # "IT" is an ambiguous spelling


@pytest.mark.parametrize("ref", ["cert.no_such_thing", "skill.x", "tech.no_such_tool"])
def test_refs_unknown_id_is_a_model_error_naming_it(tmp_path, ref):
    path = tmp_path / "m.yaml"
    path.write_text("name: m\ntitle: M\ncategory_weights: {certification: 1}\nrequirements:\n"
                    f"  - {{id: cert.a, catalog: {ref}, kind: required, weight: 1, source: s}}\n", encoding="utf-8")
    with pytest.raises(ModelError, match=ref.replace(".", r"\.")):
        load_model(path)


def test_refs_it_project_manager_model_uses_the_catalogue():
    model = load_model("it_project_manager")
    assert {r.id for r in model.requirements if r.catalog} >= {"cert.pmp", "cert.csm", "soft.leadership"}
    assert model.by_id["cert.capm"].satisfied_by.requirement == "cert.pmp"
    assert model.by_id["cert.prince2_foundation"].satisfied_by.requirement == "cert.prince2_practitioner"


def test_refs_it_project_manager_ranks_the_examples_as_the_hand_written_model_did():
    """The model before the catalogue is kept in tests/data; both rank the examples alike."""
    files = sorted(str(p) for p in (ROOT / "examples" / "resumes").iterdir() if p.is_file())
    as_of = dt.date(2026, 1, 15)
    before = Screener(ROOT / "tests" / "data" / "it_project_manager_hand.yaml", as_of=as_of).rank(files, workers=0)
    after = Screener("it_project_manager", as_of=as_of).rank(files, workers=0)
    assert list(before.columns) == list(after.columns)
    pd.testing.assert_frame_equal(before.drop(columns=["sha256"], errors="ignore"),
                                  after.drop(columns=["sha256"], errors="ignore"))


@pytest.mark.parametrize("ref, line, met", [
    # "CDL" alone is the commercial driver's licence (its usual owner), in any of its spellings ...
    ("cert.cdl", "Class A CDL, 2019", True),
    ("cert.cdl", "CDL", True),
    ("cert.forklift", "Certified forklift operator", True),
    ("cert.osha_10", "OSHA 10-Hour General Industry", True),
    # ... never Google's Cloud Digital Leader, which shares the acronym, nor OSHA 30 for OSHA 10's twin
    ("cert.google_cloud_digital_leader", "Class A CDL, 2019", False),
    ("cert.google_cloud_digital_leader", "Google Cloud Digital Leader", True),
    ("cert.osha_30", "OSHA 10-Hour General Industry", False),
])
def test_refs_trade_credentials_are_met_by_their_own_spellings(ref, line, met):
    model = _model({"id": "c", "catalog": ref})
    text = f"Jane Roe\njane@example.com\nCertifications\n{line}\nExperience\nDriver\nAcme • 2019 - 2023\n"
    result = Screener(model, as_of=dt.date(2026, 1, 1)).score_text(text)
    assert (result.strengths()["c"] > 0) is met
