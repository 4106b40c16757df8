"""Which files a run takes: resume formats in folders, walked recursively."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ResumeMatchWarning

RESUME_SUFFIXES = (".pdf", ".docx", ".txt", ".md")
#: Formats resumes arrive in that cannot be read; inside a folder they still get a row
#: (status ``unsupported`` or ``no_text``) so that no candidate silently disappears.
OTHER_RESUME_SUFFIXES = (".doc", ".rtf", ".odt", ".pages", ".wps", ".html", ".htm", ".png", ".jpg",
                         ".jpeg", ".tif", ".tiff", ".gif", ".bmp", ".heic", ".webp", ".zip")


def scan(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Path]]:
    """Files to rank under ``paths``, and the files skipped in folders.

    Folders are walked recursively, following symlinked folders but never into a folder already
    walked from the same path (a symlink loop, or a second way to one folder, ends with a warning): resume
    formats (.pdf .docx .txt .md) and the other formats resumes arrive in (.doc, .rtf, images...)
    are taken; hidden files and anything else (a CSV, a run record) are skipped. Files named
    explicitly are always taken. Both lists are sorted and free of duplicates.
    """
    found: dict[str, Path] = {}
    skipped: dict[str, Path] = {}
    wanted = RESUME_SUFFIXES + OTHER_RESUME_SUFFIXES
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            found.setdefault(str(path), path)
            continue
        for child in _walk(path):
            if any(p.startswith(".") for p in child.relative_to(path).parts):
                continue
            take = child.is_file() and child.suffix.lower() in wanted  # FIFOs, sockets: skipped
            (found if take else skipped).setdefault(str(child), child)
    return [found[k] for k in sorted(found)], [skipped[k] for k in sorted(skipped) if k not in found]


def _walk(root: Path) -> Iterator[Path]:
    """Every non-folder under ``root``; each real folder (device, inode) is entered once."""
    seen: set[tuple[int, int]] = set()
    todo = [root]
    while todo:
        folder = todo.pop()
        try:
            info = folder.stat()
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            warnings.warn(f"Cannot read the folder {folder} ({exc.strerror}); its files are left out.",
                          ResumeMatchWarning, stacklevel=3)
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            loop = any(os.path.samefile(folder, up) for up in folder.parents if up.is_relative_to(root))
            what = "a symlink loop" if loop else "a folder already scanned"
            warnings.warn(f"{folder} leads back to {what}; it was not scanned again.", ResumeMatchWarning, stacklevel=3)
            continue
        seen.add(key)
        folders = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError:
                is_dir = False
            if is_dir:
                folders.append((entry.is_symlink(), entry.name, Path(entry.path)))
            else:
                yield Path(entry.path)
        todo.extend(p for _, _, p in sorted(folders, reverse=True))  # real folders first, by name


def has_resume(paths: Iterable[str | os.PathLike]) -> bool:
    """Whether ``scan(paths)`` would take a file ``rank`` reads (one named explicitly, or one in a resume
    format in a folder), found without walking past the first: a check before the real scan."""
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            return True
        for child in _walk(path):
            if (child.suffix.lower() in RESUME_SUFFIXES and child.is_file()
                    and not any(p.startswith(".") for p in child.relative_to(path).parts)):
                return True
    return False


def find_resumes(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The files ``rank`` takes under ``paths`` (see ``scan``)."""
    return scan(paths)[0]
