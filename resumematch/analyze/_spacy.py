"""spaCy imported without its command line.

``import spacy`` imports ``spacy.cli`` for one name, ``spacy.info``, and with it requests, httpx,
rich, jinja2 and weasel: 0.18 s of spaCy's 0.35 s import, paid again in every worker, for code a
pipeline never runs. While spaCy's package loads, ``spacy.cli.info`` is a stand-in whose ``info``
imports the real one when called; afterwards ``import spacy.cli`` finds and loads the real package.
"""

from __future__ import annotations

import sys
import types


def _info(*args, **kwargs):
    """``spacy.info``, from spaCy's command line, loaded now."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _load() -> None:
    if "spacy" in sys.modules:
        return
    stand_ins = {name: types.ModuleType(name) for name in ("spacy.cli", "spacy.cli.info")}
    stand_ins["spacy.cli.info"].info = _info
    if any(name in sys.modules for name in stand_ins):
        return
    sys.modules.update(stand_ins)
    try:
        import spacy  # noqa: F401
    finally:
        for name in stand_ins:
            sys.modules.pop(name, None)


_load()
