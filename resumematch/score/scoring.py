"""Stage 4: evidence to requirement strengths, category scores and a total. Pure functions.

See docs/scoring.md for the formula and a worked example.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..analyze.values import Analysis, Entity
from ..model import Requirement, RequirementModel
from ..types import CATEGORIES, Category, FindingStatus, Kind, Method

#: A requirement counts as met from this strength on.
MET = 0.5

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
STATUS_FACTOR = {FindingStatus.HELD: 1.0, FindingStatus.COMPLETED: 1.0, FindingStatus.MENTIONED: 1.0,
                 FindingStatus.OWN: 1.0, FindingStatus.EXPIRED: 0.3, FindingStatus.IN_PROGRESS: 0.0,
                 FindingStatus.STUFFED: 0.2}
DEGREE_IN_PROGRESS = 0.5


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


@dataclass(frozen=True)
class Scorecard:
    total: float
    categories: dict[str, float]
    requirements: tuple[RequirementScore, ...]
    matched: tuple[str, ...]
    missing: tuple[str, ...]

    @cached_property
    def strengths(self) -> dict[str, float]:
        """Strength of every requirement, by id."""
        return {r.id: r.strength for r in self.requirements}

    def strength(self, requirement_id: str) -> float:
        return self.strengths[requirement_id]


def evidence_strength(entity: Entity, mention_strength: float | None = None) -> float:
    """Strength one finding lends its requirement, in [0, 1].

    ``mention_strength`` (the requirement's, from the model) scales a finding that only names the
    requirement ("Skills: leadership"); evidence of it being done ("Led a team of 12") is not scaled.
    """
    if entity.status == FindingStatus.CONTACT:
        return 0.0
    if entity.category == Category.DEGREE and entity.status == FindingStatus.IN_PROGRESS:
        status = DEGREE_IN_PROGRESS
    else:
        status = STATUS_FACTOR.get(entity.status, 0.0)
    home = HOME_SECTIONS.get(entity.category, set())
    if entity.section in ("none", "header") and entity.category != Category.CERTIFICATION:
        place = NO_SECTIONS
    else:
        place = 1.0 if entity.section in home else PASSING_MENTION
    method = METHOD_FACTOR.get(entity.method, 0.9)
    if mention_strength is not None and entity.method != Method.EVIDENCE:
        method *= mention_strength
    return round(status * place * method * entity.score, 4)


def _best(entities: list[Entity], mention_strength: float | None = None) -> tuple[float, Entity | None]:
    best, chosen = 0.0, None
    if len(entities) > 1:  # ties go to the earliest finding
        entities = sorted(entities, key=lambda e: (e.start, e.end))
    for entity in entities:
        strength = evidence_strength(entity, mention_strength)
        if strength > best:
            best, chosen = strength, entity
    return best, chosen


def _experience(req: Requirement, model: RequirementModel, analysis: Analysis) -> RequirementScore:
    years = analysis.relevant_experience_years
    strength = round(min(1.0, years / model.experience.full_strength_years), 4)
    note = (f"{years:g} years of relevant work out of {analysis.experience_years:g} dated years; "
            f"full strength at {model.experience.full_strength_years:g}")
    return RequirementScore(req.id, req.label, req.category, req.kind, req.weight, strength,
                            strength >= MET, None, note)


def score(analysis: Analysis, model: RequirementModel) -> Scorecard:
    """Score one analysed resume against ``model``."""
    first: dict[str, RequirementScore] = {}
    for req in model.requirements:
        if req.category == Category.EXPERIENCE:
            first[req.id] = _experience(req, model, analysis)
            continue
        found = analysis.by_requirement.get(req.id, ())
        strength, chosen = _best(found, req.mention_strength)
        others = tuple(e for e in found if e is not chosen) if found else ()
        first[req.id] = RequirementScore(req.id, req.label, req.category, req.kind, req.weight,
                                         strength, strength >= MET, chosen, "", others)
    final = []
    for req in model.requirements:
        rs = first[req.id]
        alt = req.satisfied_by
        if alt and not rs.met:
            if alt.experience_years is not None and analysis.relevant_experience_years >= alt.experience_years:
                rs = _replace(rs, 1.0, f"met by equivalent experience: {analysis.relevant_experience_years:g} "
                              f"relevant years >= {alt.experience_years:g}")
            elif alt.requirement and first[alt.requirement].met:
                rs = _replace(rs, first[alt.requirement].strength, f"met through {alt.requirement}",
                              first[alt.requirement].evidence)
        final.append(rs)
    by_category: dict[str, list[RequirementScore]] = {}
    for rs in final:
        by_category.setdefault(rs.category, []).append(rs)
    categories = {category: category_score(by_category[category], model.category_modes.get(category, "mean"))
                  for category in CATEGORIES if category in by_category}
    weights = {c: w for c, w in model.category_weights.items() if c in categories}
    total_weight = sum(weights.values()) or 1.0
    total = round(100 * sum(w * categories[c] for c, w in weights.items()) / total_weight, 2)
    return Scorecard(
        total=total,
        categories={c: round(v, 4) for c, v in categories.items()},
        requirements=tuple(final),
        matched=tuple(r.id for r in final if r.met),
        missing=tuple(r.id for r in final if r.kind == Kind.REQUIRED and not r.met),
    )


def category_score(reqs: list[RequirementScore], mode: str = "mean") -> float:
    """``mean``: weighted mean strength, where bonus requirements add but never lower it (capped
    at 1). ``best``: the strongest weighted requirement alone, relative to the heaviest weight."""
    if mode == "best":
        return max(r.weight * r.strength for r in reqs) / max(r.weight for r in reqs)
    core = [r for r in reqs if r.kind != Kind.BONUS] or reqs
    denominator = sum(r.weight for r in core)
    numerator = sum(r.weight * r.strength for r in reqs)
    return min(1.0, numerator / denominator) if denominator else 0.0


def _replace(rs: RequirementScore, strength: float, note: str, evidence: Entity | None = None) -> RequirementScore:
    return RequirementScore(rs.id, rs.label, rs.category, rs.kind, rs.weight, round(strength, 4),
                            strength >= MET, evidence or rs.evidence, note, rs.also_seen)
