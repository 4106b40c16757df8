"""The candidate's name: which header field holds it, or none when unsure.

A wrong name is worse than none, because the name goes into blind-mode keys and audits. So a
field becomes the name only when it is shaped like one (two to four capitalised words, none of
them a heading, job, place or company word) *and* something else speaks for it:

- its first word is a known given name (``data/given_names.txt``, from U.S. Social Security
  statistics);
- it comes with a "Name:" label, on its line or as the first value after a label column;
- it is a display line of the document (the largest type on the first page of a PDF);
- it opens the document and contact details follow closely.

Unless a label speaks for it, a field that reads as a job title, a heading or a place
(``notnames``) is never the name.

Plain functions; no spaCy.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ...catalog.stems import ORGANISATION_WORDS
from .header import find_email, find_phone, segments
from .headings import heading_label
from .notnames import STATE_CODES, is_title, not_a_name

_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:['’][^\W\d_]+)*(?:-[^\W\d_a-z][^\W\d_'’.-]*)*\.?$")
_PARTICLES = frozenset("van von de da del der la le bin al dos du di el".split())
_POST_NOMINALS = frozenset("""mba pmp phd rn bsn msn csm cpa md pe ms bs ba ma msc bsc capm cissp itil
cfa acca jd esq jr sr ii iii iv""".split())
#: Generational suffixes: part of the name ("Dwayne Mitchell Jr."), not letters after it.
_GENERATIONS = frozenset("jr sr ii iii iv".split())
_MONTHS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec""".split())
_PREFIX = re.compile(r"^(?:(?:full\s+|candidate\s+)?name\s*[:\-]\s*|(?:dr|mr|mrs|ms|miss|prof)\.?\s+"
                     r"|(?:resume|résumé|cv|curriculum\s+vitae)(?:\s+of)?\s+)", re.IGNORECASE)
_NAME_LABEL = re.compile(r"^(?:full\s+|candidate\s+|applicant\s+)?name\s*[:\-]", re.IGNORECASE)
_SUFFIX = re.compile(r"\s+(?:resume|résumé|cv|curriculum\s+vitae)$", re.IGNORECASE)
#: Headings a name may follow ("PERSONAL DETAILS / Name: ..."); any other heading ends the search.
CONTACT_HEADINGS = frozenset({"contact", "contact information", "contact details", "personal details",
                              "personal information", "personal data", "personal profile"})
_NOT_NAME = frozenset("""
united kingdom states emirates republic zealand kong arabia lanka rica africa america
resume résumé curriculum vitae cv sample template example examples profile contact summary address street road avenue
drive room boulevard nagar colony apt apartment suite box city state district village email e-mail mail phone mobile
tel telephone fax cell home skype website linkedin github objective name details information personal updated last
date birth nationality marital status gender manager engineer developer analyst consultant specialist director officer
intern designer architect administrator coordinator lead senior sr junior assistant nurse chef cashier associate
professional project projects it software technology technologies university college school institute company inc ltd
llc corp pvt limited group solutions systems services consulting labs bank present experience education skills
certified certification and the of for in at on to with by position tagline your here lorem ipsum job title server
retail sales scientist student teacher accountant executive representative technician supervisor owner founder
president head team member editor writer advisor adviser agent clerk programmer tester trainee fresher graduate career
highlights strengths native language languages fluent proficient copy packet guide management development marketing
business finance operations strategic planning data science computer web digital cloud network security support
customer service quality research applicant candidate my your our his her their this that these those
""".split())
_DATA = Path(__file__).resolve().parent.parent / "data" / "given_names.txt"


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    lines = _DATA.read_text(encoding="ascii").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _fold(word: str) -> str:
    """"José." -> "jose": the form the given-name list is kept in."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower().strip(".")


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a known given name (U.S. Social Security statistics, 1930 on)."""
    return _fold(word) in _given_names()


def name_score(line: str) -> bool:
    """Whether ``line`` is shaped like a person's name (2 to 4 capitalised words, nothing else)."""
    words = line.split()
    if not 2 <= len(words) <= 4 or len(line) > 40 or any(w.lower().strip(".") in _NOT_NAME for w in words):
        return False
    if not all(_name_word(w) for w in words):
        return False
    if any(len(w) > 2 and set(w.lower()) == {"x"} for w in words):
        return False  # "Jane XXXX": a redacted resume
    return sum(len(w.strip(".")) > 1 for w in words) >= 2


def _name_word(word: str) -> bool:
    return word in _PARTICLES or word[0].isupper() and bool(_NAME_WORD.match(word))


def _credential(word: str) -> bool:  # "PMP", "MS", "(CS)", "Ph.D."
    core = word.strip("().")
    return core.lower().replace(".", "") in _POST_NOMINALS or (core.isupper() and len(core) <= 5)


def clean_name(part: str) -> str:
    """The name-like part of a header segment, or "" when the segment is something else.

    Drops a "Name:" / "Resume of" / "Dr." prefix and a trailing "Resume", quotes and markup,
    what follows a comma when it is credentials or a place ("Jane Doe, PMP", "Jane Doe, Denver"),
    and what follows the name on the same segment (an address number, a date, the end of a
    sentence, a stray letter left by an icon font).
    """
    part = part.strip(" \"'“”*#_;>")
    while (cut := _PREFIX.sub("", part)) != part:
        part = cut
    part = _SUFFIX.sub("", part)
    words, number_follows = [], False
    for w in part.split():
        if any(c.isdigit() for c in w):
            number_follows = True
            break  # "Jane Doe 87 Some Street"
        words.append(w)
        if w.endswith(".") and sum(c.isalpha() for c in w) > 2 and w.lower().rstrip(".") not in _POST_NOMINALS:
            break  # "Jane Doe. Next sentence"
    while number_follows and len(words) > 2 and words[-1].lower().strip(".,") in _MONTHS:
        words.pop()  # "Jane Doe April 2019": a date follows the name
    head, _, rest = " ".join(words).partition(",")
    after = rest.replace(",", " ").split()
    if after and after[0] in STATE_CODES and (number_follows or after[0].lower() not in _POST_NOMINALS):
        return ""  # "Denver, CO 80202": a place
    tail = [w for w in after if not _credential(w)]
    if len(tail) > 3 or any(w[0].islower() for w in tail):
        return ""  # "Acme Corp, a leading maker of ..."
    words = head.split()
    generation = next((w for w in after if w.lower().strip(".") in _GENERATIONS), None)  # "Doe, Jr."
    while len(words) > 2 and words[-1].lower().replace(".", "") not in _GENERATIONS and (
            words[-1].lower().replace(".", "") in _POST_NOMINALS or _credential_acronym(words[-1])):
        words.pop()  # "Jane Doe PMP", "Keisha Robinson PHR"
    if generation and words[-1].lower().strip(".") not in _GENERATIONS:
        words.append(generation)
    if len(words) > 2 and len(words[-1]) == 1 and words[-1].isupper():
        words.pop()  # "Jane Doe B": an icon glyph read as a letter
    name = " ".join(words)
    # a generational suffix keeps its full stop ("Jr."); any other trailing one is a sentence's
    return name.strip(" ") if words and words[-1].lower().strip(".") in _GENERATIONS else name.strip(" .")


@lru_cache(maxsize=4096)
def _credential_acronym(word: str) -> bool:
    """Whether ``word``, in capitals, is a credential's acronym in the catalogue ("PHR", "SHRM-CP")."""
    if not (word.isupper() and 2 <= len(word) <= 8):
        return False
    from ...catalog.refs import bundled_parts  # the credentials a model's references loaded, not all of it

    return bool(bundled_parts().credentials.lookup(word.strip(",.")))


def _leading_name(raw: str) -> str:
    """The name at the start of a field that runs on into other words with no separator ("Jane
    Ann Doe University Communications, ..."), when its first word is a given name; else "".

    Not when the field is a sentence, when a comma follows the name (a place: "San Mateo, CA"),
    or when a state code follows it ("Clayton VIC 3204")."""
    words = _PREFIX.sub("", raw.strip(" \"'“”*#_;>")).split()
    if not words or not is_given_name(words[0]) or sum(w[0].islower() for w in words) >= 3:
        return ""
    if len(words) <= 4 and not_a_name(" ".join(words), is_given_name):
        return ""  # "MEDIA RELATIONS MANAGER": a job title, the whole field, whose first word is a given name
    taken = []
    for w in words[:5]:
        if w.endswith(",") or w in STATE_CODES:
            return ""
        acronym = w.isupper() and not all(t.isupper() for t in taken)
        if acronym or not _name_word(w) or w.lower().strip(".") in _NOT_NAME | _MONTHS:
            break
        taken.append(w)
    candidate = " ".join(taken).strip(" .")
    return candidate if name_score(candidate) and not not_a_name(candidate, is_given_name) else ""


def _label(raw: str) -> str:
    return raw.strip(" \"'“”*#_=|").rstrip(":").strip().lower()


def find_name(text: str, first_section: int, display_lines: Sequence[str] = (), max_segments: int = 30,
              max_chars: int = 2000) -> tuple[str, int] | None:
    """The candidate's name and its offset in ``text``, or None when no field is clearly a name.

    The search covers the header: it ends at ``first_section`` (the first heading that is not a
    contact heading), at any other heading, and a few fields after the first email or phone.
    ``display_lines`` (the largest type of the first PDF page) are tried first, wherever they are.
    """
    for line in display_lines:
        candidate = clean_name(line)
        if candidate and name_score(candidate) and not heading_label(candidate) \
                and not not_a_name(candidate, is_given_name):
            offset = text.find(candidate.split()[0])
            if offset >= 0:
                return _display(candidate), offset
    limit = min(first_section if first_section > 0 else len(text), max_chars)
    fields = []
    for i, (start, end) in enumerate(segments(text, 0, limit)):
        if i >= max_segments or text.count("\n", 0, start) > 15:
            break
        fields.append((start, end))
    contact = [i for i, (start, end) in enumerate(fields)
               if find_email(text[start:end]) or find_phone(text[start:end])]
    last_contact = contact[-1] if contact else len(fields)
    after_label = None  # the field index of a bare "Name:" label
    fallback = None  # a name found at the start of a longer field, if no field is one
    put_off = False  # the fallback is a title, or a trade after a title: only a given name replaces it
    for i, (start, end) in enumerate(fields):
        if i > last_contact + 5 and after_label is None:
            break  # past the contact block, unless a label column ("Name:") still awaits its value
        raw = text[start:end].strip(" \"'“”*#_=|")
        if heading_label(raw):
            if _label(raw) in CONTACT_HEADINGS:
                continue
            break
        if raw.endswith(":"):  # a field label ("Name:", "Font Styles:"), not a value
            if _NAME_LABEL.match(raw):
                after_label = i
            continue
        candidate = clean_name(raw)
        labelled = bool(_NAME_LABEL.match(raw)) or (after_label is not None and i - after_label <= 8)
        if not (candidate and name_score(candidate) and not heading_label(candidate) and _not_place(candidate)
                and (labelled or not not_a_name(candidate, is_given_name))):
            leading = _leading_name(raw) if fallback is None else ""
            if leading:
                offset = text.find(leading.split()[0], start, end)
                fallback = _display(leading), (start if offset < 0 else offset)
            continue
        after_title = _after_a_title(text, start)
        if not is_given_name(candidate.split()[0]) and after_title:
            continue  # "FINANCE MANAGER - AUTO DEALERSHIP": the title's employer or field, no name
        near_contact = any(-3 <= c - i <= 6 and c != i for c in contact)
        if put_off and not labelled and _names_a_trade(candidate):
            continue  # "Grant Thornton LLP" below "Staff Accountant - Jane Smith": a firm, no better name
        if labelled or is_given_name(candidate.split()[0]) or (i < 3 and near_contact and not put_off):
            offset = text.find(candidate.split()[0], start, end)
            found = _display(candidate), (start if offset < 0 else offset)
            if labelled or not (after_title and _names_a_trade(candidate) or is_title(candidate, min_words=2)):
                return found
            # a title a given name opens ("Bill Collector"), or a trade or firm after a title ("Senior
            # Accountant - Grant Accounting", "Staff Accountant | Grant Thornton LLP"), is the name only when
            # no field below, opened by a given name, is one ("Tom Reed", "Jane Smith"; not "Greater
            # Charlotte Area", only near the contacts). A firm named like a person ("Financial Advisor |
            # Edward Jones") cannot be told from a name by its words: it stays the name.
            fallback, put_off = fallback or found, True
    return fallback


#: A word that names a trade or a business after a name's first word: an -ing word, an organisation's word.
_TRADE_WORD = re.compile(r"[A-Za-z]{3,}ing|(?i:" + "|".join(sorted(ORGANISATION_WORDS)) + r"|&)\.?")


def _names_a_trade(candidate: str) -> bool:
    """Whether a word after the first names a trade or a business ("Grant Accounting", "Mercer
    Consulting", "Grant Thornton LLP", "Boston Medical Center"). A person's name ("Jane Smith") names
    none; a firm named like a person ("Edward Jones") cannot be told from one by its words."""
    return any(_TRADE_WORD.fullmatch(w) for w in candidate.split()[1:])


def _after_a_title(text: str, start: int) -> bool:
    """Whether a job title comes before the field at ``start`` on its line ("FINANCE MANAGER - AUTO
    DEALERSHIP"): a field there that no given name opens is the title's employer or field ("Senior
    Project Manager - Jane Doe" keeps its name)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = (text[a:b].strip(" -–—|,") for a, b in segments(text, line_start, start))
    return any(len(o.split()) >= 2 and (not_a_name(o, is_given_name) or is_title(o)) for o in before)


def find_labelled_name(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The name given by a "Name:" / "Full Name:" label in ``text[start:end]`` (a personal-details
    section after the body of the resume), on the label's line or the line after it."""
    lines = list(segments(text, start, end))
    for i, (a, b) in enumerate(lines):
        raw = text[a:b].strip(" \"'“”*#_=|")
        if not _NAME_LABEL.match(raw):
            continue
        if raw.endswith(":") and i + 1 < len(lines):
            a, b = lines[i + 1]
            raw = text[a:b]
        candidate = clean_name(raw)
        if candidate and name_score(candidate):
            offset = text.find(candidate.split()[0], a, b)
            return _display(candidate), (a if offset < 0 else offset)
    return None


def _not_place(candidate: str) -> bool:
    """False for "Clayton VIC": a state or province code after a place name (in a name set in
    capitals, "MARIA DE LA CRUZ", such words are the name's own)."""
    return candidate.isupper() or not any(w in STATE_CODES for w in candidate.split()[1:])


def _display(name: str) -> str:
    """"JANE DOE" -> "Jane Doe"; a name already in mixed case is kept as written."""
    return name.title() if name.isupper() else name
