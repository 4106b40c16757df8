"""Text lines and their reading order for resume pages: find column gutters, then read each column.

``group_lines`` groups glyphs into lines by pdfminer's rules, which work well. pdfminer's
ordering of text boxes, though, often interleaves the columns of two-column and sidebar
templates, so lines are ordered again: a vertical gutter that few lines cross splits the
page into columns; lines that do cross it (a full-width header, a section rule) act as
separators, so "header, left column, right column, footer" reads in that order.
The spaces between the columns of a grid table and a rail of dates beside the
entries are not gutters: tables and dated entries read row by row.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from pdfminer.layout import LAParams

from .glyphs import Glyph
from .rows import Line, is_margin_column, rows, same_band, under_a_header

_INF = float("inf")
#: Stands for the word space pdfminer inserts between two glyphs of a line (its ``LTAnno``).
SPACE = " "


class GlyphLine:
    """The glyphs pdfminer would put in one ``LTTextLineHorizontal``, with its word spaces
    (``SPACE``) between them, and its box."""

    __slots__ = ("items", "x0", "y0", "x1", "y1")

    def __init__(self, items: list[Glyph | str], x0: float, y0: float, x1: float, y1: float) -> None:
        self.items = items
        self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1

    def is_empty(self) -> bool:
        """pdfminer's test for a line it sets aside: no area, or only white space."""
        return (self.x1 - self.x0 <= 0 or self.y1 - self.y0 <= 0
                or "".join(it if it is SPACE else it.text for it in self.items).isspace())


def _box_of(glyph: Glyph) -> tuple[float, float, float, float]:
    # A line's box starts at infinity and grows with min() and max(), as in
    # LTExpandableContainer.add; the comparisons below are what those builtins do.
    x0, y0, x1, y1 = glyph.x0, glyph.y0, glyph.x1, glyph.y1
    return (x0 if x0 < _INF else _INF, y0 if y0 < _INF else _INF,
            x1 if x1 > -_INF else -_INF, y1 if y1 > -_INF else -_INF)


def group_lines(glyphs: list[Glyph], laparams: LAParams) -> list[GlyphLine]:
    """pdfminer's grouping of characters into horizontal text lines, on glyphs.

    ``LTLayoutContainer.group_objects`` joins two glyphs drawn one after the other when they
    overlap vertically by more than ``line_overlap`` of the smaller height and are less than
    ``char_margin`` times the wider one apart; ``LTTextLineHorizontal.add`` puts a word space
    before a glyph that starts more than ``word_margin`` times its size after the previous one.
    The same floats are compared in the same way, so the lines are pdfminer's. ``reading_order``
    orders lines itself: pdfminer's later steps (boxes, their hierarchy) are not needed.
    Vertical text lines (``detect_vertical``) are not made.
    """
    line_overlap, char_margin, word_margin = laparams.line_overlap, laparams.char_margin, laparams.word_margin
    lines: list[GlyphLine] = []
    items: list[Glyph | str] | None = None  # the open line
    obj0: Glyph | None = None
    px0 = py0 = px1 = py1 = w0 = h0 = 0.0  # obj0's box, width and height
    for obj1 in glyphs:
        x0, y0, x1, y1 = obj1.x0, obj1.y0, obj1.x1, obj1.y1
        width, height = x1 - x0, y1 - y0
        if obj0 is not None:
            halign = False
            if y0 <= py1 and py0 <= y1:
                d0, d1 = abs(py0 - y1), abs(py1 - y0)
                if (height if height < h0 else h0) * line_overlap < (d1 if d1 < d0 else d0):
                    if x0 <= px1 and px0 <= x1:
                        gap = 0
                    else:
                        d0, d1 = abs(px0 - x1), abs(px1 - x0)
                        gap = d1 if d1 < d0 else d0
                    halign = gap < (width if width > w0 else w0) * char_margin
            if halign:
                if items is None:
                    items = [obj0]
                    lx0, ly0, lx1, ly1 = _box_of(obj0)
                if word_margin and px1 < x0 - word_margin * (height if height > width else width):
                    items.append(SPACE)
                items.append(obj1)
                lx0, ly0 = (x0 if x0 < lx0 else lx0), (y0 if y0 < ly0 else ly0)
                lx1, ly1 = (x1 if x1 > lx1 else lx1), (y1 if y1 > ly1 else ly1)
            elif items is not None:
                lines.append(GlyphLine(items, lx0, ly0, lx1, ly1))
                items = None
            else:
                lines.append(GlyphLine([obj0], *_box_of(obj0)))
        obj0, px0, py0, px1, py1, w0, h0 = obj1, x0, y0, x1, y1, width, height
    if items is not None:
        lines.append(GlyphLine(items, lx0, ly0, lx1, ly1))
    elif obj0 is not None:
        lines.append(GlyphLine([obj0], *_box_of(obj0)))
    return lines


_MIN_GAP = 6.0


def _find_gutter(lines: list[Line]) -> float | None:
    left_edge = min(line.x0 for line in lines)
    right_edge = max(line.x1 for line in lines)
    width = right_edge - left_edge
    if width < 100:
        return None
    total = sum(len(line.text) for line in lines)
    table_rows = _table_rows(lines)
    # _gutter_at sees x only through its order among the lines' edges (table rows run from
    # one line's x0 to another's x1): while x stays between the same two edges, it would
    # score the same again, and a tie never replaces the best.
    edges = sorted([v for ln in lines for v in (ln.x0, ln.x1)])
    if any(v != v for v in edges):  # NaN has no place in a sorted list: score every x
        edges = None
    best = None
    place = None
    for x in _grid(left_edge + 0.15 * width, left_edge + 0.85 * width):
        here = None if edges is None else (bisect_left(edges, x), bisect_right(edges, x))
        if here is None or here != place:
            place = here
            candidate = _gutter_at(lines, table_rows, x, total)
            if candidate is not None and (best is None or candidate < best[0]):
                best = (candidate, x)
    return None if best is None else best[1]


_MAX_STEPS = 20_000  # 1 pt steps across 28 m of page; a real page is under 2 m wide


def _grid(start: float, stop: float) -> Iterator[float]:
    """Candidate gutter positions from ``start`` to before ``stop``: every point, or on a page
    wider than ``_MAX_STEPS`` points (a crafted PDF), ``_MAX_STEPS`` even steps, so that the
    search always ends (at 1e17 adding 1 pt no longer changes the number)."""
    step = max(1.0, (stop - start) / _MAX_STEPS)
    x = start
    while x < stop:
        yield x
        x += step


#: A line that is only a mark: a bullet ("•", "*"), or a glyph the font does not map ("(cid:127)").
_MARK = re.compile(r"\(cid:\d+\)|[^\w\s]?")


def _table_rows(lines: list[Line]) -> list[Line]:
    """The rows of grid tables in ``lines``, each merged into one line.

    A table row is a baseline band of at least three lines whose cells line up
    (same left or right edge) with those of the band just above or below.
    """
    bands: list[list[Line]] = []
    # a bullet set apart from its item ("•", or an unmapped glyph, "(cid:127)") is no table cell
    for ln in sorted((ln for ln in lines if not _MARK.fullmatch(ln.text.strip())), key=lambda ln: (-ln.y1, ln.x0)):
        if bands and same_band(bands[-1][0], ln):
            bands[-1].append(ln)
        else:
            bands.append([ln])
    bands = [sorted(band, key=lambda ln: ln.x0) for band in bands]
    in_table = [False] * len(bands)
    for i, (a, b) in enumerate(zip(bands, bands[1:])):
        if len(a) >= 3 and len(a) == len(b) and all(
                abs(p.x0 - q.x0) < 2 or abs(p.x1 - q.x1) < 2 for p, q in zip(a, b)):
            in_table[i] = in_table[i + 1] = True
    return [Line(band[0].x0, min(ln.y0 for ln in band), max(ln.x1 for ln in band),
                 max(ln.y1 for ln in band), " ".join(ln.text for ln in band))
            for band, is_row in zip(bands, in_table) if is_row]


def _gutter_at(lines: list[Line], table_rows: list[Line], x: float, total: int) -> tuple[int, float] | None:
    """Score a vertical line at ``x`` as a column gutter (lower is better), or None.

    The space between two columns of a table is no gutter: when table rows that
    span ``x`` hold over half the text beside it, the table reads row by row.
    """
    left = [ln for ln in lines if ln.x1 <= x]
    right = [ln for ln in lines if ln.x0 >= x]
    if not left or not right:
        return None
    # Lines wholly above or below both sides (a header, a footer) are not in the way.
    top = max(ln.y1 for ln in left + right)
    bottom = min(ln.y0 for ln in left + right)
    crossing = sum(len(ln.text) for ln in lines if ln.x0 < x < ln.x1 and ln.y0 < top and ln.y1 > bottom)
    if crossing > 0.12 * total or min(len(left), len(right)) < 4:
        return None
    beside = sum(len(ln.text) + 1 for ln in left + right)
    if sum(len(row.text) for row in table_rows if row.x0 < x < row.x1) > 0.5 * beside:
        return None
    if min(sum(len(ln.text) for ln in side) for side in (left, right)) < 0.08 * total:
        return None
    # Stray separators ("|", bullets) may sit in the gutter; words decide its width.
    left_words = [ln.x1 for ln in left if len(ln.text) >= 3] or [ln.x1 for ln in left]
    right_words = [ln.x0 for ln in right if len(ln.text) >= 3] or [ln.x0 for ln in right]
    gap = min(right_words) - max(left_words)
    return None if gap < _MIN_GAP else (crossing, -gap)


def reading_order(lines: list[Line], depth: int = 0) -> list[str]:
    """Return the text of ``lines`` as rows in reading order."""
    if not lines:
        return []
    gutter = _find_gutter(lines) if depth < 3 and len(lines) >= 8 else None
    if gutter is None or is_margin_column(lines, gutter):
        return rows(lines)
    head, body = under_a_header(lines, gutter)
    if head and len(body) >= 4 and is_margin_column(body, gutter):
        return reading_order(head, depth + 1) + rows(body)
    out: list[str] = []
    pending: list[Line] = []

    def flush() -> None:
        # Between two lines that cross the gutter, one side may be only a rail of dates beside the
        # other's entries, though the page as a whole is not (a contact block set at the top right):
        # then that stretch reads row by row.
        if len(pending) >= 4 and is_margin_column(pending, gutter):
            out.extend(rows(pending))
        else:
            out.extend(reading_order([ln for ln in pending if ln.x1 <= gutter], depth + 1))
            out.extend(reading_order([ln for ln in pending if ln.x0 >= gutter], depth + 1))
        pending.clear()

    for line in sorted(lines, key=lambda ln: (-ln.y1, ln.x0)):
        if line.x0 < gutter < line.x1:
            flush()
            out.append(line.text)
        else:
            pending.append(line)
    flush()
    return out
