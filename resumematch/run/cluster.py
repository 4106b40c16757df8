"""Reading resumes on a Dask cluster: the local pool's isolated workers, run as Dask tasks.

The client keeps what is cheap and central: discovery, hashing, the cache, and (in the caller)
the review of each analysis, scoring and the outputs. Only files the cache cannot answer are submitted, in
batches of their bytes (or of their paths, with ``paths_shared``). A task writes its batch to a
temporary folder on the Dask worker and reads it with ``pool.analyze_files`` in one isolated
process, so the time limit, memory cap and page cap hold per file, and a hostile file ends only
that process, never the Dask worker. The spaCy pipeline is built once per Dask worker process
and the reader process, forked per task, inherits it.

Results come back as batches finish, not in input order. A batch whose Dask worker died is run
again by Dask; rows are deduplicated by file, so none is lost or doubled.
"""

from __future__ import annotations

import math
import multiprocessing as mp
import os
import stat
import tempfile
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..analyze.values import pipeline_hash
from ..errors import ClusterError, InputError
from ..extraction import EXTRACTOR_VERSION, Document, ExtractOptions, extract, extract_bytes
from ..extraction.document import failed
from ..types import DocStatus
from .cache import Cache, Item, Store, options_key
from .pool import Limits, analyze_files
from .worker import AnalyzerFactory, Analyzes

INSTALL_HINT = 'Running on a Dask cluster needs Dask: pip install "resumematch[dask]"'
_BATCH_FILES = 16  # at most, per task: enough to hide a task's cost, few enough to balance the tail
_BATCH_BYTES = 8 * 1024 * 1024  # Dask warns about task arguments much past this


def _distributed():
    try:
        import distributed
    except ImportError:
        raise ClusterError(INSTALL_HINT) from None
    return distributed


@contextmanager
def open_client(scheduler: str) -> Iterator[Any]:
    """A ``distributed.Client`` of the scheduler at ``tcp://HOST:PORT``, or, for ``local:N``, of a
    ``LocalCluster`` of N worker processes (one thread each) that closes with the client."""
    distributed = _distributed()
    if scheduler.startswith("local:"):
        count = scheduler.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise InputError(f"--scheduler {scheduler!r}: local:N needs a number of workers N >= 1, like local:4.")
        with distributed.LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster, distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"Cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        yield client


# --------------------------------------------------------------------------- on the Dask worker

_ANALYZERS: dict[str, Analyzes] = {}
_KEEP = 2  # pipelines a Dask worker keeps: two roles screened in turn are not rebuilt each time
_BUILDING = threading.Lock()  # a Dask worker with several threads builds its pipeline once


@dataclass(frozen=True)
class _ProcessAnalyzer:
    """An analyzer factory that builds once per process: a Dask worker keeps its pipeline across
    tasks, and the reader process forked for a task inherits it."""

    factory: AnalyzerFactory
    key: str

    def __call__(self) -> Analyzes:
        with _BUILDING:
            if self.key not in _ANALYZERS:
                while len(_ANALYZERS) >= _KEEP:  # the oldest goes: a pipeline is tens of MB
                    del _ANALYZERS[next(iter(_ANALYZERS))]
                _ANALYZERS[self.key] = _primed(self.factory())
            return _ANALYZERS[self.key]


def _primed(analyzer: Analyzes) -> Analyzes:
    """``analyzer`` after one small resume, with the PDF and DOCX readers imported: what a reader
    loads or builds on first use is then inherited by every reader forked for a task, instead of
    being loaded again by each (several tenths of a second per task)."""
    from ..extraction import docx, pdf  # noqa: F401  imported for the forked readers

    analyzer.analyze(extract_bytes(_PRIMER, ExtractOptions()))
    return analyzer


_PRIMER = (b"Jane Example\njane@example.com\n\nEXPERIENCE\nProject Manager, Acme, Jan 2019 - Present\n"
           b"- Led an Agile team of 8 with Scrum and Jira\n\nEDUCATION\nBSc Computer Science, 2015\n")


def read_batch(files: list[tuple[int, str, bytes | None]], documents: dict[int, dict],
               analyzer: _ProcessAnalyzer | None, analysis_key: str | None, options: ExtractOptions,
               limits: Limits) -> tuple[str, str, list[Item]]:
    """The Dask task: extract and analyse ``(index, name, bytes or None for a shared path)`` files
    in one isolated reader process; ``documents`` are already extracted ones by index.

    Returns this worker's extractor and pipeline versions, and ``(index, document, analysis)``
    per file."""
    if analyzer is not None:
        analyzer()  # built here, before the reader forks, so that it is built once per process
    # Dask starts its workers as daemons, and multiprocessing refuses a daemon children lest they
    # outlive it; the reader is joined or killed before this task returns.
    mp.current_process().daemon = False
    with tempfile.TemporaryDirectory(prefix="resumematch-") as tmp:
        paths = []
        for index, name, data in files:
            if data is None:
                paths.append(Path(name))
            else:
                paths.append(Path(tmp, str(index)))
                paths[-1].write_bytes(data)
        cache = Cache(Path(tmp, "documents.sqlite")) if documents else None
        for doc in documents.values():
            cache.put(Document.from_dict(doc), options_key(options))
        items = analyze_files(paths, analyzer=analyzer, analysis_key=analysis_key, options=options,
                              workers=1, limits=limits, cache=cache)
        out = []
        for (index, name, _), path, (doc, analysis) in zip(files, paths, items):
            doc = replace(doc, source=name, reason=doc.reason.replace(str(path), name))
            out.append((index, doc, analysis))
        if cache is not None:
            cache.close()
    return EXTRACTOR_VERSION, pipeline_hash(), out


# --------------------------------------------------------------------------- on the client


@dataclass
class _Batch:
    files: list[tuple[int, str, bytes | None]] = field(default_factory=list)
    documents: dict[int, dict] = field(default_factory=dict)
    size: int = 0


def analyze_on_cluster(client, files: Iterable[str | os.PathLike], *, analyzer: AnalyzerFactory | None = None,
                       analysis_key: str | None = None, options: ExtractOptions | None = None,
                       limits: Limits | None = None, cache: Cache | None = None, paths_shared: bool = False,
                       batch_size: int | None = None) -> Iterator[Item]:
    """``pool.analyze_files`` on the Dask cluster of ``client``: yield ``(document, analysis)`` per
    file, cache hits as they are found and the others as their batches finish. ``paths_shared``
    sends paths instead of bytes (every worker must see the files at the same paths);
    ``batch_size`` caps files per task."""
    distributed = _distributed()
    options = options or ExtractOptions()
    limits = limits or Limits()
    store = Store(cache, options, analysis_key if analyzer is not None else None)
    files = [Path(f) for f in files]
    factory = _ProcessAnalyzer(analyzer, analysis_key or "") if analyzer is not None else None
    size = batch_size or min(_BATCH_FILES, max(1, math.ceil(len(files) / (4 * _threads(client)))))
    plan = _plan(files, store, options, paths_shared, size)
    retry: deque[_Batch] = deque()
    running: dict[Any, _Batch] = {}
    done: set[int] = set()
    finished = distributed.as_completed()
    try:
        while True:
            window = 2 * _threads(client)
            while len(running) < window:
                step = retry.popleft() if retry else next(plan, None)
                if step is None:
                    break
                if isinstance(step, _Batch):
                    future = client.submit(read_batch, step.files, step.documents, factory, analysis_key,
                                           options, limits, pure=False)
                    running[future] = step
                    finished.add(future)
                    continue
                index, item = step
                done.add(index)
                yield item
            if not running:
                return
            future = next(finished)
            batch = running.pop(future)
            try:
                extractor, pipeline, results = future.result()
            except distributed.KilledWorker as exc:
                yield from _killed(batch, retry, done, exc)
                continue
            except Exception as exc:  # noqa: BLE001  the run stops; finished files are kept by the caller
                raise ClusterError(f"A batch failed on the Dask cluster: {type(exc).__name__}: {exc}") from exc
            _check_versions(extractor, pipeline)
            for index, doc, analysis in results:
                if index in done:
                    continue
                done.add(index)
                yield store.keep((doc, analysis), index in batch.documents)
    finally:
        if running:
            client.cancel(list(running))


def _threads(client) -> int:
    return max(1, sum(client.nthreads().values()))


def _plan(files: list[Path], store: Store, options: ExtractOptions, paths_shared: bool,
          size: int) -> Iterator[_Batch | tuple[int, Item]]:
    """Per file in order: its item when the cache (or a refusal) answers it here, else a place
    in the batch to submit, which is yielded once full."""
    batch = _Batch()
    for index, path in enumerate(files):
        hit, cached = store.find(path)
        if hit is not None:
            yield index, hit
            continue
        data = None
        if not paths_shared:
            data = _read(path, options)
            if data is None:  # not a regular file, too large or unreadable: extract says which
                yield index, store.keep((extract(path, options=options), None), False)
                continue
        if batch.files and (len(batch.files) >= size or batch.size + len(data or b"") > _BATCH_BYTES):
            yield batch
            batch = _Batch()
        batch.files.append((index, str(path), data))
        batch.size += len(data or b"")
        if cached is not None:
            batch.documents[index] = replace(cached, source=None).to_dict()
    if batch.files:
        yield batch


def _read(path: Path, options: ExtractOptions) -> bytes | None:
    """The file's bytes, or None where ``extract`` would refuse it without reading it."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or (options.max_bytes and info.st_size > options.max_bytes):
            return None
        return path.read_bytes()
    except OSError:
        return None


def _killed(batch: _Batch, retry: deque[_Batch], done: set[int], exc: Exception) -> Iterator[Item]:
    """A batch that killed its Dask workers too often: its files go again one by one, so that one
    file cannot take the others down with it; a single file gets an ``error`` row."""
    files = [f for f in batch.files if f[0] not in done]
    if len(files) > 1:
        for f in files:
            retry.append(_Batch([f], {f[0]: batch.documents[f[0]]} if f[0] in batch.documents else {}))
        return
    for index, name, _ in files:
        done.add(index)
        yield failed("unknown", DocStatus.ERROR, f"The Dask workers reading this file died ({exc}).", source=name), None


def _check_versions(extractor: str, pipeline: str) -> None:
    """A worker running other code would put its documents and analyses in this client's cache
    under this client's versions."""
    ours = (EXTRACTOR_VERSION, pipeline_hash())
    if (extractor, pipeline) != ours:
        raise ClusterError(f"A Dask worker runs other resumematch code (extractor {extractor}, pipeline "
                           f"{pipeline}) than this client ({ours[0]}, {ours[1]}); install the same "
                           "version on the client and every worker.")
