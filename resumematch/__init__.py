"""resumematch: explainable resume screening against a role's requirement model.

The flow runs one way: ``extract`` (file to Document), analysis (spaCy),
matching against a requirement model, scoring, then ranking and reports.
"""

from .errors import CacheError, InputError, ModelError, ModelNotFoundError, ResumeMatchError
from .extract import Document, ExtractOptions, extract
from .model import RequirementModel, load_model
from .screener import Result, Screener

__version__ = "0.1.0"

__all__ = [
    "CacheError",
    "Document",
    "ExtractOptions",
    "InputError",
    "ModelError",
    "ModelNotFoundError",
    "RequirementModel",
    "Result",
    "ResumeMatchError",
    "Screener",
    "__version__",
    "extract",
    "load_model",
]
