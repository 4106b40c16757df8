"""A requirement model drafted from a job posting, offline and explainably.

``draft_model(text_or_path)`` reads a posting (TXT, MD, HTML, PDF or DOCX, or its text), finds
what it asks for with the catalogue and a few rules, and returns the validated model; ``draft_yaml``
returns the same model as commented YAML to review and edit. Every requirement's ``source`` is the
posting's sentence it came from.
"""

from __future__ import annotations

import hashlib
import os
import re

import srsly

from ..catalog import load_catalog
from ..errors import InputError
from ..model import RequirementModel
from .duties import duties
from .finders import EQUIVALENT_YEARS, Item, credentials, degrees, experience, internship, soft_skills, technologies
from .posting import Sentence, read_posting, sentences
from .render import CATEGORY_WEIGHTS, KIND_WEIGHTS, render, slug

__all__ = ["CATEGORY_WEIGHTS", "EQUIVALENT_YEARS", "KIND_WEIGHTS", "Item", "draft_items", "draft_model", "draft_yaml",
           "explain"]


def draft_items(text: str) -> tuple[list[Item], dict, list[Sentence]]:
    """The items a posting's text asks for, the model's ``experience`` block, and its sentences."""
    catalog = load_catalog()
    parts = sentences(text)
    found = degrees(parts, catalog) + credentials(parts, catalog)
    years, block = experience(parts, catalog)
    found += years + technologies(parts, catalog) + internship(parts) + soft_skills(parts, catalog) + duties(parts)
    seen: dict[str, int] = {}
    for item in found:  # ids are unique: a second "degree.bachelor_x" becomes "degree.bachelor_x_2"
        seen[item.id] = seen.get(item.id, 0) + 1
        if seen[item.id] > 1:
            item.id = f"{item.id}_{seen[item.id]}"
    return found, block, parts


def _title(text: str, name: str) -> str:
    first = next((line.strip(" #*:") for line in text.splitlines() if line.strip(" #*:")), name)
    return re.sub(r"\s+", " ", first)[:80]


def draft_yaml(text_or_path: str | os.PathLike) -> str:
    """The drafted model as commented YAML that loads without edits."""
    text, name = read_posting(text_or_path)
    items, block, _ = draft_items(text)
    if not items:
        raise InputError(f"{name}: found no requirements in the posting")
    title = _title(text, name)
    origin = f"the posting {os.fspath(text_or_path)!r}" if name != "posting" else "a job posting"
    return render(items, block, name=slug(title), title=title, origin=origin)


def draft_model(text_or_path: str | os.PathLike) -> RequirementModel:
    """A requirement model drafted from a job posting (a path, or the posting's text)."""
    content = draft_yaml(text_or_path)
    return RequirementModel(**srsly.yaml_loads(content), sha256=hashlib.sha256(content.encode()).hexdigest(),
                            content=content)


def explain(model: RequirementModel) -> str:
    """Each requirement of a drafted model with the sentence it came from."""
    lines = []
    for req in model.requirements:
        lines.append(f"{req.kind:<9} {req.id}  {req.label}")
        lines.append(f"          <- {req.source}")
    return "\n".join(lines)
