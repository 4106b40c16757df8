"""``resumematch rank``: a folder of resumes to the ranked table and its views, with progress."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import typer

from ..extraction import ExtractOptions
from . import AsOfOption, ModelOption, PasswordFileOption, PasswordOption, _as_of, _password, command


@command()
def rank(
    paths: list[Path] = typer.Argument(..., metavar="PATHS", help="Resume files and folders (walked recursively)."),
    output: str = typer.Option(..., "--output", "-o", metavar="FILE",
                               help="Where to write the ranked table: a .csv, or an Excel workbook with .xlsx; "
                                    "a folder ending in / gets ranked.csv inside it."),
    model: str = ModelOption,
    explain_to: Path | None = typer.Option(None, "--explain", help="Also write one JSON explanation per line."),
    evidence_to: Path | None = typer.Option(None, "--evidence",
                                            help="Also write the evidence table: one CSV row per finding."),
    workers: int | None = typer.Option(None, "--workers", "-w", min=0,
                                          help="Worker processes that read and analyse files "
                                               "(default: as many as the size of the files still to read "
                                               "pays for, up to the CPU count; 0: none, no isolation)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary on stderr; the paths "
                               "written still print on stdout."),
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
    """Rank every resume under PATHS into a CSV or an Excel workbook (and a run record beside it).

    Example: resumematch rank resumes/ -o ranked.csv --explain why.jsonl --html report.html
    """
    from ..run.rank import Interrupted, RunSettings, rank_files, stop_on_signals
    from ..run.screener import Screener

    if paths_shared and not scheduler:
        raise typer.BadParameter("only means something with --scheduler", param_hint="--paths-shared")
    # What needs no model first: a wrong path or an unwritable report fails at once.
    from ..run.discover import has_resume, scan
    from ..run.preflight import check_found, check_inputs, check_output, output_file

    output = output_file(output)

    inputs = check_inputs(paths)
    if not has_resume(inputs):  # an error found before the model loads, naming what was found instead
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
        private = " (it holds names and contact details unredacted: delete it if you will not resume)" if blind else ""
        typer.echo(f"Interrupted{why}. Finished files are kept in {output}.partial.jsonl{private}; run the same "
                   "command with --resume to continue.", err=True)
        raise typer.Exit(exc.code if isinstance(exc, Interrupted) else 130) from None
    if not quiet:
        failed = ", ".join(f"{n} {s}" for s, n in sorted(summary.failed.items())) or "none"
        typer.echo(f"Ranked {_count(summary.rows, 'file')} ({summary.scored} scored; not scored: {failed}; "
                   f"cache hits: {summary.cache_hits}).", err=True)
        if summary.skipped:
            typer.echo(f"Skipped {_count(len(summary.skipped), 'file')} that "
                       f"{'is not a resume' if len(summary.skipped) == 1 else 'are not resumes'} (listed in the "
                       f"run record), e.g. {summary.skipped[0]}", err=True)
        if resume:
            typer.echo(f"Resumed {summary.resumed} of {_count(summary.rows, 'row')} from {output}.partial.jsonl; "
                       f"the other {summary.rows - summary.resumed} were read now.", err=True)
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
