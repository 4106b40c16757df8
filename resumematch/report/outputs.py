"""The files a ranking run leaves behind: the ranked CSV (or workbook), the blind keys CSV, the run record, and
on request the explanation JSONL and the evidence CSV, all views of one ``Screening``.

The run imports this module only once every file is read, so the worker processes it forks
never carry pandas.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

from .._version import __version__
from ..model import RequirementModel
from .blind import blind_evidence, blind_explanation, blind_flag, candidate_ids
from .csvsafe import write_csv
from .redact import files_redactor
from .rows import IDENTIFYING, is_blind
from .screening import Screening


def write_outputs(screening: Screening, output: Path, settings: dict, key: bytes | None, skipped: list[Path],
                  *, explain: str | None = None, evidence: str | None = None
                  ) -> tuple[pd.DataFrame, Path, Path | None]:
    """Write the ranked table of ``screening`` at ``output`` (a CSV, or a workbook when it ends in
    ``.xlsx``), its run record, with a blind ``key``
    the keys CSV, and the explanation JSONL and evidence CSV when their paths are given.
    ``settings`` are the run's settings as recorded. Returns the ranked frame as written, the
    record's path and the keys' path."""
    model = screening.model
    frame = screening.ranking
    keys_path, by_file, redact = None, None, None
    if key is not None:
        redact = files_redactor(screening.files)
        by_file = candidate_ids(key, screening.files["sha256"].fillna(""), screening.files["file"])
        ids = [by_file[f] for f in frame["file"]]
        keys_path = output.with_name(output.stem + ".keys.csv")
        write_csv(pd.DataFrame({"candidate_id": ids, "file": frame["file"]}), keys_path)
        frame = frame.drop(columns=IDENTIFYING)
        # every text cell, as in the evidence: a job's employer may be the candidate's own firm
        # ("Staff Accountant, Priya Raghunathan CPA LLC" in `jobs`)
        for column in frame.drop(columns=["candidate", "flags"]).select_dtypes(exclude="number").columns:
            frame[column] = frame[column].map(lambda v: redact(v) if isinstance(v, str) else v)
        frame = frame.assign(candidate=ids, flags=[blind_flag(f, by_file) for f in frame["flags"]])
    if output.suffix.lower() == ".xlsx":
        from .xlsx import write_xlsx  # openpyxl only for those who ask for a workbook

        write_xlsx(frame, output)
    else:
        write_csv(frame, output)
    if explain:
        with open(explain, "w", encoding="utf-8") as fh:
            for data in screening.explanations():
                data = blind_explanation(data, key, by_file, redact)
                fh.write(json.dumps(data, ensure_ascii=False, allow_nan=False) + "\n")
    if evidence:
        table = screening.evidence
        write_csv(blind_evidence(table, screening.files, key, redact) if key is not None else table, evidence)
    return frame, write_run_record(output, model, settings, frame, skipped, blind=key is not None), keys_path


def write_run_record(output: Path, model: RequirementModel, settings: dict, frame: pd.DataFrame,
                     skipped: list[Path] = (), *, blind: bool = False) -> Path:
    """``<output>.run.json``: enough to reproduce and audit the run."""
    id_col, key = ("candidate", "candidate_id") if is_blind(frame) else ("file", "file")
    record = {
        "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "resumematch_version": __version__,
        "model": {"name": model.name, "version": model.version, "sha256": model.sha256, "content": model.content},
        "settings": settings,
        "files": [{key: f, "sha256": s, "status": st, "score": None if pd.isna(sc) else float(sc),
                   "rank": None if pd.isna(rk) else int(rk)}
                  for f, s, st, sc, rk in zip(frame[id_col], frame["sha256"], frame["status"],
                                              frame["score"], frame["rank"])],
        "skipped_files": [] if blind else [str(p) for p in skipped],
        "skipped_count": len(skipped),
    }
    path = output.with_name(output.name + ".run.json")
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False), encoding="utf-8")
    return path
