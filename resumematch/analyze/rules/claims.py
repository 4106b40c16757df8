"""Whether a credential or a skill named in a resume is claimed by the candidate, and how.

Plain functions over the text around a finding; the context component applies them. Every rule
here has a positive and a negative twin in ``tests/test_claims.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...catalog.stems import RANK_STEMS, words
from ...types import FindingStatus

#: The stems of the ranks ("manager", "management", "leader"), which name no credential's field.
_RANK_STEMS = RANK_STEMS | frozenset(words("leader management"))

#: A credential being prepared for, applied for or not yet earned ("pursuing PMP", "PMP-eligible",
#: "PMP application in process", "PMP coursework").
_PENDING = re.compile(
    r"\b(?:prepar(?:ing|ation)\s+for|pursu(?:ing|e)|studying\s+for|scheduled\s+(?:to|for)|"
    r"exam\s+(?:scheduled|date|booked)|plan(?:ning)?\s+to|expected|expecting|anticipated|in[- ]progress|"
    r"in\s+(?:the\s+)?process|working\s+(?:towards?|on)|enrolled|registered\s+for|"
    r"target(?:ing|ed)?\s+(?:for|date|completion)|upcoming|candidate|eligible|sitting|will\s+(?:take|sit)|"
    r"aim(?:ing)?\s+(?:for|to)|pending|ongoing|currently\s+(?:taking|completing|earning|pursuing)|"
    r"to\s+be\s+completed|applied\s+for|awaiting|coursework|passed\s+[1-3]\s+(?:of|out\s+of)\s+4|"
    r"[1-3]\s+of\s+4\s+(?:parts|sections|exams))\b", re.IGNORECASE)
#: An ambiguous acronym read as a measure, not a credential: "cut CPA by 35%", "CPA of $12",
#: "lowered our blended CPA" (cost per acquisition, in marketing).
_METRIC_AFTER = re.compile(r"^\)?\s*(?:(?:by|of|from|to|under|below|fell|dropped|down)\s+[-$€£]?\d|[$€£]\s?\d|"
                           r"[-+]?\d[\d.,]*\s*%)", re.IGNORECASE)
_METRIC_BEFORE = re.compile(r"(?:\b(?:cut|lower\w*|reduc\w*|decreas\w*|improv\w*|optimi[sz]\w*|drove|driv\w*|"
                            r"target\w*|blended|average|avg)\s+(?:the\s+|our\s+|overall\s+)?|[$€£]\d[\d.,]*\s+|"
                            r"cost per acquisition\s*\()$", re.IGNORECASE)
_EXPIRED = re.compile(r"\b(?:expired|lapsed|inactive|no\s+longer\s+active)\b", re.IGNORECASE)
#: Training for a credential: the credential is what a course, prep or camp is about.
_TRAINING_WORD = (r"(?:exam\s+)?(?:prep(?:aration|aratory)?|boot\s*camp|camp|course(?:work)?|training|class(?:es)?|"
                  r"workshop|seminar|tutorial|review\s+course|study\s+group)")
_TRAINING_AFTER = re.compile(rf"^[\s,:-]*(?:[\w+-]+\s+){{0,2}}{_TRAINING_WORD}\b", re.IGNORECASE)
_TRAINING_BEFORE = re.compile(rf"\b{_TRAINING_WORD}\s+(?:\w+\s+){{0,2}}(?:for|in|on|toward|towards)\s+$",
                              re.IGNORECASE)
#: A credential that belongs to other people: "their CAPM exams", "a team of PMP-certified project
#: managers", "PMP certified staff".
_OTHERS_BEFORE = re.compile(r"\b(?:their|his|her)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_NOT_FUNCTION = r"(?!(?:across|as|is|was|has|this|thus|plus|status|in|since|for|with|at|on|by|from|and|or)\b)"
_OTHERS_AFTER = re.compile(
    rf"^[\s-]*certified\s+(?:{_NOT_FUNCTION}[a-z-]+\s+){{0,2}}?{_NOT_FUNCTION}"
    r"(?:[a-z]+[a-rt-z]s|staff|team|teams|people|PMs)\b", re.IGNORECASE)
_CERTIFIED_NAME = re.compile(r"[\s-]certified$", re.IGNORECASE)
#: A line that only says the credential above it is pending: "(In Process)", "Expected 2025".
_STATUS_LINE = re.compile(rf"^[\s(\[]*(?:{_PENDING.pattern})[\s\d,.:/()\[\]-]*"
                          r"(?:[A-Za-z]{3,9}\.?[\s\d,.)\]-]*)?$", re.IGNORECASE)
#: A programme the credential's body designed, endorsed or approves, which is not the credential:
#: "a company programme designed with PMI", "PMI-endorsed certificate", "an Authorized Training Partner".
_ENDORSED = re.compile(
    r"\b(?:(?:designed|developed|created|co-developed|built|offered)\s+(?:jointly\s+)?(?:with|in\s+"
    r"(?:partnership|collaboration|cooperation)\s+with)|in\s+(?:partnership|collaboration|cooperation)\s+with|"
    r"(?:endorsed|sanctioned|recogni[sz]ed)\s+by|[A-Z0-9]{2,}-(?:endorsed|approved|aligned|recogni[sz]ed)|"
    r"authori[sz]ed\s+training\s+partner|registered\s+education\s+provider)\b", re.IGNORECASE)
#: Capitalised words spelling out an acronym, and the small words they may hold ("Certified
#: Associate in Project Management").
_EXPANSION = r"(?:[A-Z][\w'’&-]*|of|in|and|for|the|&)(?:\s+(?:[A-Z][\w'’&-]*|of|in|and|for|the|&)){1,6}"
_EXPANDED_AFTER = re.compile(rf"^\s*(?:\(\s*|[-–—:,]\s*)({_EXPANSION})")
_EXPANDED_BEFORE = re.compile(rf"({_EXPANSION})\s*\(\s*$")
_CONTACT_HOURS = re.compile(r"\bcontact\s+hours\b", re.IGNORECASE)
#: What makes a line about credentials: an ambiguous acronym ("CSM", "CAPM") counts only there.
_CREDENTIAL_WORDS = re.compile(
    r"\b(?:certif\w*|credential\w*|licen[cs]\w*|accredit\w*|scrum\s+alliance|scrum\.org|axelos|peoplecert|"
    r"comptia|project\s+management\s+institute|PMI|ISC2|ISACA)\b", re.IGNORECASE)
#: Words that may follow a soft skill's name when the skill itself is meant ("communication and
#: negotiation", "leadership skills", "leadership in agile teams"); any other word makes the name a
#: modifier of something else ("communication portal", "Communication Networks", "organized the fair").
_SKILL_FOLLOWERS = frozenset("""
and or & skills skill abilities ability qualities quality style experience expertise capabilities capability
with in of to for across at between among within through as is are was were under by on from toward towards
when while who that which mindset attitude roles role positions position responsibilities responsibility
strengths strength talents talent competencies competency proficiency acumen background effectively clearly
""".split())
_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_][\w'’-]*|&)")


def credential_status(text: str, start: int, end: int, line_start: int, line_end: int, section: str, *,
                      needs_context: bool = False, window: int = 60,
                      named: Sequence[tuple[int, int]] = (), title: str = "") -> FindingStatus:
    """The status of a credential named at ``text[start:end]`` on the line ``line_start:line_end``;
    ``named`` are the (start, end) characters of every finding of the same credential, where an
    acronym spelt out beside it must be; ``title`` is the credential's name ("Certified Public
    Accountant"), whose field a sentence introducing the candidate by the acronym names."""
    line = text[line_start:line_end]
    before = text[max(line_start, start - window):start]
    after = text[end:min(line_end, end + window)]
    if needs_context and section != "certifications" and not _CREDENTIAL_WORDS.search(
            text[line_start:start] + " " + text[end:line_end]) and not _introduces(text, start, end, line_end, title):
        return FindingStatus.NOT_CLAIMED  # "CSM Bakery Solutions", "valuation with CAPM and DCF"
    if needs_context and (_METRIC_AFTER.match(text[end:line_end]) or _METRIC_BEFORE.search(text[line_start:start])):
        return FindingStatus.NOT_CLAIMED  # "Google Ads certified; cut CPA by 35%"
    name = text[start:end]
    tail = " certified" + after if _CERTIFIED_NAME.search(name) else after  # "PMP certified" + " staff"
    if _OTHERS_BEFORE.search(before) or _OTHERS_AFTER.match(tail):
        return FindingStatus.NOT_OWN  # "coached analysts through their CAPM exams"
    if _spelt_out_as_another(text, start, end, max(line_start, start - window), after, named):
        return FindingStatus.NOT_CLAIMED  # "CSM (Certified Software Manager)"
    if _PENDING.search(before + " " + after) or _STATUS_LINE.match(_next_line(text, line_end)):
        return FindingStatus.IN_PROGRESS
    if _TRAINING_AFTER.match(after) or _TRAINING_BEFORE.search(before) or _CONTACT_HOURS.search(line) \
            or _ENDORSED.search(line):
        return FindingStatus.TRAINING
    name = text[start:end]
    if section != "certifications" and " " in name.strip() and not any(c.isupper() for c in name):
        return FindingStatus.NOT_CLAIMED  # "a seasoned project management professional"
    return FindingStatus.EXPIRED if _EXPIRED.search(before + " " + after) else FindingStatus.HELD


#: A sentence that introduces its writer by a credential: "CPA with 10 years of experience in ...".
_INTRODUCES = re.compile(r"\s*,?\s*(?:with|having)\s+(?:over\s+|more\s+than\s+)?(?:\d+|[a-z]+)\+?\s*(?:years?|yrs)\b",
                         re.IGNORECASE)
#: Words of a credential's name that tell no field ("Certified", "Professional").
_NAME_NO_FIELD = frozenset({"certified", "certificate", "licensed", "professional", "registered", "chartered",
                            "associate", "specialist", "master", "expert", "practitioner", "public"})


def _introduces(text: str, start: int, end: int, line_end: int, title: str) -> bool:
    """Whether an acronym of two meanings opens a sentence that introduces the candidate by it and
    names its credential's field, a word of its name that is no rank, by its stem: "CPA with 10
    years of experience in public and corporate accounting" (Certified Public Accountant); not "CSM
    with 5 years managing enterprise accounts" (a customer success manager, no scrum), "CMA with 4
    years in front office management" (a medical assistant; "management" is no accountant's), "CDL
    with 9 years ... as a team leader" (Cloud Digital Leader: a rank) nor "Cut CPA by 35%"."""
    opens = start == 0 or re.search(r"(?:^|[.!?;:]\s+|\n\s*)$", text[max(0, start - 3):start])
    sentence = re.split(r"[.!?;:]", text[end:line_end], maxsplit=1)[0]
    if not opens or not _INTRODUCES.match(sentence):
        return False
    named = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", title)  # "ScrumMaster": Scrum Master
    field = set(words(" ".join(w for w in re.findall(r"[A-Za-z]+", named) if w.lower() not in _NAME_NO_FIELD)))
    return bool(field - _RANK_STEMS & set(words(sentence)))


def _next_line(text: str, line_end: int) -> str:
    """The line after the one ending at ``line_end`` ("" at the end of the text)."""
    if line_end >= len(text):
        return ""
    end = text.find("\n", line_end + 1)
    return text[line_end + 1:end if end >= 0 else len(text)]


def _spelt_out_as_another(text: str, start: int, end: int, before_start: int, after: str,
                          named: Sequence[tuple[int, int]]) -> bool:
    """Whether the resume spells the acronym at ``text[start:end]`` out, beside it, as words in
    which the credential was not found: "CSM (Certified Software Manager)" is not the Certified
    ScrumMaster, "Certified Scrum Master (CSM)" is."""
    acronym = text[start:end]
    if not (acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 6):
        return False
    m, at = _EXPANDED_AFTER.match(after), end
    if not m and after.lstrip().startswith(")"):
        m, at = _EXPANDED_BEFORE.search(text, before_start, start), 0
    if not m:
        return False
    words = [w for w in m.group(1).split() if w[0].isupper()]
    initials = "".join(w[0] for w in words).upper()
    capitals = "".join(c for w in words for c in w if c.isupper())
    if acronym not in (initials, capitals):
        return False  # no spelling-out: "CSM, Scrum Alliance"
    a, b = at + m.start(1), at + m.end(1)
    return not any(x < b and a < y for x, y in named)


#: A skill named by a noun ("communication", "leadership", "problem solving") or a relational
#: adjective ("organizational") can qualify the noun after it ("organizational change"); a skill
#: named by a describing adjective ("curious problem solver", "organized planner") describes the
#: person and stays a mention.
_NOUN_ENDING = re.compile(r"(?:tion|sion|ship|ment|ing|ness|ity|ance|ence|ism|al)s?$", re.IGNORECASE)


def skill_status(text: str, start: int, end: int, line_end: int) -> FindingStatus:
    """The status of a soft skill named at ``text[start:end]``: ``mentioned``, or ``not_claimed``
    when a noun name qualifies the word after it."""
    if not _NOUN_ENDING.search(text[start:end].rstrip()):
        return FindingStatus.MENTIONED
    follower = _NEXT_WORD.match(text, end, line_end)
    if follower and follower.group(1).lower() not in _SKILL_FOLLOWERS:
        return FindingStatus.NOT_CLAIMED
    return FindingStatus.MENTIONED
