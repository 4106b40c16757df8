"""Requirement models: the bundled model's public ids, loading by path, and validation errors."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import srsly

from resumematch.analyze import Analyzer
from resumematch.errors import ModelError, ModelNotFoundError
from resumematch.model import available_models, load_model

ROOT = Path(__file__).resolve().parents[1]

#: The ranked CSV has one column per id: renaming or dropping one breaks users.
IT_PM_IDS = {
    "degree.bachelor_it_field", "degree.graduate_it_pm", "experience.it_years", "experience.role_years", "internship",
    "course.data_management", "course.it_security", "course.programming", "course.procurement",
    "course.pm_principles", "topic.risk_assessment", "topic.cost_time_estimating", "topic.quality_testing",
    "topic.team_building", "cert.pmp", "cert.capm", "cert.csm", "cert.project_plus",
    "cert.prince2_foundation", "cert.prince2_practitioner", "soft.communication", "soft.leadership",
    "soft.negotiation", "soft.detail_oriented", "soft.organized", "soft.pragmatic", "soft.optimistic",
    "soft.trusted", "soft.honest_reporting", "soft.problem_solving", "duty.initiating", "duty.planning",
    "duty.budgeting", "duty.scheduling", "duty.executing", "duty.troubleshooting", "project.software",
    "project.hardware_network", "project.cloud", "project.data_analytics",
}

VALID = {
    "name": "tiny",
    "title": "Tiny role",
    "category_weights": {"certification": 1, "soft_skills": 1},
    "requirements": [
        {"id": "cert.a", "category": "certification", "label": "A", "kind": "required", "weight": 1,
         "source": "test", "aliases": ["alpha certificate"]},
        {"id": "soft.b", "category": "soft_skills", "label": "B", "kind": "bonus", "weight": 2,
         "source": "test", "aliases": ["bravery"]},
    ],
}


def write_model(tmp_path: Path, name: str, data) -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else srsly.yaml_dumps(data), encoding="utf-8")
    return path


def variant(change) -> dict:
    data = copy.deepcopy(VALID)
    change(data)
    return data


@pytest.mark.parametrize("name", ["it_project_manager"])
def test_model_bundled_ids_are_the_public_contract(name):
    model = load_model(name)
    assert name in available_models()
    assert {r.id for r in model.requirements} == IT_PM_IDS
    assert len(model.sha256) == 64


@pytest.mark.parametrize("path", [ROOT / "examples/models/data_analyst.yaml"])
def test_model_loads_by_path(path):
    model = load_model(path)
    assert model.name == "data_analyst"
    assert load_model(str(path)).sha256 == model.sha256


@pytest.mark.parametrize("data", [VALID])
def test_model_valid_file_loads(tmp_path, data):
    model = load_model(write_model(tmp_path, "tiny.yaml", data))
    assert [r.id for r in model.requirements] == ["cert.a", "soft.b"]


def _set_weight(d):
    d["requirements"][0]["weight"] = -1


def _set_category(d):
    d["requirements"][0]["category"] = "skills"


def _set_category_weights(d):
    d["category_weights"] = {"skills": 1}


def _duplicate(d):
    d["requirements"][1]["id"] = "cert.a"


def _satisfied_by(d):
    d["requirements"][1]["satisfied_by"] = {"requirement": "cert.nope"}


def _no_alias(d):
    d["requirements"][1]["aliases"] = []


def _extra_key(d):
    d["requirements"][0]["wieght"] = 2


def _years_on_a_credential(d):
    d["requirements"][0]["years"] = "role"


INVALID = [
    ("negative-weight.yaml", variant(_set_weight), ["`weight` of requirement cert.a must be greater than 0, got -1"]),
    ("unknown-category.yaml", variant(_set_category), ["`category` of requirement cert.a must be one of", "'skills'"]),
    ("unknown-weight-category.yaml", variant(_set_category_weights), ["`category_weights`", "'skills'"]),
    ("duplicate-ids.yaml", variant(_duplicate), ["requirement id `cert.a` is used twice (first at line"]),
    ("unknown-satisfied-by.yaml", variant(_satisfied_by), ["satisfied_by", "cert.nope"]),
    ("no-alias.yaml", variant(_no_alias), ["requirement soft.b: needs at least one alias"]),
    ("typo-key.yaml", variant(_extra_key), ["unknown key `wieght` in requirement cert.a", "did you mean `weight`?"]),
    ("years-on-a-credential.yaml", variant(_years_on_a_credential),
     ["requirement cert.a: 'years' and 'min_years' apply to experience requirements only"]),
    ("not-yaml.yaml", "name: [unclosed\n  - : :\n", ["not valid YAML"]),
    ("a-list.yaml", "- just\n- a list\n", ["YAML mapping"]),
]


@pytest.mark.parametrize("filename, data, fragments", INVALID, ids=[i[0] for i in INVALID])
def test_model_invalid_file_raises_model_error_naming_file_and_field(tmp_path, filename, data, fragments):
    path = write_model(tmp_path, filename, data)
    with pytest.raises(ModelError) as info:
        load_model(path)
    message = str(info.value)
    assert message.startswith(f"{path} line ") or message.startswith(f"{path}: ")
    for fragment in fragments:
        assert fragment in message
    assert "Input should be" not in message and "valid tuple" not in message
    assert not isinstance(info.value, ModelNotFoundError)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("filename, data", [("duplicate-ids.yaml", variant(_duplicate)),
                                            ("unknown-satisfied-by.yaml", variant(_satisfied_by))])
def test_model_cross_field_errors_name_the_requirements_field(tmp_path, filename, data):
    with pytest.raises(ModelError) as info:
        load_model(write_model(tmp_path, filename, data))
    message = str(info.value)
    assert message.count("\n") == 0  # said once, on the requirement's own line
    assert re.search(r"line \d+: .*requirement (id `)?(soft.b|cert.a)", message)
    assert "`requirements`" not in message


def _only_first_with_bad_weight(d):
    _set_weight(d)
    del d["requirements"][1:]


@pytest.mark.parametrize("filename, data", [("one-bad-requirement.yaml", variant(_only_first_with_bad_weight))])
def test_model_one_bad_requirement_gives_one_error(tmp_path, filename, data):
    with pytest.raises(ModelError) as info:
        load_model(write_model(tmp_path, filename, data))
    assert "at least 1 item" not in str(info.value)


@pytest.mark.parametrize("name", ["no_such_role", "it-project-manager"])
def test_model_unknown_name_raises_model_not_found(name):
    with pytest.raises(ModelNotFoundError) as info:
        load_model(name)
    assert name in str(info.value) and "it_project_manager" in str(info.value)  # lists what exists
    assert isinstance(info.value, ModelError) and isinstance(info.value, FileNotFoundError)


@pytest.mark.parametrize("relative", ["missing/model.yaml"])
def test_model_missing_path_raises_model_not_found(tmp_path, relative):
    with pytest.raises(ModelNotFoundError, match="model.yaml"):
        load_model(tmp_path / relative)


@pytest.mark.parametrize("name", ["no_such_role"])
def test_model_analyzer_with_unknown_model_raises(name):
    with pytest.raises(ModelNotFoundError):
        Analyzer(name)


@pytest.mark.parametrize("years", ["role", "relevant"])
def test_model_an_experience_requirement_counts_relevant_or_role_years(tmp_path, years):
    data = variant(lambda d: d["requirements"].append(
        {"id": "experience.y", "category": "experience", "label": "Y", "kind": "preferred", "weight": 1,
         "source": "test", "years": years}))
    data["category_weights"]["experience"] = 1
    model = load_model(write_model(tmp_path, "years.yaml", data))
    assert model.by_id["experience.y"].years == years
