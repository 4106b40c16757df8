"""``Screening``: many resumes screened against one model, as the scoring of ``score.scoring`` with
its views: the ranked table, explanations and the HTML report."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

import pandas as pd

from ..score.scoring import Scoring
from .explain import explanation
from .ranking import ranking_frame


class Screening(Scoring):
    """The outcome of screening resumes against ``model``.

    - ``evidence``: one row per (file, requirement, finding), with the strength each lends;
    - ``files``: one row per file (status, reason, flags, years, contact), in input order;
    - ``ranking``: the ranked table, with the ranked CSV's columns;
    - ``explain(file)``: why that file scored as it did;
    - ``rescore(model)``: the same files against other weights, as a ``Screening``.

    The columns are a contract (docs/output.md)."""

    @cached_property
    def ranking(self) -> pd.DataFrame:
        return ranking_frame(self.files, self.scores)

    def __repr__(self) -> str:
        return f"<Screening of {len(self)} files against {self.model.name}>"

    def explain(self, file: str | os.PathLike) -> dict:
        """Why ``file`` scored as it did: the JSON object of the explanation JSONL (docs/output.md)."""
        i = self._index(file)
        return explanation(self.files.iloc[i].to_dict(), self.scorecard_at(i))

    def explanations(self) -> Iterator[dict]:
        """``explain`` for every file, in file order."""
        for i, fact in enumerate(self.files.to_dict("records")):
            yield explanation(fact, self.scorecard_at(i))

    def to_html(self, path: str | os.PathLike, *, as_of=None, blind: bool = False, top: int = 200) -> Path:
        """Write the self-contained HTML report of this screening to ``path`` (docs/report.md):
        ``as_of`` is shown in its header, ``blind`` leaves out names, contacts and files, and the
        best ``top`` candidates get a heatmap row and a card."""
        from .html import model_meta, write_html

        return write_html(path, self.ranking, self.evidence, self.files, model_meta(self.model, as_of, blind=blind),
                          blind=blind, top=top)
