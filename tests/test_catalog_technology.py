"""The technology catalogue: derived from O*NET with its attribution, categories and hot marks,
joined with our aliases; and the build script that derives it."""

from __future__ import annotations

import ast
import csv
from pathlib import Path

import pytest
import srsly

from resumematch.catalog import ATTRIBUTION, catalog_dir, load_catalog
from resumematch.catalog.build import build, build_background, derive, derive_background, read_onet
from resumematch.catalog.technology import load_technology, read_tsv, tsv_rows
from resumematch.errors import CatalogError

ROOT = Path(__file__).resolve().parents[1]
ONET = ROOT.parent / "shared/realdata/onet"
HEADER = ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand"]


@pytest.fixture(scope="module")
def tech():
    return load_catalog().technology


def write_onet(folder: Path, rows: list[tuple], occupations: list[tuple]) -> Path:
    """A small O*NET folder in the real files' layout (tab-separated, CRLF line ends)."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "Technology Skills.txt").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter="\t", lineterminator="\r\n").writerows([HEADER, *rows])
    with (folder / "Occupation Data.txt").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter="\t", lineterminator="\r\n").writerows(
            [["O*NET-SOC Code", "Title", "Description"], *occupations])
    return folder


SMALL_ROWS = [
    ("15-1252.00", "Widget DB", "43232304", "Data base management system software", "N", "N"),
    ("15-1253.00", "Widget DB", "43232306", "Data base user interface and query software", "Y", "Y"),
    ("11-1021.00", "Widget DB", "43232306", "Data base user interface and query software", "N", "N"),
    ("11-1021.00", "Plain Tool", "43232110", "Spreadsheet software", "N", "N"),
]
SMALL_OCCUPATIONS = [("15-1252.00", "Software Developers", "..."), ("15-1253.00", "Software QA Analysts", "..."),
                     ("11-1021.00", "General Managers", "..."), ("99-9999.00", "Lists no technology", "...")]


# --------------------------------------------------------------------------- the shipped files


@pytest.mark.parametrize("name", ["technology.tsv", "commodities.tsv", "occupations.tsv", "README.md"])
def test_catalog_technology_files_carry_the_onet_attribution(name):
    assert ATTRIBUTION in (catalog_dir() / name).read_text(encoding="utf-8")


def test_catalog_technology_attribution_is_the_one_onet_requires(tech):
    assert tech.attribution == ATTRIBUTION
    assert ATTRIBUTION.startswith("This product includes information from the O*NET Database")
    assert "CC BY 4.0" in ATTRIBUTION and "has not approved, endorsed, or tested" in ATTRIBUTION


def test_catalog_technology_every_entry_has_a_named_category(tech):
    titles = tech.commodity_titles
    assert len(tech.technologies) > 5000
    assert all(t.commodities and all(titles.get(code, "").strip() for code in t.commodities) for t in tech.technologies)


def test_catalog_technology_hot_marks_are_a_minority(tech):
    hot = [t.name for t in tech.technologies if t.hot]
    assert 50 < len(hot) < len(tech.technologies) / 10
    assert {"Python", "Microsoft Excel", "Kubernetes"} <= set(hot)


@pytest.mark.parametrize("spelling, name", [
    ("MS SQL", "Microsoft SQL Server"), ("MSSQL", "Microsoft SQL Server"), ("SQL Server", "Microsoft SQL Server"),
    ("Javascript", "JavaScript"), ("JS", "JavaScript"), ("Postgres", "PostgreSQL"), ("K8s", "Kubernetes"),
    ("Golang", "Go"), ("C#", "C#"), ("C++", "C++"), ("T-SQL", "Transact-SQL"), ("Power BI", "Microsoft Power BI"),
    ("AWS", "Amazon Web Services AWS software"), ("Jira", "Atlassian JIRA"), ("Terraform", "IBM Terraform"),
    ("C", "C"), ("R", "R"),
])
def test_catalog_technology_aliases_resolve(tech, spelling, name):
    assert [t.name for t in tech.lookup(spelling)] == [name]


def test_catalog_technology_every_curated_alias_resolves_to_its_entry(tech):
    curated = srsly.read_yaml(catalog_dir() / "technology_aliases.yaml")["technologies"]
    for entry in curated:
        for alias in entry.get("aliases", []):
            text = alias if isinstance(alias, str) else alias["text"]
            assert entry["name"] in [t.name for t in tech.lookup(text)], text
        assert all(other in tech.by_name for other in entry.get("same_as", []))


@pytest.mark.parametrize("spelling, ambiguous", [("Go", True), ("Slack", True), ("Excel", True), ("AWS", True),
                                                 ("Golang", False), ("Microsoft Excel", False), ("PostgreSQL", False)])
def test_catalog_technology_ambiguity_marks(tech, spelling, ambiguous):
    assert tech.is_ambiguous(spelling) is ambiguous


# --------------------------------------------------------------------------- the build script


def test_catalog_build_derives_categories_hot_marks_and_counts():
    tables = derive([dict(zip(HEADER, r)) for r in SMALL_ROWS],
                    [dict(zip(["O*NET-SOC Code", "Title", "Description"], r)) for r in SMALL_OCCUPATIONS])
    widget, plain = {row[0]: row for row in tables["technology"]}["Widget DB"], tables["technology"][0]
    # the commodity listed by two occupations comes first; one Y row makes it hot
    assert widget == ("Widget DB", "43232306;43232304", "Y", "1", "11-1021.00;15-1252.00;15-1253.00")
    assert plain == ("Plain Tool", "43232110", "N", "0", "11-1021.00")
    assert [code for code, _ in tables["occupations"]] == ["11-1021.00", "15-1252.00", "15-1253.00"]


def test_catalog_build_output_loads_with_aliases(tmp_path):
    onet = write_onet(tmp_path / "onet", SMALL_ROWS, SMALL_OCCUPATIONS)
    out = tmp_path / "catalog"
    out.mkdir()
    assert build(onet, out) == {"technology": 2, "commodities": 3, "occupations": 3, "occupation_text": 4}
    (out / "technology_aliases.yaml").write_text(
        "version: 3\ntechnologies:\n  - name: Widget DB\n    aliases: [WDB]\n", encoding="utf-8")
    loaded = load_technology(out)
    assert loaded.version == 3 and [t.name for t in loaded.lookup("wdb")] == ["Widget DB"]
    assert loaded.by_name["Widget DB"].hot and not loaded.by_name["Plain Tool"].hot


@pytest.mark.parametrize("broken", ["attribution", "unknown name"])
def test_catalog_build_output_without_attribution_or_with_unknown_alias_fails(tmp_path, broken):
    out = tmp_path / "catalog"
    out.mkdir()
    build(write_onet(tmp_path / "onet", SMALL_ROWS, SMALL_OCCUPATIONS), out)
    name = "Plain Tool"
    if broken == "attribution":
        path = out / "technology.tsv"
        path.write_text(path.read_text(encoding="utf-8").replace(ATTRIBUTION, "no notice"), encoding="utf-8")
    else:
        name = "Not In ONET"
    (out / "technology_aliases.yaml").write_text(f"version: 1\ntechnologies:\n  - name: {name}\n", encoding="utf-8")
    with pytest.raises(CatalogError):
        load_technology(out)


@pytest.mark.skipif(not ONET.is_dir(), reason=f"O*NET files not found at {ONET}")
def test_catalog_build_shipped_files_match_the_onet_files(tmp_path):
    build(ONET, tmp_path)
    for name in ("technology.tsv", "commodities.tsv", "occupations.tsv"):
        assert (tmp_path / name).read_bytes() == (catalog_dir() / name).read_bytes(), name


@pytest.mark.parametrize("script", ["build"])
def test_catalog_build_is_not_imported_at_run_time(script):
    imported = set()
    for path in catalog_dir().glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert "technology" in imported and script not in imported


# --------------------------------------------------------------------------- the occupation background


def _table(folder: Path, name: str, header: list[str], rows: list[tuple]) -> None:
    with (folder / name).open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter="\t", lineterminator="\r\n").writerows([header, *rows])


def write_onet_db(folder: Path) -> Path:
    """The O*NET database files the background is derived from, in the real files' layout."""
    folder.mkdir(parents=True, exist_ok=True)
    _table(folder, "Alternate Titles.txt", ["O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"],
           [("15-1252.00", "Java  Developer", "n/a", "08"), ("15-1252.00", "Application Developer", "n/a", "08"),
            ("99-9999.00", "Title Of An Unknown Code", "n/a", "08")])
    _table(folder, "Sample of Reported Titles.txt", ["O*NET-SOC Code", "Reported Job Title", "Shown in My Next Move"],
           [("15-1252.00", "java developer", "Y"), ("15-1253.00", "QA Tester", "Y")])
    _table(folder, "Task Statements.txt", ["O*NET-SOC Code", "Task ID", "Task", "Task Type"],
           [("15-1252.00", "1", "Write  code for new features.", "Core"), ("15-1253.00", "2", "Test software.", "Core"),
            ("15-1253.00", "3", " ", "Core")])
    _table(folder, "Related Occupations.txt", ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"],
           [("15-1252.00", "11-1021.00", "Primary-Short", "2"), ("15-1252.00", "15-1253.00", "Primary-Short", "1"),
            ("15-1253.00", "15-1252.00", "Supplemental", "11"), ("15-1253.00", "99-9999.00", "Primary-Short", "1")])
    return folder


def test_catalog_build_background_keeps_known_codes_once_and_the_closest_tier(tmp_path):
    db = write_onet_db(tmp_path / "db")
    codes = {"15-1252.00", "15-1253.00", "11-1021.00"}
    out = tmp_path / "catalog"
    out.mkdir()
    assert build_background(db, out, codes) == {"alternate_titles": 3, "tasks": 2, "related": 2}
    tables = derive_background(*(read_onet(db / n) for n in (
        "Alternate Titles.txt", "Sample of Reported Titles.txt", "Task Statements.txt", "Related Occupations.txt")),
        codes)
    # A title once per occupation whatever its case and spacing; an unknown code's title is dropped.
    assert tables["alternate_titles"] == [("15-1252.00", "Application Developer"), ("15-1252.00", "Java Developer"),
                                          ("15-1253.00", "QA Tester")]
    assert tables["tasks"] == [("15-1252.00", "Write code for new features."), ("15-1253.00", "Test software.")]
    # Only the closest tier, closest first; a related code that is not an occupation is dropped.
    assert tables["related"] == [("15-1252.00", "15-1253.00"), ("15-1252.00", "11-1021.00")]
    text = (out / "occupation_related.tsv").read_text(encoding="utf-8")
    assert text.startswith(f"# {ATTRIBUTION}") and "Related Occupations.txt" in text


@pytest.mark.parametrize("text, rows, comments", [
    ("# made by hand\ncode\ttitle\n11-1011.00\tChief Executives\n\n15-1252.00\tSoftware Developers\n",
     [["11-1011.00", "Chief Executives"], ["15-1252.00", "Software Developers"]], ["made by hand"]),
    ("code\ttitle\r\n11-1011.00\tChief Executives\r\n", [["11-1011.00", "Chief Executives"]], []),
])
def test_catalog_technology_tsv_rows_are_read_one_line_at_a_time(tmp_path, text, rows, comments):
    path = tmp_path / "t.tsv"
    path.write_bytes(text.encode())
    seen: list[str] = []
    assert list(tsv_rows(path, ("code", "title"), seen)) == rows and seen == comments
    assert read_tsv(path, ("code", "title")) == (comments, [dict(zip(("code", "title"), r)) for r in rows])


@pytest.mark.parametrize("text, message", [
    ("title\tcode\n11-1011.00\tChief Executives\n", "the header row must be code title"),
    ("# only a comment\n", "the header row must be code title"),
    ("code\ttitle\n11-1011.00\tChief Executives\n15-1252.00\n", "row 3 has 1 cells, not 2"),
])
def test_catalog_technology_tsv_rows_refuse_a_wrong_header_or_row(tmp_path, text, message):
    path = tmp_path / "t.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError, match=message):
        list(tsv_rows(path, ("code", "title")))
