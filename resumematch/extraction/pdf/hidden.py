"""Characters a reader of the PDF cannot see: same colour as what lies under them, too small,
off the page, or drawn in an invisible text render mode.

``HiddenChars`` is the ``is_hidden(glyph, page)`` hook of ``extract_pdf``: it takes a ``Glyph``
and the ``LTPage`` it was drawn on, both from ``glyphs.read_pages`` (the page knows its
``cropbox``, each glyph its paint and its drawing order).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pdfminer.layout import LTContainer, LTCurve, LTPage

from .glyphs import Glyph, Paint

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


_Shape = tuple[LTCurve, int | None, tuple[float, float, float]]


def _filled_shapes(item, top_level: bool = True) -> Iterator[_Shape]:
    """Shapes filled with a plain colour (not a pattern): each with its drawing order on the
    page (None inside a figure) and its colour."""
    for order, child in enumerate(item):
        if type(child) is Glyph:  # most items: settle them with one test
            continue
        if isinstance(child, LTCurve):
            rgb = child.fill and to_rgb(child.non_stroking_color)
            if rgb:
                yield child, (order if top_level else None), rgb
        elif isinstance(child, LTContainer):
            yield from _filled_shapes(child, False)


def _drawing_order(shape: _Shape) -> int:
    # Shapes inside figures carry no order: any top-level shape counts as drawn after them.
    order = shape[1]
    return -1 if order is None else order


class HiddenChars:
    """``is_hidden(glyph, page)``; make one per document (it caches the last page's shapes)."""

    def __init__(self, settings: HiddenSettings = HiddenSettings()) -> None:
        self.settings = settings
        self._page: LTPage | None = None
        self._shapes: list[_Shape] = []
        self._grounds: set[tuple[float, float, float]] = {WHITE}
        self._box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
        self._rgb: dict = {}
        self._paint: Paint | None = None  # the last paint seen, and its colour if it may hide
        self._hiding_colour: tuple[float, float, float] | None = None

    def _enter(self, page: LTPage) -> None:
        # Last drawn first (a stable sort: among shapes in figures, page order), so the first
        # shape found under a glyph is the one that shows.
        self._page = page
        self._shapes = sorted(_filled_shapes(page), key=_drawing_order, reverse=True)
        self._grounds = {WHITE} | {rgb for _, _, rgb in self._shapes}
        self._box = page.cropbox
        self._paint = None

    def _colour(self, color) -> tuple[float, float, float] | None:
        try:
            return self._rgb[color]
        except KeyError:
            rgb = self._rgb[color] = to_rgb(color)
            return rgb
        except TypeError:  # an unhashable colour value
            return to_rgb(color)

    def _same(self, colour: tuple[float, float, float], ground: tuple[float, float, float]) -> bool:
        return max(abs(a - b) for a, b in zip(colour, ground)) < self.settings.min_contrast

    def _may_hide(self, paint: Paint) -> tuple[float, float, float] | None:
        """The colour ``paint`` shows, if it is the same as white or as some shape on the page:
        otherwise no background can hide its glyphs and none need looking up."""
        colour = self._colour(paint.scolor if paint.mode in _STROKE_MODES else paint.ncolor)
        if colour is None or not any(self._same(colour, ground) for ground in self._grounds):
            return None
        return colour

    def background(self, glyph: Glyph, page: LTPage) -> tuple[float, float, float]:
        """Colour under the centre of ``glyph``: the last filled shape drawn before it, else white.

        A glyph inside a figure has no drawing order: every shape under it counts."""
        if page is not self._page:
            self._enter(page)
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.y0 + glyph.y1) / 2
        order = glyph.order
        for shape, drawn, rgb in self._shapes:
            if (shape.x0 <= x <= shape.x1 and shape.y0 <= y <= shape.y1
                    and (order is None or drawn is None or drawn < order)):
                return rgb
        return WHITE

    def reason(self, glyph: Glyph, page: LTPage) -> str | None:
        """Why ``glyph`` is invisible ("render_mode", "off_page", "tiny", "same_colour"), or None."""
        if page is not self._page:
            self._enter(page)
        paint = glyph.paint
        if paint.mode in _INVISIBLE_MODES:
            return "render_mode"
        x0, y0, x1, y1 = self._box
        if glyph.x1 <= x0 or glyph.x0 >= x1 or glyph.y1 <= y0 or glyph.y0 >= y1:
            return "off_page"
        if not glyph.text.strip():
            return None
        if glyph.size < self.settings.min_font_size:
            return "tiny"
        if paint is not self._paint:  # the glyphs of one text operator share their paint
            self._paint, self._hiding_colour = paint, self._may_hide(paint)
        colour = self._hiding_colour
        if colour is not None and self._same(colour, self.background(glyph, page)):
            return "same_colour"
        return None

    def __call__(self, glyph: Glyph, page: LTPage) -> bool:
        return self.reason(glyph, page) is not None
