"""The one exception family of resumematch.

Every error the library raises on purpose derives from ``ResumeMatchError`` and
also from the builtin it resembles, so callers can catch either.
"""

from __future__ import annotations


class ResumeMatchError(Exception):
    """Base class for every error raised by resumematch.

    ``str(error)`` says what went wrong; ``hint``, when known, how to fix it.
    """

    def __init__(self, message: str = "", *, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


class ModelError(ResumeMatchError, ValueError):
    """A requirement model file is missing, unreadable or invalid.

    ``problems`` holds every problem found (``resumematch.model.Problem``: file, line, message,
    fix); the message names the first, or all of them for an invalid file.
    """

    def __init__(self, message: str = "", *, hint: str = "", problems: tuple = ()) -> None:
        super().__init__(message, hint=hint)
        self.problems = tuple(problems)


class ResumeMatchWarning(UserWarning):
    """Base class of resumematch's warnings: the work goes on, but something needs a look."""


class ModelWarning(ResumeMatchWarning):
    """A requirement model loads, but part of it probably does not do what its author meant."""


class ModelNotFoundError(ModelError, FileNotFoundError):
    """No requirement model exists under the given name or path."""


class CatalogError(ResumeMatchError, ValueError):
    """A catalogue file (credentials, degrees, technology) is missing, unreadable or invalid."""


class InputError(ResumeMatchError, ValueError):
    """An argument given to the library is unusable (not a bad resume file)."""


class DataError(ResumeMatchError, ValueError):
    """A file given to resumematch (a ranked CSV, a groups file) holds nothing it can use."""


class CacheError(ResumeMatchError, RuntimeError):
    """The extraction cache could not be opened or rebuilt."""


class WorkerError(ResumeMatchError, RuntimeError):
    """A worker process could not start (not the fault of any one file)."""


class RescoreError(ResumeMatchError, ValueError):
    """A screening cannot be re-scored with a model whose phrases differ: the files must be analysed again."""


class ClusterError(ResumeMatchError, RuntimeError):
    """Dask is not installed, its scheduler cannot be reached, or the cluster failed a run."""
