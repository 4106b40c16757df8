"""The glyph device and the line grouping give exactly what pdfminer's LTChar and group_objects give."""

from __future__ import annotations

import io

import builders
import pytest
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from resumematch.extraction.pdf.glyphs import Glyph, read_pages
from resumematch.extraction.pdf.layout import SPACE, group_lines
from resumematch.extraction.pdf.reader import RESUME_LAPARAMS

RESUME = ["Jane Example", "Senior Data Engineer", "Acme Corp, 2019 - 2023",
          "Built streaming pipelines in Kafka and Flink", "BSc Computer Science, University of Leeds"]


def odd_geometry() -> bytes:
    """Rotated, mirrored, skewed, raised, scaled and spaced text, text in a form, tiny text."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    c.drawString(72, 800, "Upright text on the page")
    for angle in (90, 180, 30):
        c.saveState()
        c.translate(300, 500)
        c.rotate(angle)
        c.drawString(10, 0, f"Rotated {angle}")
        c.restoreState()
    c.saveState()
    c.transform(-1, 0, 0.3, 1, 500, 0)
    c.drawString(0, 300, "Mirrored and skewed")
    c.restoreState()
    text = c.beginText(72, 200)
    text.setFont("Helvetica", 10)
    text.textOut("E = mc")
    text.setRise(4)
    text.textOut("2")
    text.setRise(0)
    text.setHorizScale(60)
    text.setCharSpace(2)
    text.setWordSpace(9)
    text.textLine(" squeezed and spaced words")
    text.setFont("Helvetica", 1)
    text.textLine("tiny print")
    c.drawText(text)
    c.beginForm("box")
    c.setFont("Times-Roman", 9)
    c.drawString(0, 0, "Text inside a form")
    c.endForm()
    c.saveState()
    c.translate(72, 600)
    c.scale(1.5, 1.5)
    c.doForm("box")
    c.restoreState()
    c.showPage()
    c.save()
    return buf.getvalue()


def type0_font(ttf: str, *, vertical: bool = False) -> bytes:
    """A TrueType font in a Type0 (CID) encoding; ``vertical`` switches it to Identity-V."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DV", fname=ttf)
    pdf.add_page()
    pdf.set_font("DV", size=12)
    for line in RESUME:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    data = bytes(pdf.output())
    return data.replace(b"/Identity-H", b"/Identity-V") if vertical else data


BUILDS = {
    "one-column": lambda ttf: builders.lines_pdf([RESUME, RESUME[:2]]),
    "two-column": lambda ttf: builders.two_column_pdf(RESUME, RESUME, header="Jane Example"),
    "table": lambda ttf: builders.table_pdf([["Skill", "Years", "Level"], ["Python", "5", "Expert"]]),
    "tex-word-gaps": lambda ttf: builders.placed_pdf([builders.spaced_words(RESUME[3])]),
    "wide-word-gaps": lambda ttf: builders.placed_pdf([builders.spaced_words(RESUME[3], factor=4)]),
    "odd-geometry": lambda ttf: odd_geometry(),
    "type0-font": lambda ttf: type0_font(ttf),
    "vertical-font": lambda ttf: type0_font(ttf, vertical=True),
}


def pdfminer_pages(data: bytes):
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    for page in PDFPage.get_pages(io.BytesIO(data), caching=True):
        interpreter.process_page(page)
        yield device.get_result()


def containers(item):
    """``item`` and the figures in it, depth first."""
    yield item
    for child in item:
        if isinstance(child, LTContainer):
            yield from containers(child)


@pytest.mark.parametrize("name", BUILDS)
def test_glyphs_boxes_are_pdfminers_floats(name, dejavu):
    data = BUILDS[name](dejavu)
    theirs = [(ch.get_text(), ch.x0, ch.y0, ch.x1, ch.y1, ch.size, ch.fontname, ch.graphicstate.ncolor)
              for page in pdfminer_pages(data) for box in containers(page) for ch in box
              if isinstance(ch, LTChar)]
    ours = [(g.text, g.x0, g.y0, g.x1, g.y1, g.size, g.paint.fontname, g.paint.ncolor)
            for page in read_pages(io.BytesIO(data)) for box in containers(page) for g in box
            if isinstance(g, Glyph)]
    assert len(theirs) > 10
    assert ours == theirs


@pytest.mark.parametrize("name", BUILDS)
def test_glyphs_group_into_pdfminers_lines(name, dejavu):
    data = BUILDS[name](dejavu)
    theirs = [(line.get_text(), line.bbox)
              for page in pdfminer_pages(data) for box in containers(page)
              if any(isinstance(ch, LTChar) for ch in box)
              for line in box.group_objects(RESUME_LAPARAMS, [ch for ch in box if isinstance(ch, LTChar)])]
    ours = [("".join(it if it is SPACE else it.text for it in line.items), (line.x0, line.y0, line.x1, line.y1))
            for page in read_pages(io.BytesIO(data)) for box in containers(page)
            if any(isinstance(g, Glyph) for g in box)
            for line in group_lines([g for g in box if isinstance(g, Glyph)], RESUME_LAPARAMS)]
    assert theirs
    assert ours == theirs
