"""The ``resumematch`` command: a thin typer layer over the library.

Each command calls one library function and turns library errors into a
one-line message and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import os
import sys
import warnings
from pathlib import Path

import typer
from typer.core import TyperCommand

from .._version import __version__
from ..errors import InputError, ModelNotFoundError, ResumeMatchWarning
from ..extraction import ExtractOptions
from ..extraction import extract as extract_document
from ..types import DocStatus
from .messages import describe
from .password import PASSWORD_ENV
from .password import resolve_password as _password

# Plain help: typer's rich panels show flags as "<bool>"; click's own format shows them as flags.
app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False,
                  help="Screen resumes against a role's requirement model and rank them.")

#: Usage errors (the command line names something unusable) exit 2; everything else 1.
USAGE_ERRORS = (InputError, ModelNotFoundError)
_STATE = {"debug": False}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"resumematch {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback of an error."),
) -> None:
    """Screen resumes against a role's requirement model and rank them."""
    _STATE["debug"] = debug


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    if issubclass(category, ResumeMatchWarning):
        typer.echo(f"resumematch: warning: {message}", err=True)
    else:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


# Recent typer vendors click (typer._click): its usage errors are the parents of typer.BadParameter.
_UsageError = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


def _usage_error(exc: Exception, parent, name: str | None) -> typer.Exit:
    """A command-line mistake found by click, as the one line every other error gets; exit 2."""
    names = [name] if name else []
    while parent is not None and parent.parent is not None:  # "cache prune": the groups, not the program
        names.insert(0, parent.info_name)
        parent = parent.parent
    typer.echo(f"resumematch: error: {exc.format_message()} (see resumematch {' '.join(names + ['--help'])})",
               err=True)
    return typer.Exit(2)


class _OneLineUsage(TyperCommand):
    """A command whose mistakes in options and arguments (a bad value, a missing argument, a
    ``typer.BadParameter`` it raises itself) are one line, not click's usage block."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except _UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":
                raise
            raise _usage_error(exc, parent, info_name) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except _UsageError as exc:
            if _STATE["debug"]:
                raise
            raise _usage_error(exc, ctx.parent, ctx.info_name) from None


def command(*args, group: typer.Typer | None = None, **kwargs):
    """``app.command`` (or ``group.command``) that turns every error into one line on stderr (a
    traceback only with ``--debug``): exit code 2 for usage errors, 1 otherwise."""
    def register(func):
        @functools.wraps(func)
        def run(*a, **kw):
            with warnings.catch_warnings():
                warnings.showwarning = _show_warning
                try:
                    return func(*a, **kw)
                except BrokenPipeError:  # the reader went away (| head): stop quietly
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                    raise typer.Exit(1) from None
                except Exception as exc:
                    if _STATE["debug"] or type(exc).__module__.split(".")[0] in ("typer", "click"):
                        raise  # typer's own exits and usage errors, or a traceback asked for
                    typer.echo(f"resumematch: error: {describe(exc)}", err=True)
                    raise typer.Exit(2 if isinstance(exc, USAGE_ERRORS) else 1) from None
        return (group or app).command(*args, cls=_OneLineUsage, **kwargs)(run)
    return register


ModelOption = typer.Option("it_project_manager", "--model", "-m", metavar="NAME|FILE",
                           help="A bundled model name or the path of a model YAML file.")
AsOfOption = typer.Option(None, "--as-of", metavar="DATE",
                          help="Date that 'Present' means (YYYY-MM-DD); default today.")
PasswordOption = typer.Option(None, "--password", help="PDF password (others can see it in the process list).")
PasswordFileOption = typer.Option(None, "--password-file", help=f"File whose first line is the PDF password "
                                  f"(or set {PASSWORD_ENV}).")


def _as_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2026-11-25", param_hint="--as-of") from None


@command()
def extract(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A PDF, DOCX, TXT or MD file."),
    as_json: bool = typer.Option(False, "--json", help="Print the whole Document as JSON."),
    password: str | None = PasswordOption,
    password_file: Path | None = PasswordFileOption,
) -> None:
    """Print the text extracted from FILE (exit code 1 when it could not be read).

    Example: resumematch extract cv.pdf --json
    """
    doc = extract_document(file, password=_password(password, password_file))
    if as_json:
        data = doc.to_dict()
        data.pop("hidden_text", None)
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif doc.ok:
        typer.echo(doc.text)
    if not doc.ok:
        typer.echo(f"{file}: {doc.status}: {doc.reason}", err=True)
        raise typer.Exit(1)


@command()
def parse(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A resume file."),
    model: str = ModelOption,
    as_json: bool = typer.Option(False, "--json", help="Print the analysis as JSON."),
    as_of: str | None = AsOfOption,
    password: str | None = PasswordOption,
    password_file: Path | None = PasswordFileOption,
) -> None:
    """Show what the pipeline finds in FILE: candidate, experience and every finding.

    Example: resumematch parse cv.pdf --json
    """
    from ..analyze import Analyzer

    doc = extract_document(file, password=_password(password, password_file))
    if not doc.ok:
        typer.echo(json.dumps({"file": str(file), "status": doc.status, "reason": doc.reason}, indent=2))
        raise typer.Exit(1)
    analysis = Analyzer(model, as_of=_as_of(as_of)).analyze(doc)
    data = analysis.to_dict()
    if as_json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    cand = analysis.candidate
    typer.echo(f"{cand.name or '?'} | {cand.email or '-'} | {cand.phone or '-'}")
    typer.echo(f"experience: {analysis.experience_years:g} years ({analysis.relevant_experience_years:g} relevant), "
               f"internships: {analysis.internships}")
    for e in analysis.entities:
        typer.echo(f"  {e.category:<14} {e.id or '-':<28} {e.status:<11} {e.method:<6} {e.score:.2f}  "
                   f"{e.section:<14} p{e.page}  {e.text!r}")


@command()
def explain(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A resume file."),
    model: str = ModelOption,
    as_of: str | None = AsOfOption,
    password: str | None = PasswordOption,
    password_file: Path | None = PasswordFileOption,
) -> None:
    """Explain FILE's score: each requirement, its strength, evidence, section and page.

    Example: resumematch explain cv.pdf --model it_project_manager
    """
    from ..report.explain import format_report
    from ..run.screener import Screener

    secret = _password(password, password_file)
    screener = Screener(model, as_of=_as_of(as_of), options=ExtractOptions(password=secret) if secret else None)
    screening = screener.screen([file], workers=0)
    data = screening.explain(screening.files["file"].iloc[0])
    typer.echo(format_report(data))
    if data["status"] != DocStatus.OK:
        raise typer.Exit(1)


from . import ranking  # noqa: E402,F401,I001  (first: rank is listed after explain)
from . import audits, caching, models, reports  # noqa: E402,F401  (the other commands register themselves)


def main() -> None:
    """Entry point of the console script (errors are handled by each command, see ``command``).
    The process is meant to end when it returns: what it made stays out of the collector's reach."""
    try:
        app()
    finally:
        # At exit the interpreter's collector walks every object pandas, numpy and pydantic made,
        # again and again while it unloads modules: 0.1 s of a 0.6 s warm rank. Frozen, they are
        # left alone and freed by the exit itself (outputs are closed by then; nothing is lost).
        gc.freeze()
