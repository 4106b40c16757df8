"""A role's occupations in words, as ``check-model`` shows them."""

from __future__ import annotations

from .occupations import background
from .onet import occupation_titles


def role_titles(title: str, codes: tuple[str, ...], itself: bool = False) -> list[str]:
    """The titles of a role's occupations ``codes``: those whose work counts, or (``itself``) those
    that are the role itself. None named: those its ``title`` implies, the closest occupation (and,
    for work that counts, those O*NET relates to it), said to be implied."""
    if codes:
        return [occupation_titles()[c] for c in codes]
    b = background()
    closest = b.closest_title(title)
    if closest is None:
        return []
    field = "role_occupations" if itself else "occupations"
    implied = (closest.code,) if itself else b.neighbours(closest.code)
    titles = [b.get(c).title for c in implied]
    return titles[:-1] + [f"{titles[-1]} (implied by the title; name experience.{field} to choose)"]
