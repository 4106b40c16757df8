"""Knowledge a posting asks for by name: "Solid working knowledge of US GAAP", "Knowledge of
employment law, including FMLA, ADA, FLSA and Title VII", "Familiarity with HRIS systems", and
experience of a topic with no years ("Must have experience with payroll processing", "Public
accounting (audit) experience"). Such experience names a setting a resume shows only in words it
may not use, so it is always preferred; knowledge keeps the kind the posting gives it.

The topic is what follows "knowledge of" (or "understanding of", "familiarity with" ...) up to the
clause's end, split at commas and "and"/"or"; a part counts when it tells a line of work apart
(``specific``): an acronym ("GAAP", "HRIS"), a rare word ("payroll"), or a compound of two words or
more ("employment law"), with the describing words that say nothing of the topic taken off
("federal and state employment laws" is employment law; "regulations" alone is too common). Names
given as examples of it ("including FMLA, ADA, FLSA and Title VII") show it too. A topic the
catalogue knows as a tool is the tools finder's ("knowledge of SAP").
"""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from ..analyze.rules.notnames import names_a_region
from ..catalog import Catalog
from ..types import Category, Kind
from .finders import Item, add, matches
from .posting import Sentence
from .tools import tech_lookup
from .words import GENERIC, NUMBERS, SPELT_OUT, STOP, VAGUE, VAGUE_HEADS, WAY_HEADS, lemma

_KNOWS = re.compile(r"\b(?:knowledge|understanding|command|familiarity|grasp|expertise|experience)\s+(?:of|in|with)\s+"
                    # up to the next knowledge asked in the sentence; "ASP.NET" is one name, and so is "U.S. GAAP"
                    r"(?:the\s+)?(?P<what>(?:(?!,?\s+(?:\w+\s+){0,2}(?:knowledge|understanding|familiarity|"
                    r"experience)\b)(?:[^.;:()]|\.(?=\w)|(?<=\b[A-Z]\.[A-Z])\.))+)", re.I)
#: Why knowledge of a topic with no acronym the posting requires is drafted preferred.
_WORDS_NOTE = ("The posting requires this knowledge; a resume shows it only in these words, which it may not use, "
               "so it is preferred. Add the words you accept.")
#: What makes the object of "knowledge of" no topic: a possessive, a clause, a place's or a count's words.
_NOT_A_TOPIC = re.compile(r"['’]s\b|^\s*(?:what|how|when|why|who|which|where)\b|\d", re.I)
#: An acronym spelt out before it: "generally accepted accounting principles (GAAP)".
_SPELT_OUT = re.compile(r"\s*\(([A-Z][A-Z0-9&/-]{1,9})\)")
#: Why experience of a setting the posting requires is drafted preferred.
_SETTING_NOTE = ("The posting requires experience of this; a resume shows it only in these words, which one from "
                 "another setting may not use, so it is preferred. Add the words you accept.")
#: Knowledge asked as experience of it: "Experience with SOX".
_LIVED = re.compile(r"experience\b", re.I)
#: Experience named by what it was in, first: "Public accounting (audit) experience", "Hospitality or
#: hotel accounting experience (required)".
_BEFORE_EXPERIENCE = re.compile(r"(?:(?:prior|previous|some|relevant|strong|solid|proven|demonstrated)\s+)?"
                                r"(?P<what>[A-Z][A-Za-z/&-]*(?:\s+(?:or\s+|and\s+)?[A-Za-z/&-]+){0,4}?)\s*"
                                r"(?:\([^)]*\)\s*)?\s+experience\b", re.I)
#: Experience of a number of years is the years finder's ("5 years of experience in accounting").
_YEARS = re.compile(r"\b(?:\d+|" + "|".join(NUMBERS) + r")\s*\+?\s*(?:years?|yrs?)\b", re.I)
#: Experience offered in place of education names no topic of its own: "Additional qualifying experience
#: may substitute for the education", "Experience in lieu of a degree".
_IN_PLACE = re.compile(r"\b(?:may|can)\s+(?:be\s+)?substitut\w*|\bsubstitut\w*\s+for\b|\bin (?:lieu|place) of\b|"
                       r"\bequivalent\s+(?:combination|education|degree)\b", re.I)
#: A part that offers another of its kind, no topic of its own: "or a comparable ERP system".
_ANOTHER = re.compile(r"\s*(?:(?:an?|any)\s+(?:comparable|similar|equivalent|other)|(?:comparable|similar|another))\b")
#: What names examples of the topic: "including FMLA, ADA", "such as GAAP".
_EXAMPLES = re.compile(r",?\s*\b(?:including|such as|e\.g\.,?|for example,?|especially|particularly)\s+", re.I)
#: What experience doing something names: a duty ("Experience preparing financial statements").
_DOING = re.compile(r"\s*(?:\w+ing)\b(?<!\bing)", re.I)
#: A single word this common in general English (wordfreq's Zipf scale) is too general to be a topic
#: alone: "regulations" 4.5, "principles" 4.3; "payroll" 3.5 is not.
_ALONE = 4.0


def knowledge(sentences: list[Sentence], catalog: Catalog) -> list[Item]:
    """A technical-skills item for each knowledge, or experience of no years, a sentence asks of a
    topic it names (module docstring)."""
    items: list[Item] = []
    found = ((s, origin, m) for origin in sentences for s in _each_listed(origin)
             for m in (list(_KNOWS.finditer(s.text)) or [x for x in [_BEFORE_EXPERIENCE.match(s.text)] if x]))
    for s, origin, m in found:  # each "knowledge of" a sentence names: "..., 5 years in X, knowledge of GAAP"
        lived = m.re is _BEFORE_EXPERIENCE or bool(_LIVED.match(m.group()))
        if lived and (
                _YEARS.search(s.text) or _EXAMPLES.search(s.text) or _IN_PLACE.search(s.text)
                # a noun in -ing before "experience" names its setting ("Manufacturing or cost accounting
                # experience"); after it, a deed ("Experience preparing financial statements")
                or (m.re is _KNOWS and _DOING.match(m["what"]))
                or matches(s.text[m.start("what"):], lambda t: tech_lookup(catalog, t, ambiguous=True), 6)):
            continue  # "Experience in leading teams" is a duty, "3 years of experience in X" years,
            # "Experience with QuickBooks or NetSuite" tools, and experience in place of a degree the degree's
        what = re.split(r"\s+(?:is|are|would be)\b|\s+(?:required|preferred|desired|desirable|a plus|helpful)\b",
                        m.group("what"))[0]
        if _NOT_A_TOPIC.search(what):
            continue  # "the organization's programs", "what motivates employees", "how to handle ..."
        ex = _EXAMPLES.search(what)
        topics = [t for t in (_topic(p) for p in re.split(r",|\band\b|\bor\b", what[:ex.start()] if ex else what)
                              if not _ANOTHER.match(p))  # "Microsoft Dynamics or a comparable ERP system"
                  if t and not catalog.skills.lookup(t)
                  and not matches(t, lambda x: tech_lookup(catalog, x, ambiguous=True), 6)]  # "Microsoft Office Suite"
        if not topics:
            continue
        examples = [e.strip() for e in re.split(r",|\band\b|\bor\b", what[ex.end():]) if e.strip()] if ex else []
        examples = [e for e in examples if e[:1].isupper() and len(e.split()) <= 3]
        spelt = _SPELT_OUT.match(s.text, m.end("what"))  # "generally accepted accounting principles (GAAP)"
        aliases = list(dict.fromkeys(a for t in topics for a in _spellings(t))) + examples + (
            [spelt.group(1)] if spelt else []) + [a for t in topics for a in _written_otherwise(t)]
        label = ("Experience with " if lived else "Knowledge of ") \
            + ", ".join(topics[:-1]) + (" and " if len(topics) > 1 else "") + topics[-1]
        ident = "skill." + re.sub(r"[^a-z0-9]+", "_", topics[0].lower()).strip("_")
        kind = s.kind_at(m.start(), m.end())
        # a topic a resume names in its own words ("employee relations", "payroll") is shown only by those
        # words: preferred; an acronym ("GAAP", "FMLA") is written alike everywhere, and keeps its kind
        named = any(w.isupper() and len(w) >= 2 for a in aliases for w in re.findall(r"[A-Za-z]+", a))
        asked = kind if named and not lived else Kind.PREFERRED
        note = "" if asked == kind else (_SETTING_NOTE if lived else _WORDS_NOTE)
        add(items, Item(ident, Category.TECHNICAL_SKILLS, label[:90], asked, origin.text, {"aliases": aliases},
                        note=note))
    return items


#: Knowledge asked as a list after a colon, as government postings do: "Knowledge of: A; B; C."
_KNOWS_LIST = re.compile(r"((?:working\s+)?(?:knowledge|understanding|familiarity)\s+(?:of|in|with))\s*:\s*", re.I)


def _each_listed(s: Sentence) -> list[Sentence]:
    """``s``, or, for "Knowledge of: A; B; C.", one "Knowledge of A" for each item of its list."""
    m = _KNOWS_LIST.match(s.text)
    if not m:
        return [s]
    return [Sentence(f"{m.group(1)} {part.strip()}", s.heading, s.index, s.bullet)
            for part in s.text[m.end():].split(";") if part.strip(" .")]


#: Words that end a place's name: "New York State", "Salt Lake City", "Orange County".
_PLACE_WORDS = frozenset({"state", "city", "county", "district", "commonwealth", "province", "region"})
#: How well a topic is known, before it: "advanced Excel", "working knowledge".
_HOW_WELL = frozenset({"working", "advanced", "basic", "intermediate", "expert", "proficient", "thorough", "deep",
                       "broad", "sound", "firm", "general", "applicable", "modern", "standard", "relevant", "current"})


def _topic(part: str) -> str:
    """The topic a part of the knowledge's object names, or "": its words with the describing words
    before them and a general head after them taken off ("federal and state employment laws" ->
    "employment laws", "HRIS systems" -> "HRIS")."""
    words = re.findall(r"[A-Za-z][A-Za-z.&'/-]*", part)
    while words and words[0].lower() in STOP | VAGUE | GENERIC | _HOW_WELL and not names_a_region(" ".join(words[:2])) \
            and " ".join(words).lower() not in SPELT_OUT:  # "New York", "International Financial Reporting Standards"
        words = words[1:]
    if " ".join(words).lower() in SPELT_OUT:
        return " ".join(words)  # "good manufacturing practices": GMP, whatever its words
    names = next((i for i, w in enumerate(words) if not w.istitle()), 0)
    if names and words[names].islower() and ({w.lower() for w in words[:names]} & _PLACE_WORDS
                                             or names_a_region(" ".join(words[:names]))):
        words = words[names:]  # "New York State labor", "North Carolina tax law": a place's name before the topic
    while len(words) > 1 and words[-1].lower() in VAGUE_HEADS | GENERIC | WAY_HEADS:
        words = words[:-1]
    if not words or len(words) > 4:
        return ""
    if len(words) == 1:
        word = words[0]
        acronym = word.isupper() and len(word) >= 2
        return word if acronym or zipf_frequency(word.lower(), "en") < _ALONE and word.lower() not in GENERIC else ""
    return " ".join(words) if not any(w.lower() in STOP for w in words) else ""


def _written_otherwise(topic: str) -> list[str]:
    """The acronym of a body of rules or a system spelt out ("generally accepted accounting
    principles" -> GAAP; "human resources information", the topic of "... information systems" ->
    HRIS), or its spelling for an acronym ("FMLA" -> "family and medical leave act"), from
    ``SPELT_OUT``."""
    key = " ".join(topic.lower().split())
    if key in SPELT_OUT:
        return [SPELT_OUT[key]]
    return [full for full, acronym in SPELT_OUT.items() if acronym == topic.strip()][:1]


#: Words that say how good a kind of knowledge is: "HR best practices" is no "HR best".
_HOW_GOOD = frozenset({"best", "good", "leading", "common", "sound", "proven", "accepted", "standard"})
#: Heads that name a kind of knowledge, not its topic: "Agile methodologies" is Agile.
_KIND_HEADS = frozenset({"methodologies", "methodology", "methods", "principles", "practices", "concepts",
                         "standards", "techniques", "frameworks", "framework", "rules", "regulations", "laws"})


def _spellings(topic: str) -> list[str]:
    """The topic as written and with its last word in its dictionary form ("employment laws" ->
    "employment law"), an acronym at its end alone ("US GAAP" -> "GAAP"), and a name or two words
    before a head that names a kind of knowledge alone ("Agile methodologies" -> "Agile", "lean
    manufacturing principles" -> "lean manufacturing")."""
    words = topic.split()
    out = [topic]
    if words[-1].lower().endswith("s") and not words[-1].isupper() and lemma(words[-1]) != words[-1].lower():
        out.append(" ".join([*words[:-1], lemma(words[-1])]))
    if len(words) > 1 and words[-1].isupper() and len(words[-1]) >= 3:
        out.append(words[-1])
    if len(words) == 2 and words[-1].lower() in _KIND_HEADS and words[0][:1].isupper():
        out.append(words[0])
    if words[-1].lower() in _KIND_HEADS and not all(w.istitle() for w in words) and words[-2].lower() not in _HOW_GOOD \
            and topic.lower() not in SPELT_OUT and (
            len(words) == 3 or len(words) == 4 and any(w[:1].isupper() for w in words[:-1])):
        # "lean manufacturing principles", "US GAAP principles", "Lean Six Sigma principles": lean
        # manufacturing, US GAAP, Lean Six Sigma; not a proper name's words ("Financial Reporting" of
        # "Financial Reporting Standards"), nor three common words ("project management best")
        out.append(" ".join(words[:-1]))
        if words[-2].isupper() and len(words[-2]) >= 3 and len(words) == 3:
            out.append(words[-2])  # "US GAAP principles": GAAP too
    return out
