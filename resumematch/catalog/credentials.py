"""Credentials: certifications, licenses and certificates, with their issuers, ladders, the
credentials each one supersedes and the ones people confuse with it (``credentials.yaml``)."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import Any

from pydantic import Field, model_validator

from ..types import CredentialGroup, CredentialKind
from .terms import SLUG_PATTERN, Frozen, Term, marked_ambiguous, term_key


class Issuer(Frozen):
    """A body that grants credentials (PMI, CompTIA, a state board)."""

    id: str = Field(pattern=SLUG_PATTERN)
    name: str = Field(min_length=1)
    acronyms: tuple[Term, ...] = ()
    aliases: tuple[Term, ...] = ()


class Family(Frozen):
    """A ladder of credentials under one brand (PRINCE2: Foundation < Practitioner).

    Its own names ("PRINCE2", "PSM") say that some level is held, not which one.
    """

    id: str = Field(pattern=SLUG_PATTERN)
    name: str = Field(min_length=1)
    aliases: tuple[Term, ...] = ()


class Credential(Frozen):
    """One credential. ``supersedes`` lists the credentials whose requirement a holder of this one
    meets (the same track, a higher step: PMP supersedes CAPM). ``near_misses`` lists the
    credentials people confuse with it, which must never count for it (Network+ for Project+);
    the loader makes near misses mutual. ``level`` orders the credentials of one ``family``."""

    id: str = Field(pattern=r"^cert\.[a-z0-9_]+$")
    name: str = Field(min_length=1)
    issuer: str
    other_issuers: tuple[str, ...] = ()
    group: CredentialGroup
    kind: CredentialKind = CredentialKind.CERTIFICATION
    acronyms: tuple[Term, ...] = ()
    aliases: tuple[Term, ...] = ()
    family: str | None = None
    level: int | None = Field(default=None, ge=1)
    supersedes: tuple[str, ...] = ()
    near_misses: tuple[str, ...] = ()
    retired: bool = False
    note: str = ""

    @model_validator(mode="after")
    def _family_has_levels(self) -> Credential:
        if (self.family is None) != (self.level is None):
            raise ValueError(f"{self.id}: give both 'family' and 'level', or neither")
        for field in ("supersedes", "near_misses"):
            ids = getattr(self, field)
            if self.id in ids:
                raise ValueError(f"{self.id}: lists itself in {field}")
            if len(set(ids)) != len(ids):
                raise ValueError(f"{self.id}: repeats an id in {field}")
        return self

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every way the credential is written: its full name, acronyms and aliases."""
        return (Term(text=self.name), *self.acronyms, *self.aliases)


class CredentialCatalog(Frozen):
    """The validated ``credentials.yaml``."""

    version: int = Field(ge=1)
    issuers: tuple[Issuer, ...] = Field(min_length=1)
    families: tuple[Family, ...] = ()
    credentials: tuple[Credential, ...] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _near_misses_both_ways(cls, data: Any) -> Any:
        """People who confuse A with B confuse B with A: each near miss is added to the other side."""
        creds = data.get("credentials") if isinstance(data, dict) else None
        if not isinstance(creds, list) or not all(isinstance(c, dict) for c in creds):
            return data
        reverse: dict[str, list[str]] = defaultdict(list)
        for cred in creds:
            misses = cred.get("near_misses")
            for other in misses if isinstance(misses, list) else ():
                reverse[other].append(cred.get("id"))
        mutual = []
        for cred in creds:
            declared = cred.get("near_misses")
            declared = list(declared) if isinstance(declared, list) else declared
            added = [i for i in reverse.get(cred.get("id"), []) if isinstance(declared, list) and i not in declared]
            mutual.append({**cred, "near_misses": declared + added} if added else cred)
        return {**data, "credentials": mutual}

    @model_validator(mode="after")
    def _references_resolve(self) -> CredentialCatalog:
        for kind, ids in (("issuer", [i.id for i in self.issuers]), ("family", [f.id for f in self.families]),
                          ("credential", [c.id for c in self.credentials])):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"duplicate {kind} ids {dupes}")
        issuers, families, creds = {i.id for i in self.issuers}, {f.id for f in self.families}, self.by_id
        for cred in self.credentials:
            unknown = [i for i in (cred.issuer, *cred.other_issuers) if i not in issuers]
            unknown += [f for f in (cred.family,) if f is not None and f not in families]
            unknown += [i for i in (*cred.supersedes, *cred.near_misses) if i not in creds]
            if unknown:
                raise ValueError(f"{cred.id}: unknown issuer, family or credential {unknown}")
            for lower in cred.supersedes:
                other = creds[lower]
                if cred.family and other.family == cred.family and other.level >= cred.level:
                    raise ValueError(f"{cred.id} supersedes {lower}, which is not lower in family {cred.family}")
        self._check_acyclic()
        self._check_spellings()
        return self

    def _check_acyclic(self) -> None:
        state: dict[str, int] = {}

        def visit(cid: str, path: list[str]) -> None:
            state[cid] = 1
            for nxt in self.by_id[cid].supersedes:
                if state.get(nxt) == 1:
                    raise ValueError("supersedes goes round in a circle: " + " -> ".join(path + [cid, nxt]))
                if nxt not in state:
                    visit(nxt, path + [cid])
            state[cid] = 2

        for cid in self.by_id:
            if cid not in state:
                visit(cid, [])

    def _check_spellings(self) -> None:
        """A spelling may name two credentials (or a credential and a family) only when every use of
        it is marked ``shared``: otherwise a resume's "CMA" could not say which one it means."""
        owners: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        for cred in self.credentials:
            for term in cred.terms:
                owners[term.key][cred.id].append(term)
        for fam in self.families:
            for term in (Term(text=fam.name), *fam.aliases):
                owners[term.key][f"family {fam.id}"].append(term)
        for key, by_owner in owners.items():
            if len(by_owner) > 1 and not all(t.shared for terms in by_owner.values() for t in terms):
                raise ValueError(f"spelling {key!r} names {sorted(by_owner)}; mark each use 'shared: true' "
                                 "or keep it to one")
            usual = [owner for owner, terms in by_owner.items() if any(t.usual for t in terms)]
            if len(usual) > 1:
                raise ValueError(f"spelling {key!r} is marked usual for {sorted(usual)}; mark one at most")

    @cached_property
    def by_id(self) -> dict[str, Credential]:
        return {c.id: c for c in self.credentials}

    @cached_property
    def _by_key(self) -> dict[str, tuple[tuple[Credential, Term], ...]]:
        found: dict[str, list[tuple[Credential, Term]]] = defaultdict(list)
        for cred in self.credentials:
            for term in cred.terms:
                found[term.key].append((cred, term))
        return {key: tuple(pairs) for key, pairs in found.items()}

    def lookup(self, text: str) -> tuple[Credential, ...]:
        """The credentials a spelling names (by ``term_key``): none, one, or several for a shared one."""
        pairs = self._by_key.get(term_key(text), ())
        return tuple({cred.id: cred for cred, _ in pairs}.values())

    def is_ambiguous(self, text: str) -> bool:
        """Whether a spelling of a credential is marked ambiguous (to be accepted in credential context only)."""
        return marked_ambiguous(text, [term for _, term in self._by_key.get(term_key(text), ())])

    def family_of(self, text: str) -> Family | None:
        """The family a bare brand name ("PRINCE2", "PSM") names, if any."""
        key = term_key(text)
        return next((f for f in self.families if key in {term_key(f.name), *(t.key for t in f.aliases)}), None)

    def satisfying(self, cert_id: str) -> frozenset[str]:
        """Ids of the credentials whose holders meet a requirement for ``cert_id``: itself and every
        credential that supersedes it, directly or through others."""
        above: dict[str, set[str]] = defaultdict(set)
        for cred in self.credentials:
            for lower in cred.supersedes:
                above[lower].add(cred.id)
        found, todo = {cert_id}, [cert_id]
        while todo:
            for higher in above[todo.pop()] - found:
                found.add(higher)
                todo.append(higher)
        return frozenset(found)
