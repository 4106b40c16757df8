"""One file's scores as plain values: the view behind ``Result.scorecard`` and the explanations.

Scoring itself runs on the tables (``aggregate.score_tables``); this reads one file's row of it.
Free of pandas at import, so ``Result`` is too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..analyze.values import Entity
from ..types import Category, CreditRoute, Flag, Kind

if TYPE_CHECKING:
    import pandas as pd

    from .aggregate import Scores


@dataclass(frozen=True)
class RequirementScore:
    """How strongly one requirement is met, and the evidence that decided it."""

    id: str
    label: str
    category: str
    kind: str
    weight: float
    strength: float
    met: bool
    evidence: Entity | None = None
    note: str = ""
    also_seen: tuple[Entity, ...] = field(default=())
    via: str = ""
    snippet: str = field(default="", compare=False)


@dataclass(frozen=True)
class Scorecard:
    total: float
    categories: dict[str, float]
    requirements: tuple[RequirementScore, ...]
    matched: tuple[str, ...]
    missing: tuple[str, ...]
    #: False when the file could not be scored: ``total`` is NaN and every required item is missing.
    assessed: bool = True

    @cached_property
    def strengths(self) -> dict[str, float]:
        """Strength of every requirement, by id."""
        return {r.id: r.strength for r in self.requirements}

    def strength(self, requirement_id: str) -> float:
        return self.strengths[requirement_id]


def experience_note(relevant: float, total: float, flags: str | None, full: float, *, role: bool = False,
                    asked: float | None = None) -> str:
    """The years behind an experience requirement (of relevant work, or in the role itself when
    ``role``), in words; when no work was dated although the resume holds dates (an
    ``unread_dates:N`` flag), it says so instead of "0 dated years"; when its jobs are dated by a year
    alone (``lone_years``), that they count that year only."""
    tag = Flag.UNREAD_DATES.having("")
    unread = next((f.partition(":")[2] for f in (flags or "").split(";") if f.startswith(tag)), "")
    if unread and not total:
        return (f"no dated work could be read: the work history holds {unread} year(s), but no date range "
                f"(from - to) was recognised, so experience counts 0 years; check the dates by hand")
    what = "in the role itself (jobs whose title names its own occupation)" if role else "of relevant work"
    met = "" if asked is None else f"; met at {asked:g}, the years asked"
    alone = "; each job is dated by a year alone and counts that year only: check the dates by hand" if unread else ""
    return f"{relevant:g} years {what} out of {total:g} dated years; full strength at {full:g}{met}{alone}"


def latest_words(job: str | None, lends: float) -> str:
    """The latest job in words, for a requirement with ``years: latest`` (``facts.latest``)."""
    if not isinstance(job, str) or not job:
        return "no dated job"
    what = ("the role itself" if lends >= 1 else "relevant work, not the role itself" if lends > 0
            else "neither the role itself nor relevant work")
    return f"the latest job, {job}, is {what}"


def _entity(row, isna) -> Entity:
    page = None if isna(row.page) else int(row.page)
    return Entity(str(row.category), str(row.requirement), row.name, row.text, str(row.method),
                  float(row.match_score), str(row.status), str(row.section), page, int(row.start), int(row.end))


def unassessed(scores: Scores, status: str) -> Scorecard:
    """The scorecard of a file that could not be scored (its ``status``): nothing is assessed."""
    reqs = scores.requirements
    out = tuple(RequirementScore(r, label, category, kind, float(weight), math.nan, False,
                                 note=f"not assessed: the file could not be scored ({status})")
                for r, label, category, kind, weight in zip(reqs.ids, reqs.label, reqs.category, reqs.kind,
                                                            reqs.weight))
    return Scorecard(total=math.nan, categories={}, requirements=out, matched=(),
                     missing=tuple(q.id for q in out if q.kind == Kind.REQUIRED), assessed=False)


def scorecard(findings: pd.DataFrame, files: pd.DataFrame, scores: Scores, i: int) -> Scorecard:
    """The scorecard of file ``i`` (its row in ``files``). A file that could not be scored gets
    an unassessed one: total NaN, every requirement unassessed (NaN, not met), every required one
    missing."""
    import numpy as np  # loaded with the tables, not with this module (see docs/design.md)
    from pandas import isna

    if not scores.scored[i]:
        return unassessed(scores, str(files["status"].iloc[i]))
    a, b = np.searchsorted(findings["fid"].to_numpy(), [i, i + 1])  # rows are in file order
    rows = findings.iloc[a:b]
    entities = {index: _entity(row, isna) for index, row in zip(rows.index, rows.itertuples(index=False))}
    snippets = dict(zip(rows.index, rows["snippet"]))
    rid = scores.finding_rid[rows.index.to_numpy()] if len(rows) else []
    by_req: dict[int, list[int]] = {}
    for index, r in zip(rows.index, rid):
        by_req.setdefault(int(r), []).append(index)
    fact = files.iloc[i]
    reqs = scores.requirements
    out = []
    for r, req in enumerate(reqs.frame().itertuples(index=False)):
        own = int(scores.best[i, r])
        chosen, note, via = own, "", scores.via[i, r]
        if req.category == Category.EXPERIENCE and reqs.latest[r]:
            note = latest_words(fact.get("latest_job"), float(scores.first[i, r]))
        elif req.category == Category.EXPERIENCE:
            in_role = bool(reqs.role_years[r])
            note = experience_note(fact.role_years if in_role else fact.relevant_years, fact.total_years,
                                   fact["flags"], scores.model.experience.full_strength_years, role=in_role,
                                   asked=None if math.isnan(reqs.min_years[r]) else float(reqs.min_years[r]))
        if via == CreditRoute.EQUIVALENT_EXPERIENCE:
            note = (f"met by equivalent experience: {fact.relevant_years:g} relevant years >= "
                    f"{reqs.alt_years[r]:g}")
        elif via:
            alt = int(reqs.alt_index[r])
            note = f"met through {reqs.ids[alt]}"
            chosen = int(scores.best[i, alt]) if scores.best[i, alt] >= 0 else own
        also = tuple(entities[k] for k in by_req.get(r, ()) if k != own)
        out.append(RequirementScore(req.requirement, req.label, req.category, req.kind, req.weight,
                                    float(scores.strength[i, r]), bool(scores.met[i, r]), entities.get(chosen), note,
                                    also, via, snippets.get(chosen, "")))
    categories = {c: round(float(v), 4) for c, v in zip(scores.category_names, scores.categories[i])}
    return Scorecard(total=float(scores.total[i]), categories=categories, requirements=tuple(out),
                     matched=tuple(q.id for q in out if q.met),
                     missing=tuple(q.id for q in out if q.kind == Kind.REQUIRED and not q.met))
