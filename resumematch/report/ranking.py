"""The ranked table (the CSV contract in docs/output.md), a view of the files table and its scores."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..score.aggregate import Scores
from ..score.facts import jobs_text
from ..score.table import py_round
from ..types import DocStatus, Flag, Kind
from .phones import phone_cell
from .rows import columns


def ranking_frame(files: pd.DataFrame, scores: Scores) -> pd.DataFrame:
    """The ranked table (the CSV's columns) of a files table and its scores, built column-wise."""
    model = scores.model
    reqs = scores.requirements
    df = pd.DataFrame({"candidate": files["candidate_name"], "status": files["status"], "reason": files["reason"]})
    df["score"] = scores.total
    required = reqs.kind == Kind.REQUIRED
    met = np.count_nonzero(scores.met & required[None, :], axis=1)
    counts = np.char.add(met.astype(str), f" of {int(required.sum())}").astype(object)
    df["required_met"] = np.where(scores.scored, counts, "not assessed")
    df["missing_required"] = _joined(scores.missing_mask, reqs.label, "; ")
    for j, category in enumerate(scores.category_names):
        df[f"{category}_score"] = np.where(scores.scored, py_round(scores.categories[:, j], 4), np.nan)
    strengths = pd.DataFrame(scores.strength, columns=list(reqs.ids), index=df.index)
    df = pd.concat([df, strengths], axis=1)
    df["flags"] = files["flags"].fillna("")
    df["fit"] = np.where(scores.scored, files["fit"].to_numpy(float), np.nan)
    df["fit_terms"] = files["fit_terms"].fillna("")
    df["text_fit"] = np.where(scores.scored, files["text_fit"].to_numpy(float), np.nan)
    df["text_fit_terms"] = files["text_fit_terms"].fillna("")
    df["jobs"] = files["jobs"].map(jobs_text)
    df["relevant_years"] = files["relevant_years"]
    df["role_years"] = files["role_years"]
    df["total_years"] = files["total_years"]
    df["email"] = files["email"]
    df["phone"] = files["phone"].map(phone_cell)
    df["file"] = files["file"]
    df["sha256"] = files["sha256"]
    df["matched"] = _joined(scores.met, reqs.ids)
    df["missing"] = _joined(scores.missing_mask, reqs.ids)
    # scored rows by score (descending), then file; then unscored rows by file
    by_file = np.argsort(np.argsort(df["file"].to_numpy(object), kind="stable"), kind="stable")
    total = df["score"].to_numpy(float)
    order = np.lexsort((by_file, np.where(np.isnan(total), np.inf, -total), np.isnan(total)))
    df = df.take(order).reset_index(drop=True)
    scored = int(np.count_nonzero(~np.isnan(total)))
    position = pd.Series(np.arange(1, len(df) + 1))
    df.insert(0, "rank", position.where(position <= scored).astype("Int64"))
    sha = df["sha256"].where((df["status"] == DocStatus.OK) & df["sha256"].fillna("").astype(bool))
    duplicate = sha.duplicated() & sha.notna()
    if duplicate.any():  # the first file with the same content, in ranked order
        first = ~duplicate & sha.notna()
        tag = Flag.DUPLICATE_OF.having("") + sha[duplicate].map(df["file"][first].set_axis(sha[first]))
        flags = df.loc[duplicate, "flags"]
        df.loc[duplicate, "flags"] = np.where(flags != "", flags + ";" + tag, tag)
    return df[columns(model)]


def _joined(mask: np.ndarray, items, sep: str = ";") -> np.ndarray:
    """Per row, the ``items`` where ``mask`` holds, joined by ``sep``. Rows with the same mask share
    one joined string, so the Python work grows with the distinct masks, not with the rows."""
    if mask.shape[1] == 0 or mask.shape[0] == 0:
        return np.full(mask.shape[0], "", dtype=object)
    packed = np.ascontiguousarray(np.packbits(mask, axis=1))
    keys = packed.view(np.dtype((np.void, packed.shape[1])))[:, 0]
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    items = np.asarray(items, dtype=object)
    texts = np.array([sep.join(items[mask[i]]) for i in first], dtype=object)
    return texts[inverse.reshape(-1)]
