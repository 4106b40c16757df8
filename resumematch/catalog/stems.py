"""How a text becomes words the occupation background compares: acronyms spelled out, lower
case, no function words and no words of sex or gender, stemmed (Snowball, PyStemmer)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import Stemmer

#: Acronyms spelled out before comparing: as upper-case words only ("it" is a pronoun).
ACRONYMS = {"IT": "information technology", "HR": "human resources", "QA": "quality assurance",
            "UX": "user experience", "UI": "user interface", "CPA": "certified public accountant",
            "RN": "registered nurse", "ERP": "enterprise resource planning", "CRM": "customer relationship management",
            "PMO": "project management office", "SDLC": "software development life cycle"}

#: The legal forms of employers ("Acme Inc.", "Tata Consultancy Pvt. Ltd."): a part of a title line
#: that ends with one names where the job was, never what it was.
LEGAL_FORMS = frozenset("inc incorporated llc pllc ltd limited pvt plc llp gmbh corp corporation".split())
#: The words that end an organisation's name: a firm's legal form or an organisation's head ("Grant
#: Thornton LLP", "Boston Medical Center", "Granite Insurance Group").
ORGANISATION_WORDS = frozenset("""llp llc inc corp ltd plc pllc partners associates group company center centre
hospital clinic health medical bank university college school institute services solutions systems foundation
agency corporation financial capital insurance holdings industries enterprises technologies properties""".split())

#: Words of sex and gender, of place and anonymised placeholders ("Company Name - City , State"), the
#: legal forms of employers ("Inc.", "Pvt. Ltd.") and the words for where one studied ("University",
#: "College") (docs/fairness.md): they may move no score. In O*NET's text the legal forms stand in
#: one or two tool names each ("inc" only in insurance appraisers' and printing press operators'), so
#: every employer's "Inc." read as those trades.
UNTOLD = frozenset("""
women woman womens men man mens female male ladies gentlemen girls boys pronouns herself himself themselves
name names city cities state states street county country zip address town province
inc llc ltd pvt plc llp gmbh corp university universities college colleges
""".split())

#: English function words, the words every resume uses about itself, and the ``UNTOLD`` words: none
#: of them tells an occupation apart.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each etc few for from further had has have
having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off
on once only or other our ours out over own same she should so some such than that the their theirs them
then there these they this those through to too under until up us very was we were what when where which
while who whom why will with within without would you your yours per via including include includes
various related use uses used using may must one two three four five six seven eight nine ten new well
year years month months present current currently responsible responsibilities duties duty job work worked
working role roles position positions team teams company companies client clients day daily ensure ensured
senior junior sr jr ii iii iv experience summary skills education
""".split()) | UNTOLD

#: Words of a job title that say what rank or kind of post it is, not what trade: "Director" alone,
#: "Information Technology Manager" by "Information Technology", "Human Resources Specialists" by
#: "Human Resources". Singular, lower case (as ``title_words`` gives them).
RANK_WORDS = frozenset("""manager engineer developer analyst consultant specialist director officer lead supervisor
coordinator administrator associate assistant executive technician representative partner agent advisor
adviser clerk intern trainee head chief president vp owner founder member worker operator""".split())

TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9+#]*")
#: PyStemmer keeps the stems of the last 10,000 words it saw: no cache of our own is needed.
_stem = Stemmer.Stemmer("english").stemWord


#: Each token seen, with its comparable words (stemmed) and its title words: the background reads
#: some 400,000 tokens of O*NET text, most of them the same few thousand words.
_STEMS: dict[str, tuple[str, ...]] = {}
_TITLE_WORDS: dict[str, tuple[str, ...]] = {}


def words(text: str) -> list[str]:
    """The comparable words of ``text``: acronyms spelled out, lower case, no function words, stemmed."""
    out: list[str] = []
    for token in TOKEN.findall(text):
        stems = _STEMS.get(token)
        if stems is None:
            stems = _STEMS[token] = tuple(_stem(w) for w in _spelled(token))
        out += stems
    return out


def title_words(text: str) -> list[str]:
    """The words of a job title, acronyms spelled out, lower case, plurals made singular but not
    stemmed: in titles "Accountant" and "Accounts" name different trades."""
    out: list[str] = []
    for token in TOKEN.findall(text):
        out += title_token(token)
    return out


def title_token(token: str) -> tuple[str, ...]:
    """``title_words`` of one token (a match of ``TOKEN``)."""
    found = _TITLE_WORDS.get(token)
    if found is None:
        found = _TITLE_WORDS[token] = tuple(map(singular, _spelled(token)))
    return found


def whole_words(text: str) -> list[str]:
    """Every word of a title as written, lower case and singular, acronyms spelled out ("RN"),
    initials and function words kept: to tell whether one title is another whole ("Marina J.
    Porter" is no "Marina Porter")."""
    return [singular(w) for token in TOKEN.findall(text)
            for w in (ACRONYMS[token].split() if token in ACRONYMS else [token.lower()])]


def singular(word: str) -> str:
    """A lower-case word's singular, as titles use it ("nurses" -> "nurse", "actuaries" -> "actuary")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _spelled(token: str) -> list[str]:
    """The comparable words of one token: an acronym spelled out, lower case, no function words."""
    spelled = ACRONYMS.get(token)
    return [w for w in (spelled.split() if spelled else (token.lower(),)) if len(w) > 1 and w not in STOPWORDS]


def _tokens(text: str) -> Iterator[tuple[str, str]]:
    """Each comparable word of ``text`` (acronyms spelled out, lower case, no function words) with
    the token it came from."""
    for token in TOKEN.findall(text):
        for word in _spelled(token):
            yield token, word


def surfaces(text: str) -> dict[str, str]:
    """Each stem of ``text`` with the first word it came from, to show stems as words."""
    out: dict[str, str] = {}
    for token, word in _tokens(text):
        out.setdefault(_stem(word), token)
    return out


#: The stems of the rank words: "Management Analysts" name no field by "management".
RANK_STEMS = frozenset(words(" ".join(RANK_WORDS)))
