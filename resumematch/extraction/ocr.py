"""OCR for PDF pages without a usable text layer: the optional ``[ocr]`` extra.

A page is rendered with pypdfium2 (it decodes every image filter scanners use, JBIG2 and CCITT
included, and places the pixels in page space) and read with rapidocr on onnxruntime. The
detection and recognition models ship inside the rapidocr wheel and are named here by path, so
rapidocr's download code is never reached: nothing is fetched at run time. Everything heavy loads
on first use, so a batch without scans never imports any of it.
"""

from __future__ import annotations

import ctypes
import importlib.util
import logging
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importing the layout module loads pdfminer; this module must stay light
    from .pdf.layout import Line

#: What to run to get OCR; every "OCR is needed" reason carries it.
INSTALL_HINT = 'pip install "resumematch[ocr]"'
#: ``RESUMEMATCH_OCR=0`` reads no page by OCR even with the extra installed.
OCR_ENV = "RESUMEMATCH_OCR"
#: The default time cap of one page (rendering and reading), in CPU seconds: the densest of 34
#: real resume pages took 6.8 (docs/extraction.md); CPU time, so a busy machine cuts no page short.
PAGE_SECONDS = 30.0
#: A page with an image and fewer letters and digits than this has no usable text layer.
MIN_CHARS = 20
#: Render resolution; a page larger than ``MAX_PIXELS`` at it (a crafted MediaBox) is rendered smaller.
DPI = 150
MAX_PIXELS = 12_000_000
#: The longest side the text detector sees; recognition reads the full-resolution crops.
DETECT_SIDE = 1280
#: A gap between two recognised words wider than this share of the line's height is a space.
WORD_GAP = 0.35
#: A line recognised with a lower score is left out of the text (rapidocr's own default); it still
#: counts in the page's confidence, which is why the engine is asked for every line.
MIN_LINE_SCORE = 0.5

_MODULES = ("rapidocr", "onnxruntime", "pypdfium2")
_M_ARENA_MAX = -8  # glibc's mallopt parameter
#: The models the rapidocr wheel ships (3.10: PP-OCRv6 det and rec, and the v2 angle classifier).
_MODELS = {"Det.model_path": "*det*.onnx", "Rec.model_path": "*rec*.onnx", "Cls.model_path": "*cls*.onnx"}


class OcrUnavailable(Exception):
    """The extra is missing, switched off, or cannot start; the message says why and what to do."""


class PageTimeout(Exception):
    """A page's OCR ran past its time cap."""


@dataclass(frozen=True)
class PageOcr:
    """What OCR read on one page: lines in PDF points (y up); its confidence, the mean score of every
    line the detector found, readable or not, weighted by the line's width (0 to 1; 0 when nothing
    was found); and whether it finished within the cap."""

    number: int
    lines: tuple[Line, ...]
    confidence: float
    complete: bool


def unavailable() -> str:
    """Why OCR would not run, with the fix (``INSTALL_HINT``); "" when it would. Cheap: nothing is
    imported."""
    if os.environ.get(OCR_ENV, "").strip().lower() in ("0", "off", "false", "no"):
        return f"{OCR_ENV}={os.environ[OCR_ENV]} switches it off"
    return "" if all(map(_found, _MODULES)) else INSTALL_HINT


def installed() -> bool:
    """Whether OCR would run: the extra is installed and ``RESUMEMATCH_OCR`` does not switch it off."""
    return not unavailable()


def _found(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a module set to None in sys.modules is absent
        return False


def ocr_pages(data: bytes, numbers: list[int], *, password: str = "",
              seconds: float = PAGE_SECONDS) -> list[PageOcr]:
    """Read the 1-based pages ``numbers`` of the PDF in ``data`` by OCR, each within ``seconds`` of CPU.

    Returns one ``PageOcr`` per page, in order. Raises ``OcrUnavailable`` when OCR cannot run and
    ``MemoryError`` when the engine runs out of memory (the worker's cap)."""
    why = unavailable()
    if why:
        raise OcrUnavailable(why)
    engine = _engine()
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data, password=password or None)
    except pdfium.PdfiumError as exc:
        raise OcrUnavailable(f"its renderer cannot open the file: {exc}") from exc
    try:
        return [_read_page(pdf, engine, number, seconds) for number in numbers]
    finally:
        pdf.close()


def _read_page(pdf, engine, number: int, seconds: float) -> PageOcr:
    from .pdf.layout import Line

    fired = []
    try:
        with _deadline(seconds, fired):
            page = pdf[number - 1]
            width, height = page.get_size()
            scale = min(DPI / 72, (MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
            image = page.render(scale=scale).to_pil().convert("RGB")
            page.close()
            result = _run(engine, image)
    except Exception:
        if fired:  # rapidocr wraps whatever its model run raised, our PageTimeout included
            return PageOcr(number, (), 0.0, False)
        raise
    lines, weights, total = [], 0.0, 0.0
    boxes = result.boxes if result.boxes is not None else ()
    for box, text, score, words in zip(boxes, result.txts or (), result.scores or (), result.word_results or ()):
        xs, ys = [float(x) for x, _ in box], [float(y) for _, y in box]
        score = float(score)
        weights += max(xs) - min(xs)
        total += score * (max(xs) - min(xs))
        text = _line_text(text, words, max(ys) - min(ys)) if score >= MIN_LINE_SCORE else ""
        if text:
            lines.append(Line(min(xs) / scale, height - max(ys) / scale, max(xs) / scale, height - min(ys) / scale,
                              text))
    return PageOcr(number, tuple(lines), round(total / weights, 4) if weights else 0.0, True)


def _line_text(text: str, words, height: float) -> str:
    """The recognizer's line, with a space put back where it ran two words together across a gap of
    more than ``WORD_GAP`` of the line's height ("name@example.com  (404)" comes out as one word),
    and a bullet read as an ideographic full stop made a bullet again."""
    text = text.strip()
    tokens = [word for word, _, _ in words]
    if text.startswith("\u3002"):
        text = "\u2022" + text[1:]
        if tokens and tokens[0].startswith("\u3002"):
            tokens[0] = "\u2022" + tokens[0][1:]
    if not tokens or "".join(tokens) != text.replace(" ", ""):
        return text
    out, at, right = [], 0, None
    for token, (_, _, box) in zip(tokens, words):
        start = text.index(token, at)
        gap = text[at:start]
        if not gap and right is not None and min(x for x, _ in box) - right > WORD_GAP * height:
            gap = " "
        out += [gap, token]
        at, right = start + len(token), max(x for x, _ in box)
    return "".join(out)


def _run(engine, image):
    import numpy as np

    try:
        return engine(np.asarray(image), use_cls=False, return_word_box=True)
    except Exception as exc:
        if "alloc" in str(exc).lower():  # onnxruntime's own error for a failed allocation (the memory cap)
            raise MemoryError(str(exc)) from exc
        raise


@lru_cache(maxsize=1)
def _engine():
    """One engine per process, loaded on first use from the models inside the rapidocr wheel."""
    _save_address_space()
    try:
        from rapidocr import RapidOCR
    except ImportError as exc:
        raise OcrUnavailable(f"it cannot start: {exc}; {INSTALL_HINT}") from exc
    root = Path(importlib.util.find_spec("rapidocr").origin).parent / "models"
    paths = {key: sorted(root.glob(pattern)) for key, pattern in _MODELS.items()}
    missing = [pattern for key, pattern in _MODELS.items() if not paths[key]]
    if missing:  # never let rapidocr fetch them
        raise OcrUnavailable(f"it cannot start: the rapidocr wheel has no {', '.join(missing)} model; "
                             f"reinstall with {INSTALL_HINT}")
    # One thread: the worker pool already runs one process per CPU. No angle classifier: it
    # turned upright resume lines upside down, and scans of resumes are upright. One line per
    # recognition run: a batch pads every line to the widest, which on a page with a full-width
    # line took 1.3 GB of address space instead of 0.85 GB, and more CPU, not less.
    quiet = logging.getLevelName(logging.ERROR).lower()  # rapidocr takes logging's level names
    params = {"Global.log_level": quiet, "Global.use_cls": False, "Global.text_score": 0.0, "Det.limit_type": "max",
              "Det.limit_side_len": DETECT_SIDE, "Rec.rec_batch_num": 1,
              "EngineConfig.onnxruntime.intra_op_num_threads": 1,
              **{key: str(found[0]) for key, found in paths.items()}}
    return RapidOCR(params=params)


def _save_address_space() -> None:
    """Keep the engine within the batch worker's memory cap, which counts address space (reserved,
    not only used): OpenCV's bundled OpenBLAS starts a thread per CPU with buffers of its own, and
    glibc gives every new thread a malloc arena reserving 64 MB. One BLAS thread (OpenCV only does
    image resizing here) and one arena take what reading a page reserves from 1.2 GB to about 0.7 GB."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # read when OpenCV's OpenBLAS loads, just below
    try:
        ctypes.CDLL(None).mallopt(_M_ARENA_MAX, 1)
    except (OSError, AttributeError):  # not glibc
        pass


@contextmanager
def _deadline(seconds: float, fired: list) -> Iterator[None]:
    """Raise ``PageTimeout`` in the block once this process has used ``seconds`` of CPU (every thread
    counts), at the next Python step after the native call under way (one model run). Only the main
    thread can take signals; elsewhere (a Dask worker's thread) the file's own time limit is the cap,
    as it is for a hang that uses no CPU. ``fired`` gets an item when the cap is reached."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def stop(signum, frame):
        fired.append(signum)
        raise PageTimeout

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
