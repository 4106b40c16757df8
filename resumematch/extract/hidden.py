"""Characters a reader of the PDF cannot see: same colour as what lies under them, too small,
off the page, or drawn in an invisible text render mode.

``HiddenChars`` is the ``is_hidden(char, page)`` hook of ``extract_pdf``. The render mode and
drawing order are not kept on pdfminer's ``LTChar``; ``extract_pages`` here runs pdfminer with
an aggregator that records them (``char.render_mode``, ``item.draw_order``, ``page.cropbox``).
Without them (pages from plain pdfminer) render mode is not checked and every filled shape
under a character counts as its background.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTChar, LTContainer, LTCurve, LTPage
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.utils import apply_matrix_pt

from .layout import group_lines

WHITE = (1.0, 1.0, 1.0)
_INVISIBLE_MODES = (3, 7)      # 3: neither fill nor stroke; 7: clip only
_STROKE_MODES = (1, 5)         # outline only: the stroke colour is what shows


@dataclass(frozen=True)
class HiddenSettings:
    min_font_size: float = 1.5   # points; smaller glyphs count as hidden
    min_contrast: float = 0.05   # largest RGB channel difference still "the same colour"


def to_rgb(color) -> tuple[float, float, float] | None:
    """Gray, RGB or CMYK components (0..1) as RGB; None for patterns and anything else."""
    if isinstance(color, (int, float)):
        color = (color,)
    if not isinstance(color, (tuple, list)) or not all(isinstance(c, (int, float)) for c in color):
        return None
    if len(color) == 1:
        return (float(color[0]),) * 3
    if len(color) == 3:
        return tuple(float(c) for c in color)
    if len(color) == 4:
        c, m, y, k = color
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


def _filled_shapes(item) -> Iterator[LTCurve]:
    for child in item:
        if isinstance(child, LTCurve) and child.fill and to_rgb(child.non_stroking_color):
            yield child
        elif isinstance(child, LTContainer):
            yield from _filled_shapes(child)


class HiddenChars:
    """``is_hidden(char, page)``; make one per document (it caches the last page's shapes)."""

    def __init__(self, settings: HiddenSettings = HiddenSettings()) -> None:
        self.settings = settings
        self._page: LTPage | None = None
        self._shapes: list[LTCurve] = []
        self._box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
        self._rgb: dict = {}

    def _enter(self, page: LTPage) -> None:
        self._page, self._shapes = page, list(_filled_shapes(page))
        self._box = getattr(page, "cropbox", page.bbox)

    def _colour(self, color) -> tuple[float, float, float] | None:
        try:
            return self._rgb[color]
        except KeyError:
            rgb = self._rgb[color] = to_rgb(color)
            return rgb
        except TypeError:  # an unhashable colour value
            return to_rgb(color)

    def background(self, char: LTChar, page: LTPage) -> tuple[float, float, float]:
        """Colour under the centre of ``char``: the last filled shape drawn before it, else white."""
        if page is not self._page:
            self._enter(page)
        if not self._shapes:
            return WHITE
        x, y = (char.x0 + char.x1) / 2, (char.y0 + char.y1) / 2
        order = char.__dict__.get("draw_order")
        under = [s for s in self._shapes if s.x0 <= x <= s.x1 and s.y0 <= y <= s.y1
                 and (order is None or s.__dict__.get("draw_order", -1) < order)]
        if not under:
            return WHITE
        return to_rgb(max(under, key=lambda s: s.__dict__.get("draw_order", 0)).non_stroking_color)

    def reason(self, char: LTChar, page: LTPage) -> str | None:
        """Why ``char`` is invisible ("render_mode", "off_page", "tiny", "same_colour"), or None."""
        if page is not self._page:
            self._enter(page)
        mode = char.__dict__.get("render_mode", 0)
        if mode in _INVISIBLE_MODES:
            return "render_mode"
        x0, y0, x1, y1 = self._box
        if char.x1 <= x0 or char.x0 >= x1 or char.y1 <= y0 or char.y0 >= y1:
            return "off_page"
        if not char.get_text().strip():
            return None
        if char.size < self.settings.min_font_size:
            return "tiny"
        state = char.graphicstate
        colour = self._colour(state.scolor if mode in _STROKE_MODES else state.ncolor)
        if colour is not None:
            ground = self.background(char, page)
            if max(abs(a - b) for a, b in zip(colour, ground)) < self.settings.min_contrast:
                return "same_colour"
        return None

    def __call__(self, char: LTChar, page: LTPage) -> bool:
        """The common case in a hot loop: on a page without filled shapes, only near-white,
        tiny, off-page or invisibly rendered glyphs are hidden. Anything else asks ``reason``."""
        if page is not self._page:
            self._enter(page)
        if self._shapes or char.__dict__.get("render_mode"):
            return self.reason(char, page) is not None
        x0, y0, x1, y1 = self._box
        if char.x1 <= x0 or char.x0 >= x1 or char.y1 <= y0 or char.y0 >= y1:
            return True
        if char.size >= self.settings.min_font_size:
            colour = self._colour(char.graphicstate.ncolor)
            if colour is None or min(colour) < 1.0 - self.settings.min_contrast:
                return False
        return self.reason(char, page) is not None


class _Aggregator(PDFPageAggregator):
    """Tags each layout item with its drawing order, each char with its text render mode."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._counter = itertools.count()

    def begin_page(self, page, ctm) -> None:
        super().begin_page(page, ctm)
        box = getattr(page, "cropbox", None) or page.mediabox
        (ax, ay), (bx, by) = apply_matrix_pt(ctm, box[:2]), apply_matrix_pt(ctm, box[2:])
        self.cur_item.cropbox = (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))

    def end_page(self, page) -> None:
        # Drawing order only matters where filled shapes may hide text: tag it there alone,
        # before layout analysis regroups the page's items.
        objs = self.cur_item._objs
        if any(isinstance(o, LTCurve) and o.fill for o in objs):
            for o in objs:
                o.draw_order = next(self._counter)
        if self.laparams is not None:
            group_lines(self.cur_item, self.laparams)
        self.pageno += 1
        self.receive_layout(self.cur_item)

    def render_string(self, textstate, *args, **kwargs) -> None:
        before = len(self.cur_item._objs)
        super().render_string(textstate, *args, **kwargs)
        mode = getattr(textstate, "render", 0)
        if mode:
            for item in self.cur_item._objs[before:]:
                item.render_mode = mode


def extract_pages(fp, password: str = "", laparams: LAParams | None = None) -> Iterator[LTPage]:
    """``pdfminer.high_level.extract_pages`` for a binary file object, with the tags above."""
    manager = PDFResourceManager(caching=True)
    device = _Aggregator(manager, laparams=laparams or LAParams())
    interpreter = PDFPageInterpreter(manager, device)
    for page in PDFPage.get_pages(fp, password=password, caching=True):
        interpreter.process_page(page)
        yield device.get_result()
