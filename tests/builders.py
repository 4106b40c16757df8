"""Build small PDF, DOCX and text fixtures in memory, so no binary file is committed.

Every builder returns ``bytes``. PDFs come from reportlab (text drawn at exact
positions, so tests know the layout) or fpdf2 (a TrueType font in a Type0/
Identity-H encoding, used to fake an undecodable font). DOCX files come from
python-docx.
"""

from __future__ import annotations

import glob
import io
import shutil
import subprocess
from collections.abc import Iterable, Sequence

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from PIL import Image, ImageDraw
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

#: One positioned run of text: (x, y, text) in PDF points, y from the bottom.
Placed = tuple[float, float, str]

TOP = 780.0
LEADING = 14.0


# --------------------------------------------------------------------------- fonts

def find_ttf(family: str = "DejaVuSans.ttf") -> str | None:
    """Path of a TrueType file, found with fc-list or under /usr/share/fonts; None if absent."""
    if shutil.which("fc-list"):
        out = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, text=True,
                             check=False).stdout
        for path in out.splitlines():
            if path.endswith("/" + family):
                return path
    hits = glob.glob(f"/usr/share/fonts/**/{family}", recursive=True)
    return hits[0] if hits else None


def register_ttf(path: str, name: str = "TestTTF") -> str:
    """Register a TTF with reportlab once and return the name to pass to ``font=``."""
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, path))
    return name


# --------------------------------------------------------------------------- PDFs

def placed_pdf(pages: Sequence[Iterable[Placed]], *, font: str = "Helvetica", size: float = 10,
               encrypt=None, sizes: dict[str, float] | None = None) -> bytes:
    """A PDF with one page per item of ``pages``, each text run drawn at its (x, y); ``sizes``
    sets another font size for the runs whose text it names."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt, invariant=1)
    for runs in pages:
        for x, y, text in runs:
            c.setFont(font, (sizes or {}).get(text, size))
            c.drawString(x, y, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def column(lines: Sequence[str], x: float, top: float = TOP, leading: float = LEADING) -> list[Placed]:
    """Place ``lines`` one under another starting at (x, top)."""
    return [(x, top - i * leading, text) for i, text in enumerate(lines)]


def lines_pdf(pages: Sequence[Sequence[str]], **kw) -> bytes:
    """A one-column PDF: each page is a list of lines set at the left margin."""
    return placed_pdf([column(lines, 72) for lines in pages], **kw)


def two_column_pdf(left: Sequence[str], right: Sequence[str], *, header: str | None = None,
                   footer: str | None = None, right_x: float = 300, right_leading: float = LEADING,
                   right_top: float = TOP) -> bytes:
    """A page with a left and a right column, optionally a full-width header and footer.

    With the default ``right_leading`` both columns share baselines, the hardest
    case: a line-based reader sees "left line + right line" on one row.
    """
    runs = column(left, 50) + column(right, right_x, right_top, right_leading)
    if header:
        runs.append((50, 815, header))
    if footer:
        runs.append((50, 40, footer))
    return placed_pdf([runs])


def table_pdf(rows: Sequence[Sequence[str]], title: str = "Technical skills") -> bytes:
    """A reportlab platypus table with a grid, under a heading paragraph."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, invariant=1)
    table = Table([list(r) for r in rows], colWidths=[160] + [110] * (len(rows[0]) - 1))
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    doc.build([Paragraph(title, getSampleStyleSheet()["Heading2"]), table])
    return buf.getvalue()


def image_only_pdf(pages: int = 1, *, text_pages: dict[int, str] | None = None) -> bytes:
    """A "scanned" PDF: each page is one picture of text, with no text layer.

    ``text_pages`` maps a 1-based page number to a line of real text drawn on
    that page instead of the picture.
    """
    text_pages = text_pages or {}
    img = Image.new("RGB", (300, 400), "white")
    draw = ImageDraw.Draw(img)
    for i in range(8):
        draw.text((20, 20 + 30 * i), f"Scanned resume line {i}", fill="black")
    png = io.BytesIO()
    img.save(png, "PNG")
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for number in range(1, pages + 1):
        if number in text_pages:
            c.setFont("Helvetica", 10)
            c.drawString(72, TOP, text_pages[number])
        else:
            c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 0, 0, width=595, height=842)
        c.showPage()
    c.save()
    return buf.getvalue()


def scanned_pdf(data: bytes, *, dpi: int = 150) -> bytes:
    """``data`` (a PDF) as a scanner would return it: each page rendered to a grey picture with
    pypdfium2 (the ``[ocr]`` extra) and drawn on a page of its own size, with no text layer."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    for page in pdf:
        width, height = page.get_size()
        png = io.BytesIO()
        page.render(scale=dpi / 72).to_pil().convert("L").save(png, "PNG")
        c.setPageSize((width, height))
        c.drawImage(ImageReader(png), 0, 0, width=width, height=height)
        c.showPage()
    c.save()
    pdf.close()
    return buf.getvalue()


def cid_pdf(pages: Sequence[Sequence[str]], ttf_path: str, *, core_font_pages: Iterable[int] = ()) -> bytes:
    """A PDF whose TrueType text cannot be decoded: pdfminer prints it as ``(cid:N)``.

    fpdf2 writes the font as Type0/Identity-H; renaming ``/ToUnicode`` and
    ``/FontFile2`` (same byte length, so the xref stays valid) leaves no way to
    map glyph ids back to letters. Pages listed in ``core_font_pages`` (1-based)
    use Helvetica instead, which stays readable.
    """
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("Broken", fname=ttf_path)
    core = set(core_font_pages)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        if number in core:
            pdf.set_font("Helvetica", size=12)
        else:
            pdf.set_font("Broken", size=12)
        for line in lines:
            pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    data = bytes(pdf.output())
    assert data.count(b"/ToUnicode") >= 1 and data.count(b"/FontFile2") >= 1
    return data.replace(b"/ToUnicode", b"/XoUnicode").replace(b"/FontFile2", b"/XontFile2")


# --------------------------------------------------------------------------- DOCX

def new_docx():
    """An empty python-docx document (the default template)."""
    return docx.Document()


def docx_bytes(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def add_list_paragraph(document, text: str, num_id: int = 1, level: int = 0):
    """A list item the way Word writes one: ``w:numPr`` in the paragraph's own properties."""
    paragraph = document.add_paragraph(text)
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(num)
    ppr.append(num_pr)
    return paragraph


def add_hidden_run(paragraph, text: str):
    """A run marked ``w:vanish`` (hidden text: Word does not show or print it)."""
    run = paragraph.add_run(text)
    rpr = run._r.get_or_add_rPr()
    rpr.append(OxmlElement("w:vanish"))
    return run


def build_docx(*, paragraphs: Sequence[str] = (), table: Sequence[Sequence[str]] | None = None,
               header: str | None = None, footer: str | None = None) -> bytes:
    """A DOCX with body paragraphs, then an optional table, header and footer."""
    document = new_docx()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    return docx_bytes(document)


def text_width(text: str, font: str = "Helvetica", size: float = 10) -> float:
    """Width in points of ``text`` set in ``font`` at ``size``."""
    return pdfmetrics.stringWidth(text, font, size)


def spaced_words(text: str, *, factor: float = 1.0, x: float = 72, y: float = TOP,
                 font: str = "Helvetica", size: float = 10) -> list[Placed]:
    """Place each word of ``text`` on its own, as TeX does: no space glyph, just a gap.

    The gap is ``factor`` times the font's space width (1.0 = normal spacing,
    more = a stretched, justified line).
    """
    runs: list[Placed] = []
    space = pdfmetrics.stringWidth(" ", font, size) * factor
    for word in text.split():
        runs.append((x, y, word))
        x += pdfmetrics.stringWidth(word, font, size) + space
    return runs


def raw_pdf(content: bytes, *, flate: bool = False, length: int | None = None) -> bytes:
    """A minimal one-page PDF whose page content stream is ``content`` (already compressed if flate)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d%s >>\nstream\n" % (len(content) if length is None else length,
                                                 b" /Filter /FlateDecode" if flate else b"")
            + content + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)
