"""Ranking on a Dask cluster: a real LocalCluster of two worker processes, the real engine.

The files go over the wire as bytes unless a test says ``paths_shared``. Worker-side stand-ins
(a reader that hangs or crashes) are installed in the Dask workers with ``client.run`` and react
to a marker in the file's content, since a worker sees bytes, not names.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import signal
import sys
import time
import zlib
from pathlib import Path

import builders
import cloudpickle
import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from resumematch.cli import app
from resumematch.errors import ClusterError
from resumematch.run import cluster as cluster_module
from resumematch.run.pool import Limits
from resumematch.run.rank import RunSettings, rank_files
from resumematch.run.screener import Screener

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-01-01"
pytestmark = [pytest.mark.skipif(not hasattr(os, "fork"), reason="the reader process is forked"),
              pytest.mark.usefixtures("watchdog")]
cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the stand-ins below run in the workers
runner = CliRunner()


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


@pytest.fixture
def spy(monkeypatch):
    """Records each batch submitted by any client: ``(indexes, documents, bytes or None)`` per task."""
    sent = []
    real = Client.submit

    def submit(self, func, files, documents, *args, **kw):
        sent.append(([f[0] for f in files], dict(documents), [f[2] for f in files]))
        return real(self, func, files, documents, *args, **kw)

    monkeypatch.setattr(Client, "submit", submit)
    return sent


def make_resumes(folder: Path, n: int) -> list[Path]:
    spec = importlib.util.spec_from_file_location("rm_make_resumes", ROOT / "benchmarks" / "make_resumes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_resumes(folder, n, seed=11)


def good_pdf(path: Path, name: str = "Ada Lovelace") -> Path:
    path.write_bytes(builders.lines_pdf([[name, "Project manager at Acme 2019 - 2024",
                                          "Skills: Agile, Scrum, Jira, budgeting"]]))
    return path


def rank_cli(*args: str) -> str:
    result = runner.invoke(app, ["rank", *args, "--as-of", AS_OF, "--quiet"])
    assert result.exit_code == 0, result.output
    return result.output


def generated(folder: Path) -> Path:
    make_resumes(folder, 12)
    (folder / "docx_cv.docx").write_bytes(builders.build_docx(paragraphs=[
        "Grace Hopper", "IT Project Manager, Globex, 2015 - 2024", "Skills: PMP, Scrum, Jira, budgeting"]))
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.mark.parametrize("corpus", ["examples", "generated"])
def test_cluster_csv_is_byte_identical_to_the_local_run(client, spy, tmp_path, corpus):
    folder = ROOT / "examples" / "resumes" if corpus == "examples" else generated(tmp_path / "in")
    count = len(list(folder.iterdir()))
    rank_cli(str(folder), "-o", str(tmp_path / "local.csv"), "--workers", "1", "--cache", str(tmp_path / "l.sqlite"))
    local = (tmp_path / "local.csv").read_bytes()
    assert local.count(b"\n") - 1 == count
    scheduler = client.scheduler.address
    for shared in ([False, True] if corpus == "generated" else [False]):
        spy.clear()
        out = tmp_path / f"dask-{shared}.csv"
        rank_cli(str(folder), "-o", str(out), "--scheduler", scheduler, "--cache", str(tmp_path / f"d{shared}.sqlite"),
                 *(["--paths-shared"] if shared else []))
        assert out.read_bytes() == local
        assert sorted(i for indexes, _, _ in spy for i in indexes) == list(range(count))  # each file once
        sent = [data is not None for _, _, datas in spy for data in datas]
        assert not any(sent) if shared else all(sent)
        assert scheduler in out.with_name(out.name + ".run.json").read_text()


def test_cache_hits_are_not_resubmitted(client, spy, tmp_path):
    files = [good_pdf(tmp_path / f"cv{i}.pdf", f"Person Number{i}") for i in range(5)]
    cache = tmp_path / "c.sqlite"
    settings = RunSettings(cache=str(cache))
    first = rank_files(files, tmp_path / "a.csv", Screener(as_of=dt.date.fromisoformat(AS_OF)), settings, client=client)
    assert sorted(i for indexes, _, _ in spy for i in indexes) == list(range(5))
    spy.clear()
    good_pdf(files[3], "Someone Else")  # changed: its cache entry no longer applies
    again = rank_files(files, tmp_path / "b.csv", Screener(as_of=dt.date.fromisoformat(AS_OF)), settings, client=client)
    # only the changed file is sent (the others' scored facts come from the cache before any batch)
    assert [contents for _, _, contents in spy] == [[files[3].read_bytes()]]
    assert again.cache_hits >= 4 and again.rows == first.rows == 5
    spy.clear()
    other_role = ROOT / "examples" / "models" / "data_analyst.yaml"
    rank_files(files, tmp_path / "c.csv", Screener(other_role, as_of=dt.date.fromisoformat(AS_OF)), settings,
               client=client)
    # Documents are cached, analyses for this model are not: all go, with their documents.
    assert sorted(i for indexes, _, _ in spy for i in indexes) == list(range(5))
    assert sorted(i for _, documents, _ in spy for i in documents) == list(range(5))


MARK_HANG, MARK_CRASH = "HANG-THE-READER", "CRASH-THE-READER"


def install_hostile_reader() -> None:
    """In a Dask worker: the reader sleeps on a file holding MARK_HANG and dies on MARK_CRASH."""
    from resumematch.run import worker

    real = getattr(worker, "_real_extract", worker.extract)

    def extract(path, **kw):
        data = Path(path).read_bytes()
        if MARK_HANG.encode() in data:
            time.sleep(600)
        if MARK_CRASH.encode() in data:
            os._exit(1)
        return real(path, **kw)

    worker._real_extract, worker.extract = real, extract


def remove_hostile_reader() -> None:
    from resumematch.run import worker

    worker.extract = getattr(worker, "_real_extract", worker.extract)


def flate_bomb_pdf(inflated_mb: int) -> bytes:
    z = zlib.compressobj(9)
    stream = b"".join(z.compress(b"0" * (1 << 20)) for _ in range(inflated_mb)) + z.flush()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return bytes(out + b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)


def test_hostile_files_get_their_rows_and_the_dask_workers_survive(client, tmp_path):
    pids = client.run(os.getpid)
    files = [good_pdf(tmp_path / "a.pdf", "Ann Able"), tmp_path / "hang.txt", tmp_path / "bomb.pdf",
             tmp_path / "crash.txt", good_pdf(tmp_path / "z.pdf", "Zed Zulu")]
    files[1].write_text(f"Hana Hang\n{MARK_HANG}\n")
    files[2].write_bytes(flate_bomb_pdf(400))
    files[3].write_text(f"Carl Crash\n{MARK_CRASH}\n")
    client.run(install_hostile_reader)
    try:
        start = time.monotonic()
        summary = rank_files(files, tmp_path / "r.csv", Screener(as_of=dt.date.fromisoformat(AS_OF)),
                             RunSettings(use_cache=False, timeout=3, memory_mb=200), client=client)
        assert time.monotonic() - start < 60
    finally:
        client.run(remove_hostile_reader)
    status = dict(zip(summary.frame["file"], summary.frame["status"]))
    reason = dict(zip(summary.frame["file"], summary.frame["reason"]))
    assert status[str(files[0])] == status[str(files[4])] == "ok"
    assert status[str(files[1])] == "timeout" and "3 s" in reason[str(files[1])]
    assert status[str(files[2])] in ("too_large", "corrupt"), reason[str(files[2])]
    assert status[str(files[3])] == "error" and "crashed twice" in reason[str(files[3])]
    assert client.run(os.getpid) == pids  # no Dask worker died


def test_control_without_hostile_reader_reads_the_marked_files(client, tmp_path):
    files = [tmp_path / "hang.txt", tmp_path / "crash.txt"]
    files[0].write_text(f"Hana Hang\n{MARK_HANG}\n")
    files[1].write_text(f"Carl Crash\n{MARK_CRASH}\n")
    summary = rank_files(files, tmp_path / "r.csv", Screener(as_of=dt.date.fromisoformat(AS_OF)),
                         RunSettings(use_cache=False, timeout=4), client=client)
    assert list(summary.frame["status"]) == ["ok", "ok"]


def install_slow_reader() -> None:
    from resumematch.run import worker

    real = getattr(worker, "_real_extract", worker.extract)

    def extract(path, **kw):
        time.sleep(0.4)
        return real(path, **kw)

    worker._real_extract, worker.extract = real, extract


def test_killing_a_dask_worker_mid_run_still_gives_every_row_once(client, tmp_path):
    # more files than score_files scores at once (16), so workers are still busy at the first result
    files = [good_pdf(tmp_path / f"cv{i:02d}.pdf", f"Person Number{i}") for i in range(40)]
    before = set(client.run(os.getpid).values())
    client.run(install_slow_reader)
    killed = []
    results = []
    try:
        screener = Screener(as_of=dt.date.fromisoformat(AS_OF))
        for result in screener.score_files(files, client=client, limits=Limits(timeout=30)):
            results.append(result)
            if not killed:
                busy = [addr for addr, keys in client.processing().items() if keys]
                pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
    finally:
        client.run(remove_hostile_reader)
        client.wait_for_workers(2, timeout=60)
    assert killed and killed[0] not in set(client.run(os.getpid).values())
    assert before - set(client.run(os.getpid).values()) == set(killed)  # one worker was replaced
    assert sorted(str(r.file) for r in results) == sorted(map(str, files))  # each exactly once
    assert all(r.status == "ok" for r in results)


def test_interrupted_cluster_run_resumes_from_the_journal(client, spy, tmp_path):
    files = [good_pdf(tmp_path / f"cv{i}.pdf", f"Person Number{i}") for i in range(8)]
    out = tmp_path / "r.csv"

    def stop_after_three(done, total):
        if done == 3:
            raise KeyboardInterrupt

    screener = Screener(as_of=dt.date.fromisoformat(AS_OF))
    with pytest.raises(KeyboardInterrupt):
        rank_files(files, out, screener, RunSettings(use_cache=False), stop_after_three, client=client)
    journal = out.with_name(out.name + ".partial.jsonl")
    assert len(journal.read_text().splitlines()) == 3 and not out.exists()
    spy.clear()
    summary = rank_files(files, out, screener, RunSettings(use_cache=False, resume=True), client=client)
    assert sum(len(indexes) for indexes, _, _ in spy) == 5  # only the files not journalled
    assert summary.rows == 8 and sorted(summary.frame["file"]) == sorted(map(str, files))


def process_analyzers() -> dict[str, int]:
    return {key: id(analyzer) for key, analyzer in cluster_module._ANALYZERS.items()}


def test_each_dask_worker_builds_the_pipeline_once(client, tmp_path):
    files = [good_pdf(tmp_path / f"cv{i}.pdf", f"Person Number{i}") for i in range(4)]
    screener = Screener(as_of=dt.date.fromisoformat(AS_OF))
    list(screener.score_files(files, client=client))
    first = client.run(process_analyzers)
    list(screener.score_files(files, client=client))
    assert client.run(process_analyzers) == first  # the same pipeline objects served the second run
    assert all(screener.analysis_key in analyzers for analyzers in first.values())


def test_without_dask_scheduler_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now raises ImportError
    good_pdf(tmp_path / "a.pdf")
    result = runner.invoke(app, ["rank", str(tmp_path), "-o", str(tmp_path / "r.csv"), "--scheduler", "local:2"])
    assert result.exit_code == 1  # not a usage error: the command is right, an extra is missing
    assert 'pip install "resumematch[dask]"' in result.output
    with pytest.raises(ClusterError, match="resumematch\\[dask\\]"):
        list(cluster_module.analyze_on_cluster(object(), [tmp_path / "a.pdf"]))


@pytest.mark.parametrize("args, message", [(["--scheduler", "local:0"], "local:N"),
                                           (["--paths-shared"], "--scheduler")])
def test_scheduler_options_are_checked(tmp_path, args, message):
    good_pdf(tmp_path / "a.pdf")
    result = runner.invoke(app, ["rank", str(tmp_path), "-o", str(tmp_path / "r.csv"), *args])
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "r.csv").exists()


def test_a_batch_that_keeps_killing_workers_is_split_then_given_error_rows():
    batch = cluster_module._Batch([(0, "a.pdf", b"a"), (1, "b.pdf", b"b"), (2, "c.pdf", b"c")], {2: {"x": 1}})
    retry, done = cluster_module.deque(), {1}
    assert list(cluster_module._killed(batch, retry, done, RuntimeError("3 deaths"))) == []
    assert [b.files for b in retry] == [[(0, "a.pdf", b"a")], [(2, "c.pdf", b"c")]]  # not the finished file
    assert [b.documents for b in retry] == [{}, {2: {"x": 1}}]
    (doc, analysis), = cluster_module._killed(retry[0], cluster_module.deque(), done, RuntimeError("3 deaths"))
    assert (doc.status, doc.source, analysis) == ("error", "a.pdf", None) and "3 deaths" in doc.reason
    assert 0 in done
