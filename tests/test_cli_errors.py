"""A mistake is an error, never a silent success (issue #13, sections 2 and 3): one line
``resumematch: error: what (fix)``, exit 2 for usage errors and 1 otherwise, checked before work."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resumematch import __version__
from resumematch.cli import app
from resumematch.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "resumes"
FAST = ["--no-cache", "--workers", "0", "--as-of", "2026-11-01"]
runner = CliRunner()


def error_lines(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("resumematch: error:")]


def assert_one_line_error(result, code: int, *fragments: str) -> str:
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    lines = error_lines(result)
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    assert lines[0].endswith(")"), lines[0]  # "(how to fix it)"
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


@pytest.fixture()
def one_resume(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "maria_okafor.txt", folder)
    return folder


def rank(*args: str):
    return runner.invoke(app, ["rank", *map(str, args), *FAST])


# --------------------------------------------------------------------------- inputs


@pytest.mark.parametrize("name", ["no_such_folder", "missing.pdf"])
def test_cli_errors_missing_input_names_the_path(tmp_path, one_resume, name):
    out = tmp_path / "out.csv"
    result = rank(one_resume, tmp_path / name, "-o", out)
    assert_one_line_error(result, 2, str(tmp_path / name), "does not exist")
    assert not out.exists() and not list(tmp_path.glob("*.partial.jsonl"))


@pytest.mark.parametrize("files, code", [((), 2), (("notes.csv", "cv.doc"), 2), (("cv.txt",), 0)])
def test_cli_errors_folder_without_resumes(tmp_path, files, code):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in files:
        shutil.copy(EXAMPLES / "maria_okafor.txt", folder / name)
    result = rank(folder, "-o", tmp_path / "out.csv")
    if code:
        assert_one_line_error(result, code, f"no resumes found in {folder}", ".pdf, .docx, .txt, .md")
    else:
        assert result.exit_code == 0, result.output
        assert "Ranked 1 file (" in result.output  # one file, not "1 files"


# --------------------------------------------------------------------------- outputs


def _under_a_file(tmp_path: Path) -> list[str]:
    (tmp_path / "plain").write_text("x")
    return ["-o", str(tmp_path / "plain" / "out.csv")]


OUTPUT_MISTAKES = [
    ("folder", lambda tmp: ["-o", str(tmp)], "is a folder"),
    ("under-a-file", _under_a_file, "which is a file, not a folder"),
    ("explain-under-a-file", lambda tmp: ["-o", str(tmp / "o.csv"), "--explain", str(tmp / "plain" / "why.jsonl")],
     "explain file"),
    ("explain-is-output", lambda tmp: ["-o", str(tmp / "o.csv"), "--explain", str(tmp / "o.csv")],
     "both name"),
    ("evidence-under-a-file", lambda tmp: ["-o", str(tmp / "o.csv"), "--evidence", str(tmp / "plain" / "e.csv")],
     "evidence file"),
    ("html-is-a-folder", lambda tmp: ["-o", str(tmp / "o.csv"), "--html", str(tmp)], "is a folder"),
]


@pytest.mark.parametrize("name, args, fragment", OUTPUT_MISTAKES, ids=[m[0] for m in OUTPUT_MISTAKES])
def test_cli_errors_outputs_checked_before_the_work(tmp_path, one_resume, monkeypatch, name, args, fragment):
    from resumematch.run import rank as rank_module

    started = []
    monkeypatch.setattr(rank_module, "scan", lambda paths: started.append(paths) or ([], []))
    (tmp_path / "plain").write_text("x")
    result = rank(one_resume, *args(tmp_path))
    assert_one_line_error(result, 2, fragment)
    assert started == []  # refused before discovery, so before any file is read
    assert not list(tmp_path.rglob("*.partial.jsonl")) and not list(tmp_path.rglob("*.run.json"))


@pytest.mark.skipif(not Path("/sys").is_dir() or os.access("/sys", os.W_OK) and os.geteuid() != 0,
                    reason="needs a folder nobody may create files in")
def test_cli_errors_unwritable_output(one_resume):
    result = rank(one_resume, "-o", "/sys/resumematch-test/out.csv")
    assert_one_line_error(result, 2, "cannot write output /sys/resumematch-test/out.csv")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_cli_errors_unwritable_folder(tmp_path, one_resume):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert_one_line_error(rank(one_resume, "-o", locked / "out.csv"), 2, "cannot write output")
    finally:
        locked.chmod(0o700)


def test_cli_errors_missing_output_folders_are_made(tmp_path, one_resume):
    out, why = tmp_path / "a" / "b" / "out.csv", tmp_path / "c" / "d" / "why.jsonl"
    result = rank(one_resume, "-o", out, "--explain", why)
    assert result.exit_code == 0, result.output
    assert out.is_file() and why.is_file() and why.read_text(encoding="utf-8").count("\n") == 1


# --------------------------------------------------------------------------- models


@pytest.mark.parametrize("text, code, fragments", [
    ("name: x\ntitle: X\ncategory_weights: {duties: 1}\nrequirements:\n  - id: duty.a\n    category: duties\n"
     "    label: A\n    kind: required\n    weight: high\n    source: s\n    aliases: [a]\n", 1,
     ["line 9: `weight` of requirement duty.a must be a number, got 'high'"]),
    ("name: x\ntitle: X\ncategory_weights: {duties: 1}\nrequirements:\n  - id: duty.a\n    category: duties\n"
     "    label: A\n    kind: required\n    weight: 1\n    source: s\n    aliasses: [a]\n", 1,
     ["line 11: unknown key `aliasses`", "did you mean `aliases`?"]),
    (None, 1, ["is a folder"]),
])
def test_cli_errors_bad_model_one_line_with_the_line(tmp_path, one_resume, text, code, fragments):
    model = tmp_path / "role.yaml"
    if text is None:
        model.mkdir()
    else:
        model.write_text(text, encoding="utf-8")
    result = rank(one_resume, "-o", tmp_path / "o.csv", "--model", model)
    assert_one_line_error(result, code, *fragments)
    assert not (tmp_path / "o.csv").exists()


@pytest.mark.parametrize("name", ["it_project_manager", "no_such_role"])
def test_cli_errors_model_name(tmp_path, one_resume, name):
    result = rank(one_resume, "-o", tmp_path / "o.csv", "--model", name)
    if name == "no_such_role":
        assert_one_line_error(result, 2, "no requirement model named 'no_such_role'")
    else:
        assert result.exit_code == 0 and not error_lines(result)


# --------------------------------------------------------------------------- audit


@pytest.fixture(scope="module")
def ranked_csv(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("audit")
    out = root / "ranked.csv"
    result = runner.invoke(app, ["rank", str(EXAMPLES / "maria_okafor.txt"), str(EXAMPLES / "kwame_asante.txt"),
                                 "-o", str(out), *FAST])
    assert result.exit_code == 0, result.output
    return out


AUDIT_MISTAKES = [
    ("empty-ranked", "ranked", "", 1, "is empty"),
    ("malformed-ranked", "ranked", 'a,b\n"x,1\n', 1, "is not a well-formed CSV"),
    ("header-only-groups", "groups", "file,sex\n", 1, "has a header but no rows"),
    ("groups-match-nothing", "groups", "file,sex\nnobody.pdf,F\n", 1, "so every file would be Unknown"),
    ("missing-groups", "groups", None, 2, "does not exist"),
]


@pytest.mark.parametrize("name, which, text, code, fragment", AUDIT_MISTAKES, ids=[m[0] for m in AUDIT_MISTAKES])
def test_cli_errors_audit_bad_tables(tmp_path, ranked_csv, name, which, text, code, fragment):
    groups = tmp_path / "groups.csv"
    groups.write_text("file,sex\n" + "".join(f"{EXAMPLES / n},{s}\n" for n, s in
                                             (("maria_okafor.txt", "F"), ("kwame_asante.txt", "M"))))
    ranked = ranked_csv
    bad = tmp_path / f"{which}.bad.csv"
    if text is not None:
        bad.write_text(text, encoding="utf-8")
    if which == "ranked":
        ranked = bad
    else:
        groups = bad
    result = runner.invoke(app, ["audit", str(ranked), "--groups", str(groups), "--by", "sex", "--top", "1",
                                 "-o", str(tmp_path / "audit.csv")])
    line = assert_one_line_error(result, code, fragment)
    assert str(bad) in line or name == "groups-match-nothing"
    assert not (tmp_path / "audit.csv").exists()


def test_cli_errors_audit_good_tables_pass(tmp_path, ranked_csv):
    groups = tmp_path / "groups.csv"
    groups.write_text("file,sex\n" + "".join(f"{EXAMPLES / n},{s}\n" for n, s in
                                             (("maria_okafor.txt", "F"), ("kwame_asante.txt", "M"))))
    result = runner.invoke(app, ["audit", str(ranked_csv), "--groups", str(groups), "--by", "sex", "--top", "1",
                                 "-o", str(tmp_path / "new" / "audit.csv")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "new" / "audit.csv").is_file()


# --------------------------------------------------------------------------- tracebacks, version, help


@pytest.mark.parametrize("debug", [False, True])
def test_cli_errors_traceback_only_with_debug(tmp_path, one_resume, monkeypatch, debug):
    from resumematch.run import rank as rank_module

    def broken(paths):
        raise RuntimeError("boom")

    monkeypatch.setattr(rank_module, "scan", broken)
    result = runner.invoke(app, [*(["--debug"] if debug else []), "rank", str(one_resume), "-o",
                                 str(tmp_path / "o.csv"), *FAST])
    if debug:
        assert isinstance(result.exception, RuntimeError)
    else:
        assert_one_line_error(result, 1, "unexpected RuntimeError: boom", "--debug")


@pytest.mark.parametrize("debug", [False, True])
def test_cli_errors_debug_shows_library_errors_too(tmp_path, debug):
    result = runner.invoke(app, [*(["--debug"] if debug else []), "rank", str(tmp_path / "nope"), "-o",
                                 str(tmp_path / "o.csv"), *FAST])
    assert isinstance(result.exception, InputError if debug else SystemExit)


@pytest.mark.parametrize("args", [["rank", "NOPE", "-o", "OUT"], ["check-model", "NOPE"]])
def test_cli_errors_console_script_prints_one_line(tmp_path, args):
    args = [str(tmp_path / a.lower()) if a.isupper() else a for a in args]
    proc = subprocess.run([sys.executable, "-c", "from resumematch.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("resumematch: error: ") and proc.stderr.count("\n") == 1


def test_cli_errors_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"resumematch {__version__}"


@pytest.mark.parametrize("command", ["rank", "extract", "parse", "audit"])
def test_cli_errors_help_shows_flags_as_flags(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "<bool>" not in result.output and "--help" in result.output
    assert "--json" in result.output or "--quiet" in result.output or "--scoring-rate" in result.output


@pytest.mark.parametrize("command", [["explain"], ["parse"], ["extract"]])
def test_cli_errors_single_file_commands_need_an_existing_file(tmp_path, command):
    result = runner.invoke(app, [*command, str(tmp_path / "nope.pdf")])
    assert result.exit_code == 2 and "nope.pdf" in result.output and "does not exist" in result.output


# --------------------------------------------------------------------------- check-model


def test_cli_errors_check_model_summary():
    result = runner.invoke(app, ["check-model", str(ROOT / "examples" / "models" / "data_analyst.yaml")])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "valid model data_analyst" in out
    assert re.search(r"duties +30.0% +mean +4 +3 +0\n", out)
    assert "degree.bachelor_quant_field is met by 4 years of relevant experience" in out
    assert "warning:" not in out


@pytest.mark.parametrize("text_fit_weight, shares", [
    (None, "requirements 50%, fit 50%, text fit 0%"),  # the fit weighs as the categories by default
    (100, "requirements 33%, fit 33%, text fit 33%"),
])
def test_cli_errors_check_model_says_what_the_total_is_made_of(tmp_path, text_fit_weight, shares):
    text = (ROOT / "examples" / "models" / "data_analyst.yaml").read_text(encoding="utf-8")
    if text_fit_weight is not None:
        text = text.replace("category_weights:", f"text_fit_weight: {text_fit_weight}\ncategory_weights:", 1)
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check-model", str(path)])
    assert result.exit_code == 0, result.output
    assert f"Of the total: {shares} " in result.output


@pytest.mark.parametrize("extra, code, fragment", [
    ("  project_types: 5\n", 0, "warning: "),
    ("  nonsense: 5\n", 1, "error: "),
])
def test_cli_errors_check_model_problems(tmp_path, extra, code, fragment):
    text = (ROOT / "examples" / "models" / "data_analyst.yaml").read_text(encoding="utf-8")
    path = tmp_path / "m.yaml"
    path.write_text(text.replace("  internship: 5\n", "  internship: 5\n" + extra), encoding="utf-8")
    result = runner.invoke(app, ["check-model", str(path)])
    assert result.exit_code == code, result.output
    assert f"{fragment}{path} line " in result.output
