"""An error in the words of the one-line message the CLI prints: what went wrong (how to fix it),
with the hints that only mean something at a command line (check-model, --debug)."""

from __future__ import annotations

from ..errors import ModelError, ResumeMatchError


def describe(exc: BaseException) -> str:
    """An error in one line, in the user's words: what went wrong (how to fix it)."""
    problems = getattr(exc, "problems", ())
    if isinstance(exc, ModelError) and problems:
        more = len(problems) - 1
        rest = f"{more} more problem{'s' if more > 1 else ''}: resumematch check-model {problems[0].file}"
        what, fix = problems[0].what, "; ".join(x for x in (problems[0].fix, rest if more else "") if x)
    elif isinstance(exc, ResumeMatchError):
        what, fix = str(exc), exc.hint
    elif isinstance(exc, OSError):
        what, fix = f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""), "check the path"
    else:
        what = f"unexpected {type(exc).__name__}: {exc}"
        fix = "a bug in resumematch; run again with --debug and report the traceback"
    return what + (f" ({fix})" if fix else "")
