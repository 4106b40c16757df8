"""Stage 2: the spaCy analysis pipeline. The only package that imports spaCy."""

from .analyzer import Analyzer, build_pipeline

__all__ = ["Analyzer", "build_pipeline"]
