"""Orchestration: which files, the worker pool, the cache, the journal, and the ``Screener``."""
