"""Problems in a requirement model file, said in the model author's words, with file and line.

The YAML is read with a loader that records where each key and item sits, so a pydantic error
at ``('requirements', 3, 'weight')`` becomes "line 61: `weight` of requirement skill.sql must
be a number, got 'high'". The checks after validation catch what loads but would silently
score nothing: a requirement whose category has no weight, a weight no requirement uses, a
repeated id.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ._yaml import Lines, line_of
from .errors import ModelError
from .types import CATEGORIES, CategoryMode, Kind, Severity


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a model file: where, what, and how to fix it."""

    file: str
    line: int | None
    message: str
    fix: str = ""
    severity: Severity = Severity.ERROR

    @property
    def what(self) -> str:
        """Where and what, without the fix."""
        return f"{self.file} line {self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"

    def __str__(self) -> str:
        return self.what + (f" ({self.fix})" if self.fix else "")


def _data_path(data: Any, loc: tuple) -> tuple:
    """The part of a pydantic error location that indexes into the data (no union tags)."""
    path, node = [], data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and "[" not in part:
            path.append(part)  # a field the data lacks
            break
        else:
            continue  # a union member's tag, such as 'enum[Category]'
        path.append(part)
    return tuple(path)


def _subject(data: Any, path: tuple) -> tuple[str, str]:
    """("`weight`", " of requirement skill.sql") for a path, in the author's terms."""
    owner, start = "", 0
    if len(path) >= 2 and path[0] in ("requirements", "other_terms") and isinstance(path[1], int):
        item = data[path[0]][path[1]] if isinstance(data.get(path[0]), list) else None
        label = item.get("id") or item.get("name") if isinstance(item, dict) else None
        kind = "requirement" if path[0] == "requirements" else "other term"
        owner = f"{kind} {label}" if label else f"{kind} number {path[1] + 1}"
        start = 2
    field = ""
    for part in path[start:]:
        field += f"[{part}]" if isinstance(part, int) else (f".{part}" if field else str(part))
    return (f"`{field}`" if field else ""), owner


def _got(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_TYPES = {"float_parsing": "a number", "float_type": "a number", "int_parsing": "a whole number",
          "int_type": "a whole number", "int_from_float": "a whole number", "string_type": "text",
          "bool_type": "true or false", "bool_parsing": "true or false", "list_type": "a list",
          "tuple_type": "a list", "dict_type": "a mapping (key: value lines)",
          "model_type": "a mapping (key: value lines)", "model_attributes_type": "a mapping (key: value lines)"}
_BOUNDS = {"greater_than": ("greater than", "gt"), "greater_than_equal": ("at least", "ge"),
           "less_than": ("less than", "lt"), "less_than_equal": ("at most", "le")}
_PATTERNS = {"id": "lowercase letters, digits and '_', in parts joined by dots, like cert.pmp",
             "name": "letters, digits, '_', '.' and '-' only, like it_project_manager"}


def _allowed_keys(root: type[BaseModel], path: tuple) -> list[str]:
    """The keys the model format allows where ``path`` (ending in the unknown key) points."""
    cls: Any = root
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        fields = getattr(cls, "model_fields", {})
        if part not in fields:
            return []
        cls = _inner_model(fields[part].annotation)
    return [k for k in getattr(cls, "model_fields", {}) if k not in ("sha256", "content")]


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (tuple, list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if (found := _inner_model(arg)) is not None:
                return found
    return None


def translate(error: dict, data: Any, lines: Lines, file: str, root: type[BaseModel]) -> Problem:
    """A pydantic error as a ``Problem`` naming the file, the line and the field."""
    path = _data_path(data, tuple(error["loc"]))
    field, owner = _subject(data, path)
    of = f" of {owner}" if owner and field else ""
    who = f"{field}{of}" or owner or "the model"
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    line, fix = line_of(lines, path), ""
    if kind == "missing":
        message, fix = f"{owner or 'the model'} has no `{path[-1]}`", f"add `{path[-1]}:`, it is required"
        line = line if len(path) > 1 else None  # the top level has no line of its own
    elif kind == "extra_forbidden":
        allowed = _allowed_keys(root, path)
        close = difflib.get_close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
        message = f"unknown key `{path[-1]}`" + (f" in {owner}" if owner else "")
        fix = f"did you mean `{close[0]}`?" if close else f"known keys: {', '.join(allowed)}"
    elif kind in _TYPES:
        message = f"{who} must be {_TYPES[kind]}, got {_got(value)}"
    elif kind in _BOUNDS:
        words, key = _BOUNDS[kind]
        message = f"{who} must be {words} {_got(ctx.get(key))}, got {_got(value)}"
    elif kind == "string_pattern_mismatch":
        message = f"{who} must be {_PATTERNS.get(str(path[-1]), 'of the form ' + str(ctx.get('pattern')))}, " \
                  f"got {_got(value)}"
    elif kind in ("enum", "literal_error"):
        message = f"{who} must be one of {ctx.get('expected')}, got {_got(value)}"
    elif kind in ("too_short", "string_too_short"):
        message = f"{who} must not be empty"
    else:
        text = str(error["msg"]).removeprefix("Value error, ").replace("Input should be", "must be")
        message = f"{who}: {text}" if who != "the model" else text
    return Problem(file, line, message, fix or "see docs/model-format.md")


def raw_problems(data: dict, lines: Lines, file: str) -> list[Problem]:
    """The checks across requirements, placed on the line they concern: a repeated id, and
    ``satisfied_by`` naming a requirement that does not exist."""
    reqs = data.get("requirements")
    reqs = [r if isinstance(r, dict) else {} for r in reqs] if isinstance(reqs, list) else []
    seen: dict[str, int] = {}  # id -> the index of its first requirement (lines are looked up only for a problem)
    problems = []
    for i, req in enumerate(reqs):
        rid = req.get("id")
        if not isinstance(rid, str):
            continue
        if rid in seen:
            first = line_of(lines, ("requirements", seen[rid], "id"))
            problems.append(Problem(file, line_of(lines, ("requirements", i, "id")),
                                    f"requirement id `{rid}` is used twice (first at line {first})",
                                    "give each requirement its own id; the ranked CSV has a column per id"))
        seen.setdefault(rid, i)
    for i, req in enumerate(reqs):
        alt = req.get("satisfied_by")
        other = alt.get("requirement") if isinstance(alt, dict) else None
        if isinstance(other, str) and other not in seen:
            close = difflib.get_close_matches(other, list(seen), n=1, cutoff=0.6)
            problems.append(Problem(file, line_of(lines, ("requirements", i, "satisfied_by", "requirement")),
                                    f"`satisfied_by.requirement` of requirement {req.get('id')} names "
                                    f"`{other}`, which is not a requirement of this model",
                                    f"did you mean `{close[0]}`?" if close else "use the id of a requirement"))
    return problems


def meaning_problems(model: Any, lines: Lines, file: str) -> list[Problem]:
    """What validates but would silently score nothing, as errors and warnings."""
    problems = []
    weights = model.category_weights
    unweighted: dict[str, list[int]] = {}
    for i, req in enumerate(model.requirements):
        if weights.get(req.category, 0) == 0:
            unweighted.setdefault(req.category, []).append(i)
    for category, items in unweighted.items():
        ids = ", ".join(model.requirements[i].id for i in items)
        what, it = (f"requirement {ids} is", "it") if len(items) == 1 else (f"requirements {ids} are", "they")
        at = line_of(lines, ("requirements", items[0], "category"))
        if category not in weights:
            problems.append(Problem(file, at, f"{what} in category `{category}`, which has no weight in "
                                    f"`category_weights`, so {it} would count for nothing",
                                    f"add `{category}: <weight>` under category_weights"))
        else:
            problems.append(Problem(file, at, f"{what} in category `{category}`, whose weight is 0, so {it} "
                                    "count for nothing in the total",
                                    "give the category a weight, or leave it at 0 on purpose", Severity.WARNING))
    used = {r.category for r in model.requirements}
    for category, weight in weights.items():
        if weight and category not in used:
            problems.append(Problem(file, line_of(lines, ("category_weights", category)),
                                    f"category `{category}` has a weight but no requirement, so its weight is "
                                    "shared out among the other categories",
                                    f"add a requirement with `category: {category}`, or remove the weight",
                                    Severity.WARNING))
    return problems


def summary(model: Any) -> dict:
    """What a model asks for: requirements by category and kind, the category weights normalised
    to 100 (over the categories that have requirements, as scoring does), and the equivalences."""
    from .catalog.roles import role_titles

    counts: dict[str, dict[str, int]] = {}
    for req in model.requirements:
        row = counts.setdefault(req.category, {str(k): 0 for k in Kind})
        row[str(req.kind)] += 1
    used = {c: w for c, w in model.category_weights.items() if c in counts}
    total = sum(used.values()) or 1.0
    fit = total if model.fit_weight is None else model.fit_weight
    whole = (sum(used.values()) + fit + model.text_fit_weight) or 1.0
    equivalences = []
    for req in model.requirements:
        alt = req.satisfied_by
        if alt and alt.experience_years is not None:
            equivalences.append((req.id, f"{alt.experience_years:g} years of relevant experience", alt.note))
        elif alt:
            equivalences.append((req.id, alt.requirement, alt.note))
    return {"name": model.name, "title": model.title, "version": model.version,
            "requirements": {c: counts[c] for c in CATEGORIES if c in counts},
            "weights": {c: round(100 * used[c] / total, 1) for c in CATEGORIES if c in used},
            "shares": {"requirements": round(100 * sum(used.values()) / whole), "fit": round(100 * fit / whole),
                       "text fit": round(100 * model.text_fit_weight / whole)},
            "modes": {c: str(model.category_modes.get(c, CategoryMode.MEAN)) for c in CATEGORIES if c in counts},
            "equivalences": equivalences, "full_strength_years": model.experience.full_strength_years,
            "relevant_terms": len(model.experience.relevant_terms), "other_terms": len(model.other_terms),
            "occupations": role_titles(model.title, model.experience.occupations),
            "role_occupations": role_titles(model.title, model.experience.role_occupations, itself=True),
            "role_titles": list(model.experience.role_titles)}


def format_summary(info: dict, file: str) -> str:
    """``summary()`` as text: a table of categories, then experience and equivalences."""
    def count(n: int, noun: str) -> str:
        return f"{n} {noun}" + ("" if n == 1 else "s")

    lines = [f"{file}: valid model {info['name']} (version {info['version']}): {info['title']}", "",
             f"{'category':<15}{'weight':>8}  {'mode':<5}{Kind.REQUIRED:>10}{Kind.PREFERRED:>11}{Kind.BONUS:>7}"]
    for category, kinds in info["requirements"].items():
        weight = f"{info['weights'][category]:.1f}%" if category in info["weights"] else "-"
        lines.append(f"{category:<15}{weight:>8}  {info['modes'][category]:<5}{kinds[Kind.REQUIRED]:>10}"
                     f"{kinds[Kind.PREFERRED]:>11}{kinds[Kind.BONUS]:>7}")
    lines.append("Of the total: " + ", ".join(f"{part} {share}%" for part, share in info["shares"].items())
                 + " (docs/scoring.md, section 4).")
    lines += ["", f"Experience: full strength at {info['full_strength_years']:g} relevant years; "
              f"{count(info['relevant_terms'], 'relevant term')}; {count(info['other_terms'], 'other term')}.",
              "Relevant work reads as: " + ("; ".join(info["occupations"]) or "nothing (no occupation found)") + ".",
              "The role itself: " + ("; ".join(info["role_occupations"]) or "nothing (no occupation found)")
              + (f"; and the titles {', '.join(info['role_titles'])}" if info["role_titles"] else "") + ".",
              "Equivalences:" if info["equivalences"] else "Equivalences: none."]
    lines += [f"  {rid} is met by {alternative}" + (f" ({note})" if note else "")
              for rid, alternative, note in info["equivalences"]]
    return "\n".join(lines)


def validation_errors(exc: ValidationError, across_found: bool) -> list[dict]:
    """Pydantic's errors worth telling the author: not the echo of an item's own failure, and not
    what ``raw_problems`` already said with its line."""
    errors = exc.errors()
    if any(len(e["loc"]) > 1 for e in errors):  # items failed: "too short" would only echo that
        errors = [e for e in errors if not (e["type"] == "too_short" and len(e["loc"]) == 1)]
    if across_found:  # raw_problems said it, with the lines
        errors = [e for e in errors if not (tuple(e["loc"]) == ("requirements",) and e["type"] == "value_error")]
    return errors


def as_error(problems: list[Problem]) -> ModelError:
    """One ``ModelError`` that carries every error among ``problems``, first line first."""
    errors = sorted((p for p in problems if p.severity == Severity.ERROR), key=lambda p: p.line or 0)
    return ModelError("\n".join(str(p) for p in errors), hint=errors[0].fix, problems=errors)


def check_report(name_or_path: str | Path, check: Callable) -> tuple[str, bool]:
    """What ``resumematch check-model`` prints: each problem on a line, then the model's summary;
    and whether the model can be used. ``check`` is ``model.check_model``."""
    try:
        model, problems = check(name_or_path)
    except ModelError as exc:
        if not exc.problems:
            raise
        count = f"{len(exc.problems)} error{'s' if len(exc.problems) > 1 else ''}"
        return "\n".join([f"error: {p}" for p in exc.problems]
                         + [f"{count}: the model cannot be used until fixed."]), False
    return "\n".join([f"warning: {p}" for p in problems] + [format_summary(summary(model), str(name_or_path))]), True

