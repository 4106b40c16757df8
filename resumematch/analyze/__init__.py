"""Stage 2: a ``Document`` to evidence. The only package that imports spaCy.

The values it produces (``Analysis``, ``Entity``, ``Period``, ``Candidate``) are plain frozen
dataclasses importable without spaCy; ``Analyzer`` loads spaCy on first use.
"""

from .values import Analysis, Candidate, Entity, Period, pipeline_hash

_LAZY = {"Analyzer": "analyzer", "build_pipeline": "analyzer"}


def __getattr__(name: str):
    # spaCy loads only when a pipeline is wanted: scoring, reports and forked workers stay light.
    if name in _LAZY:
        import importlib

        from . import _spacy  # noqa: F401  (spaCy without its command line, before the pipeline imports it)

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Analysis", "Analyzer", "Candidate", "Entity", "Period", "build_pipeline", "pipeline_hash"]
