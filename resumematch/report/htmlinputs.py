"""The HTML report's tables read back from earlier outputs: the ranked CSV, an evidence CSV, an
explanation JSONL and the run record. What ``resumematch report`` and ``rank --html`` call.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from pathlib import Path, PurePath

import pandas as pd
import srsly

from ..errors import InputError
from ..model import RequirementModel, load_model
from .csvsafe import FORMULA_START
from .html import EVIDENCE_COLUMNS, model_meta, write_html
from .rows import is_blind

FILE_COLUMNS = ["file", "sha256", "format", "status", "reason", "flags", "relevant_years", "role_years", "total_years",
                "candidate_name", "email", "phone"]


def _unquote(value: object) -> object:
    """A cell as it was before ``csv_safe`` put a ``'`` in front of it."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in "".join(FORMULA_START):
        return value[1:]
    return value


def read_table(path: str | os.PathLike) -> pd.DataFrame:
    """A CSV (or ranked workbook) written by resumematch, read back with its text cells as they were."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path} does not exist", hint="give the path of a CSV that rank wrote")
    text_columns = {"sha256": str, "file": str, "phone": str}
    if path.suffix.lower() == ".xlsx":  # typed cells, nothing escaped
        return pd.read_excel(path, dtype=text_columns)
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=text_columns)
    frame.columns = [str(_unquote(c)) for c in frame.columns]
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(_unquote)
    return frame


def frames_from_explanations(explanations: Iterable[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """BRIDGE until ``Screener.screen`` (issue #9) gives the evidence and files tables: both
    rebuilt from the explanation JSONL that ``rank --explain`` writes. It holds each requirement's
    best evidence and the findings that did not count, not every finding. Rows are keyed by
    ``file``, or by ``candidate_id`` (also put in ``file``) in a blind run."""
    evidence, files = [], []
    for data in explanations:
        key = data.get("file") or data.get("candidate_id") or ""
        base = {"file": key, "sha256": data.get("sha256") or ""}
        if "candidate_id" in data:
            base["candidate_id"] = data["candidate_id"]
        cand = data.get("candidate") or {}
        files.append({**base, "format": PurePath(str(data.get("file", ""))).suffix.lstrip("."),
                      "status": data.get("status"), "reason": data.get("reason") or "",
                      "flags": ";".join(data.get("flags") or []),
                      "relevant_years": data.get("relevant_experience_years"),
                      "role_years": data.get("role_experience_years"),
                      "total_years": data.get("experience_years"),
                      "candidate_name": cand.get("name"), "email": cand.get("email"), "phone": cand.get("phone")})
        for item in data.get("requirements") or []:
            req = {"requirement": item["id"], "label": item["label"], "category": item["category"],
                   "kind": item["kind"], "weight": item["weight"]}
            via = item.get("via") or ""
            ev = item.get("evidence")
            if ev or via:
                ev = ev or {}
                evidence.append({**base, **req, "text": ev.get("text", ""), "method": ev.get("method", ""),
                                 "match_score": ev.get("score"), "status": ev.get("status", ""),
                                 "section": ev.get("section", ""), "page": ev.get("page"), "start": None,
                                 "end": None, "snippet": ev.get("snippet", ""), "strength": item["strength"],
                                 "via": via})
            for nc in item.get("not_counted") or []:
                evidence.append({**base, **req, "text": nc.get("text", ""), "method": "", "match_score": None,
                                 "status": nc.get("status", ""), "section": nc.get("section", ""),
                                 "page": nc.get("page"), "start": None, "end": None, "snippet": "",
                                 "strength": 0.0, "via": ""})
    columns = EVIDENCE_COLUMNS + (["candidate_id"] if any("candidate_id" in e for e in evidence) else [])
    file_columns = FILE_COLUMNS + (["candidate_id"] if any("candidate_id" in f for f in files) else [])
    return pd.DataFrame(evidence, columns=columns), pd.DataFrame(files, columns=file_columns)


def read_explanations(path: str | os.PathLike) -> list[dict]:
    """The explanation JSONL at ``path``; a line cut short by an interruption is skipped."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return out


def _meta_from_record(ranked: Path, blind: bool) -> dict | None:
    record_path = ranked.with_name(ranked.name + ".run.json")
    if not record_path.is_file():
        return None
    record = json.loads(record_path.read_text(encoding="utf-8"))
    content = (record.get("model") or {}).get("content")
    if not content:
        return None
    model = RequirementModel(**srsly.yaml_loads(content), sha256=record["model"].get("sha256", ""))
    return model_meta(model, (record.get("settings") or {}).get("as_of"), blind=blind)


def write_report(ranked: str | os.PathLike, evidence: str | os.PathLike, output: str | os.PathLike, *,
                 model: str | os.PathLike | None = None, blind: bool = False, top: int = 200) -> Path:
    """Rebuild the HTML report from a ranked CSV and an evidence CSV (or explanation JSONL).

    The model comes from ``model`` when given, else from the run record beside the CSV, else
    the requirements are read from the tables. A ranked CSV written with ``--blind`` always
    gives a blind report."""
    ranked = Path(ranked)
    ranking = read_table(ranked)
    blind = blind or is_blind(ranking)
    if Path(evidence).suffix.lower() == ".jsonl":
        if not Path(evidence).is_file():
            raise InputError(f"{evidence} does not exist",
                             hint="give the evidence CSV or explanation JSONL that rank wrote")
        found, files = frames_from_explanations(read_explanations(evidence))
    else:
        found, files = read_table(evidence), None
    meta = model_meta(load_model(model), blind=blind) if model else _meta_from_record(ranked, blind)
    if meta is None:  # requirements then come from the tables, without what each was looked for by
        meta = {"name": "", "title": "", "hash": "", "as_of": "", "blind": blind}
    return write_html(output, ranking, found, files, meta, blind=blind, top=top)


def write_run_html(output: str | os.PathLike, ranking: pd.DataFrame, screening, model: RequirementModel,
                   as_of: dt.date, *, blind: bool = False, top: int = 200) -> Path:
    """``rank --html``: the report of a run from its ranked frame (blind ids when ``blind``) and its
    ``Screening`` (every finding, every file)."""
    return write_html(output, ranking, screening.evidence, screening.files, model_meta(model, as_of, blind=blind),
                      blind=blind, top=top)
