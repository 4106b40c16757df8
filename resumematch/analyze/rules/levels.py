"""Degree levels: the patterns that name a degree's level ("B.Sc.", "Master of", "MBA"), found
fast, and whether a text names a degree at all."""

from __future__ import annotations

import re

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
#: Where a level pattern may start: one of the first letters, not after a word character.
_LEVEL_START = re.compile("[" + "".join(sorted({c for *_, letters in LEVELS for c in letters})) + r"](?<!\w.)")
_PATTERNS_BY_LETTER = {c: [k for k, (*_, letters) in enumerate(LEVELS) if c in letters]
                       for *_, letters in LEVELS for c in letters}


def level_matches(text: str) -> list[list[re.Match]]:
    """``list(pattern.finditer(text))`` for each level pattern, trying only the places where one
    can start: ten full scans of the text cost more than the rest of degree finding."""
    starts: list[list[int]] = [[] for _ in LEVELS]
    for m in _LEVEL_START.finditer(text):
        for k in _PATTERNS_BY_LETTER[m.group()]:
            starts[k].append(m.start())
    found: list[list[re.Match]] = []
    for (_, pattern, _, _), positions in zip(LEVELS, starts):
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
