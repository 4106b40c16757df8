"""Which jobs are relevant to the role, and how well a whole resume fits the role's occupation.

The role is a set of O*NET occupations (``experience.occupations`` in the model, or else the one
closest to the model's title and those O*NET relates most closely to it) plus the model's own
``relevant_terms``. Both decisions read a text against the shipped occupation background
(``resumematch.catalog.occupations``), never against the other resumes in the folder, so a
resume's result does not depend on who else is ranked.

- A **job** counts as relevant when its title names one of the role's relevant terms or one of its
  occupations ("Systems Analyst" names Computer Systems Analysts), or when its title and duties
  read as one of the role's occupations: the closest of them scores at least
  ``JOB_FIT`` of the closest occupation of all. A cashier who "entered data" reads as a cashier,
  not as a software developer, whatever single words the entry shares with IT. A job whose title
  is another trade's, held only in occupations apart from the role's (``catalog.roles.beside``),
  is that trade's work whatever its duties share with the role: an "IT Manager" who hired staff
  and wrote policies is no human resources manager.
- The **fit** of a resume is the same reading over the sections that tell its trade (the analyzer
  leaves out contact lines, the name, towns, its jobs' employers and the like), averaged over two questions:
  does it read as one of the role's occupations, and as the role's own (the one its title names)?
  Each is 1.0 when no occupation reads closer, lower as other occupations pull ahead. The words
  that tie the resume to the role's closest occupation explain it.
- A **generic word** is a single word most trades use ("software", "system"); found for a
  requirement that names something more specific, it is not enough on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from ..catalog.held_titles import Named
from ..catalog.occupations import Background, Reading, background
from ..catalog.roles import beside, field_words, other_trade, title_occupations
from ..catalog.stems import ACRONYMS, RANK_WORDS, title_words, words
from .rules.notnames import firm_parts, is_place, without_places

#: A single word whose specificity is below this (a word the titles, descriptions or tools of more
#: than about a quarter of occupations use: "software", "system", "data", "Microsoft") is generic.
GENERIC_BELOW = 0.3

#: A job reads as the role's occupation when the closest of the role's occupations scores at least
#: this share of the closest occupation of all: close seconds count, clear other trades do not.
JOB_FIT = 0.8


#: What parts a title line: "Project Coordinator, Alpine Telecom", "IT Manager | Acme", "Engineer at Acme".
_TITLE_PARTS = re.compile(r"\s*(?:,|\||\s[-–—]\s|\s@\s|\sat\s)\s*")


#: A part of a title line that names a unit inside the employer ("Mathematics Department", "Intensive
#: Care Unit", "Payments Team") tells the job's own field, and is no employer.
_UNIT = re.compile(r"(?i)\b(?:department|dept|unit|team|division|group|section|desk|practice)\b")


@dataclass(frozen=True)
class JobVerdict:
    """Whether one dated entry is relevant work, and why, in words a recruiter reads."""

    relevant: bool
    why: str
    #: The job is the role itself: its title names one of the role's own occupations.
    role: bool = False


class RoleReader:
    """Reads jobs and resumes against one role: its occupations and its relevant terms."""

    def __init__(self, occupations: tuple[str, ...] = (), relevant_terms: tuple[str, ...] = (),
                 title: str = "", role_occupations: tuple[str, ...] = (), role_titles: tuple[str, ...] = ()) -> None:
        self.codes = tuple(occupations)
        self.own = tuple(role_occupations)
        self.terms = tuple(relevant_terms)
        self.role_titles = tuple(role_titles)
        self.title = title
        self.term_pattern = _terms_pattern(self.terms)
        self.role_title_pattern = _terms_pattern(self.role_titles)
        self._generic: dict[tuple[str, str], bool] = {}

    @cached_property
    def background(self) -> Background:
        return background()

    @cached_property
    def primary(self) -> str | None:
        """The role's own occupation: the one closest to its title, else the first it names."""
        closest = self.background.closest_title(self.title) if self.title else None
        return closest.code if closest else (self.codes[0] if self.codes else None)

    @cached_property
    def role_codes(self) -> tuple[str, ...]:
        """The role's occupations: the model's, or else those its title implies (the one closest to
        it, those O*NET relates most closely to it, and the field of those it leads:
        ``catalog.roles.title_occupations``)."""
        if self.codes or not self.primary:
            return tuple(dict.fromkeys((*self.codes, *self.own)))
        return tuple(dict.fromkeys((*title_occupations(self.title), *self.own)))

    @cached_property
    def near_codes(self) -> frozenset[str]:
        """The role's occupations and those beside them (``beside``): the trades whose people may do
        the role's work under their own titles (a business analyst for an IT role)."""
        return beside(self.role_codes)

    @cached_property
    def own_codes(self) -> frozenset[str]:
        """The role itself: the model's ``role_occupations``, or else the one closest to its title."""
        return frozenset(self.own or ((self.primary,) if self.primary else ()))

    def job(self, title: str, body: str) -> JobVerdict:
        """Whether the entry with title lines ``title`` and text ``body`` is relevant work, and
        whether it is the role itself (its title names one of the role's own occupations)."""
        line, title = title, self._without_firms(title)
        for role_title in self.role_title_pattern.finditer(title) if self.role_title_pattern is not None else ():
            if not _compound_before(title, role_title.start()):
                return JobVerdict(True, f"the role itself: its title names '{role_title.group()}' (one of the "
                                        "model's role titles)", role=True)
        named = self.background.named(title) if title else None
        if named is not None and not named.names(set(self.role_codes)) and _TITLE_PARTS.search(title):
            # the words of a title line's several parts can hold a title none of them holds ("Everly
            # Public Relations Baton Rouge , LA Information Technology Manager"): then the part that names
            # the role's work is what the job was, when no other part names another trade's title
            # ("Administrative Assistant - Information Technology Manager Office" is an assistant's job)
            parts = [n for part in _TITLE_PARTS.split(title) if part and (n := self.background.named(part))]
            if all(n.names(set(self.role_codes)) for n in parts):
                named = next(iter(parts), named)
        if named is not None and named.names(self.own_codes):
            own = next(o.title for o in named.occupations if o.code in self.own_codes)
            code = next(o.code for o in named.occupations if o.code in self.own_codes)
            if (other := other_trade(code, self.title, named.held)) is not None:  # an auditor, for an accountant
                return JobVerdict(True, f"its title names '{named.held}', a title of {other}: held in {own}, "
                                        "beside the role's own trade")
            return JobVerdict(True, f"the role itself: its title names '{named.held}' (a title held in {own})",
                              role=True)
        for named_term in self.term_pattern.finditer(title) if self.term_pattern is not None else ():
            if " " not in named_term.group() or not _compound_before(title, named_term.start()):
                return JobVerdict(True, f"its title names '{named_term.group()}'")
        if not self.role_codes:
            return JobVerdict(False, "the role names no occupation")
        if named is not None and named.names(set(self.role_codes)):
            held = next(o.title for o in named.occupations if o.code in self.role_codes)
            return JobVerdict(True, f"its title names '{named.held}' (a title held in {held})")
        trade = self._trade_apart(title, named) if named is not None else None
        if trade is not None:
            return JobVerdict(False, f"its title names '{named.held}', a title of {trade}: another trade than "
                                     "the role's or those beside it")
        text = blanked(without_places(body if line and line in body else f"{line}\n{body}"),
                        self.employers(line))
        reading = self.background.reading(text, self.role_codes, n_terms=3)
        if reading.best is None:
            return JobVerdict(False, "its entry has no words that tell an occupation")
        words = ", ".join(reading.terms)
        if reading.fit >= JOB_FIT and len(reading.terms) < 2:
            # one word tells no trade: an employer ("Oracle India") or a rank ("Coordinator") alone
            return JobVerdict(False, f"one word alone of its title and duties tells an occupation ({words}): "
                                     "too little to read it by")
        if reading.fit >= JOB_FIT:
            return JobVerdict(True, f"reads as {reading.closest.title} ({words})")
        return JobVerdict(False, f"its title and duties do not read as the role's occupations "
                                 f"(closest of them: {reading.closest.title}, {reading.fit:.2f} of the best match)")

    def _trade_apart(self, title: str, named: Named) -> str | None:
        """The occupation of another trade that the job's title names, if it names one: a title
        held in occupations none of which is the role's or beside it (``near_codes``); that names
        the field of an occupation holding it and, read alone, reads as that occupation ("Software
        Developer" of Software Developers; not "Service Engineer", a title O*NET lists under
        Aerospace Engineers, nor "Research Fellow", which reads closer to teaching assistants than
        to the survey researchers holding it); and whose part of the title line is that title and
        no more in its field ("Senior Software Developer, Acme"; not "Sales & Marketing Engineer",
        which holds "Sales Engineer"; "Engineer" names a rank, no field). None otherwise: then
        the job's duties decide."""
        if named.codes & self.near_codes:
            return None
        field = _field_words(named.held)
        if not field:
            return None
        for part in _TITLE_PARTS.split(title):
            found = self.background.named(part) if part else None
            if found is not None and found.held == named.held:
                if not _field_words(part) <= field:
                    return None
                stems = set(words(" ".join(field)))
                holders = tuple(o.code for o in named.occupations if stems & field_words(o.code))
                alone = self.background.reading(named.held, holders, n_terms=0) if holders else None
                return alone.closest.title if alone is not None and alone.fit >= JOB_FIT else None
        return None

    def employers(self, title: str) -> list[str]:
        """The parts of a title line that name where the job was, not what it was: beside a part
        that names a job ("Project Coordinator, Alpine Telecom"; a rank alone, "Director", names none),
        each other part that is no job title and no place. An employer's name tells no trade
        ("Telecom", "Research", "Microsoft" in "Security Officer | Microsoft") and is left out of the
        job's reading, as towns are."""
        firms, _ = firm_parts(_TITLE_PARTS.split(title), self._holds_title)
        parts = [p for p in _TITLE_PARTS.split(title) if p and re.search(r"[A-Za-z]{2}", p) and p not in firms]
        if len(parts) < 2:
            return firms
        held = {p: self.background.named(p) for p in parts}
        if not any(n is not None and (" " in n.held.strip() or n.held.strip().lower() not in RANK_WORDS)
                   for n in held.values()):
            return firms
        return firms + [p for p, n in held.items() if n is None and not is_place(p) and not _UNIT.search(p)]

    def _holds_title(self, part: str) -> bool:  # "Java programmer for Acme Ltd" holds a title
        return self.background.named(part) is not None

    def _without_firms(self, title: str) -> str:
        """A title line without the parts that name a firm (``firm_parts``), unless nothing else is left."""
        firms, kept = firm_parts(_TITLE_PARTS.split(title), self._holds_title)
        return " | ".join(kept) if firms and kept else title

    def is_generic(self, phrase: str, label: str) -> bool:
        """Whether a finding of ``phrase`` for a requirement labelled ``label`` is a single generic
        word standing for something more specific ("software" for "Software development projects"),
        which is not enough on its own. A label that is no more specific than the word ("Microsoft
        Excel" for "Excel") keeps it."""
        key = (phrase.casefold(), label)
        cached = self._generic.get(key)
        if cached is None:
            b = self.background
            cached = (len(phrase.split()) == 1 and b.specificity(phrase) < GENERIC_BELOW
                      and b.specificity(label) > b.specificity(phrase))
            self._generic[key] = cached
        return cached

    def fit(self, text: str) -> Reading:
        """How the whole resume reads against the role: the mean of its reading against all the
        role's occupations and against the role's own (the one its title names), so an IT project
        manager fits an IT project manager's role better than a developer does, and a developer
        better than a cook. Each reading is its ``lead`` over the typical occupation, so the words
        every trade shares lift no resume towards 1.0. ``text`` is the resume's ``fit_words``."""
        if not self.role_codes:
            return Reading(0.0, None, None, ())
        reading = self.background.reading(text, self.role_codes)
        own = self.background.reading(text, (self.primary,)) if self.primary else reading
        return Reading(round((reading.lead + own.lead) / 2, 3), reading.best, reading.closest, reading.terms)


def _field_words(title: str) -> set[str]:
    """The words of a title that name its field, not its rank ("Senior Software Developer":
    software, developer is a rank; "Director of Software Development": software, development)."""
    return {w for w in title_words(title) if w not in RANK_WORDS and w not in _FUNCTION_WORDS}


def blanked(text: str, phrases: Iterable[str]) -> str:
    """``text`` with each of ``phrases``, as a whole, blanked."""
    for phrase in phrases:
        text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", text)
    return text



def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for ``terms`` as whole words: a term in capitals ("IT", "PMO") as written, any
    other in any case and by the acronym of a field it spells out (``_acronym_forms``)."""
    sensitive = [re.escape(t) for t in terms if t.isupper()]
    insensitive = [re.escape(t) for t in terms if not t.isupper()]
    parts = [rf"\b(?:{'|'.join(sensitive)})\b"] if sensitive else []
    if insensitive:
        parts.append(rf"(?i:\b(?:{'|'.join(insensitive)})\b)")
    parts += [rf"\b{variant}\b" for t in terms if not t.isupper() for variant in _acronym_forms(t)]
    return re.compile("|".join(parts)) if parts else None


def _acronym_forms(term: str) -> list[str]:
    """Patterns of ``term`` with a spelled-out field as its acronym in capitals: "information
    technology" as "IT", "human resources manager" as "HR manager" (the rest in any case). A title
    that writes "IT Support Analyst" names the information technology a posting asked for."""
    low = term.lower()
    forms = []
    for acronym, spelled in ACRONYMS.items():
        if (at := low.find(spelled)) >= 0 and re.fullmatch(r"(?:^|.*\s)" + re.escape(spelled) + r"(?:\s.*|$)", low):
            before, after = low[:at], low[at + len(spelled):]
            forms.append((rf"(?i:{re.escape(before)})" if before else "") + acronym
                         + (rf"(?i:{re.escape(after)})" if after else ""))
    return forms


#: Words that may stand before a multi-word term without making it part of a longer name: function
#: words, and the rank or terms of a job ("Senior Systems Engineer" is a systems engineer).
_FUNCTION_WORDS = frozenset("""
a an the our their its his her my your this that these those and or of for to in on at with by from as
senior junior sr jr lead principal chief head associate assistant deputy acting interim trainee
graduate freelance contract contractor temporary
""".split())
_WORD_BEFORE = re.compile(r"([A-Za-z][\w&-]*)[ \t]+$")


def _compound_before(text: str, pos: int) -> bool:
    """Whether the term at ``pos`` is the tail of a longer noun compound ("customer service desk"):
    the word right before it is a plain lower- or title-case word, not a function word, a verb
    form ("Managed", "running") or an acronym ("IT service desk")."""
    m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    if not m:
        return False
    word = m.group(1)
    if word.isupper() or word.lower() in _FUNCTION_WORDS:
        return False
    return not re.search(r"(?:ed|ing|s)$", word.lower())
