"""Hidden text in PDFs and DOCX files: left out of the text, counted, and flagged."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from resumematch.extraction import extract
from resumematch.extraction.docx import extract_docx
from resumematch.extraction.pdf.hidden import HiddenChars, HiddenSettings, to_rgb
from resumematch.extraction.pdf.reader import extract_pdf
from resumematch.run.screener import Screener

HIDDEN = "PMP Certified ScrumMaster PRINCE2 Practitioner"
RESUME = [
    "Jane Example",
    "jane.example@example.com",
    "Experience",
    "IT Project Manager, Acme Software, 2016 - 2023",
    "Led agile software projects and managed budgets for cloud infrastructure.",
    "Education",
    "BSc Computer Science, University of Leeds, 2015",
]


@pytest.fixture(scope="module")
def screener():
    return Screener(as_of=dt.date(2024, 6, 1))


def pdf(draw_hidden=None, *, lines=RESUME) -> bytes:
    """A one-page resume; ``draw_hidden(canvas)`` adds the text under test below it."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    for i, line in enumerate(lines):
        c.drawString(72, 780 - 14 * i, line)
    if draw_hidden:
        c.setFont("Helvetica", 10)
        draw_hidden(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def _text_at(c, text=HIDDEN, x=72, y=500):
    c.drawString(x, y, text)


def white_rgb(c):
    c.setFillColorRGB(1, 1, 1)
    _text_at(c)


def white_gray(c):
    c.setFillGray(1)
    _text_at(c)


def white_cmyk(c):
    c.setFillColorCMYK(0, 0, 0, 0)
    _text_at(c)


def tiny(c):
    c.setFont("Helvetica", 1)
    _text_at(c)


def off_page(c):
    _text_at(c, x=-500)


def render_mode_3(c):
    t = c.beginText(72, 500)
    t.setFont("Helvetica", 10)
    t.setTextRenderMode(3)
    t.textLine(HIDDEN)
    c.drawText(t)


def same_as_rectangle(c):
    c.setFillColorRGB(0.1, 0.15, 0.3)
    c.rect(60, 480, 450, 40, fill=1, stroke=0)
    _text_at(c)  # same navy as the rectangle


def white_over_light_rectangle_drawn_later(c):
    # White text on white page; a dark rectangle elsewhere must not count as its background.
    c.setFillColorRGB(1, 1, 1)
    _text_at(c)
    c.setFillColorRGB(0.1, 0.1, 0.1)
    c.rect(60, 300, 450, 40, fill=1, stroke=0)


def _navy_box_form(c, text_colour=None):
    """A form XObject (pdfminer: a figure) holding a navy box and, optionally, the text."""
    c.beginForm("box")
    c.setFillColorRGB(0.1, 0.15, 0.3)
    c.rect(60, 480, 450, 40, fill=1, stroke=0)
    if text_colour:
        c.setFillColorRGB(*text_colour)
        c.setFont("Helvetica", 10)
        _text_at(c)
    c.endForm()
    c.doForm("box")


def same_as_rectangle_in_form(c):
    _navy_box_form(c, text_colour=(0.1, 0.15, 0.3))


HIDDEN_CASES = [white_rgb, white_gray, white_cmyk, tiny, off_page, render_mode_3, same_as_rectangle,
                white_over_light_rectangle_drawn_later, same_as_rectangle_in_form]


def dark_theme(c):
    c.setFillColorRGB(0.1, 0.15, 0.3)
    c.rect(60, 480, 450, 40, fill=1, stroke=0)
    c.setFillColorRGB(1, 1, 1)
    _text_at(c)


def dark_theme_cmyk(c):
    c.setFillColorCMYK(0.9, 0.7, 0.2, 0.6)
    c.rect(60, 480, 450, 40, fill=1, stroke=0)
    c.setFillColorCMYK(0, 0, 0, 0)
    _text_at(c)


def normal(c):
    _text_at(c)


def grey_text(c):
    c.setFillGray(0.45)
    _text_at(c)


def small_but_readable(c):
    c.setFont("Helvetica", 6)
    _text_at(c)


def dark_theme_in_form(c):
    _navy_box_form(c, text_colour=(1, 1, 1))


def white_on_a_form_box(c):
    _navy_box_form(c)
    c.setFillColorRGB(1, 1, 1)
    _text_at(c)


VISIBLE_CASES = [dark_theme, dark_theme_cmyk, normal, grey_text, small_but_readable, dark_theme_in_form,
                 white_on_a_form_box]


@pytest.mark.parametrize("draw", HIDDEN_CASES, ids=lambda f: f.__name__)
def test_pdf_hidden_text_is_left_out_and_counted(draw):
    doc = extract_pdf(pdf(draw))
    assert doc.status == "ok"
    assert "PMP" not in doc.text and "PRINCE2" not in doc.text and "ScrumMaster" not in doc.text
    assert "Jane Example" in doc.text
    assert doc.hidden_chars >= len(HIDDEN.replace(" ", ""))
    assert "ScrumMaster" in doc.hidden_text.replace(" ", "") or "ScrumMaster" in doc.hidden_text


@pytest.mark.parametrize("draw", VISIBLE_CASES, ids=lambda f: f.__name__)
def test_pdf_visible_text_twin_is_kept(draw):
    doc = extract_pdf(pdf(draw))
    assert doc.status == "ok"
    assert HIDDEN in doc.text
    assert doc.hidden_chars == 0


def test_pdf_plain_resume_has_no_hidden_chars():
    doc = extract_pdf(pdf())
    assert doc.hidden_chars == 0 and doc.hidden_text == ""
    assert not any("hidden" in w for w in doc.warnings)


def test_min_font_size_is_configurable():
    data = pdf(small_but_readable)
    doc = extract_pdf(data, is_hidden=HiddenChars(HiddenSettings(min_font_size=8)))
    assert "PMP" not in doc.text and doc.hidden_chars > 0


def test_custom_hook_still_accepted():
    doc = extract_pdf(pdf(white_rgb), is_hidden=lambda ch, page: False)
    assert HIDDEN in doc.text and doc.hidden_chars == 0


@pytest.mark.parametrize("value, rgb", [(1, (1.0, 1.0, 1.0)), (0.5, (0.5, 0.5, 0.5)),
                                        ((1, 1, 1), (1.0, 1.0, 1.0)), ((0, 0, 0, 0), (1.0, 1.0, 1.0)),
                                        ((0, 0, 0, 1), (0.0, 0.0, 0.0)), (None, None), ("P0", None)])
def test_to_rgb(value, rgb):
    assert to_rgb(value) == rgb


@pytest.mark.parametrize("draw", [white_rgb, white_cmyk, tiny, off_page, render_mode_3],
                         ids=lambda f: f.__name__)
def test_pdf_hidden_keywords_flagged_and_not_scored(draw, screener, write_file):
    result = screener.score(write_file("cv.pdf", pdf(draw)))
    assert result.status == "ok"
    flags = [f for f in result.flags if f.startswith("hidden_text:")]
    assert flags and int(flags[0].split(":")[1]) > 0
    assert result.scorecard.strength("cert.pmp") == 0
    assert result.scorecard.strength("cert.prince2_practitioner") == 0
    plain = screener.score(write_file("plain.pdf", pdf()))
    assert result.score == plain.score


def test_pdf_dark_theme_keywords_count(screener, write_file):
    result = screener.score(write_file("cv.pdf", pdf(dark_theme)))
    assert not any(f.startswith("hidden_text") for f in result.flags)
    assert result.scorecard.strength("cert.pmp") > 0


# --------------------------------------------------------------------------- DOCX

def _docx(style=None) -> bytes:
    document = docx.Document()
    for line in RESUME:
        document.add_paragraph(line)
    if style:
        run = document.add_paragraph().add_run(HIDDEN)
        style(run)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def vanish(run):
    run.font.hidden = True


def white_font(run):
    run.font.color.rgb = RGBColor(255, 255, 255)


def one_point(run):
    run.font.size = Pt(1)


def white_on_highlight(run):
    run.font.color.rgb = RGBColor(255, 255, 255)
    run.font.highlight_color = WD_COLOR_INDEX.DARK_BLUE


def white_on_shading(run):
    run.font.color.rgb = RGBColor(255, 255, 255)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), "1F3864")
    run._r.get_or_add_rPr().append(shd)


def plain_run(run):
    pass


@pytest.mark.parametrize("style", [vanish, white_font, one_point], ids=lambda f: f.__name__)
def test_docx_hidden_runs_left_out_and_flagged(style, screener, write_file):
    doc = extract_docx(_docx(style))
    assert doc.status == "ok"
    assert "PMP" not in doc.text and "ScrumMaster" not in doc.text
    assert doc.hidden_chars > 0 and "ScrumMaster" in doc.hidden_text
    result = screener.score(write_file("cv.docx", _docx(style)))
    assert any(f.startswith("hidden_text:") for f in result.flags)
    assert result.scorecard.strength("cert.pmp") == 0


@pytest.mark.parametrize("style", [white_on_highlight, white_on_shading, plain_run], ids=lambda f: f.__name__)
def test_docx_visible_twins_kept(style, screener, write_file):
    doc = extract(write_file("cv.docx", _docx(style)))
    assert HIDDEN in doc.text and doc.hidden_chars == 0
    result = screener.score(write_file("cv2.docx", _docx(style)))
    assert not any(f.startswith("hidden_text") for f in result.flags)
    assert result.scorecard.strength("cert.pmp") > 0
