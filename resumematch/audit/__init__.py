"""Fairness: counterfactual checks of a screener, and adverse-impact tables of a ranking."""

from typing import TYPE_CHECKING

_LAZY = {"audit": "impact", "format_summary": "impact", "AuditResult": "impact",
         "check_files": "counterfactual", "check_text": "counterfactual", "format_report": "counterfactual",
         "FairnessReport": "counterfactual"}

if TYPE_CHECKING:  # what editors and type checkers see; at run time these load on first use
    from .counterfactual import FairnessReport, check_files, check_text, format_report
    from .impact import AuditResult, audit, format_summary


def __getattr__(name: str):
    # pandas loads only when an audit is asked for.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """Every public name, also those loaded on first use, beside the module's own."""
    return sorted(set(globals()) | set(__all__))


__all__ = ["AuditResult", "FairnessReport", "audit", "check_files", "check_text", "format_report", "format_summary"]
