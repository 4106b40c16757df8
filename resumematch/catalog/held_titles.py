"""The titles people hold in each occupation, indexed to find the one a job title holds whole.

Every worker keeps this index for its whole life, and it has some 43,000 titles, so it is kept
compact: one key string and one number per title in a dict, the titles' names in one string and
the occupations holding each title in two arrays. (As Python sets, tuples and frozensets the same
index took about 35 MB.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations
from pathlib import Path

import numpy as np

from .onet import OccupationText
from .stems import STOPWORDS, TOKEN, title_token, title_words
from .technology import ALTERNATE_TITLE_COLUMNS, tsv_rows

#: A job title's first words looked at (of those any held title uses: a company's or a place's name
#: rarely is one), and the most words of a held title (O*NET's run to eight; titles of more than
#: five words are rarely written whole).
MAX_TITLE_WORDS = 10
MAX_HELD_WORDS = 5
#: Stop words a held title may lose and still be itself ("Manager of Operations", "Senior Buyer").
TITLE_FILLERS = frozenset("a an and or of the for in on at to with senior junior sr jr ii iii iv".split())


@dataclass(frozen=True)
class Named:
    """The title a job title holds whole (``held``) and the occupations that title is held in."""

    held: str
    occupations: tuple[OccupationText, ...]

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(o.code for o in self.occupations)

    def names(self, codes: frozenset[str] | set[str]) -> bool:
        """Whether the title names the work of the occupations ``codes``: one of them holds it, and
        at least half of those holding it are among them or in their major groups ("Systems Analyst"
        for an IT role; "Teacher", held by 23 teaching occupations, for a school teacher's; not
        "Test Engineer" for an IT role: eleven holders, most of them engineers outside IT)."""
        if not self.codes & codes:
            return False
        groups = {c[:2] for c in codes}
        return sum(c in codes or c[:2] in groups for c in self.codes) >= len(self.codes) / 2


class HeldTitles:
    """Each title held in an occupation by the set of its title words, with the occupations (as
    row numbers) that hold a title of those words."""

    def __init__(self, titles: Iterable[tuple[int, str]]) -> None:
        """Index ``titles``, (occupation row, title) pairs. A title is matched by its words only
        when it lost none that mean something ("Job Analyst" is not "Analyst", "City Manager" not
        "Manager"); the first title of a set of words names it."""
        ids: dict[str, int] = {}
        names: list[str] = []
        pairs: list[int] = []  # title id and row, as one number: sorted, they group by title
        kept: dict[str, tuple[tuple[str, ...], bool]] = {}  # each token's words, and whether it may go
        for row, name in titles:
            words: list[str] = []
            whole = True
            for token in TOKEN.findall(name):
                seen = kept.get(token)
                if seen is None:
                    own, low = title_token(token), token.lower()
                    seen = kept[token] = (own, bool(own) or low in TITLE_FILLERS or low not in STOPWORDS)
                words += seen[0]
                whole = whole and seen[1]
            if words and whole:
                i = ids.setdefault(_key(words), len(ids))
                if i == len(names):
                    names.append(name)
                pairs.append(i << 20 | row)
        self._ids = ids
        self.words = frozenset(w for key in ids for w in key.split(" "))
        self._names = "\n".join(names)
        self._starts = np.cumsum([0] + [len(n) + 1 for n in names])
        unique = np.unique(np.asarray(pairs, dtype=np.int64))
        self._rows = (unique & (1 << 20) - 1).astype(np.int32)
        self._first = np.searchsorted(unique >> 20, np.arange(len(names) + 1))

    @cached_property
    def openers(self) -> frozenset[str]:
        """The words, lower-cased, that open a title people hold ("licensed", "certified", "senior")."""
        return frozenset(name.split()[0].lower() for name in self._names.split("\n") if name.strip())

    def find(self, title: str) -> tuple[str, list[int]] | None:
        """The longest title held whole in ``title`` (see ``Background.named``), all of them (joined
        by " / ") when several of that length are, and the rows of the occupations holding them,
        in order; None when it holds none."""
        have = [w for w in dict.fromkeys(title_words(title)) if w in self.words][:MAX_TITLE_WORDS]
        for size in range(min(len(have), MAX_HELD_WORDS), 0, -1):
            found = [i for i in (self._ids.get(_key(c)) for c in combinations(have, size)) if i is not None]
            if found:
                rows = sorted(set().union(*(self._rows[self._first[i]:self._first[i + 1]].tolist() for i in found)))
                return " / ".join(map(self._name, found)), rows
        return None

    def _name(self, i: int) -> str:
        return self._names[self._starts[i]:self._starts[i + 1] - 1]


def read_held_titles(folder: Path) -> dict[str, list[str]]:
    """The titles people hold in each occupation (``occupation_alternate_titles.tsv`` in ``folder``)."""
    titles: dict[str, list[str]] = {}
    for code, title in tsv_rows(folder / "occupation_alternate_titles.tsv", ALTERNATE_TITLE_COLUMNS):
        titles.setdefault(code, []).append(title)
    return titles


def installed_held_titles() -> dict[str, list[str]]:
    """``read_held_titles`` of this install's catalogue, read when they are needed. A kept
    background (``catalog.kept``) may have been built by another install of the same catalogue,
    since moved or removed: it must carry no install's folder, only this function."""
    from . import catalog_dir

    return read_held_titles(catalog_dir())


def _key(words: Iterable[str]) -> str:
    """A title's words as one key, whatever their order and repeats ("Manager, Project" is
    "Project Manager")."""
    return " ".join(sorted(set(words)))
