"""What a posting asks for, sentence by sentence: degrees, credentials, years of experience,
technologies, soft skills, an internship and duties, each an ``Item`` with its kind and sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..catalog import Catalog
from ..catalog.internships import INTERNSHIP_TERMS
from ..types import Category, DegreeLevel, FieldFamily, Kind
from .fields import DEGREE_CLAUSES, FIELDS_AFTER, field_names, fields_between, listed, shared_fields
from .posting import ASKED_AFTER, DUTY_HEADINGS, Sentence, opens_duty

#: Years of relevant work that stand in for a degree when the posting gives no number: the
#: degree's usual length plus two years (a bachelor's: 4 + 2 = 6).
#: A number of years a sentence names ("6 years", "4+ years", "2 additional years").
#: Another path a posting also accepts after what it asks: "Minimum of 3 years of accounting
#: experience; will accept 1 year with a bachelor's degree", "... or will consider 2 years with a CPA".
ACCEPTS = re.compile(r"\b(?:will|may|can|would)\s+(?:also\s+)?(?:accept|consider|substitute)\b", re.I)
YEARS_NAMED = re.compile(r"(\d+)\s*\+?\s*(?:additional\s+)?years?")


#: The fields a "related field" clause names ("a related field such as finance or economics").
_SUCH_AS = re.compile(r"related (?:field|discipline|area|subject)s?\W{0,3}(?:such as|including|like|e\.g\.,?)\s+"
                      r"(.+?)(?=[.;)]| that | which | with |$)", re.I)
EQUIVALENT_YEARS = {DegreeLevel.ASSOCIATE: 4, DegreeLevel.BACHELOR: 6, DegreeLevel.MASTER: 8,
                    DegreeLevel.DOCTORATE: 10, DegreeLevel.GRADUATE_CERTIFICATE: 7}
LEVEL_ORDER = [DegreeLevel.ASSOCIATE, DegreeLevel.BACHELOR, DegreeLevel.MASTER, DegreeLevel.DOCTORATE]
#: A degree's field named by the programme it comes from: "a diploma from an accredited professional
#: nursing educational program", "a degree from an ABET-accredited engineering program".
_FROM_PROGRAM = re.compile(r"^[^.;]*?\bfrom\s+(?:an?\s+)?(?:\w+(?:-|\s+))?accredited\s+(?:professional\s+)?"
                           r"([a-z][a-z ]{2,40}?)\s+(?:educational\s+|degree\s+)?(?:program|programme|school)\b", re.I)
_BARE_DEGREE = re.compile(r"^\s*(?:[A-Za-z0-9][.)]\s*)?(?:an?\s+)?(degree)\s*(?::|in\b)", re.I)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*(?:[.'’/-][A-Za-z0-9+#]+)*[+#]*")


def add(items: list, item: Item) -> None:
    """Add ``item``, or when the posting named it before, keep one: the required mention wins."""
    earlier = next((i for i in items if i.id == item.id), None)
    if earlier is None:
        items.append(item)
    elif item.kind == Kind.REQUIRED and earlier.kind != Kind.REQUIRED:
        earlier.kind, earlier.source = item.kind, item.source


@dataclass
class Item:
    """One requirement of the draft."""

    id: str
    category: Category
    label: str
    kind: Kind
    source: str
    fields: dict = field(default_factory=dict)
    note: str = ""    # a comment above the item in the YAML
    left_out: bool = False  # found, but not drafted: ``note`` says why


#: A slash between two names in one word: "PHR/SHRM-CP", "SAP/Oracle" (a run of words still reads
#: "PL/SQL" whole).
_NAMES_SLASH = re.compile(r"(?<=[A-Za-z0-9+#])/(?=[A-Z0-9])")


def spans(sentence: str, max_words: int = 7) -> list[tuple[int, int, str]]:
    """Every run of up to ``max_words`` words: (start, end, text), longest first at each start."""
    words = [(a, b) for m in _WORD.finditer(sentence) for a, b in _parts(m, sentence)]
    out = []
    for i in range(len(words)):
        for j in range(min(len(words), i + max_words), i, -1):
            start, end = words[i][0], words[j - 1][1]
            out.append((start, end, sentence[start:end]))
    return out


def _parts(m: re.Match, sentence: str) -> list[tuple[int, int]]:
    """The word ``m`` as (start, end) pieces: split at a slash between names (``_NAMES_SLASH``)."""
    cuts = [c.start() for c in _NAMES_SLASH.finditer(sentence, m.start(), m.end())]
    bounds = [m.start(), *(x for c in cuts for x in (c, c + 1)), m.end()]
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def matches(sentence: str, lookup, max_words: int = 7) -> list[tuple[int, int, str, object]]:
    """Longest non-overlapping spans that ``lookup`` recognises, left to right."""
    found, taken = [], -1
    for start, end, text in spans(sentence, max_words):
        if start < taken:
            continue
        hit = lookup(text)
        if hit:
            found.append((start, end, text, hit))
            taken = end
    return found


#: An associate's degree named by its possessive before another degree's level ("Associate's or
#: bachelor's degree"); not "Sales associate or bachelor's degree", a job's title.
_ELIDED_ASSOCIATE = re.compile(r"\bassociate(?:['’]s|s)\s*(?:or|and|/|,)\s*(?:an?\s+)?(?:bachelor|master)", re.I)


#: The next name in a list after an acronym: "MSN, DNP", "BS, BA or MBA".
_NEXT_NAME = re.compile(r"\s*(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+)([A-Z][A-Za-z.]{1,7})(?=[\s,/;)]|\.?$)")


def _listed_degree(follows: str, deg) -> bool:
    """Whether an acronym that is also an ordinary word is listed with degrees: the names after it
    are degrees up to one that is no ordinary word ("MSN, DNP preferred"; "BS, BA or MBA"), not
    "MS, Excel" or "BS, BA" alone."""
    nxt = _NEXT_NAME.match(follows)
    if not nxt or not deg.level_of(nxt.group(1)):
        return False
    return not deg.is_ambiguous(nxt.group(1)) or _listed_degree(follows[nxt.end():], deg)


def degrees(sentences: list[Sentence], catalog: Catalog) -> list[Item]:
    deg = catalog.degrees
    items: list[Item] = []
    # clauses: between semicolons, and before a degree named after a comma ("Bachelor's degree in
    # Accounting, Master's preferred": the master's has its own cue); not after "or" ("..., or a
    # Master's degree" offers another path, read with the first)
    clauses = [Sentence(part.strip(), s.heading, s.index, s.bullet) for s in sentences
               for part in DEGREE_CLAUSES.split(s.text)
               if part.strip()]
    for s in clauses:
        def level(text: str, s=s) -> DegreeLevel | None:
            follows = s.text[s.text.find(text) + len(text):]
            if deg.is_ambiguous(text) and not re.search(r"degree|diploma", text, re.I) and not re.match(
                    r"\s*(in|of|degree|/)\b", follows) and not ASKED_AFTER.match(follows) \
                    and not _listed_degree(follows, deg):  # "MSN preferred", "MSN, DNP preferred"
                # "J.D. from an accredited law school": the words end before the last full stop
                return deg.level_of(text + ".") if follows.startswith(".") and deg.degree(text + ".") and \
                    not deg.is_ambiguous(text + ".") else None
            return deg.level_of(text)
        hits = matches(s.text, level, 5)
        if not hits and (bare := _BARE_DEGREE.match(s.text)):  # "Degree: accounting": a bachelor's in it
            hits = [(bare.start(1), bare.end(1), bare.group(1), DegreeLevel.BACHELOR)]
        if not hits or re.search(r"\b(pursuing|student|enrolled)\b", s.text, re.I):
            continue
        # "Associate's or bachelor's degree": the first degree named by its level alone
        levels = {h[3] for h in hits} | ({DegreeLevel.ASSOCIATE} if _ELIDED_ASSOCIATE.search(s.text) else set())
        ordered = [lv for lv in LEVEL_ORDER if lv in levels]
        if ordered:
            wanted = LEVEL_ORDER[LEVEL_ORDER.index(ordered[0]):]
            if DegreeLevel.GRADUATE_CERTIFICATE in levels or re.search(r"\bor (a )?certificate\b", s.text, re.I):
                wanted.append(DegreeLevel.GRADUATE_CERTIFICATE)
        else:
            wanted = [DegreeLevel.GRADUATE_CERTIFICATE]
        after = re.sub(r"^\s*:", " in", s.text[hits[-1][1]:])
        named = FIELDS_AFTER.match(after)
        named_degree = deg.degree(hits[-1][2])  # "JD", "MBA": a degree whose name implies its field
        implied = named_degree is not None and named_degree.implies_field
        shared = None if named or implied else shared_fields(sentences[s.index].text, deg)
        named = named or shared
        fields = listed(named.group(1), deg.field) if named else []
        # "a bachelor's degree in Accounting, or a bachelor's degree in Finance": each degree's fields
        fields = fields_between(s.text, hits, deg) + fields if fields else []  # a degree of no field asks any
        if not named and (school := _FROM_PROGRAM.search(after)) and deg.field(school.group(1)):
            fields = [school.group(1)]  # "a diploma from an accredited professional nursing educational program"
        fields = field_names(fields, deg)
        if not fields and named_degree and named_degree.implies_field:
            # "Master's in Accounting or MBA": the MBA's field, and the fields the degrees before it name
            fields = field_names(fields_between(s.text, hits, deg), deg) + [
                next(f.name for f in deg.fields if f.id == named_degree.implies_field)]
        fields = list(dict.fromkeys(fields))
        families = sorted({str(found.family) for f in fields if (found := deg.field(f))})
        spec: dict = {"levels": [str(lv) for lv in wanted]}
        if fields:
            spec["fields"] = fields
        related = re.search(r"related (field|discipline|area|subject)|similar field",
                            s.text + (sentences[s.index].text if shared else ""), re.I)
        # "a related field such as business administration, finance, or public administration":
        # those fields, not every field of their family (project management, hospitality ...)
        such = _SUCH_AS.search(s.text) if related else None
        examples = [f for f in listed(such.group(1), deg.field) if deg.field(f)] if such else []
        if examples:
            spec["fields"] = list(dict.fromkeys(fields + examples))
        elif related or not fields:
            spec["families"] = families or [str(f) for f in FieldFamily]
        fields_text = re.sub(r"[^a-z0-9]+", "_", (fields[0] if fields else "any_field").lower()).strip("_")[:30]
        label = {DegreeLevel.ASSOCIATE: "Associate degree", DegreeLevel.BACHELOR: "Bachelor's degree",
                 DegreeLevel.MASTER: "Graduate degree", DegreeLevel.DOCTORATE: "Doctorate"}.get(
                     wanted[0], "Graduate certificate")
        if DegreeLevel.GRADUATE_CERTIFICATE in wanted and wanted[0] != DegreeLevel.GRADUATE_CERTIFICATE:
            label += " or certificate"
        label += (" in " + ", ".join(fields)) if fields else ""
        item = Item(f"degree.{wanted[0]}_{fields_text}", Category.DEGREE, label,
                    s.kind_at(hits[0][0], hits[-1][1]), sentences[s.index].text, {"degree": spec})
        prev = sentences[s.index - 1] if s.index > 0 else None
        if prev is not None and prev.heading == s.heading and re.search(r"\bor(?:\s+an?)?\s*$", prev.text, re.I) \
                and any(i.fields["degree"].get("fields") for i in items) and not fields:
            # "Bachelor's degree in Accounting or Finance, or a Master's degree": another path, not a bar
            item.kind, item.note = Kind.PREFERRED, (f"Offered as another path after {prev.text!r}: preferred, "
                                                   "as the degree before it is asked.")
        if ACCEPTS.search(s.text, 0, hits[0][0]):  # "...; will accept 1 year with a bachelor's degree"
            item.kind, item.note = Kind.PREFERRED, "Offered as another path the posting accepts: preferred."
        nxt = sentences[s.index + 1].text if s.index + 1 < len(sentences) else ""
        whole = sentences[s.index].text
        equivalent = next((t for t in (s.text, whole, nxt)
                           if re.search(r"equivalent\b.{0,40}experience|experience.{0,30}in lieu", t, re.I)), None)
        if equivalent:
            years = YEARS_NAMED.search(equivalent)
            alt = float(years.group(1)) if years else float(EQUIVALENT_YEARS[wanted[0]])
            item.fields["satisfied_by"] = {"experience_years": alt, "note": (
                f"The posting accepts equivalent experience: {equivalent!r}" if years else
                f"The posting accepts equivalent experience without a number; {alt:g} years is resumematch's "
                "default (the degree's usual length plus two).")}
        earlier = next((i for i in items if i.fields["degree"]["levels"] == spec["levels"]), None)
        if earlier and not fields:  # "Without a bachelor's, equivalent experience": the same degree again
            if "satisfied_by" in item.fields and "satisfied_by" not in earlier.fields:
                earlier.fields["satisfied_by"] = item.fields["satisfied_by"]
        elif not any(i.fields["degree"] == spec for i in items):
            items.append(item)
    return items


#: Why a trait the posting requires is drafted preferred (docs/scoring.md, section 6).
_TRAIT_NOTE = ("The posting requires this trait; a resume can claim it but not show it, and nearly every resume "
               "claims it, so it is preferred: it separates no one. Shown by deeds, it still counts.")


def soft_skills(sentences: list[Sentence], catalog: Catalog) -> list[Item]:
    """The catalogue's soft skills named in sentences about the candidate: never in a duty ("Lead
    continual improvement initiatives" asks for no self-motivation) unless it names a trait."""
    items: list[Item] = []
    for s in sentences:
        if (opens_duty(s) or DUTY_HEADINGS.search(s.heading)) and not _TRAIT.search(s.text):
            continue
        for start, end, _text, skill in matches(s.text, catalog.skills.lookup, 6):
            if _DESCRIBES_PLACE.match(s.text, end):
                continue  # "a trusted effective civilian workforce": the employer's, not the candidate's
            if _QUALIFIES.match(s.text, end) or _text.lower().endswith("al") and _NAMES_A_FIELD.match(s.text, end):
                continue  # "Thorough knowledge of ...", "organizational design": no trait of the candidate
            asked = s.kind_at(start, end)
            add(items, Item(skill.id, Category.SOFT_SKILLS, skill.name, Kind.PREFERRED, s.text, {"catalog": skill.id},
                            note=_TRAIT_NOTE if asked == Kind.REQUIRED else ""))
    return items


#: After a trait's word, the place or body it describes, through at most three more describing
#: words: "a trusted, effective civilian workforce", "a collaborative and innovative culture".
#: Traits of the candidate are followed by skills, a person or nothing ("trusted advisor",
#: "collaborative team player", "communication skills in a fast-paced environment"). A body the
#: word names is no trait either: "HR reports for the leadership team".
_DESCRIBES_PLACE = re.compile(r"(?:,?\s+(?:and\s+|or\s+)?(?!(?:skills?|abilit(?:y|ies)|in|to|with|within|for|of|"
                              r"on|at|a|an|the|as)\b)[a-z][a-z-]*){0,3}?,?\s+(?:(?:workforce|environment|culture|"
                              r"workplace|organi[sz]ation|company|agency|atmosphere|setting|community|government|"
                              r"mission)s?\b|(?:team|group|committee|council)s?\b(?!\s*(?:player|member|spirit|"
                              r"-?oriented|work)))", re.I)


#: A trait's word before what it qualifies, which is no trait: "thorough knowledge", "strong understanding".
_QUALIFIES = re.compile(r"\s+(?:working\s+)?(?:knowledge|understanding|familiarity|grasp|command)\b", re.I)
#: A relational adjective before a noun names a field, not a trait: "organizational design", "organizational
#: development" (not "organizational skills", "organizational and time management skills").
_NAMES_A_FIELD = re.compile(r"\s+(?!(?:skills?|abilit(?:y|ies)|and|or|&|capabilities|strengths?)\b)[a-z]", re.I)


_TRAIT = re.compile(r"\b(skills?|ability|abilities|able to|strong|excellent|proven|demonstrated|-oriented|oriented|"
                    r"attention to|you are|you're|must be|should be|self-)\b", re.I)


def internship(sentences: list[Sentence]) -> list[Item]:
    for s in sentences:
        m = re.search(r"\b(internships?|co-ops?|work placements?|apprenticeships?)\b", s.text, re.I)
        if m:
            return [Item("internship", Category.INTERNSHIP, "An internship or co-op", s.kind_at(m.start(), m.end()),
                         s.text, {"aliases": list(INTERNSHIP_TERMS)})]
    return []
