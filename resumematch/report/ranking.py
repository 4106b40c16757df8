"""Stage 5: many results to one ranked table (the CSV contract in docs/output.md)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..model import RequirementModel
from ..score.result import Result
from .rows import columns, row


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
