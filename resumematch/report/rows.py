"""The ranked CSV's columns: the row contract of docs/output.md."""

from __future__ import annotations

from ..model import RequirementModel
from ..types import CATEGORIES

LEADING = ["rank", "candidate_name", "email", "phone", "file", "status", "reason", "score"]
TRAILING = ["matched", "missing", "flags", "experience_years", "sha256"]


def columns(model: RequirementModel) -> list[str]:
    """The CSV's columns, in order, for ``model``."""
    categories = [c for c in CATEGORIES if any(r.category == c for r in model.requirements)]
    return (LEADING + [f"{c}_score" for c in categories] + [r.id for r in model.requirements] + TRAILING)
