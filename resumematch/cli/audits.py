"""The fairness commands: counterfactual checks of resumes, and adverse-impact audits of a ranking."""

from __future__ import annotations

from pathlib import Path

import typer

from . import AsOfOption, ModelOption, _as_of, command


@command(name="fairness-check")
def fairness_check(
    files: list[Path] = typer.Argument(..., exists=True, dir_okay=False, help="Resume files to test."),
    model: str = ModelOption,
    as_of: str | None = AsOfOption,
) -> None:
    """Check that names, pronouns, gendered clubs, graduation years and addresses never change a score.

    Example: resumematch fairness-check examples/resumes/*.txt
    """
    from ..audit.counterfactual import check_files, format_report
    from ..run.screener import Screener

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
    from ..audit.impact import audit as run_audit
    from ..audit.impact import format_summary
    from ..audit.tables import read_table
    from ..run.preflight import check_outputs

    check_outputs({"output": output})
    result = run_audit(read_table(ranked, "ranked CSV"), read_table(groups, "groups file"),
                       [c.strip() for c in by.split(",") if c.strip()], top=top, min_score=min_score,
                       scoring_rate=scoring_rate)
    output.parent.mkdir(parents=True, exist_ok=True)
    result.to_csv(output)
    typer.echo(format_summary(result))
    typer.echo(f"Wrote {output}")
