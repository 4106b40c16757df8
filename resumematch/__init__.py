"""resumematch: explainable resume screening against a role's requirement model.

The flow runs one way: ``extract`` (file to Document), analysis (spaCy),
matching against a requirement model, scoring, then ranking and reports.
"""

from ._version import __version__
from .errors import (
    CacheError,
    ClusterError,
    DataError,
    InputError,
    ModelError,
    ModelNotFoundError,
    ModelWarning,
    RescoreError,
    ResumeMatchError,
    ResumeMatchWarning,
    WorkerError,
)
from .extract import Document, ExtractOptions, extract

_LAZY = {"RequirementModel": "model", "load_model": "model", "draft_model": "draft", "Result": "score.result",
         "Screener": "run.screener", "Screening": "report.screening"}


def __getattr__(name: str):
    # Imported on first use, so that extraction workers start without pandas or pydantic.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CacheError",
    "ClusterError",
    "DataError",
    "Document",
    "ExtractOptions",
    "InputError",
    "ModelError",
    "ModelNotFoundError",
    "ModelWarning",
    "ResumeMatchWarning",
    "RequirementModel",
    "RescoreError",
    "Result",
    "ResumeMatchError",
    "Screener",
    "Screening",
    "WorkerError",
    "__version__",
    "draft_model",
    "extract",
    "load_model",
]
