"""Degrees: the words for each level, the named degrees with their spellings in many countries,
and fields of study grouped into families (``degrees.yaml``)."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import Any

from pydantic import Field, model_validator

from ..types import DegreeLevel, FieldFamily
from .terms import Frozen, Term, marked_ambiguous, term_key


class LevelWords(Frozen):
    """Words that name a level without naming a degree ("bachelor's degree", "doctorate")."""

    level: DegreeLevel
    phrases: tuple[Term, ...] = Field(min_length=1)


class Degree(Frozen):
    """A named degree (Bachelor of Science) and the ways it is written (B.S., BSc, B.Sc.).

    ``countries`` (ISO 3166 codes) tells where a national form is used; empty means widespread.
    ``implies_field`` names the field a degree carries in its name (BCA: computer applications).
    """

    id: str = Field(pattern=r"^degree\.[a-z0-9_]+$")
    level: DegreeLevel
    name: str = Field(min_length=1)
    spellings: tuple[Term, ...] = ()
    countries: tuple[str, ...] = ()
    implies_field: str | None = None
    note: str = ""

    @model_validator(mode="after")
    def _country_codes(self) -> Degree:
        bad = [c for c in self.countries if len(c) != 2 or not c.isupper() or not c.isalpha()]
        if bad:
            raise ValueError(f"{self.id}: countries are two capital letters (ISO 3166), not {bad}")
        return self

    @property
    def terms(self) -> tuple[Term, ...]:
        return (Term(text=self.name), *self.spellings)


class StudyField(Frozen):
    """A field of study in one family (``also`` lists the other families it belongs to)."""

    id: str = Field(pattern=r"^field\.[a-z0-9_]+$")
    name: str = Field(min_length=1)
    family: FieldFamily
    also: tuple[FieldFamily, ...] = ()
    spellings: tuple[Term, ...] = ()

    @property
    def terms(self) -> tuple[Term, ...]:
        return (Term(text=self.name), *self.spellings)


class DegreeCatalog(Frozen):
    """The validated ``degrees.yaml``."""

    version: int = Field(ge=1)
    levels: tuple[LevelWords, ...]
    degrees: tuple[Degree, ...] = Field(min_length=1)
    fields: tuple[StudyField, ...] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _flatten_families(cls, data: Any) -> Any:
        """In YAML, fields are listed under their family; each field gets its family here."""
        if not isinstance(data, dict) or "field_families" not in data:
            return data
        families = data["field_families"]
        if not isinstance(families, dict):
            raise ValueError("field_families maps a family to its list of fields")
        fields = [{**f, "family": family} if isinstance(f, dict) else f
                  for family, listed in families.items() for f in (listed or [])]
        return {**{k: v for k, v in data.items() if k != "field_families"}, "fields": fields}

    @model_validator(mode="after")
    def _consistent(self) -> DegreeCatalog:
        levels = [w.level for w in self.levels]
        if sorted(levels) != sorted(DegreeLevel):
            raise ValueError(f"levels must list each of {[str(v) for v in DegreeLevel]} once")
        for kind, items in (("degree", self.degrees), ("field", self.fields)):
            ids = [i.id for i in items]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"duplicate {kind} ids {dupes}")
        fields = {f.id for f in self.fields}
        for degree in self.degrees:
            if degree.implies_field and degree.implies_field not in fields:
                raise ValueError(f"{degree.id}: implies unknown field {degree.implies_field!r}")
        self._unique("degree spelling", [(d.id, t) for d in self.degrees for t in d.terms]
                     + [(f"level {w.level}", t) for w in self.levels for t in w.phrases])
        self._unique("field spelling", [(f.id, t) for f in self.fields for t in f.terms])
        return self

    @staticmethod
    def _unique(what: str, owned: list[tuple[str, Term]]) -> None:
        owners: dict[str, set[str]] = defaultdict(set)
        for owner, term in owned:
            owners[term.key].add(owner)
        clashes = {key: sorted(ids) for key, ids in owners.items() if len(ids) > 1}
        if clashes:
            raise ValueError(f"a {what} names more than one entry: {clashes}")

    @cached_property
    def _degree_by_key(self) -> dict[str, list[tuple[Degree | LevelWords, Term]]]:
        found: dict[str, list[tuple[Degree | LevelWords, Term]]] = defaultdict(list)
        for degree in self.degrees:
            for term in degree.terms:
                found[term.key].append((degree, term))
        for words in self.levels:
            for term in words.phrases:
                found[term.key].append((words, term))
        return found

    @cached_property
    def _field_by_key(self) -> dict[str, StudyField]:
        return {t.key: f for f in self.fields for t in f.terms}

    def _hits(self, text: str) -> list[tuple[Degree | LevelWords, Term]]:
        """The entries ``text`` spells. A comma parts two names unless the spelling has one itself:
        "BS, BA" is two degrees, not the BSBA its letters make ("Bachelor of Medicine, Bachelor of
        Surgery" keeps its own)."""
        hits = self._degree_by_key.get(term_key(text), [])
        return [h for h in hits if "," in h[1].text] if "," in text else hits

    def level_of(self, text: str) -> DegreeLevel | None:
        """The level a degree's spelling or a level phrase names ("B.Sc." -> bachelor), or None."""
        hits = self._hits(text)
        return hits[0][0].level if hits else None

    def degree(self, text: str) -> Degree | None:
        """The named degree a spelling stands for ("MSc" -> Master of Science), or None."""
        hits = self._hits(text)
        return hits[0][0] if hits and isinstance(hits[0][0], Degree) else None

    def is_ambiguous(self, text: str) -> bool:
        """Whether a degree spelling is marked ambiguous ("MS", "BA": a degree only in context)."""
        return marked_ambiguous(text, [term for _, term in self._hits(text)])

    def field(self, text: str) -> StudyField | None:
        """The field of study a spelling names ("Comp Sci" -> Computer Science), or None."""
        return self._field_by_key.get(term_key(text))

    def fields_in(self, family: FieldFamily) -> tuple[StudyField, ...]:
        """Every field of a family, also those that list it under ``also``."""
        return tuple(f for f in self.fields if f.family == family or family in f.also)
