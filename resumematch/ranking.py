"""Stage 5: many results to one ranked table (the CSV contract in docs/output.md)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .model import CATEGORIES, RequirementModel
from .screener import Result

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


def rank_rows(rows: Iterable[dict], model: RequirementModel) -> pd.DataFrame:
    """Rank rows: scored rows by score (ties by file path), then unscored rows by file.

    Rows whose content hash repeats an earlier row's are flagged ``duplicate_of:<file>``.
    """
    cols = columns(model)
    df = pd.DataFrame(list(rows))
    if df.empty:
        return pd.DataFrame(columns=cols)
    for col in cols:
        if col not in df.columns:
            df[col] = None
    df["score"] = pd.to_numeric(df["score"], errors="coerce")
    scored = df[df["score"].notna()].sort_values(["score", "file"], ascending=[False, True], kind="mergesort")
    unscored = df[df["score"].isna()].sort_values("file", kind="mergesort")
    df = pd.concat([scored, unscored], ignore_index=True)
    df["rank"] = pd.array(list(range(1, len(scored) + 1)) + [None] * len(unscored), dtype="Int64")
    first_file: dict[str, str] = {}
    flags = []
    for sha, file, flag, status in zip(df["sha256"], df["file"], df["flags"].fillna(""), df["status"]):
        if status != "ok":
            sha = None
        if sha and sha in first_file:
            flag = ";".join(filter(None, [flag, f"duplicate_of:{first_file[sha]}"]))
        elif sha:
            first_file[sha] = file
        flags.append(flag)
    df["flags"] = flags
    return df[cols]


def rank_frame(results: Iterable[Result], model: RequirementModel) -> pd.DataFrame:
    """The ranked DataFrame for ``results``."""
    return rank_rows((row(r, model) for r in results), model)
