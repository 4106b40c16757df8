"""Years of experience a posting asks for, and the terms that make a job relevant to the role.

"4+ years of accounting experience (required)" becomes an experience requirement of that kind;
several "N years" lines become one requirement only when they name the same thing. The model's
``experience.relevant_terms`` come from ``relevant_terms``: the occupation in the posting's title
and the X of each "N years of X", never words too common to tell one job from another.
"""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

from ..catalog import Catalog
from ..types import Category, Kind
from .finders import ACCEPTS, Item, matches
from .posting import Sentence
from .tools import tech_lookup
from .words import GENERIC, NUMBERS, REAL_WORD, STOP, is_occupation, lemma, specific

_YEARS = re.compile(r"(?:(\d+)|(" + "|".join(NUMBERS) + r"))\s*(?:\(\d+\)\s*)?\+?\s*"
                    # a range asks its lower bound: "3-5 years", "three to five years", "2 to 4 years"
                    r"(?:(?:-|\bto\b)\s*(?:\d+|" + "|".join(NUMBERS) + r")\s*(?:\(\d+\)\s*)?)?\+?\s*"
                    r"(?:or more\s+)?(?:full[- ]time\s+)?"
                    r"(years?|yrs?|months?)['’]?\s+(?:of\s+)?((?:(?!\b(?:\d+|" + "|".join(NUMBERS) + r")\s*"
                    r"(?:\(\d+\)\s*)?\+?\s*(?:years?|yrs?|months?)\b)[^.;]){0,90})", re.I)  # X ends at the next years
#: Years written after what they are in, as job boards list them: "Accounting: 3 years (Required)".
_X_YEARS = re.compile(r"^(?:experience\s*:\s*)?([A-Za-z][A-Za-z0-9 &/+#.'-]{1,40}?)\s*:\s*(\d+)\s*\+?\s*"
                      r"(?:years?|yrs?)\b", re.I)
#: Words before X that say nothing of what it is ("professional", "progressively responsible").
_QUALIFIERS = re.compile(r"^(?:(?:professional|relevant|related|progressive(?:ly)?|responsible|direct|hands-on|"
                         r"work|full-time|paid|proven|demonstrated|post-degree|specialized|additional|prior|"
                         r"recent|successful|combined|total|general|applicable|equivalent|qualifying)\s+)+", re.I)
#: Where X ends: the words after these are context, not what the experience is in.
_X_END = re.compile(r",|;|\(| or | and | in a | in an | within | with | at a | at the | at least | that | which | "
                    r"who | equivalent| to | for | including | such as | preferably | preferred| required| is | are ",
                    re.I)
#: Seniority and grade words in a title, which say nothing of the occupation.
_SENIORITY = re.compile(r"\b(senior|sr|junior|jr|lead|principal|staff|chief|head|entry[- ]level|mid[- ]level|"
                        r"associate|assistant|trainee|intern|i{1,3}|iv|[0-9]+)\b\.?", re.I)
#: Words of a title naming where the job sits, not what it is ("HR Department Manager").
_ORG_WORDS = {"department", "dept", "division", "office", "unit", "group"}
#: Title nouns naming a kind of job but not its field; the field is in the words before them.
ROLE_NOUNS = {"manager": "management", "specialist": "", "analyst": "analysis", "engineer": "engineering",
              "officer": "", "coordinator": "coordination", "administrator": "administration", "consultant": "",
              "director": "", "technician": "", "representative": "", "partner": "", "supervisor": "supervision",
              "developer": "development", "designer": "design", "architect": "architecture", "scientist": "science",
              "clerk": "", "agent": "", "generalist": "", "advisor": "", "adviser": "", "lead": ""}


def relevant_terms(title: str, phrases: list[str]) -> list[str]:
    """The terms that make a dated job relevant to the role: the occupation named in ``title``
    ("Senior Accountant" -> accountant, accounting; "IT Project Manager" -> it project manager,
    project management) and each phrase of ``phrases`` (the X of "N years of X") that is specific.
    Generic words are never terms ("large", "complex", "projects", "proof", "data", "system")."""
    terms: list[str] = []
    for part in re.split(r"[(),/|:–-]| - ", re.sub(r"\bGS-?\d.*$", "", title)):
        words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z&'’]*", _SENIORITY.sub(" ", part))
                 if w.lower() not in _ORG_WORDS]
        if not words or len(words) > 5 or words[0] == "except":
            continue  # "Teachers, Except Special Education": what the job is not
        words[-1] = _singular(words[-1])
        head, before = words[-1], words[:-1]
        if head in ROLE_NOUNS:
            field = " ".join(before)
            terms += [" ".join(words)] if before else []
            terms += [field] if field and (" " in field or specific(field)) else []
            if field and ROLE_NOUNS[head]:
                terms.append(f"{field} {ROLE_NOUNS[head]}")
        else:
            terms += [" ".join(words)] if before and specific(" ".join(words)) else []
            terms += [head] if specific(head) or is_occupation(head) else []
            if _AGENT.search(head) or is_occupation(head):  # a person's trade: accountant -> accounting
                terms += [form for form in _activities(head) if specific(form)]
    for phrase in phrases:
        # A product's name ("C#", "QuickBooks", "SQL") is specific however its letters read in English.
        terms += [w for w in phrase.split() if re.search(r"[+#]|\d", w) or (len(w) > 1 and w[1:] != w[1:].lower())]
        if specific(phrase):
            terms.append(phrase.strip().lower())
    # a term in any case already matches its capitals: "hr" makes "HR" (from "HR experience") a duplicate
    anycase = {t for t in terms if not t.isupper()}
    return list(dict.fromkeys(t for t in terms if t and not (t.isupper() and t.lower() in anycase)))


#: The endings of a noun for a person who does a job: "accountants", "managers", "lawyers" are the
#: plural of one; "sales", "operations", "systems" and "resources" are not.
_AGENT = re.compile(r"(?:er|or|ist|ant|ent|ian|yer|ee)$")


def _singular(noun: str) -> str:
    """A plural title noun as one person's title ("Marketing Managers" is a marketing manager's job):
    the singular of a noun naming a person (see ``_AGENT``, the role nouns, or an occupation's title
    by itself, "Nurses"); any other word as it is. A plural is rarer in English than its singular,
    so left plural it would pass for a specific term ("managers")."""
    one = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
    return one if one in ROLE_NOUNS or _AGENT.search(one) or is_occupation(one) else noun


def _activities(noun: str) -> list[str]:
    """The field an occupation noun works in: accountant -> accounting, nurse -> nursing."""
    stem = re.sub(r"(ant|er|or|e)$", "", noun)
    return [form for form in dict.fromkeys((stem + "ing", noun + "ing"))
            if form != noun and zipf_frequency(form, "en") >= REAL_WORD]


#: Words that set two kinds of one field apart ("inside or outside sales", "public or private accounting").
_MODIFIERS = frozenset("""inside outside public private internal external domestic international direct indirect
residential commercial inpatient outpatient retail wholesale federal state local government corporate b2b b2c
acute ambulatory""".split())


def subject(what: str) -> str:
    """X in "N years of X": "accounting experience in a CPA firm" -> "accounting"; "experience in
    public accounting" -> "public accounting"; "delivering large projects" -> "large projects"."""
    what = re.sub(r"^(?:of\s+)?", "", what.strip(), flags=re.I)
    what = _QUALIFIERS.sub("", what)
    what = re.sub(r"^(?:in|as)\s+(?:an?|the)\s+", "", what, flags=re.I)  # "2 years in a supervisory role"
    if m := re.match(r"experience\s+(?:in|with|as|of|doing|working (?:in|on|with)|using)\s+(?:an?\s+|the\s+)?(.*)",
                     what, re.I):
        what = _QUALIFIERS.sub("", m.group(1))
    elif m := re.match(r"(.{0,60}?)\s*\bexperience\b", what, re.I):
        what = m.group(1)
    # "outside or inside B2B sales", "public or private accounting": two modifiers of one field, the field
    # after them; not "food and beverage" (one field), nor "customer or client facing" (no field after)
    pair = re.match(r"(\w+) or (\w+) (\w.*)", what)
    if pair and {pair.group(1).lower(), pair.group(2).lower()} <= _MODIFIERS:
        what = pair.group(3)
    what = _X_END.split(" " + what + " ", maxsplit=1)[0].strip()
    words = what.split()
    if words and words[0].lower() in ("either", "both", "any", "each"):
        return ""  # "in either federal or non-federal service": where, not what
    if len(words) > 1 and words[0].lower().endswith("ing") and lemma(words[0]) != words[0].lower():
        words = words[1:]  # "delivering large projects": a verb and its object; the object is X
    words = [w for w in words[:5] if w.lower() not in STOP]
    while words and words[-1].lower() in GENERIC:
        words.pop()  # "supervisory role" -> supervisory
    return " ".join(words) if words and not all(w.lower() in GENERIC for w in words) else ""


#: Years that follow "including" or "with" (at least, a minimum of) are a part of the years asked
#: before them: "5+ years of payroll experience, with at least 2 years supervising payroll staff".
_INCLUDING = re.compile(r"\b(?:including|includes|incl\.|with)\s+(?:at\s+least\s+|a\s+minimum\s+of\s+|minimum\s+)?$",
                        re.I)
#: "Up to 2 years of warehouse experience": a ceiling, which asks no minimum.
_UP_TO = re.compile(r"\b(?:up\s+to|no\s+more\s+than|less\s+than|under|fewer\s+than)\s*$", re.I)
#: What the years are in, said by a verb: "3+ years administering employee benefits".
_DOING = re.compile(r"\s*[a-z]+ing\b", re.I)
#: Why years asked as a part of other years are not drafted apart.
_PART_NOTE = ("a part of the years asked before it: the model scores one experience figure (years in relevant jobs), "
              "so it is not drafted apart; add a duty or a trait for what those years must include if you screen by it")


def experience(sentences: list[Sentence], catalog: Catalog, title: str) -> tuple[list[Item], dict]:
    """The experience requirements ("N+ years of X", one per distinct X, with its own kind) and the
    model's ``experience`` block: full strength at the main requirement's years, and the terms."""
    found: dict[str, list] = {}
    parts: list[Item] = []
    for s in sentences:
        for m in _YEARS.finditer(s.text):
            what = m.group(4)
            # years of schooling ask no experience ("two years of college in accounting", "university
            # coursework"); "college admissions experience", "study coordination experience" do
            phrase = re.split(r"[,;(]|\s(?:or|and)\s", what, maxsplit=1)[0]
            schooling = re.match(r"\s*(?:of\s+)?(?:college|university|undergraduate|graduate|post-?secondary|"
                                 r"coursework|schooling|study|studies)\b", what, re.I) \
                and not re.search(r"\b(?:experience|employment)\b", phrase, re.I)
            if schooling or re.match(r"\s*(?:old|of age|age|ago)\b", what, re.I) or not (re.search(
                    r"experience|\bin\b|\bwith\b|\bas\b|working|leading|managing|develop", what + s.text, re.I)
                    or _DOING.match(what) and lemma(what.split()[0]) != what.split()[0].lower()):
                continue
            if _UP_TO.search(s.text, 0, m.start()):
                ceiling = s.text[m.start():m.end()].strip(" ,.")
                parts.append(Item("experience.ceiling", Category.EXPERIENCE, ceiling, s.kind_at(m.start(), m.end()),
                                  s.text, left_out=True, note=f"'up to {ceiling}' is a ceiling, not a minimum: no "
                                                              "years are required, so none are drafted"))
                continue
            if any(ACCEPTS.search(s.text, y.end(), m.start()) for y in _YEARS.finditer(s.text, 0, m.start())):
                other = s.text[m.start():m.end()].strip(" ,.")
                parts.append(Item("experience.other_path", Category.EXPERIENCE, other, s.kind_at(m.start(), m.end()),
                                  s.text, left_out=True, note=f"{other!r} is another path the posting accepts; the "
                                                              "years asked before it are drafted, so edit them if "
                                                              "you screen by this path"))
                continue
            if re.search(r"equivalent\b.{0,40}(degree|education)|in lieu of", s.text, re.I):
                continue  # the years that stand in for a degree: the degree's satisfied_by
            # "two years of which must have included supervision"; "3+ years of warehouse experience,
            # including at least 1 year supervising hourly staff"
            if re.match(r"\s*(?:of\s+)?which\b", what, re.I) or (_INCLUDING.search(s.text, 0, m.start()) and any(
                    y.end() <= m.start() for y in _YEARS.finditer(s.text, 0, m.start()))):
                part = s.text[m.start():m.end()].strip(" ,.")
                parts.append(Item("experience.part", Category.EXPERIENCE, part, s.kind_at(m.start(), m.end()), s.text,
                                  left_out=True, note=f"{part!r} is {_PART_NOTE}"))
                continue
            years = int(m.group(1)) if m.group(1) else NUMBERS[m.group(2).lower()]
            if m.group(3).lower().startswith("month"):
                years = round(years / 12, 2)  # "At least 6 months of forklift operating experience"
            if 0 < years <= 30:
                x = subject(what)
                comma = s.text.find(",", m.start(4), m.end())  # what follows a comma has its own cues
                kind = s.kind_at(m.start(), m.end() if comma < 0 else comma)
                found.setdefault(x.lower(), []).append((years, s, m, x, kind))
        # a job board's form: "Accounting: 3 years (Required)", "Experience: Payroll: 1 year (Preferred)"
        if (m := _X_YEARS.match(s.text)) and 0 < int(m.group(2)) <= 30:
            x = subject(m.group(1))
            found.setdefault(x.lower(), []).append((int(m.group(2)), s, m, x, s.kind_at(0, len(s.text))))
    if not found:
        return parts, {}
    groups = sorted(found.values(), key=lambda g: (max(f[4] == Kind.REQUIRED for f in g), max(f[0] for f in g),
                                                   -g[0][1].index), reverse=True)
    items, phrases = [], []
    for n, group in enumerate(groups):
        years, s, m, x, kind = max(group, key=lambda f: (f[4] == Kind.REQUIRED, f[0]))
        if n == 0:  # the main requirement's X: another one's ("2 years supervising") is no field of the role
            phrases += [text for _, _, text, _ in matches(x, lambda t: tech_lookup(catalog, t))] + [x]
        slug = re.sub(r"[^a-z0-9]+", "_", " ".join(lemma(w) for w in x.lower().split()[-2:])).strip("_")
        label = (f"{years}+ years" if years >= 1 else f"{round(years * 12)}+ months") + (
            f" of {x}" if x else " of relevant experience")
        item = Item("experience.years" if n == 0 else f"experience.{slug or 'years'}", Category.EXPERIENCE,
                    label[:90], kind, s.text, {"min_years": years})  # met at the years asked, not half
        if n == 0 and len(groups) > 1:
            item.note = ("The model scores one experience figure (years in relevant jobs); full strength is at "
                         f"{years} years, set by this requirement.")
        items.append(item)
    main_years = max(f[0] for f in groups[0])
    return items + parts, {"full_strength_years": main_years, "relevant_terms": relevant_terms(title, phrases)}
