"""The evidence table: one row per (file, requirement, finding), with the strength each lends.

Besides the findings themselves it holds the rows that scoring derives: a requirement of the
``experience`` category gets one row per scored file from its relevant years (``via`` =
``relevant_years``), and credit from ``satisfied_by`` gets a row with ``via`` =
``equivalent_experience`` or ``through:<requirement id>``. Direct evidence has an empty ``via``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..types import Category, CreditRoute
from .aggregate import Scores
from .scorecard import latest_words
from .table import Requirements

#: The evidence table's columns, in order (the contract in docs/output.md).
EVIDENCE_COLUMNS = ("file", "sha256", "requirement", "label", "category", "kind", "weight", "text", "method",
                    "match_score", "status", "section", "page", "start", "end", "snippet", "strength", "via", "name")
_FROM_FINDING = ("text", "method", "match_score", "status", "section", "page", "start", "end", "snippet", "name")


def evidence_frame(findings: pd.DataFrame, files: pd.DataFrame, scores: Scores) -> pd.DataFrame:
    """The evidence table of ``scores`` (rows in file order, then model order)."""
    reqs = scores.requirements
    known = np.flatnonzero(scores.finding_rid >= 0)
    direct = _rows(files, reqs, findings["fid"].to_numpy()[known], scores.finding_rid[known],
                   scores.finding_strength[known], "", {c: findings[c].to_numpy(object)[known] for c in _FROM_FINDING})
    direct["_order"], direct["_pos"] = 0, findings["pos"].to_numpy()[known]
    parts = [direct]

    years, dated = files["relevant_years"].to_numpy(float), files["total_years"].to_numpy(float)
    role = files["role_years"].to_numpy(float)
    for in_role, route, words in ((False, CreditRoute.RELEVANT_YEARS, "relevant years"),
                                  (True, CreditRoute.ROLE_YEARS, "years in the role itself")):
        exp_cols = np.flatnonzero((reqs.category == Category.EXPERIENCE) & (reqs.role_years == in_role) & ~reqs.latest)
        f, r = np.nonzero(scores.scored[:, None] & np.ones((1, len(exp_cols)), dtype=bool))
        r = exp_cols[r]
        counted = role if in_role else years
        text = [f"{a:g} {words} of {b:g} dated years" for a, b in zip(counted[f], dated[f])]
        parts.append(_rows(files, reqs, f, r, scores.first[f, r], route, {"text": text}))

    exp_cols = np.flatnonzero((reqs.category == Category.EXPERIENCE) & reqs.latest)
    f, r = np.nonzero(scores.scored[:, None] & np.ones((1, len(exp_cols)), dtype=bool))
    r = exp_cols[r]
    latest = files["latest_job"].to_numpy(object) if "latest_job" in files else np.full(len(files), "", dtype=object)
    text = [latest_words(job, scores.first[a, b]) for a, b, job in zip(f, r, latest[f])]
    parts.append(_rows(files, reqs, f, r, scores.first[f, r], CreditRoute.LATEST_JOB, {"text": text}))

    f, r = np.nonzero(scores.via == CreditRoute.EQUIVALENT_EXPERIENCE)
    alt_years = reqs.alt_years[r]
    text = [f"{a:g} relevant years >= {b:g}" for a, b in zip(years[f], alt_years)]
    parts.append(_rows(files, reqs, f, r, scores.strength[f, r], CreditRoute.EQUIVALENT_EXPERIENCE, {"text": text}))

    f, r = np.nonzero(np.char.startswith(scores.via.astype(str), str(CreditRoute.THROUGH)))
    own = scores.best[f, r]
    row = scores.best[f, reqs.alt_index[r]]
    row = np.where(row >= 0, row, own)  # the alternative's evidence, else the requirement's own
    taken = {c: np.where(row >= 0, findings[c].to_numpy(object)[np.maximum(row, 0)] if len(findings) else None, None)
             for c in _FROM_FINDING}
    parts.append(_rows(files, reqs, f, r, scores.strength[f, r], scores.via[f, r], taken))
    for part in parts[1:]:
        part["_order"], part["_pos"] = 1, 0
    out = pd.concat([p for p in parts if len(p)] or parts[:1], ignore_index=True)
    out = out.sort_values(["_fid", "_rid", "_order", "_pos"], kind="stable", ignore_index=True)
    out = out.drop(columns=["_fid", "_rid", "_order", "_pos"])[list(EVIDENCE_COLUMNS)]
    for column in ("page", "start", "end"):
        out[column] = out[column].astype("Int64")
    out["match_score"] = out["match_score"].astype(float)
    return out


def _rows(files: pd.DataFrame, reqs: Requirements, fid: np.ndarray, rid: np.ndarray, strength: np.ndarray,
          via, taken: dict) -> pd.DataFrame:
    n = len(fid)
    data = {"_fid": fid, "_rid": rid,
            "file": files["file"].to_numpy(object)[fid], "sha256": files["sha256"].to_numpy(object)[fid]}
    for column in ("requirement", "label", "category", "kind", "weight"):
        data[column] = getattr(reqs, "ids" if column == "requirement" else column)[rid]
    for column in _FROM_FINDING:
        data[column] = taken.get(column, np.full(n, "" if column in ("text", "snippet", "name") else None,
                                                 dtype=object))
    data["strength"], data["via"] = strength, via if not isinstance(via, str) else np.full(n, via, dtype=object)
    return pd.DataFrame(data)
