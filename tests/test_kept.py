"""catalog.kept: a built catalogue object kept in the user's cache folder for the next process."""

from __future__ import annotations

import pickle

import pytest

from resumematch.catalog import kept as kept_module
from resumematch.catalog.kept import keep, kept, read_kept


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("RESUMEMATCH_KEEP_BACKGROUND", raising=False)
    return tmp_path


def _counting(tmp_path):
    """A build that counts its calls in a file: it may run in a forked child (``built_apart``)."""
    log = tmp_path / "builds.log"

    def build() -> dict:
        with log.open("a") as out:
            out.write("x")
        return {"built": len(log.read_text())}

    return (lambda: len(log.read_text()) if log.exists() else 0), build


def test_kept_the_second_process_reads_the_copy_the_first_kept(cache_home):
    calls, build = _counting(cache_home)
    first = kept("thing", build, dict)
    second = kept("thing", build, dict)  # as a new process would: nothing but the file carries over
    assert first == second == {"built": 1}
    (copy,) = (cache_home / "resumematch" / "catalog").glob("thing-*.pickle")
    assert pickle.loads(copy.read_bytes()) == {"built": 1}


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps(["another", "kind"])])
def test_kept_an_unreadable_or_foreign_copy_is_built_again(cache_home, damage):
    calls, build = _counting(cache_home)
    kept("thing", build, dict)
    (copy,) = (cache_home / "resumematch" / "catalog").glob("thing-*.pickle")
    copy.write_bytes(damage)
    assert kept("thing", build, dict) == {"built": 2}
    assert pickle.loads(copy.read_bytes()) == {"built": 2}  # and the good copy replaces it


def test_kept_a_change_to_the_inputs_names_another_copy(cache_home, monkeypatch):
    calls, build = _counting(cache_home)
    kept("thing", build, dict)
    kept("other", lambda: {"other": 1}, dict)
    monkeypatch.setattr(kept_module, "_SHAPED_BY", ("numpy", "bm25s", "PyStemmer", "pytest"))
    assert kept("thing", build, dict) == {"built": 2}
    # the copy the old inputs named is removed; another object's copies are not
    (copy,) = (cache_home / "resumematch" / "catalog").glob("thing-*.pickle")
    assert pickle.loads(copy.read_bytes()) == {"built": 2}
    assert len(list((cache_home / "resumematch" / "catalog").glob("other-*.pickle"))) == 1


def test_kept_off_keeps_nothing_and_a_folder_that_cannot_be_written_is_no_error(cache_home, monkeypatch, tmp_path):
    monkeypatch.setenv("RESUMEMATCH_KEEP_BACKGROUND", "0")
    calls, build = _counting(cache_home)
    kept("thing", build, dict)
    kept("thing", build, dict)
    assert calls() == 2 and not (cache_home / "resumematch").exists()
    blocked = tmp_path / "file"
    blocked.write_text("a file where a folder should be")
    keep(blocked / "sub" / "x.pickle", {"a": 1})  # no error
    assert read_kept(blocked / "sub" / "x.pickle") is None


def test_kept_background_reads_as_the_one_built_here(cache_home):
    from resumematch.catalog.occupations import Background, _build_background

    built = _build_background()
    keep(cache_home / "copy.pickle", built)
    copy = read_kept(cache_home / "copy.pickle")
    assert isinstance(copy, Background)
    for text in ("Java developer, SQL, web services", "Staff Accountant, general ledger", "Registered Nurse"):
        codes = tuple(o.code for o in built.occupations[:200])
        assert copy.reading(text, codes) == built.reading(text, codes)
        assert copy.named(text) == built.named(text)


@pytest.mark.parametrize("keeping", ["1", "0"])
def test_kept_catalog_parts_read_from_the_copy_an_earlier_process_kept(cache_home, monkeypatch, keeping):
    from resumematch.catalog import refs
    from resumematch.errors import CatalogError

    monkeypatch.setenv("RESUMEMATCH_KEEP_BACKGROUND", keeping)
    first = refs.Parts()
    made = (first.credentials, first.degrees, first.skills)
    copies = list((cache_home / "resumematch" / "catalog").glob("catalog-parts-*.pickle"))
    assert len(copies) == (1 if keeping == "1" else 0)
    read = []
    monkeypatch.setattr(refs, "read_yaml", lambda path: read.append(path.name) or {})
    second = refs.Parts()  # as a new process would: only the file carries over
    if keeping == "1":
        assert (second.credentials, second.degrees, second.skills) == made and read == []
    else:  # read again (here from the stand-in, which the catalogue's validation refuses)
        with pytest.raises(CatalogError):
            assert second.credentials is None  # not reached
        assert read == ["credentials.yaml"]


def test_a_kept_background_reads_the_titles_of_the_install_that_opens_it(tmp_path, monkeypatch):
    """The background is kept under a hash of the catalogue's content, so an install at another
    path (a new virtualenv, a CI checkout) opens the copy another one kept: the copy must not read
    its held titles from the folder of the install that built it, which may be gone."""
    import shutil

    import resumematch.catalog as catalog
    from resumematch.catalog import occupations

    real = catalog.catalog_dir()
    other = tmp_path / "other-install"
    shutil.copytree(real, other, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(catalog, "catalog_dir", lambda: other)
    data = pickle.dumps(occupations._build_background())
    monkeypatch.setattr(catalog, "catalog_dir", lambda: real)
    shutil.rmtree(other)  # the install that kept it is removed
    assert str(other).encode() not in data
    background = pickle.loads(data)
    held = list(background._held_titles())  # read again from the install opening it
    assert len(held) > 50_000 and any(title == "Staff Accountant" for _, title in held)
