"""Technical skills: the tools and technologies of the O*NET Technology Skills file (derived by
``build.py`` into ``technology.tsv``, ``commodities.tsv`` and ``occupations.tsv``), joined with
our own aliases and ambiguity marks from ``technology_aliases.yaml``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

from pydantic import Field, model_validator

from ..errors import CatalogError
from .terms import Frozen, Term, marked_ambiguous, read_yaml, term_key, validate

#: The attribution the O*NET Database's CC BY 4.0 license asks of a product that uses it.
ATTRIBUTION = ("This product includes information from the O*NET Database by the U.S. Department of Labor, "
               "Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. "
               "USDOL/ETA has not approved, endorsed, or tested these modifications.")
TECHNOLOGY_COLUMNS = ("name", "commodities", "hot", "in_demand", "occupations")
CODE_TITLE_COLUMNS = ("code", "title")
OCCUPATION_TEXT_COLUMNS = (*CODE_TITLE_COLUMNS, "description")
#: A title people hold in an occupation, other than its O*NET title ("Help Desk Technician").
ALTERNATE_TITLE_COLUMNS = CODE_TITLE_COLUMNS
#: A task statement of an occupation ("Develop or update project plans ...").
OCCUPATION_TASK_COLUMNS = ("code", "task")
#: An occupation O*NET finds most closely related to another (its "Primary-Short" tier), closest first.
RELATED_OCCUPATION_COLUMNS = ("code", "related")


class Commodity(Frozen):
    """A UNSPSC commodity: the kind of software a technology is (Data base management system software)."""

    code: str = Field(pattern=r"^\d{8}$")
    title: str = Field(min_length=1)


class Occupation(Frozen):
    """An O*NET-SOC occupation."""

    code: str = Field(pattern=r"^\d\d-\d{4}\.\d\d$")
    title: str = Field(min_length=1)


class Technology(Frozen):
    """A tool or technology named in O*NET.

    ``commodities`` are UNSPSC codes, the one most occupations file it under first; ``hot`` is
    O*NET's Hot Technology mark (set when any occupation marks it); ``in_demand`` counts the
    occupations that mark it In Demand; ``occupations`` are the O*NET-SOC codes that list it.
    ``aliases``, ``ambiguous`` (the name is also an ordinary word: "Go", "R", "Slack"),
    ``same_as`` (other O*NET names for the same thing) and ``parts`` (the technologies of a suite,
    any of which shows it: Excel shows Microsoft Office) are ours.
    """

    name: str = Field(min_length=1)
    commodities: tuple[str, ...] = Field(min_length=1)
    hot: bool
    in_demand: int = Field(ge=0)
    occupations: tuple[str, ...] = Field(min_length=1)
    aliases: tuple[Term, ...] = ()
    ambiguous: bool = False
    why: str = ""
    same_as: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()

    @property
    def terms(self) -> tuple[Term, ...]:
        return (Term(text=self.name, ambiguous=self.ambiguous, why=self.why), *self.aliases)


class Curated(Frozen):
    """Our additions to one O*NET technology, as written in ``technology_aliases.yaml``."""

    name: str = Field(min_length=1)
    aliases: tuple[Term, ...] = ()
    ambiguous: bool = False
    why: str = ""
    same_as: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()


class CuratedFile(Frozen):
    version: int = Field(ge=1)
    technologies: tuple[Curated, ...] = Field(min_length=1)


class TechnologyCatalog(Frozen):
    """The O*NET technologies with our aliases; ``attribution`` is the notice the data requires."""

    version: int = Field(ge=1)
    attribution: str = Field(min_length=1)
    commodities: tuple[Commodity, ...] = Field(min_length=1)
    occupations: tuple[Occupation, ...] = Field(min_length=1)
    technologies: tuple[Technology, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> TechnologyCatalog:
        names = self.by_name
        if len(names) != len(self.technologies):
            raise ValueError("a technology name is listed twice")
        commodities, occupations = {c.code for c in self.commodities}, {o.code for o in self.occupations}
        for tech in self.technologies:
            unknown = [c for c in tech.commodities if c not in commodities]
            unknown += [o for o in tech.occupations if o not in occupations]
            unknown += [n for n in (*tech.same_as, *tech.parts) if n not in names or n == tech.name]
            if unknown:
                raise ValueError(f"{tech.name!r}: unknown commodity, occupation, same_as or parts {unknown}")
        owners: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        for tech in self.technologies:
            for term in tech.terms:
                owners[term.key][tech.name].append(term)
        for key, by_owner in owners.items():
            if len(by_owner) > 1 and not all(t.shared for terms in by_owner.values() for t in terms):
                raise ValueError(f"spelling {key!r} names {sorted(by_owner)}; mark each use 'shared: true'")
        return self

    @cached_property
    def by_name(self) -> dict[str, Technology]:
        return {t.name: t for t in self.technologies}

    @cached_property
    def _by_key(self) -> dict[str, list[tuple[Technology, Term]]]:
        found: dict[str, list[tuple[Technology, Term]]] = defaultdict(list)
        for tech in self.technologies:
            for term in tech.terms:
                found[term.key].append((tech, term))
        return found

    @cached_property
    def commodity_titles(self) -> dict[str, str]:
        return {c.code: c.title for c in self.commodities}

    def lookup(self, text: str) -> tuple[Technology, ...]:
        """The technologies a name or alias stands for ("MSSQL" -> Microsoft SQL Server)."""
        pairs = self._by_key.get(term_key(text), ())
        return tuple({tech.name: tech for tech, _ in pairs}.values())

    def named_in_capitals(self, text: str) -> bool:
        """Whether ``text`` is an acronym the catalogue marks ``capitals``, written so ("SAP"): in
        capitals it reads as the tool wherever a capitalised name does."""
        return text.isupper() and any(t.capitals and t.text == text for _, t in self._by_key.get(term_key(text), ()))

    def is_ambiguous(self, text: str) -> bool:
        """Whether a technology's name or alias is marked ambiguous ("Go", "R": a skill only in context)."""
        return marked_ambiguous(text, [term for _, term in self._by_key.get(term_key(text), ())])


def read_tsv(path: Path, columns: tuple[str, ...]) -> tuple[list[str], list[dict[str, str]]]:
    """The ``# `` comment lines and the rows of a derived TSV file whose header is ``columns``."""
    comments: list[str] = []
    return comments, [dict(zip(columns, cells)) for cells in tsv_rows(path, columns, comments)]


def tsv_rows(path: Path, columns: tuple[str, ...], comments: list[str] | None = None) -> Iterator[list[str]]:
    """The cells of each row of a derived TSV file whose header is ``columns``, read one line at a
    time (the occupation background reads 80,000 rows it keeps little of); its ``# `` comment lines
    go to ``comments``."""
    header, number = None, 1
    try:
        with path.open(encoding="utf-8") as fh:
            for line in (part for raw in fh for part in raw.splitlines()):
                if line.startswith("# ") and comments is not None:
                    comments.append(line[2:])
                if not line or line.startswith("#"):
                    continue
                cells = line.split("\t")
                if header is None:
                    header = tuple(cells)
                    if header != columns:
                        break
                    continue
                number += 1
                if len(cells) != len(columns):
                    raise CatalogError(f"{path}: row {number} has {len(cells)} cells, not {len(columns)}")
                yield cells
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{path}: cannot read: {exc}") from None
    if header != columns:
        raise CatalogError(f"{path}: the header row must be {' '.join(columns)}")


def load_technology(folder: Path) -> TechnologyCatalog:
    """The technology catalogue from the derived TSV files and the curated aliases in ``folder``."""
    comments, rows = read_tsv(folder / "technology.tsv", TECHNOLOGY_COLUMNS)
    if ATTRIBUTION not in comments:
        raise CatalogError(f"{folder / 'technology.tsv'}: the O*NET attribution is missing")
    curated_path = folder / "technology_aliases.yaml"
    curated: CuratedFile = validate(CuratedFile, read_yaml(curated_path), curated_path)
    extra = {c.name: c for c in curated.technologies}
    if len(extra) != len(curated.technologies):
        raise CatalogError(f"{curated_path}: a technology is listed twice")
    missing = sorted(set(extra) - {row["name"] for row in rows})
    if missing:
        raise CatalogError(f"{curated_path}: not O*NET technology names: {missing}")
    techs = []
    for row in rows:
        mine = extra.get(row["name"])
        techs.append({
            "name": row["name"], "commodities": row["commodities"].split(";"), "hot": row["hot"],
            "in_demand": row["in_demand"], "occupations": row["occupations"].split(";"),
            **(mine.model_dump(exclude={"name"}) if mine else {}),
        })
    data = {"version": curated.version, "attribution": ATTRIBUTION, "technologies": techs,
            "commodities": read_tsv(folder / "commodities.tsv", CODE_TITLE_COLUMNS)[1],
            "occupations": read_tsv(folder / "occupations.tsv", CODE_TITLE_COLUMNS)[1]}
    return validate(TechnologyCatalog, data, folder / "technology.tsv")
