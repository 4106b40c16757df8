"""The values analysis produces: what was found in one resume, and where.

Plain frozen dataclasses, so scoring and reporting never need spaCy.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from pathlib import Path

#: Statuses of a finding that make it count as evidence for its requirement.
COUNTING_STATUSES = frozenset({"held", "completed", "mentioned", "own"})


@lru_cache(maxsize=1)
def pipeline_hash() -> str:
    """Hash of the pipeline package's source, read without importing it (or spaCy): cached
    analyses are void as soon as the code that made them changes."""
    digest = hashlib.sha256()
    for path in sorted((Path(__file__).parent / "pipeline").glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Entity:
    """One finding: a degree, certification, skill, duty... and where it stands."""

    category: str
    id: str | None
    name: str
    text: str
    method: str  # exact, alias, lemma, fuzzy, stated
    score: float
    status: str  # held, in_progress, expired, completed, incomplete, mentioned, own, not_own, contact
    section: str
    page: int | None
    start: int
    end: int

    @property
    def counts(self) -> bool:
        return self.status in COUNTING_STATUSES


@dataclass(frozen=True)
class Period:
    """A dated stretch of work, internship or study found in the resume."""

    start: str  # YYYY-MM
    end: str  # YYYY-MM
    months: int
    kind: str  # work, internship, education
    relevant: bool
    text: str
    section: str
    offset: int


@dataclass(frozen=True)
class Candidate:
    name: str | None
    email: str | None
    phone: str | None


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline found in one resume."""

    candidate: Candidate
    experience_years: float
    relevant_experience_years: float
    internship_years: float
    internships: int
    entities: tuple[Entity, ...]
    periods: tuple[Period, ...]
    sections: tuple[tuple[str, int, int], ...]
    model: str
    as_of: str

    def to_dict(self) -> dict:
        """A JSON-ready dict (built field by field: ``dataclasses.asdict`` deep-copies, and this
        runs once per resume on the hot path)."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["candidate"] = dict(self.candidate.__dict__)
        data["entities"] = [dict(e.__dict__) for e in self.entities]
        data["periods"] = [dict(p.__dict__) for p in self.periods]
        data["sections"] = [{"section": s, "start": a, "end": b} for s, a, b in self.sections]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Analysis:
        """Rebuild an ``Analysis`` from ``to_dict()`` output (as stored in the cache)."""
        data = dict(data)
        data["candidate"] = Candidate(**data["candidate"])
        data["entities"] = tuple(Entity(**e) for e in data["entities"])
        data["periods"] = tuple(Period(**p) for p in data["periods"])
        data["sections"] = tuple((s["section"], s["start"], s["end"]) for s in data["sections"])
        return cls(**data)

    def found(self, requirement_id: str) -> list[Entity]:
        """All findings tagged with ``requirement_id``, counting or not."""
        return list(self.by_requirement.get(requirement_id, ()))

    @cached_property
    def by_requirement(self) -> dict[str | None, list[Entity]]:
        """Findings grouped by requirement id (built once per analysis)."""
        index: dict[str | None, list[Entity]] = {}
        for e in self.entities:
            index.setdefault(e.id, []).append(e)
        return index
