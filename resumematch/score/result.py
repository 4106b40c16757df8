"""One resume's outcome: how extraction went, what was found, and its scorecard."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..analyze.values import Analysis
from ..extraction import Document
from .scorecard import Scorecard


@dataclass(frozen=True)
class Result:
    """One resume's outcome: how extraction went, what was found, and its scorecard."""

    file: str
    document: Document
    analysis: Analysis | None = None
    scorecard: Scorecard | None = None
    flags: tuple[str, ...] = ()
    meta: dict = field(default_factory=dict, compare=False)

    @property
    def status(self) -> str:
        return self.document.status

    @property
    def reason(self) -> str:
        return self.document.reason

    @property
    def scored(self) -> bool:
        return self.scorecard is not None and self.scorecard.assessed

    @property
    def score(self) -> float | None:
        """The total, 0-100; None when the file could not be scored (see ``status`` and ``reason``)."""
        return self.scorecard.total if self.scored else None

    @property
    def missing(self) -> tuple[str, ...]:
        """Required items not met; every required item when the file could not be scored."""
        return self.scorecard.missing if self.scorecard else ()

    def strengths(self) -> dict[str, float]:
        """Strength of every requirement, by id (empty when the file could not be scored)."""
        return dict(self.scorecard.strengths) if self.scored else {}
