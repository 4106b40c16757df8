"""The public entry point for recruiting scripts: ``Screener`` scores and ranks resumes."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from ..analyze.values import Analysis, pipeline_hash
from ..extract import Document, ExtractOptions, extract
from ..extract.document import assemble
from ..extract.normalize import normalize
from ..model import RequirementModel, load_model
from ..score.gaming import review
from ..score.result import Result
from ..score.scoring import score
from .cache import Cache
from .discover import find_resumes
from .pool import Limits, analyze_files
from .preflight import check_inputs

if TYPE_CHECKING:
    import pandas as pd


class Screener:
    """Scores resumes against one requirement model. Loads the pipeline once.

    >>> s = Screener("it_project_manager")          # or a path to a model YAML
    >>> r = s.score("cv.pdf")                        # doctest: +SKIP
    >>> df = s.rank(["folder/", "x.docx"])           # doctest: +SKIP
    """

    def __init__(self, model: str | os.PathLike | RequirementModel = "it_project_manager", *,
                 as_of: dt.date | None = None, options: ExtractOptions | None = None) -> None:
        self.model = model if isinstance(model, RequirementModel) else load_model(model)
        self.options = options or ExtractOptions()
        self.as_of = as_of or dt.date.today()
        self._analyzer = None

    @property
    def analyzer(self):
        """The spaCy analyzer, built on first use (a run served from the cache never builds it)."""
        if self._analyzer is None:
            from ..analyze import Analyzer  # spaCy stays inside the analyze package

            self._analyzer = Analyzer(self.model, as_of=self.as_of)
        return self._analyzer

    @property
    def analysis_key(self) -> str:
        """What an analysis depends on: the pipeline's code, the model's matching part, ``as_of``."""
        parts = (pipeline_hash(), self.model.matching_hash(), self.as_of.isoformat())
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]

    def score(self, path: str | os.PathLike, *, password: str | None = None) -> Result:
        """Extract, analyse and score one resume file."""
        return self.score_document(extract(path, password=password, options=self.options))

    def score_text(self, text: str, name: str = "<text>") -> Result:
        """Score raw resume text."""
        doc = replace(assemble([normalize(text)], "txt"), source=name)
        return self.score_document(doc)

    def score_document(self, document: Document) -> Result:
        """Analyse and score an already extracted ``Document``."""
        return next(self.score_documents([document]))

    def score_documents(self, documents: Iterable[Document], *, batch_size: int = 16) -> Iterator[Result]:
        """Score already extracted documents lazily, in order, analysing ``batch_size`` at a time
        with ``nlp.pipe``; failed documents pass through unscored."""
        for chunk in _chunks(documents, batch_size):
            todo = [doc for doc in chunk if doc.ok]
            analyses = iter(self.analyzer.analyze_many(todo)) if todo else iter(())
            for doc in chunk:
                yield self._result(doc, next(analyses)) if doc.ok else _unscored(doc)

    def _result(self, doc: Document, analysis: Analysis | None) -> Result:
        if analysis is None:
            return _unscored(doc)
        analysis, flags = review(doc, analysis)
        return Result(doc.source or "<text>", doc, analysis, score(analysis, self.model), flags)

    def score_files(self, files: Iterable[str | os.PathLike], *, workers: int | None = None,
                    cache: Cache | None = None, limits: Limits | None = None, client=None,
                    paths_shared: bool = False) -> Iterator[Result]:
        """Score ``files`` lazily, in order. Worker processes (default: one per CPU) extract and
        analyse them; ``workers=0`` does it in this process, without isolation. With a ``cache``,
        known documents and analyses are reused. With a ``dask.distributed.Client``, the cluster's
        workers extract and analyse instead, and results come as they finish (see ``run.cluster``)."""
        if client is not None:
            from .cluster import analyze_files as on_cluster

            items = on_cluster(client, files, analyzer=self._own_analyzer, analysis_key=self.analysis_key,
                               options=self.options, limits=limits, cache=cache, paths_shared=paths_shared)
        else:
            items = analyze_files(files, analyzer=self._own_analyzer, analysis_key=self.analysis_key,
                                  options=self.options, workers=workers, limits=limits, cache=cache)
        for doc, analysis in items:
            yield self._result(doc, analysis)

    def _own_analyzer(self):
        # The workers' analyzer factory. A forked worker inherits this screener, and with it an
        # analyzer this process has already built; otherwise it builds one (spawned workers get a
        # pickled screener without it, see __getstate__). The parent itself never builds one for them.
        return self.analyzer

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_analyzer": None}  # a spaCy pipeline is rebuilt, not pickled

    def results(self, paths: Iterable[str | os.PathLike], *, workers: int | None = None,
                progress: Callable[[Result], None] | None = None, **batch_options) -> Iterator[Result]:
        """Score every resume under ``paths`` lazily (see ``find_resumes``), in file order.
        A path that does not exist is an ``InputError``."""
        for result in self.score_files(find_resumes(check_inputs(paths)), workers=workers, **batch_options):
            if progress:
                progress(result)
            yield result

    def rank(self, paths: Iterable[str | os.PathLike], *, workers: int | None = None, client=None) -> pd.DataFrame:
        """Rank every resume under ``paths``: a DataFrame with the ranked CSV's columns. With a
        ``dask.distributed.Client``, the cluster extracts and analyses the files."""
        from ..report.ranking import rank_frame

        return rank_frame(list(self.results(paths, workers=workers, client=client)), self.model)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _unscored(doc: Document) -> Result:
    return Result(doc.source or "<bytes>", doc)
