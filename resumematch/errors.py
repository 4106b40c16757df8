"""The one exception family of resumematch.

Every error the library raises on purpose derives from ``ResumeMatchError`` and
also from the builtin it resembles, so callers can catch either.
"""

from __future__ import annotations


class ResumeMatchError(Exception):
    """Base class for every error raised by resumematch."""


class ModelError(ResumeMatchError, ValueError):
    """A requirement model file is missing, unreadable or invalid."""


class ModelNotFoundError(ModelError, FileNotFoundError):
    """No requirement model exists under the given name or path."""


class CatalogError(ResumeMatchError, ValueError):
    """A catalogue file (credentials, degrees, technology) is missing, unreadable or invalid."""


class InputError(ResumeMatchError, ValueError):
    """An argument given to the library is unusable (not a bad resume file)."""


class CacheError(ResumeMatchError, RuntimeError):
    """The extraction cache could not be opened or rebuilt."""


class WorkerError(ResumeMatchError, RuntimeError):
    """A worker process could not start (not the fault of any one file)."""


class RescoreError(ResumeMatchError, ValueError):
    """A screening cannot be re-scored with a model whose phrases differ: the files must be analysed again."""
