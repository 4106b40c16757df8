"""The folder scan: symlinked folders are followed once; a symlink loop ends with a warning."""

from __future__ import annotations

import os
import warnings

import pytest

from resumematch.errors import ResumeMatchWarning
from resumematch.run.discover import scan

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "in"
    (root / "a").mkdir(parents=True)
    (root / "a" / "one.txt").write_text("Jane")
    (root / "two.pdf").write_bytes(b"%PDF-1.4")
    return root


@pytest.mark.parametrize("target", ["..", "../..", "."], ids=["parent", "root", "itself"])
def test_scan_symlink_loop_ends_with_a_warning(folder, target):
    os.symlink(target, folder / "a" / "loop")
    with pytest.warns(ResumeMatchWarning, match="symlink loop"):
        files, _ = scan([folder])
    assert sorted(p.name for p in files) == ["one.txt", "two.pdf"]


def test_scan_follows_a_symlinked_folder_without_a_warning(folder, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "three.docx").write_bytes(b"PK")
    os.symlink(elsewhere, folder / "linked")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        files, _ = scan([folder])
    assert sorted(p.relative_to(folder).as_posix() for p in files) == ["a/one.txt", "linked/three.docx", "two.pdf"]


def test_scan_same_folder_twice_by_symlink_is_scanned_once(folder):
    os.symlink(folder / "a", folder / "again")
    with pytest.warns(ResumeMatchWarning, match="already scanned"):
        files, _ = scan([folder])
    assert sorted(p.relative_to(folder).as_posix() for p in files) == ["a/one.txt", "two.pdf"]


def test_scan_a_folder_and_its_subfolder_named_together_is_quiet(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        files, _ = scan([folder, folder / "a"])
    assert sorted(p.name for p in files) == ["one.txt", "two.pdf"]
