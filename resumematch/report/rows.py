"""One result to one flat CSV row: the row contract of docs/output.md.

Free of pandas, so the streaming part of a run (which forks the worker processes) never loads it.
"""

from __future__ import annotations

from ..model import RequirementModel
from ..score.result import Result
from ..types import CATEGORIES

LEADING = ["rank", "candidate_name", "email", "phone", "file", "status", "reason", "score"]
TRAILING = ["matched", "missing", "flags", "experience_years", "sha256"]


def columns(model: RequirementModel) -> list[str]:
    """The CSV's columns, in order, for ``model``."""
    categories = [c for c in CATEGORIES if any(r.category == c for r in model.requirements)]
    return (LEADING + [f"{c}_score" for c in categories] + [r.id for r in model.requirements] + TRAILING)


def row(result: Result, model: RequirementModel) -> dict:
    """One flat CSV row (without ``rank``) for ``result``."""
    cand = result.analysis.candidate if result.analysis else None
    out = {
        "candidate_name": cand.name if cand else None,
        "email": cand.email if cand else None,
        "phone": cand.phone if cand else None,
        "file": result.file,
        "status": result.status,
        "reason": result.reason,
        "score": result.score,
        "flags": ";".join(result.flags),
        "experience_years": result.analysis.relevant_experience_years if result.analysis else None,
        "sha256": result.document.sha256,
    }
    card = result.scorecard
    for category in CATEGORIES:
        out[f"{category}_score"] = round(card.categories[category], 4) if card and category in card.categories else None
    strengths = card.strengths if card else {}
    for req in model.requirements:
        out[req.id] = strengths.get(req.id)
    out["matched"] = ";".join(card.matched) if card else ""
    out["missing"] = ";".join(card.missing) if card else ""
    return out
