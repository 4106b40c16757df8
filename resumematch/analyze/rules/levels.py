"""Degree levels: the patterns that name a degree's level ("B.Sc.", "Master of", "MBA"), found
fast, and whether a text names a degree at all."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from ...types import DegreeLevel


def _abbr(*forms: str) -> str:
    return r"(?<![\w.-])(?:" + "|".join(forms) + r")\.?(?![\w-])"


# (level, pattern, ambiguous, first letters). An ambiguous abbreviation ("MS", "BA", "ME") is a
# degree only when a field of study follows it, it stands in the education section, an education
# heading precedes it on its line, or a school follows it: "MS Office", "Boston, MA" and "Scrum
# Master" are not degrees. Unambiguous abbreviations match in any case ("B-TECH", "Bsc", "MSC").
# Every pattern starts at the start of a word (after \b or (?<![\w.-])), with one of its first
# letters (these letters have no other case-insensitive forms).
LEVELS: list[tuple[DegreeLevel, re.Pattern, bool, str]] = [
    (DegreeLevel.GRADUATE_CERTIFICATE, re.compile(
        r"\b(?:post[- ]?graduate|graduate)\s+(?:certificate|diploma)\b|\bPG\s*(?:Diploma|Certificate)\b",
        re.IGNORECASE), False, "GPgp"),
    (DegreeLevel.DOCTORATE, re.compile(r"\bDoctor(?:ate)?\s+(?:of|in)\b|\bDoctorate\b", re.IGNORECASE), False, "Dd"),
    (DegreeLevel.DOCTORATE, re.compile(_abbr(r"(?i:Ph\.?\s?D)", r"D\.\s?Sc")), False, "DPp"),
    (DegreeLevel.MASTER, re.compile(
        r"\bMaster(?:['’]s|s)\b(?:\s+(?:of|in|degree)\b)?|\bMaster\s+(?:of|in|degree)\b", re.IGNORECASE), False, "Mm"),
    (DegreeLevel.MASTER, re.compile(_abbr(
        r"(?i:M\.?\s?Sc|M[.-]?\s?Tech|M\.?\s?Eng|M\.?B\.?A|M\.?C\.?A|M\.?\s?Com|MSIT|MSCS)",
        r"MPM", r"M\.\s?Ed", r"MEd")), False, "Mm"),
    (DegreeLevel.MASTER, re.compile(_abbr(r"M\.?S", r"M\.?A", r"M\.?E")), True, "M"),
    (DegreeLevel.BACHELOR, re.compile(
        r"\bBachelor(?:['’]?s)?\b(?:\s+(?:of|in|degree)\b)?|\bLicen[cs]e\s+(?:in|of|en)\b"
        r"|\bLicenciatura\b|\bundergraduate\s+degree\b", re.IGNORECASE), False, "BLUblu"),
    (DegreeLevel.BACHELOR, re.compile(_abbr(
        r"(?i:B\.?\s?Sc|B[.-]?\s?Tech|B\.?\s?Eng|B\.?C\.?A|B\.?B\.?A|B\.?\s?Com|BSIT|BSCS)",
        r"B\.\s?Ed", r"BEd")), False, "Bb"),
    (DegreeLevel.BACHELOR, re.compile(_abbr(r"B\.?S", r"B\.?A", r"B\.?E", r"BCS")), True, "B"),
    (DegreeLevel.ASSOCIATE, re.compile(
        r"\bAssociate(?:['’]?s)?\s+(?:degree|of\s+(?:Applied\s+)?(?:Science|Arts))\b"
        r"|\bA\.A\.S\.|\bA\.S\.(?=\s)", re.IGNORECASE), False, "Aa"),
]


class LevelPattern(NamedTuple):
    """One way of naming degrees of a level. ``ambiguous``: a degree only with a field after it or
    where degrees are listed; ``listed_only``: a degree only where a degree's line is written
    (``components.degrees.DegreeFinder._degree_line``: opening an education line or after its
    school, or straight before a school or a year)."""

    level: DegreeLevel
    pattern: re.Pattern
    ambiguous: bool
    letters: str
    listed_only: bool = False


@cache
def level_patterns() -> tuple[LevelPattern, ...]:
    """For each level, the named degrees of the catalogue (``degrees.yaml``) that ``LEVELS`` does
    not read (``_reads``: "BSN", "B.S.N.", "ADN", "J.D.", "MSW", "Ed.D.", "HND"), then ``LEVELS``. The
    catalogue's come first, so that "B.S.N." is not read as "B.S". They count only where a degree's
    line is written (``listed_only``), and never by a spelling the catalogue marks ambiguous ("MSN",
    "DBA", "LLM", "MD"):
    "Oracle DBA Certification" is no doctorate, "MSN Messenger" no master's."""
    from ...catalog.refs import bundled_parts  # late: the catalogue loads on the first resume read

    written = [LevelPattern(*entry) for entry in LEVELS]
    degrees = bundled_parts().degrees.degrees
    ambiguous = {t.text for d in degrees for t in d.terms if t.ambiguous}  # "Licence" is listed both ways
    found = []
    for level in DegreeLevel:
        texts = {t.text for d in degrees if d.level == level for t in d.terms
                 if t.text not in ambiguous and not any(_reads(w.pattern, t.text) for w in written)}
        if texts:
            forms = [re.escape(t).replace(r"\ ", r"\s+") for t in sorted(texts, key=lambda t: (-len(t), t))]
            found.append(LevelPattern(level, re.compile(_abbr(*forms)), True, "".join(sorted({t[0] for t in texts})),
                                      listed_only=True))
    return (*found, *written)


def _reads(pattern: re.Pattern, text: str) -> bool:
    """Whether ``pattern`` reads the spelling ``text`` as a degree: whole, or up to a space after
    which the field finder reads on ("Bachelor of" + " Science in Nursing"); not "B.S" of "B.S.N."."""
    m = pattern.match(text)
    return m is not None and (m.end() == len(text) or text[m.end()].isspace())


@cache
def implied_fields() -> dict[str, str]:
    """The field a degree's own name carries, by the ``term_key`` of each spelling: "BSN" ->
    Nursing, "MBA" -> Business Administration, "BCA" -> Computer Applications (``implies_field``
    in ``degrees.yaml``)."""
    from ...catalog.refs import bundled_parts

    degrees = bundled_parts().degrees
    names = {f.id: f.name for f in degrees.fields}
    return {t.key: names[d.implies_field] for d in degrees.degrees if d.implies_field for t in d.terms}


@cache
def _starts() -> tuple[re.Pattern, dict[str, list[int]]]:
    """Where a level pattern may start (one of the first letters, not after a word character), and
    which patterns start with each letter."""
    patterns = level_patterns()
    letters = sorted({c for p in patterns for c in p.letters})
    return (re.compile("[" + re.escape("".join(letters)) + r"](?<!\w.)"),
            {c: [k for k, p in enumerate(patterns) if c in p.letters] for c in letters})


def level_matches(text: str) -> list[list[re.Match]]:
    """``list(pattern.finditer(text))`` for each of ``level_patterns()``, trying only the places
    where one can start: ten full scans of the text cost more than the rest of degree finding."""
    patterns = level_patterns()
    start, by_letter = _starts()
    starts: list[list[int]] = [[] for _ in patterns]
    for m in start.finditer(text):
        for k in by_letter[m.group()]:
            starts[k].append(m.start())
    found: list[list[re.Match]] = []
    for (_, pattern, *_), positions in zip(patterns, starts):
        matches, end = [], 0
        for pos in positions:
            if pos >= end and (m := pattern.match(text, pos)):
                matches.append(m)
                end = m.end()
        found.append(matches)
    return found


#: A word naming a place of study ("Sale High School", "University of Bath", "Lycée Molière").
SCHOOL = re.compile(r"\b(?:school|college|academy|university|institute|polytechnic|lyc[eé]e|gymnasium)\b", re.I)


def names_degree(text: str) -> bool:
    """Whether ``text`` names a degree of any level, associate to doctorate ("B.S.", "Master of
    Business Information Systems"); a school-leaving record ("GCSE English", "High School
    Diploma") is none."""
    return any(level_matches(text))
