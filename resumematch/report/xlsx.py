"""The ranked table as a native Excel workbook (``-o ranked.xlsx``), for Excel and LibreOffice.

A CSV leaves types and encoding to the spreadsheet's import, which guesses: LibreOffice's default
import shows UTF-8 as mojibake, and the ``'`` that keeps a CSV cell from being a formula shows as
a visible apostrophe. A workbook says what each cell is, so text is written as it is, typed as
text, and never becomes a formula however it starts.
"""

from __future__ import annotations

import math
import os
from numbers import Number
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_NUMERIC, TYPE_STRING
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from .csvsafe import FORMULA_START

#: Fills that make ``required_met`` and ``missing_required`` readable at a glance.
MEETS_ALL = PatternFill("solid", fgColor="C6EFCE")
MISSES = PatternFill("solid", fgColor="FFC7CE")
_WIDTH = (6, 48)  # the narrowest and widest column, in characters
_SAMPLE = 500  # rows looked at to size a column


def _cell_value(value: object) -> tuple[object, str | None]:
    """A frame's value as a cell's value and type: numbers as numbers, missing (or empty text) as
    no value, the rest as text."""
    if isinstance(value, str):  # control characters are not allowed in the file's XML
        return (ILLEGAL_CHARACTERS_RE.sub("", value), TYPE_STRING) if value else (None, None)
    if value is None or pd.isna(value):
        return None, None
    if isinstance(value, Number) and not isinstance(value, bool):
        number = value.item() if hasattr(value, "item") else value
        return (number, TYPE_NUMERIC) if math.isfinite(number) else (str(number), TYPE_STRING)
    return str(value), TYPE_STRING


def _width(header: str, values: list[object]) -> float:
    longest = max([len(header)] + [len(str(v)) for v in values if v is not None])
    return float(min(max(longest + 2, _WIDTH[0]), _WIDTH[1]))


def write_xlsx(frame: pd.DataFrame, path: str | os.PathLike, *, sheet: str = "ranked") -> Path:
    """Write ``frame`` (the ranked table) as a workbook at ``path``: one typed cell per value, a
    bold frozen header with filters, columns sized to their contents, ``required_met`` green when
    every required item is met and red when one is not, like a non-empty ``missing_required``.
    Returns the path."""
    path = Path(path)
    book = Workbook(write_only=True)  # rows stream to the file: 100,000 rows stay small in memory
    ws = book.create_sheet(sheet)
    columns = [str(c) for c in frame.columns]
    sample = frame.head(_SAMPLE)
    for j, name in enumerate(columns, start=1):  # before the first row: a streamed sheet writes them first
        ws.column_dimensions[get_column_letter(j)].width = _width(name, sample.iloc[:, j - 1].tolist())
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(max(len(columns), 1))}{len(frame) + 1}"
    bold = Font(bold=True)
    ws.append([_cell(ws, name, TYPE_STRING, font=bold) for name in columns])
    met_col = columns.index("required_met") if "required_met" in columns else None
    missing_col = columns.index("missing_required") if "missing_required" in columns else None
    for row in frame.itertuples(index=False, name=None):
        cells = []
        for j, raw in enumerate(row):
            value, kind = _cell_value(raw)
            fill = _met_fill(value) if j == met_col else MISSES if j == missing_col and value else None
            if fill or (kind == TYPE_STRING and value.startswith(FORMULA_START)):
                cells.append(_cell(ws, value, kind, fill=fill))
            else:  # a plain value: openpyxl types it as we would, in a cell it reuses (fast)
                cells.append(value)
        ws.append(cells)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _cell(ws, value: object, kind: str, *, font: Font | None = None, fill: PatternFill | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = kind  # set after the value: openpyxl makes text starting with "=" a formula
    if font:
        cell.font = font
    if fill:
        cell.fill = fill
    return cell


def _met_fill(required_met: object) -> PatternFill | None:
    """The fill of a ``required_met`` cell: green for "3 of 3", red for "2 of 3", none for a file
    not assessed."""
    met, _, of = str(required_met).partition(" of ")
    if not (met.strip().isdigit() and of.strip().isdigit()):
        return None
    return MEETS_ALL if met.strip() == of.strip() else MISSES
