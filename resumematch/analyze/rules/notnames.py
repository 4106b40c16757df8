"""Header fields shaped like a name that are something else: a job title ("CHILD FAMILY ADVOCATE"),
a heading ("Core Qualifications") or a place ("Atlanta Georgia").

Each test looks at the field's last word, where English puts the head of a title, a heading or a
place name. A job title's head must have another title word before it that is not a known given
name, so "Maria Baker" stays a name. Plain functions; no spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ...catalog import catalog_dir
from ...catalog.stems import LEGAL_FORMS
from ...catalog.technology import CODE_TITLE_COLUMNS, read_tsv
from .headings import SECTION_SYNONYMS

#: Heads of job titles that O*NET's occupation titles do not end with, though resumes do.
_MORE_JOB_HEADS = frozenset("""advocate generalist associate receptionist recruiter paralegal bookkeeper caregiver
coach consultant liaison officer aide clerk administrator ambassador steward attendant host hostess
""".split())
#: The last words of section headings that the heading list does not hold whole ("Core Qualifications",
#: "Technical Proficiencies", "Career Highlights").
_MORE_HEADING_HEADS = frozenset("proficiencies qualifications highlights summary profile".split())
#: U.S. states, Canadian provinces and countries resumes come from, as the last word of a field.
#: States that are common surnames (Washington, Montana) are left out; "York" and "Jersey" count
#: only after "New".
_PLACES = frozenset("""
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
nebraska nevada carolina dakota ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin
wyoming alberta manitoba ontario quebec saskatchewan india pakistan bangladesh nigeria kenya ghana philippines
canada australia germany france spain italy ireland england scotland singapore malaysia indonesia china japan
""".split())
_PLACE_PAIRS = frozenset({"new york", "new jersey", "new hampshire", "new mexico", "rhode island", "puerto rico",
                          "british columbia", "new brunswick", "nova scotia", "south korea", "sri lanka"})


#: U.S. state, Canadian province and Australian state codes, as written after a town ("Austin, TX").
STATE_CODES = frozenset("""AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV
NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AB BC MB NB NL NS ON PE QC SK
NSW VIC QLD TAS ACT NT""".split())
#: A town and its region, once or more ("New York, NY", "Palo Alto, CA & Ithaca, NY", "Pune, India",
#: the placeholder "City , State"): up to three capitalised words, a comma, and a region.
_WORDS = r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)"
_TOWN_REGION = re.compile(rf"{_WORDS}{{0,2}}\s*,\s*(?P<region>{_WORDS}?)")
_COUNTRY_CODES = frozenset("USA US UK UAE SKOREA".split())


def names_a_region(text: str) -> bool:
    """Whether ``text`` is a state's or province's name, a compass point before it or not: "Ohio",
    "North Carolina", "New York", "Puerto Rico"; not "China", "Medicaid" nor "Joint Commission"."""
    words = text.lower().split()
    if len(words) > 1 and words[0] in ("north", "south", "east", "west"):
        words = words[1:]
    return " ".join(words) in _REGIONS


#: The states and provinces of ``_PLACES`` and ``_PLACE_PAIRS``, not countries: "China sourcing"
#: is a topic of its own.
_REGIONS = frozenset(p for p in _PLACES | _PLACE_PAIRS if p not in {
    "india", "pakistan", "bangladesh", "nigeria", "kenya", "ghana", "philippines", "canada", "australia", "germany",
    "france", "spain", "italy", "ireland", "england", "scotland", "singapore", "malaysia", "indonesia", "china",
    "japan", "south korea", "sri lanka"})


def is_place(text: str) -> bool:
    """Whether ``text`` is only a place: towns with their state, province or country ("New York,
    NY", "Palo Alto, CA & Ithaca, NY", "Bangalore, India", "City , State"), not "Engineer, Acme"."""
    parts = [p.strip() for p in re.split(r"\s*[&/;|]\s*", text.strip()) if p.strip()]
    if not parts:
        return False
    for part in parts:
        m = _TOWN_REGION.fullmatch(part)
        region = m.group("region") if m else ""
        if not (region in STATE_CODES or region == "State" or region.lower() in _PLACES
                or region.lower() in _PLACE_PAIRS or region.replace(".", "").upper() in _COUNTRY_CODES):
            return False
    return True


_REGION = (r"(?:(?:" + "|".join(sorted(STATE_CODES | {"USA", "US", "UK", "UAE"})) + r")(?![\w.])"
           r"|State\b|(?i:" + "|".join(sorted(_PLACES | _PLACE_PAIRS, key=len, reverse=True)) + r")\b)")
#: A town and its region anywhere in a line ("Google, Mountain View, CA" -> "Mountain View, CA").
_TOWN_THEN_REGION = re.compile(rf"(?<![\w.])((?:[A-Z][\w.'-]*\s+){{0,2}}[A-Z][\w.'-]*)\s*,\s*{_REGION}")


def names_a_town(text: str) -> bool:
    """Whether ``text`` names a town and its region somewhere ("Valley Clinic Reno , NV", "Company
    Name City , State"; not "Help Desk Support")."""
    return _TOWN_THEN_REGION.search(text) is not None


def without_places(text: str) -> str:
    """``text`` with each town and its region blanked (same length): "Software Engineer, Mountain
    View, CA" reads as a software engineer, not as a user of CA's database tools and SANs. Words of a
    job title before the town stay ("Java Developer Dallas, TX" keeps "Java Developer"; "Project
    Manager, PA" is no place)."""
    title_words = _occupation_words()[1]

    def blank(m: re.Match) -> str:
        words = list(re.finditer(r"\S+", m.group(1)))
        titled = [i for i, w in enumerate(words) if _singular(w.group().strip(".,")) in title_words]
        if titled and titled[-1] == len(words) - 1:
            return m.group(0)
        keep = words[titled[-1]].end() if titled else 0
        return m.group(0)[:keep] + " " * (len(m.group(0)) - keep)

    return _TOWN_THEN_REGION.sub(blank, text)


def _singular(word: str) -> str:
    """"Workers" -> "worker", "Actuaries" -> "actuary", "Coaches" -> "coach"."""
    word = word.lower()
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@lru_cache(maxsize=1)
def _occupation_words() -> tuple[frozenset[str], frozenset[str]]:
    """The heads of O*NET's occupation titles ("Social Workers" -> "worker", plural heads only: a
    title ending "Court" or "Art" names no person) and every word of those titles."""
    _, rows = read_tsv(catalog_dir() / "occupations.tsv", CODE_TITLE_COLUMNS)
    heads, words = set(), set()
    for row in rows:
        title = re.findall(r"[A-Za-z]+", row["title"].split(",")[0])
        if title and title[-1].endswith("s"):
            heads.add(_singular(title[-1]))
        words.update(_singular(w) for w in re.findall(r"[A-Za-z]+", row["title"]))
    return frozenset(heads | _MORE_JOB_HEADS), frozenset(words | _MORE_JOB_HEADS)


@lru_cache(maxsize=1)
def _heading_heads() -> frozenset[str]:
    return frozenset(s.split()[-1] for syns in SECTION_SYNONYMS.values() for s in syns) | _MORE_HEADING_HEADS


def not_a_name(candidate: str, is_given: Callable[[str], bool]) -> bool:
    """Whether ``candidate``, a field shaped like a name, is a job title, a heading or a place.
    ``is_given`` says whether a word is a known given name."""
    words = [w.strip(".,").lower() for w in candidate.split()]
    if len(words) < 2:
        return False
    if words[-1] in _heading_heads():
        return True  # "Core Qualifications": no name ends with a heading's last word
    heads, title_words = _occupation_words()
    if _singular(words[-1]) in heads and any(
            _singular(w) in title_words and not is_given(w) for w in words[:-1]):
        return True  # "CHILD FAMILY ADVOCATE", "Dental Hygienist"; not "Maria Baker", "Tendai Baker"
    if words[-1] in _PLACES or " ".join(words[-2:]) in _PLACE_PAIRS:
        return True  # "Atlanta Georgia", "Albany New York"
    # a title held whole: of three words or more ("Full Charge Bookkeeper"), or of two that no given
    # name opens ("Corporate Trainer"); "Clay Miller" and "Art Baker" may be people
    return is_title(candidate, min_words=2) and (len(words) >= 3 or not is_given(words[0]))


def is_title(text: str, min_words: int = 1) -> bool:
    """Whether ``text`` is, every word but a rank, one title people hold (``Background.holds_whole``):
    "Diesel Mechanic", "Art Instructor" (a resume's title line, whose first word may be a given
    name), "Senior Accountant"; "Maria Baker" holds "Baker" and keeps "Maria"."""
    from ...catalog.occupations import background  # late: the header's check loads the background

    return background().holds_whole(text, min_words)


def firm_parts(parts: list[str], holds_title: Callable[[str], bool]) -> tuple[list[str], list[str]]:
    """Of a title line's ``parts``, those that name a firm by its legal form and hold no job title
    (``holds_title``): "Information Technology Solutions Inc" in "Sales Manager | Information
    Technology Solutions Inc"; "IT Solutions" before ", LLC"; not "Java programmer for Acme Ltd").
    And the others. An employer's name tells what the job was no more than its town does."""
    firms: list[str] = []
    kept: list[str] = []
    for part in filter(None, parts):
        tail = re.findall(r"[A-Za-z]+", part)
        if tail and tail[-1].lower() in LEGAL_FORMS and (len(tail) == 1 or not holds_title(part)):
            if len(tail) == 1 and kept:  # ", Inc." alone: the part before it is the firm's name
                firms.append(kept.pop())
            firms.append(part)
        else:
            kept.append(part)
    return firms, kept
