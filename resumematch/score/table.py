"""The findings and files tables, and the strength of every finding, over all files at once.

The factors (docs/scoring.md) are looked up per distinct value (a status, a method, a category and
section pair) and applied to whole columns, so the cost is one pass of array arithmetic however
many files there are.
"""

from __future__ import annotations

from itertools import chain

import numpy as np
import pandas as pd

from ..model import RequirementModel
from ..types import Category, ExperienceYears, FindingStatus, Method
from .facts import FILE_COLUMNS, FINDING_COLUMNS

#: A requirement counts as met from this strength on.
MET = 0.5
#: A single generic word ("software", "system") lends its requirement at most this: below ``MET``,
#: so it never meets a requirement on its own (docs/scoring.md, "Specific evidence").
GENERIC_WORD = 0.4

#: Sections where evidence of each category is expected; elsewhere it is a passing mention.
HOME_SECTIONS = {
    Category.DEGREE: {"education"},
    Category.CERTIFICATION: {"certifications"},
    Category.COURSEWORK: {"education", "coursework"},
    Category.SOFT_SKILLS: {"skills", "summary", "experience", "projects"},
    Category.TECHNICAL_SKILLS: {"skills", "summary", "experience", "projects", "internships"},
    Category.DUTIES: {"experience", "projects", "summary", "internships"},
    Category.PROJECT_TYPES: {"experience", "projects", "summary", "internships"},
    Category.INTERNSHIP: {"experience", "internships"},
}
PASSING_MENTION = 0.8
NO_SECTIONS = 0.9
METHOD_FACTOR = {Method.EXACT: 1.0, Method.ALIAS: 1.0, Method.EVIDENCE: 1.0, Method.LEMMA: 0.9, Method.FUZZY: 0.9}
OTHER_METHOD = 0.9
STATUS_FACTOR = {FindingStatus.HELD: 1.0, FindingStatus.COMPLETED: 1.0, FindingStatus.MENTIONED: 1.0,
                 FindingStatus.OWN: 1.0, FindingStatus.EXPIRED: 0.3, FindingStatus.IN_PROGRESS: 0.0,
                 FindingStatus.STUFFED: 0.2, FindingStatus.GENERIC: GENERIC_WORD}
DEGREE_IN_PROGRESS = 0.5

#: Finding columns held as categoricals: the factors are looked up per category, not per row.
_CODED = ("requirement", "category", "method", "status", "section")


def build_tables(records: list[tuple[str, list]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The findings and files tables from ``(file, facts)`` records (see ``facts.facts``).

    Finding rows go into one DataFrame as they are; ``fid`` (the file's row in the files table) and
    ``pos`` (the finding's place in its file) are added as whole columns."""
    files = pd.DataFrame([[file, *head] for file, (head, _) in records], columns=list(FILE_COLUMNS))
    for column in ("relevant_years", "role_years", "total_years", "internship_years", "fit", "text_fit",
                   "latest_relevance"):
        files[column] = pd.to_numeric(files[column], errors="coerce").astype(float)
    counts = np.fromiter((len(rows) for _, (_, rows) in records), dtype=np.int64, count=len(records))
    findings = pd.DataFrame(list(chain.from_iterable(rows for _, (_, rows) in records)),
                            columns=list(FINDING_COLUMNS))
    return coded(findings, np.repeat(np.arange(len(records)), counts), _positions(counts)), files


def coded(findings: pd.DataFrame, fid: np.ndarray, pos: np.ndarray) -> pd.DataFrame:
    """``findings`` with ``fid`` and ``pos`` in front and the coded columns as categoricals."""
    findings = findings.copy()
    findings.insert(0, "pos", pos.astype(np.int64))
    findings.insert(0, "fid", fid.astype(np.int64))
    for column in _CODED:
        findings[column] = findings[column].astype("category")
    findings["match_score"] = findings["match_score"].astype(float)
    for column in ("page", "start", "end"):
        findings[column] = findings[column].astype("Int64")
    return findings


def _positions(counts: np.ndarray) -> np.ndarray:
    """0, 1, ... within each file's run of ``counts`` rows."""
    total = int(counts.sum())
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    return np.arange(total) - starts


def py_round(values: np.ndarray, places: int) -> np.ndarray:
    """``round(v, places)`` as Python computes it, for an array.

    ``np.round`` scales and rounds half to even, which differs from Python's correctly rounded
    ``round`` only where the scaled value lies within rounding error of a half; those few values
    are rounded by Python."""
    values = np.asarray(values, dtype=float)
    out = np.round(values, places)
    scaled = values * 10.0 ** places
    near_half = np.abs(np.abs(scaled - np.floor(scaled)) - 0.5) < 1e-6
    if near_half.any():
        idx = np.flatnonzero(near_half)
        out[idx] = [round(float(v), places) for v in values[idx]]
    return out


def _lookup(column: pd.Series, values: dict, default: float) -> np.ndarray:
    """``values[v]`` (or ``default``) for every cell of a categorical ``column``."""
    categories = column.cat.categories
    table = np.array([values.get(c, default) for c in categories] + [default], dtype=float)
    return table[column.cat.codes.to_numpy()]


def _pair_table(rows: pd.Series, cols: pd.Series, factor) -> np.ndarray:
    """``factor(row value, col value)`` for every cell, from a table of the distinct pairs."""
    r, c = list(rows.cat.categories) + [None], list(cols.cat.categories) + [None]
    table = np.array([[factor(a, b) for b in c] for a in r], dtype=float)
    return table[rows.cat.codes.to_numpy(), cols.cat.codes.to_numpy()]


def _status_factor(category, status) -> float:
    if category == Category.DEGREE and status == FindingStatus.IN_PROGRESS:
        return DEGREE_IN_PROGRESS
    return STATUS_FACTOR.get(status, 0.0)  # contact, and any status that does not count, give 0


def _place_factor(category, section) -> float:
    if section in ("none", "header") and category != Category.CERTIFICATION:
        return NO_SECTIONS
    return 1.0 if section in HOME_SECTIONS.get(category, ()) else PASSING_MENTION


def strengths(findings: pd.DataFrame, mention: np.ndarray, rid: np.ndarray) -> np.ndarray:
    """The strength each finding lends its requirement, in [0, 1] (rounded to 4 places); NaN for
    a finding of no requirement (``rid`` -1).

    ``mention`` is each requirement's ``mention_strength`` (NaN for none) and ``rid`` each
    finding's requirement index: a bare mention is scaled by it, evidence of the skill being done
    is not."""
    status = _pair_table(findings["category"], findings["status"], _status_factor)
    place = _pair_table(findings["category"], findings["section"], _place_factor)
    method = _lookup(findings["method"], METHOD_FACTOR, OTHER_METHOD)
    scale = np.append(mention, np.nan)[rid]
    is_evidence = _lookup(findings["method"], {Method.EVIDENCE: 1.0}, 0.0) > 0
    method = np.where(np.isnan(scale) | is_evidence, method, method * scale)
    out = py_round(status * place * method * findings["match_score"].to_numpy(float), 4)
    out[rid < 0] = np.nan
    return out


class Requirements:
    """The model's requirements as arrays, in model order: what scoring needs to know of them."""

    def __init__(self, model: RequirementModel) -> None:
        reqs = model.requirements
        alt = [r.satisfied_by for r in reqs]
        self.ids = np.array([r.id for r in reqs], dtype=object)
        self.label = np.array([r.label for r in reqs], dtype=object)
        self.category = np.array([str(r.category) for r in reqs], dtype=object)
        self.kind = np.array([str(r.kind) for r in reqs], dtype=object)
        #: An experience requirement that counts years in the role itself, not relevant years.
        self.role_years = np.array([r.years == ExperienceYears.ROLE for r in reqs], dtype=bool)
        #: An experience requirement that asks whether the latest job is the role itself.
        self.latest = np.array([r.years == ExperienceYears.LATEST for r in reqs], dtype=bool)
        #: The years an experience requirement asks (met only at that many; NaN: met at ``MET`` strength).
        self.min_years = np.array([np.nan if r.min_years is None else r.min_years for r in reqs])
        self.weight = np.array([float(r.weight) for r in reqs])
        self.mention = np.array([np.nan if r.mention_strength is None else r.mention_strength for r in reqs])
        self.alt_years = np.array([np.nan if a is None or a.experience_years is None else a.experience_years
                                   for a in alt])
        position = {r.id: i for i, r in enumerate(reqs)}
        self.alt_index = np.array([position[a.requirement] if a is not None and a.requirement else -1 for a in alt],
                                  dtype=np.int64)

    def __len__(self) -> int:
        return len(self.ids)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame({"requirement": self.ids, "label": self.label, "category": self.category,
                             "kind": self.kind, "weight": self.weight})
