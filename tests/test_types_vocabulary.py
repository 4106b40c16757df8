"""Vocabularies are written once, in ``resumematch/types.py``: no module spells a status, kind,
category, method, flag, credit route or mode as a bare string where one of them is meant.

Read with ``ast``: a string is "where a vocabulary is meant" when it is compared with, assigned
to, passed as or stored under a name such as ``status``, ``kind``, ``category``, ``mode``, ``via``,
``flags`` or ``families`` (or their plurals), given as the status of ``failed(...)``, a prefix looked for with
``startswith``, added to such a collection, looked up in one (``kinds["required"]``), a key of a mapping
keyed by one vocabulary (``{"bachelor": ..., "master": ...}``), or a ``Literal``.
"""

from __future__ import annotations

import ast
from enum import StrEnum
from pathlib import Path

import pytest

import resumematch.types as vocabularies

PACKAGE = Path(__file__).resolve().parent.parent / "resumematch"
VOCABULARIES = [{member.value for member in enum} for enum in vars(vocabularies).values()
                if isinstance(enum, type) and issubclass(enum, StrEnum) and enum is not StrEnum]
NAMES = ("status", "statuses", "kind", "kinds", "category", "categories", "method", "methods", "mode", "modes",
         "via", "flag", "flags", "route", "routes", "level", "levels", "severity", "family", "families")
WORDS = set().union(*VOCABULARIES)
PREFIX_CALLS = {"startswith", "endswith", "partition", "removeprefix"}


def _named(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return str(node.slice.value)
    if isinstance(node, ast.Call) and _named(node.func) == "get" and node.args:
        return _named(node.func.value) if not isinstance(node.args[0], ast.Constant) else str(node.args[0].value)
    if isinstance(node, ast.Call):
        return _named(node.func)
    return ""


def _vocabulary_name(name: str) -> bool:
    return any(name.lower().endswith(n) for n in NAMES)


def _keyed_by_a_vocabulary(keys: list[ast.expr | None]) -> bool:
    """Whether every key of a dict literal is a word of one and the same vocabulary."""
    words = {k.value if isinstance(k, ast.Constant) else None for k in keys}
    return any(words <= vocabulary for vocabulary in VOCABULARIES)


def _strings(node: ast.AST | None) -> list[ast.Constant]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [c for e in node.elts for c in _strings(e)]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [c for v in node.values for c in _strings(v)]
    return []


def _meant(node: ast.AST) -> list[ast.Constant]:
    """The string constants in ``node`` (one AST node) that stand where a vocabulary is meant."""
    if isinstance(node, ast.keyword) and node.arg and _vocabulary_name(node.arg):
        return _strings(node.value)
    if isinstance(node, ast.Compare):
        sides = [node.left, *node.comparators]
        return [c for s in sides for c in _strings(s)] if any(_vocabulary_name(_named(s)) for s in sides) else []
    if isinstance(node, ast.Dict) and len(node.keys) > 1 and _keyed_by_a_vocabulary(node.keys):
        return [k for k in node.keys if isinstance(k, ast.Constant)]
    if isinstance(node, ast.Dict):
        return [c for k, v in zip(node.keys, node.values)
                if isinstance(k, ast.Constant) and _vocabulary_name(str(k.value)) for c in _strings(v)]
    if isinstance(node, ast.Assign):
        return [c for t in node.targets if _vocabulary_name(_named(t)) for c in _strings(node.value)]
    if isinstance(node, ast.AnnAssign) and _vocabulary_name(_named(node.target)):
        return _strings(node.value)
    if isinstance(node, ast.Subscript) and _vocabulary_name(_named(node.value)):
        return _strings(node.slice)  # kinds["required"]
    if isinstance(node, ast.Call) and _named(node.func) == "failed" and len(node.args) >= 2:
        return _strings(node.args[1])
    if isinstance(node, ast.Call) and _named(node.func) in PREFIX_CALLS:
        return [c for a in node.args for c in _strings(a)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and _vocabulary_name(_named(node.func.value)):
        return [c for a in node.args for c in _strings(a)]  # flags.append("...")
    if isinstance(node, ast.Subscript) and _named(node.value) == "Literal":
        return _strings(node.slice)
    return []


def bare_words(source: str) -> list[str]:
    """``line: 'word'`` for each vocabulary word written as a bare string in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        for c in _meant(node):
            word = c.value.rstrip(":")
            if c.value in WORDS or word in WORDS or f"{word}:" in WORDS:
                found.append(f"{c.lineno}: {c.value!r}")
    return found


@pytest.mark.parametrize("source", [
    'doc = replace(doc, status="unreadable_font")',
    'failed("pdf", "no_text", "No text.")',
    'mark = "x" if item["kind"] == "required" else ""',
    'entry = {"phrase": p, "kind": "alias"}',
    'if via.startswith("through:"):\n    pass',
    'mode = "best"',
    'flags.append("keyword_stuffing")',
    'required = sum(r.get("kind") == "required" for r in reqs)',
    'best = model.category_modes.get(c, "mean") == "best"',
    'category: Category | Literal["organization"]',
    'done = doc.status not in ("timeout", "error")',
    'LEVEL_NAMES = {"associate": "Associate degree", "bachelor": "Bachelor\'s"}',
    '_LEVELS: list[tuple[str, str]] = [("master", "Mm"), ("bachelor", "Bb")]',
    'spec["families"] = families or ["computing", "law"]',
    'line = f"{kinds[\'required\']:>10}"',
])
def test_types_bare_vocabulary_word_is_found(source):
    assert bare_words(source)


@pytest.mark.parametrize("source", [
    'doc = replace(doc, status=DocStatus.UNREADABLE_FONT)',
    'failed("pdf", DocStatus.NO_TEXT, "No text.")',
    'mark = "x" if item["kind"] == Kind.REQUIRED else ""',
    'if section == "experience":\n    pass',  # sections are headings, not a vocabulary of types.py
    'name = "required"',
    'SECTIONS = {"experience": ("work",), "education": ("degrees",)}',  # headings, from two vocabularies
    'row = {"file": f, "status": DocStatus.OK}',
    'LEVEL_NAMES = {DegreeLevel.ASSOCIATE: "Associate degree", DegreeLevel.BACHELOR: "Bachelor\'s"}',
    'line = f"{kinds[Kind.REQUIRED]:>10}"',
    'spec["families"] = [str(f) for f in FieldFamily]',
])
def test_types_enum_member_or_other_word_is_not_found(source):
    assert bare_words(source) == []


@pytest.mark.parametrize("path", sorted(p for p in PACKAGE.rglob("*.py") if p.name != "types.py"),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_types_no_module_writes_a_vocabulary_word_bare(path):
    assert bare_words(path.read_text(encoding="utf-8")) == []
