"""One ranking run end to end: files in, ranked CSV, explanations and a run record out.

Results are journalled as they arrive (``<output>.partial.jsonl``), so an
interrupted run leaves readable output and ``resume=True`` skips finished files.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..report.blind import blind_key
from ..score.facts import FACTS_VERSION
from ..types import DocStatus
from .cache import Cache, file_sha256
from .discover import scan
from .gcpause import paused_gc
from .pool import Limits
from .preflight import check_found, check_inputs, check_outputs, output_file
from .screener import Screener

if TYPE_CHECKING:
    import pandas as pd

    from ..report.screening import Screening


@dataclass
class RunSettings:
    """Settings of a ranking run; recorded in the run record."""

    workers: int | None = None
    timeout: float = 60.0
    memory_mb: int = 1024
    start_method: str | None = None
    cache: str | None = None
    use_cache: bool = True
    resume: bool = False
    blind: bool = False
    blind_key: str | None = None
    explain: str | None = None
    paths_shared: bool = False
    evidence: str | None = None
    extra: dict = field(default_factory=dict)

    def record(self, screener: Screener) -> dict:
        """These settings and the screener's, as the run record keeps them."""
        return {"as_of": screener.as_of.isoformat(), "workers": self.workers, "timeout": self.timeout,
                "memory_mb": self.memory_mb, "cache": self.use_cache, "resume": self.resume,
                "blind": self.blind, "extract_options": {"max_bytes": screener.options.max_bytes,
                                                         "max_pages": screener.options.max_pages},
                **self.extra}


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
    screening: Screening | None = None
    resumed: int = 0


class Interrupted(KeyboardInterrupt):
    """A run stopped by SIGINT or SIGTERM. ``code`` is the exit code shells expect: 128 + the signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.code = 128 + signum


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Inside, SIGINT and SIGTERM raise ``Interrupted`` where the run is, so it stops submitting
    files, kills its workers and closes the journal on the way out. A second signal during that
    clean-up is ignored. Only for the main thread (the CLI)."""
    wanted = (signal.SIGINT, signal.SIGTERM)

    def handler(signum, frame):
        for sig in wanted:
            signal.signal(sig, signal.SIG_IGN)
        raise Interrupted(signum)

    previous = {sig: signal.signal(sig, handler) for sig in wanted}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _journal(output: Path) -> Path:
    return output.with_name(output.name + ".partial.jsonl")


def _read_journal(path: Path) -> dict[str, dict]:
    """The finished files of an interrupted run, by path. A last line cut short by a kill is cut
    from the file too, so the lines this run appends start on lines of their own."""
    done = {}
    if not path.exists():
        return done
    data = path.read_bytes()
    whole = data[:data.rfind(b"\n") + 1]
    if len(whole) < len(data):
        with open(path, "r+b") as fh:
            fh.truncate(len(whole))
    for line in whole.splitlines():
        try:
            entry = json.loads(line)  # JSON's own UTF-8 decoding: a damaged line fails as a whole
        except ValueError:
            continue  # that file is read again
        if isinstance(entry, dict) and entry.get("facts_version") == FACTS_VERSION:  # else read again
            done[entry["row"]["file"]] = entry
    return done


def _facts(entry: dict | str) -> list:
    """The facts of a journal entry, or of its line as written to the journal."""
    return (json.loads(entry) if isinstance(entry, str) else entry)["facts"]


def rank_files(paths: Iterable[str | os.PathLike], output: str | os.PathLike, screener: Screener,
               settings: RunSettings | None = None,
               progress: Callable[[int, int], None] | None = None, *, client=None) -> RunSummary:
    """Rank every resume under ``paths`` and write the ranked table at ``output`` (plus run record):
    a CSV, an Excel workbook when it ends in ``.xlsx``, ``ranked.csv`` inside it when it ends in ``/``.
    With a ``dask.distributed.Client``, its cluster extracts and analyses the files.

    The journal holds names, contacts and paths unredacted: a blind run that fails removes it,
    so only an interruption (``KeyboardInterrupt``, to be resumed) leaves it behind."""
    settings = settings or RunSettings()
    try:
        return _rank_files(paths, output_file(output), screener, settings, progress, client=client)
    except InputError:
        raise  # found before any work: a journal left to resume stays
    except Exception:
        if settings.blind:
            _journal(output_file(output)).unlink(missing_ok=True)
        raise


def _rank_files(paths: Iterable[str | os.PathLike], output: Path, screener: Screener, settings: RunSettings,
                progress: Callable[[int, int], None] | None, *, client) -> RunSummary:
    paths = check_inputs(paths)
    key_file = settings.blind_key if settings.blind and settings.blind_key and not Path(settings.blind_key).is_file() \
        else None
    check_outputs({"output": output, "explain file": settings.explain, "evidence file": settings.evidence,
                   "blind key file": key_file})
    files, skipped = scan(paths)
    check_found(paths, files)
    output.parent.mkdir(parents=True, exist_ok=True)
    for extra in (settings.explain, settings.evidence):
        if extra:
            Path(extra).parent.mkdir(parents=True, exist_ok=True)
    journal_path = _journal(output)
    done = _read_journal(journal_path) if settings.resume else {}
    if not settings.resume:
        journal_path.unlink(missing_ok=True)
    todo = [f for f in files if str(f) not in done or done[str(f)]["row"].get("sha256") != file_sha256(f)]
    kept = {str(f) for f in files} - {str(f) for f in todo}
    for path in (settings.explain, settings.evidence):
        if path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    cache = Cache(settings.cache) if settings.use_cache else None
    key = blind_key(settings.blind_key) if settings.blind else None
    count = len(kept)
    # The cache's facts come first. While they do, and while the tables are built from them, the cyclic
    # collector would only walk their many small lists (none in a cycle) again and again; it runs as usual
    # from the first file read now (workers forked meanwhile turn their own back on).
    with ExitStack() as from_cache:
        from_cache.enter_context(paused_gc())
        try:
            # Only the user may read the journal: it holds names, contacts and paths unredacted.
            with open(os.open(journal_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "a",
                      encoding="utf-8") as journal:
                limits = Limits(settings.timeout, settings.memory_mb, start_method=settings.start_method)
                for _, (file, made), cached in screener.facts_of(todo, workers=settings.workers, cache=cache,
                                                                 limits=limits, client=client,
                                                                 paths_shared=settings.paths_shared):
                    entry = {"row": {"file": file, "sha256": made[0][0]}, "facts_version": FACTS_VERSION,
                             "facts": made}
                    if not cached:  # a resumed run gets cached facts from the cache again, as fast
                        from_cache.close()
                        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
                        journal.write(line + "\n")
                        journal.flush()
                        # Kept as its journal line until the tables are built: as objects, the facts of
                        # 2,000 files took 40 MB of this process while its workers ran.
                        entry = line
                    done[file] = entry
                    count += 1
                    if progress:
                        progress(count, len(files))
        finally:
            hits = cache.hits if cache else 0
            if cache:
                cache.close()
        with paused_gc():  # also after files read now: importing pandas and building tables make no cycles
            from ..report.outputs import write_outputs  # pandas loads here, after the workers have forked
            from ..report.screening import Screening

            screening = Screening.from_records(screener.model, [(str(f), _facts(done[str(f)])) for f in files
                                                                if str(f) in done])
            frame, record, keys_path = write_outputs(screening, output, settings.record(screener), key, skipped,
                                                     explain=settings.explain, evidence=settings.evidence)
            done.clear()  # freed while paused, so the collector never walks them
    journal_path.unlink(missing_ok=True)
    failed = frame.loc[frame["status"] != DocStatus.OK, "status"].value_counts().to_dict()
    return RunSummary(output, len(frame), int((frame["status"] == DocStatus.OK).sum()), failed, hits, record,
                      keys_path, frame, [str(p) for p in skipped], screening, resumed=len(kept))
