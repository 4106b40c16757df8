"""pdfminer without its per-character objects: each drawn character becomes a light ``Glyph``.

pdfminer's layout device builds an ``LTChar`` per character (a dozen attributes, matrix maths
through several calls) and its layout analysis then walks them again. Extraction needs less:
the character's text, its box, its size and how it was painted. ``GlyphDevice`` computes the
box exactly as ``LTChar`` does (same operations in the same order, so the same floats) and
keeps the rest of pdfminer's page model: ``LTPage``, an ``LTFigure`` per form XObject or
image, ``LTCurve``/``LTRect`` for painted paths, ``LTImage``. Glyphs sit in those containers
where the ``LTChar``s would, in drawing order.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import BinaryIO

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTPage
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.utils import apply_matrix_pt, apply_matrix_rect, mult_matrix


class Paint:
    """How one text-showing operator painted its characters (shared by all of them)."""

    __slots__ = ("fontname", "ncolor", "scolor", "mode")

    def __init__(self, fontname, ncolor, scolor, mode: int) -> None:
        self.fontname = fontname
        self.ncolor = ncolor    # fill colour, as pdfminer's graphic state holds it
        self.scolor = scolor    # stroke colour
        self.mode = mode        # text render mode (0 fill, 1 stroke, 3 invisible, ...)


class Glyph:
    """One drawn character: its text, its box and size as ``LTChar`` has them, and its paint.

    ``order`` is its place among the page's top-level items (characters, paths, figures) in
    drawing order; None inside a figure."""

    __slots__ = ("text", "x0", "y0", "x1", "y1", "size", "paint", "order")

    def __init__(self, text: str, x0: float, y0: float, x1: float, y1: float, size: float,
                 paint: Paint, order: int | None) -> None:
        self.text = text
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
        self.size = size
        self.paint = paint
        self.order = order


class GlyphDevice(PDFPageAggregator):
    """Interprets pages into ``LTPage``s holding ``Glyph``s; no layout analysis.

    Each page also gets ``cropbox``, its visible area in page coordinates."""

    def __init__(self, rsrcmgr: PDFResourceManager) -> None:
        super().__init__(rsrcmgr, laparams=None)
        # Per font, per character code: (text, width). Fonts are shared across pages.
        self._codes: dict[object, dict[int, tuple[str, float]]] = {}
        self._paint: Paint | None = None

    def begin_page(self, page, ctm) -> None:
        super().begin_page(page, ctm)
        box = getattr(page, "cropbox", None) or page.mediabox
        (ax, ay), (bx, by) = apply_matrix_pt(ctm, box[:2]), apply_matrix_pt(ctm, box[2:])
        self.cur_item.cropbox = (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))

    def end_page(self, page) -> None:
        self.pageno += 1
        self.receive_layout(self.cur_item)

    def render_string(self, textstate, seq, ncs, graphicstate) -> None:
        # pdfminer's PDFTextDevice.render_string, step for step, then our own horizontal loop.
        assert self.ctm is not None
        matrix = mult_matrix(textstate.matrix, self.ctm)
        font = textstate.font
        fontsize = textstate.fontsize
        scaling = textstate.scaling * 0.01
        charspace = textstate.charspace * scaling
        wordspace = textstate.wordspace * scaling
        rise = textstate.rise
        assert font is not None
        if font.is_multibyte():
            wordspace = 0
        dxscale = 0.001 * fontsize * scaling
        self._paint = Paint(font.fontname, graphicstate.ncolor, graphicstate.scolor, textstate.render)
        if font.is_vertical():  # rare (CJK); pdfminer's loop calls render_char below
            textstate.linematrix = self.render_string_vertical(
                seq, matrix, textstate.linematrix, font, fontsize, scaling, charspace, wordspace,
                rise, dxscale, ncs, graphicstate)
        else:
            textstate.linematrix = self._render_horizontal(
                seq, matrix, textstate.linematrix, font, fontsize, scaling, charspace, wordspace,
                rise, dxscale)

    def _render_horizontal(self, seq, matrix, pos, font, fontsize, scaling, charspace, wordspace,
                           rise, dxscale):
        """pdfminer's render_string_horizontal with render_char and ``LTChar``'s box inlined
        (minus its log warning about array items that are neither numbers nor strings)."""
        (a, b, c, d, e, f) = matrix
        (x, y) = pos
        codes = self._codes.get(font)
        if codes is None:
            codes = self._codes[font] = {}
        paint = self._paint
        objs = self.cur_item._objs
        top_level = not self._stack
        bottom = top = None
        upright = False
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    e1 = x * a + y * c + e
                    f1 = x * b + y * d + f
                    try:
                        text, width = codes[cid]
                    except KeyError:
                        text, width = codes[cid] = self._decode(font, cid)
                    adv = width * fontsize * scaling
                    if bottom is None:  # as LTChar does, only once a character is drawn
                        descent = font.get_descent() * fontsize
                        bottom, top = descent + rise, descent + rise + fontsize
                        upright = _upright(a, b, c, d, bottom, top)
                    if upright:
                        # min() and max() of the two ends, as apply_matrix_rect takes them
                        x0 = x1 = e1
                        right = a * adv + e1
                        if right < x0:
                            x0 = right
                        elif right > x1:
                            x1 = right
                        y0 = y1 = d * bottom + f1
                        y_top = d * top + f1
                        if y_top < y0:
                            y0 = y_top
                        elif y_top > y1:
                            y1 = y_top
                    else:
                        x0, y0, x1, y1 = _box((a, b, c, d, e1, f1), (0, bottom, adv, top))
                    objs.append(Glyph(text, x0, y0, x1, y1, y1 - y0, paint,
                                      len(objs) if top_level else None))
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
        return (x, y)

    def _decode(self, font, cid: int) -> tuple[str, float]:
        """Text and width of a character code, as pdfminer's ``render_char`` finds them."""
        try:
            text = font.to_unichr(cid)
            assert isinstance(text, str), str(type(text))
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        return text, font.char_width(cid)

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
        """Vertical fonts only: pdfminer's own ``LTChar`` does the geometry, a Glyph keeps it."""
        text, width = self._decode(font, cid)
        char = LTChar(matrix, font, fontsize, scaling, rise, text, width, font.char_disp(cid), ncs,
                      graphicstate)
        objs = self.cur_item._objs
        objs.append(Glyph(text, char.x0, char.y0, char.x1, char.y1, char.size, self._paint,
                          None if self._stack else len(objs)))
        return char.adv


def _upright(a, b, c, d, bottom, top) -> bool:
    """True when a character's box needs no rotation: its two x and two y ends then give the
    same floats as ``apply_matrix_rect``, whose other terms are all zeros (finite times zero)."""
    return b == 0 and c == 0 and all(map(math.isfinite, (a, d, bottom, top)))


def _box(matrix, bbox) -> tuple[float, float, float, float]:
    """``LTChar``'s box for a rotated or skewed character."""
    (x0, y0, x1, y1) = apply_matrix_rect(matrix, bbox)
    if x1 < x0:
        (x0, x1) = (x1, x0)
    if y1 < y0:
        (y0, y1) = (y1, y0)
    return x0, y0, x1, y1


def read_pages(fp: BinaryIO, password: str = "") -> Iterator[LTPage]:
    """The pages of the PDF in ``fp``, one ``LTPage`` of glyphs, paths and figures at a time."""
    manager = PDFResourceManager(caching=True)
    device = GlyphDevice(manager)
    interpreter = PDFPageInterpreter(manager, device)
    for page in PDFPage.get_pages(fp, password=password, caching=True):
        interpreter.process_page(page)
        yield device.get_result()
