"""One ranking run end to end: files in, ranked CSV, explanations and a run record out.

Results are journalled as they arrive (``<output>.partial.jsonl``), so an
interrupted run leaves readable output and ``resume=True`` skips finished files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from platformdirs import user_data_dir

from . import __version__
from .batch import Limits, extract_all, file_sha256
from .cache import Cache
from .csvsafe import write_csv
from .explain import explanation
from .ranking import rank_rows, row
from .screener import Result, Screener, scan

CONTACT_COLUMNS = ("candidate_name", "email", "phone", "file")


@dataclass
class RunSettings:
    """Settings of a ranking run; recorded in the run record."""

    workers: int | None = None
    timeout: float = 60.0
    memory_mb: int = 1024
    start_method: str | None = None
    batch_size: int = 16
    cache: str | None = None
    use_cache: bool = True
    resume: bool = False
    blind: bool = False
    blind_key: str | None = None
    explain: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class RunSummary:
    output: Path
    rows: int
    scored: int
    failed: dict
    cache_hits: int
    record: Path
    keys: Path | None
    frame: pd.DataFrame
    skipped: list[str]


def _journal(output: Path) -> Path:
    return output.with_name(output.name + ".partial.jsonl")


def _read_journal(path: Path) -> dict[str, dict]:
    done = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut short by the interruption
            done[entry["row"]["file"]] = entry
    return done


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


def rank_files(paths: Iterable[str | os.PathLike], output: str | os.PathLike, screener: Screener,
               settings: RunSettings | None = None,
               progress: Callable[[int, int], None] | None = None) -> RunSummary:
    """Rank every resume under ``paths`` and write the CSV at ``output`` (plus run record)."""
    settings = settings or RunSettings()
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    files, skipped = scan(paths)
    journal_path = _journal(output)
    done = _read_journal(journal_path) if settings.resume else {}
    if not settings.resume:
        journal_path.unlink(missing_ok=True)
    todo = [f for f in files if str(f) not in done or done[str(f)]["row"].get("sha256") != file_sha256(f)]
    kept = {str(f) for f in files} - {str(f) for f in todo}
    explain_fh = open(settings.explain, "a" if settings.resume else "w", encoding="utf-8") if settings.explain else None
    cache = Cache(settings.cache) if settings.use_cache else None
    key = blind_key(settings.blind_key) if settings.blind else None
    count = len(kept)
    try:
        with open(journal_path, "a", encoding="utf-8") as journal:
            docs = extract_all(todo, options=screener.options, workers=settings.workers,
                               limits=Limits(settings.timeout, settings.memory_mb,
                                                 start_method=settings.start_method), cache=cache)
            for result in screener.score_documents(docs, cache=cache, batch_size=settings.batch_size):
                entry = {"row": row(result, screener.model)}
                if explain_fh:
                    explain_fh.write(json.dumps(_blind_explanation(result, key), ensure_ascii=False) + "\n")
                    explain_fh.flush()
                journal.write(json.dumps(entry, ensure_ascii=False, default=str) + "\n")
                journal.flush()
                done[str(result.file)] = entry
                count += 1
                if progress:
                    progress(count, len(files))
    finally:
        if explain_fh:
            explain_fh.close()
        hits = cache.hits if cache else 0
        if cache:
            cache.close()
    rows = [done[str(f)]["row"] for f in files if str(f) in done]
    frame = rank_rows(rows, screener.model)
    keys_path = None
    if key is not None:
        ids = [candidate_id(key, s or "", f) for s, f in zip(frame["sha256"].fillna(""), frame["file"])]
        keys_path = output.with_name(output.stem + ".keys.csv")
        write_csv(pd.DataFrame({"candidate_id": ids, "file": frame["file"]}), keys_path)
        frame = frame.drop(columns=list(CONTACT_COLUMNS))
        frame.insert(1, "candidate_id", ids)
    write_csv(frame, output)
    record = write_run_record(output, screener, settings, frame, skipped)
    journal_path.unlink(missing_ok=True)
    failed = frame.loc[frame["status"] != "ok", "status"].value_counts().to_dict()
    return RunSummary(output, len(frame), int((frame["status"] == "ok").sum()), failed, hits, record,
                      keys_path, frame, [str(p) for p in skipped])


def _blind_explanation(result: Result, key: bytes | None) -> dict:
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


def write_run_record(output: Path, screener: Screener, settings: RunSettings, frame: pd.DataFrame,
                     skipped: list[Path] = ()) -> Path:
    """``<output>.run.json``: enough to reproduce and audit the run."""
    model = screener.model
    id_col = "candidate_id" if "candidate_id" in frame.columns else "file"
    record = {
        "timestamp": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "resumematch_version": __version__,
        "model": {"name": model.name, "version": model.version, "sha256": model.sha256, "content": model.content},
        "settings": {"as_of": screener.as_of.isoformat(), "workers": settings.workers,
                     "timeout": settings.timeout, "memory_mb": settings.memory_mb,
                     "cache": settings.use_cache, "resume": settings.resume, "blind": settings.blind,
                     "extract_options": {"max_bytes": screener.options.max_bytes,
                                         "max_pages": screener.options.max_pages},
                     **settings.extra},
        "files": [{id_col: f, "sha256": s, "status": st, "score": None if pd.isna(sc) else float(sc),
                   "rank": None if pd.isna(rk) else int(rk)}
                  for f, s, st, sc, rk in zip(frame[id_col], frame["sha256"], frame["status"],
                                              frame["score"], frame["rank"])],
        "skipped_files": [] if settings.blind else [str(p) for p in skipped],
        "skipped_count": len(skipped),
    }
    path = output.with_name(output.name + ".run.json")
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False), encoding="utf-8")
    return path
