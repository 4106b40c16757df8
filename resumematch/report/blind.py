"""Blind scoring: pseudonymous candidate ids and explanations with the candidate's details redacted."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from platformdirs import user_data_dir

from ..score.result import Result
from .explain import explanation


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


def blind_explanation(result: Result, key: bytes | None) -> dict:
    """``explanation(result)``; with a ``key``, under a candidate id and with name, email, phone
    and file taken out, also from evidence snippets."""
    data = explanation(result)
    if key is None:
        return data
    data["candidate_id"] = candidate_id(key, result.document.sha256, result.file)
    secrets_ = [v for v in (data.pop("candidate", None) or {}).values() if v]
    data.pop("file", None)
    for item in data.get("requirements", []):
        ev = item.get("evidence")
        if ev:
            for s in secrets_:
                ev["snippet"] = ev["snippet"].replace(s, "[redacted]")
    return data
