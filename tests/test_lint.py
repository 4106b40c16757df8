"""The code base passes its linter (ruff, configured in pyproject.toml), so CI catches lint too."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("target", ["resumematch", "tests", "benchmarks", "examples"])
def test_lint_ruff_passes(target):
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is in the test extras; install them with: pip install '.[test]'"
    done = subprocess.run([ruff, "check", "--no-cache", target], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
