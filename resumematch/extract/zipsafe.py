"""Zip containers (DOCX) checked from their directory before any member is decompressed:
member count, unpacked size, compression ratio, unsafe paths and XML DTDs. Standard library only."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

from ..types import DocStatus


@dataclass(frozen=True)
class ZipLimits:
    """Caps checked on the zip directory before any member is decompressed."""

    max_members: int = 1000
    max_total_bytes: int = 100 * 1024 * 1024
    max_ratio: float = 100.0


_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


@dataclass(frozen=True)
class ZipProblem:
    """Why a zip container is refused: ``corrupt`` (damaged) or ``rejected`` (looks malicious)."""

    status: DocStatus
    reason: str


def _corrupt(reason: str) -> ZipProblem:
    return ZipProblem(DocStatus.CORRUPT, reason)


def _rejected(reason: str) -> ZipProblem:
    return ZipProblem(DocStatus.REJECTED, reason)


def check_zip(data: bytes, limits: ZipLimits = ZipLimits()) -> ZipProblem | None:
    """Why the zip in ``data`` must be refused, or None when it looks safe."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        return _corrupt(f"The DOCX container is damaged ({exc}).")
    if len(infos) > limits.max_members:
        return _rejected(f"The DOCX has {len(infos)} parts (limit {limits.max_members}); it looks like a zip bomb.")
    total = sum(i.file_size for i in infos)
    if total > limits.max_total_bytes:
        return _rejected(f"The DOCX would unpack to {total:,} bytes (limit "
                         f"{limits.max_total_bytes:,}); it looks like a zip bomb.")
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", name) or re.match(r"^[A-Za-z]:", name):
            return _rejected(f"The DOCX contains a part with an unsafe path ({name!r}).")
        if info.compress_size and info.file_size / info.compress_size > limits.max_ratio and info.file_size > 1_000_000:
            return _rejected(f"The DOCX part {name!r} is compressed {info.file_size // info.compress_size}:1 "
                             "(a zip bomb pattern).")
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            try:
                with archive.open(info) as member:
                    head = member.read(limits.max_total_bytes)
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
                return _corrupt(f"The DOCX part {info.filename!r} is damaged ({type(exc).__name__}).")
            if _DTD.search(head):
                return _rejected(f"The DOCX part {info.filename!r} declares a DTD, which Word never writes.")
    return None
