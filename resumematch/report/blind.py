"""Blind scoring: pseudonymous candidate ids, and the explanation and evidence views with every
candidate's details redacted (``redact.Redactor``)."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from platformdirs import user_data_dir

from ..types import Flag
from .redact import Redactor, files_redactor, redact_tree

#: Fields that hold ids and hashes, not text: never redacted.
_NOT_TEXT = ("candidate_id", "sha256")


def blind_key(path: str | None = None) -> bytes:
    """The secret behind blind candidate ids: stable across runs, kept in the user's data folder."""
    key_path = Path(path) if path else Path(user_data_dir("resumematch")) / "blind.key"
    if not key_path.exists():
        key_path.parent.mkdir(parents=True, exist_ok=True)
        key_path.write_text(secrets.token_hex(32))
        os.chmod(key_path, 0o600)
    return bytes.fromhex(key_path.read_text().strip())


def candidate_id(key: bytes, sha256: str, file: str) -> str:
    """A stable pseudonymous id: a keyed hash of the file's content (or its path when unreadable)."""
    return "c_" + hmac.new(key, (sha256 or file).encode(), hashlib.sha256).hexdigest()[:12]


def candidate_ids(key: bytes, shas, files) -> dict[str, str]:
    """Each file's candidate id, one per file: files with the same content (copies) would share
    ``candidate_id``, so every copy but the first by path gets the id of its content and path."""
    first: dict[str, str] = {}
    for sha, file in sorted(zip(shas, files), key=lambda sf: sf[1]):
        if isinstance(sha, str) and sha:
            first.setdefault(sha, file)
    return {file: candidate_id(key, sha if not isinstance(sha, str) or not sha or first[sha] == file
                               else f"{sha}\0{file}", file)
            for sha, file in zip(shas, files)}


def blind_explanation(data: dict, key: bytes | None, ids: dict[str, str] | None = None,
                      redact: Redactor | None = None) -> dict:
    """An explanation (``explain.explanation``); with a ``key``, under its candidate id (from
    ``ids`` by file when given), without its name, email, phone and file, and with every string
    passed through ``redact`` (by default the redaction of this candidate's own details)."""
    if key is None:
        return data
    data = dict(data)
    data["candidate_id"] = (ids or {}).get(data["file"]) or candidate_id(key, data.get("sha256") or "", data["file"])
    cand = data.pop("candidate", None) or {}
    file = data.pop("file", None)
    if redact is None:
        redact = Redactor([cand.get("name")], [cand.get("email"), cand.get("phone")], [file])
    data["flags"] = [blind_flag(f, ids or {}) for f in data.get("flags") or []]
    return {k: v if k in _NOT_TEXT else redact_tree(v, redact) for k, v in data.items()}


def blind_flag(flag: str, ids: dict[str, str]) -> str:
    """``duplicate_of:<file>`` naming that file's blind id; other flags as they are."""
    if not isinstance(flag, str):
        return flag
    head, tag, file = flag.partition(Flag.DUPLICATE_OF.having(""))
    return head + tag + ids.get(file, "another file") if tag else flag


def blind_evidence(evidence, files, key: bytes, redact: Redactor | None = None):
    """The evidence table with ``file`` replaced by ``candidate_id`` and every text cell passed
    through ``redact`` (by default the redaction of every candidate in ``files``)."""
    if redact is None:
        redact = files_redactor(files)
    out = evidence.copy()
    ids = candidate_ids(key, files["sha256"].fillna(""), files["file"])
    out.insert(0, "candidate_id", out["file"].map(ids))
    out = out.drop(columns=["file"])
    for column in out.drop(columns=[c for c in _NOT_TEXT if c in out]).select_dtypes(exclude="number").columns:
        out[column] = out[column].map(redact)
    return out
