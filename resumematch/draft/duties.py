"""Duties: each responsibility a posting lists, as a verb-object evidence pattern."""

from __future__ import annotations

import re

from ..types import Category
from .finders import Item
from .posting import DUTY_HEADINGS, Sentence, opens_duty
from .segment import NOT_A_DUTY, said_as_duty, said_of_the_role
from .words import GENERIC, STOP, VAGUE, WAY_HEADS, is_verb, lemma, names_a_trait_or_person

#: Who a duty is done for or with can be its object ("Coach teams"), though never a relevant term.
TEAM_WORDS = frozenset({"team", "teams", "stakeholder", "stakeholders", "business"})

_RESPONSIBLE = re.compile(r"\bresponsible for\s+(.+)", re.I)
#: "Experience (in) preparing financial statements": the duty is what was done; not "Experience
#: using Excel" (a tool, drafted as one), "according to GAAP".
_EXPERIENCE_IN = re.compile(r"^(?:demonstrated |proven )?experience (?:in |with )?(?!(?:using|utilizing|according|"
                            r"including|regarding|following|being)\b)([a-z]+ing\b.+)", re.I)
#: "Uses an automated staffing system": a stop word elsewhere, a duty's verb at its start.
USE = frozenset({"use", "uses", "using"})
#: A skill named with what qualifies it ("Working knowledge of", "Hands-on experience with",
#: "Solid understanding of"): knowledge, not a duty, though its first word may be a verb's form.
_KNOWLEDGE = re.compile(r"(?:working|hands-on|solid|strong|deep|good|thorough|in-depth|practical|basic|advanced|"
                        r"extensive|demonstrated|proven)\s+(?:knowledge|understanding|experience|proficiency|"
                        r"familiarity|command|skills?)\b", re.I)
_YOU_WILL = re.compile(r"^(?:you will|you'll|you’ll|the \w+ will|will)\s+(?:also\s+)?(.+)", re.I)


#: A duty's closing cue, said of it ("... is preferred but not required"): not a part of what is done.
_ASKED_TAIL = re.compile(r"[,;]?\s+(?:is|are)\s+(?:strongly\s+|highly\s+)?(?:preferred|required|desired|desirable|"
                         r"a plus|an asset|nice to have)\b.*$", re.I)
#: A rate asked, not a deed: "Typing speed of 60 wpm", "type 50 words per minute".
_SPEED = re.compile(r"\b\d+\s*(?:wpm|words\s+(?:per|a)\s+minute)\b", re.I)


def duties(sentences: list[Sentence]) -> list[Item]:
    """Each responsibility (a bullet under a duties heading, "You will ...", "responsible for X, Y
    and Z", "The Manager advises ...") as a verb-object pattern: its leading verbs, and the head
    nouns of what they act on."""
    items: list[Item] = []
    listed: list[bool] = []  # each item from a list's item (a bullet), not from prose
    for s, text in ((whole, c) for whole in sentences for c in said_of_the_role(whole.text) or [whole.text]):
        role = text != s.text  # a clause of "The Manager advises ...": a duty wherever it stands
        if m := _RESPONSIBLE.search(text):
            gerunds = re.findall(r"\b(\w+ing)\b", m.group(1))
            # "responsible for administering ...": gerunds that open the clause, not nouns in -ing inside a
            # list of nouns ("responsible for product costing, inventory valuation and ...")
            lead = [w.strip(",;").lower() for w in m.group(1).split() if not re.fullmatch(r"(?i)\w+ly,?|both|and", w)]
            opens = bool(gerunds) and bool(lead) and lead[0] == gerunds[0].lower()  # "accurately processing"
            last = m.group(1).rfind(gerunds[-1]) + len(gerunds[-1]) if gerunds else 0
            # the gerunds share the object after the last of them ("hiring, training and supervising
            # cashiers"), unless the list goes on with nouns ("budgeting, forecasting and variance analysis")
            shared = not re.match(r"\s*(?:,|and\b|or\b|&)", m.group(1)[last:])
            if opens and shared and not re.search(r"\b(the|a|an|our|their)\b", m.group(1).split(",")[0]):
                objects = [lemma(w) for w in re.findall(r"[A-Za-z]+", m.group(1)[last:])
                           if w.lower() not in STOP and w.lower() not in GENERIC and len(w) > 2 and not w.isupper()]
                tail = " ".join(w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", m.group(1)[last:])
                                if w.lower() not in STOP or w.isupper()).strip()
                for gerund in dict.fromkeys(gerunds) if objects else ():  # a gerund alone is no duty
                    verb = lemma(gerund)
                    phrase = f"{gerund.lower()} {tail}"
                    label = shorten(phrase[:1].upper() + phrase[1:], 90)
                    items.append(Item(f"duty.{verb}_{objects[-1]}", Category.DUTIES, label,
                                      s.kind_at(0, len(text)), text,
                                      {"aliases": [phrase], "mention_strength": 0.7,
                                       "patterns": [{"verbs": [verb], "objects": [objects[-1], "project"],
                                                     "max_gap": 4}]}))
                    listed.append(s.bullet)
                continue
        if (m := _YOU_WILL.match(text)) and (s.bullet or len(text.split()) <= 40 and said_as_duty(text)):
            text = m.group(1)  # "You will administer our benefits program": in a list or in prose
            if text.split()[0].lower() in NOT_A_DUTY:
                continue  # "You'll join our product team", "You will excel in a fast-paced team"
        elif m := _EXPERIENCE_IN.match(text):
            text = m.group(1)  # "Experience in leading teams ...": the duty is what was done
        elif not role and not (DUTY_HEADINGS.search(s.heading) and (s.bullet or len(text.split()) < 30)) \
                and not opens_duty(s):
            continue
        if _KNOWLEDGE.match(text) or _SPEED.search(text):
            continue  # "Working knowledge of HRIS systems", "Typing speed of 60 wpm": what one knows or how fast
        text = _ASKED_TAIL.sub("", text)  # "working with children is preferred but not required": its cue is no object
        item = _duty(text, s)
        same = next((k for k, i in enumerate(items) if item and i.id == item.id), None)
        if item and same is None:
            items.append(item)
            listed.append(s.bullet)
        elif item and s.bullet and not listed[same]:
            items[same], listed[same] = item, True  # the duty as listed, not as a summary's prose said it
    return items


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters: at the last comma or semicolon when that keeps half
    of it ("Lead the year-end close process, making sure ..." ends at "process"), else at a word's
    end, never inside a word nor after a word that leads to the next ("... the annual audit and")."""
    text = text.strip().rstrip(" .,;:")
    if len(text) <= limit:
        return text
    head = text[:limit + 1]
    clause = max(head.rfind(", "), head.rfind("; "))  # not the comma of "2,000"
    if clause >= limit // 2:
        return head[:clause].rstrip(" .,;:")
    words = head.rsplit(" ", 1)[0].split()
    while len(words) > 1 and words[-1].lower() in STOP:
        words.pop()
    return " ".join(words).rstrip(" .,;:")


#: Nouns that take "to", though some are verbs too: "Access to reliable transportation", "Exposure
#: to audit work" ask for what the hire has, not a duty ("Access the ERP ..." is one); and "Reporting
#: to the CFO" names whom the hire answers to ("Report results to the board" is a duty).
_NOUN_BEFORE_TO = frozenset({"access", "exposure", "commitment", "adherence", "proximity", "attention", "report",
                             "reports", "reporting"})


#: What a duty's object ends before: a time ("every month", "each quarter") or a second clause
#: ("and make sure ...", "and explain the results").
_ENDS_OBJECT = frozenset({"every", "each"})
#: Words that say when, not what: "the monthly, quarterly and year-end close" acts on the close.
_WHEN = frozenset({"daily", "weekly", "biweekly", "monthly", "quarterly", "annual", "annually", "yearly", "year-end",
                   "month-end", "semi-annual"})


def _duty(text: str, s: Sentence) -> Item | None:
    text = re.sub(r"(?i)^responsible for\s+(?=\w+ing\b)", "", text)  # "Responsible for administering the plan"
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*|[,&;.()]", re.sub(r"\d+\(\w\)", "", text))]  # 401(k)
    lower = [w.lower() for w in words]
    if not lower or lower[0] in STOP - USE - {"own"} or lower[0] in _NOUN_BEFORE_TO and lower[1:2] == ["to"]:
        return None  # "Own the monthly close" is a duty; "our own", "the" open none
    if not is_verb(lemma(lower[0])) and lower[0] not in USE:
        return None  # "Ad hoc projects as assigned", "Nice to have": no verb, no duty
    if names_a_trait_or_person(lower):
        return None  # "Detail oriented", "Excel wizard", "Excel expert": a trait or a person, not "to detail"
        # or "to excel" ("Perform focused assessments", "Lead focused team meetings" act on their objects)
    if re.match(r"(?:[A-Z][\w&'.-]*,?\s+){1,5}(?:is|are|was|has|have)\b", text):
        return None  # "Harbor Point Logistics is a family-owned ...": a name and what it is, no order
    if lemma(lower[0]) == "serve" and lower[1:2] == ["as"] or lower[0] in _PEOPLE and lower[1:2] == ["of"]:
        return None  # "Serves as an IT Project Manager": a role; "Graduates of an accredited program": people
    if lemma(lower[0]) in ("consider", "accept") and _APPLICANTS & {lemma(w) for w in lower[1:4]}:
        return None  # "Will consider new graduates", "Will accept applicants ...": the employer, not the hire
    verbs, i = [lemma(lower[0])], 1
    # "Plans, organizes and supervises", as job classes write duties: after an -s verb, -s verbs are verbs
    third = lower[0].endswith("s") and lemma(lower[0]) != lower[0]
    # "Design, build and test APIs": verbs go on while a comma or "and" follows the last one.
    while i + 1 < len(lower) and lower[i] in (",", "and", "&", "or") and lower[i + 1] not in STOP and len(verbs) < 4:
        if i + 2 < len(lower) and lower[i + 2] not in (",", "and", "&", "or") and lower[i + 1].endswith("s") \
                and not (third and _verb_s(lower[i + 1])):
            break  # "Prepare budgets, forecasts and reports": plural nouns, not verbs
        verbs.append(lemma(lower[i + 1]))
        i += 2
    rest = words[i:]
    chunk: list[str] = []
    for k, w in enumerate(rest):
        if w.lower() in ("with", "to", "for", "in", "using", "across", "on", "by", "from", "through", "within", "that",
                         "which", "so", "while", "including", "into", "at", ".", ";", "(", "as", "per") \
                or chunk and (w.lower() in _ENDS_OBJECT or _second_clause(rest, k) or _participle_after(rest, k)
                              or third and w in (",", "and") and _clause_s(rest, k)):
            if chunk:
                break
            continue
        chunk.append(w)
    nouns, current = [], []
    for w in chunk + [","]:
        if w.lower() in (",", "and", "or", "&"):
            # a participle after its noun modifies it: "projects associated (with ...)" is projects
            while len(current) > 1 and current[-1].lower().endswith("ed"):
                current.pop()
            # a head that names the way work is done: "the year-end close process" acts on the close
            if len(current) > 1 and current[-1].lower() in WAY_HEADS and current[-2].lower() not in _WHEN | VAGUE:
                current.pop()
            if current:
                nouns.append(current[-1])
            current = []
        elif w.lower() not in STOP:
            current.append(w)
    objects = [lemma(n.lower()) for n in nouns if n.lower() not in GENERIC - TEAM_WORDS and len(n) > 2
               and n.lower() not in _WHEN]
    if not verbs or not objects or verbs[0] in STOP - USE - {"own"}:
        return None
    phrase = shorten(re.sub(r" ,", ",", " ".join(chunk)).strip(", "), 60)
    if sum(w.lower() not in STOP for w in re.findall(r"[A-Za-z][\w'-]*", phrase)) < 2:
        phrase = ""  # "the hospital" (of "Represents the hospital in ..."): one word names no duty
    patterns = [{"verbs": list(dict.fromkeys(verbs)), "objects": list(dict.fromkeys(objects)), "max_gap": 4}]
    done = _done_by_its_noun(verbs, rest)
    if done:
        patterns.append(done)
    named = done or patterns[0]
    ident = f"duty.{named['verbs'][0]}_{re.sub(r'[^a-z0-9]+', '_', named['objects'][0])}"
    return Item(ident, Category.DUTIES, shorten(text[:1].upper() + text[1:], 90), s.kind_at(0, len(s.text)), s.text,
                {"aliases": [phrase] if phrase and len(phrase.split()) > 1 else [f"{verbs[0]} {nouns[0]}"],
                 "mention_strength": 0.7, "patterns": patterns})


#: People who apply: whom an employer considers or accepts ("Will consider new graduates"); not
#: candidates or students, whom an HR or school job considers ("Consider candidates for promotion").
_APPLICANTS = frozenset({"graduate", "applicant"})
#: People a posting names before "of" ("Graduates of an accredited program"), not deeds ("Disposes of").
_PEOPLE = frozenset({"graduates", "holders", "members", "applicants", "candidates", "residents"})


def _participle_after(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` is a comma opening a participle's clause: ", making sure deadlines are
    met", ", ensuring compliance" (not ", accruals", more objects)."""
    nxt = words[k + 1].lower() if k + 1 < len(words) else ""
    return words[k] == "," and nxt.endswith("ing") and lemma(nxt) != nxt and is_verb(lemma(nxt))


def _verb_s(word: str) -> bool:
    """Whether ``word`` is a verb's -s form ("prepares", "supervises"), as a job class writes duties."""
    return word.endswith("s") and lemma(word) != word and is_verb(lemma(word))


def _clause_s(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` (a comma, "and") opens a clause of a verb's -s form and what it acts on
    (", prepares job specifications", "and ensures compliance"), not more nouns (", reports and
    forecasts", ", reports for ..."): a word after it that no object is (``_NOT_AN_OBJECT``)."""
    after = [w.lower() for w in words[k + 1:k + 3]]
    return len(after) == 2 and _verb_s(after[0]) and after[1] not in _NOT_AN_OBJECT


_NOT_AN_OBJECT = frozenset(", and or & . ; ( for to of in on with by from at as".split())


def _second_clause(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` is "and" opening a second clause: a verb and what it acts on ("and
    make sure ...", "and explain the results"), not more objects ("and cash flow forecasts")."""
    after = [w.lower() for w in words[k + 1:k + 3]]
    return (words[k].lower() == "and" and len(after) == 2 and is_verb(after[0]) and lemma(after[0]) == after[0]
            and after[1] in ("the", "a", "an", "our", "all", "sure", "that", "their", "any", "new"))


#: Verbs that say little alone: the work is the noun after them ("Complete monthly
#: reconciliations of ...", "Conduct analysis of ...", "Provide support to ...").
_LIGHT_VERBS = frozenset({"complete", "perform", "conduct", "provide", "carry", "undertake", "handle", "do", "make",
                          "execute", "deliver", "ensure"})
_NOMINAL = (("iation", ("e", "")), ("ation", ("e", "ate", "")), ("ition", ("e",)), ("tion", ("", "e")),
            ("sion", ("d", "de", "t")), ("ment", ("",)), ("ysis", ("yze", "yse")), ("ance", ("", "e")),
            ("ence", ("", "e")), ("al", ("", "e")), ("", ("",)))


def _done_by_its_noun(verbs: list[str], rest: list[str]) -> dict | None:
    """For a light verb and a noun that names an action, the pattern of that action and what it acts
    on: "Complete monthly reconciliations of assigned balance sheet accounts" is reconcile account,
    which a resume writes "Reconciled the bank and balance sheet accounts"; None otherwise."""
    if verbs[0] not in _LIGHT_VERBS or len(verbs) > 1:
        return None
    words = [w.lower() for w in rest]
    at = next((i for i, w in enumerate(words) if w in ("of", "to", "for", "on")), None)
    if at is None:  # "Conduct employee relations investigations": what the action is about comes before it
        end = next((i for i, w in enumerate(words) if w in _PHRASE_ENDS or w in ("and", "or")
                    or not w.isalpha() and w != "-"), len(words))
        nouns = [w for w in words[:end] if w.isalpha() and w not in STOP]
        about = [lemma(w) for w in nouns[:-1] if w not in GENERIC | VAGUE | _WHEN | _HOW and len(w) > 2]
        head = lemma(nouns[-1]) if nouns and nouns[-1] not in _NOT_NOUNS else ""
        # only a noun made from its verb ("investigation", "evaluation", "analysis") names an action
        action = _action(head) if head.endswith(tuple(end for end, _ in _NOMINAL if end)) else None
        return {"verbs": [action], "objects": about[:4], "max_gap": 4} if action and about else None
    nouns = [w for w in words[:at] if w.isalpha() and w not in STOP]
    head = lemma(nouns[-1]) if nouns and nouns[-1] not in _NOT_NOUNS and not nouns[-1].endswith(("ed", "ly")) else ""
    action = _action(head)
    if action is None:
        return None
    # the head noun of each phrase it acts on: "of assigned balance sheet accounts and payroll ledgers"
    targets, phrase = [], []
    for w in [*words[at + 1:], "."]:
        if w in (",", "and", "&", "or") or w in _PHRASE_ENDS or not w.isalpha():
            if phrase:
                targets.append(lemma(phrase[-1]))
            phrase = []
            if w not in (",", "and", "&", "or"):
                break
        elif w not in STOP:
            phrase.append(w)
    targets = [t for t in targets if t not in GENERIC - TEAM_WORDS and len(t) > 2]
    if not targets:
        return None
    return {"verbs": [action], "objects": list(dict.fromkeys(targets))[:4], "max_gap": 4}


def _action(head: str) -> str | None:
    """The verb a noun names an action of ("reconciliation" -> reconcile, "investigation" ->
    investigate, "analysis" -> analyze), else None."""
    return next((head[: len(head) - len(end)] + add for end, adds in _NOMINAL for add in adds
                 if head.endswith(end) and len(head) - len(end) >= 3 and is_verb(head[: len(head) - len(end)] + add)),
                None)


#: Words that say how a duty is done, not what it is about: "ad hoc analysis", "special projects".
_HOW = frozenset({"ad", "hoc", "special", "additional", "other", "related", "routine", "regular", "periodic",
                  "timely", "accurate"})


#: Words before "to" or "of" that are no action's noun: "activities according to the calendar".
_NOT_NOUNS = frozenset({"according", "including", "regarding", "following", "concerning", "pending", "due", "prior",
                        "related", "relating", "pertaining", "up"})
#: What ends the phrase a duty's noun acts on ("to the external auditors during the audit").
_PHRASE_ENDS = frozenset({"during", "between", "in", "at", "with", "by", "from", "through", "within", "including",
                          "across", "using", "via", "per", "as", "for", "on", "to", "that", "which", "while", "so"})
