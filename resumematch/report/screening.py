"""``Screening``: many resumes screened against one model, as two tables and their views.

The findings (what analysis found, with snippets) and the files table do not depend on weights,
kinds or category weights, so ``rescore`` recomputes scores from them without a file or spaCy.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path

import pandas as pd
from pydantic import ValidationError

from ..errors import InputError, ModelError, RescoreError
from ..model import RequirementModel, load_model
from ..score.aggregate import Scores, score_tables
from ..score.evidence import evidence_frame
from ..score.scorecard import Scorecard, scorecard
from ..score.table import build_tables
from ..types import CATEGORIES
from .explain import explanation
from .ranking import ranking_frame


class Screening:
    """The outcome of screening resumes against ``model``.

    - ``evidence``: one row per (file, requirement, finding), with the strength each lends;
    - ``files``: one row per file (status, reason, flags, years, contact), in input order;
    - ``ranking``: the ranked table, with the ranked CSV's columns;
    - ``explain(file)``: why that file scored as it did.

    The columns are a contract (docs/output.md)."""

    def __init__(self, model: RequirementModel, findings: pd.DataFrame, files: pd.DataFrame) -> None:
        self.model = model
        self.findings = findings
        self.files = files

    @classmethod
    def from_records(cls, model: RequirementModel, records: list[tuple[str, list]]) -> Screening:
        """A screening from ``(file, facts)`` records (``score.facts.facts``), in file order."""
        findings, files = build_tables(records)
        return cls(model, findings, files)

    @cached_property
    def scores(self) -> Scores:
        return score_tables(self.findings, self.files, self.model)

    @cached_property
    def evidence(self) -> pd.DataFrame:
        return evidence_frame(self.findings, self.files, self.scores)

    @cached_property
    def ranking(self) -> pd.DataFrame:
        return ranking_frame(self.files, self.scores)

    def __len__(self) -> int:
        return len(self.files)

    def __repr__(self) -> str:
        return f"<Screening of {len(self)} files against {self.model.name}>"

    def _index(self, file: str | os.PathLike) -> int:
        hits = (self.files["file"] == str(file)).to_numpy().nonzero()[0]
        if not len(hits):
            raise InputError(f"{file} is not among the screened files")
        return int(hits[0])

    def scorecard(self, file: str | os.PathLike) -> Scorecard:
        """The scorecard of ``file`` (unassessed, with a NaN total, when it could not be scored)."""
        return scorecard(self.findings, self.files, self.scores, self._index(file))

    def explain(self, file: str | os.PathLike) -> dict:
        """Why ``file`` scored as it did: the JSON object of the explanation JSONL (docs/output.md)."""
        i = self._index(file)
        return explanation(self.files.iloc[i].to_dict(), scorecard(self.findings, self.files, self.scores, i))

    def explanations(self):
        """``explain`` for every file, in file order."""
        rows = self.files.to_dict("records")
        for i, fact in enumerate(rows):
            yield explanation(fact, scorecard(self.findings, self.files, self.scores, i))

    def to_html(self, path: str | os.PathLike, *, as_of=None, blind: bool = False, top: int = 200) -> Path:
        """Write the self-contained HTML report of this screening to ``path`` (docs/report.md):
        ``as_of`` is shown in its header, ``blind`` leaves out names, contacts and files, and the
        best ``top`` candidates get a heatmap row and a card."""
        from .html import model_meta, write_html

        return write_html(path, self.ranking, self.evidence, self.files, model_meta(self.model, as_of, blind=blind),
                          blind=blind, top=top)

    def rescore(self, model: RequirementModel | str | os.PathLike | Mapping[str, float]) -> Screening:
        """This screening scored against another model: a ``RequirementModel``, a model name or
        path, or new weights by requirement id or category (``{"cert.pmp": 5, "duties": 20}``).

        Only weights, kinds, ``satisfied_by``, ``mention_strength``, category weights and modes and
        ``experience.full_strength_years`` may differ: when phrases differ, the files must be
        analysed again, and ``RescoreError`` names the requirements whose phrases changed."""
        if isinstance(model, Mapping):
            model = _reweighted(self.model, model)
        elif not isinstance(model, RequirementModel):
            model = load_model(model)
        old, new = self.model.matching_parts(), model.matching_parts()
        changed = [k for k in dict.fromkeys([*old, *new])  # loaded: 88 and 88.0 are one threshold
                   if k not in old or k not in new or json.loads(old[k]) != json.loads(new[k])]
        if changed:
            raise RescoreError(f"The model {model.name!r} finds other things than {self.model.name!r} in: "
                               f"{', '.join(changed)}. Its phrases differ, so the files must be analysed again "
                               "(Screener(model).screen(paths)); re-scoring would give stale scores.")
        return Screening(model, self.findings, self.files)


def _reweighted(model: RequirementModel, weights: Mapping[str, float]) -> RequirementModel:
    data = model.model_dump()
    by_id = {r["id"]: r for r in data["requirements"]}
    unknown = [k for k in weights if k not in by_id and k not in CATEGORIES and k != "fit"]
    if unknown:
        raise InputError(f"Unknown requirement ids or categories: {', '.join(map(str, unknown))}")
    for key, weight in weights.items():
        if key in by_id:
            by_id[key]["weight"] = weight
        elif key == "fit":
            data["fit_weight"] = weight
        else:
            data["category_weights"][key] = weight
    data["content"] = ""
    data["sha256"] = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()
    try:
        return RequirementModel.model_validate(data)
    except ValidationError as exc:
        raise ModelError(f"Invalid weights: {exc.errors()[0]['msg']}") from None
