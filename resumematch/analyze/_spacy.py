"""spaCy imported without its command line.

``import spacy`` imports ``spacy.cli`` for one name, ``spacy.info``, and with it requests, httpx,
rich, jinja2 and weasel: 0.18 s of spaCy's 0.35 s import, paid again in every worker, for code a
pipeline never runs. While spaCy's package loads, ``spacy.cli.info`` is a stand-in whose ``info``
imports the real one when called; afterwards ``import spacy.cli``, or ``spacy.cli`` itself, loads the
real package.
"""

from __future__ import annotations

import sys
import types


def _info(*args, **kwargs):
    """``spacy.info``, from spaCy's command line, loaded now."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _command_line(name: str) -> types.ModuleType:
    """``spacy.cli`` on first use (``spacy.cli.download(...)`` in a user's script after ours imported
    spaCy), as spaCy's own import would have set it."""
    if name == "cli":
        import importlib

        return importlib.import_module("spacy.cli")
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


def _load() -> None:
    if "spacy" in sys.modules:
        return
    stand_ins = {name: types.ModuleType(name) for name in ("spacy.cli", "spacy.cli.info")}
    stand_ins["spacy.cli.info"].info = _info
    if any(name in sys.modules for name in stand_ins):
        return
    sys.modules.update(stand_ins)
    try:
        import spacy
    finally:
        for name in stand_ins:
            sys.modules.pop(name, None)
    if "cli" not in vars(spacy) and "__getattr__" not in vars(spacy):
        spacy.__getattr__ = _command_line


_load()
