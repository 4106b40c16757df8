"""Stage 3: the findings and files tables to strengths, category scores and totals, vectorised.

Every step works on all files at once (docs/scoring.md):

1. the strength of each finding (``table.strengths``);
2. the best finding per (file, requirement): a sort by file, requirement, strength (descending)
   and place in the text, keeping the first of each group, so ties go to the earliest finding;
3. experience requirements from the files' relevant years;
4. ``satisfied_by`` as a join of each requirement with its alternative's first-pass strength;
5. category scores as a grouping of the requirement columns by category (``mean`` or ``best``);
6. the weighted total, ``met`` and ``missing``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from ..model import RequirementModel
from ..types import CATEGORIES, Category, CategoryMode, CreditRoute, Kind
from .table import MET, Requirements, py_round, strengths


@dataclass(frozen=True, eq=False)
class Scores:
    """What scoring computed for every file of a files table against one model.

    The arrays have one row per file (the files table's order): ``strength`` and ``met`` one column
    per requirement (model order), ``categories`` one per category in ``category_names``. Unscored
    files have NaN strengths, categories and totals. ``finding_strength`` holds each finding's
    strength; ``best`` the findings-table row that decided each (file, requirement) on its own, or -1;
    ``first`` the strengths before ``satisfied_by``; ``via`` the credit taken from it ("" for none)."""

    model: RequirementModel
    requirements: Requirements
    scored: np.ndarray
    finding_strength: np.ndarray
    finding_rid: np.ndarray
    best: np.ndarray
    first: np.ndarray
    strength: np.ndarray
    via: np.ndarray
    met: np.ndarray
    category_names: tuple[str, ...]
    categories: np.ndarray
    total: np.ndarray

    @cached_property
    def missing_mask(self) -> np.ndarray:
        """Required requirements not met, per file; for a file that could not be scored, every
        required requirement (none was assessed, so none may look met)."""
        required = self.requirements.kind == Kind.REQUIRED
        return ~self.met & required[None, :]


def score_tables(findings: pd.DataFrame, files: pd.DataFrame, model: RequirementModel) -> Scores:
    """Score every file of ``files`` against ``model`` from its rows in ``findings``."""
    reqs = Requirements(model)
    n, r = len(files), len(reqs)
    column = findings["requirement"].cat
    rid = np.append(pd.Index(reqs.ids).get_indexer(column.categories), -1)[column.codes.to_numpy()]
    strength = strengths(findings, reqs.mention, rid)

    # 2. the best finding per (file, requirement); a strength of 0 chooses no evidence. The rows are
    # in file order and, within a file, in the analysis's order; the sort is stable.
    fid = findings["fid"].to_numpy(np.int64)
    rows = np.flatnonzero(rid >= 0)
    group = fid[rows] * (r + 1) + rid[rows]
    rank = group * 20_001 + (10_000 - np.rint(strength[rows] * 10_000)).astype(np.int64)
    place = findings["start"].to_numpy(np.int64)[rows] * 2 ** 31 + findings["end"].to_numpy(np.int64)[rows]
    order = rows[np.lexsort((place, rank))]
    grouped = np.full(len(fid), -1, dtype=np.int64)
    grouped[rows] = group
    grouped = grouped[order]
    head = np.ones(len(order), dtype=bool)
    head[1:] = grouped[1:] != grouped[:-1]
    chosen = order[head]
    first = np.zeros((n, r))
    first[fid[chosen], rid[chosen]] = strength[chosen]
    best = np.full((n, r), -1, dtype=np.int64)
    decided = chosen[strength[chosen] > 0]
    best[fid[decided], rid[decided]] = decided

    # 3. experience from relevant years, from years in the role itself, or from the latest job
    years, role = files["relevant_years"].to_numpy(float), files["role_years"].to_numpy(float)
    scored = ~np.isnan(years)
    full = model.experience.full_strength_years
    for counted, which in ((years, ~reqs.role_years & ~reqs.latest), (role, reqs.role_years)):
        columns = (reqs.category == Category.EXPERIENCE) & which
        first[:, columns] = py_round(np.minimum(1.0, counted / full), 4)[:, None]
    first[:, (reqs.category == Category.EXPERIENCE) & reqs.latest] = latest_relevance(files)[:, None]
    first[~scored] = np.nan
    met_first = first >= MET

    # 4. satisfied_by: equivalent experience, or the alternative's first-pass strength
    final = first.copy()
    via = np.full((n, r), "", dtype=object)
    eq = np.flatnonzero(~np.isnan(reqs.alt_years))
    credit = ~met_first[:, eq] & (years[:, None] >= reqs.alt_years[eq][None, :])
    final[:, eq] = np.where(credit, 1.0, first[:, eq])
    via[:, eq] = np.where(credit, CreditRoute.EQUIVALENT_EXPERIENCE, "")
    th = np.flatnonzero(reqs.alt_index >= 0)
    alt = reqs.alt_index[th]
    credit = ~met_first[:, th] & met_first[:, alt]
    final[:, th] = np.where(credit, first[:, alt], first[:, th])
    via[:, th] = np.where(credit, np.array([CreditRoute.through(a) for a in reqs.ids[alt]], dtype=object)[None, :], "")
    met = final >= MET
    asked = np.flatnonzero(~np.isnan(reqs.min_years))  # "5+ years": met at five, not at half of them
    counted = np.where(reqs.role_years[asked][None, :], role[:, None], years[:, None])  # never latest (model.py)
    met[:, asked] = (counted >= reqs.min_years[asked][None, :]) | (via[:, asked] != "")

    # 5. category scores, 6. total
    names, categories = _categories(final, reqs, model)
    fit, text_fit = (np.nan_to_num(files[c].to_numpy(float)) if c in files else np.zeros(n)
                     for c in ("fit", "text_fit"))
    total = np.where(scored, total_score(model, names, categories, fit, text_fit), np.nan)
    return Scores(model, reqs, scored, strength, rid, best, first, final, via, met & scored[:, None],
                  tuple(names), categories, total)


def total_score(model: RequirementModel, names: list[str], categories: np.ndarray, fit: np.ndarray,
                text_fit: np.ndarray | None = None) -> np.ndarray:
    """The total (docs/scoring.md): 100 times the weighted mean of the category scores, the fit and
    the text fit (at ``text_fit_weight``, 0 unless the model sets it).
    A category of bonus requirements only (the bundled model's internship) adds its weight times its
    score to both sides of the mean, so it can raise a total and never lower one: lacking a bonus
    costs nothing, as it costs nothing inside a category.
    Required items are not a gate on the score: ``required_met`` and ``missing_required`` show them
    beside it (docs/scoring.md says why, with the measurements)."""
    weights = {c: w for c, w in model.category_weights.items() if c in names}
    fit_weight = sum(weights.values()) if model.fit_weight is None else model.fit_weight
    bonus = bonus_categories(model)
    text_weight = model.text_fit_weight if text_fit is not None else 0.0
    weighted = fit_weight * fit + (text_weight * text_fit if text_weight else 0.0)
    total_weight = np.full(len(fit), fit_weight + text_weight + sum(w for c, w in weights.items() if c not in bonus))
    for category, weight in weights.items():  # in the model's order: the same sum, term by term
        part = weight * categories[:, names.index(category)]
        weighted = weighted + part
        if category in bonus:
            total_weight = total_weight + part
    return py_round(100 * weighted / np.where(total_weight > 0, total_weight, 1.0), 2)


def bonus_categories(model: RequirementModel) -> frozenset[str]:
    """The categories whose requirements are all bonus: they raise a total and never lower it."""
    kinds: dict[str, set[Kind]] = {}
    for requirement in model.requirements:
        kinds.setdefault(str(requirement.category), set()).add(requirement.kind)
    return frozenset(c for c, k in kinds.items() if k == {Kind.BONUS})


def _categories(final: np.ndarray, reqs: Requirements, model: RequirementModel) -> tuple[list[str], np.ndarray]:
    """Category scores, grouping the requirement columns by category.

    ``mean``: min(1, Σ weight × strength / Σ non-bonus weight) (all weights when every requirement
    is a bonus); ``best``: max(weight × strength) / max weight."""
    category = reqs.category
    present = [c for c in CATEGORIES if (category == c).any()]
    code = np.array([present.index(c) for c in category])
    order = np.argsort(code, kind="stable")
    starts = np.searchsorted(code[order], np.arange(len(present)))
    weight = reqs.weight
    weighted = (final * weight[None, :])[:, order]
    numerator = np.add.reduceat(weighted, starts, axis=1)
    strongest = np.maximum.reduceat(weighted, starts, axis=1)
    core = reqs.kind != Kind.BONUS
    core_sum = np.add.reduceat(np.where(core, weight, 0.0)[order], starts)
    has_core = np.add.reduceat(core[order].astype(int), starts) > 0
    denominator = np.where(has_core, core_sum, np.add.reduceat(weight[order], starts))
    mean = np.minimum(1.0, numerator / np.where(denominator > 0, denominator, 1.0))
    mean = np.where(denominator > 0, mean, 0.0)
    best = strongest / np.maximum.reduceat(weight[order], starts)
    modes = np.array([model.category_modes.get(c, CategoryMode.MEAN) == CategoryMode.BEST for c in present])
    return [str(c) for c in present], np.where(modes[None, :], best, mean)


def latest_relevance(files: pd.DataFrame) -> np.ndarray:
    """What each file's latest dated job lends (``facts.latest``): 1.0 the role itself, 0.5
    relevant work, 0 other work or none."""
    if "latest_relevance" not in files:
        return np.zeros(len(files))
    return np.nan_to_num(files["latest_relevance"].to_numpy(float))
