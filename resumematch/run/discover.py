"""Which files a run takes: resume formats in folders, walked recursively."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

RESUME_SUFFIXES = (".pdf", ".docx", ".txt", ".md")
#: Formats resumes arrive in that cannot be read; inside a folder they still get a row
#: (status ``unsupported`` or ``no_text``) so that no candidate silently disappears.
OTHER_RESUME_SUFFIXES = (".doc", ".rtf", ".odt", ".pages", ".wps", ".html", ".htm", ".png", ".jpg",
                         ".jpeg", ".tif", ".tiff", ".gif", ".bmp", ".heic", ".webp", ".zip")


def scan(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Path]]:
    """Files to rank under ``paths``, and the files skipped in folders.

    Folders are walked recursively: resume formats (.pdf .docx .txt .md) and the
    other formats resumes arrive in (.doc, .rtf, images...) are taken; hidden files
    and anything else (a CSV, a run record) are skipped. Files named explicitly are
    always taken. Both lists are sorted and free of duplicates.
    """
    found: dict[str, Path] = {}
    skipped: dict[str, Path] = {}
    wanted = RESUME_SUFFIXES + OTHER_RESUME_SUFFIXES
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            found.setdefault(str(path), path)
            continue
        for child in path.rglob("*"):
            if child.is_dir() or any(p.startswith(".") for p in child.relative_to(path).parts):
                continue
            take = child.is_file() and child.suffix.lower() in wanted  # FIFOs, sockets: skipped
            (found if take else skipped).setdefault(str(child), child)
    return [found[k] for k in sorted(found)], [skipped[k] for k in sorted(skipped) if k not in found]


def find_resumes(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The files ``rank`` takes under ``paths`` (see ``scan``)."""
    return scan(paths)[0]
