"""A job posting as sentences: split its text (``reading``) into headed sentences and bullets, and
read each item's kind from the posting's own cues."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Kind
from .segment import DUTY_HEADINGS, prepare, skip_reason, split_line, without_pictographs
from .words import is_verb, lemma

#: Words that make an item required or preferred, in the posting's sentence or its heading.
REQUIRED_CUES = ("must", "required", "requires", "require", "minimum", "mandatory", "essential")
#: What a posting says is welcome but not needed is preferred: "CPA strongly preferred but not
#: required", "Not required: CPA" ("required" alone had made them required).
PREFERRED_CUES = ("preferred", "a plus", "nice to have", "nice-to-have", "desired", "desirable", "bonus",
                  "advantage", "ideally", "pluses", "is an asset", "would be great", "would be nice",
                  "not required", "not necessary", "not mandatory", "not essential")
#: Sections that are not the role's requirements: the company, benefits, legal notes, an article's end matter.
IGNORED_HEADINGS = re.compile(r"^(about (us|the company|(?!you\b|the\b|this\b)\w+)$|who we are|"
                              r"benefits( offered)?( by (our|the) (client|company|employer))?|perks|"
                              r"what we offer|equal (employment )?opportunity|eeo|compensation|salary|how to apply|"
                              r"who may apply|conditions of employment)", re.I)
#: Headings after which a web page is no longer the posting (an article's end matter).
END_MATTER = re.compile(r"^(further reading|related (articles|posts|jobs)|about the author|share this|similar jobs)",
                        re.I)
#: "Essential" asks for something when it says so of it ("SQL is essential", "Essential: a degree",
#: "essential skills"), not when it describes a noun ("essential, mission-driven roles", "essential
#: functions", the duties of the job).
_ESSENTIAL = (r"essential(?!\s*,?\s+(?!(?:to|for|in|and|or|that|skills?|requirements?|qualifications?|criteria|"
              r"experience|knowledge)\b)[a-z])")
#: So with "required": "SQL is required", "Required skills", "(required)"; not "keep required postings
#: up to date", "complete required training", a duty's noun. A comma ends the cue's phrase: "SQL
#: required, Python preferred" asks for SQL (a comma had made it describe "Python", and SQL preferred).
_REQUIRED = (r"(?<!\bas )(?<!\bif )(?<!\bwhen )(?<!\bwhere )"  # "makes presentations as required": when asked
             r"required(?!\s+(?!(?:to|for|in|and|or|by|that|skills?|requirements?|qualifications?|criteria|"
             r"experience|knowledge|education|degrees?|certifications?|licen[cs]es?|competenc\w+)\b)[a-z])")
CUE = re.compile(r"\b(" + "|".join({"essential": _ESSENTIAL, "required": _REQUIRED}.get(c, re.escape(c))
                                    for c in REQUIRED_CUES + PREFERRED_CUES) + r")\b", re.I)
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25cf\u2013\u00b7]\s*(?=[A-Z])|[-*\u2022\u25aa\u25cf\u2013\u00b7]|"
                     r"\d{1,2}[.)])\s+|^-(?=[A-Z])")


@dataclass(frozen=True)
class Sentence:
    """One sentence or bullet of a posting, with the heading it sits under."""

    text: str
    heading: str
    index: int
    bullet: bool
    skipped: str = ""   # why the item asks nothing of a candidate ("legal", "benefits", ...), else ""

    def kind_at(self, start: int, end: int) -> Kind:
        """The kind of an item at ``start:end``: the nearest cue in its clause (between semicolons),
        one in its own phrase (between commas) first, else the heading's cue, else preferred: "SQL
        is required, Python is a plus" asks for SQL and hopes for Python."""
        clause_start = self.text.rfind(";", 0, start) + 1
        clause_end = self.text.find(";", end)
        clause_end = len(self.text) if clause_end < 0 else clause_end
        phrase_start, phrase_end = self.text.rfind(",", 0, start), self.text.find(",", end)
        phrase_end = len(self.text) if phrase_end < 0 else phrase_end
        best: tuple[bool, int, Kind] | None = None
        for cue in CUE.finditer(self.text, clause_start, clause_end):
            if not _reaches(self.text, start, end, cue):
                continue
            distance = cue.start() - end if cue.start() >= end else start - cue.end()
            kind = Kind.REQUIRED if cue.group(1).lower() in REQUIRED_CUES else Kind.PREFERRED
            elsewhere = not phrase_start < cue.start() < phrase_end
            if best is None or (elsewhere, distance) < best[:2]:
                best = (elsewhere, distance, kind)
        if best:
            return best[2]
        if _YOU_HAVE.match(self.text):
            return Kind.REQUIRED  # "You have at least five years of ...", "You hold a bachelor's degree"
        return heading_kind(self.heading) or Kind.PREFERRED


#: After a list's first name, the next: "Excel, Word", "Excel or Google Sheets" ("Design and build"
#: joins verbs).
NAMES_FOLLOW = re.compile(r"\s*(?:[,/]|\s(?:or|and|&)\s)\s*[A-Z]")
#: The candidate the posting asks for, said in the second person: "You have ...", "You hold ...".
_YOU_HAVE = re.compile(r"(?:you(?: will|['’]ll)? (?:have|hold|bring|possess)|you['’]ve)\b"
                       r"(?!\s+(?:the\s+|an?\s+)?(?:opportunity|chance|access|option|freedom)\b)", re.I)


def _reaches(text: str, start: int, end: int, cue: re.Match) -> bool:
    """Whether a cue after the item at ``start:end`` speaks of it: not when a comma separates them
    and the cue closes a phrase of its own that is no continuation of a list ("5+ years of
    accounting experience, public accounting a plus": the plus is public accounting's). A list
    ("SQL, Python and Tableau preferred", "SQL, Tableau preferred") shares its cue, and so does a
    phrase that goes on describing the item ("a CPA, obtained through examination (required)"). An
    adverb's cue ("5 years of experience, ideally in public accounting") is the phrase's own: the
    years are asked for, the public accounting hoped for."""
    if cue.start() < end or "," not in text[end:cue.start()]:
        return True
    own = text[text.rfind(",", 0, cue.start()) + 1:cue.start()].split()
    item = text[text.rfind(",", 0, start) + 1:end].split()
    if not own:  # the cue opens its phrase: alone it is the item's ("SQL, preferred"), as an adverb not
        after = re.split(r"[,;).\n]", text[cue.end():], maxsplit=1)[0].split()
        return not after
    first = own[0].lower()
    return first in ("and", "or") or first.endswith(("ed", "ing")) or len(item) <= 3


#: A cue straight after a word, which is then a name asked for: "Excel required", "Excel is a plus".
ASKED_AFTER = re.compile(r"\s*(?:\(\s*)?(?:is\s+|are\s+)?(?:strongly\s+|highly\s+)?"
                         r"(?:required|preferred|a plus|desired|desirable|mandatory|a must|nice to have)\b"
                         r"(?=\s*\)?\s*(?:$|[.,;:]|but\b|and\b|or\b))", re.I)
#: What makes an item a requirement rather than a duty, whatever verb opens it.
_YEARS_LIKE = re.compile(r"\b\d+\+? years?\b|\bdegree\b|\bcertific|\blicen[cs]", re.I)
#: Words that open requirements, not duties, though English also has them as verbs.
NOT_DUTY_VERBS = frozenset("""experience knowledge ability proficiency must is are be have has will may can should
demonstrated strong excellent familiarity understanding education degree certification license licensure skills
possess hold holds possesses requires required prefer preferred include includes including applicants according
following regarding concerning depending given based""".split())


def opens_duty(s: Sentence) -> bool:
    """Whether an item reads as a duty wherever it sits: a list item opening with a verb ("Prepare",
    "Prepares", "Preparing"), or a short sentence opening with a verb's -s or -ing form."""
    first = re.match(r"[A-Za-z]+", s.text)
    if not first or not s.text[0].isupper() or first.group(0).lower() in NOT_DUTY_VERBS:
        return False
    word = first.group(0).lower()
    if word.endswith("ed") and lemma(word) != word:
        return False  # "Advanced SQL skills": a participle opening a list item describes, it does not do
    if NAMES_FOLLOW.match(s.text[first.end():]):
        return False  # "Excel, Word and Tableau": a list of names ("Design, build and test APIs" is of verbs)
    if ASKED_AFTER.match(s.text[first.end():]):
        return False  # "Excel required", "Excel (preferred)": a name asked for, not a verb's deed
    inflected = word.endswith(("ing", "s")) and lemma(word) != word
    return is_verb(lemma(word)) and (s.bullet or inflected) and len(s.text.split()) <= 45 and not _YEARS_LIKE.search(
        s.text)


def heading_kind(heading: str) -> Kind | None:
    """The kind a heading gives its items ("Required qualifications", "Nice to have"), or None."""
    found = [m.group(1).lower() for m in CUE.finditer(heading)]
    if any(c in PREFERRED_CUES for c in found):
        return Kind.PREFERRED
    if any(c in REQUIRED_CUES for c in found) or re.search(r"\b(requirements?|must[- ]haves?)\b", heading, re.I) \
            or _ASKS.fullmatch(heading.strip().rstrip(":").strip()):
        return Kind.REQUIRED
    return None


#: Headings over what the job asks of everyone, with no cue word: "Qualifications", "What you'll
#: bring", "What you need", "Education", "Experience" (a list a posting prefers is headed so:
#: "Preferred qualifications", "Nice to have").
_ASKS = re.compile(r"(?:(?:job|position|basic|key)\s+)?qualifications?|what you(?:'ll|’ll| will)?\s+(?:need|bring)|"
                   r"what you have|what (?:we|our client|the client)(?:'re|’re| are| is) looking for|education|"
                   r"experience|what (?:we|our client|the client|the company) (?:requires?|needs?)|"
                   r"(?:what )?you(?:'ve|’ve| have) got|your profile|"
                   r"education(?:,)? (?:and|&) experience|experience (?:and|&) education|"
                   r"(?:skills|experience),? (?:and|&) (?:qualifications|experience|skills)", re.I)


_HEADING_WORDS = re.compile(r"^(nice[- ]to[- ]haves?|(preferred|desired|required|minimum|basic|additional|key)"
                            r"( qualifications| skills| experience)?|bonus( points)?|pluses|requirements|"
                            r"qualifications|must[- ]haves?|skills|education|certifications?|"
                            r"(knowledge,? )?skills,? (and|&) abilities|abilities|competencies|about you|"
                            r"who you are|what you('ll| will)? (bring|need)|what you have|what we need|"
                            r"(what )?you('ve|’ve| have) got|your profile|"
                            r"what (we|our client|the client)('re| are| is) looking for|the role|"
                            r"what (we|our client|the client|the company) (requires?|needs?)|"
                            r"about (the|this) (role|job|position|opportunity))"
                            # a kind said after the heading: "What you need (required)", "Nice to have (preferred)"
                            r"(\s*\((required|preferred|optional|a plus|must[- ]haves?|nice[- ]to[- ]haves?)\))?$",
                            re.I)


def is_heading(line: str) -> bool:
    """Whether a line of a posting is a heading ("Requirements", "What you'll do:", a short title-case line)."""
    words = line.rstrip(":").split()
    if not re.search(r"[A-Za-z]{3}", line) or re.fullmatch(r"(?i)(or|and)\W*", line):
        return False  # "A)", "OR;": list markers and joins, not headings
    bare = line.rstrip(":").strip()
    if _HEADING_WORDS.match(bare) or (len(words) <= 5 and DUTY_HEADINGS.search(line)
                                      and not re.search(r"[.!?,;]$", line)):
        return True
    if (m := IGNORED_HEADINGS.match(bare)) and m.end() == len(bare):
        return True  # the whole line: "Conditions of Employment", "Who May Apply", no title-case lines
    if line.endswith(":") and len(words) <= 8:
        return True
    if line.startswith("#"):
        return True
    return 0 < len(words) <= 6 and not re.search(r"[.!?,;]$", line) and (line.isupper() or line.istitle())


#: A sentence that introduces the list after it ("... described below.", "You must have:").
_LEAD_IN = re.compile(r"(:|\b(below|as follows|the following))\W*$", re.I)


def segments(text: str) -> list[Sentence]:
    """Every item of the posting in order (sentences, list items, clauses), each with the heading
    above it; an item that asks nothing of a candidate says why in ``skipped``."""
    out: list[Sentence] = []
    heading = ""
    for raw in prepare(text).splitlines():
        line = raw.strip()
        if not line:
            continue
        bullet = bool(_BULLET.match(line))
        line = without_pictographs(_BULLET.sub("", line).strip().lstrip("#").strip().replace("**", ""))
        if not line:
            continue
        if not bullet and (is_heading(line) or not out and not heading and is_title_line(line)):
            # the first line is the title, a heading: "Accounts Payable Supervisor – Direct Hire – Tampa, FL"
            heading = line.rstrip(":").strip()
            if END_MATTER.search(heading):
                break
            continue
        for piece, inline in split_line(line):
            here = inline or heading
            if END_MATTER.search(here):
                return out
            if inline and not IGNORED_HEADINGS.search(inline):
                heading = inline  # an ignored heading run into the text ("Who May Apply: ...") ends with its item
            piece = _BULLET.sub("", piece).strip()
            if piece.endswith(":") and is_heading(piece) and not bullet:  # "... closeout. What You Bring: 7+ years"
                # A sub-heading inside a section keeps the section's kind unless it names its own.
                inherited = heading_kind(heading) if heading_kind(piece) is None else None
                heading = piece.rstrip(":").strip() + (f" ({inherited})" if inherited else "")
                continue
            if ":" in piece[:40] and heading_kind(piece.split(":", 1)[0]) is not None:  # "Required: a BSc"
                here, piece = piece.split(":", 1)[0].strip(), piece.split(":", 1)[1].strip()
            if not piece:
                continue
            reason = "section" if IGNORED_HEADINGS.search(here) else skip_reason(piece, here)
            out.append(Sentence(piece, here, len(out), bullet, reason))
            if not reason and _LEAD_IN.search(piece) and heading_kind(piece) is not None:
                heading = piece  # "You must meet the requirements below:": a heading for the items after it
    return out


def sentences(text: str) -> list[Sentence]:
    """The posting's items that can ask something of a candidate, indexed in that list."""
    kept = [s for s in segments(text) if not s.skipped]
    return [Sentence(s.text, s.heading, i, s.bullet) for i, s in enumerate(kept)]


#: A posting's first line that is its title: a few words, no sentence's end, nothing asked ("CPA license",
#: "5+ years accounting experience" open a posting with no title).
_TITLE_LINE = re.compile(r"^(?!.*\b(?:degree|years?|yrs|required|must|preferred|licen[cs]e|certification|skills|"
                         r"experience|knowledge|proficien\w*)\b)"
                         r"(?:\S+\s+){0,15}\S+(?<![.!?])$", re.I)


def is_title_line(line: str) -> bool:
    """Whether a posting's first line is its title: a few words asking nothing, whose first part
    names an occupation ("Accounts Payable Supervisor – Direct Hire"; not "CPA license" or "BS in
    Accounting or Finance", a posting with no title that opens with what it asks)."""
    from ..catalog.occupations import background  # late: reading a posting's first line only

    return bool(_TITLE_LINE.match(line)) and background().named(re.split(r"\s[-–—|]\s|\|", line)[0]) is not None
