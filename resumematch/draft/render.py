"""A drafted model as readable YAML: grouped by category, commented, each item with its sentence."""

from __future__ import annotations

import json
import re

from ..types import CATEGORIES, Category, Kind
from .finders import Item

#: Weight of an item by its kind; a category's items are averaged by these weights.
KIND_WEIGHTS = {Kind.REQUIRED: 3, Kind.PREFERRED: 1, Kind.BONUS: 1}
#: Share of the total score of each category the draft has (normalised when scoring). Experience
#: weighs three times a degree: who has done the work, for how long and lately, is what sets a
#: trade's people apart from its neighbours (docs/models.md).
CATEGORY_WEIGHTS = {Category.DEGREE: 20, Category.CERTIFICATION: 15, Category.EXPERIENCE: 60,
                    Category.TECHNICAL_SKILLS: 20, Category.INTERNSHIP: 5, Category.COURSEWORK: 5,
                    Category.SOFT_SKILLS: 10, Category.DUTIES: 10, Category.PROJECT_TYPES: 5}
#: The fit's weight in a draft: about what a full set of requirements weighs (docs/models.md).
FIT_WEIGHT = 100
#: The text fit's weight in a draft (docs/scoring.md): the resume's words against the posting's own.
TEXT_FIT_WEIGHT = 50
_ORDER = ["id", "catalog", "category", "label", "kind", "weight", "source", "aliases", "mention_strength",
          "patterns", "degree", "satisfied_by"]


def _value(value) -> str:
    # JSON is YAML: strings come out quoted and escaped, lists and mappings in flow style.
    return json.dumps(value, ensure_ascii=False)


def render(items: list[Item], experience: dict, *, name: str, title: str, origin: str, description: str = "",
           left_out: tuple[str, ...] | list[str] = ()) -> str:
    """The YAML text of a model holding ``items``, with what was left out as closing comments."""
    present = [c for c in CATEGORIES if any(i.category == c for i in items)]
    asks = any(i.kind == Kind.REQUIRED for i in items)
    weights = {c: category_weight(c, [i for i in items if i.category == c]) if asks else CATEGORY_WEIGHTS[c]
               for c in present}
    lines = [
        f"# Requirement model drafted by `resumematch draft-model` from {origin}.",
        "# Each requirement quotes the posting's sentence as its source; its kind comes from the posting's",
        "# own cues (must, required, minimum, or a heading such as Qualifications -> required; everything else",
        "# -> preferred) and its weight from",
        f"# its kind ({', '.join(f'{k} {w}' for k, w in KIND_WEIGHTS.items() if k != Kind.BONUS)}). Review before use:",
        "# ids are the ranked CSV's columns. See docs/models.md.",
        f"name: {_value(name)}",
        f"title: {_value(title)}",
        "version: 1",
        f"description: {_value(description or 'Drafted from ' + origin + '.')}",
        "",
        "category_weights:",
        *(f"  {c}: {weights[c]}" for c in present),
        "",
        "# How the resume reads as the role's occupation (docs/scoring.md) weighs about as much as a full set",
        f"# of requirements ({FIT_WEIGHT}): a posting's drafted requirements cover only",
        f"# part of the role (here {sum(weights.values())}), and the fit speaks for the rest.",
        f"fit_weight: {FIT_WEIGHT}",
        "# How the resume's words meet the posting's own (its sentences quoted below), each word weighted",
        "# by how few trades use it (docs/scoring.md): what this employer calls the work.",
        f"text_fit_weight: {TEXT_FIT_WEIGHT}",
    ]
    if experience:
        lines += ["", "experience:",
                  "  # Years of relevant work at which the experience requirement reaches full strength.",
                  f"  full_strength_years: {experience['full_strength_years']}",
                  *_occupation_lines(title),
                  "  # A dated job also counts when its title names one of these words.",
                  f"  relevant_terms: {_value(experience['relevant_terms'])}"]
    lines += ["", "requirements:"]
    for category in present:
        lines.append(f"  # --- {category} " + "-" * max(3, 92 - len(str(category))))
        for item in (i for i in items if i.category == category):
            if isinstance(item.fields.get("catalog"), list):
                lines.append("  # Either/or: the posting accepts any one of these, so holding one meets it.")
            if item.note:
                lines.append(f"  # {item.note}")
            lines += _item(item)
    if left_out:
        lines += ["", "# Left out of the draft:", *(f"# - {reason}" for reason in left_out)]
    return "\n".join(lines) + "\n"


def category_weight(category: Category, items: list[Item]) -> int:
    """A category's weight in a draft: ``CATEGORY_WEIGHTS``, or a third of it (as a preferred
    item weighs a third of a required one) when the posting asks nothing in it as required: a
    credential it only prefers moves a score less than the degree it requires. Experience keeps its
    weight: the years a draft adds from the posting's title are preferred only because the posting
    names no number, and who has worked in the trade is what sets its people apart."""
    full = CATEGORY_WEIGHTS[category]
    if category == Category.EXPERIENCE or any(i.kind == Kind.REQUIRED for i in items):
        return full  # years in the trade, from the title when the posting names none, are the screen's own
    return max(1, round(full * KIND_WEIGHTS[Kind.PREFERRED] / KIND_WEIGHTS[Kind.REQUIRED]))


def _occupation_lines(title: str) -> list[str]:
    """The occupation closest to the posting's title, as the model's ``experience.occupations``."""
    from ..catalog.occupations import background
    from ..catalog.roles import title_occupations

    b = background()
    closest = b.closest_title(title)
    if closest is None:
        return []
    return ["  # The occupations whose work counts as relevant (O*NET-SOC): the one closest to the posting's",
            "  # title, then those O*NET relates most closely to it that work in its field, and for a title that",
            "  # leads a field (\"Accounting Manager\"), that field's. Edit to taste (docs/model-format.md).",
            "  occupations:", *(f"    - {_value(code)}  # {b.get(code).title}" for code in title_occupations(title))]


def _item(item: Item) -> list[str]:
    data = {"id": item.id, "category": str(item.category), "label": item.label, "kind": str(item.kind),
            "weight": KIND_WEIGHTS[item.kind], "source": item.source, **item.fields}
    out = []
    for key in sorted(data, key=lambda k: _ORDER.index(k) if k in _ORDER else len(_ORDER)):
        prefix = "  - " if not out else "    "
        out.append(f"{prefix}{key}: {_value(data[key])}")
    return out


def slug(text: str) -> str:
    """A model name from a title: lower case words joined by underscores."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:60] or "drafted_role"
