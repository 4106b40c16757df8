"""The word n-grams that the fuzzy component scores, found with array operations.

Every run of one to five words on a line is a candidate. Checking them one by one in
Python was the most expensive step of the pipeline; here the conditions are computed for
all n-grams of one size at once, and a string is made only for an n-gram worth scoring.
"""

from __future__ import annotations

import re
from itertools import accumulate

import numpy as np

#: Words, in a group so that ``re.split`` keeps them: separator, word, separator, ..., separator.
WORDS = re.compile(r"([^\W_]+[+#]?|[+#])")


class NGrams:
    """The n-grams worth scoring: their keys and where each starts and ends in the text, with
    ``groups`` mapping each first letter to its slice of them."""

    def __init__(self, keys: list[str], starts: list[int], ends: list[int], groups: dict[str, tuple[int, int]],
                 words: tuple[list[int], list[int]], holders: list[int],
                 blocks: list[tuple[int, int, str | None]]) -> None:
        self.keys, self.starts, self.ends, self.groups = keys, starts, ends, groups
        self._words, self._holders, self._blocks = words, holders, blocks

    def swallowed(self, k: int) -> set | None:
        """The requirement ids of the blocks n-gram ``k`` covers words of (None when none): asked
        only of the few n-grams that score well enough."""
        first, last = self._words[0][k], self._words[1][k]
        held = [h for h in self._holders[first:last + 1] if h]
        return {self._blocks[h - 1][2] for h in held} if held else None


class QueryFilter:
    """Which first letters and key lengths can lead to a finding (built once per model).

    First letters are ASCII, as normalised choice keys are.
    """

    def __init__(self, lengths: dict[str, frozenset[int]]) -> None:
        self.initials = list(lengths)
        self.code = {initial: k for k, initial in enumerate(self.initials)}
        # The last column stays False: it stands for every length beyond the longest allowed.
        self.cap = max((max(sizes) for sizes in lengths.values() if sizes), default=0) + 1
        self.table = np.zeros((len(self.initials), self.cap + 1), dtype=bool)
        for k, sizes in enumerate(lengths.values()):
            self.table[k, sorted(sizes)] = True
        self.ascii_code = np.full(128, -1, dtype=np.intp)  # code of each ASCII first letter, -1 for none
        for initial, k in self.code.items():
            if ord(initial) < 128:
                self.ascii_code[ord(initial)] = k


def lower_same_length(text: str) -> str:
    """``text.lower()`` with every character still one character: "İ" (U+0130) lowers to "i"
    plus a combining dot, which would shift every offset after it (a Turkish place name in the
    header once hid every fuzzy finding below it)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[0] for c in text)


def ngram_queries(text: str, blocks: list[tuple[int, int, str | None]], accept: QueryFilter,
                  min_length: int, max_n: int) -> NGrams:
    """The n-grams of ``text`` to score, grouped by first letter in the order each letter first
    starts an n-gram, each group in text order (by start, then length).

    A key is the n-gram's lower-case words joined by spaces ("c +" is "c+"). ``blocks`` are
    the (start, end, requirement id) of earlier findings: an n-gram may not start inside one
    nor cut one in two, and it needs a word outside them. It must be ``min_length`` long, and
    ``accept`` must allow its first letter and length.
    """
    low = lower_same_length(text)  # offsets in it are offsets in text
    parts = WORDS.split(low)
    words = parts[1::2]
    if not words:
        return NGrams([], [], [], {}, ([], []), [], blocks)
    count = len(words)
    bounds = np.fromiter(accumulate(map(len, parts)), dtype=np.intp, count=len(parts))
    starts, ends = bounds[0:-1:2], bounds[1::2]
    chars = np.frombuffer(low.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)  # code points
    firsts = chars[starts]
    # Choice keys are ASCII: a word starting with any other letter has no choices.
    codes = np.where(firsts < 128, accept.ascii_code[np.minimum(firsts, 127)], -1)
    line = np.searchsorted(np.flatnonzero(chars == 10), starts)

    owner = np.zeros(len(text) + 1, dtype=np.intp)  # 1 + index of the block covering each character
    block_ends = np.zeros(len(blocks) + 1, dtype=np.intp)
    for n, (start, end, _) in enumerate(blocks, start=1):
        owner[start:end] = n
        block_ends[n] = end
    holder = owner[starts]
    inside = (holder > 0) & (owner[starts - 1] == holder)  # the word continues a block
    cuts = block_ends[holder] > ends  # the word's block goes on after it
    free_before = np.concatenate(([0], np.cumsum(holder == 0)))

    keys = " ".join(words).replace(" +", "+")
    lengths = ends - starts
    gaps = (lengths != 1) | (firsts != ord("+"))
    gaps[0] = False
    key_ends = np.cumsum(lengths + gaps)
    key_starts = key_ends - lengths

    # Row i, column n - 1: the n-gram of n words from word i (row-major order is text order).
    i = np.arange(count)[:, None]
    j_raw = i + np.arange(max_n)
    j = np.minimum(j_raw, count - 1)
    size = key_ends[j] - key_starts[i]
    ok = ((j_raw < count) & (line[j] == line[i]) & (codes[i] >= 0) & ~inside[i] & ~cuts[j]
          & (free_before[j + 1] > free_before[i]) & (size >= min_length))
    i, n = np.nonzero(ok)
    size, code = size[i, n], codes[i]
    # Every such n-gram fixes its letter's place in the order, whether it is scored or not.
    rank = np.zeros(len(accept.initials), dtype=np.intp)
    letters = list(dict.fromkeys(code.tolist()))
    rank[letters] = np.arange(len(letters))
    keep = accept.table[code, np.minimum(size, accept.cap)]
    i, j, code = i[keep], i[keep] + n[keep], code[keep]
    order = np.argsort(rank[code], kind="stable")
    i, j, code = i[order], j[order], code[order]

    queries = [keys[a:b] for a, b in zip(key_starts[i].tolist(), key_ends[j].tolist())]
    cuts_at = [0, *(np.flatnonzero(np.diff(code)) + 1).tolist(), len(queries)]
    groups = {accept.initials[code[a]]: (a, b) for a, b in zip(cuts_at, cuts_at[1:]) if a < b}
    return NGrams(queries, starts[i].tolist(), ends[j].tolist(), groups, (i.tolist(), j.tolist()), holder.tolist(),
                  blocks)
