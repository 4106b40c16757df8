"""Encrypted PDFs in ``rank``, ``explain``, ``parse`` and ``extract``: the password comes from
``--password-file`` or ``RESUMEMATCH_PDF_PASSWORD`` (or a bare ``--password``); without it the file
gets the status ``encrypted`` with a reason that says how to give one."""

from __future__ import annotations

import csv
import json

import builders
import pytest
from typer.testing import CliRunner

from resumematch.cli import PASSWORD_ENV, app

runner = CliRunner()
LINES = ["Jane Example", "jane@example.com", "EXPERIENCE", "IT Project Manager, Initech, Jan 2019 - Present",
         "Managed stakeholder communication and risk management."]
AS_OF = ["--as-of", "2026-11-01"]


@pytest.fixture
def locked(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(builders.lines_pdf([LINES], encrypt="s3cret"))
    secret = tmp_path / "pdf-password.txt"
    secret.write_text("s3cret\n", encoding="utf-8")
    return path, secret


def how(locked, way: str) -> tuple[list[str], dict]:
    """Arguments and environment that give the password ``way``."""
    _, secret = locked
    return {"file": (["--password-file", str(secret)], {}), "env": ([], {PASSWORD_ENV: "s3cret"}),
            "flag": (["--password", "s3cret"], {}), "none": ([], {}),
            "wrong-env": ([], {PASSWORD_ENV: "nope"})}[way]


def invoke(args: list[str], env: dict):
    return runner.invoke(app, args, env={PASSWORD_ENV: "", "COLUMNS": "300", **env})


@pytest.mark.parametrize("way", ["file", "env", "flag", "none"])
def test_cli_password_rank(locked, tmp_path, way):
    path, _ = locked
    extra, env = how(locked, way)
    out = tmp_path / "out.csv"
    result = invoke(["rank", str(path), "-o", str(out), "--no-cache", "--workers", "0", *AS_OF, *extra], env)
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8-sig") as fh:
        row = next(csv.DictReader(fh))
    if way == "none":
        assert row["status"] == "encrypted"
        assert "--password-file" in row["reason"] and PASSWORD_ENV in row["reason"]
    else:
        assert row["status"] == "ok" and row["email"] == "jane@example.com"


@pytest.mark.parametrize("way", ["file", "env", "none", "wrong-env"])
@pytest.mark.parametrize("command", ["explain", "parse", "extract"])
def test_cli_password_single_file_commands(locked, command, way):
    path, _ = locked
    extra, env = how(locked, way)
    args = [command, str(path), *extra] + (AS_OF if command != "extract" else [])
    result = invoke(args + (["--json"] if command == "parse" else []), env)
    if way in ("file", "env"):
        assert result.exit_code == 0, result.output
        assert "jane@example.com" in result.output
    else:
        assert result.exit_code == 1
        assert "encrypted" in result.output
        if way == "none" and command != "parse":
            assert "--password-file" in result.output
        if way == "none" and command == "parse":
            assert "--password-file" in json.loads(result.stdout)["reason"]


def test_cli_password_file_and_flag_together_is_a_usage_error(locked):
    path, secret = locked
    result = invoke(["parse", str(path), "--password", "x", "--password-file", str(secret)], {})
    assert result.exit_code == 2 and "not both" in result.output


@pytest.mark.parametrize("content", [None, ""], ids=["missing", "empty"])
def test_cli_password_file_unreadable_or_empty_is_a_usage_error(locked, tmp_path, content):
    path, _ = locked
    secret = tmp_path / "nothing.txt"
    if content is not None:
        secret.write_text(content)
    result = invoke(["explain", str(path), "--password-file", str(secret)], {})
    assert result.exit_code == 2 and str(secret.name) in result.output
    assert "Traceback" not in result.output
