"""Whether a credential or a skill named in a resume is claimed by the candidate, and how.

Plain functions over the text around a finding; the context component applies them. Every rule
here has a positive and a negative twin in ``tests/test_claims.py``.
"""

from __future__ import annotations

import re

from ...types import FindingStatus

#: A credential being prepared for, applied for or not yet earned ("pursuing PMP", "PMP-eligible",
#: "PMP application in process", "PMP coursework").
_PENDING = re.compile(
    r"\b(?:prepar(?:ing|ation)\s+for|pursu(?:ing|e)|studying\s+for|scheduled\s+(?:to|for)|"
    r"exam\s+(?:scheduled|date|booked)|plan(?:ning)?\s+to|expected|expecting|anticipated|in[- ]progress|"
    r"in\s+(?:the\s+)?process|working\s+(?:towards?|on)|enrolled|registered\s+for|"
    r"target(?:ing|ed)?\s+(?:for|date|completion)|upcoming|candidate|eligible|sitting|will\s+(?:take|sit)|"
    r"aim(?:ing)?\s+(?:for|to)|pending|ongoing|currently\s+(?:taking|completing|earning|pursuing)|"
    r"to\s+be\s+completed|applied\s+for|awaiting|coursework)\b", re.IGNORECASE)
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
                      needs_context: bool = False, window: int = 60) -> FindingStatus:
    """The status of a credential named at ``text[start:end]`` on the line ``line_start:line_end``."""
    line = text[line_start:line_end]
    before = text[max(line_start, start - window):start]
    after = text[end:min(line_end, end + window)]
    if needs_context and section != "certifications" and not _CREDENTIAL_WORDS.search(
            text[line_start:start] + " " + text[end:line_end]):
        return FindingStatus.NOT_CLAIMED  # "CSM Bakery Solutions", "valuation with CAPM and DCF"
    name = text[start:end]
    tail = " certified" + after if _CERTIFIED_NAME.search(name) else after  # "PMP certified" + " staff"
    if _OTHERS_BEFORE.search(before) or _OTHERS_AFTER.match(tail):
        return FindingStatus.NOT_OWN  # "coached analysts through their CAPM exams"
    if _PENDING.search(before + " " + after):
        return FindingStatus.IN_PROGRESS
    if _TRAINING_AFTER.match(after) or _TRAINING_BEFORE.search(before) or _CONTACT_HOURS.search(line):
        return FindingStatus.TRAINING
    name = text[start:end]
    if section != "certifications" and " " in name.strip() and not any(c.isupper() for c in name):
        return FindingStatus.NOT_CLAIMED  # "a seasoned project management professional"
    return FindingStatus.EXPIRED if _EXPIRED.search(before + " " + after) else FindingStatus.HELD


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
