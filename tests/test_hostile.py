"""Hostile files: DOCX zip bombs, DTDs and path tricks; formula injection in the CSV."""

from __future__ import annotations

import csv
import io
import resource
import zipfile

import docx
import pandas as pd
import pytest

from resumematch.errors import ResumeMatchError
from resumematch.extraction import extract
from resumematch.extraction.docx import ZipLimits, check_zip, extract_docx
from resumematch.model import load_model
from resumematch.report.csvsafe import csv_safe, safe_frame, write_csv
from resumematch.report.rows import columns
from resumematch.report.screening import Screening

MB = 1024 * 1024


def good_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Jane Example, IT Project Manager")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def rebuilt(replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    """``good_docx()`` with some members replaced or added."""
    src = zipfile.ZipFile(io.BytesIO(good_docx()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, (replace or {}).get(info.filename, src.read(info)))
        for name, data in (add or {}).items():
            out.writestr(name, data)
    return buf.getvalue()


def streamed_zeros(name: str, size: int, base: bytes | None = None) -> bytes:
    """A zip (``base``'s members plus) one member of ``size`` zero bytes, written in 1 MB chunks."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        if base:
            src = zipfile.ZipFile(io.BytesIO(base))
            for info in src.infolist():
                out.writestr(info.filename, src.read(info))
        chunk = bytes(MB)
        with out.open(name, "w", force_zip64=True) as member:
            for _ in range(size // MB):
                member.write(chunk)
    return buf.getvalue()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""


def test_good_docx_passes():
    assert check_zip(good_docx()) is None
    assert extract_docx(good_docx()).status == "ok"


@pytest.mark.parametrize("payload, needle", [(BILLION_LAUGHS, "DTD"), (XXE, "DTD")], ids=["billion_laughs", "xxe"])
def test_dtd_in_a_part_is_rejected(payload, needle):
    doc = extract_docx(rebuilt(replace={"word/document.xml": payload}))
    assert doc.status == "rejected"
    assert needle in doc.reason and "word/document.xml" in doc.reason
    assert "passwd" not in doc.text and "lol" not in doc.text


def test_dtd_in_rels_is_rejected():
    rels = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><Relationships/>'
    doc = extract_docx(rebuilt(add={"word/_rels/extra.xml.rels": rels}))
    assert doc.status == "rejected" and "DTD" in doc.reason


@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    return streamed_zeros("word/media/zeros.bin", 200 * MB, base=good_docx())


def test_zip_bomb_rejected_before_reading(zip_bomb, write_file):
    assert len(zip_bomb) < 2 * MB
    before = peak_mb()
    doc = extract(write_file("bomb.docx", zip_bomb))
    assert peak_mb() - before < 100
    assert doc.status == "rejected"
    assert "zip bomb" in doc.reason and "limit" in doc.reason


def test_high_ratio_member_under_total_is_rejected():
    data = streamed_zeros("word/media/zeros.bin", 50 * MB, base=good_docx())
    before = peak_mb()
    doc = extract_docx(data)
    assert peak_mb() - before < 100
    assert doc.status == "rejected"
    assert "compressed" in doc.reason and "zip bomb" in doc.reason


def test_large_xml_part_is_not_inflated_past_the_total_limit():
    data = streamed_zeros("word/document2.xml", 120 * MB, base=good_docx())
    before = peak_mb()
    assert check_zip(data).status == "rejected"
    assert peak_mb() - before < 100


def test_too_many_members_rejected():
    doc = extract_docx(rebuilt(add={f"customXml/item{i}.bin": b"x" for i in range(2000)}))
    assert doc.status == "rejected"
    assert "2" in doc.reason and "parts" in doc.reason and "limit 1000" in doc.reason


def test_member_limit_is_configurable():
    data = rebuilt(add={f"customXml/item{i}.bin": b"x" for i in range(20)})
    assert extract_docx(data).status == "ok"
    assert extract_docx(data, ZipLimits(max_members=10)).status == "rejected"


@pytest.mark.parametrize("name", ["../evil.xml", "word/../../evil.xml", "/abs/evil.xml", "\\abs\\evil.xml",
                                  "C:/evil.xml", "word\\..\\..\\evil.xml"])
def test_unsafe_member_names_rejected(name):
    buf = io.BytesIO(rebuilt())
    with zipfile.ZipFile(buf, "a") as z:
        z.writestr(zipfile.ZipInfo(name), b"x")
    doc = extract_docx(buf.getvalue())
    assert doc.status == "rejected"
    assert "unsafe path" in doc.reason


def test_not_a_zip_is_corrupt_not_an_exception():
    doc = extract_docx(b"PK\x03\x04 this is not really a zip")
    assert doc.status == "corrupt" and doc.reason


def test_damaged_xml_member_gives_corrupt_status():
    data = bytearray(rebuilt())
    at = data.find(b"word/document.xml") + len("word/document.xml")  # first local header's data
    data[at + 10: at + 40] = bytes(30)
    assert extract_docx(bytes(data)).status in ("corrupt", "rejected")


# --------------------------------------------------------------------------- CSV injection

@pytest.mark.parametrize("cell", ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_cells_neutralised(cell):
    assert csv_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Jane Example", "O'Brien", "3.5 years", "", "a=b"])
def test_ordinary_cells_untouched(cell):
    assert csv_safe(cell) == cell


def test_safe_frame_neutralises_column_names_and_keeps_numbers():
    df = pd.DataFrame({"=HYPERLINK(\"http://x\")": ["=1+1"], "score": [42.5], "n": [3]})
    out = safe_frame(df)
    assert list(out.columns) == ["'=HYPERLINK(\"http://x\")", "score", "n"]
    assert out.iloc[0, 0] == "'=1+1" and out["score"].iloc[0] == 42.5 and out["n"].iloc[0] == 3
    assert df.iloc[0, 0] == "=1+1"  # the input is not modified


def test_model_ids_cannot_start_a_formula(tmp_path):
    source = load_model().content
    hostile = source.replace("- id: cert.pmp", "- id: \"=cmd|' /C calc'!A0\"", 1)
    assert hostile != source
    path = tmp_path / "hostile.yaml"
    path.write_text(hostile, encoding="utf-8")
    with pytest.raises(ResumeMatchError):
        load_model(path)


def test_csv_headers_come_from_ids_not_labels(tmp_path):
    source = load_model().content
    hostile = source.replace("label: Project Management Professional (PMP)", "label: \"=cmd|' /C calc'!A0\"", 1)
    path = tmp_path / "labels.yaml"
    path.write_text(hostile, encoding="utf-8")
    model = load_model(path)
    assert not any(c.startswith(("=", "+", "-", "@")) for c in columns(model))


def test_ranked_csv_neutralises_candidate_name(tmp_path):
    model = load_model()
    head = ["a", "txt", "ok", "", "", 8.0, 0.0, 8.0, 0.0, "=cmd|' /C calc'!A0", "@evil", None, "", 0.5, "", "",
            [], 0.5, "", "", 0.0]
    records = [("a.pdf", [head, []]),
               ("b.pdf", [["b", "txt", "ok", "", "", 0.5, 0.0, 1.0, 0.0, "Jane Example", None, None, "", 0.5, "", "",
                       [], 0.5, "", "", 0.0], []])]
    path = tmp_path / "ranked.csv"
    write_csv(Screening.from_records(model, records).ranking, path)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert table[0]["candidate"] == "'=cmd|' /C calc'!A0"
    assert table[0]["email"] == "'@evil"
    assert table[1]["candidate"] == "Jane Example"
    assert table[0]["file"] == "a.pdf" and float(table[0]["score"]) > float(table[1]["score"])
