"""Credentials: the catalogue's certifications and licences a posting names, and the ones it asks
for without a name (a note for the reviewer, never a credential)."""

from __future__ import annotations

import re

from ..catalog import Catalog
from ..types import Category, Kind
from .finders import Item, add, matches
from .posting import CUE, DUTY_HEADINGS, Sentence, opens_duty
from .words import is_verb, lemma

CREDENTIAL_WORDS = re.compile(r"certif|licen[cs]|credential|registered|registration|designation|\bboard\b|"
                              r"\bexam(?:s|ination)?\b", re.I)
_ACRONYMS = r"[A-Z][A-Z0-9+-]+(?:\s*(?:,|/|or|and)\s*[A-Z][A-Z0-9+-]+)*\s*(?:is\s+|are\s+)?"
_ASKED = r"(?:(?:strongly|highly)\s+)?(?:required|preferred|a plus|desired|desirable|mandatory|nice to have)"
#: An item that is only acronyms and a cue ("CPA preferred.", "PMP or PRINCE2 required"): they are credentials.
_ACRONYMS_ONLY = re.compile(rf"{_ACRONYMS}{_ASKED}?\.?")
#: An item that opens by asking acronyms, then says more: "CPA required, or must obtain within 12
#: months of hire", "PMP preferred; PRINCE2 a plus". Not "CPA review of our books ...", nor a marketer's
#: "Experience lowering CPA ..., required": the cue must follow the acronyms that open the item.
_ACRONYMS_ASKED = re.compile(rf"{_ACRONYMS}{_ASKED}\s*(?:[,;:(.]|-\s|but\b|$)")
#: An item saying the hire must be or hold acronyms, and no more: "Must be CPA or CMA.", "Must be a
#: licensed CPA". Not "Must be able to lower CPA": the acronyms are what the hire is.
_BE_ACRONYMS = re.compile(rf"(?i:must|should|will)\s+(?i:be|hold)\s+(?:an?\s+)?(?i:licensed\s+|certified\s+)?"
                          rf"{_ACRONYMS}(?:certified|licensed)?\s*(?:[.,;(]|$)")
#: A credential one works toward: "CPA or working toward CPA preferred", "progress towards the CMA".
_TOWARD = re.compile(r"\btowards?\s+(?:an?\s+|the\s+)?([A-Z][A-Z0-9-]+)\b")
#: A brand whose credentials are levels of one thing (PRINCE2 Foundation, Practitioner): named bare,
#: it means the first level. A family with more is a vendor's programme (Microsoft, AWS): no level.
MAX_BRAND_LEVELS = 3
#: Words before a credential's family that make it a kind, not a name ("a relevant certification").
GENERIC_CREDENTIAL = frozenset({"relevant", "any", "appropriate", "related", "applicable", "industry", "a", "an",
                                "professional", "specific", "recognized", "recognised", "similar"})
_GENERIC_MENTION = re.compile(r"\b(?:relevant|any|appropriate|related|applicable|industry|professional|vendor|an?)\s+"
                              r"(?:[A-Z][\w+]*\s+|IT\s+)?(?:certifications?|certificates?|credentials?|licen[cs]es?)\b",
                              re.I)


def credentials(sentences: list[Sentence], catalog: Catalog) -> list[Item]:
    """The catalogue credentials each sentence names; a credential asked for without a name
    ("a relevant certification", "a Microsoft certification") becomes a note, never a credential."""
    creds = catalog.credentials
    items: list[Item] = []
    for s in sentences:
        if _others_credential(s):
            continue  # "Track nursing license and CNA certification expirations": the staff's, not the hire's
        context = bool(CREDENTIAL_WORDS.search(s.text) or CREDENTIAL_WORDS.search(s.heading)
                       or _ACRONYMS_ONLY.fullmatch(s.text.strip()) or _ACRONYMS_ASKED.match(s.text.strip())
                       or _BE_ACRONYMS.match(s.text.strip()))
        toward = {m.group(1) for m in _TOWARD.finditer(s.text)}

        def lookup(text: str, context=context, s=s, toward=toward):
            rest = s.text[s.text.find(text) + len(text):]
            listed = "/" in text or "," in text and re.match(r"\s*,?\s*(?:or|and)\b", rest) and not re.match(
                r"\s*,?\s*(?:or|and)\s+" + re.escape(text.split(",")[0]) + r"\s*,", rest)  # "CPA, CA or CPA, CGA"
            if listed and all(creds.lookup(p.strip()) for p in re.split(r"[,/]", text)):
                return None  # "CPA, CMA or CIA", "CPA/CMA": a list of credentials, not Canada's "CPA, CMA"
            found = creds.lookup(text)
            if not found and (fam := creds.family_of(text)):
                levels = sorted((c for c in creds.credentials if c.family == fam.id), key=lambda c: c.level)
                before = s.text[:s.text.find(text)].split()[-1:]
                if len(levels) > MAX_BRAND_LEVELS or before and before[0].lower() in GENERIC_CREDENTIAL:
                    return None  # a vendor's programme or "a relevant ..." names no credential
                found = tuple(levels[:1])
            if not found or (creds.is_ambiguous(text) and not context and text not in toward):
                return None
            if text.islower() and len(text) <= 5:
                return None  # "rn", "cpa" in running text are not the credential's acronym
            return found[0]
        hits = matches(s.text, lookup)
        hits = [h for i, h in enumerate(hits) if h[3].id not in {x[3].id for x in hits[:i]}]
        labels = [f"{c.name} ({c.acronyms[0].text})" if c.acronyms else c.name for *_, c in hits]
        if len(hits) > 1 and any(re.search(r"\bor\b|/", s.text[a[1]:b[0]]) for a, b in zip(hits, hits[1:])):
            # "a CPA or a CIA": one requirement any of them meets, of the strongest kind they are asked with
            kinds = {s.kind_at(start, end) for start, end, *_ in hits}
            kind = next(k for k in (Kind.REQUIRED, Kind.PREFERRED, Kind.BONUS) if k in kinds)
            ids = [c.id for *_, c in hits]
            add(items, Item("cert." + "_or_".join(i.split(".", 1)[1] for i in ids), Category.CERTIFICATION,
                            " or ".join(labels), kind, s.text, {"catalog": ids}))
            continue
        for (start, end, _text, cred), label in zip(hits, labels):
            add(items, Item(cred.id, Category.CERTIFICATION, label, s.kind_at(start, end), s.text,
                            {"catalog": cred.id}))
        if not hits and (m := _GENERIC_MENTION.search(s.text)):
            items.append(Item("cert.unnamed", Category.CERTIFICATION, m.group(0), s.kind_at(m.start(), m.end()),
                              s.text, left_out=True,
                              note=f"{m.group(0)!r} names no credential: list the ones you accept, with their kind"))
        elif not hits and (m := _DRIVING_LICENCE.search(s.text)):
            items.append(Item("cert.drivers_license", Category.CERTIFICATION, m.group(0),
                              s.kind_at(m.start(), m.end()), s.text, left_out=True,
                              note=f"{m.group(0)!r} is not drafted: most resumes do not list a driver's license, "
                                   "so asking it would fail people who hold one"))
        elif not hits and (named := _uncatalogued(s.text)):
            name, start, end = named
            items.append(Item("cert.uncatalogued", Category.CERTIFICATION, name, s.kind_at(start, end), s.text,
                              left_out=True, note=f"{name!r} is not in the credential catalogue: add it as a "
                                                  "certification requirement with the spellings resumes use, or "
                                                  "those you accept if it names a kind (docs/model-format.md)"))
    for item in items:
        if not item.left_out and item.kind == Kind.REQUIRED and _AFTER_HIRE.search(item.source):
            item.kind = Kind.PREFERRED
            item.note = ("The posting accepts candidates who obtain this after hire (or are working toward it, or "
                         "eligible for it), so it is preferred: a resume without it still qualifies.")
    return items


_WITHIN = r"within\s+(?:\d+|one|two|three|six|nine|twelve|eighteen)\s+(?:days?|weeks?|months?|years?)"
#: A credential the hire may obtain after starting: "or ability to obtain within 30 days", "or
#: willingness to earn it", "must obtain within 12 months of hire".
_AFTER_HIRE = re.compile(rf"(?i)\b(?:(?:ability|able|willing(?:ness)?)\s+to\s+(?:obtain|acquire|earn|get)\b|"
                         rf"(?:obtain|acquire|earn|get|obtained|acquired|earned)\b[^.;]{{0,60}}\b{_WITHIN}|"
                         rf"{_WITHIN}\s+of\s+(?:hire|hiring|employment|start)|"
                         # "or working toward it", "CPA eligible or eligible to sit for the exam"
                         rf"\bor\s+(?:be\s+)?(?:actively\s+)?(?:working|progressing)\s+towards?\b|"
                         rf"[- ]eligible\b|\beligible\s+(?:to\s+(?:sit|take|obtain|apply)|for\s+(?:the\s+)?"
                         rf"(?:exam|licen|certif|registration)))")


#: A driver's licence, which most resumes do not list: "Valid driver's license", "valid driving licence".
_DRIVING_LICENCE = re.compile(r"(?i)\b(?:valid\s+|current\s+)?(?:state\s+)?driv(?:er'?s'?|ing)\s+licen[cs]e\b")
#: A credential asked for by a name the catalogue lacks: up to four words before a credential's noun
#: ("State journeyman electrician license", "teaching certificate"), at the end of what is asked.
_NAMED_CREDENTIAL = re.compile(
    r"\b((?:[A-Za-z0-9][\w'&./-]*\s+){1,4}?)(?:certification|certificate|licen[cs]e|endorsement|credential|"
    r"designation)(?=\s*(?:$|[,.;:()]|(?:required|preferred|desired|is|are|a plus|in|from|issued|or|and|with|"
    r"within|upon|must|will|would|strongly|highly)\b))", re.I)
#: What, before a credential's noun, names none: "valid", "a current", "the required", "State".
_GENERIC_HEAD = re.compile(r"(?i)(?:(?:a|an|the|valid|current|active|required|state|any|relevant|appropriate|"
                           r"applicable|such|this|that|hold|possess|have|obtain|maintain|must|preferred|desired|including|official|"
                           r"formal|specialized|specialised|necessary|proper|professional)\s+)+")


def _uncatalogued(text: str) -> tuple[str, int, int] | None:
    """The name and place of a credential ``text`` asks for that the catalogue lacks ("journeyman
    electrician license" in "State journeyman electrician license required"): the words before a
    credential's noun after the last 'and', 'or' or 'with', less the words that name none."""
    # "Certified Legal Assistant (CLA) credential": the acronym is part of the name (same length: the places hold)
    text = re.sub(r"\(([A-Z][A-Z0-9-]+)\)", r" \1 ", text)
    for m in _NAMED_CREDENTIAL.finditer(text):
        head = re.split(r"(?i)\b(?:and|or|with|plus|in|of|for|to)\s+|[,;:(]\s*", m.group(1))[-1]
        head = head[g.end():] if (g := _GENERIC_HEAD.match(head)) else head
        if head.strip():
            start = m.end() - len(m.group(0)) + m.group(0).rfind(head)
            return " ".join(text[start:m.end()].split()), start, m.end()
    return None


#: A high school diploma or its equivalent: "High school diploma or GED", "a secondary school
#: diploma", "HS diploma/GED required".
_SCHOOLING = re.compile(r"(?:(?i:\b(?:high|secondary)[- ]school\s+(?:diploma|education|graduate|degree|"
                        r"equivalen\w*)|\bHS\s+diploma\b)|\bGED\b)(?!\s+(?i:programs?|courses?|class\w*|students?|"
                        r"teachers?|instruct\w*|prep\w*))")


def schooling(sentences: list[Sentence]) -> list[Item]:
    """A high school diploma or GED the posting asks for: left out, with a note. Most resumes do not
    list one (a degree or years of work imply it), so asking it would fail the people who hold it."""
    for s in sentences:
        first = s.text.split()[0].lower() if s.text.split() else ""
        if is_verb(lemma(first)) and lemma(first) not in _ASKING_VERBS:
            continue  # a duty ("Administer GED exams", "Coordinate high school education programs")
        if DUTY_HEADINGS.search(s.heading) and not CUE.search(s.text):
            continue  # under "Responsibilities", what the hire does ("Proctor GED exams"), unless asked
        if m := _SCHOOLING.search(s.text):
            return [Item("degree.high_school", Category.DEGREE, m.group(0), s.kind_at(m.start(), m.end()), s.text,
                         left_out=True, note=f"{m.group(0)!r} is not drafted: most resumes do not list a high "
                                             "school diploma, so asking it would fail people who hold one")]
    return []


#: Verbs of a duty that keep a credential the hire's own: "Maintain CPA licensure", "Obtain the PHR
#: within a year".
_OWN_CREDENTIAL_VERBS = frozenset({"maintain", "hold", "obtain", "possess", "keep", "earn", "have", "acquire"})
#: Verbs that open a sentence asking for a diploma, not a duty: those above, and "Requires a high
#: school diploma", "Complete high school or GED before start", "Read and write English; ...".
_ASKING_VERBS = _OWN_CREDENTIAL_VERBS | {"pass", "provide", "submit", "require", "demonstrate", "complete", "show",
                                         "read", "write", "be"}


def _others_credential(s: Sentence) -> bool:
    """Whether a credential the sentence names is what a duty acts on, not what it asks of the hire: a
    duty (a list item opening with a verb, or an item under a duties heading) with no cue of kind
    ("Track nursing license and CNA certification expirations", "Verify employees' CPR cards")."""
    first = re.match(r"[A-Za-z]+", s.text)
    if not first or lemma(first.group()) in _OWN_CREDENTIAL_VERBS or CUE.search(s.text):
        return False
    if re.match(r"[A-Za-z]+\s+[A-Z]", s.text):
        return False  # "Project Management Professional (PMP) and ...": a name, not an order
    return opens_duty(s) or bool(DUTY_HEADINGS.search(s.heading)) and is_verb(lemma(first.group()))
