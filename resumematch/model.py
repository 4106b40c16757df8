"""Requirement models: YAML files describing what a role asks for, validated on load.

A model is loaded by name (a file in the bundled ``models`` folder) or by path, and becomes frozen
pydantic objects. An invalid file raises ``ModelError`` naming the file and the field.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from functools import cached_property
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ._yaml import load_yaml
from .errors import ModelError, ModelNotFoundError, ModelWarning
from .modelcheck import Problem, as_error, meaning_problems, raw_problems, translate, validation_errors
from .shapes import EvidencePattern
from .types import CATEGORIES, Category, CategoryMode, DegreeLevel, ExperienceYears, Kind, OtherCategory, Severity

#: How similar (rapidfuzz ratio, 0-100) a misspelt phrase must be to an alias, unless a
#: requirement sets its own ``fuzzy_threshold``; also the threshold of the catalogue's other terms.
FUZZY_THRESHOLD = 88

class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DegreeSpec(_Frozen):
    """A degree requirement: one of ``levels`` in one of ``fields``."""

    levels: tuple[DegreeLevel, ...]
    fields: tuple[str, ...] = Field(min_length=1)


class SatisfiedBy(_Frozen):
    """An alternative that meets a requirement: years of relevant experience, or another requirement."""

    experience_years: float | None = Field(default=None, gt=0)
    requirement: str | None = None
    note: str = ""

    @model_validator(mode="after")
    def _one_alternative(self) -> SatisfiedBy:
        if (self.experience_years is None) == (self.requirement is None):
            raise ValueError("give exactly one of experience_years or requirement")
        return self


class Requirement(_Frozen):
    """One thing the role asks for, with the phrases that show it in a resume."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
    category: Category
    label: str = Field(min_length=1)
    kind: Kind
    weight: float = Field(gt=0, le=100)
    source: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    patterns: tuple[EvidencePattern, ...] = ()
    #: Strength of a bare mention of an alias ("Skills: leadership") against evidence of it being
    #: shown (an evidence phrase or pattern); None: a mention is full evidence.
    mention_strength: float | None = Field(default=None, gt=0, le=1)
    #: Aliases that are also ordinary words, names or places ("CSM", "CAPM"): they count only in
    #: credential context (the certifications section, or a credential word on their line).
    context_only: tuple[str, ...] = ()
    fuzzy_threshold: float = Field(default=FUZZY_THRESHOLD, ge=50, le=100)
    degree: DegreeSpec | None = None
    satisfied_by: SatisfiedBy | None = None
    #: For an experience requirement, what it counts: relevant years (the default), years in the role
    #: itself (``role``), or what the latest job is (``latest``; docs/scoring.md).
    years: ExperienceYears = ExperienceYears.RELEVANT
    #: For an experience requirement, the years a posting asks ("5+ years"): it is met only at that
    #: many. None: met at half the full-strength years. Its strength is the same either way.
    min_years: float | None = Field(default=None, gt=0, le=60)
    #: Catalogue ids the requirement was filled in from (``cert.pmp``); see ``catalog/refs.py``.
    catalog: tuple[str, ...] = ()

    @field_validator("catalog", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return (value,) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _has_a_way_to_match(self) -> Requirement:
        if self.category == Category.DEGREE and self.degree is None:
            raise ValueError("a degree requirement needs a 'degree' block (levels and fields)")
        if self.category not in (Category.DEGREE, Category.EXPERIENCE) and not self.aliases:
            raise ValueError("needs at least one alias")
        if (self.years != ExperienceYears.RELEVANT or self.min_years) and self.category != Category.EXPERIENCE \
                or self.years == ExperienceYears.LATEST and self.min_years:
            raise ValueError("'years' and 'min_years' apply to experience requirements only, and 'min_years' not "
                             "to 'years: latest', which asks what the latest job is")
        unknown = [a for a in self.context_only if a not in self.aliases]
        if unknown:
            raise ValueError(f"context_only names {unknown}, which are not among the aliases")
        return self

    @field_validator("aliases", "evidence")
    @classmethod
    def _no_blank(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        if any(not v.strip() for v in values):
            raise ValueError("aliases must not be blank")
        return tuple(v.strip() for v in values)


class OtherTerm(_Frozen):
    """A finding that no requirement asks for, recognised so a near miss is not miscounted."""

    category: Category | OtherCategory
    name: str
    aliases: tuple[str, ...] = Field(min_length=1)


class ExperienceSpec(_Frozen):
    full_strength_years: float = Field(default=8, gt=0)
    #: In a job's title: terms of relevant work ("Scrum Master"); titles of the role itself ("Head of IT").
    relevant_terms: tuple[str, ...] = ()
    role_titles: tuple[str, ...] = ()
    #: O*NET-SOC codes ("15-1252.00") of the occupations whose work is relevant, and of the role itself
    #: (``role_years``); none given: those the model's title implies (docs/model-format.md).
    occupations: tuple[str, ...] = ()
    role_occupations: tuple[str, ...] = ()

    @field_validator("occupations", "role_occupations")
    @classmethod
    def _known_occupations(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        from .catalog.onet import occupation_titles

        unknown = [c for c in codes if c not in occupation_titles()]
        if unknown:
            raise ValueError(f"unknown O*NET-SOC occupation codes {unknown}; codes look like 15-1252.00 "
                             "(see resumematch/catalog/occupation_text.tsv)")
        return codes


#: Requirement fields that do not change what analysis finds: changing them only re-scores.
_NOT_MATCHING = {"weight", "kind", "satisfied_by", "mention_strength", "years"}


class RequirementModel(_Frozen):
    """A validated requirement model. ``sha256`` identifies its exact content."""

    name: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    title: str
    version: int | str = 1
    description: str = ""
    category_weights: dict[str, float]
    #: How a category's requirements combine: ``mean`` (weighted mean, the default) or
    #: ``best`` (the strongest one alone, for either/or lists such as certifications).
    category_modes: dict[str, CategoryMode] = {}
    experience: ExperienceSpec = ExperienceSpec()
    #: The weight of the resume's fit to the role's occupation beside the category weights
    #: (docs/scoring.md). None: the sum of the category weights, so fit and evidence count alike.
    fit_weight: float | None = Field(default=None, ge=0)
    #: The weight of the text fit, the resume's words against the model's own (docs/scoring.md).
    text_fit_weight: float = Field(default=0, ge=0)
    requirements: tuple[Requirement, ...] = Field(min_length=1)
    other_terms: tuple[OtherTerm, ...] = ()
    sha256: str = ""
    content: str = Field(default="", repr=False)

    @model_validator(mode="before")
    @classmethod
    def _resolve_catalog(cls, data: object) -> object:
        """Fill in ``catalog:`` references from the bundled catalogue (loaded only when used)."""
        from .catalog.refs import uses_catalog
        if not uses_catalog(data):
            return data
        from .catalog.refs import bundled_parts, expand_model
        return expand_model(data, bundled_parts())

    @field_validator("category_weights", "category_modes")
    @classmethod
    def _known_categories(cls, values: dict, info) -> dict:
        unknown = sorted(set(values) - set(CATEGORIES))
        if unknown:
            raise ValueError(f"unknown categories {unknown}; use {list(CATEGORIES)}")
        if info.field_name == "category_weights" and (
                any(w < 0 for w in values.values()) or not any(values.values())):
            raise ValueError("weights must be >= 0 and not all zero")
        return values

    @field_validator("requirements")
    @classmethod
    def _consistent(cls, requirements: tuple[Requirement, ...]) -> tuple[Requirement, ...]:
        ids = [r.id for r in requirements]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate requirement ids {dupes}")
        for req in requirements:
            alt = req.satisfied_by
            if alt and alt.requirement and alt.requirement not in ids:
                raise ValueError(f"{req.id}: satisfied_by names unknown requirement {alt.requirement!r}")
        return requirements

    @cached_property
    def by_id(self) -> dict[str, Requirement]:
        return {r.id: r for r in self.requirements}

    def matching_parts(self) -> dict[str, str]:
        """What decides the analysis, part by part (each requirement by id, ``other_terms``,
        ``experience.relevant_terms``, ``name``, the title and description, which the text fit reads):
        phrases, fields, thresholds, labels and sources, not weights, kinds, ``satisfied_by`` or
        ``mention_strength``."""
        parts = {r.id: r.model_dump(exclude=_NOT_MATCHING) for r in self.requirements}
        parts.update({"other_terms": [t.model_dump() for t in self.other_terms],
                      "experience.relevant_terms": list(self.experience.relevant_terms),
                      "experience.occupations": list(self.experience.occupations),
                      "experience.role_occupations": list(self.experience.role_occupations),
                      "experience.role_titles": list(self.experience.role_titles),
                      "title": self.title, "description": self.description, "name": self.name})
        return {k: json.dumps(v, sort_keys=True) for k, v in parts.items()}

    def matching_hash(self) -> str:
        """Hash of what decides the analysis (``matching_parts``, in model order), not the weights:
        a model that differs only in weights reuses cached analyses."""
        return hashlib.sha256(json.dumps(list(self.matching_parts().items())).encode()).hexdigest()


def bundled_models_dir() -> Path:
    """Folder of the models shipped with the package (or the source tree's ``models/``)."""
    packaged = Path(str(resources.files("resumematch"))) / "models"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "models"


def available_models() -> list[str]:
    """Names of the bundled requirement models."""
    return sorted(p.stem for p in bundled_models_dir().glob("*.yaml"))


def load_model(name_or_path: str | Path = "it_project_manager") -> RequirementModel:
    """Load and validate a requirement model by bundled name or by file path.

    Raises ``ModelError`` naming the file, the line and the fix of every problem; warns
    (``ModelWarning``) about parts that load but probably do not do what was meant.
    """
    model, problems = check_model(name_or_path)
    for problem in problems:
        warnings.warn(str(problem), ModelWarning, stacklevel=2)
    return model


def check_model(name_or_path: str | Path) -> tuple[RequirementModel, list[Problem]]:
    """Validate a model file: the model and its warnings, or ``ModelError`` with every error."""
    path = _model_path(name_or_path)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ModelError(f"{path} is not UTF-8 text", hint="save the model file as UTF-8") from None
    except OSError as exc:
        raise ModelError(f"cannot read model file {path}: {exc.strerror or exc}",
                         hint="check that it is a file you may read") from None
    file = str(path)
    try:
        data, lines = load_yaml(text)
    except Exception as exc:  # ruamel raises many types; all mean "not valid YAML"
        mark = getattr(exc, "problem_mark", None)
        where = f"{file} line {mark.line + 1}" if mark else file
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ModelError(f"{where}: not valid YAML: {what}",
                         hint="check the indentation, colons and quotes there") from None
    if not isinstance(data, dict):
        raise ModelError(f"{file}: a requirement model must be a YAML mapping (name:, title:, requirements: ...)",
                         hint="see docs/model-format.md")
    problems = raw_problems(data, lines, file)
    try:
        model = RequirementModel(**data, sha256=hashlib.sha256(raw).hexdigest(), content=text)
    except ValidationError as exc:
        problems += [translate(e, data, lines, file, RequirementModel) for e in validation_errors(exc, bool(problems))]
        raise as_error(problems) from None
    except TypeError as exc:
        raise ModelError(f"{file}: {exc}", hint="every key must be a word, see docs/model-format.md") from None
    problems = sorted(problems + meaning_problems(model, lines, file), key=lambda p: p.line or 0)
    if any(p.severity == Severity.ERROR for p in problems):
        raise as_error(problems)
    return model, problems


def _model_path(name_or_path: str | Path) -> Path:
    path = Path(name_or_path)
    if not path.suffix and not path.exists():
        path = bundled_models_dir() / f"{name_or_path}.yaml"
        if not path.exists():
            raise ModelNotFoundError(f"no requirement model named {str(name_or_path)!r}; bundled models: "
                                     f"{', '.join(available_models())}",
                                     hint="give a bundled model's name or the path of a model YAML file")
    if path.is_dir():
        raise ModelError(f"model {path} is a folder", hint="give the path of a model YAML file")
    if not path.exists():
        raise ModelNotFoundError(f"requirement model file not found: {path}", hint="check the path")
    return path

