"""The ranked CSV's columns: the row contract of docs/output.md (version 5)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import RequirementModel
from ..types import CATEGORIES

if TYPE_CHECKING:
    import pandas as pd

#: The version of the ranked CSV's columns (docs/output.md); a change of names, order or meaning bumps it.
VERSION = 5

#: What a recruiter reads first, then why (``reason``) before the category and requirement columns.
LEADING = ["rank", "candidate", "score", "required_met", "missing_required", "status", "flags", "reason"]
#: Years, contact, the file and the id lists that scripts use.
TRAILING = ["relevant_years", "role_years", "total_years", "fit_terms", "text_fit_terms", "jobs", "email", "phone",
            "file", "sha256", "matched", "missing"]
#: The columns a blind CSV leaves out (``candidate`` then holds the blind id).
IDENTIFYING = ["email", "phone", "file"]


def columns(model: RequirementModel) -> list[str]:
    """The CSV's columns, in order, for ``model``."""
    categories = [c for c in CATEGORIES if any(r.category == c for r in model.requirements)]
    return (LEADING + [f"{c}_score" for c in categories] + ["fit", "text_fit"] + [r.id for r in model.requirements]
            + TRAILING)


def is_blind(ranking: pd.DataFrame) -> bool:
    """Whether ``ranking`` is a blind ranked table: its ``candidate`` column holds blind ids."""
    return "candidate" in ranking.columns and "file" not in ranking.columns
