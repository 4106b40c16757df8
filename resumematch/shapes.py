"""Validated shapes that the requirement model and the catalogue share, defined once.

At the bottom layer (beside ``types``), because the model reads the catalogue and the catalogue
must not import the model.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator


class EvidencePattern(BaseModel):
    """Something a candidate did that shows a requirement: one of ``verbs`` and, at most
    ``max_gap`` words later in the same sentence, one of ``objects`` ("Led a team of five
    engineers": verb *lead*, object *team*). Both are matched on their dictionary form, so
    "led", "leads" and "leading" are all *lead*; objects also match their plural."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    verbs: tuple[str, ...] = Field(min_length=1)
    objects: tuple[str, ...] = Field(min_length=1)
    max_gap: int = Field(default=4, ge=0, le=8)

    @field_validator("verbs", "objects")
    @classmethod
    def _single_words(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        words = tuple(v.strip().lower() for v in values)
        if any(not w or " " in w for w in words):
            raise ValueError("each verb and object is one word")
        return words
