"""Shared fixtures. The PDF/DOCX builders themselves live in ``builders.py``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Make ``import builders`` work whatever pytest's import mode is.
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Scanned fixtures stay ``no_text`` whether or not the ``[ocr]`` extra is installed. Set before any
# test module imports resumematch: ``EXTRACTOR_VERSION`` says at import whether OCR runs, and Dask
# workers (which inherit the environment) refuse a client whose version differs.
os.environ["RESUMEMATCH_OCR"] = "0"


@pytest.fixture
def write_file(tmp_path):
    """Write bytes to ``tmp_path/name`` and return the path."""

    def write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write


@pytest.fixture(scope="session")
def dejavu() -> str:
    """Path of DejaVuSans.ttf (it has the fi/ff ligature glyphs); skips when absent."""
    import builders

    path = builders.find_ttf("DejaVuSans.ttf")
    if path is None:
        pytest.skip("DejaVuSans.ttf is not installed")
    return path


@pytest.fixture
def watchdog():
    """A hung test dumps its stack and exits instead of blocking the suite (worker tests)."""
    import faulthandler

    faulthandler.dump_traceback_later(90, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()
