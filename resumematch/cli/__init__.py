"""The ``resumematch`` command: a thin typer layer over the library.

Each command calls one library function and turns library errors into a
one-line message and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import sys
import warnings
from pathlib import Path

import typer

from .._version import __version__
from ..errors import InputError, ModelNotFoundError, ResumeMatchWarning, describe
from ..extract import ExtractOptions
from ..extract import extract as extract_document
from ..extract.password import PASSWORD_ENV
from ..extract.password import resolve_password as _password

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
        return (group or app).command(*args, **kwargs)(run)
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
    if data["status"] != "ok":
        raise typer.Exit(1)


@command()
def rank(
    paths: list[Path] = typer.Argument(..., metavar="PATHS", help="Resume files and folders (walked recursively)."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the ranked CSV."),
    model: str = ModelOption,
    explain_to: Path | None = typer.Option(None, "--explain", help="Also write one JSON explanation per line."),
    evidence_to: Path | None = typer.Option(None, "--evidence",
                                            help="Also write the evidence table: one CSV row per finding."),
    workers: int | None = typer.Option(None, "--workers", "-w", min=0,
                                          help="Worker processes that read and analyse files "
                                               "(default: as many as the size of the files still to read "
                                               "pays for, up to the CPU count; 0: none, no isolation)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    cache: Path | None = typer.Option(None, "--cache", help="Cache database (default: user cache folder)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the extraction cache."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run into the same output."),
    timeout: float = typer.Option(60.0, "--timeout", min=1, help="Seconds allowed to read and analyse one file."),
    blind: bool = typer.Option(False, "--blind", help="Replace name, email, phone and file by a candidate_id."),
    blind_key: Path | None = typer.Option(None, "--blind-key",
                                             help="Secret key file for --blind ids (default: user data folder)."),
    as_of: str | None = AsOfOption,
    html: Path | None = typer.Option(None, "--html", help="Also write a self-contained HTML report."),
    html_top: int = typer.Option(200, "--html-top", min=1, help="Candidates with a heatmap row and a card."),
    scheduler: str | None = typer.Option(None, "--scheduler",
                                         help="Read and analyse on a Dask cluster: its scheduler's tcp://HOST:PORT, "
                                              "or local:N for N local worker processes (--workers is then unused). "
                                              'Needs pip install "resumematch[dask]".'),
    paths_shared: bool = typer.Option(False, "--paths-shared",
                                      help="With --scheduler: send paths, not file contents (every worker sees "
                                           "PATHS at the same place)."),
    password: str | None = PasswordOption,
    password_file: Path | None = PasswordFileOption,
) -> None:
    """Rank every resume under PATHS into a CSV (and a run record beside it).

    Example: resumematch rank resumes/ -o ranked.csv --explain why.jsonl --html report.html
    """
    from ..run.rank import Interrupted, RunSettings, rank_files, stop_on_signals
    from ..run.screener import Screener

    if paths_shared and not scheduler:
        raise typer.BadParameter("only means something with --scheduler", param_hint="--paths-shared")
    # What needs no model first: a wrong path or an unwritable report fails at once.
    from ..run.discover import scan
    from ..run.preflight import check_found, check_inputs, check_output

    inputs = check_inputs(paths)
    check_found(inputs, scan(inputs)[0])
    if html:
        check_output(html, "--html")
    secret = _password(password, password_file)
    screener = Screener(model, as_of=_as_of(as_of), options=ExtractOptions(password=secret) if secret else None)
    settings = RunSettings(workers=workers, timeout=timeout, cache=str(cache) if cache else None,
                           use_cache=not no_cache, resume=resume, blind=blind,
                           blind_key=str(blind_key) if blind_key else None,
                           explain=str(explain_to) if explain_to else None, paths_shared=paths_shared,
                           evidence=str(evidence_to) if evidence_to else None,
                           extra={"scheduler": scheduler} if scheduler else {})
    if scheduler:
        from ..run.cluster import open_client
    try:
        with stop_on_signals(), open_client(scheduler) if scheduler else contextlib.nullcontext() as client:
            summary = _with_progress(lambda progress: rank_files(paths, output, screener, settings, progress,
                                                                 client=client), quiet)
    except KeyboardInterrupt as exc:
        why = f" by {exc}" if isinstance(exc, Interrupted) else ""
        typer.echo(f"Interrupted{why}. Finished files are kept in {output}.partial.jsonl; run the same command "
                   "with --resume to continue.", err=True)
        raise typer.Exit(exc.code if isinstance(exc, Interrupted) else 130) from None
    if not quiet:
        failed = ", ".join(f"{n} {s}" for s, n in sorted(summary.failed.items())) or "none"
        typer.echo(f"Ranked {_count(summary.rows, 'file')} ({summary.scored} scored; not scored: {failed}; "
                   f"cache hits: {summary.cache_hits}).", err=True)
        if summary.skipped:
            typer.echo(f"Skipped {_count(len(summary.skipped), 'file')} that "
                       f"{'is not a resume' if len(summary.skipped) == 1 else 'are not resumes'} (listed in the "
                       f"run record), e.g. {summary.skipped[0]}", err=True)
    typer.echo(f"Wrote {summary.output}")
    if html:
        from ..report.htmlinputs import write_run_html

        page = write_run_html(html, summary.frame, summary.screening, screener.model, screener.as_of,
                              blind=blind, top=html_top)
        typer.echo(f"HTML report: {page}")
    typer.echo(f"Run record: {summary.record}")
    if summary.keys:
        typer.echo(f"Blind key file (keep it away from reviewers): {summary.keys}")


def _with_progress(job, quiet: bool):
    if quiet or not sys.stderr.isatty():
        return job(None)
    from rich.console import Console
    from rich.progress import Progress

    # No refresh thread: workers are forked, and forking a threaded process invites deadlocks.
    with Progress(console=Console(stderr=True), transient=True, auto_refresh=False) as bar:
        task = bar.add_task("Ranking", total=None)
        return job(lambda done, total: bar.update(task, completed=done, total=total, refresh=True))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


from . import audits, caching, models, reports  # noqa: E402,F401  (the other commands register themselves)


def main() -> None:
    """Entry point of the console script (errors are handled by each command, see ``command``)."""
    app()
