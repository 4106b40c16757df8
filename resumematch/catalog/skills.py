"""Soft skills: the phrases that name each one and the verb-object patterns that show it being
done (``skills.yaml``)."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from pydantic import Field, model_validator

from ..shapes import EvidencePattern
from .terms import Frozen, term_key

#: The catalogue's name for the shape it shares with requirement models.
SkillPattern = EvidencePattern


class Skill(Frozen):
    """A soft skill: ``mentions`` name it, ``evidence`` phrases and ``patterns`` show it done."""

    id: str = Field(pattern=r"^soft\.[a-z0-9_]+$")
    name: str = Field(min_length=1)
    mentions: tuple[str, ...] = Field(min_length=1)
    evidence: tuple[str, ...] = ()
    patterns: tuple[SkillPattern, ...] = ()


class SkillCatalog(Frozen):
    """The validated ``skills.yaml``; ``mention_strength`` is what a bare mention counts for."""

    version: int = Field(ge=1)
    mention_strength: float = Field(gt=0, le=1)
    soft_skills: tuple[Skill, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_owner_per_phrase(self) -> SkillCatalog:
        ids = [s.id for s in self.soft_skills]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate skill ids {dupes}")
        owners: dict[str, set[str]] = defaultdict(set)
        for skill in self.soft_skills:
            for phrase in (skill.name, *skill.mentions):
                owners[term_key(phrase)].add(skill.id)
        clashes = {key: sorted(found) for key, found in owners.items() if len(found) > 1}
        if clashes:
            raise ValueError(f"a mention names more than one skill: {clashes}")
        return self

    @cached_property
    def by_id(self) -> dict[str, Skill]:
        return {s.id: s for s in self.soft_skills}

    @cached_property
    def _by_key(self) -> dict[str, Skill]:
        return {term_key(p): s for s in self.soft_skills for p in (s.name, *s.mentions)}

    def lookup(self, text: str) -> Skill | None:
        """The skill a phrase names ("detail oriented" -> Detail-oriented), or None."""
        return self._by_key.get(term_key(text))
