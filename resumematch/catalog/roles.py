"""A role's occupations: those that work in its field (``neighbours``), and in words, as
``check-model`` shows them."""

from __future__ import annotations

import re
from functools import cache

from .occupations import background
from .onet import occupation_titles
from .stems import RANK_STEMS, RANK_WORDS, TOKEN, title_token, words


def neighbours(code: str) -> tuple[str, ...]:
    """``code`` and the occupations O*NET finds most closely related to it that work in its
    field, closest first: those in its SOC minor group (the same first four characters: 15-1 is
    the computer occupations, 13-2 the financial specialists) and those whose titles name its
    field (``field_words``). Accountants and Auditors: bookkeeping, accounting and auditing
    clerks, financial examiners, tax examiners; not treasurers and controllers or financial
    managers. Human Resources Managers: human resources specialists and assistants; not
    management analysts or labor relations specialists. An occupation O*NET relates to none (the
    "All Other" ones) takes those beside it in the classification (the same first five
    characters: 15-12 is the computer occupations)."""
    b = background()
    if code not in b.related:
        return (code, *(o.code for o in b.occupations if o.code[:5] == code[:5] and o.code != code))
    field = field_words(code)
    return (code, *(o for o in b.related[code] if o[:4] == code[:4] or field_words(o) & field))


def beside(codes: tuple[str, ...]) -> frozenset[str]:
    """The occupations ``codes`` and those beside them: those O*NET relates most closely to one of
    them, those in the same SOC broad occupation (the same first six characters: 15-125 is the
    software and web developers, programmers and testers), and those whose titles name a field of
    theirs (``field_words``). For secondary school teachers: the other school teachers, teaching
    assistants and teachers of a career or a subject; for human resources managers: the human
    resources specialists and assistants and labour relations specialists, not computer and
    information systems managers."""
    b = background()
    fields = frozenset().union(*(field_words(c) for c in codes))
    broad = {c[:6] for c in codes}
    alike = (o.code for o in b.occupations if o.code[:6] in broad or field_words(o.code) & fields)
    return frozenset(codes).union(*(b.related.get(c, ()) for c in codes), alike)


@cache
def field_words(code: str) -> frozenset[str]:
    """The words of an occupation's title that name its field, stemmed: not its rank or kind of
    post (``RANK_WORDS``) or a rank's own work ("management", "engineering"), and nothing after
    "Except" ("Human Resources Assistants, Except Payroll and Timekeeping": human, resourc)."""
    occupation = background().get(code)
    if occupation is None:
        return frozenset()
    # "First-Line Supervisors of ...": a rank, which every first-line supervisor shares; no field
    title = re.sub(r"(?i)\bfirst-line\b", " ", re.split(r"\bexcept\b", occupation.title, flags=re.I)[0])
    field = [w for token in TOKEN.findall(title) for w in title_token(token) if w not in RANK_WORDS]
    return frozenset(words(" ".join(field))) - RANK_STEMS


#: Ranks that lead others, heading a title whose field is the words before them ("Accounting Manager",
#: "Accounts Payable Supervisor") or after "of" ("Director of Human Resources").
_LEADS = frozenset({"manager", "supervisor", "director", "lead", "head", "chief"})
#: Words of such a title that name neither rank nor field.
_NO_FIELD = frozenset({"senior", "sr", "junior", "jr", "deputy", "associate", "assistant", "department", "dept",
                       "general", "principal", "i", "ii", "iii", "iv", "the"})


def title_occupations(title: str) -> tuple[str, ...]:
    """The occupations a role's ``title`` implies: the closest one and its ``neighbours``; and, when
    the title is a rank that leads others over a field the closest occupation's title does not
    name, the occupation closest to that field and its neighbours: the work of the people the role
    leads. O*NET files "Accounting Manager" under Financial Managers, whose neighbours are
    financial advisers and analysts; "Accounting" adds the accountants and auditors O*NET relates to
    financial managers, and bookkeeping, accounting and auditing clerks.
    "Accounts Payable Supervisor" is a first-line supervisor of office workers; "Accounts Payable"
    adds the same clerks. "Human Resources Manager" and "IT Project Manager" name their
    occupation's field and add nothing, nor do words of other senses (``_leads``)."""
    b = background()
    closest = b.closest_title(title)
    if closest is None:
        return ()
    codes = neighbours(closest.code)
    if (led := led_work(title)) is not None:
        field, led_code, _ = led
        # and those O*NET relates to the closest that name the field: an accounting manager's accountants
        related = (o for o in b.related.get(closest.code, ()) if field <= field_words(o))
        codes = tuple(dict.fromkeys((*codes, *related, *neighbours(led_code))))
    return codes


@cache
def led_work(title: str) -> tuple[frozenset[str], str, str] | None:
    """The field a lead's ``title`` names that its closest occupation's title does not (its stems),
    with the occupation closest to that field and the title's own: ({"account"}, bookkeeping,
    accounting and auditing clerks, Financial Managers) for "Accounting Manager"; None for "Human
    Resources Manager", whose occupation names its field, and for words of other senses (``_leads``)."""
    b = background()
    closest = b.closest_title(title)
    led_field = _led_field(title)
    field = frozenset(words(led_field)) - RANK_STEMS
    led = b.closest_title(led_field) if closest and field and not field & field_words(closest.code) else None
    if led is not None and field & field_words(led.code) and _leads(led_field, closest.code, led.code):
        return field, led.code, closest.code
    return None


def _leads(field: str, own: str, led: str) -> bool:
    """Whether a title's field names the work of those the role leads: a field people study ("Accounting",
    "Nursing", "Pharmacy"), or, under a first-line supervisor, a kind of work of the same SOC major group
    ("Accounts Payable" and "Payroll" clerks under an office supervisor). Not a word of other senses
    ("Product" of product promoters, "Account", "Change" of gambling change persons, "Casting", "Practice")."""
    from . import load_catalog  # late: the degrees catalogue

    occupation = background().get(own)
    first_line = occupation is not None and occupation.title.startswith("First-Line Supervisors")
    return load_catalog().degrees.field(field) is not None or first_line and own[:2] == led[:2]


def _led_field(title: str) -> str:
    """The field of a title headed by a rank that leads others (``_LEADS``), or ""."""
    tokens = re.findall(r"[A-Za-z&]+", re.split(r"[(,|]|\s[-–—]\s", title)[0])
    lower = [t.lower().rstrip("s") if t.lower().endswith("s") and t.lower()[:-1] in _LEADS else t.lower()
             for t in tokens]
    if "of" in lower and 0 < lower.index("of") and lower[lower.index("of") - 1] in _LEADS:
        field = tokens[lower.index("of") + 1:]  # "Director of Human Resources"
    elif lower and lower[-1] in _LEADS:
        field = tokens[:-1]  # "Accounting Manager"
    else:
        return ""
    return " ".join(t for t in field if t.lower() not in _NO_FIELD | RANK_WORDS)


def role_titles(title: str, codes: tuple[str, ...], itself: bool = False) -> list[str]:
    """The titles of a role's occupations ``codes``: those whose work counts, or (``itself``) those
    that are the role itself. None named: those its ``title`` implies, the closest occupation (and,
    for work that counts, those O*NET relates to it), said to be implied."""
    if codes:
        return [occupation_titles()[c] for c in codes]
    b = background()
    closest = b.closest_title(title)
    if closest is None:
        return []
    field = "role_occupations" if itself else "occupations"
    implied = (closest.code,) if itself else title_occupations(title)
    titles = [b.get(c).title for c in implied]
    return titles[:-1] + [f"{titles[-1]} (implied by the title; name experience.{field} to choose)"]


#: O*NET occupations that join trades an employer hires apart, each trade by its name and the stem
#: its titles name it by. Most joined titles name one trade twice ("Paralegals and Legal
#: Assistants", "Machine Operators and Tenders", "Dietitians and Nutritionists"), so the list is
#: written out, not read from the title; a sweep over the 155 joined titles found thousands of
#: false splits (docs/accuracy.md, sixteenth session).
TRADES_APART = {"13-2011.00": (("Accountants", "account"), ("Auditors", "audit"))}
#: O*NET occupations that hold the leads of a field an employer hires apart from the rest of them, each
#: with the field's stems and the stems of the titles of its leads there: Financial Managers holds
#: "Accounting Manager", "Controller" and "Financial Reporting Manager" beside "Finance Director".
#: Written out: most occupations that hold a lead's title hold its kin ("Transportation Manager" is a
#: "Logistics Manager"'s own occupation, "Call Center Manager" a "Customer Service Manager"'s), and a
#: rule for every lead demoted them (a review of the seventeenth session).
LEADS_APART = {"11-3031.00": (frozenset({"account"}), frozenset(words("accounting controller comptroller reporting")))}


def other_trade(code: str, role_title: str, held: str) -> str | None:
    """The trade apart from the role's that a job's held title names inside the role's own
    occupation ``code`` (``TRADES_APART``): "Internal Auditor" or "Audit Associate" for a "Staff
    Accountant" posting ("Auditors"). None when the occupation joins no trades apart, when the
    role's title names none of them or several, or when the held title names the role's trade
    ("Senior Accountant") or none of them ("CPA": O*NET's word for the whole occupation). A lead's
    role whose field O*NET files under an occupation of ``LEADS_APART`` (``led_work``: "Accounting
    Manager", under Financial Managers) counts that occupation's titles naming another field apart:
    "Finance Director", "Treasurer" are "another field than Accounting"; "Accounting Director" is the
    role itself."""
    def names(title: str, stem: str) -> bool:
        return any(w.startswith(stem) for w in words(title))

    field, kept = LEADS_APART.get(code, (frozenset(), frozenset()))
    led = led_work(role_title) if field else None
    if led is not None and led[0] & field and code == led[2]:
        # the role's own occupation holds another field's leads: a "Finance Director" for an "Accounting Manager"
        return None if kept & set(words(held)) else f"another field than {_led_field(role_title)}"
    trades = TRADES_APART.get(code, ())
    ours = [(name, stem) for name, stem in trades if names(role_title, stem)]
    if len(ours) != 1 or names(held, ours[0][1]):
        return None
    return next((name for name, stem in trades if name != ours[0][0] and names(held, stem)), None)
