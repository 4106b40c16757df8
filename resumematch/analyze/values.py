"""The values analysis produces: what was found in one resume, and where.

Plain frozen dataclasses, so scoring and reporting never need spaCy.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from pathlib import Path

from ..types import COUNTING_STATUSES


@lru_cache(maxsize=1)
def pipeline_hash() -> str:
    """Hash of what makes an analysis besides the model: the analyze package's source and the
    catalogue it reads (its code, terms and the occupation background), read without importing
    them (or spaCy): cached analyses are void as soon as either changes."""
    digest = hashlib.sha256()
    package = Path(__file__).parent.parent
    for root, pattern in ((package / "analyze", "*.py"), (package / "catalog", "*.*")):
        for path in sorted(root.rglob(pattern)):
            if path.suffix in (".py", ".yaml", ".tsv"):
                digest.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def _build(cls, values):
    """An instance of the frozen dataclass ``cls`` from its field values in order, without
    ``__init__``: a frozen class sets each field through ``object.__setattr__``, which makes
    reading a cached analysis (some 30 findings) cost four times as much."""
    obj = object.__new__(cls)
    obj.__dict__.update(zip(_FIELDS[cls], values))
    return obj


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
    title: str = ""  # the entry's first title line
    why: str = ""  # why a job is or is not relevant work (analyze.relevance)
    role: bool = False  # the job is the role itself: its title names one of the role's own occupations


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
    #: How the resume reads against the role's occupations (analyze.relevance): 0-1, the words
    #: that tie it to the closest of them, and that occupation's title.
    fit: float = 0.0
    fit_terms: tuple[str, ...] = ()
    fit_occupation: str = ""
    #: Years in the role itself (jobs whose title names one of its own occupations), overlaps merged.
    role_experience_years: float = 0.0
    #: How the resume's words meet the role's own text (analyze.roletext): 0-1, and the shared words.
    text_fit: float = 0.0
    text_fit_terms: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """A JSON-ready dict (built field by field: ``dataclasses.asdict`` deep-copies, and this
        runs once per resume on the hot path)."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["candidate"] = dict(self.candidate.__dict__)
        data["entities"] = [dict(e.__dict__) for e in self.entities]
        data["periods"] = [dict(p.__dict__) for p in self.periods]
        data["sections"] = [{"section": s, "start": a, "end": b} for s, a, b in self.sections]
        return data

    def to_json(self) -> str:
        """Compact JSON, as kept in the cache and sent by workers: each finding and period is a
        list of its field values, so the text is half the size of ``to_dict()``'s and reads faster."""
        rows = [list(self.candidate.__dict__.values()), self.experience_years, self.relevant_experience_years,
                self.internship_years, self.internships, [list(e.__dict__.values()) for e in self.entities],
                [list(p.__dict__.values()) for p in self.periods], self.sections, self.model, self.as_of,
                self.fit, self.fit_terms, self.fit_occupation, self.role_experience_years, self.text_fit,
                self.text_fit_terms]
        return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Analysis:
        """Rebuild an ``Analysis`` from ``to_json()`` output."""
        (cand, exp, rel, intern, interns, entities, periods, sections, model, as_of,
         fit, fit_terms, fit_occupation, role, text_fit, text_terms) = json.loads(text)
        return _build(cls, (_build(Candidate, cand), exp, rel, intern, interns,
                            tuple(_build(Entity, e) for e in entities), tuple(_build(Period, p) for p in periods),
                            tuple(map(tuple, sections)), model, as_of, fit, tuple(fit_terms), fit_occupation, role,
                            text_fit, tuple(text_terms)))

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


_FIELDS = {cls: tuple(f.name for f in fields(cls)) for cls in (Entity, Period, Candidate, Analysis)}
