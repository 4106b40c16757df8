"""DOCX text through python-docx, after checking the zip container is safe to open."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from ..types import DocStatus
from .document import Document, assemble, failed
from .normalize import normalize
from .zipsafe import ZipLimits, check_zip

_W_P, _W_R, _W_T, _W_TAB, _W_BR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

# What a damaged DOCX makes zipfile, lxml and python-docx raise (a member whose offset points
# before the archive gives ValueError("negative seek value")).
_PARSE_ERRORS = (PackageNotFoundError, KeyError, ValueError, TypeError, IndexError, AttributeError,
                 zipfile.BadZipFile, zlib.error, struct.error, EOFError, OSError, NotImplementedError,
                 RuntimeError, etree.LxmlError, UnicodeError)


def _run_hidden(run) -> bool:
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        return False
    vanish = rpr.find(qn("w:vanish"))
    if vanish is not None and vanish.get(qn("w:val"), "true") not in ("0", "false"):
        return True
    color = rpr.find(qn("w:color"))
    if color is not None and color.get(qn("w:val"), "").upper() in ("FFFFFF", "FEFEFE"):
        shade = rpr.find(qn("w:shd"))
        highlight = rpr.find(qn("w:highlight"))
        if shade is None and highlight is None:
            return True
    size = rpr.find(qn("w:sz"))
    if size is not None:
        try:
            return int(size.get(qn("w:val"), "24")) <= 2
        except ValueError:
            return False
    return False


def _paragraph_text(p, hidden: list[str]) -> str:
    parts = []
    for run in p.iter(_W_R):
        if run.getparent() is not None and any(a.tag == _FALLBACK for a in run.iterancestors()):
            continue
        pieces = []
        for child in run:
            if child.tag == _W_T:
                pieces.append(child.text or "")
            elif child.tag == _W_TAB:
                pieces.append("\t")
            elif child.tag == _W_BR:
                pieces.append("\n")
        text = "".join(pieces)
        (hidden if _run_hidden(run) else parts).append(text)
    return "".join(parts)


def _num_pr(element):
    """The ``w:numPr`` of a paragraph or style, or None."""
    return element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")


def _numbered(num_pr) -> bool:
    """A ``w:numPr`` numbers its paragraph unless it points at list 0 ("no numbering")."""
    num_id = num_pr.find(qn("w:numId"))
    return num_id is None or num_id.get(qn("w:val")) != "0"


def _numbered_styles(styles_root) -> set[str]:
    """Ids of the paragraph styles that number their paragraphs ("List Bullet", "List Number"),
    directly or through the ``w:basedOn`` chain."""
    styles = {s.get(qn("w:styleId")): s for s in styles_root.iter(qn("w:style"))}
    known: dict[str, bool] = {}  # style id -> numbered, settled once per style (long chains, cycles)
    for style_id in styles:
        chain, current = [], style_id
        while current in styles and current not in known and current not in chain:
            chain.append(current)
            num_pr = _num_pr(styles[current])
            if num_pr is not None:
                known[current] = _numbered(num_pr)
                break
            based = styles[current].find(qn("w:basedOn"))
            current = based.get(qn("w:val")) if based is not None else None
        answer = known.get(current, False)
        known.update(dict.fromkeys(chain, answer))
    return {style_id for style_id, numbered in known.items() if numbered}


def _is_list_item(p, list_styles: set[str]) -> bool:
    num_pr = _num_pr(p)
    if num_pr is not None:
        return _numbered(num_pr)
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style is not None and style.get(qn("w:val")) in list_styles


def _lines(root, hidden: list[str], list_styles: set[str]) -> list[str]:
    lines = []
    for p in root.iter(_W_P):
        if any(a.tag == _FALLBACK for a in p.iterancestors()):
            continue
        if p.find(f".//{_W_P}") is not None:  # a text box inside: its own paragraphs follow
            continue
        text = _paragraph_text(p, hidden)
        if text.strip() and _is_list_item(p, list_styles):
            text = "• " + text
        lines.append(text)
    return lines


def _read(data: bytes) -> tuple[list[str], list[str], list[str], list[str]]:
    """Header, body and footer lines, and the hidden runs, of the DOCX in ``data``."""
    document = docx.Document(io.BytesIO(data))
    hidden: list[str] = []
    list_styles = _numbered_styles(document.styles.element)
    head, foot = [], []
    for part in sorted(document.part.package.iter_parts(), key=lambda p: str(p.partname)):
        name = str(part.partname)
        if re.fullmatch(r"/word/(header|footer)\d*\.xml", name) and hasattr(part, "element"):
            (head if "header" in name else foot).extend(_lines(part.element, hidden, list_styles))
    return head, _lines(document.element.body, hidden, list_styles), foot, hidden


def extract_docx(data: bytes, limits: ZipLimits = ZipLimits()) -> Document:
    """Extract body paragraphs, every table cell, text boxes, headers and footers.

    List items (numbered in the paragraph or through its style) start with "• ".
    """
    problem = check_zip(data, limits)
    if problem:
        return failed("docx", problem.status, problem.reason)
    try:
        head, body, foot, hidden = _read(data)
    except RecursionError:
        return failed("docx", DocStatus.CORRUPT, "The DOCX's structure is nested too deeply to read; the file is "
                      "damaged or crafted.")
    except _PARSE_ERRORS as exc:
        return failed("docx", DocStatus.CORRUPT, f"The DOCX is damaged and cannot be read ({type(exc).__name__}: "
                      f"{str(exc)[:120]}).")
    text = normalize("\n".join(head + body + foot))
    hidden_text = normalize(" ".join(hidden))
    warnings = ()
    if hidden_text:
        warnings = (f"{len(hidden_text)} hidden characters (invisible to a reader) were left out.",)
    if not text:
        return failed("docx", DocStatus.NO_TEXT, "The DOCX contains no text (only images or empty pages?).",
                      hidden_chars=len(hidden_text), hidden_text=hidden_text)
    return assemble([text], "docx", warnings=warnings, hidden_chars=len(hidden_text),
                    hidden_text=hidden_text)
