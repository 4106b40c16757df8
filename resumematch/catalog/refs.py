"""Catalogue references in a requirement model: a requirement that says ``catalog: cert.pmp`` (or a
list of ids) gets what the catalogue knows, on plain YAML data before the model validates it.

- aliases: every spelling of the entry, then the model's own aliases; a credential's spellings
  marked ambiguous ("CSM", "CAPM") go to ``context_only``, so they count only in credential context;
- the credentials that supersede it (A-CSM for CSM): when the model asks for one of them too, the
  requirement is ``satisfied_by`` it; otherwise its spellings are aliases, since a holder meets it;
- its near misses (PSM for CSM) become ``other_terms``, so fuzzy matching never counts them for it
  (not their spellings that are also places or words, "CA" for California, which nothing guards there);
- a soft skill's mentions, evidence phrases, patterns and ``mention_strength``;
- a technology's O*NET name, our aliases and its ``same_as`` names; spellings that are also
  ordinary words ("Excel", "Go") go to ``context_only``, so they count only where they read as the
  tool (``analyze.rules.tools.tool_status``).

What the model writes itself (label, category, kind, aliases, ...) is kept; lists add up. A degree
requirement may list ``families`` of fields (``computing``), which become the families' fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

import pydantic
import pydantic_core
import yaml

from ..types import Category, FieldFamily
from . import Catalog, catalog_dir, load_catalog
from .credentials import Credential, CredentialCatalog
from .degrees import DegreeCatalog
from .kept import kept
from .skills import Skill, SkillCatalog
from .technology import Technology, TechnologyCatalog
from .terms import read_yaml, term_key, validate

PREFIXES = {"cert": Category.CERTIFICATION, "soft": Category.SOFT_SKILLS, "tech": Category.TECHNICAL_SKILLS}


def tech_slug(name: str) -> str:
    """The id part of a technology: its O*NET name in lower case, ``+`` as plus, ``#`` as sharp."""
    text = name.casefold().replace("+", " plus ").replace("#", " sharp ")
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def uses_catalog(data: Any) -> bool:
    """Whether raw model data references the catalogue anywhere (only then is it loaded): a
    ``catalog:`` id, or a degree, whose fields take the catalogue's spellings."""
    if not isinstance(data, dict):
        return False
    items = [*(data.get("requirements") or []), *(data.get("other_terms") or [])]
    return any(isinstance(item, dict) and ("catalog" in item or isinstance(item.get("degree"), dict))
               for item in items if isinstance(item, dict))


@dataclass(frozen=True)
class _YamlParts:
    credentials: CredentialCatalog
    degrees: DegreeCatalog
    skills: SkillCatalog


def _read_yaml_parts() -> _YamlParts:
    def read(kind, name: str):
        return validate(kind, read_yaml(catalog_dir() / name), catalog_dir() / name)

    return _YamlParts(read(CredentialCatalog, "credentials.yaml"), read(DegreeCatalog, "degrees.yaml"),
                      read(SkillCatalog, "skills.yaml"))


class Parts:
    """The catalogue files references read, loaded on first use: the credentials, degrees and
    skills together, as an earlier process kept them (``kept``: 4 ms, where reading and validating
    their YAML takes 50 ms of every ``load_model``); the technologies (8,700 O*NET rows, seconds to
    validate) only when a model names one."""

    @cached_property
    def _yaml(self) -> _YamlParts:
        # the versions from the modules, loaded by now: their installed metadata takes 8-18 ms to look up
        versions = f"pydantic={pydantic.VERSION}|pydantic-core={pydantic_core.__version__}|yaml={yaml.__version__}"
        return kept("catalog-parts", _read_yaml_parts, _YamlParts, built_from=(".py", ".yaml"), versions=versions,
                    apart=False)

    @property
    def credentials(self) -> CredentialCatalog:
        return self._yaml.credentials

    @property
    def degrees(self) -> DegreeCatalog:
        return self._yaml.degrees

    @property
    def skills(self) -> SkillCatalog:
        return self._yaml.skills

    @cached_property
    def technology(self) -> TechnologyCatalog:
        return load_catalog().technology


@cache
def bundled_parts() -> Parts:
    """The bundled catalogue's parts, shared by every model loaded in this process."""
    return Parts()


def expand_model(data: dict, catalog: Catalog | Parts) -> dict:
    """``data`` with every catalogue reference filled in; ``ValueError`` naming the requirement and
    the id when a reference is unknown."""
    reqs = data.get("requirements")
    if not isinstance(reqs, list):
        return data
    lookup = _Lookup(catalog)
    held: dict[str, str] = {}  # credential id -> the requirement that references it
    for req in reqs:
        if isinstance(req, dict):
            for ref in _ids(req):
                if ref.startswith("cert."):
                    held.setdefault(ref, str(req.get("id")))
    expanded = [_requirement(req, i, lookup, held) if isinstance(req, dict) else req for i, req in enumerate(reqs)]
    others = [_other(t, i, lookup) if isinstance(t, dict) and "catalog" in t else t
              for i, t in enumerate(data.get("other_terms") or [])]
    taken = {term_key(a) for r in expanded if isinstance(r, dict) for a in r.get("aliases") or [] if isinstance(a, str)}
    taken |= {term_key(a) for t in others if isinstance(t, dict) for a in t.get("aliases") or [] if isinstance(a, str)}
    covered = set(held) | {c for cid in held for c in catalog.credentials.satisfying(cid)}
    for cid in held:
        for miss in catalog.credentials.by_id[cid].near_misses:
            if miss in covered:
                continue
            covered.add(miss)
            cred = catalog.credentials.by_id[miss]
            # not a spelling that is also a place or a word ("CA": California), which no requirement's
            # context guards here: it would be found in "Sacramento, CA" and read as a credential held
            aliases = [t.text for t in cred.terms if t.key not in taken and not t.ambiguous]
            if aliases:
                others.append({"category": str(Category.CERTIFICATION), "name": _label(cred), "aliases": aliases})
    out = {**data, "requirements": expanded}
    if others:
        out["other_terms"] = others
    return out


class _Lookup:
    def __init__(self, catalog: Catalog | Parts) -> None:
        self.catalog = catalog
        self._tech: dict[str, Technology] | None = None

    def entry(self, ref: str, where: str) -> Credential | Skill | Technology:
        prefix = ref.split(".", 1)[0]
        found: Credential | Skill | Technology | None = None
        if prefix == "cert":
            found = self.catalog.credentials.by_id.get(ref)
        elif prefix == "soft":
            found = self.catalog.skills.by_id.get(ref)
        elif prefix == "tech":
            if self._tech is None:
                self._tech = {tech_slug(t.name): t for t in self.catalog.technology.technologies}
            found = self._tech.get(ref.split(".", 1)[1])
        if found is None:
            raise ValueError(f"{where}: catalog names {ref!r}, which is not in the catalogue "
                             "(ids start cert., soft. or tech.; see resumematch/catalog/README.md)")
        return found


def _ids(item: dict) -> list[str]:
    refs = item.get("catalog")
    if refs is None:
        return []
    refs = [refs] if isinstance(refs, str) else refs
    if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
        raise ValueError(f"requirement {item.get('id')!r}: catalog is an id or a list of ids")
    return refs


def _label(entry: Credential | Skill | Technology) -> str:
    if isinstance(entry, Credential) and entry.acronyms and entry.acronyms[0].text not in entry.name:
        return f"{entry.name} ({entry.acronyms[0].text})"
    return entry.name


def _merge(first: list[str], then: list) -> list:
    """``first`` then ``then``, each phrase once (compared without case, so spellings that differ
    only in spacing, such as "ScrumMaster" and "Scrum Master", both stay)."""
    seen, out = set(), []
    for phrase in [*first, *then]:
        key = " ".join(phrase.casefold().split()) if isinstance(phrase, str) else id(phrase)
        if key not in seen:
            seen.add(key)
            out.append(phrase)
    return out


def _requirement(req: dict, index: int, lookup: _Lookup, held: dict[str, str]) -> dict:
    out = dict(req)
    degree = req.get("degree")
    if isinstance(degree, dict) and ("families" in degree or degree.get("fields")):
        out["degree"] = _degree(degree, lookup.catalog)
    refs = _ids(req)
    if not refs:
        return out
    where = f"requirements[{index}] (id {req.get('id')})"
    entries = [lookup.entry(ref, where) for ref in refs]
    prefixes = {ref.split(".", 1)[0] for ref in refs}
    if len(prefixes) > 1:
        raise ValueError(f"{where}: catalog mixes kinds of entry {sorted(prefixes)}; reference one kind")
    out.setdefault("category", str(PREFIXES[prefixes.pop()]))
    out.setdefault("label", _label(entries[0]))
    aliases: list[str] = []
    context: list[str] = []
    evidence: list[str] = []
    patterns: list[dict] = []
    creds = lookup.catalog.credentials
    for ref, entry in zip(refs, entries):
        if isinstance(entry, Credential):
            above = sorted(creds.satisfying(ref) - {ref})
            in_model = [held[c] for c in above if c in held and held[c] != req.get("id")]
            if in_model and "satisfied_by" not in out:
                out["satisfied_by"] = {"requirement": in_model[0],
                                       "note": f"{in_model[0]} supersedes {ref} (catalogue)"}
            for cred in [entry, *(creds.by_id[c] for c in above if c not in held)]:
                terms = [t for t in cred.terms if not _shared_with_near_miss(t, cred, creds)]
                aliases += [t.text for t in terms]
                context += [t.text for t in terms if t.ambiguous]
        elif isinstance(entry, Skill):
            aliases += list(entry.mentions)
            evidence += list(entry.evidence)
            patterns += [p.model_dump() for p in entry.patterns]
            out.setdefault("mention_strength", lookup.catalog.skills.mention_strength)
        else:
            # a name that is also an everyday word ("Excel") counts only where it reads as the tool;
            # a suite is shown by any of its parts ("Excel" for Microsoft Office)
            by_name = lookup.catalog.technology.by_name
            for tech in (entry, *(by_name[p] for p in entry.parts)):
                aliases += [t.text for t in tech.terms] + list(tech.same_as)
                context += [t.text for t in tech.terms if t.ambiguous]
    local = list(req.get("aliases") or [])
    out["aliases"] = _merge(aliases, local)
    if context or req.get("context_only"):
        kept = {" ".join(a.casefold().split()): a for a in out["aliases"] if isinstance(a, str)}
        out["context_only"] = _merge([kept.get(" ".join(c.casefold().split()), c) for c in context],
                                     list(req.get("context_only") or []))
    if evidence:
        out["evidence"] = _merge(evidence, list(req.get("evidence") or []))
    if patterns:
        out["patterns"] = patterns + list(req.get("patterns") or [])
    return out


def _shared_with_near_miss(term, cred: Credential, creds) -> bool:
    """Whether a shared spelling ("Scrum Master certification") also names a credential people
    confuse with ``cred`` (PSM I for CSM): then it cannot tell the two apart and is left out,
    unless the catalogue marks ``cred`` its usual owner ("CPA" alone is the U.S. CPA)."""
    if not term.shared or term.usual:
        return False
    return any(other.id in cred.near_misses for other in creds.lookup(term.text))


def _degree(degree: dict, catalog: Catalog | Parts) -> dict:
    """A degree's fields with every spelling the catalogue knows of each ("Accounting":
    "accountancy"), and the fields of its ``families``."""
    out = {k: v for k, v in degree.items() if k != "families"}
    families = degree.get("families") or []
    families = families if isinstance(families, list) else [families]
    try:
        chosen = [FieldFamily(f) for f in families]
    except ValueError:
        raise ValueError(f"degree families {families}: use {[str(f) for f in FieldFamily]}") from None
    named = list(degree.get("fields") or [])
    # a field named as the catalogue names it brings its spellings; one named by a spelling of a
    # broader field ("it project management", of Project Management) brings nothing more
    known = [fld for f in named if isinstance(f, str) and (fld := catalog.degrees.field(f)) is not None
             and fld.name.casefold() == f.strip().casefold()]
    spellings = [t.text for fld in known for t in fld.terms if not t.ambiguous]
    names = [t.text for fam in chosen for fld in catalog.degrees.fields_in(fam) for t in fld.terms if not t.ambiguous]
    out["fields"] = _merge(named, spellings + names)
    return out


def _other(term: dict, index: int, lookup: _Lookup) -> dict:
    refs = _ids(term)
    entries = [lookup.entry(ref, f"other_terms[{index}]") for ref in refs]
    out = {k: v for k, v in term.items() if k != "catalog"}
    if entries:
        out.setdefault("category", str(PREFIXES[refs[0].split(".", 1)[0]]))
        out.setdefault("name", _label(entries[0]))
        spellings = [t.text for e in entries for t in (e.terms if not isinstance(e, Skill) else ()) if not t.ambiguous]
        out["aliases"] = _merge(spellings, list(term.get("aliases") or []))
    return out
