"""The command that rebuilds the HTML report from a run's outputs."""

from __future__ import annotations

from pathlib import Path

import typer

from . import command


@command()
def report(
    ranked: Path = typer.Argument(..., help="A ranked CSV written by 'resumematch rank'."),
    evidence: Path = typer.Option(..., "--evidence", help="The evidence CSV, or the explanation JSONL of --explain."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the HTML report."),
    model: str | None = typer.Option(None, "--model", "-m",
                                     help="The model (default: the one in the run record beside RANKED)."),
    blind: bool = typer.Option(False, "--blind", help="Leave out names, emails, phones and file names."),
    html_top: int = typer.Option(200, "--html-top", min=1, help="Candidates with a heatmap row and a card."),
) -> None:
    """Rebuild the self-contained HTML report from a ranked CSV and its evidence.

    Example: resumematch report ranked.csv --evidence why.jsonl -o report.html
    """
    from ..report.htmlinputs import write_report

    typer.echo(f"Wrote {write_report(ranked, evidence, output, model=model, blind=blind, top=html_top)}")
