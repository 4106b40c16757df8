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
    #: An XML part (the body, a header) is parsed into a tree in memory, about ten times its size.
    max_xml_bytes: int = 2 * 1024 * 1024


_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_XML_PART = (".xml", ".rels")


def _declares_dtd(head: bytes) -> bool:
    """Whether an XML part declares a DTD, in UTF-8 or in the UTF-16/32 an XML parser also reads."""
    if _DTD.search(head):
        return True
    if b"\x00" not in head[:4]:
        return False
    for encoding in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _DTD.search(text.encode("utf-8", "replace")):
            return True
    return False


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
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError) as exc:
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
        if name.endswith(_XML_PART) and info.file_size > limits.max_xml_bytes:
            return ZipProblem(DocStatus.TOO_LARGE, f"The DOCX part {name!r} unpacks to {info.file_size:,} bytes "
                              f"(limit {limits.max_xml_bytes:,}); no resume needs that much text.")
        if info.compress_size and info.file_size / info.compress_size > limits.max_ratio and info.file_size > 1_000_000:
            return _rejected(f"The DOCX part {name!r} is compressed {info.file_size // info.compress_size}:1 "
                             "(a zip bomb pattern).")
    for info in infos:
        if info.filename.endswith(_XML_PART):
            try:
                with archive.open(info) as member:
                    head = member.read(limits.max_xml_bytes)
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, ValueError,
                    RuntimeError) as exc:  # ValueError("negative seek value"); RuntimeError: encrypted
                return _corrupt(f"The DOCX part {info.filename!r} is damaged ({type(exc).__name__}: {str(exc)[:80]}).")
            if _declares_dtd(head):
                return _rejected(f"The DOCX part {info.filename!r} declares a DTD, which Word never writes.")
    return None
