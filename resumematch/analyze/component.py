"""The base of the resumematch spaCy components, in the mould of spaCy's ``span_ruler``.

A component finds things in a doc (``match``) and writes them onto it (``set_annotations``,
appending to ``doc._.rm_findings`` unless it writes something else). A component that holds
state (the model's phrases, patterns or fields) empties it with ``clear()`` first thing in each
``initialize()``, as spaCy's ``span_ruler`` does, and saves exactly what ``initialize()``
takes, so a pipeline loaded from disk or bytes, into itself or into one rebuilt from its config,
holds what it held, once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import srsly
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc

from .rules.extensions import Finding


class Component:
    """A pipeline step: ``match`` what is in the doc, then ``set_annotations``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> Any:
        """What this component finds in ``doc``."""
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: list[Finding]) -> Doc:
        """Append ``found`` to ``doc._.rm_findings`` (through ``merge``); returns the doc."""
        doc._.rm_findings = self.merge((doc._.rm_findings or []) + found)
        return doc

    def merge(self, findings: list[Finding]) -> list[Finding]:
        """The findings to keep once this component's are added: all of them."""
        return findings


class StatefulComponent(Component):
    """A component whose state comes from ``initialize()`` and is saved with the pipeline."""

    #: The file (in the component's folder) and the key (in its bytes) of the saved settings.
    SETTINGS = "settings"

    def clear(self) -> None:
        """Forget every entry, as before the first ``initialize()``."""
        raise NotImplementedError

    def settings(self) -> dict[str, Any]:
        """What ``initialize()`` takes to rebuild the present state (JSON-ready)."""
        raise NotImplementedError

    def initialize(self, get_examples=None, *, nlp: Language | None = None, **settings: Any) -> None:
        """Replace the state with the one ``settings`` describe: ``clear()``, then take them.
        Subclasses spell out their keywords, which spaCy checks against the config."""
        raise NotImplementedError

    def to_bytes(self, *, exclude: tuple[str, ...] = ()) -> bytes:
        """The settings as bytes (spaCy's msgpack of named parts)."""
        return util.to_bytes({self.SETTINGS: lambda: srsly.json_dumps(self.settings())}, exclude)

    def from_bytes(self, data: bytes, *, exclude: tuple[str, ...] = ()) -> StatefulComponent:
        """Replace the state with the one saved in ``data``; returns the component."""
        loaded: dict[str, Any] = {}
        util.from_bytes(data, {self.SETTINGS: lambda b: loaded.update(srsly.json_loads(b))}, exclude)
        self.initialize(nlp=self.nlp, **loaded)
        return self

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Write the settings to ``path/settings.json``."""
        util.to_disk(path, {f"{self.SETTINGS}.json": lambda p: srsly.write_json(p, self.settings())}, exclude)

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> StatefulComponent:
        """Replace the state with the one saved in ``path``; returns the component."""
        loaded: dict[str, Any] = {}
        util.from_disk(path, {f"{self.SETTINGS}.json": lambda p: loaded.update(srsly.read_json(p))}, exclude)
        self.initialize(nlp=self.nlp, **loaded)
        return self
