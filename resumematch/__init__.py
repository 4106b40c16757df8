"""resumematch: explainable resume screening against a role's requirement model.

The flow runs one way: ``extract`` (file to Document), analysis (spaCy),
matching against a requirement model, scoring, then ranking and reports.
"""

from typing import TYPE_CHECKING

from ._version import __version__
from .errors import (
    CacheError,
    CatalogError,
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
from .extraction import Document, ExtractOptions, extract

_LAZY = {"RequirementModel": "model", "load_model": "model", "check_model": "model", "draft_model": "draft",
         "Result": "score.result", "Screener": "run.screener", "Screening": "report.screening"}

if TYPE_CHECKING:  # what editors and type checkers see; at run time these load on first use
    from .draft import draft_model
    from .model import RequirementModel, check_model, load_model
    from .report.screening import Screening
    from .run.screener import Screener
    from .score.result import Result


def __getattr__(name: str):
    # Imported on first use, so that extraction workers start without pandas or pydantic.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """Every public name, also those loaded on first use, beside the module's own."""
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "CacheError",
    "CatalogError",
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
    "check_model",
    "draft_model",
    "extract",
    "load_model",
]
