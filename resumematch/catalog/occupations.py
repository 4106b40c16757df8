"""Occupations as a fixed background: what a job reads as, and how specific a word is.

Every O*NET occupation (``occupation_text.tsv``: title and description) together with its task
statements (``occupation_tasks.tsv``) and the technologies O*NET lists for it (``technology.tsv``)
is one background document. From these 1,016 documents come:

- **specificity**: a word found in the documents of few occupations ("accounting", "python",
  "curriculum") is specific; one found in most ("data", "system", "project", "Microsoft") is
  generic. It is the word's inverse document frequency over the occupations, scaled to 0-1.
- **reading**: a job's title and duties (or a whole resume) scored against every occupation with
  BM25 (bm25s); the closest occupations are what the text reads as, and a role's fit is how close
  the role's own occupations come to the closest of all.
- **the occupation a job title names**: the title against every occupation's O*NET title and the
  52,000 titles people hold in them (``occupation_alternate_titles.tsv``: "Help Desk Technician" is
  a Computer User Support Specialist, "Staff Accountant" an Accountant).

The background is shipped and never learned from the resumes being ranked, so a resume's score
never depends on who else is in the folder. Words are compared by their Snowball stems
("accountant" and "accounting" are one word), after a few acronyms are spelled out ("IT" is
information technology).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property

import numpy as np

from .apart import built_apart
from .held_titles import TITLE_FILLERS, HeldTitles, Named, installed_held_titles
from .kept import kept
from .onet import OccupationText, read_occupations
from .stems import surfaces, title_words, whole_words, words
from .technology import (
    OCCUPATION_TASK_COLUMNS,
    RELATED_OCCUPATION_COLUMNS,
    TECHNOLOGY_COLUMNS,
    tsv_rows,
)

#: Title words weigh this much more than description or duty words: a title says what a job is.
TITLE_WEIGHT = 3.0


@dataclass(frozen=True)
class Reading:
    """How a text reads against a set of occupations.

    ``fit`` is the BM25 score of the closest of those occupations divided by that of the closest
    occupation of all (1.0: nothing reads closer than one of them). ``lead`` measures both from
    the typical occupation (the median score of all): how much of the closest occupation's lead
    over the typical one the closest of the set has (1.0: nothing reads closer; 0: it reads no
    closer than a typical trade). Words every trade's text shares raise all the scores alike, more
    so the longer the text; ``lead`` leaves them out where ``fit`` does not. ``best`` is the
    closest of all, ``closest`` the closest of the set, ``terms`` the words that tie the text to
    ``closest``, most telling first (as written in the text)."""

    fit: float
    best: OccupationText | None
    closest: OccupationText | None
    terms: tuple[str, ...]
    lead: float = 0.0


#: A tool O*NET lists for more occupations than this (Microsoft Excel, email software) says nothing
#: of which occupation a text belongs to, so it stays out of the occupations' documents.
COMMON_TOOL_OCCUPATIONS = 50


class Background:
    """The occupations indexed for BM25 (bm25s), and each word's specificity."""

    def __init__(self, occupations: list[OccupationText], technologies: dict[str, list[str]],
                 tasks: dict[str, list[str]] | None = None, titles: Callable[[], dict[str, list[str]]] | None = None,
                 related: dict[str, list[str]] | None = None) -> None:
        """``titles`` reads the titles people hold in each occupation: called again when they are
        needed again, rather than kept, as the background lives as long as its process."""
        import bm25s

        tasks = tasks or {}
        self._read_titles = titles or dict
        self.related = related or {}
        self.occupations = occupations
        self.by_code = {occ.code: i for i, occ in enumerate(occupations)}
        listed = Counter(name for names in technologies.values() for name in names)
        tool_words = {name: words(name) for name in listed}  # once per tool, though listed many times
        docs, df = [], {}
        held_by = self._read_titles()
        for occ in occupations:
            tokens = words(occ.title) * round(TITLE_WEIGHT) + words(occ.description)
            tools = [w for name in technologies.get(occ.code, ()) for w in tool_words[name]]
            for w in set(tokens + tools):
                df[w] = df.get(w, 0) + 1
            # The titles people hold in it ("Staff Accountant", "Java Developer", each word as often as
            # the titles use it) help a job's title find its occupation, and the task statements its
            # duties; a word's specificity stays that of the O*NET title, description and tools (the
            # generic-word rule is set on it).
            held = [w for name in held_by.get(occ.code, ()) for w in words(name)]
            docs.append(tokens + held + [w for task in tasks.get(occ.code, ()) for w in words(task)]
                        + [w for name in technologies.get(occ.code, ())
                           if listed[name] <= COMMON_TOOL_OCCUPATIONS for w in tool_words[name]])
        self.n = len(docs)
        #: Specificity counts the tools too: "software" and "Microsoft" name a tool of nearly every trade.
        self.idf = {w: math.log(self.n / d) for w, d in df.items()}
        self._bm25 = bm25s.BM25(k1=1.2, b=0.75)
        self._bm25.index(docs, show_progress=False)
        self._vocab = self._bm25.vocab_dict
        # The index again, by occupation: each one's words (ids, in order) and their scores.
        index = self._bm25.scores
        words_of = np.repeat(np.arange(len(index["indptr"]) - 1), np.diff(index["indptr"]))
        order = np.lexsort((words_of, index["indices"]))
        self._own_words, self._own_scores = words_of[order].astype(np.int32), index["data"][order]
        self._own_start = np.searchsorted(index["indices"][order], np.arange(self.n + 1))
        self._held = HeldTitles(self._held_titles())

    @cached_property
    def _titles(self) -> tuple:
        """The held titles indexed for BM25, with each title's row per occupation holding it: built
        the first time a title holds none whole or several occupations hold it (0.7 s, the titles read
        again from their file), apart like the background (see ``background``)."""
        index, rows, codes = built_apart(self._title_index)
        _own_dtypes(index.scores)
        return index, rows.astype(rows.dtype.type), codes.astype(codes.dtype.type)

    def _title_index(self) -> tuple:
        import bm25s

        # One document per title a job may carry (the O*NET title and those people hold), each
        # pointing at its occupation: "Help Desk Technician" is found as itself, not as the words of
        # "Computer User Support Specialists".
        held: dict[tuple[str, ...], set[int]] = {}
        for i, name in self._held_titles():
            if key := tuple(title_words(name)):
                held.setdefault(key, set()).add(i)
        docs = [(key, sorted(rows)) for key, rows in held.items()]
        index = bm25s.BM25(k1=1.2, b=0.75)
        index.index([list(key) for key, _ in docs], show_progress=False)
        rows = np.repeat(np.arange(len(docs)), [len(r) for _, r in docs])
        return index, rows, np.asarray([row for _, rows in docs for row in rows])

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        for arrays in (self.__dict__, self._bm25.scores):
            _own_dtypes(arrays)

    def weight(self, stem: str) -> float:
        """The inverse document frequency of ``stem`` over the occupations' titles and descriptions;
        a word none of them uses counts as the rarest."""
        return self.idf.get(stem, math.log(self.n))

    def specificity(self, phrase: str) -> float:
        """How specific ``phrase`` is, 0 (every occupation's title, description or tools use it) to 1
        (at most 1% of them do): the weight of its most specific word, relative to that of a word
        found in 1% of occupations."""
        stems = words(phrase)
        if not stems:
            return 0.0
        return min(1.0, max(self.weight(s) for s in stems) / math.log(100))

    def scores(self, text: str) -> tuple[list[str], np.ndarray]:
        """The words of ``text`` the index knows, each once per line, and the BM25 score of every
        occupation for them. A word repeated on one line ("PMP, PMP, PMP") counts once; the same word
        in ten different duties, ten times, as the trade it tells of runs through the resume."""
        query = [w for line in text.split("\n") for w in dict.fromkeys(words(line)) if w in self._vocab]
        if not query:
            return query, np.zeros(self.n)
        return query, np.asarray(self._bm25.get_scores(query), dtype=float)

    def closest_title(self, title: str) -> OccupationText | None:
        """The occupation a job title names: the BM25 score of the closest title held in each
        occupation (its O*NET title or one people hold), relative to the best, plus half its score
        against the occupations' whole documents, relative to the best (which settles a title held
        in several occupations, such as "Program Manager"); one of those holding the title it holds
        whole, if any (``named``: "Nurse (Outpatient)" is a nurse, not an outpatient psychiatrist)."""
        named = self.named(title)
        if named is not None and len(named.occupations) == 1:
            return named.occupations[0]
        index, title_rows, title_codes = self._titles
        query = [w for w in title_words(title) if w in index.vocab_dict]
        by_title = np.zeros(self.n)
        if query:
            per_title = np.asarray(index.get_scores(query), dtype=float)
            np.maximum.at(by_title, title_codes, per_title[title_rows])
        _, by_text = self.scores(title)
        total = sum(w * s / s.max() for w, s in ((1.0, by_title), (0.5, by_text)) if s.max() > 0)
        if not isinstance(total, np.ndarray):
            return None
        if named is not None:  # the title holds one whole: the closest of those holding it
            return max(named.occupations, key=lambda o: total[self.by_code[o.code]])
        return self.occupations[int(np.argmax(total))]

    def named(self, title: str) -> Named | None:
        """The occupations a job title names: those holding the longest title (O*NET's own or one
        people hold) whose every word the job title has ("Senior IT Project Manager, Acme" names
        "IT Project Manager"), all of them when several hold it ("Systems Analyst": computer systems
        analysts, software developers, operations research analysts...; ``Named.names`` says whether
        that is a role's work). None when the job title holds no title whole (a company's name)."""
        found = self._held.find(title)
        if found is None:
            return None
        return Named(found[0], tuple(self.occupations[i] for i in found[1]))

    def holds_whole(self, text: str, min_words: int = 1) -> bool:
        """Whether every word of ``text`` but a rank ("II") is one title people hold, of ``min_words``
        words or more: "Diesel Mechanic", "Senior Accountant"; not "Baker Tilly US, LLP" (a company
        holding "Baker") nor O*NET's two-title entries ("Dean / Porter")."""
        named = self.named(text)
        if named is None or re.search(r"[/,]", named.held) or len(named.held.split()) < min_words:
            return False
        held = set(whole_words(named.held))  # singular: "Registered Nurse" is whole in "Registered Nurses"
        return all(w in held or w in TITLE_FILLERS for w in whole_words(text))

    def _held_titles(self) -> Iterator[tuple[int, str]]:
        """Each title held in an occupation, O*NET's own and those people hold, with the occupation's
        row."""
        titles = self._read_titles()
        for i, occ in enumerate(self.occupations):
            for name in (occ.title, *titles.get(occ.code, ())):
                yield i, name

    def opens_title(self, word: str) -> bool:
        """Whether some title people hold opens with ``word`` ("Licensed Practical Nurse": "licensed")."""
        return word.lower() in self._held.openers

    def reading(self, text: str, codes: tuple[str, ...], n_terms: int = 5) -> Reading:
        """How ``text`` reads against the occupations ``codes`` (see ``Reading``)."""
        query, sims = self.scores(text)
        rows = [self.by_code[c] for c in codes if c in self.by_code]
        if not rows or not query or sims.max() <= 0:
            return Reading(0.0, None, None, ())
        best = int(np.argmax(sims))
        near = max(rows, key=lambda i: (sims[i], -i))
        # The words shared with that occupation, those that add most to its score first: a word's own
        # BM25 score for the occupation times the lines it is on.
        counts: dict[str, int] = {}
        for w in query:
            counts[w] = counts.get(w, 0) + 1
        gain = {w: n * s for (w, n), s in zip(counts.items(), self._word_scores(list(counts), near))}
        shown = surfaces(text)
        ranked = (shown.get(w, w) for w, g in sorted(gain.items(), key=lambda kv: (-kv[1], kv[0])) if g > 0)
        terms = tuple(dict.fromkeys(ranked))[:n_terms]
        typical = float(np.median(sims))
        lead = (sims[near] - typical) / (sims[best] - typical) if sims[best] > typical else 1.0
        return Reading(round(float(sims[near] / sims[best]), 3), self.occupations[best], self.occupations[near], terms,
                       round(float(max(0.0, lead)), 3))

    def _word_scores(self, words: list[str], row: int) -> list[float]:
        """The BM25 score of the occupation at ``row`` for each of ``words`` alone (0 for a word its
        document lacks)."""
        ids = np.asarray([self._vocab[w] for w in words], dtype=np.int32)
        own = self._own_words[self._own_start[row]:self._own_start[row + 1]]
        if not len(own):
            return [0.0] * len(words)
        at = np.minimum(np.searchsorted(own, ids), len(own) - 1)
        found = own[at] == ids
        return [float(s) if f else 0.0 for s, f in zip(self._own_scores[self._own_start[row] + at], found)]

    def get(self, code: str) -> OccupationText | None:
        """The occupation of an O*NET-SOC code, or None."""
        i = self.by_code.get(code)
        return None if i is None else self.occupations[i]


def _own_dtypes(arrays: dict) -> None:
    """The numpy arrays among ``arrays`` copied with numpy's own dtypes: unpickled ones carry copies
    of them, on which ``add.at`` (bm25s' scoring) takes a path 1.6 times slower."""
    arrays.update({k: v.astype(v.dtype.type) for k, v in arrays.items() if isinstance(v, np.ndarray)})


@cache
def background() -> Background:
    """The bundled background, once per process: the copy an earlier process kept (``kept``), else
    built in a child process where it can be, so that this one keeps only the background and not
    the heap its building left (``apart``)."""
    return kept("background", _build_background, Background)


def _build_background() -> Background:
    from . import catalog_dir

    folder = catalog_dir()
    technologies: dict[str, list[str]] = {}
    # The rows as they are: validating all 8,745 technologies into the catalogue takes seconds.
    for name, *_, codes in tsv_rows(folder / "technology.tsv", TECHNOLOGY_COLUMNS):
        for code in codes.split(";"):
            technologies.setdefault(code, []).append(name)
    tasks: dict[str, list[str]] = {}
    for code, task in tsv_rows(folder / "occupation_tasks.tsv", OCCUPATION_TASK_COLUMNS):
        tasks.setdefault(code, []).append(task)
    related: dict[str, list[str]] = {}
    for code, other in tsv_rows(folder / "occupation_related.tsv", RELATED_OCCUPATION_COLUMNS):
        related.setdefault(code, []).append(other)
    return Background(read_occupations(folder / "occupation_text.tsv"), technologies, tasks,
                      installed_held_titles, related)
