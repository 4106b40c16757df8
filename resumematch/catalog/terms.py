"""What every catalogue file shares: frozen models, the ``Term`` (one way a name is written) and
the key that decides when two spellings are the same name."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from yaml import YAMLError

from .._yaml import loads as yaml_loads
from ..errors import CatalogError

#: Ids of credentials, degrees and fields: lower-case words joined by dots (``cert.pmp``).
ID_PATTERN = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$"
#: Ids of issuers and families: one lower-case word (``pmi``, ``prince2``).
SLUG_PATTERN = r"^[a-z][a-z0-9_]*$"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def term_key(text: str) -> str:
    """The form two spellings share when they are the same name: case, spacing, dots, hyphens and
    slashes do not tell names apart ("B.Sc." = "BSc", "PMI-ACP" = "PMI ACP"), while ``+`` and
    ``#`` do ("C" is not "C++", "Network+" is not "Network")."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum() or ch in "+#")


class Term(Frozen):
    """One way a name is written, as an acronym or an alias.

    ``ambiguous`` marks a spelling that is also an ordinary word, a person's or company's name, a
    place or another field's abbreviation ("CSM", "BLS", "MS"): a matcher should accept it only
    in credential or degree context, and ``why`` says in one line what it collides with.
    ``shared`` marks a spelling that rightly names more than one entry ("CMA", "CPA"); ``usual``
    marks the entry such a spelling names when it is written alone, of entries people confuse
    ("CPA" alone is the U.S. Certified Public Accountant; "CPA, CA" the Canadian one).
    ``capitals`` marks an ambiguous acronym whose other sense is never written in capitals ("SAP":
    the plant's sap): written so, it reads as the name wherever a capitalised name would.
    In YAML a plain string is a term with no mark.
    """

    text: str = Field(min_length=1)
    ambiguous: bool = False
    why: str = ""
    shared: bool = False
    usual: bool = False
    capitals: bool = False

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        return {"text": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _why_goes_with_ambiguous(self) -> Term:
        if not term_key(self.text):
            raise ValueError(f"{self.text!r} has no letters or digits")
        if self.ambiguous and not self.why.strip():
            raise ValueError(f"{self.text!r} is ambiguous: say why in one line")
        if self.why and not self.ambiguous:
            raise ValueError(f"{self.text!r} has a 'why' but is not marked ambiguous")
        if self.usual and not self.shared:
            raise ValueError(f"{self.text!r} is marked usual but not shared: only a shared spelling has a usual owner")
        if self.capitals and not (self.ambiguous and self.text.isupper()):
            raise ValueError(f"{self.text!r} is marked capitals: only an ambiguous spelling in capitals can be")
        return self

    @property
    def key(self) -> str:
        return term_key(self.text)


def marked_ambiguous(text: str, terms: list[Term]) -> bool:
    """Whether ``text`` is an ambiguous spelling among ``terms`` (those sharing its key): the term
    written exactly so decides ("B.S." need not be ambiguous when "BS" is), else any of them."""
    exact = [t for t in terms if t.text == text.strip()]
    return any(t.ambiguous for t in exact or terms)


def read_yaml(path: Path) -> dict:
    """The mapping in a catalogue YAML file; ``CatalogError`` naming the file when it is not one."""
    try:
        data = yaml_loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{path}: cannot read: {exc}") from None
    except YAMLError as exc:
        raise CatalogError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise CatalogError(f"{path}: a catalogue file must be a YAML mapping")
    return data


def validate(cls: type[BaseModel], data: dict, where: str | Path) -> Any:
    """``cls`` built from ``data``; a ``CatalogError`` listing each bad field of ``where`` if it fails."""
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        lines = [f"{where}: invalid catalogue"]
        for err in exc.errors()[:20]:
            loc = ".".join(str(part) for part in err["loc"])
            lines.append(f"  field {loc}: {err['msg']}")
        raise CatalogError("\n".join(lines)) from None
