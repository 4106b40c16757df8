"""Requirements a posting offers as alternatives: "A) a degree in accounting ... OR; B) at least 4
years of experience in accounting", or a list of "one of the following" items joined by "OR".

Any one of the alternatives qualifies, so none of them is required on its own. A degree offered
against years of experience stays required, met by either (its ``satisfied_by``: the model's own
form of "a degree or N years of work"); every other required item among alternatives becomes
preferred, with a note saying why. Plain functions over the drafted items and the posting's
sentences (``posting.sentences``).
"""

from __future__ import annotations

import re
from itertools import groupby

from ..types import Category, Kind
from .finders import Item
from .posting import Sentence

#: A line that says "or" and nothing else: it joins the options above and below it ("OR;", "(or)").
_OR = re.compile(r"^\W*or\W*$", re.I)
#: The years an experience requirement's label asks for ("4+ years of accounting").
_YEARS = re.compile(r"^(\d+)\+ years")


def options(parts: list[Sentence]) -> list[list[list[int]]]:
    """The posting's groups of alternatives: within a run of sentences under one heading that holds
    a line of "or" alone, the runs of sentences that such lines part (each a list of indexes into
    ``parts``). A run without one is no group."""
    groups = []
    for _, run in groupby(range(len(parts)), key=lambda k: parts[k].heading):
        run = list(run)
        if not any(_OR.match(parts[k].text) for k in run):
            continue
        found, current = [], []
        for k in run:
            if _OR.match(parts[k].text):
                found.append(current)
                current = []
            else:
                current.append(k)
        found.append(current)
        groups.append([option for option in found if option])
    return [g for g in groups if len(g) > 1]


def settle(items: list[Item], parts: list[Sentence]) -> None:
    """Mark the required items the posting offers as alternatives (see the module): a degree
    offered against years of experience is met by either; the others become preferred."""
    at = {parts[k].text: k for k in range(len(parts))}
    where = {id(i): at.get(i.source) for i in items if not i.left_out}
    for group in options(parts):
        option_of = {k: n for n, option in enumerate(group) for k in option}
        chosen = [(i, option_of[where[id(i)]]) for i in items
                  if where.get(id(i)) in option_of and i.kind == Kind.REQUIRED]
        years = [(i, n) for i, n in chosen if i.category == Category.EXPERIENCE and _YEARS.match(i.label)]
        for item, n in chosen:
            other_years = [(y, m) for y, m in years if m != n]
            if item.category == Category.DEGREE and other_years and "satisfied_by" not in item.fields:
                alt, _ = other_years[0]
                item.fields["satisfied_by"] = {"experience_years": float(_YEARS.match(alt.label).group(1)),
                                               "note": f"The posting offers these years instead: {alt.source!r}"}
                continue
            if item.category == Category.DEGREE and other_years:
                continue
            item.kind = Kind.PREFERRED
            note = ("The posting offers this as one of alternatives joined by \"OR\", any one of which "
                    "qualifies: preferred, not required on its own.")
            item.note = f"{item.note} {note}".strip()
