"""The extractor, fuzzed: any bytes give a Document whose status is never ``error`` (``error`` is for
our bugs), and in a batch every file gets exactly one row. A small fixed-seed slice of the
mutation corpus in ``fuzzing.py``; ``benchmarks/fuzz.py`` runs 10,000 and more.

Also the damaged files the fuzzing found, each beside its healthy twin.
"""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib

import builders
import fuzzing
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumematch.errors import ResumeMatchError
from resumematch.extraction import Document, ExtractOptions, extract, extract_bytes
from resumematch.extraction.pdf.inflate import MAX_STREAM_BYTES
from resumematch.extraction.zipsafe import ZipLimits, check_zip
from resumematch.run.pool import Limits, extract_all
from resumematch.types import DocStatus

MB = 1024 * 1024
SLICE = settings(max_examples=60, derandomize=True, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow])


def read(data: bytes) -> Document | ResumeMatchError:
    try:
        return extract_bytes(data, ExtractOptions())
    except ResumeMatchError as exc:  # the property allows a typed error; anything else fails the test
        return exc


def assert_handled(outcome, what: str = "") -> None:
    if isinstance(outcome, Document):
        assert outcome.status != DocStatus.ERROR, (what, outcome.reason)
        assert outcome.ok or outcome.reason, what


@SLICE
@given(st.binary(max_size=4096))
def test_fuzz_any_bytes_become_a_document_or_a_typed_error(data):
    assert_handled(read(data))


@SLICE
@given(st.sampled_from(fuzzing.seeds()), st.binary(min_size=1, max_size=64), st.integers(0, 1 << 30))
def test_fuzz_seed_with_bytes_written_into_it(seed, patch, where):
    name, data = seed
    at = where % len(data)
    assert_handled(read(data[:at] + patch + data[at + len(patch):]), name)


@SLICE
@given(st.integers(0, 1 << 32))
def test_fuzz_mutation_corpus(seed):
    rng = random.Random(seed)
    what, data = fuzzing.mutant(rng)
    assert_handled(read(data), what)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="worker tests need fork")
@pytest.mark.usefixtures("watchdog")
def test_fuzz_batch_gives_every_file_exactly_one_row(tmp_path):
    files = []
    for i, (_, data) in enumerate(fuzzing.mutants(40, seed=17)):
        path = tmp_path / f"m{i:03d}{fuzzing.suffix(data)}"
        path.write_bytes(data)
        files.append(path)
    docs = list(extract_all(files, workers=2, limits=Limits(timeout=30)))
    assert [d.source for d in docs] == [str(f) for f in files]
    assert all(d.status in DocStatus for d in docs)
    assert [d.source for d in docs if d.status == "error"] == []


# --------------------------------------------------------------------------- what the fuzzing found

def _docx() -> bytes:
    return builders.build_docx(paragraphs=["Jane Example", "IT Project Manager"])


def _central_directory_moved(data: bytes, by: int) -> bytes:
    """The end record says the central directory starts ``by`` bytes later than it does, so every
    member's offset resolves ``by`` bytes too early: before the file start, a negative seek."""
    out = bytearray(data)
    end = out.rfind(b"PK\x05\x06")
    struct.pack_into("<I", out, end + 16, struct.unpack_from("<I", out, end + 16)[0] + by)
    return bytes(out)


@pytest.mark.parametrize(("by", "status"), [(10_000, "corrupt"), (0, "ok")], ids=["negative-seek", "intact"])
def test_fuzz_docx_with_negative_member_offsets_is_corrupt(by, status):
    doc = extract(_central_directory_moved(_docx(), by))
    assert doc.status == status
    if status == "corrupt":
        assert "negative seek" in doc.reason


@pytest.mark.parametrize(("version", "status"), [(216, "corrupt"), (20, "ok")], ids=["version-21.6", "version-2.0"])
def test_fuzz_docx_needing_an_unknown_zip_version_is_corrupt(version, status):
    out = bytearray(_docx())
    at = out.find(b"PK\x01\x02")  # the first central-directory entry: "version needed to extract"
    out[at + 6] = version
    assert extract(bytes(out)).status == status


def test_fuzz_text_too_long_for_one_resume_is_too_large():
    line = "Managed IT projects for clients across the region.\n"
    too_long = line * (Document.MAX_CHARS // len(line) + 1)
    doc = extract(too_long.encode())
    assert doc.status == "too_large"
    assert f"{Document.MAX_CHARS:,}" in doc.reason


def test_fuzz_text_just_under_the_limit_is_read_and_analysed():
    from resumematch.analyze import Analyzer

    line = "Managed stakeholder communication and risk management.\n"
    text = "Jane Example\n\nEXPERIENCE\n" + line * (Document.MAX_CHARS // len(line) - 1)
    doc = extract(text.encode())
    assert doc.status == "ok" and len(doc.text) <= Document.MAX_CHARS
    analyzer = Analyzer("it_project_manager")
    assert analyzer.nlp.max_length == Document.MAX_CHARS
    assert "soft.communication" in {e.id for e in analyzer.analyze(doc).entities}


def _pdf_stream(inflated: int) -> bytes:
    z = zlib.compressobj(9)
    body = b"".join(z.compress(b" " * MB) for _ in range(inflated // MB)) + z.flush()
    return builders.raw_pdf(body, flate=True)


@pytest.mark.parametrize(("inflated", "status"), [(MAX_STREAM_BYTES + MB, "too_large"), (4 * MB, "no_text")],
                         ids=["bomb", "big-but-allowed"])
def test_fuzz_pdf_stream_inflating_past_the_cap_is_too_large(inflated, status):
    doc = extract(_pdf_stream(inflated))
    assert doc.status == status
    if status == "too_large":
        assert "decompression bomb" in doc.reason


def test_fuzz_pdf_stream_with_a_damaged_checksum_keeps_its_text():
    content = zlib.compress(b"BT /F1 12 Tf 72 700 Td (Jane Example) Tj ET")
    doc = extract(builders.raw_pdf(content[:-2] + b"\x00\x00", flate=True).replace(b"/Contents 4 0 R >>", b"/Contents 4 0 R "
                  b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>"))
    assert doc.status == "ok" and "Jane Example" in doc.text


def _with_part(name: str, data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(_docx()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, data if info.filename == name else src.read(info))
    return buf.getvalue()


DTD = ('<?xml version="1.0" encoding="{enc}"?><!DOCTYPE d [<!ENTITY a "aaaaaaaa">]>'
       '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
NO_DTD = ('<?xml version="1.0" encoding="{enc}"?>'
          '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
@pytest.mark.parametrize(("template", "refused"), [(DTD, True), (NO_DTD, False)], ids=["dtd", "no-dtd"])
def test_fuzz_dtd_in_a_utf16_part_is_rejected(encoding, template, refused):
    xml = template.format(enc="utf-16").encode(encoding)
    problem = check_zip(_with_part("word/document.xml", xml))
    assert (problem is not None and problem.status == "rejected") is refused


@pytest.mark.parametrize(("cap", "status"), [(64 * 1024, "too_large"), (ZipLimits.max_xml_bytes, "ok")])
def test_fuzz_xml_part_over_its_cap_is_too_large_before_parsing(cap, status):
    paragraphs = "".join(f"<w:p><w:r><w:t>Line {i} of a long resume</w:t></w:r></w:p>" for i in range(3000))
    body = ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
            f'main"><w:body>{paragraphs}</w:body></w:document>').encode()
    doc = extract(_with_part("word/document.xml", body), options=ExtractOptions(zip_limits=ZipLimits(max_xml_bytes=cap)))
    assert doc.status == status
    if status == "too_large":
        assert "word/document.xml" in doc.reason


@pytest.mark.parametrize(("run", "kept"), [(50_000, False), (300, True)], ids=["blob", "long-url"])
def test_fuzz_unbroken_run_of_data_is_dropped_before_analysis(run, kept):
    from resumematch.extraction.normalize import BLOB_CHARS

    blob = ("QUJD" * run)[:run]
    doc = extract(f"Jane Example\nPortfolio: {blob}\nEXPERIENCE\nIT Project Manager".encode())
    assert doc.status == "ok" and "IT Project Manager" in doc.text
    assert (blob in doc.text) is kept
    assert max(len(w) for w in doc.text.split()) < BLOB_CHARS
