"""Small things a new user runs into with ``rank`` (issue #23): ``-o newdir/``, a bad option value
in one line, and what ``--resume`` resumed."""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest
from test_cli_errors import assert_one_line_error
from typer.testing import CliRunner

import resumematch.report.outputs as outputs
import resumematch.run.rank as rank_module
from resumematch import Screener
from resumematch.cli import app
from resumematch.run.rank import RunSettings, rank_files

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "resumes"
FAST = ["--no-cache", "--workers", "0", "--as-of", "2026-11-01"]
runner = CliRunner()


@pytest.fixture()
def folder(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "maria_okafor.txt", folder)
    return folder


@pytest.mark.parametrize("output, written", [("newdir/", "newdir/ranked.csv"), ("a/b/", "a/b/ranked.csv"),
                                             ("newfile", "newfile")])  # the twin: no slash, a file
def test_cli_rank_output_folder_gets_the_default_name(tmp_path, folder, output, written):
    result = runner.invoke(app, ["rank", str(folder), "-o", f"{tmp_path}/{output}", *FAST])
    assert result.exit_code == 0, result.output
    assert (tmp_path / written).is_file()
    assert Path(f"{tmp_path / written}.run.json").is_file()


@pytest.mark.parametrize("args, fragment", [
    (["--workers", "-3"], "--workers"),
    (["--timeout", "0"], "--timeout"),
    (["--as-of", "tomorrow"], "--as-of"),
    (["--no-such-option"], "--no-such-option"),
])
def test_cli_rank_bad_option_is_one_line(tmp_path, folder, args, fragment):
    result = runner.invoke(app, ["rank", str(folder), "-o", str(tmp_path / "o.csv"), *args])
    assert_one_line_error(result, 2, fragment, "resumematch rank --help")
    assert "Usage:" not in result.output
    assert not (tmp_path / "o.csv").exists()


@pytest.mark.parametrize("args", [["--workers", "0"]])
def test_cli_rank_good_option_is_accepted(tmp_path, folder, args):
    result = runner.invoke(app, ["rank", str(folder), "-o", str(tmp_path / "o.csv"), "--no-cache", *args])
    assert result.exit_code == 0 and "error" not in result.output


@pytest.mark.parametrize("resume", [True, False])
def test_cli_rank_resume_says_how_many_rows(tmp_path, folder, monkeypatch, resume):
    out = tmp_path / "o.csv"

    def fail(*args, **kwargs):
        raise RuntimeError("stopped before the outputs")

    with monkeypatch.context() as m:  # a first run that journals maria_okafor and stops
        m.setattr(outputs, "write_outputs", fail)
        with pytest.raises(RuntimeError):
            rank_files([folder], out, Screener("it_project_manager"), RunSettings(workers=0, use_cache=False))
    shutil.copy(EXAMPLES / "kwame_asante.txt", folder)
    result = runner.invoke(app, ["rank", str(folder), "-o", str(out), *FAST, *(["--resume"] if resume else [])])
    assert result.exit_code == 0, result.output
    said = f"Resumed 1 of 2 rows from {out}.partial.jsonl; the other 1 were read now."
    assert (said in result.output) is resume


@pytest.mark.parametrize("blind", [True, False])
def test_cli_rank_interrupted_blind_run_says_the_journal_is_personal(tmp_path, folder, monkeypatch, blind):
    def interrupted(*args, **kwargs):
        raise rank_module.Interrupted(signal.SIGINT)

    monkeypatch.setattr(rank_module, "rank_files", interrupted)
    out = tmp_path / "o.csv"
    result = runner.invoke(app, ["rank", str(folder), "-o", str(out), *FAST, *(["--blind"] if blind else [])])
    assert result.exit_code == 130
    assert f"Finished files are kept in {out}.partial.jsonl" in result.output
    assert ("holds names and contact details unredacted" in result.output) is blind
