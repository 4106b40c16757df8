"""PDF text through pdfminer.six, laid out line by line and normalised."""

from __future__ import annotations

import io
import re
import struct
import zlib
from dataclasses import dataclass, replace
from functools import lru_cache

from pdfminer.layout import LAParams, LTContainer, LTImage, LTPage
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import PDFException
from pdfminer.psparser import PSException

from ...types import DocStatus
from ..document import Document, assemble, failed
from ..normalize import cid_ratio, normalize
from ..ocr import MIN_CHARS, PAGE_SECONDS, OcrUnavailable, ocr_pages
from .glyphs import Glyph, read_pages
from .hidden import HiddenChars
from .inflate import StreamTooLarge, install
from .layout import SPACE, GlyphLine, Line, group_lines, reading_order

#: Layout settings tuned on two-column and sidebar resume templates: a small
#: char_margin keeps a line from jumping the gutter between columns. ``group_lines``
#: uses line_overlap, char_margin and word_margin; text drawn inside figures is laid
#: out too (pdfminer's all_texts: some templates draw text that way).
RESUME_LAPARAMS = LAParams(
    line_overlap=0.5,
    char_margin=1.0,
    word_margin=0.1,
    detect_vertical=False,
    all_texts=True,
)

install()  # no stream inflates past MAX_STREAM_BYTES

# Icon fonts map pictograms (phone, mail, GitHub) onto ordinary letters.
_ICON_FONT = re.compile(r"awesome|academicons|marvosym|ding|icons", re.IGNORECASE)

# What malformed PDFs make pdfminer raise, besides its own exceptions.
_PARSE_ERRORS = (
    PDFException, PSException, PDFSyntaxError, ValueError, KeyError, TypeError,
    IndexError, AttributeError, struct.error, zlib.error, AssertionError, EOFError,
    UnicodeDecodeError, OverflowError,
)


@dataclass
class _PageText:
    lines: list[Line]
    has_image: bool
    hidden_chars: int
    hidden: list[str]


@lru_cache(maxsize=256)
def _icon_font(fontname: str) -> bool:
    return bool(_ICON_FONT.search(fontname))


def _walk(container: LTContainer, page: LTPage, out: _PageText, is_hidden) -> None:
    """Add the lines of ``container`` to ``out`` in pdfminer's order: its text lines, those of
    its figures, then the lines its layout analysis sets aside as empty (they may still hold
    hidden glyphs)."""
    glyphs = [item for item in container if type(item) is Glyph]
    lines = group_lines(glyphs, RESUME_LAPARAMS) if glyphs else []
    empty = [line.is_empty() for line in lines]
    for line, is_empty in zip(lines, empty):
        if not is_empty:
            _add_line(line, page, out, is_hidden)
    for item in container:
        if isinstance(item, LTImage):
            out.has_image = True
        elif isinstance(item, LTContainer):
            _walk(item, page, out, is_hidden)
    for line, is_empty in zip(lines, empty):
        if is_empty:
            _add_line(line, page, out, is_hidden)


def _add_line(line: GlyphLine, page: LTPage, out: _PageText, is_hidden) -> None:
    chars = []
    x0 = x1 = None  # the box of the glyphs kept, not of icons or hidden ones
    paint = icon = None  # glyphs of one text operator share their paint, hence their font
    for item in line.items:
        if item is SPACE:
            chars.append(item)
            continue
        if item.paint is not paint:
            paint = item.paint
            icon = _icon_font(paint.fontname)
        if icon:
            continue
        if is_hidden(item, page):
            out.hidden_chars += 1
            out.hidden.append(item.text)
        else:
            chars.append(item.text)
            if item.text.strip():
                if x0 is None:
                    x0, x1 = item.x0, item.x1
                else:  # min() and max(), spelled out for speed
                    x0 = item.x0 if item.x0 < x0 else x0
                    x1 = item.x1 if item.x1 > x1 else x1
    text = "".join(chars).strip()
    if text and x0 is not None:
        out.lines.append(Line(x0, line.y0, x1, line.y1, text))


def extract_pdf(data: bytes, *, password: str = "", max_pages: int = 0, is_hidden=None,
                ocr_seconds: float = PAGE_SECONDS) -> Document:
    """Extract a PDF held in ``data``; bad files give a status, never an exception.

    ``is_hidden(glyph, page)`` decides which characters a reader cannot see (they are left
    out and counted); by default ``HiddenChars()`` from ``hidden.py``. Pages with an image and
    no usable text are read by OCR when the extra is installed, each within ``ocr_seconds``."""
    is_hidden = is_hidden or HiddenChars()
    pages: list[_PageText] = []
    try:
        for page in read_pages(io.BytesIO(data), password=password or ""):
            if max_pages and len(pages) >= max_pages:
                return failed("pdf", DocStatus.TOO_LARGE, f"The PDF has more than {max_pages} pages, "
                              "the limit for one resume.")
            out = _PageText([], False, 0, [])
            _walk(page, page, out, is_hidden)
            pages.append(out)
    except PDFPasswordIncorrect:
        why = "The password given is wrong." if password else "The PDF is password-protected."
        return failed("pdf", DocStatus.ENCRYPTED, why + " Give its password with --password-file FILE or the "
                      "RESUMEMATCH_PDF_PASSWORD environment variable (in Python: password=), or ask the "
                      "candidate for an unprotected copy.")
    except PDFEncryptionError as exc:
        return failed("pdf", DocStatus.ENCRYPTED, f"The PDF uses encryption that cannot be opened ({exc}).")
    except StreamTooLarge as exc:
        return failed("pdf", DocStatus.TOO_LARGE, f"{exc} It looks like a decompression bomb.")
    except RecursionError:
        return failed("pdf", DocStatus.CORRUPT, "The PDF's structure is nested too deeply to read; "
                      "the file is damaged or crafted.")
    except _PARSE_ERRORS as exc:
        return failed("pdf", DocStatus.CORRUPT, f"The PDF is damaged and cannot be read "
                      f"({type(exc).__name__}: {str(exc)[:120]}).")
    if not pages:
        return failed("pdf", DocStatus.CORRUPT, "The PDF has no pages.")

    # In a text layer every glyph is drawn: U+00AD there is a visible hyphen (XeLaTeX fonts).
    raw_pages = ["\n".join(reading_order(p.lines)).replace("\u00ad", "-") for p in pages]
    warnings: list[str] = []
    garbled = [i + 1 for i, raw in enumerate(raw_pages) if cid_ratio(raw) > 0.5]
    texts = [normalize(raw) for raw in raw_pages]
    hidden = sum(p.hidden_chars for p in pages)
    extra = {"hidden_chars": hidden, "hidden_text": normalize("".join(c for p in pages for c in p.hidden))}
    if hidden:
        warnings.append(f"{hidden} hidden characters (invisible to a reader) were left out.")
    if garbled:
        doc = assemble(texts, "pdf", warnings=tuple(warnings), **extra)
        return replace(doc, status=DocStatus.UNREADABLE_FONT,
                       reason=f"Page(s) {', '.join(map(str, garbled))} use fonts whose letters cannot be decoded "
                       "(text comes out as (cid:N) codes); ask for another copy of the file.")
    scans = [i for i, (p, t) in enumerate(zip(pages, texts)) if p.has_image and sum(map(str.isalnum, t)) < MIN_CHARS]
    ocr = _read_scans(data, scans, pages, texts, password, ocr_seconds) if scans else None
    if not any(texts):
        if not any(p.has_image for p in pages):
            return failed("pdf", DocStatus.NO_TEXT, "The PDF has no text on any page.", **extra)
        if ocr.why:
            return failed("pdf", DocStatus.NO_TEXT, "The PDF contains only images (a scan or a photo); OCR is "
                          f"needed to read it ({ocr.why}).", **extra)
        return failed("pdf", DocStatus.NO_TEXT, "The PDF contains only images (a scan or a photo), and OCR found "
                      "no text in them" + (" within its time limit." if ocr.timed_out else "."), **extra)
    why = ocr.why if ocr is not None else ""
    for number, text in enumerate(texts, start=1):
        if not text and len(texts) > 1:
            hint = f" OCR would read it ({why})." if why and pages[number - 1].has_image else ""
            warnings.append(f"Page {number} has no text (image only?).{hint}")
    display = display_lines(pages[0].lines)
    meta = {"display_lines": display} if display else {}
    if ocr is not None:
        warnings += ocr.warnings
        meta.update(ocr.meta)
    return assemble(texts, "pdf", warnings=tuple(warnings), meta=meta, **extra)


@dataclass
class _Scans:
    """What OCR did to a document: its ``meta`` (``ocr_pages`` and their ``ocr_confidence``, when a
    page was read), warnings, whether a page ran past its time cap, and why OCR did not run ("" when
    it did)."""

    meta: dict
    warnings: list[str]
    timed_out: bool = False
    why: str = ""


def _read_scans(data: bytes, scans: list[int], pages: list[_PageText], texts: list[str], password: str,
                seconds: float) -> _Scans:
    """Read the pages at indexes ``scans`` by OCR, in place of their lines and text."""
    try:
        read = ocr_pages(data, [i + 1 for i in scans], password=password, seconds=seconds)
    except OcrUnavailable as exc:
        return _Scans({}, [], why=str(exc))
    warnings = []
    for page in read:
        if page.lines:  # else the few characters the page had stay
            pages[page.number - 1].lines = list(page.lines)
            texts[page.number - 1] = normalize("\n".join(reading_order(list(page.lines))))
        if not page.complete:
            warnings.append(f"Page {page.number}: OCR stopped at its time limit ({seconds:g} s); its text is missing.")
    done = [p for p in read if p.lines and texts[p.number - 1]]
    warnings += [f"Page {p.number} was read by OCR (confidence {p.confidence:.2f})." for p in done]
    meta = {"ocr_pages": [p.number for p in done], "ocr_confidence": [p.confidence for p in done]} if done else {}
    return _Scans(meta, warnings, timed_out=any(not p.complete for p in read))


#: A line is display type when its height is this many times the page's usual text height.
DISPLAY_RATIO = 1.4


def display_lines(lines: list[Line], limit: int = 3) -> list[str]:
    """The lines set in the largest type on a page (a name at the top, a title), when that type is
    clearly larger than the body text: at most ``limit`` of them, normalised, in drawing order."""
    heights = sorted(ln.y1 - ln.y0 for ln in lines for _ in range(len(ln.text)))
    if not heights:
        return []
    body, top = heights[len(heights) // 2], heights[-1]
    if top < DISPLAY_RATIO * body:
        return []
    big = [normalize(ln.text) for ln in lines if ln.y1 - ln.y0 >= 0.95 * top]
    return [text for text in big if text][:limit]

