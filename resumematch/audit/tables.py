"""The CSV files an audit reads, with a clear error for each way they can be unusable."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataError, InputError

if TYPE_CHECKING:
    import pandas as pd


def read_table(path: str | os.PathLike, what: str) -> pd.DataFrame:
    """The CSV at ``path`` (``what`` names it in errors: "ranked CSV", "groups file"), with at
    least one row. Raises ``InputError`` when it is missing, ``DataError`` when it is unreadable, malformed or
    empty."""
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise InputError(f"{what} {path} does not exist" if not path.exists() else f"{what} {path} is a folder",
                         hint="check the path")
    try:
        table = pd.read_csv(path, encoding="utf-8-sig")
    except pd.errors.EmptyDataError:
        raise DataError(f"{what} {path} is empty", hint="give a CSV with a header row and one row per file") from None
    except pd.errors.ParserError as exc:
        detail = str(exc).split(". ", 1)[-1].strip().rstrip(".")
        raise DataError(f"{what} {path} is not a well-formed CSV: {detail}",
                         hint="check its quotes and that every row has as many cells as the header") from None
    except UnicodeDecodeError:
        raise DataError(f"{what} {path} is not UTF-8 text", hint="save it as CSV UTF-8") from None
    except OSError as exc:
        raise DataError(f"cannot read {what} {path}: {exc.strerror or exc}", hint="check its permissions") from None
    if table.empty:
        raise DataError(f"{what} {path} has a header but no rows", hint="add one row per file")
    return table
