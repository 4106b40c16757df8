"""The public face: ``resumematch`` and ``resumematch.audit`` list every public name (also those
loaded on first use) in ``dir()`` and ``__all__``, and show them to type checkers."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import resumematch
from resumematch import errors

PACKAGE = Path(__file__).resolve().parent.parent / "resumematch"
FACES = ["resumematch", "resumematch.audit"]


@pytest.mark.parametrize("module", FACES)
def test_public_dir_lists_every_name_of_all(module):
    face = importlib.import_module(module)
    assert set(face.__all__) <= set(dir(face))
    assert all(getattr(face, name) is not None for name in face.__all__)


@pytest.mark.parametrize("module", FACES)
def test_public_unknown_name_is_an_attribute_error(module):
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        _ = importlib.import_module(module).Nope


@pytest.mark.parametrize("module", FACES)
def test_public_lazy_names_are_imported_for_type_checkers(module):
    face = importlib.import_module(module)
    tree = ast.parse(Path(face.__file__).read_text(encoding="utf-8"))
    checked = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.If)
               and getattr(node.test, "id", "") == "TYPE_CHECKING"
               for imp in node.body if isinstance(imp, ast.ImportFrom) for alias in imp.names}
    assert checked == set(face._LAZY) and checked <= set(face.__all__)


@pytest.mark.parametrize("name", sorted(n for n in dir(errors) if n.endswith(("Error", "Warning"))
                                        and isinstance(getattr(errors, n), type)))
def test_public_every_error_is_exported(name):
    assert name in resumematch.__all__ and getattr(resumematch, name) is getattr(errors, name)


@pytest.mark.parametrize("name, module", [("check_model", "resumematch.model"), ("audit", "resumematch.audit.impact"),
                                          ("check_files", "resumematch.audit.counterfactual")])
def test_public_names_the_docs_use_are_the_functions(name, module):
    face = resumematch if name == "check_model" else importlib.import_module("resumematch.audit")
    assert getattr(face, name) is getattr(importlib.import_module(module), name)


STAGES = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())


@pytest.mark.parametrize("stage", STAGES)
def test_public_no_function_shadows_a_stage_package(stage):
    importlib.import_module(f"resumematch.{stage}")
    assert isinstance(getattr(resumematch, stage), type(resumematch))


@pytest.mark.parametrize("statement, name", [
    ("import resumematch.extraction.normalize as n", "n"),
    ("from resumematch.extraction import normalize as n", "n"),
])
def test_public_stage_module_imports_as_written(statement, name):
    scope: dict = {}
    exec(statement, scope)
    assert scope[name].normalize("a\u00a0b") == "a b"


@pytest.mark.parametrize("data, status", [(b"Jane Doe\nPMP certified\n", "ok"), (b"", "empty")])
def test_public_extract_is_still_the_function(data, status):
    document = resumematch.extract(data)
    assert isinstance(document, resumematch.Document) and document.status == status
