"""The ``resumematch`` command: a thin typer layer over the library.

Each command calls one library function and turns library errors into a
one-line message and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from pathlib import Path

import typer

from .errors import ResumeMatchError
from .extract import extract as extract_document

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Screen resumes against a role's requirement model and rank them.")


def command(*args, **kwargs):
    """``app.command`` that turns library errors into a one-line message and exit code 2."""
    def register(func):
        @functools.wraps(func)
        def run(*a, **kw):
            try:
                return func(*a, **kw)
            except ResumeMatchError as exc:
                typer.echo(f"Error: {exc}", err=True)
                raise typer.Exit(2) from None
        return app.command(*args, **kwargs)(run)
    return register


ModelOption = typer.Option("it_project_manager", "--model", "-m",
                           help="A bundled model name or the path of a model YAML file.")
AsOfOption = typer.Option(None, "--as-of", help="Date that 'Present' means (YYYY-MM-DD); default today.")


def _as_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2026-11-25", param_hint="--as-of") from None


@command()
def extract(
    file: Path = typer.Argument(..., help="A PDF, DOCX, TXT or MD file."),
    as_json: bool = typer.Option(False, "--json", help="Print the whole Document as JSON."),
    password: str | None = typer.Option(None, help="Password of an encrypted PDF."),
) -> None:
    """Print the text extracted from FILE (exit code 1 when it could not be read).

    Example: resumematch extract cv.pdf --json
    """
    doc = extract_document(file, password=password)
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
    file: Path = typer.Argument(..., help="A resume file."),
    model: str = ModelOption,
    as_json: bool = typer.Option(False, "--json", help="Print the analysis as JSON."),
    as_of: str | None = AsOfOption,
) -> None:
    """Show what the pipeline finds in FILE: candidate, experience and every finding.

    Example: resumematch parse cv.pdf --json
    """
    from .analyze import Analyzer

    doc = extract_document(file)
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
    file: Path = typer.Argument(..., help="A resume file."),
    model: str = ModelOption,
    as_of: str | None = AsOfOption,
) -> None:
    """Explain FILE's score: each requirement, its strength, evidence, section and page.

    Example: resumematch explain cv.pdf --model it_project_manager
    """
    from .report.explain import format_report
    from .run.screener import Screener

    screening = Screener(model, as_of=_as_of(as_of)).screen([file], workers=0)
    data = screening.explain(screening.files["file"].iloc[0])
    typer.echo(format_report(data))
    if data["status"] != "ok":
        raise typer.Exit(1)


@command()
def rank(
    paths: list[Path] = typer.Argument(..., help="Resume files and folders (walked recursively)."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the ranked CSV."),
    model: str = ModelOption,
    explain_to: Path | None = typer.Option(None, "--explain", help="Also write one JSON explanation per line."),
    evidence_to: Path | None = typer.Option(None, "--evidence",
                                               help="Also write the evidence table: one CSV row per finding."),
    workers: int | None = typer.Option(None, "--workers", "-w", min=0,
                                          help="Worker processes that read and analyse files "
                                               "(default: one per 150 files still to read, up to the "
                                               "CPU count; 0: none, no isolation)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    cache: Path | None = typer.Option(None, "--cache", help="Cache database (default: user cache folder)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the extraction cache."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run into the same output."),
    timeout: float = typer.Option(60.0, "--timeout", min=1, help="Seconds allowed to read and analyse one file."),
    blind: bool = typer.Option(False, "--blind", help="Replace name, email, phone and file by a candidate_id."),
    blind_key: Path | None = typer.Option(None, "--blind-key",
                                             help="Secret key file for --blind ids (default: user data folder)."),
    as_of: str | None = AsOfOption,
) -> None:
    """Rank every resume under PATHS into a CSV (and a run record beside it).

    Example: resumematch rank resumes/ -o ranked.csv --explain why.jsonl --evidence evidence.csv
    """
    from .run.rank import RunSettings, rank_files
    from .run.screener import Screener

    screener = Screener(model, as_of=_as_of(as_of))
    settings = RunSettings(workers=workers, timeout=timeout, cache=str(cache) if cache else None,
                           use_cache=not no_cache, resume=resume, blind=blind,
                           blind_key=str(blind_key) if blind_key else None,
                           explain=str(explain_to) if explain_to else None,
                           evidence=str(evidence_to) if evidence_to else None)
    try:
        summary = _with_progress(lambda progress: rank_files(paths, output, screener, settings, progress), quiet)
    except KeyboardInterrupt:
        typer.echo(f"Interrupted. Finished files are kept in {output}.partial.jsonl; run the same command "
                   "with --resume to continue.", err=True)
        raise typer.Exit(130) from None
    if not quiet:
        failed = ", ".join(f"{n} {s}" for s, n in sorted(summary.failed.items())) or "none"
        typer.echo(f"Ranked {summary.rows} files ({summary.scored} scored; not scored: {failed}; "
                   f"cache hits: {summary.cache_hits}).", err=True)
        if summary.skipped:
            typer.echo(f"Skipped {len(summary.skipped)} file(s) that are not resumes (listed in the run "
                       f"record), e.g. {summary.skipped[0]}", err=True)
    typer.echo(f"Wrote {summary.output}")
    typer.echo(f"Run record: {summary.record}")
    if summary.keys:
        typer.echo(f"Blind key file (keep it away from reviewers): {summary.keys}")


@command(name="fairness-check")
def fairness_check(
    files: list[Path] = typer.Argument(..., help="Resume files to test."),
    model: str = ModelOption,
    as_of: str | None = AsOfOption,
) -> None:
    """Check that names, pronouns, gendered clubs, graduation years and addresses never change a score.

    Example: resumematch fairness-check examples/resumes/*.txt
    """
    from .audit.counterfactual import check_files, format_report
    from .run.screener import Screener

    reports = check_files(files, Screener(model, as_of=_as_of(as_of)))
    typer.echo(format_report(reports))
    if not all(r.passed for r in reports):
        raise typer.Exit(1)


@command()
def audit(
    ranked: Path = typer.Argument(..., help="A ranked CSV written by 'resumematch rank'."),
    groups: Path = typer.Option(..., "--groups", help="CSV with 'file' (or 'candidate_id') and group columns."),
    by: str = typer.Option(..., "--by", help="Group column(s), comma-separated: sex,race_ethnicity"),
    top: int | None = typer.Option(None, "--top", min=1, help="Selected = the K best-ranked."),
    min_score: float | None = typer.Option(None, "--min-score", help="Selected = score >= S."),
    scoring_rate: bool = typer.Option(False, "--scoring-rate", help="LL144: selected = above the pool median."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the audit CSV."),
) -> None:
    """Adverse-impact audit: selection rates and impact ratios per group (four-fifths rule).

    Example: resumematch audit ranked.csv --groups groups.csv --by sex --top 10 -o audit.csv
    """
    import pandas as pd

    from .audit.impact import audit as run_audit
    from .audit.impact import format_summary

    for path in (ranked, groups):
        if not path.is_file():
            raise typer.BadParameter(f"{path} does not exist")
    result = run_audit(pd.read_csv(ranked, encoding="utf-8-sig"), pd.read_csv(groups, encoding="utf-8-sig"),
                       [c.strip() for c in by.split(",") if c.strip()], top=top, min_score=min_score,
                       scoring_rate=scoring_rate)
    result.to_csv(output)
    typer.echo(format_summary(result))
    typer.echo(f"Wrote {output}")


def _with_progress(job, quiet: bool):
    if quiet or not sys.stderr.isatty():
        return job(None)
    from rich.console import Console
    from rich.progress import Progress

    # No refresh thread: workers are forked, and forking a threaded process invites deadlocks.
    with Progress(console=Console(stderr=True), transient=True, auto_refresh=False) as bar:
        task = bar.add_task("Ranking", total=None)
        return job(lambda done, total: bar.update(task, completed=done, total=total, refresh=True))


def main() -> None:
    """Entry point of the console script."""
    try:
        app()
    except ResumeMatchError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(2)
