"""``Scoring``: many resumes scored against one model, from two tables, and scored again.

The findings (what analysis found, with snippets) and the files table do not depend on weights,
kinds or category weights, so ``rescore`` recomputes scores from them without a file or spaCy.
``report.screening.Screening`` is this scoring with its views (the ranking, explanations, HTML).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from functools import cached_property
from typing import Self

import pandas as pd
from pydantic import ValidationError

from ..errors import InputError, ModelError, RescoreError
from ..model import RequirementModel, load_model
from ..types import CATEGORIES
from .aggregate import Scores, score_tables
from .evidence import evidence_frame
from .scorecard import Scorecard, scorecard
from .table import build_tables


class Scoring:
    """The files of a screening scored against ``model``.

    - ``findings``: one row per finding tagged with a requirement (``facts.FINDING_COLUMNS``);
    - ``files``: one row per file (status, reason, flags, years, contact), in input order;
    - ``scores``: strengths, categories and totals of every file (``aggregate.Scores``);
    - ``evidence``: one row per (file, requirement, finding), with the strength each lends;
    - ``scorecard(file)``: one file's scorecard;
    - ``rescore(model)``: the same tables scored against other weights.

    The columns are a contract (docs/output.md)."""

    def __init__(self, model: RequirementModel, findings: pd.DataFrame, files: pd.DataFrame) -> None:
        self.model = model
        self.findings = findings
        self.files = files

    @classmethod
    def from_records(cls, model: RequirementModel, records: list[tuple[str, list]]) -> Self:
        """A scoring from ``(file, facts)`` records (``facts.facts``), in file order."""
        findings, files = build_tables(records)
        return cls(model, findings, files)

    @cached_property
    def scores(self) -> Scores:
        return score_tables(self.findings, self.files, self.model)

    @cached_property
    def evidence(self) -> pd.DataFrame:
        return evidence_frame(self.findings, self.files, self.scores)

    def __len__(self) -> int:
        return len(self.files)

    def _index(self, file: str | os.PathLike) -> int:
        hits = (self.files["file"] == str(file)).to_numpy().nonzero()[0]
        if not len(hits):
            raise InputError(f"{file} is not among the screened files")
        return int(hits[0])

    def scorecard(self, file: str | os.PathLike) -> Scorecard:
        """The scorecard of ``file`` (unassessed, with a NaN total, when it could not be scored)."""
        return self.scorecard_at(self._index(file))

    def scorecard_at(self, i: int) -> Scorecard:
        """The scorecard of the ``i``-th file of the files table (files may share a name)."""
        return scorecard(self.findings, self.files, self.scores, i)

    def rescore(self, model: RequirementModel | str | os.PathLike | Mapping[str, float]) -> Self:
        """This scoring against another model: a ``RequirementModel``, a model name or path, or new
        weights by requirement id or category (``{"cert.pmp": 5, "duties": 20}``).

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
        return type(self)(model, self.findings, self.files)


def _reweighted(model: RequirementModel, weights: Mapping[str, float]) -> RequirementModel:
    data = model.model_dump()
    by_id = {r["id"]: r for r in data["requirements"]}
    unknown = [k for k in weights if k not in by_id and k not in CATEGORIES and k not in ("fit", "text_fit")]
    if unknown:
        raise InputError(f"Unknown requirement ids or categories: {', '.join(map(str, unknown))}")
    for key, weight in weights.items():
        if key in by_id:
            by_id[key]["weight"] = weight
        elif key == "fit":
            data["fit_weight"] = weight
        elif key == "text_fit":
            data["text_fit_weight"] = weight
        else:
            data["category_weights"][key] = weight
    data["content"] = ""
    data["sha256"] = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()
    try:
        return RequirementModel.model_validate(data)
    except ValidationError as exc:
        raise ModelError(f"Invalid weights: {exc.errors()[0]['msg']}") from None
