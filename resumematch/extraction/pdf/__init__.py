"""PDF reading: pdfminer.six glyphs, our own line grouping and reading order, hidden-text checks."""

from .reader import RESUME_LAPARAMS, extract_pdf

__all__ = ["RESUME_LAPARAMS", "extract_pdf"]
