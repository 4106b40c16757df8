"""The pipeline's fast paths give what the plain spaCy, regex and rapidfuzz calls they stand for give."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest
import spacy
from rapidfuzz import fuzz, process

from resumematch.analyze.components.fuzzy import FuzzyMatcher
from resumematch.analyze.rules.extensions import expand_span, span_chars
from resumematch.analyze.rules.levels import level_matches, level_patterns
from resumematch.analyze.rules.ngrams import QueryFilter, ngram_queries

TEXTS = [
    "Jane Doe  PMP, MBA\n\nSKILLS:  C++ , C# ;  project-management\tAgile\n",
    "B.Sc. in Computer Science (2010 – 2014)\n  MS Office\nİstanbul, M.A. x",
    "   leading spaces, trailing  \n\n\n+ c + + #\nend",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


@pytest.mark.parametrize("text", TEXTS)
def test_extensions_expand_span_is_char_span_expand(nlp, text):
    doc = nlp(text)
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            span = doc.char_span(start, end, alignment_mode="expand")
            assert expand_span(doc, start, end) == (None if span is None else (span.start, span.end))


@pytest.mark.parametrize("text", TEXTS)
def test_extensions_span_chars_are_the_span_offsets(nlp, text):
    doc = nlp(text)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            span = doc[start:end]
            assert span_chars(doc, start, end) == (span.start_char, span.end_char)


@pytest.mark.parametrize("text", TEXTS + [
    "EDUCATION\nM.S. Computer Science; MS Office; Scrum Master; BA (Hons) Economics; B-TECH; Bsc; MSC\n"
    "Ph.D in Physics, D.Sc. 2001, Doctor of Philosophy, PG Diploma, Postgraduate Certificate, A.A.S. 2004\n"
    "Licence en informatique; Licenciatura; undergraduate degree; Associate's degree; A.S. Nursing\n"
    "_MBA x-MBA xMBA .MS MBA. Master's in IT; Bachelors of Arts; BEd, M.Ed, MEd, BCA, MCA, MPM, BSIT\n",
    # the catalogue's degrees (eighteenth session)
    "BSN, ADN; B.S.N. 2012; J.D., Ed.D, HND Business; MSW MSN xBSN; Juris Doctor; Executive MBA; LL.M\n",
])
def test_degrees_level_matches_are_finditer(text):
    expected = [[m.span() for m in way.pattern.finditer(text)] for way in level_patterns()]
    assert [[m.span() for m in matches] for matches in level_matches(text)] == expected


def _word_by_word(text, blocks, lengths, min_length, max_n):
    """The fuzzy component's first n-gram loop: every n-gram, grouped by first letter in order of
    first appearance, then only the groups and lengths ``lengths`` allows."""
    owner = [0] * (len(text) + 1)
    for n, (start, end, _) in enumerate(blocks, start=1):
        owner[start:end] = [n] * (end - start)
    groups: dict[str, list] = {}
    offset = 0
    for line in "".join(c.lower()[0] for c in text).split("\n"):  # one character per character
        words = [(m.group(), offset + m.start(), offset + m.end()) for m in re.finditer(r"[^\W_]+[+#]?|[+#]", line)]
        offset += len(line) + 1
        for i in range(len(words)):
            if owner[words[i][1]] and owner[words[i][1] - 1] == owner[words[i][1]]:
                continue
            parts, free, inside, ids = [], False, set(), None
            for word, start, end in words[i:i + max_n]:
                parts.append(word)
                if not owner[start]:
                    free = True
                else:
                    if owner[start] - 1 not in inside:
                        inside.add(owner[start] - 1)
                        ids = {blocks[k][2] for k in inside}
                    if blocks[owner[start] - 1][1] > end:
                        continue
                key = " ".join(parts).replace(" +", "+")
                if free and len(key) >= min_length:
                    groups.setdefault(key[0], []).append((key, words[i][1], end, ids))
    return [(letter, [q for q in queries if len(q[0]) in lengths[letter]])
            for letter, queries in groups.items() if letter in lengths]


@pytest.mark.parametrize("text, blocks", [
    (TEXTS[0], [(10, 13, "pmp"), (40, 42, "cs"), (51, 69, "pm"), (51, 69, "agile")]),
    (TEXTS[1], [(0, 5, None), (50, 59, "ms")]),
    (TEXTS[2], []),
    ("Prince 2 Practioner and prince2 fondation\nstakehlder managment, risk managment plan\n"
     "project  managment profesional (PMP)\nİİ project managment", [(0, 8, "prince"), (66, 70, "risk")]),
])
def test_ngrams_queries_are_the_word_by_word_ones(text, blocks):
    lengths = {"p": frozenset(range(6, 40)), "s": frozenset({6, 10, 17, 18, 19}), "c": frozenset({6, 7}),
               "r": frozenset(range(6, 20)), "a": frozenset({9}), "m": frozenset(range(6, 12))}
    ngrams = ngram_queries(text, blocks, QueryFilter(lengths), 6, 5)
    got = []
    for letter, (first, stop) in ngrams.groups.items():
        got.append((letter, [(ngrams.keys[k], ngrams.starts[k], ngrams.ends[k], ngrams.swallowed(k))
                             for k in range(first, stop)]))
    assert got == [(letter, queries) for letter, queries in _word_by_word(text, blocks, lengths, 6, 5) if queries]


@pytest.mark.parametrize("seed", [1, 2])
def test_fuzzy_query_lengths_keep_every_query_that_can_pass(seed):
    matcher = FuzzyMatcher(None)
    phrases = ["project management", "stakeholder management", "prince2 practitioner", "scrum master",
               "information technology infrastructure library", "risk management", "pmi agile certified"]
    matcher.initialize(entries=[{"category": "skill", "id": p, "name": p, "phrase": p, "threshold": t}
                       for p, t in zip(phrases, [88, 86, 90, 88, 87, 95, 88])])
    rng = random.Random(seed)
    for _ in range(3000):
        chars = list(rng.choice(matcher.choices))
        for _ in range(rng.randint(0, 6)):
            k = rng.randrange(1, len(chars))
            edit = rng.random()
            if edit < 0.4:
                chars.insert(k, rng.choice("abcdeilmnoprst "))
            elif edit < 0.8 and len(chars) > 2:
                del chars[k]
            else:
                chars[k] = rng.choice("abcdeilmnoprst ")
        query = "".join(chars)
        indices, choices = matcher._by_initial[query[0]]
        scores = process.cdist([query], choices, scorer=fuzz.ratio, processor=None,
                               score_cutoff=matcher._cutoff, dtype=np.uint8)[0]
        if not scores.max():
            continue
        best = int(scores.argmax())
        entry, choice = matcher.entries[indices[best]], choices[best]
        if scores[best] >= entry["threshold"] and abs(len(query) - len(choice)) <= max(2, 0.2 * len(choice)):
            assert len(query) in matcher._query_lengths(indices)
