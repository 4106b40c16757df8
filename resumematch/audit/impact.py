"""Adverse-impact audit: selection rates and impact ratios per demographic group.

Computes the impact ratios of NYC Local Law 144 bias audits and applies the
EEOC four-fifths rule of thumb to a ranked result. resumematch never collects
demographics: the caller supplies them in a separate table joined on ``file``
or ``candidate_id`` (a blind ranked CSV's ``candidate`` column). Formulas, worked
examples and limits: ``docs/audit.md``.
"""

from __future__ import annotations

import math
import numbers
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pandas as pd

from ..errors import DataError, InputError
from ..report.csvsafe import csv_safe
from ..report.rows import is_blind

UNKNOWN = "Unknown"
SEPARATOR = " × "
FOUR_FIFTHS = Fraction(4, 5)
COLUMNS = ("attribute", "group", "n", "selected", "selection_rate", "impact_ratio", "flag", "note")


@dataclass(frozen=True, eq=False)
class AuditResult:
    """The outcome of :func:`audit`.

    ``table`` has one row per group (columns ``COLUMNS``), ordered by attribute
    (the order of ``by``, the intersection last) then group name, groups that
    hold an Unknown value last. ``pool`` is the number of scored rows (the
    denominator of every share), ``unscored`` the rows without a score, kept
    out of every ``n``; ``median`` is the pool's median score (scoring rate only).
    """

    table: pd.DataFrame
    warnings: tuple[str, ...]
    method: str
    pool: int
    unscored: int
    median: float | None = None

    def to_csv(self, path: str | Path) -> None:
        """Write the table as CSV: UTF-8 with a BOM (so Excel shows the "×"), CRLF rows.

        Attribute and group names that a spreadsheet would run as a formula
        (starting with = + - @ tab or CR) are prefixed with a single quote;
        the CRLF terminator makes the writer quote any field holding a CR.
        """
        table = self.table.copy()
        for column in ("attribute", "group"):
            table[column] = table[column].map(csv_safe)
        table.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")


def _label(value: object) -> str | None:
    """A group value or join key as clean text; None when missing or blank."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 7.0 in a column that also holds NaN means 7
    return str(value).strip() or None


def _check_arguments(ranked: object, groups: object, by: Sequence[str], top: object,
                     min_score: object, scoring_rate: bool, small_group_share: object) -> list[str]:
    """Validate every argument of :func:`audit`; returns ``by`` as a list."""
    if not isinstance(ranked, pd.DataFrame) or not isinstance(groups, pd.DataFrame):
        raise InputError("ranked and groups must be pandas DataFrames.")
    if sum((top is not None, min_score is not None, bool(scoring_rate))) != 1:
        raise InputError("Choose exactly one selection rule: top, min_score or scoring_rate.")
    if top is not None and (isinstance(top, bool) or not isinstance(top, numbers.Integral) or top < 1):
        raise InputError(f"top must be a whole number of at least 1, not {top!r}.")
    if min_score is not None and (isinstance(min_score, bool) or not isinstance(min_score, numbers.Real)
                                  or not math.isfinite(min_score)):
        raise InputError(f"min_score must be a finite number, not {min_score!r}.")
    if (isinstance(small_group_share, bool) or not isinstance(small_group_share, numbers.Real)
            or not 0 <= small_group_share < 1):
        raise InputError(f"small_group_share must be a number from 0 up to (not including) 1, "
                         f"not {small_group_share!r}.")
    columns = [by] if isinstance(by, str) else list(by)
    if not columns or not all(isinstance(c, str) for c in columns) or len(set(columns)) != len(columns):
        raise InputError("by must name one or more distinct columns of groups.")
    missing = [c for c in columns if c not in groups.columns]
    if missing:
        raise InputError(f"Unknown --by column(s) {missing}; groups has {list(groups.columns)}.")
    needed = ["score"] + (["rank"] if top is not None else [])
    absent = [c for c in needed if c not in ranked.columns]
    if absent:
        raise InputError(f"ranked lacks column(s) {absent}; it has {list(ranked.columns)}.")
    return columns


def _join_key(ranked: pd.DataFrame, groups: pd.DataFrame, by: list[str]) -> str:
    """``candidate_id`` when both tables have it, else ``file``."""
    for key in ("candidate_id", "file"):
        if key in ranked.columns and key in groups.columns:
            if key in by:
                raise InputError(f"{key!r} is the join column and cannot be a --by attribute.")
            return key
    raise InputError("ranked and groups share no join column (candidate_id or file); "
                     f"ranked has {list(ranked.columns)}, groups has {list(groups.columns)}.")


def _keys(table: pd.DataFrame, key: str, name: str) -> list[str | None]:
    """The join keys of ``table`` as text (None when blank); duplicated keys are an error."""
    keys = [_label(v) for v in table[key]]
    repeated = sorted(k for k, count in Counter(keys).items() if k is not None and count > 1)
    if repeated:
        raise InputError(f"{name} repeats {key} value(s) {repeated[:5]}; each must appear once.")
    return keys


def _scores(ranked: pd.DataFrame) -> pd.Series:
    """Scores as floats; NaN marks an unscored row. Text or infinite scores are an error."""
    raw = pd.Series([None if _label(v) is None else v for v in ranked["score"]], dtype=object)
    scores = pd.to_numeric(raw, errors="coerce").astype(float)
    bad = list(raw[(raw.notna() & scores.isna()) | scores.isin([math.inf, -math.inf])])
    if bad:
        raise InputError(f"ranked has score values that are not numbers: {bad[:5]}.")
    return scores


def _select(frame: pd.DataFrame, scored: pd.Series, top: int | None, min_score: float | None,
            warnings: list[str]) -> tuple[pd.Series, str, float | None]:
    """Which rows are selected, the method description and the median (scoring rate)."""
    scores = frame["score"]
    if top is not None:
        ranks = pd.to_numeric(frame.loc[scored, "rank"], errors="coerce")
        if ranks.isna().any():
            raise InputError("Every scored row of ranked needs a numeric rank to select the top K.")
        order = ranks.sort_values(kind="stable").index
        selected = pd.Series(frame.index.isin(order[:top]), index=frame.index)
        if top >= len(order):
            warnings.append(f"top={top} is not smaller than the pool of {len(order)}: everyone is selected.")
        elif scores[order[top - 1]] == scores[order[top]]:
            warnings.append(f"Ranks {top} and {top + 1} have the same score; who is selected at the "
                            "cut-off depends on the tie-break, not the score.")
        return selected, f"top {top} by rank", None
    if min_score is not None:
        return scored & (scores >= min_score), f"score >= {min_score:g}", None
    median = float(scores[scored].median())
    return scored & (scores > median), f"scoring rate: score above the pool median {median:g}", median


def _attribute_rows(name: str, cols: list[str], frame: pd.DataFrame, pool: int, share: float,
                    defined: bool, warnings: list[str]) -> list[dict]:
    """The table rows of one attribute (a single column or an intersection)."""
    labels = frame[cols].agg(SEPARATOR.join, axis=1)
    stats = pd.DataFrame({"group": labels, "n": frame["scored"], "selected": frame["selected"],
                          "unscored": ~frame["scored"], "unknown": frame[cols].eq(UNKNOWN).any(axis=1)})
    stats = stats.groupby("group", sort=False).agg(
        {"n": "sum", "selected": "sum", "unscored": "sum", "unknown": "any"}).reset_index()
    cut = Fraction(repr(float(share))) * pool  # exact: 0.07 * 100 is 7, not 7.000000000000001
    stats["small"] = [0 < n < cut for n in stats["n"]]
    stats["compared"] = ~stats["unknown"] & ~stats["small"] & (stats["n"] > 0)
    rates = {g: Fraction(int(s), int(n)) for g, n, s in zip(stats["group"], stats["n"], stats["selected"]) if n}
    best = max((rates[g] for g in stats.loc[stats["compared"], "group"]), default=None)
    if defined and not best:
        warnings.append(f"{name}: no group takes part in the highest-rate comparison; impact ratios are NaN."
                        if best is None else f"{name}: no compared group had anyone selected; impact ratios are NaN.")
    elif defined and int(stats["compared"].sum()) == 1:
        warnings.append(f"{name}: only one group is compared, so its impact ratio is 1 by definition.")
    rows = []
    for row in stats.itertuples(index=False):
        rate = rates.get(row.group)
        ratio = rate / best if defined and best and rate is not None else None
        notes = []
        if row.n == 0:
            notes.append("no scored files; not compared")
        elif row.unknown:
            notes.append("value missing or file absent from groups; reported, not in the highest-rate comparison")
        elif row.small:
            notes.append(f"under {share * 100:g}% of the pool ({row.n} of {pool}); reported, "
                         "not in the highest-rate comparison")
        elif defined and best and rate == best:
            notes.append("highest rate")
        if row.unscored:
            notes.append(f"{row.unscored} unscored file(s) not counted in n")
        if row.n and ratio is None:
            notes.append("impact ratio undefined (see warnings)")
        rows.append({"attribute": name, "group": row.group, "n": int(row.n), "selected": int(row.selected),
                     "selection_rate": float(rate) if rate is not None else math.nan,
                     "impact_ratio": float(ratio) if ratio is not None else math.nan,
                     "flag": ratio is not None and ratio < FOUR_FIFTHS, "note": "; ".join(notes),
                     "_order": (bool(row.unknown), row.group)})
    return sorted(rows, key=lambda r: r["_order"])


def audit(ranked: pd.DataFrame, groups: pd.DataFrame, by: list[str], *, top: int | None = None,
          min_score: float | None = None, scoring_rate: bool = False,
          small_group_share: float = 0.02) -> AuditResult:
    """Selection rates and impact ratios of each group of each ``by`` column.

    Exactly one selection rule: ``top=K`` (the K best-ranked scored rows),
    ``min_score=S`` (score >= S) or ``scoring_rate=True`` (score above the
    median of the scored pool, the LL144 scoring-rate variant). Rows without a
    score are left out of every ``n`` and counted in ``unscored``. Missing group
    values and files absent from ``groups`` form the group "Unknown"; it and
    groups under ``small_group_share`` of the pool are reported but left out of
    the highest rate each impact ratio divides by. With several ``by`` columns
    their intersection is reported too. Raises InputError for bad arguments.
    """
    if is_blind(ranked) and "candidate_id" not in ranked.columns:  # its candidate column holds the blind ids
        ranked = ranked.rename(columns={"candidate": "candidate_id"})
    by = _check_arguments(ranked, groups, by, top, min_score, scoring_rate, small_group_share)
    key = _join_key(ranked, groups, by)
    ranked_keys = _keys(ranked, key, "ranked")
    group_keys = _keys(groups, key, "groups")
    frame = pd.DataFrame({"score": _scores(ranked).to_numpy()})
    if top is not None:
        frame["rank"] = ranked["rank"].to_numpy()
    scored = frame["score"].notna()
    pool, unscored = int(scored.sum()), int((~scored).sum())
    if pool == 0:
        raise InputError(f"ranked has no scored rows to audit ({unscored} unscored).")
    warnings: list[str] = []
    if unscored:
        warnings.append(f"{unscored} file(s) have no score; they are not in n (see each group's note).")
    known = {k for k in group_keys if k is not None}
    if not known & set(ranked_keys):
        raise DataError(f"no {key} of ranked is in groups, so every file would be {UNKNOWN}",
                         hint=f"groups' {key} column must hold the values of the ranked CSV's {key} column")
    absent = sum(k not in known for k in ranked_keys)
    if absent:
        warnings.append(f"{absent} ranked file(s) are absent from groups and count as {UNKNOWN}.")
    unmatched = len(known - set(ranked_keys))
    if unmatched:
        warnings.append(f"{unmatched} row(s) of groups match no ranked file and are ignored.")
    for column in by:
        values = {k: _label(v) for k, v in zip(group_keys, groups[column]) if k is not None}
        frame[column] = [values.get(k) or UNKNOWN for k in ranked_keys]
        missing = int((frame[column] == UNKNOWN).sum()) - absent
        if missing > 0:
            warnings.append(f"{missing} file(s) have no {column} value and count as {UNKNOWN}.")
    selected, method, median = _select(frame, scored, top, min_score, warnings)
    frame["scored"], frame["selected"] = scored, selected
    defined = True
    if frame.loc[scored, "score"].nunique() == 1:
        defined = False
        warnings.append("Every score is equal, so selection says nothing about groups; impact ratios are NaN.")
    elif not selected.any():
        defined = False
        warnings.append("No one is selected (highest selection rate 0); impact ratios are NaN.")
    attributes = [(c, [c]) for c in by] + ([(SEPARATOR.join(by), by)] if len(by) > 1 else [])
    rows = [r for name, cols in attributes
            for r in _attribute_rows(name, cols, frame, pool, small_group_share, defined, warnings)]
    table = pd.DataFrame(rows, columns=[*COLUMNS, "_order"]).drop(columns="_order")
    table = table.astype({"n": "int64", "selected": "int64", "selection_rate": "float64",
                          "impact_ratio": "float64", "flag": "bool", "note": "str"})
    return AuditResult(table, tuple(warnings), method, pool, unscored, median)


def format_summary(result: AuditResult) -> str:
    """A readable plain-text summary of ``result`` for the terminal."""
    lines = [f"Adverse-impact audit ({result.method})",
             f"Pool: {result.pool} scored file(s); {result.unscored} unscored, not counted."]
    if result.median is not None:
        lines.append(f"Median score of the pool: {result.median:g}")
    lines.append("Impact ratio = selection rate / highest rate among compared groups; "
                 "FLAG below 0.8 (four-fifths rule).")
    table = result.table
    width = max([len("group"), *map(len, table["group"])])
    for name, part in table.groupby("attribute", sort=False):
        lines += ["", name, f"  {'group':<{width}}  {'n':>6}  {'selected':>8}  {'rate':>6}  {'ratio':>6}"]
        for row in part.itertuples(index=False):
            rate = "-" if math.isnan(row.selection_rate) else f"{row.selection_rate:.3f}"
            ratio = "-" if math.isnan(row.impact_ratio) else f"{row.impact_ratio:.3f}"
            tail = ("  FLAG" if row.flag else "") + (f"  ({row.note})" if row.note else "")
            lines.append(f"  {row.group:<{width}}  {row.n:>6}  {row.selected:>8}  {rate:>6}  {ratio:>6}{tail}")
    if result.warnings:
        lines += ["", "Warnings:", *(f"  - {w}" for w in result.warnings)]
    lines += ["", "This is a statistical screen, not a legal opinion; small groups give unstable ratios."]
    return "\n".join(lines)
