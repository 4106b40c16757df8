"""Shared fixtures. The PDF/DOCX builders themselves live in ``builders.py``."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

# Make ``import builders`` work whatever pytest's import mode is.
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Scanned fixtures stay ``no_text`` whether or not the ``[ocr]`` extra is installed. Set before any
# test module imports resumematch: ``EXTRACTOR_VERSION`` says at import whether OCR runs, and Dask
# workers (which inherit the environment) refuse a client whose version differs.
os.environ["RESUMEMATCH_OCR"] = "0"

# The user's cache and data folders (platformdirs reads XDG_* on Linux) are the test session's own:
# a test that ranks with the default cache or blinds with the default key must not write into the
# user's, where its entries (made with OCR switched off above) would then answer the user's runs.
_HOME = tempfile.mkdtemp(prefix="resumematch-tests-")
os.environ["XDG_CACHE_HOME"] = os.path.join(_HOME, "cache")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)


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
