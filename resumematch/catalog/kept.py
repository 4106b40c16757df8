"""A built catalogue object kept in the user's cache folder for the next process.

The occupation background takes about a second to build and the same inputs always give the same
result, so each worker of each run would build it again for nothing. The first process to build it
keeps a pickled copy, named by a hash of the catalogue's files and code and of the library versions
that shape it; a change to any of them names another copy. An unreadable copy is built again, and
a folder that cannot be written keeps nothing: the copy only saves time. The catalogue parts a
model's references read (credentials, degrees, skills: 50 ms to read and validate, 4 ms to
unpickle) are kept the same way, for every process that loads a model.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TypeVar

from .apart import built_apart

T = TypeVar("T")

#: The libraries whose versions shape a kept object (a pickle of their arrays and indexes).
_SHAPED_BY = ("numpy", "bm25s", "PyStemmer")
#: The catalogue files (by suffix) the occupation background is built from, beside its code.
_BUILT_FROM = (".py", ".tsv")


def kept(name: str, build: Callable[[], T], kind: type[T], *, built_from: tuple[str, ...] | None = None,
         versions: str | None = None, apart: bool = True) -> T:
    """The copy of ``name`` kept by an earlier process from these inputs, else ``build()`` (apart,
    see ``apart.built_apart``, unless ``apart`` is false), kept for the next. The inputs are Python's
    version, the catalogue files with the suffixes ``built_from`` and ``versions``, the versions of
    the libraries that shape the pickle (by default the background's, ``_SHAPED_BY``, looked up in
    their installed metadata). ``RESUMEMATCH_KEEP_BACKGROUND=0`` turns keeping off."""
    path = _path(name, built_from or _BUILT_FROM, versions)
    value = read_kept(path)
    if isinstance(value, kind):
        return value
    value = built_apart(build) if apart else build()
    keep(path, value)
    if path is not None:  # the copies other inputs named are stale for this install: 6 MB each
        for stale in path.parent.glob(f"{name}-*.pickle"):
            if stale != path:
                with contextlib.suppress(OSError):
                    stale.unlink()
    return value


def _path(name: str, built_from: tuple[str, ...], versions: str | None) -> Path | None:
    if os.environ.get("RESUMEMATCH_KEEP_BACKGROUND", "1") == "0":
        return None
    from platformdirs import user_cache_dir

    from . import catalog_dir

    digest = hashlib.sha256(sys.version.encode())
    if versions is not None:
        digest.update(f"|{versions}".encode())
    for library in _SHAPED_BY if versions is None else ():
        with contextlib.suppress(PackageNotFoundError):
            digest.update(f"|{library}={version(library)}".encode())
    for file in sorted(catalog_dir().iterdir()):
        if file.suffix in built_from:
            digest.update(file.name.encode() + file.read_bytes())
    return Path(user_cache_dir("resumematch")) / "catalog" / f"{name}-{digest.hexdigest()[:32]}.pickle"


def read_kept(path: Path | None) -> object | None:
    """What ``keep`` stored at ``path``, or None when there is none or it cannot be read (a file cut
    short, another Python's pickle): the caller then builds it again."""
    if path is None:
        return None
    try:
        return pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - any unreadable copy is only a copy: build again
        return None


def keep(path: Path | None, value: object) -> None:
    """Store ``value`` pickled at ``path`` for the next process, atomically (a temporary file renamed
    into place, so that two workers writing at once leave one whole copy); a folder that cannot be
    written keeps nothing, silently: the copy only saves time."""
    if path is None:
        return
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.")
        with os.fdopen(handle, "wb") as out:
            out.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
