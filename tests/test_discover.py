"""The folder scan: symlinked folders are followed once; a symlink loop ends with a warning."""

from __future__ import annotations

import os
import warnings

import pytest

from resumematch.errors import ResumeMatchWarning
from resumematch.run.discover import RESUME_SUFFIXES, has_resume, scan

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


@pytest.mark.parametrize(("names", "found"), [
    (["a/one.txt", "notes.csv"], True),      # a resume format, in a subfolder
    (["CV.PDF"], True),                       # suffixes in any case
    (["cv.doc", "notes.csv"], False),         # scan takes a .doc, but rank cannot read it
    ([".old/cv.pdf", ".cv.docx"], False),     # hidden: scan skips them
    (["folder.pdf/"], False),                 # a folder, whatever its name
    ([], False),
])
def test_discover_has_resume_agrees_with_the_full_scan(tmp_path, names, found):
    root = tmp_path / "in"
    root.mkdir()
    for name in names:
        if name.endswith("/"):
            (root / name).mkdir()
        else:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(b"x")
    assert has_resume([root]) is found
    assert any(f.suffix.lower() in RESUME_SUFFIXES for f in scan([root])[0]) is found


@pytest.mark.parametrize(("name", "found"), [("notes.csv", True), ("empty", False)])
def test_discover_has_resume_takes_a_named_file_whatever_its_format(tmp_path, name, found):
    path = tmp_path / name
    if found:
        path.write_text("Jane")
    else:
        path.mkdir()
    assert has_resume([path]) is found
