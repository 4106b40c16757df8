"""How a resume's words meet the role's own text: the text fit.

The fit (``relevance``) reads a resume against O*NET's occupations: what trade it tells of. A
posting also says, in its own words, what this employer's job is ("month-end close", "accruals",
"intercompany"), and a resume of that job tends to use them. The **text fit** is the cosine between
the resume and the role's text (the model's title, description and each requirement's label and
source: ``role_text``), each word weighted by its specificity over the O*NET
occupations, by how rare it is in general English (fixed tables shipped with the packages, never
the folder being ranked) and by how often it comes, once per line. The resume side is the text the
fit reads (the sections that tell a trade, without the name, the contact lines, employers or
towns), so no name, pronoun or address moves it (docs/fairness.md).

The cosine is read as a share of ``FULL_COSINE``, the overlap a resume of the role's own trade
reaches (docs/scoring.md): 1.0 from there on. A resume that copies the posting gains nothing past
it, and a resume in other words loses what it does not share.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from wordfreq import zipf_frequency

from ..catalog.occupations import background
from ..catalog.stems import TOKEN, surfaces, words
from ..model import RequirementModel

#: The cosine at which the text fit is full. On the synthetic pools of docs/accuracy.md, resumes of
#: the posting's own field averaged 0.11 to 0.37 with their posting's model, and those of other
#: fields 0.05 to 0.13.
FULL_COSINE = 0.3
#: From this Zipf frequency in general English (wordfreq) a word counts for nothing.
COMMON_ZIPF = 6.0


@dataclass(frozen=True)
class TextFit:
    """``value`` (0-1): the cosine as a share of ``FULL_COSINE``; ``terms``: the shared words that
    add most to it, as the resume writes them."""

    value: float
    cosine: float
    terms: tuple[str, ...]


def role_text(model: RequirementModel) -> str:
    """The role's own words: the model's title and description, and each requirement's label, the
    posting's sentence it came from (``source``) and a degree's fields; not the aliases, which are
    the words a resume may use, often from a catalogue ("MS Excel", "Excel 365")."""
    lines = [model.title, model.description]
    for requirement in model.requirements:
        degree = requirement.degree
        lines += [requirement.label, requirement.source, *(degree.fields if degree is not None else ())]
    return "\n".join(line for line in lines if line)


class RoleText:
    """The role's text as weighted words, read against resumes one at a time."""

    def __init__(self, text: str) -> None:
        self.vector = _vector(text)

    def read(self, text: str, n_terms: int = 5) -> TextFit:
        """The text fit of ``text`` (a resume's trade text) to the role."""
        if not self.vector:
            return TextFit(0.0, 0.0, ())
        resume = _vector(text)
        shared = {w: x * self.vector[w] for w, x in resume.items() if w in self.vector}
        cosine = math.fsum(shared.values())
        shown = surfaces(text)
        ranked = sorted(shared.items(), key=lambda kv: (-round(kv[1], 12), kv[0]))
        terms = tuple(dict.fromkeys(shown.get(w, w) for w, _ in ranked))[:n_terms]
        return TextFit(round(min(1.0, cosine / FULL_COSINE), 3), round(cosine, 4), terms)


def _vector(text: str) -> dict[str, float]:
    """Each word (stem) of ``text``, once per line, weighted (1 + log of its lines) × its
    specificity over the occupations × how rare it is in general English (``_plain``), scaled to
    length 1."""
    b = background()
    lines: Counter[str] = Counter()
    plain: dict[str, float] = {}
    for line in text.split("\n"):
        seen: dict[str, None] = {}  # in the text's order: a set's would vary with each process's hash seed
        for token in TOKEN.findall(line):
            for stem in words(token):
                seen[stem] = None
                plain[stem] = max(plain.get(stem, 0.0), _plain(token.lower()))
        lines.update(list(seen))
    weighted = {w: (1 + math.log(n)) * b.weight(w) * plain[w] for w, n in lines.items()}
    weighted = {w: x for w, x in weighted.items() if x > 0}
    norm = math.sqrt(math.fsum(x * x for x in weighted.values()))
    return {w: x / norm for w, x in weighted.items()} if norm else {}


@lru_cache(maxsize=65536)
def _plain(word: str) -> float:
    """1 for a word no more common in general English than Zipf 4 ("accruals", "payroll"), falling
    to 0 at Zipf 6 ("every", "work", wordfreq's scale): O*NET's descriptions rarely use everyday
    words, so their specificity there alone would make "every" or "end" tie a resume to a posting.
    wordfreq's small list holds every word from Zipf 3 (20 MB to load, its large one 54 MB): a word
    it lacks is rarer than that, and keeps its whole weight."""
    return min(1.0, max(0.0, (COMMON_ZIPF - zipf_frequency(word, "en", wordlist="small")) / 2))
