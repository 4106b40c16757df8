"""The command line, end to end, with typer's CliRunner."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resumematch.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "resumes"
AS_OF = ["--as-of", "2026-11-01"]
runner = CliRunner()


def command_names():
    return [c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands]


@pytest.fixture(scope="module")
def ranked(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    folder = root / "in"
    folder.mkdir()
    for name in ("maria_okafor.txt", "tomas_herrera.pdf", "kwame_asante.txt", "scanned_resume.pdf"):
        shutil.copy(EXAMPLES / name, folder / name)
    out, why = root / "out.csv", root / "why.jsonl"
    result = runner.invoke(app, ["rank", str(folder), "-o", str(out), "--explain", str(why), "--no-cache",
                                 "--workers", "0", *AS_OF])
    return folder, out, why, result


@pytest.mark.parametrize("dummy", [None])
def test_cli_rank_writes_csv_and_says_where(ranked, dummy):
    folder, out, why, result = ranked
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}" in result.output
    assert f"{out}.run.json" in result.output
    rows = list(csv.DictReader(open(out, encoding="utf-8-sig", newline="")))
    assert len(rows) == 4 and Path(rows[0]["file"]).name == "tomas_herrera.pdf"


@pytest.mark.parametrize("dummy", [None])
def test_cli_rank_explain_jsonl(ranked, dummy):
    folder, out, why, _ = ranked
    items = [json.loads(line) for line in why.read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(i["file"]).name for i in items) == sorted(p.name for p in folder.iterdir())
    maria = next(i for i in items if i["file"].endswith("maria_okafor.txt"))
    pmp = next(r for r in maria["requirements"] if r["id"] == "cert.pmp")
    assert pmp["met"] and pmp["strength"] == 1.0
    ev = pmp["evidence"]
    assert ev["section"] == "certifications" and ev["page"] == 1 and "PMP" in ev["snippet"]
    assert {"text", "name", "method", "score", "status", "section", "page", "snippet"} <= set(ev)
    scan = next(i for i in items if i["file"].endswith("scanned_resume.pdf"))
    assert scan["status"] == "no_text" and scan["score"] is None and "requirements" not in scan


@pytest.mark.parametrize("name", ["maria_okafor.txt"])
def test_cli_explain_marks_and_evidence(name):
    result = runner.invoke(app, ["explain", str(EXAMPLES / name), *AS_OF])
    assert result.exit_code == 0, result.output
    assert "✔ cert.pmp" in result.output
    assert re.search(r"evidence \((its exact name|another name for it), held, in Certifications, page 1\): .*PMP",
                     result.output)
    assert "score:" in result.output


@pytest.mark.parametrize("name", ["darnell_washington.txt"])
def test_cli_explain_shows_missing_required(name):
    result = runner.invoke(app, ["explain", str(EXAMPLES / name), *AS_OF])
    assert result.exit_code == 0
    assert "✘ degree.bachelor_it_field" in result.output
    assert "missing required: degree.bachelor_it_field" in result.output


@pytest.mark.parametrize("name", ["maria_okafor.txt"])
def test_cli_parse_json(name):
    result = runner.invoke(app, ["parse", str(EXAMPLES / name), "--json", *AS_OF])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["candidate"] == {"name": "Maria Okafor", "email": "maria.okafor@example.com",
                                 "phone": "+1 (555) 201-7788"}
    assert data["experience_years"] > 8 and data["internships"] == 1
    keys = {"category", "id", "name", "text", "method", "score", "status", "section", "page", "start", "end"}
    assert data["entities"] and all(set(e) == keys for e in data["entities"])


@pytest.mark.parametrize("name, code", [("maria_okafor.txt", 0), ("scanned_resume.pdf", 1)])
def test_cli_extract_exit_codes(name, code):
    result = runner.invoke(app, ["extract", str(EXAMPLES / name)])
    assert result.exit_code == code
    if code == 0:
        assert "Maria Okafor" in result.output


@pytest.mark.parametrize("data, code", [(b"", 1), (b"%PDF-1.4\ngarbage", 1)])
def test_cli_extract_exit_codes_bad_files(tmp_path, data, code):
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == code
    assert json.loads(result.stdout)["status"] in ("empty", "corrupt")


@pytest.mark.parametrize("command", [["explain", str(EXAMPLES / "maria_okafor.txt")],
                                     ["rank", str(EXAMPLES), "-o", "OUT", "--no-cache", "--workers", "0"]])
def test_cli_bad_model_console_script_one_line(tmp_path, command):
    """The installed console script (``resumematch.cli:main``) reports a bad model in one line."""
    command = [str(tmp_path / "o.csv") if c == "OUT" else c for c in command]
    proc = subprocess.run([sys.executable, "-c", "from resumematch.cli import main; main()", *command,
                           "--model", "no_such_model"], capture_output=True, text=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "no_such_model" in proc.stderr
    assert not (tmp_path / "o.csv").exists()


@pytest.mark.parametrize("command", [["explain", str(EXAMPLES / "maria_okafor.txt")]])
def test_cli_bad_model_app_clean_error(command):
    result = runner.invoke(app, [*command, "--model", "no_such_model"])
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "no_such_model" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("value", ["2026-13-45"])
def test_cli_bad_as_of(value):
    result = runner.invoke(app, ["explain", str(EXAMPLES / "maria_okafor.txt"), "--as-of", value])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("dummy", [None])
def test_cli_blind_rank(tmp_path, monkeypatch, dummy):
    """The CLI has no --blind-key option: the key lives in platformdirs' user data dir, so point
    XDG_DATA_HOME at tmp_path to keep the user's real key untouched."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "maria_okafor.txt", folder)
    ids = []
    for sub in ("a", "b"):
        out = tmp_path / sub / "o.csv"
        result = runner.invoke(app, ["rank", str(folder), "-o", str(out), "--blind", "--no-cache",
                                     "--workers", "0", *AS_OF])
        assert result.exit_code == 0, result.output
        assert "Blind key file" in result.output
        rows = list(csv.DictReader(open(out, encoding="utf-8-sig", newline="")))
        assert "email" not in rows[0] and "file" not in rows[0]
        assert rows[0]["candidate"].startswith("c_") and "Maria" not in rows[0]["candidate"]
        ids.append(rows[0]["candidate"])
    assert ids[0] == ids[1]
    assert (tmp_path / "data" / "resumematch" / "blind.key").exists()


@pytest.mark.parametrize("docs", [("docs/output.md", "README.md")])
def test_cli_every_command_documented(docs):
    text = "\n".join((ROOT / d).read_text(encoding="utf-8") for d in docs)
    for name in command_names():
        assert re.search(rf"resumematch {re.escape(name)}\b", text), name


@pytest.mark.parametrize("call, frozen", [
    ("from resumematch.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass", True),
    # the typer app alone (as a script or CliRunner calls it) leaves the collector as it was
    ("from resumematch.cli import app\ntry:\n    app()\nexcept SystemExit:\n    pass", False),
])
def test_cli_main_leaves_what_it_made_to_the_exit(call, frozen):
    """The console script freezes its objects when the command ends, so the interpreter's exit does
    not walk them (0.1 s of a warm rank); its output is whole."""
    code = "import sys; sys.argv = ['resumematch', '--version']\n" + call + "\nimport gc; print(gc.get_freeze_count())"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)
    version, count = proc.stdout.split()[-2:]
    assert proc.returncode == 0 and proc.stdout.startswith("resumematch ") and (int(count) > 0) == frozen


@pytest.mark.parametrize("quiet", [True, False])
def test_cli_rank_quiet_drops_the_summary_and_keeps_the_paths_written(tmp_path, quiet):
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["rank", str(EXAMPLES / "maria_okafor.txt"), "-o", str(out), "--no-cache",
                                 "--workers", "0", *AS_OF, *(["--quiet"] if quiet else [])])
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}" in result.stdout and f"{out}.run.json" in result.stdout
    assert ("Ranked 1 file" in result.stderr) != quiet
