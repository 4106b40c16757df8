"""Spreadsheet-safe cells (OWASP CSV injection): text that starts like a formula is neutralised."""

from __future__ import annotations

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(text: str) -> str:
    """``text`` prefixed with ``'`` when it starts like a spreadsheet formula; otherwise unchanged."""
    return "'" + text if text.startswith(FORMULA_START) else text


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells and column names are safe; numbers stay numbers."""
    out = df.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: csv_safe(v) if isinstance(v, str) else v)
    out.columns = [csv_safe(str(c)) for c in out.columns]
    return out


def write_csv(df: pd.DataFrame, path) -> None:
    """Write ``df`` as UTF-8 CSV (with a BOM so Excel reads accents), cells neutralised."""
    safe_frame(df).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")
