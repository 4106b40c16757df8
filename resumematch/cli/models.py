"""The commands about requirement models: drafting one from a job posting, and checking one."""

from __future__ import annotations

from pathlib import Path

import typer

from . import command


@command("draft-model")
def draft_model(
    posting: Path = typer.Argument(..., help="A job posting: TXT, MD, HTML, PDF or DOCX."),
    output: Path | None = typer.Option(None, "--output", "-o",
                                  help="Where to write the model YAML (default: print it)."),
    explain: bool = typer.Option(False, "--explain",
                                 help="Print each sentence of the posting with what it became or why it was skipped."),
) -> None:
    """Draft a requirement model from a job posting, to review and edit before ranking with it.

    Example: resumematch draft-model posting.pdf -o role.yaml --explain
    """
    from ..draft import draft_yaml
    from ..draft import explain as explain_model
    from ..model import load_model

    content = draft_yaml(posting)
    if output is None and not explain:
        typer.echo(content, nl=False)
        return
    if output is not None:
        output.write_text(content, encoding="utf-8")
        model = load_model(output)
        typer.echo(f"Wrote {output} ({len(model.requirements)} requirements)", err=True)
    if explain:
        typer.echo(explain_model(posting))


@command(name="check-model")
def check_model(
    file: str = typer.Argument(..., metavar="FILE", help="A model YAML file, or a bundled model's name."),
) -> None:
    """Validate a requirement model and summarise it: requirements by category and kind, the
    category weights normalised to 100, and the equivalences (exit code 1 when it is invalid).

    Example: resumematch check-model examples/models/data_analyst.yaml
    """
    from ..model import check_model
    from ..modelcheck import check_report

    text, usable = check_report(file, check_model)
    typer.echo(text)
    if not usable:
        raise typer.Exit(1)
