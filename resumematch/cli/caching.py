"""The cache commands: what the extraction cache holds, and pruning it."""

from __future__ import annotations

from pathlib import Path

import typer

from . import app, command

cache_app = typer.Typer(no_args_is_help=True, help="Look after the extraction cache: what it holds, pruning it.")
app.add_typer(cache_app, name="cache")
CacheOption = typer.Option(None, "--cache", help="Cache database (default: user cache folder).")


@command(name="info", group=cache_app)
def cache_info(cache: Path | None = CacheOption) -> None:
    """Show where the cache is, its size, and how many entries it holds (and how many are stale).

    Example: resumematch cache info
    """
    from ..run.cache.admin import cache_info as info

    for line in info(cache).lines():
        typer.echo(line)


@command(name="prune", group=cache_app)
def cache_prune(
    cache: Path | None = CacheOption,
    older_than: float | None = typer.Option(None, "--older-than", min=0, help="Remove entries older than DAYS."),
    max_size: float | None = typer.Option(None, "--max-size", min=0,
                                          help="Then remove the oldest entries until the rest fits in MB."),
    stale: bool = typer.Option(False, "--stale", help="Remove entries made by other extractor versions."),
) -> None:
    """Remove cache entries by age, by a size cap or because they are stale; the file is compacted.

    Example: resumematch cache prune --stale --older-than 90 --max-size 500
    """
    from ..run.cache.admin import cache_info as info
    from ..run.cache.admin import prune_cache

    if older_than is None and max_size is None and not stale:
        raise typer.BadParameter("say what to prune: --older-than DAYS, --max-size MB and/or --stale")
    removed = prune_cache(cache, older_than_days=older_than, max_mb=max_size, stale=stale)
    typer.echo(f"Removed {removed} {'entry' if removed == 1 else 'entries'}; {info(cache).lines()[1]}.")
