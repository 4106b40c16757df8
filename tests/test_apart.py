"""catalog.apart: a large object built in a forked child and taken over pickled, or built here
where forking is not safe."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from resumematch.catalog.apart import built_apart

LINUX = sys.platform.startswith("linux")
ROOT = Path(__file__).resolve().parents[1]


def _pid_and_value() -> tuple[int, list[int]]:
    return os.getpid(), list(range(5))


def _in_thread(name: str):
    """Runs ``built_apart`` while another thread named ``name`` is alive."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, name=name, daemon=True)
    other.start()
    try:
        return built_apart(_pid_and_value)
    finally:
        stop.set()
        other.join()


@pytest.mark.skipif(not LINUX, reason="built in a child on Linux only")
@pytest.mark.parametrize("thread", ["", "resumematch-parent-watch"])
def test_apart_builds_in_a_child_process(thread):
    # In a fresh interpreter: threads other tests leave behind would rightly keep it here.
    code = (f"import os, tests.test_apart as t; pid, value = t._in_thread({thread!r}) if {thread!r} "
            "else t.built_apart(t._pid_and_value); print(pid != os.getpid(), value)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.stdout.split("\n")[0] == "True [0, 1, 2, 3, 4]"


@pytest.mark.parametrize("thread", ["someone-elses-thread"])
def test_apart_builds_here_beside_threads_it_does_not_know(thread):
    pid, value = _in_thread(thread)
    assert pid == os.getpid() and value == [0, 1, 2, 3, 4]


def _fails():
    raise ValueError("no such file")


@pytest.mark.parametrize("build, error", [(_fails, "no such file")])
def test_apart_a_failed_build_raises_its_error_here(build, error):
    with pytest.raises(ValueError, match=error):
        built_apart(build)


@pytest.mark.parametrize("error", [OSError(11, "Resource temporarily unavailable")])
def test_apart_builds_here_when_no_child_can_start(monkeypatch, error):
    def no_fork():
        raise error

    monkeypatch.setattr("resumematch.catalog.apart._can_fork", lambda: True)
    monkeypatch.setattr(os, "fork", no_fork)
    pid, value = built_apart(_pid_and_value)
    assert pid == os.getpid() and value == [0, 1, 2, 3, 4]
