"""The O*NET occupations as shipped (``occupation_text.tsv``): code, title and description.

Cheap to read, unlike the occupation background built from them (``catalog.occupations``): a model's
occupation codes are checked against this alone, so a run served from the cache never loads the
background's modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .technology import OCCUPATION_TEXT_COLUMNS, tsv_rows


@dataclass(frozen=True)
class OccupationText:
    """An O*NET occupation with its description."""

    code: str
    title: str
    description: str


def read_occupations(path: Path) -> list[OccupationText]:
    """The rows of ``occupation_text.tsv``."""
    return [OccupationText(*cells) for cells in tsv_rows(path, OCCUPATION_TEXT_COLUMNS)]


@cache
def occupation_titles() -> dict[str, str]:
    """Every O*NET-SOC code with its title (read once per process; cheap, unlike ``background``)."""
    from . import catalog_dir

    return {occ.code: occ.title for occ in read_occupations(catalog_dir() / "occupation_text.tsv")}
