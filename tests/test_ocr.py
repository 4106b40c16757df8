"""Scanned pages: OCR with the ``[ocr]`` extra, the install hint without it, the flag and the
strength rule. Tests that run the real engine skip when the extra is absent; the others stub it.

conftest.py sets ``RESUMEMATCH_OCR=0`` for the whole run; tests here that need OCR remove it.
"""

from __future__ import annotations

import csv
import importlib
import os
import socket
import subprocess
import sys
import time
from types import SimpleNamespace

import builders
import pytest
from typer.testing import CliRunner

from resumematch.analyze.review import review
from resumematch.analyze.values import Analysis, Candidate, Entity
from resumematch.cli import app
from resumematch.extraction import Document, ExtractOptions, PageSpan, extract
from resumematch.extraction import ocr as ocr_module
from resumematch.extraction.ocr import INSTALL_HINT, PageOcr, installed, ocr_pages
from resumematch.extraction.pdf import reader
from resumematch.extraction.pdf.layout import Line
from resumematch.report.htmltext import explain_flag

RESUME = [
    "Dana Whitfield",
    "dana.whitfield@example.com | (404) 555-0142 | Atlanta, GA",
    "",
    "SUMMARY",
    "IT project manager with nine years of experience leading software delivery teams.",
    "",
    "EXPERIENCE",
    "Senior Project Manager, Acme Systems, Atlanta GA    Jan 2018 - Dec 2023",
    "Led a team of 12 engineers through an ERP rollout and managed a $2M budget.",
    "",
    "EDUCATION",
    "Bachelor of Science in Computer Science, Georgia State University, 2014",
    "",
    "CERTIFICATIONS",
    "Project Management Professional (PMP), PMI, 2019",
]
# Enough letters on a page that it has a usable text layer (ocr.MIN_CHARS).
TEXT_PAGE = "Project manager with nine years of experience"

needs_extra = pytest.mark.skipif(not all(importlib.util.find_spec(m) for m in ("rapidocr", "onnxruntime", "pypdfium2")),
                                 reason='the [ocr] extra is not installed (pip install "resumematch[ocr]")')


@pytest.fixture
def ocr_on(monkeypatch):
    monkeypatch.delenv(ocr_module.OCR_ENV, raising=False)


# --------------------------------------------------------------------------- the real engine


@needs_extra
@pytest.mark.parametrize(("switch", "read"), [(None, True), ("0", False)], ids=["ocr", "switched-off"])
def test_ocr_rank_reads_a_scanned_resume(tmp_path, monkeypatch, switch, read):
    monkeypatch.delenv(ocr_module.OCR_ENV, raising=False)
    if switch is not None:
        monkeypatch.setenv(ocr_module.OCR_ENV, switch)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "scan.pdf").write_bytes(builders.scanned_pdf(builders.lines_pdf([RESUME])))
    out = tmp_path / "ranked.csv"
    result = CliRunner().invoke(app, ["rank", str(tmp_path / "in"), "-o", str(out), "--no-cache", "--workers", "1",
                                      "--as-of", "2026-11-01"])
    assert result.exit_code == 0, result.output
    row = next(csv.DictReader(open(out, encoding="utf-8-sig", newline="")))
    if read:
        assert row["status"] == "ok" and "ocr:1" in row["flags"].split(";")
        assert row["candidate"] == "Dana Whitfield" and row["email"] == "dana.whitfield@example.com"
        assert float(row["cert.pmp"]) >= 0.5 and float(row["degree.bachelor_it_field"]) >= 0.5
    else:
        assert row["status"] == "no_text" and "ocr" not in row["flags"] and "RESUMEMATCH_OCR=0" in row["reason"]


@needs_extra
@pytest.mark.parametrize(("pages", "ocr_pages"), [
    ({1: TEXT_PAGE}, []),
    ({}, [1]),
], ids=["text-layer", "image-only"])
def test_ocr_extract_reads_only_pages_without_text(ocr_on, monkeypatch, pages, ocr_pages):
    def refuse(*args, **kwargs):
        raise AssertionError("OCR tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    ocr_module._engine.cache_clear()  # the engine loads here, with the network refused
    doc = extract(builders.image_only_pdf(1, text_pages=pages))
    assert doc.meta.get("ocr_pages", []) == ocr_pages
    assert ("resume line" in doc.text.lower()) == bool(ocr_pages)


# --------------------------------------------------------------------------- without the extra


@pytest.mark.parametrize(("missing", "switch", "hint"), [
    ("rapidocr", None, INSTALL_HINT),
    ("onnxruntime", None, INSTALL_HINT),
    ("pypdfium2", None, INSTALL_HINT),
    (None, "0", "RESUMEMATCH_OCR=0 switches it off"),
], ids=["no-rapidocr", "no-onnxruntime", "no-pypdfium2", "switched-off"])
def test_ocr_absent_keeps_no_text_with_the_fix(monkeypatch, missing, switch, hint):
    monkeypatch.delenv(ocr_module.OCR_ENV, raising=False)
    if missing:
        monkeypatch.setitem(sys.modules, missing, None)  # import and find_spec now fail: not installed
    if switch:
        monkeypatch.setenv(ocr_module.OCR_ENV, switch)
    doc = extract(builders.image_only_pdf())
    assert doc.status == "no_text" and "OCR is needed" in doc.reason and hint in doc.reason
    assert (INSTALL_HINT in doc.reason) == (switch is None)
    assert not installed()


@pytest.mark.parametrize(("switch", "tagged"), [("0", False), (None, None)], ids=["off", "default"])
def test_ocr_extractor_version_tells_whether_scans_are_read(switch, tagged):
    env = {k: v for k, v in os.environ.items() if k != ocr_module.OCR_ENV}
    if switch:
        env[ocr_module.OCR_ENV] = switch
    code = "import importlib; print(importlib.import_module('resumematch.extraction').EXTRACTOR_VERSION)"
    version = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    expected = tagged if tagged is not None else all(importlib.util.find_spec(m) for m in ocr_module._MODULES)
    assert version.strip().endswith("-ocr") == expected


# --------------------------------------------------------------------------- the hook, with a stub engine


def _stub(monkeypatch, *, complete=True, text="Jane Roe\nPMP certified project manager", confidence=0.97):
    """Replace the engine behind the PDF reader; return the list of page numbers it is asked for."""
    asked = []

    def fake(data, numbers, *, password="", seconds=0.0):
        asked.extend(numbers)
        lines = tuple(Line(72, 700 - 14 * i, 300, 710 - 14 * i, t) for i, t in enumerate(text.splitlines()))
        return [PageOcr(n, lines if complete else (), confidence if complete else 0.0, complete) for n in numbers]

    monkeypatch.setattr(reader, "ocr_pages", fake)
    return asked


@pytest.mark.parametrize(("text_pages", "asked"), [
    ({1: TEXT_PAGE}, [2]),
    ({1: TEXT_PAGE, 2: TEXT_PAGE}, []),
    ({}, [1, 2]),
], ids=["second-page-scanned", "all-text", "all-scanned"])
def test_ocr_hook_reads_only_pages_without_usable_text(monkeypatch, text_pages, asked):
    seen = _stub(monkeypatch)
    doc = extract(builders.image_only_pdf(2, text_pages=text_pages))
    assert doc.status == "ok" and seen == asked
    assert doc.meta.get("ocr_pages", []) == asked and doc.meta.get("ocr_confidence", []) == [0.97] * len(asked)
    assert [w for w in doc.warnings if "read by OCR" in w] == [f"Page {n} was read by OCR (confidence 0.97)." for n in asked]
    for number in asked:
        span = doc.pages[number - 1]
        assert doc.text[span.start:span.end] == "Jane Roe\nPMP certified project manager"


@pytest.mark.parametrize(("complete", "text", "reason"), [
    (False, "", "OCR found no text in them within its time limit."),
    (True, "", "OCR found no text in them."),
], ids=["past-the-cap", "blank-scan"])
def test_ocr_hook_nothing_read_is_no_text(monkeypatch, complete, text, reason):
    _stub(monkeypatch, complete=complete, text=text)
    doc = extract(builders.image_only_pdf())
    assert doc.status == "no_text" and doc.reason.endswith(reason) and INSTALL_HINT not in doc.reason


@pytest.mark.parametrize(("complete", "warned"), [(False, True), (True, False)], ids=["past-the-cap", "in-time"])
def test_ocr_hook_warns_of_a_page_past_its_cap(monkeypatch, complete, warned):
    _stub(monkeypatch, complete=complete)
    doc = extract(builders.image_only_pdf(2, text_pages={1: TEXT_PAGE}), options=ExtractOptions(ocr_seconds=7))
    assert doc.ok
    assert ("Page 2: OCR stopped at its time limit (7 s); its text is missing." in doc.warnings) == warned


# --------------------------------------------------------------------------- the time cap


class _Engine:
    """Stands in for rapidocr: burns ``cpu`` seconds of CPU, then finds a line 390 px wide and 30 px
    high that reads ``text`` with ``score``, whose words sit at the given x ranges; and another line
    of 130 px it cannot read (score 0.2)."""

    def __init__(self, cpu: float = 0.0, text: str = "Read me", score: float = 0.9,
                 words=(("Read", 0.9, 10, 80), ("me", 0.8, 90, 120)), fails: Exception | None = None) -> None:
        self.cpu, self.text, self.score, self.words, self.fails = cpu, text, score, words, fails

    def __call__(self, image, **kw):
        if self.fails is not None:
            raise self.fails
        end = time.process_time() + self.cpu
        while time.process_time() < end:
            pass
        words = tuple((w, score, [[x0, 10], [x1, 10], [x1, 40], [x0, 40]]) for w, score, x0, x1 in self.words)
        smudge = (("3l", 0.2, [[10, 60], [140, 60], [140, 90], [10, 90]]),)
        return SimpleNamespace(boxes=[[[10, 10], [400, 10], [400, 40], [10, 40]], [[10, 60], [140, 60], [140, 90], [10, 90]]],
                               txts=[self.text, "3l"], scores=[self.score, 0.2], word_results=[words, smudge])


@pytest.fixture
def fake_engine(ocr_on, monkeypatch):
    """Put an ``_Engine`` behind ``ocr_pages``."""
    monkeypatch.setattr(ocr_module, "unavailable", lambda: "")

    def install(engine: _Engine) -> None:
        monkeypatch.setattr(ocr_module, "_engine", lambda: engine)

    return install


@pytest.mark.skipif(importlib.util.find_spec("pypdfium2") is None, reason="pypdfium2 (the [ocr] extra) is absent")
@pytest.mark.parametrize(("cpu", "cap", "complete"), [(30.0, 0.5, False), (0.05, 10.0, True)], ids=["slow", "quick"])
def test_ocr_page_is_held_to_its_time_cap(fake_engine, cpu, cap, complete):
    fake_engine(_Engine(cpu))
    start = time.process_time()
    [page] = ocr_pages(builders.image_only_pdf(), [1], seconds=cap)
    assert page.complete == complete and time.process_time() - start < 5
    assert [line.text for line in page.lines] == (["Read me"] if complete else [])
    if complete:  # the unreadable line is left out of the text but counts in the confidence, by width
        assert page.confidence == pytest.approx((390 * 0.9 + 130 * 0.2) / 520, abs=1e-4)


# --------------------------------------------------------------------------- flag and strength


def _scanned(confidence: float | None) -> tuple[Document, Analysis]:
    text = "CERTIFICATIONS\nPMP, PMI, 2019"
    meta = {"ocr_pages": [1], "ocr_confidence": [confidence]} if confidence is not None else {}
    doc = Document(text=text, pages=(PageSpan(1, 0, len(text)),), format="pdf", meta=meta)
    pmp = Entity("certification", "cert.pmp", "PMP", "PMP", "exact", 1.0, "held", "certifications", 1, 15, 18)
    analysis = Analysis(Candidate(None, None, None), 0.0, 0.0, 0.0, 0, (pmp,), (), (), "m", "2026-11-01")
    return doc, analysis


@pytest.mark.parametrize(("confidence", "flag", "score"), [
    (0.62, "ocr:1", 0.5),
    (0.97, "ocr:1", 1.0),
    (None, None, 1.0),
], ids=["doubtful-page", "confident-page", "text-layer"])
def test_ocr_review_flags_and_weakens_doubtful_pages(confidence, flag, score):
    doc, analysis = _scanned(confidence)
    reviewed, flags = review(doc, analysis)
    assert [f for f in flags if f.startswith("ocr")] == ([flag] if flag else [])
    assert reviewed.entities[0].score == score


@pytest.mark.parametrize(("flag", "words"), [("ocr:1,3", "Page(s) 1,3"), ("keyword_stuffing", "credential")])
def test_ocr_flag_is_explained_in_the_report(flag, words):
    assert words in explain_flag(flag) and ("OCR" in explain_flag(flag)) == flag.startswith("ocr")


@pytest.mark.skipif(importlib.util.find_spec("pypdfium2") is None, reason="pypdfium2 (the [ocr] extra) is absent")
@pytest.mark.parametrize(("text", "words", "expected"), [
    ("ann@example.com(404)555-0142", [("ann@example.com", 1.0, 10, 200), ("(404)555-0142", 1.0, 215, 330)],
     "ann@example.com (404)555-0142"),
    ("ann@example.com(404)555-0142", [("ann@example.com", 1.0, 10, 200), ("(404)555-0142", 1.0, 204, 330)],
     "ann@example.com(404)555-0142"),
    ("\u3002Led a team", [("\u3002", 1.0, 10, 15), ("L", 1.0, 20, 25), ("e", 1.0, 26, 30), ("d", 1.0, 31, 35),
                          ("a", 1.0, 45, 50), ("t", 1.0, 60, 64), ("e", 1.0, 65, 70), ("a", 1.0, 71, 75), ("m", 1.0, 76, 82)],
     "\u2022Led a team"),
], ids=["gap-is-a-space", "touching", "bullet-and-letters"])
def test_ocr_line_keeps_the_recognised_spacing(fake_engine, text, words, expected):
    fake_engine(_Engine(text=text, words=words))
    [page] = ocr_pages(builders.image_only_pdf(), [1])
    assert [line.text for line in page.lines] == [expected]


@pytest.mark.skipif(importlib.util.find_spec("pypdfium2") is None, reason="pypdfium2 (the [ocr] extra) is absent")
@pytest.mark.parametrize(("error", "raised"), [
    (RuntimeError("RUNTIME_EXCEPTION : Non-zero status code returned while running Add node. std::bad_alloc"), MemoryError),
    (RuntimeError("RUNTIME_EXCEPTION : Invalid input shape"), RuntimeError),
], ids=["out-of-memory", "other-failure"])
def test_ocr_engine_out_of_memory_is_a_memory_error(fake_engine, error, raised):
    # a MemoryError is what the batch worker turns into the status too_large (the memory cap)
    fake_engine(_Engine(fails=error))
    with pytest.raises(raised) as caught:
        ocr_pages(builders.image_only_pdf(), [1])
    assert caught.type is raised
