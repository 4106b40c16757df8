"""Fast YAML 1.2 loading for models and the catalogue.

PyYAML's C loader (libyaml) reads our files about ten times faster than ruamel's pure-Python
one, which matters because every worker process loads the model and the catalogue. PyYAML
resolves plain scalars by YAML 1.1 rules, where ``no``, ``on`` and ``yes`` are booleans, ``010``
is octal and ``1:30`` is 90; the loader below resolves them by YAML 1.2's core schema instead,
as ruamel does, so a model gives the same values whichever loader reads it
(``tests/test_yaml.py`` holds this on every shipped file and on those traps).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import yaml

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_CORE_SCHEMA = (
    ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")),
    ("tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9][0-9_]*|0o[0-7]+|0x[0-9a-fA-F]+)$"),
     list("-+0123456789")),
    ("tag:yaml.org,2002:float", re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
     list("-+0123456789.")),
)


class CoreLoader(_BASE):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader with YAML 1.2 core-schema booleans, integers and floats."""


CoreLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}
for _tag, _regexp, _first in _CORE_SCHEMA:
    CoreLoader.add_implicit_resolver(_tag, _regexp, _first)


def _int(loader: CoreLoader, node: yaml.Node) -> int:
    value = loader.construct_scalar(node)
    if value.startswith(("0o", "0x")):
        return int(value, 0)
    return int(value.replace("_", ""))


CoreLoader.add_constructor("tag:yaml.org,2002:int", _int)


def loads(text: str) -> Any:
    """The plain Python values of a YAML 1.2 document (``yaml.YAMLError`` when it is not valid)."""
    return yaml.load(text, Loader=CoreLoader)  # noqa: S506 - CoreLoader is a SafeLoader


#: The 1-based line of each key and list item of a document, by its path of keys and indices.
Lines = dict[tuple, int]


class _LazyLines(dict):
    """The 1-based line of every key and list item, found on first use: ruamel's round-trip
    loader keeps each node's position but is slow, and a valid model seldom needs a line."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text: str | None = text

    def _fill(self) -> None:
        if self._text is not None:
            from srsly.ruamel_yaml import YAML

            text, self._text = self._text, None
            self[()] = 1
            _plain(YAML(typ="rt", pure=True).load(text), (), self)

    def __contains__(self, key) -> bool:
        self._fill()
        return super().__contains__(key)

    def __getitem__(self, key):
        self._fill()
        return super().__getitem__(key)

    def get(self, key, default=None):
        self._fill()
        return super().get(key, default)


def load_yaml(text: str) -> tuple[Any, Lines]:
    """Parse YAML (1.2, fast) into plain Python values, and the 1-based line of every key and
    list item (read when first asked for)."""
    return loads(text), _LazyLines(text)


def _plain(node: Any, loc: tuple, lines: Lines) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if hasattr(node, "lc"):
                lines[loc + (key,)] = node.lc.key(key)[0] + 1
            out[_plain(key, (), {})] = _plain(value, loc + (key,), lines)
        return out
    if isinstance(node, list):
        for i in range(len(node)):
            if hasattr(node, "lc"):
                lines[loc + (i,)] = node.lc.item(i)[0] + 1
        return [_plain(v, loc + (i,), lines) for i, v in enumerate(node)]
    for kind in (bool, int, float, str):  # ruamel's scalar subclasses become the builtins
        if isinstance(node, kind):
            return kind(node)
    return node


def line_of(lines: Lines, loc: Iterable) -> int | None:
    """The line of the deepest part of ``loc`` that the file has."""
    loc = tuple(loc)
    while loc not in lines:
        loc = loc[:-1]
    return lines[loc]
