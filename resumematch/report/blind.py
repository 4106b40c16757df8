"""Blind scoring: pseudonymous candidate ids and explanations with the candidate's details redacted."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from platformdirs import user_data_dir


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


def blind_explanation(data: dict, key: bytes | None, ids: dict[str, str] | None = None) -> dict:
    """An explanation (``explain.explanation``); with a ``key``, under its candidate id (from
    ``ids`` by file when given) and with name, email, phone and file taken out, also from
    evidence snippets."""
    if key is None:
        return data
    data = dict(data)
    data["candidate_id"] = (ids or {}).get(data["file"]) or candidate_id(key, data.get("sha256") or "", data["file"])
    secrets_ = [v for v in (data.pop("candidate", None) or {}).values() if v]
    data.pop("file", None)
    for item in data.get("requirements", []):
        ev = item.get("evidence")
        if ev:
            for s in secrets_:
                ev["snippet"] = ev["snippet"].replace(s, "[redacted]")
    return data


def blind_evidence(evidence, files, key: bytes):
    """The evidence table with ``file`` replaced by ``candidate_id`` and the candidate's name,
    email and phone redacted from texts and snippets."""
    out = evidence.copy()
    ids = candidate_ids(key, files["sha256"].fillna(""), files["file"])
    secrets_ = {f: [v for v in (n, e, p) if isinstance(v, str) and v]
                for f, n, e, p in zip(files["file"], files["candidate_name"], files["email"], files["phone"])}
    for column in ("text", "snippet"):
        out[column] = [_redact(v, secrets_[f]) for v, f in zip(out[column], out["file"])]
    out.insert(0, "candidate_id", out["file"].map(ids))
    return out.drop(columns=["file"])


def _redact(text, secrets_: list[str]):
    if isinstance(text, str):
        for s in secrets_:
            text = text.replace(s, "[redacted]")
    return text
