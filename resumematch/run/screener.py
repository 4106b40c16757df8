"""The public entry point for recruiting scripts: ``Screener`` scores and ranks resumes."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..analyze.review import review
from ..analyze.values import Analysis, pipeline_hash
from ..extraction import Document, ExtractOptions, extract
from ..extraction.document import assemble
from ..extraction.normalize import normalize
from ..model import RequirementModel, load_model
from ..score.facts import facts, facts_hash
from ..score.result import Result
from ..types import DocStatus
from .cache import Cache, file_sha256, options_key
from .discover import find_resumes
from .gcpause import paused_gc
from .pool import Limits, analyze_files
from .preflight import check_inputs

if TYPE_CHECKING:
    import pandas as pd

    from ..report.screening import Screening

#: One file's facts as ``score.facts.facts`` gives them, with its path.
Record = tuple[str, list]


class Screener:
    """Scores resumes against one requirement model. Loads the pipeline once.

    >>> s = Screener("it_project_manager")          # or a path to a model YAML
    >>> r = s.score("cv.pdf")                        # doctest: +SKIP
    >>> screening = s.screen(["folder/", "x.docx"])  # doctest: +SKIP
    >>> screening.ranking, screening.evidence        # doctest: +SKIP
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
            from ..catalog.occupations import background

            # The pipeline's occupation background first, while this process is small (a worker
            # before it loads spaCy): the child process that builds it is a copy of this one. So is
            # the one that indexes the held titles, when the role's own occupation is read from a
            # title that holds none whole (analyze.relevance).
            if self.model.title:
                background().closest_title(self.model.title)
            else:
                background()
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
            yield from self._results([(doc, next(analyses) if doc.ok else None) for doc in chunk])

    def _results(self, items: list[tuple[Document, Analysis | None]]) -> list[Result]:
        """Results of analysed documents, scored together as one table."""
        from ..score.scoring import Scoring  # pandas loads on first use: workers forked before stay small

        reviewed = [review(doc, analysis) if analysis is not None else (None, ()) for doc, analysis in items]
        records = [(doc.source or "<text>", facts(doc, analysis, flags))
                   for (doc, _), (analysis, flags) in zip(items, reviewed)]
        scoring = Scoring.from_records(self.model, records)
        return [Result(file, doc, analysis, scoring.scorecard_at(i), flags)
                for i, ((file, _), (doc, _), (analysis, flags)) in enumerate(zip(records, items, reviewed))]

    def score_files(self, files: Iterable[str | os.PathLike], *, workers: int | None = None,
                    cache: Cache | None = None, limits: Limits | None = None, client=None,
                    paths_shared: bool = False) -> Iterator[Result]:
        """Score ``files`` lazily, in order. Worker processes (default: one per CPU) extract and
        analyse them; ``workers=0`` does it in this process, without isolation. With a ``cache``,
        known documents and analyses are reused. With a ``dask.distributed.Client``, the cluster's
        workers extract and analyse instead, and results come as they finish (see ``run.cluster``)."""
        items = self._analyzed(list(files), workers=workers, cache=cache, limits=limits, client=client,
                               paths_shared=paths_shared)
        for chunk in _chunks(items, 16):
            yield from self._results(chunk)

    def _analyzed(self, files: list, *, workers: int | None, cache: Cache | None, limits: Limits | None,
                  client=None, paths_shared: bool = False) -> Iterator[tuple[Document, Analysis | None]]:
        """``(document, analysis)`` of each file: from the local worker pool, or from the Dask
        cluster behind ``client`` (in the order they finish there)."""
        if client is not None:
            from .cluster import analyze_on_cluster

            return analyze_on_cluster(client, files, analyzer=self._own_analyzer, analysis_key=self.analysis_key,
                                      options=self.options, limits=limits, cache=cache, paths_shared=paths_shared)
        return analyze_files(files, analyzer=self._own_analyzer, analysis_key=self.analysis_key,
                             options=self.options, workers=workers, limits=limits, cache=cache)

    def facts_of(self, files: Iterable[str | os.PathLike], *, workers: int | None = None,
                 cache: Cache | None = None, limits: Limits | None = None, client=None,
                 paths_shared: bool = False) -> Iterator[tuple[int, Record, bool]]:
        """``(index, (file, facts), cached)`` for every file, as they are ready (not in order): from
        the cache when it holds the file's facts (``cached``), else extracted, analysed and reviewed
        in the workers (or on the Dask cluster behind ``client``)."""
        files = [str(f) for f in files]
        key = self._facts_key(cache) if cache is not None and not self.options.password else None
        shas = [file_sha256(Path(file)) if key else None for file in files]
        with paused_gc():  # many small lists, none in a cycle
            cached = [cache.get_facts(sha, key) if sha else None for sha in shas]
        todo = []
        for i, (file, known) in enumerate(zip(files, cached)):
            if known is not None:
                yield i, (file, known), True
            else:
                todo.append(i)
        index, in_order = {files[i]: i for i in todo}, iter(todo)
        workers = default_workers(files[i] for i in todo) if workers is None else workers
        for doc, analysis in self._analyzed([files[i] for i in todo], workers=workers, cache=cache, limits=limits,
                                            client=client, paths_shared=paths_shared):
            # the local pool answers in order; the cluster as its tasks finish, named by source
            i = index[str(doc.source)] if client is not None else next(in_order)
            analysis, flags = review(doc, analysis) if analysis is not None else (None, ())
            made = facts(doc, analysis, flags)
            if key and doc.sha256 and doc.status not in (DocStatus.TIMEOUT, DocStatus.ERROR):
                cache.put_facts(doc.sha256, key, made)
            yield i, (files[i], made), False

    def _facts_key(self, cache: Cache) -> str:
        parts = (self.analysis_key, cache.extractor, options_key(self.options), facts_hash())
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]

    def screen(self, paths: Iterable[str | os.PathLike], *, workers: int | None = None,
               cache: Cache | None = None, limits: Limits | None = None, client=None) -> Screening:
        """Screen every resume under ``paths`` (see ``find_resumes``): a ``Screening`` with the
        evidence and files tables, the ranking and explanations. A path that does not exist is an
        ``InputError``. With a ``dask.distributed.Client``, the cluster extracts and analyses."""
        from ..report.screening import Screening

        files = find_resumes(check_inputs(paths))
        records: list = [None] * len(files)
        for i, record, _ in self.facts_of(files, workers=workers, cache=cache, limits=limits, client=client):
            records[i] = record
        return Screening.from_records(self.model, records)

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
        """Rank every resume under ``paths``: a DataFrame with the ranked CSV's columns
        (``screen(paths).ranking``). With a ``dask.distributed.Client``, the cluster extracts and
        analyses the files."""
        return self.screen(paths, workers=workers, client=client).ranking


#: A worker's start-up: importing spaCy and building the pipeline, 0.7 s of CPU (0.69-0.72 s by
#: benchmarks/worker_costs.py in a fresh process; 1.0 s before spaCy's import and the pipeline's
#: build were cut; see docs/performance.md).
WORKER_START_S = 0.7
#: What reading and analysing a file costs, estimated from its size: 12 ms plus 1 ms per KB
#: (measured: real multi-page template PDFs 140 ms at 121 KB, generated one-page PDFs 15 ms at
#: 2.7 KB, text files 10-15 ms at 2 KB).
FILE_S, KB_S = 0.012, 0.001


def default_workers(files: Iterable[str | os.PathLike]) -> int:
    """The worker count when none is given, for ``files`` still to read: one worker per start-up's
    worth of estimated work (a worker given less spends more CPU starting than it saves in time),
    at least one, at most the CPUs this process may run on."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on macOS or Windows
        cpus = os.cpu_count() or 1
    work = sum(FILE_S + _size(file) / 1024 * KB_S for file in files)
    return max(1, min(cpus, int(work // WORKER_START_S)))


def _size(file: str | os.PathLike) -> int:
    try:
        return os.stat(file).st_size
    except OSError:  # it gets its status from the reader
        return 0


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
