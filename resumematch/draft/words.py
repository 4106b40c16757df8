"""Small word lists and the dictionary form of a word, for reading postings without spaCy."""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from importlib import resources

from wordfreq import zipf_frequency

from ..catalog.stems import RANK_WORDS

#: Zipf frequency (wordfreq, general English) from which a word is too common to tell one job from
#: another: "accounting" 4.3 and "nursing" 4.3 are below, "proof" 4.7, "complex" 4.9, "data" 5.3 above.
COMMON = 4.6
#: Zipf frequency under which a candidate lemma is not a word ("develope", "statu", "criterium").
REAL_WORD = 2.5

STOP = frozenset("""a an the and or of to in on for with by as at from into our your their its this that these
those we you they it is are be will can may must should would all any each other such new own who which what
when where how strong excellent good great solid proven demonstrated ability able high highly well very
including include includes e.g. i.e. etc also both more most other across within per via using use""".split())

#: Bodies of rules and systems that postings spell out and resumes write by their acronym (and the
#: other way round): "Knowledge of generally accepted accounting principles" is met by "GAAP".
SPELT_OUT = {"generally accepted accounting principles": "GAAP", "international financial reporting standards": "IFRS",
             "governmental accounting standards board": "GASB", "family and medical leave act": "FMLA",
             "fair labor standards act": "FLSA", "americans with disabilities act": "ADA",
             "employee retirement income security act": "ERISA", "health insurance portability and accountability act":
             "HIPAA", "occupational safety and health administration": "OSHA", "equal employment opportunity": "EEO",
             "human resources information": "HRIS", "applicant tracking": "ATS", "sarbanes-oxley": "SOX",
             "consolidated omnibus budget reconciliation act": "COBRA", "international accounting standards": "IAS",
             "generally accepted auditing standards": "GAAS", "good manufacturing practices": "GMP"}

#: Words too general to tell one job from another as an object or a relevant term.
GENERIC = frozenset("""experience years year work working professional relevant related field role position
environment setting skills skill knowledge understanding industry job level minimum plus least equivalent
team teams business company organization organisation stakeholders stakeholder things tasks task day
duties responsibilities areas area various multiple different key""".split())

#: Words that make a compound vague however common its other words: "large complex projects",
#: "either federal", "general office".
VAGUE = frozenset("""large small complex simple various multiple different new good strong high significant major
diverse broad wide general overall similar either both any federal state local national international global
regional fast paced dynamic progressive increasing senior junior fast-paced high-volume high-pressure
deadline-driven results-driven team-oriented customer-focused""".split())
#: Heads too general to make a compound specific: "software projects", "data systems".
VAGUE_HEADS = frozenset("projects project systems system programs program solutions tools products".split())
#: Heads that name the way work is done, not what it is done on: "the year-end close process" is the
#: close, "A/R processes" A/R.
WAY_HEADS = frozenset("process processes processing procedures functions activities operations workflows".split())

NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "twelve": 12, "fifteen": 15}


@cache
def _table() -> dict[str, str]:
    path = resources.files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
    with path.open("rb") as raw, gzip.open(raw) as handle:
        return json.load(handle)


def lemma(word: str) -> str:
    """The dictionary form of an English word ("led" -> "lead", "statements" -> "statement",
    "developing" -> "develop"): the first of spacy-lookups-data's lemma (the analyzer's) and the
    usual inflections taken off that is a real English word, else the word itself ("status")."""
    word = word.lower()
    found = _table().get(word, "")
    candidates = [found if found != "datum" else ""]  # "data" stays data
    if word.endswith("ies") and len(word) > 4:
        candidates.append(word[:-3] + "y")
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        candidates += [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]
    if word.endswith("ing") and len(word) > 5:
        candidates += [word[:-3], word[:-3] + "e", word[:-4]]
    if word.endswith("ed") and len(word) > 4:
        candidates += [word[:-2], word[:-1], word[:-3]]
    for candidate in candidates:
        if candidate and candidate != word and zipf_frequency(candidate, "en") >= REAL_WORD:
            return candidate
    return word


def specific(term: str) -> bool:
    """Whether a term tells one line of work from another: one of its words is rarer in general
    English than ``COMMON`` (wordfreq's Zipf scale), or it is a compound of two or more common
    words with neither a vague modifier nor a general head. So "accounting", "public accounting",
    "human resources" and "project management" are specific; "large", "complex projects", "data",
    "proof" and "federal service" are not."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z+#.'-]*", term) if w.lower() not in STOP]
    if any(zipf_frequency(w, "en") < COMMON and w not in GENERIC for w in words):
        return True
    return len(words) >= 2 and not set(words) & VAGUE and words[-1] not in GENERIC | VAGUE_HEADS


#: Verbs of the workplace too new for the lemma table: "Onboard new hires".
NEW_VERBS = frozenset({"onboard", "offboard", "upskill"})


@cache
def _inflected() -> frozenset[str]:
    """Every dictionary form the lemma table gives an "-ed" or "-ing" form: "planned" -> plan,
    "driving" -> drive, which adding an ending to the verb does not spell."""
    return frozenset(base for form, base in _table().items() if form.endswith(("ed", "ing")) and form != base)


def is_verb(word: str) -> bool:
    """Whether an English verb has this form as its dictionary form ("Analyze": "analyzed" -> analyze)."""
    word = word.lower()
    table = _table()
    # "-ing" forms checked through lemma() too ("developing" -> develop), as the table has errors;
    # "-ed" forms only through the table, since adjectives end so too ("principled").
    return (word in NEW_VERBS or any(table.get(word + end) == word for end in ("ed", "d", "ing"))
            or word in _inflected()
            or zipf_frequency(word + "ing", "en") >= REAL_WORD and lemma(word + "ing") == word)


#: Participles that make a noun before them a trait: "Detail oriented", "Results driven", "Self motivated".
_TRAIT_PARTICIPLES = frozenset({"oriented", "minded", "driven", "focused", "motivated", "directed", "starter"})
#: What such a trait is about, the word before the participle: "Detail oriented ...", "Results driven
#: ...", "Highly motivated ...". A verb there acts on what follows ("Lead focused team meetings",
#: "Supervise driven professional and clerical staff", "Perform focused assessments").
_TRAIT_NOUNS = frozenset("""detail details result results self goal goals customer client team quality process deadline
data solution solutions people service mission safety growth task action success patient student outcome outcomes
performance sales profit cost career research target targets budget design impact market metrics value highly
very""".split())
#: Nouns for a person good at the word before them: "Excel wizard", "SQL guru"; those that also
#: describe a thing ("expert advice") only when they end the phrase or a clause follows them.
_WHO = frozenset({"wizard", "guru", "ninja", "whiz", "enthusiast", "aficionado"})
_WHO_AT_END = frozenset({"expert", "pro", "champion", "maven"})
#: What follows a person good at something: nothing, or a clause ("who ...", "with ..."); not "and" or
#: a comma, which go on to other objects ("expert, courteous service").
_AFTER_WHO = ([], ["with"], ["who"], ["that"], ["("], ["."], ["-"])
#: Who bears a trait, after it: "Results driven manager", "Research oriented mindset", "Team oriented
#: individual"; or a clause. A verb before a participle with another object acts on it: "Design focused
#: training for new staff", "Target motivated sellers", "Budget directed funds" are duties.
_BEARERS = frozenset("""individual person professional candidate mindset attitude approach player thinker leader
self-starter""".split())


def names_a_trait_or_person(lower: list[str]) -> bool:
    """Whether the words (lower case) of an item open with a trait ("Detail oriented", "Results driven
    manager") or a person good at something ("Excel wizard", "Excel expert"), not an order."""
    if not lower[1:2]:
        return False
    if lower[1] in _WHO or lower[1] in _WHO_AT_END and lower[2:3] in _AFTER_WHO:
        return True
    if lower[1] not in _TRAIT_PARTICIPLES or lower[0] not in _TRAIT_NOUNS:
        return False
    after = lower[2] if len(lower) > 2 else ""
    return (not is_verb(lemma(lower[0])) or after in ("", ",", ".", ";", "(", "-", "and", "with", "who", "that")
            or after in _BEARERS or after in RANK_WORDS or not after.endswith("s") and is_occupation(after))


def is_occupation(noun: str) -> bool:
    """Whether ``noun`` alone is a title people hold in an O*NET occupation ("lawyer", "nurse",
    "accountant"; not "member", "worker" or "team"): a word that names a trade, however common
    it is in English."""
    from ..catalog.occupations import background  # late: drafting only, and it loads the background

    named = background().named(noun)
    return named is not None and len(named.held.split()) == 1
