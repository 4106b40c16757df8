"""Requirements a posting offers as alternatives: "A) a degree in accounting ... OR; B) at least 4
years of experience in accounting", or a list of "one of the following" items joined by "OR".

Any one of the alternatives qualifies, so none of them is required on its own. Paths that are
one credential each become one requirement any of them meets; a degree offered against
experience stays required, met by either (its ``satisfied_by``: the model's own
form of "a degree or N years of work"); every other required item among alternatives becomes
preferred, with a note saying why. Plain functions over the drafted items and the posting's
sentences (``posting.sentences``).
"""

from __future__ import annotations

import re
from itertools import groupby

from ..types import Category, Kind
from .finders import EQUIVALENT_YEARS, YEARS_NAMED, Item
from .posting import Sentence

#: A line that says "or" and nothing else: it joins the options above and below it ("OR;", "(or)").
_OR = re.compile(r"^\W*or\W*$", re.I)
#: "OR" in capitals opening a sentence: it offers that sentence as another path ("OR, Education: ...").
_OR_OPENS = re.compile(r"^(?-i:OR)\b[\s,;:]+\S")
#: A line that marks a path, alone or opening its sentence: "A)", "B.", "(1)", "2)".
_MARK = re.compile(r"^\(?(?:[A-Ea-e]|[1-9])[.)]\s*(?:$|\S)")
#: The years an experience requirement's label asks for ("4+ years of accounting").
_YEARS = re.compile(r"^(\d+)\+ years")


def options(parts: list[Sentence]) -> list[list[list[int]]]:
    """The posting's groups of alternatives (each option a list of indexes into ``parts``), within a
    run of sentences under one heading that holds a line of "or" alone. When the run marks its
    paths ("A)", "B)", "(1)"), each option runs from its mark to the line of "or" or the run's end;
    otherwise each is the one sentence beside a line of "or" ("Bachelor's degree in accounting.",
    "OR", "Four years of accounting experience.": what follows those is no part of them)."""
    groups = []
    for _, run in groupby(range(len(parts)), key=lambda k: parts[k].heading):
        run = list(run)
        ors = [n for n, k in enumerate(run) if _OR.match(parts[k].text)]
        opens = [n for n, k in enumerate(run) if _OR_OPENS.match(parts[k].text) and n > 0]
        if opens and not ors:  # "OR, Education: Ph.D. ...": the sentence is the path after the one above
            groups.append([[run[opens[0] - 1]], *([run[n]] for n in opens)])
            continue
        if not ors:
            continue
        if any(_MARK.match(parts[k].text) for k in run):
            found, current = [], []
            for k in run:
                if _OR.match(parts[k].text):
                    found.append(current)
                    current = []
                else:
                    current.append(k)
            found.append(current)
        else:  # the sentence before the first line of "or", and the one after each
            found = [[run[ors[0] - 1]] if ors[0] > 0 else []]
            found += [[run[n + 1]] if n + 1 < len(run) and not _OR.match(parts[run[n + 1]].text) else []
                      for n in ors]
        groups.append([option for option in found if option])
    return [g for g in groups if len(g) > 1]


def settle(items: list[Item], parts: list[Sentence]) -> None:
    """Mark the required items the posting offers as alternatives (see the module): a degree
    offered against experience is met by either; the others become preferred."""
    at = {parts[k].text: k for k in range(len(parts))}
    for group in options(parts):
        # each item's sentence, read again for each group: a merge below replaces items
        where = {id(i): at.get(i.source) for i in items if not i.left_out}
        option_of = {k: n for n, option in enumerate(group) for k in option}
        if _one_credential_each(group, option_of, items, where):
            continue
        chosen = [(i, option_of[where[id(i)]]) for i in items
                  if where.get(id(i)) in option_of and i.kind == Kind.REQUIRED]
        for item, n in chosen:
            if item.category == Category.DEGREE and (item.fields.get("satisfied_by") or _experience_instead(
                    item, [k for m, option in enumerate(group) if m != n for k in option], parts, items, where)):
                continue  # required, and met by either path
            item.kind = Kind.PREFERRED
            note = ("The posting offers this as one of alternatives joined by \"OR\", any one of which "
                    "qualifies: preferred, not required on its own.")
            item.note = f"{item.note} {note}".strip()


def _experience_instead(degree: Item, others: list[int], parts: list[Sentence], items: list[Item],
                        where: dict[int, int | None]) -> bool:
    """Set the degree's ``satisfied_by`` when another path offers experience instead: the years an
    experience requirement drafted there asks ("4+ years of accounting"), else the years a sentence
    there names with experience ("or equivalent experience": the degree's usual length plus two,
    as for the same words after the degree). False when no other path speaks of experience, or
    when another path asks a degree too."""
    if any(i.category == Category.DEGREE for i in items if where.get(id(i)) in others):
        return False  # "a bachelor's and 2 years, OR a master's": the other path asks a degree too
    years = next((float(m.group(1)) for i in items if where.get(id(i)) in others
                  and i.category == Category.EXPERIENCE and (m := _YEARS.match(i.label))), None)
    source = next((i.source for i in items if where.get(id(i)) in others and i.category == Category.EXPERIENCE), None)
    if years is None:
        said = next((parts[k].text for k in others if re.search(r"\bexperience\b", parts[k].text, re.I)), None)
        if said is None:
            return False
        number = YEARS_NAMED.search(said)
        levels = degree.fields["degree"]["levels"]
        years, source = float(number.group(1)) if number else float(EQUIVALENT_YEARS[levels[0]]), said
    degree.fields["satisfied_by"] = {"experience_years": years,
                                     "note": f"The posting offers experience instead: {source!r}"}
    return True


def _one_credential_each(group: list[list[int]], option_of: dict[int, int], items: list[Item],
                         where: dict[int, int | None]) -> bool:
    """When each path of ``group`` is one credential and nothing else ("Certified Public Accountant
    (CPA) license", "OR", "Certified Internal Auditor (CIA) certification"), make them one
    requirement any of them meets, of the strongest kind they are asked with (as "a CPA or a CIA"
    in one sentence is): the posting asks for one of them. True when it did."""
    taken = [i for i in items if not i.left_out and where.get(id(i)) in option_of]
    if len(taken) != len(group) or len({option_of[where[id(i)]] for i in taken}) != len(group) or any(
            i.category != Category.CERTIFICATION for i in taken):
        return False
    ids = [c for i in taken for c in (i.fields["catalog"] if isinstance(i.fields["catalog"], list)
                                      else [i.fields["catalog"]])]
    kind = next(k for k in (Kind.REQUIRED, Kind.PREFERRED, Kind.BONUS) if k in {i.kind for i in taken})
    merged = Item("cert." + "_or_".join(c.split(".", 1)[1] for c in ids), Category.CERTIFICATION,
                  " or ".join(i.label for i in taken), kind, taken[0].source, {"catalog": ids})
    items[items.index(taken[0])] = merged
    for item in taken[1:]:
        items.remove(item)
    return True
