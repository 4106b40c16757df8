"""The ``resumematch`` command: a thin typer layer over the library.

Each command calls one library function and turns library errors into a
one-line message and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .errors import ResumeMatchError
from .extract import extract as extract_document

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Screen resumes against a role's requirement model and rank them.")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def extract(
    file: Path = typer.Argument(..., help="A PDF, DOCX, TXT or MD file."),
    as_json: bool = typer.Option(False, "--json", help="Print the whole Document as JSON."),
    password: Optional[str] = typer.Option(None, help="Password of an encrypted PDF."),
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


def main() -> None:
    """Entry point of the console script."""
    try:
        app()
    except ResumeMatchError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(2)
