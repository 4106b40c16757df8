"""Model mistakes are caught and explained with the file, the line and the fix (issue #13, section 3)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from resumematch.errors import ModelError, ModelWarning
from resumematch.model import check_model, load_model
from resumematch.modelcheck import summary

ROOT = Path(__file__).resolve().parents[1]

GOOD = """\
name: tiny
title: Tiny role
category_weights:
  certification: 2
  experience: 1
experience:
  relevant_terms: [data]
requirements:
  - id: cert.a
    category: certification
    label: A
    kind: required
    weight: 1
    source: test
    aliases: [alpha certificate]
  - id: experience.years
    category: experience
    label: Years
    kind: preferred
    weight: 1
    source: test
"""


def write(tmp_path: Path, text: str, name: str = "role.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> str:
    with pytest.raises(ModelError) as info:
        load_model(path)
    return str(info.value)


@pytest.mark.parametrize("text", [GOOD])
def test_model_problems_good_model_loads_without_warnings(tmp_path, text):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model, found = check_model(write(tmp_path, text))
        load_model(write(tmp_path, text))
    assert found == [] and [r.id for r in model.requirements] == ["cert.a", "experience.years"]


@pytest.mark.parametrize("old, new, expected", [
    ("    weight: 1\n    source: test\n    aliases", "    weight: high\n    source: test\n    aliases",
     "line 13: `weight` of requirement cert.a must be a number, got 'high'"),
    ("    kind: required", "    kind: mandatory",
     "line 12: `kind` of requirement cert.a must be one of 'required', 'preferred' or 'bonus', got 'mandatory'"),
    ("    aliases: [alpha", "    aliasses: [alpha",
     "line 15: unknown key `aliasses` in requirement cert.a (did you mean `aliases`?)"),
    ("title: Tiny role\n", "", "role.yaml: the model has no `title` (add `title:`, it is required)"),
    ("  - id: experience.years", "  - id: cert.a",
     "line 16: requirement id `cert.a` is used twice (first at line 9)"),
    ("  - id: cert.a", "  - id: Cert A", "line 9: `id` of requirement Cert A must be lowercase letters"),
])
def test_model_problems_say_line_field_and_fix_in_plain_words(tmp_path, old, new, expected):
    assert old in GOOD
    message = problems_of(write(tmp_path, GOOD.replace(old, new, 1)))
    assert expected in message
    assert "Input should" not in message and "valid tuple" not in message and "Value error" not in message


@pytest.mark.parametrize("old, new, expected", [
    # a job counts when it reads as the role's occupation, so relevant terms are optional; a code
    # that names no occupation is the mistake now
    ("  relevant_terms: [data]\n", "  relevant_terms: [data]\n  occupations: ['99-9999.99']\n",
     "unknown O*NET-SOC occupation codes ['99-9999.99']"),
    ("  experience: 1\n", "", "line 16: requirement experience.years is in category `experience`, which has no "
                              "weight in `category_weights`, so it would count for nothing "
                              "(add `experience: <weight>` under category_weights)"),
])
def test_model_problems_what_would_silently_score_zero_is_an_error(tmp_path, old, new, expected):
    assert old in GOOD
    assert expected in problems_of(write(tmp_path, GOOD.replace(old, new, 1)))


@pytest.mark.parametrize("old, new, expected", [
    ("  experience: 1\n", "  experience: 1\n  duties: 3\n",
     "line 6: category `duties` has a weight but no requirement"),
    ("  experience: 1\n", "  experience: 0\n", "whose weight is 0"),
])
def test_model_problems_doubtful_parts_are_warnings_and_the_model_loads(tmp_path, old, new, expected):
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.warns(ModelWarning, match=expected):
        model = load_model(path)
    assert model.name == "tiny"
    assert [p.severity for p in check_model(path)[1]] == ["warning"]


@pytest.mark.parametrize("data, expected", [
    (b"name: caf\xe9\n", "is not UTF-8 text"),
    (None, "is a folder"),
])
def test_model_problems_unreadable_file(tmp_path, data, expected):
    path = tmp_path / "role.yaml"
    if data is None:
        path.mkdir()
    else:
        path.write_bytes(data)
    with pytest.raises(ModelError, match=expected) as info:
        load_model(path)
    assert info.value.hint


@pytest.mark.parametrize("text", ["name: x\n  title: [\n"])
def test_model_problems_bad_yaml_names_the_line(tmp_path, text):
    assert "line 2: not valid YAML" in problems_of(write(tmp_path, text))


@pytest.mark.parametrize("path", sorted((ROOT / "models").rglob("*.yaml")) + sorted((ROOT / "examples").rglob("*.yaml")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_model_problems_every_shipped_yaml_loads_cleanly(path):
    """No bundled or example model can go stale: each validates with no error and no warning."""
    model, found = check_model(path)
    assert found == [], [str(p) for p in found]
    assert model.requirements


@pytest.mark.parametrize("folder", ["models", "examples"])
def test_model_problems_shipped_yaml_exists(folder):
    assert list((ROOT / folder).rglob("*.yaml"))  # the test above would pass vacuously otherwise


@pytest.mark.parametrize("path", [ROOT / "examples" / "models" / "data_analyst.yaml"])
def test_model_problems_example_comments_name_what_exists(path):
    import resumematch

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") and "(" in line and ")" in line:
            name = line.lstrip("# ").split("(")[0]
            assert not name.isidentifier() or hasattr(resumematch, name), line


@pytest.mark.parametrize("text", [GOOD.replace("  experience: 1\n", "  experience: 1\n  duties: 3\n")])
def test_model_problems_summary_counts_and_normalises(tmp_path, text):
    model, _ = check_model(write(tmp_path, text))
    info = summary(model)
    assert info["requirements"] == {"certification": {"required": 1, "preferred": 0, "bonus": 0},
                                    "experience": {"required": 0, "preferred": 1, "bonus": 0}}
    assert info["weights"] == {"certification": 66.7, "experience": 33.3}  # duties has no requirement
