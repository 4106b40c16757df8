"""Checks made before a run starts, so that a mistake costs seconds, not a whole run.

Inputs must exist and hold at least one resume; every output must be a file we can write,
in a folder that exists or can be made. Each problem is an ``InputError`` naming the path
and the fix; nothing is created or changed by the checks.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from .discover import RESUME_SUFFIXES


def check_inputs(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The input paths, each checked to exist."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise InputError("no input files or folders given", hint="name the resumes or their folder")
    for path in paths:
        if not path.exists():
            raise InputError(f"input {path} does not exist", hint="check the path, or quote a name with spaces")
    return paths


def check_found(paths: list[Path], files: list[Path]) -> None:
    """An error when ``paths`` hold no file in a format we read (named files always count)."""
    named = {str(p) for p in paths if not p.is_dir()}
    if any(f.suffix.lower() in RESUME_SUFFIXES or str(f) in named for f in files):
        return
    looked = ", ".join(str(p) for p in paths)
    others = sorted({f.suffix.lower() for f in files})
    found = f": only {len(files)} {', '.join(others)} file{'s' if len(files) != 1 else ''}" if files else ""
    raise InputError(f"no resumes found in {looked}{found}",
                     hint=f"resumematch reads {', '.join(RESUME_SUFFIXES)} files; point it at the folder "
                          "that holds them")


#: The ranked table's file name when ``-o`` names a folder (``-o out/``).
DEFAULT_OUTPUT = "ranked.csv"


def output_file(value: str | os.PathLike) -> Path:
    """The ranked table's path for ``value``: ``DEFAULT_OUTPUT`` inside it when it ends with a
    slash (a folder, made later when missing), else ``value`` itself."""
    text = os.fspath(value)
    if text.endswith(("/", os.sep)):
        return Path(text) / DEFAULT_OUTPUT
    return Path(text)


def check_outputs(outputs: dict[str, str | os.PathLike | None]) -> None:
    """Check every output (option name -> path) before any work: each must be a file path, not a
    folder, not under a regular file, writable, and distinct from the others."""
    seen: dict[Path, str] = {}
    for option, value in outputs.items():
        if value is None:
            continue
        path = Path(value)
        check_output(path, option)
        resolved = path.resolve()
        if resolved in seen:
            raise InputError(f"{option} and {seen[resolved]} both name {path}",
                             hint="give each output its own file")
        seen[resolved] = option


def check_output(path: Path, option: str = "output") -> None:
    """An ``InputError`` unless ``path`` can be written (missing folders are made later)."""
    if path.is_dir():
        raise InputError(f"{option} {path} is a folder", hint=f"give a file name, e.g. {path / 'ranked.csv'}")
    folder = path.parent
    while not folder.exists():
        if folder == folder.parent:
            break
        folder = folder.parent
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{option} {path} is under {folder}, which is a file, not a folder",
                         hint="choose a path in a folder")
    try:
        if path.exists():
            with open(path, "r+b"):
                pass
        else:
            tempfile.TemporaryFile(dir=folder).close()
    except OSError as exc:
        raise InputError(f"cannot write {option} {path}: {exc.strerror or exc}",
                         hint="choose a folder you may write to") from None
