"""The catalogue requirement models share: credentials, degrees and fields of study, technical
and soft skills, as curated, versioned data files in this folder, loaded into frozen, validated objects.

``load_catalog()`` reads the bundled catalogue once per process (later calls return the same
object); ``load_catalog(folder)`` reads another copy, such as an edited one. A broken file raises
``CatalogError`` naming the file and the field.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from .credentials import Credential, CredentialCatalog, Family, Issuer
from .degrees import Degree, DegreeCatalog, LevelWords, StudyField
from .skills import Skill, SkillCatalog, SkillPattern
from .technology import ATTRIBUTION, Commodity, Occupation, Technology, TechnologyCatalog, load_technology
from .terms import Frozen, Term, read_yaml, term_key, validate

__all__ = [
    "ATTRIBUTION", "Catalog", "Commodity", "Credential", "CredentialCatalog", "Degree", "DegreeCatalog",
    "Family", "Issuer", "LevelWords", "Occupation", "Skill", "SkillCatalog", "SkillPattern", "StudyField",
    "Technology", "TechnologyCatalog", "Term",
    "catalog_dir", "load_catalog", "term_key",
]

#: The files whose bytes make up the catalogue, in the order ``Catalog.sha256`` hashes them.
FILES = ("credentials.yaml", "degrees.yaml", "technology_aliases.yaml", "technology.tsv", "commodities.tsv",
         "occupations.tsv", "skills.yaml")


class Catalog(Frozen):
    """The whole catalogue. ``version`` is "credentials.degrees.technology.skills", each part the
    ``version`` of its file (raised by hand on every change); ``sha256`` identifies the exact bytes."""

    version: str
    sha256: str
    credentials: CredentialCatalog
    degrees: DegreeCatalog
    technology: TechnologyCatalog
    skills: SkillCatalog


def catalog_dir() -> Path:
    """The folder the bundled catalogue files sit in."""
    return Path(__file__).resolve().parent


def _read(folder: Path) -> Catalog:
    credentials = validate(CredentialCatalog, read_yaml(folder / "credentials.yaml"), folder / "credentials.yaml")
    degrees = validate(DegreeCatalog, read_yaml(folder / "degrees.yaml"), folder / "degrees.yaml")
    technology = load_technology(folder)
    skills = validate(SkillCatalog, read_yaml(folder / "skills.yaml"), folder / "skills.yaml")
    digest = hashlib.sha256()
    for name in FILES:
        digest.update((folder / name).read_bytes())
    return Catalog(version=f"{credentials.version}.{degrees.version}.{technology.version}.{skills.version}",
                   sha256=digest.hexdigest(), credentials=credentials, degrees=degrees, technology=technology,
                   skills=skills)


@cache
def _bundled() -> Catalog:
    return _read(catalog_dir())


def load_catalog(folder: str | Path | None = None) -> Catalog:
    """The validated catalogue: the bundled one (read once, then cached) or the one in ``folder``."""
    return _bundled() if folder is None else _read(Path(folder))
