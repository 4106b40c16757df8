"""Reading order internals: the column gutter search."""

from __future__ import annotations

import random

import pytest

from resumematch.extraction.pdf import layout
from resumematch.extraction.pdf.layout import Line


def gutter_by_full_scan(lines: list[Line]) -> float | None:
    """The gutter search scoring every point from 15 % to 85 % of the width, 1 pt apart."""
    left_edge = min(line.x0 for line in lines)
    width = max(line.x1 for line in lines) - left_edge
    if width < 100:
        return None
    total = sum(len(line.text) for line in lines)
    table_rows = layout._table_rows(lines)
    best = None
    x = left_edge + 0.15 * width
    while x < left_edge + 0.85 * width:
        candidate = layout._gutter_at(lines, table_rows, x, total)
        if candidate is not None and (best is None or candidate < best[0]):
            best = (candidate, x)
        x += 1.0
    return None if best is None else best[1]


def random_page(seed: int) -> list[Line]:
    """Two columns on whole-point coordinates (so edges fall on the points scanned), with
    full-width headers, stray short marks and table rows mixed in."""
    rng = random.Random(seed)
    gutter = rng.choice([200, 250, 300, 330])
    lines = [Line(50, 830, 550, 842, "Jane Example, Senior Data Engineer")]
    for row in range(rng.randint(6, 40)):
        y = 800 - 14 * row
        kind = rng.random()
        if kind < 0.1:
            lines.append(Line(50, y, rng.randint(300, 550), y + 10, "A full-width line of text " * 2))
        elif kind < 0.2:
            lines += [Line(x, y, x + 60, y + 10, f"cell {row} {x}") for x in (50, 250, 450)]
        else:
            left_end = rng.randint(80, gutter - rng.choice([1, 6, 20]))
            lines.append(Line(rng.choice([50, 50, 52]), y, left_end, y + 10, "left " * rng.randint(1, 9)))
            if rng.random() < 0.9:
                x0 = gutter + rng.choice([0, 3, 8])
                lines.append(Line(x0, y, rng.randint(x0 + 5, 550), y + 10, rng.choice(["|", "right " * 5])))
    return lines


@pytest.mark.parametrize("seed", range(150))
def test_layout_gutter_search_matches_a_full_scan(seed):
    lines = random_page(seed)
    assert layout._find_gutter(lines) == gutter_by_full_scan(lines)


def test_layout_random_pages_have_gutters_and_pages_without():
    found = [gutter_by_full_scan(random_page(seed)) for seed in range(150)]
    assert sum(g is None for g in found) > 10 and sum(g is not None for g in found) > 50


@pytest.mark.usefixtures("watchdog")
@pytest.mark.parametrize("scale", [1e9, 1e17])
def test_layout_gutter_search_ends_on_absurdly_wide_pages(scale):
    # A crafted PDF can place text 1e17 pt out; 1 pt steps would never end (x + 1 == x there).
    lines = [Line(side * scale, 700 - 14 * i, side * scale + 100, 710 - 14 * i, f"line {i} on {side}")
             for side in (0, 1) for i in range(8)]
    order = layout.reading_order(lines)
    assert sorted(order) == sorted(ln.text for ln in lines)
    assert order.index("line 7 on 0") < order.index("line 0 on 1")  # read as two columns


@pytest.mark.parametrize("start, stop, expected", [(10.5, 13.0, [10.5, 11.5, 12.5]), (0.0, 0.0, [])])
def test_layout_grid_steps_one_point_on_real_pages(start, stop, expected):
    assert list(layout._grid(start, stop)) == expected
    assert len(list(layout._grid(0.0, 1e17))) <= layout._MAX_STEPS
