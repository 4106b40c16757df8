"""Every Python block in README.md and docs/*.md runs, so the examples cannot go stale.

Each block runs as its own script in a sandbox folder that holds what the docs name: the
bundled ``examples/`` and ``models/``, a ``resumes/`` folder, ``cv.pdf``, an encrypted
``locked.pdf`` (password ``s3cret``), and a ``ranked.csv`` with its ``groups.csv``. A block
that cannot run on purpose is marked by a ``<!-- no-run -->`` line just before it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "resumes"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"(?P<before>[^\n]*)\n```python\n(?P<code>.*?)\n```", re.S)


def python_blocks() -> list[tuple[str, str, bool]]:
    """(where, code, runnable) for every ```python block of the docs."""
    found = []
    for doc in DOCS:
        text = "\n" + doc.read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            line = text[: match.start("code")].count("\n")
            found.append((f"{doc.relative_to(ROOT)}:{line}", match["code"],
                          match["before"].strip() != "<!-- no-run -->"))
    return found


BLOCKS = python_blocks()


def _run(args: list[str], cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory) -> tuple[Path, dict]:
    from reportlab.pdfgen import canvas

    root = tmp_path_factory.mktemp("docs")
    env = {**os.environ, "XDG_CACHE_HOME": str(root / ".cache"), "XDG_DATA_HOME": str(root / ".data")}
    for name in ("examples", "models"):
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    (root / "resumes").mkdir()
    for name in ("maria_okafor.txt", "kwame_asante.txt"):
        shutil.copy(EXAMPLES / name, root / "resumes" / name)
    shutil.copy(EXAMPLES / "tomas_herrera.pdf", root / "cv.pdf")
    locked = canvas.Canvas(str(root / "locked.pdf"), encrypt="s3cret")
    locked.drawString(72, 720, "Jane Example - IT Project Manager")
    locked.save()
    ranked = _run(["-c", "from resumematch.cli import main; main()", "rank", "resumes", "-o", "ranked.csv",
                   "--no-cache", "--workers", "0", "--quiet"], root, env)
    assert ranked.returncode == 0, ranked.stderr
    (root / "groups.csv").write_text("file,sex,race_ethnicity\n"
                                     "resumes/kwame_asante.txt,Male,Black or African American\n"
                                     "resumes/maria_okafor.txt,Female,Black or African American\n", encoding="utf-8")
    return root, env


def test_docs_examples_are_found():
    assert len(BLOCKS) >= 5
    assert any(where.startswith("README.md") for where, _, _ in BLOCKS)
    assert sum(not runnable for _, _, runnable in BLOCKS) <= 1  # "used sparingly"


@pytest.mark.parametrize("where, code, runnable", BLOCKS, ids=[b[0] for b in BLOCKS])
def test_docs_examples_run(sandbox, where, code, runnable):
    if not runnable:
        pytest.skip("marked <!-- no-run -->")
    root, env = sandbox
    script = root / f"block_{re.sub(r'[^A-Za-z0-9]', '_', where)}.py"
    script.write_text(code + "\n", encoding="utf-8")
    result = _run([str(script)], root, env)
    assert result.returncode == 0, f"{where} failed:\n{result.stderr[-3000:]}"


@pytest.mark.parametrize("code", ["raise SystemExit('stale')"])
def test_docs_examples_a_failing_block_fails(sandbox, code):
    """The negative twin: the runner does notice a block that fails."""
    root, env = sandbox
    (root / "stale.py").write_text(code, encoding="utf-8")
    assert _run([str(root / "stale.py")], root, env).returncode != 0


@pytest.mark.parametrize("text, runnable", [("intro\n```python\nprint(1)\n```\n", True),
                                            ("<!-- no-run -->\n```python\nprint(1)\n```\n", False)])
def test_docs_examples_no_run_marker(text, runnable):
    match = BLOCK.search("\n" + text)
    assert match and (match["before"].strip() != "<!-- no-run -->") == runnable


def test_docs_examples_model_format_yaml_is_valid(tmp_path):
    """The model in docs/model-format.md is itself a valid model."""
    from resumematch.model import check_model

    text = (ROOT / "docs" / "model-format.md").read_text(encoding="utf-8")
    models = [b for b in re.findall(r"```yaml\n(.*?)```", text, re.S) if b.startswith("name:")]
    assert models
    for i, block in enumerate(models):
        path = tmp_path / f"m{i}.yaml"
        path.write_text(block, encoding="utf-8")
        model, warnings = check_model(path)
        assert warnings == [] and model.requirements
