"""Killing ``rank``: its workers die with it, whatever the signal, they do not hold the caller's
stdout/stderr open, and a rerun with ``--resume`` gives every file exactly once."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc"),
              pytest.mark.usefixtures("watchdog")]

CLI = "import sys; sys.argv[0] = 'resumematch'; from resumematch.cli import main; main()"
FILES = 40


def resume(i: int) -> str:
    lines = [f"Candidate Number{i}", f"candidate{i}@example.com", "", "EXPERIENCE",
             f"IT Project Manager, Company {i}, Jan 2015 - Present"]
    lines += [f"Managed stakeholder communication and risk management for release {n}; led Scrum ceremonies, "
              "budgeting and vendor contracts across six sites." for n in range(25)]
    return "\n".join(lines + ["", "EDUCATION", "B.S. Computer Science, State University, 2012"])


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A folder slow enough to be killed mid-run: 40 long resumes, two workers."""
    root = tmp_path_factory.mktemp("slow")
    for i in range(FILES):
        (root / f"r{i:03d}.txt").write_text(resume(i), encoding="utf-8")
    return root


def children(pid: int) -> list[int]:
    """Live (not zombie) processes whose parent is ``pid``."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                state, ppid = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[:2]
            except (OSError, ValueError):
                continue
            if int(ppid) == pid and state != "Z":
                found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def rank(folder: Path, out: Path, *extra: str) -> subprocess.Popen:
    command = [sys.executable, "-c", CLI, "rank", str(folder), "-o", str(out), "--workers", "2", "--no-cache",
               "--quiet", *extra]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGKILL, -9)],
                         ids=["TERM", "INT", "KILL"])
def test_interrupt_kill_leaves_no_worker_and_resume_completes(folder, tmp_path, sig, code):
    out = tmp_path / "ranked.csv"
    journal = tmp_path / "ranked.csv.partial.jsonl"
    proc = rank(folder, out)
    deadline = time.monotonic() + 60
    while not (journal.exists() and journal.read_text().count("\n") >= 2) and time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    workers = children(proc.pid)
    assert workers and proc.poll() is None, "the run ended before it could be killed"
    proc.send_signal(sig)
    # The caller's pipes reach EOF: no orphan holds them open.
    stdout, stderr = proc.communicate(timeout=10)
    assert proc.returncode == code, stderr
    time.sleep(3)
    assert [pid for pid in workers if alive(pid)] == []
    if sig != signal.SIGKILL:
        assert "--resume" in stderr and "Traceback" not in stderr
        assert signal.Signals(sig).name in stderr
    assert not out.exists()

    again = rank(folder, out, "--resume")
    stdout, stderr = again.communicate(timeout=300)
    assert again.returncode == 0, stderr
    with out.open(encoding="utf-8-sig") as fh:
        files = [row["file"] for row in csv.DictReader(fh)]
    assert sorted(files) == sorted(str(p) for p in folder.iterdir())  # each exactly once


def test_interrupt_workers_of_a_living_parent_keep_working(folder, tmp_path):
    """The twin: the watchdog ends workers only when the parent is gone; a run left alone finishes."""
    out = tmp_path / "ranked.csv"
    proc = rank(folder, out)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    with out.open(encoding="utf-8-sig") as fh:
        assert len(list(csv.DictReader(fh))) == FILES
    assert children(proc.pid) == []
