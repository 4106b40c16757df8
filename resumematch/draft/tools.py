"""Technical skills: the O*NET technologies a posting names, office tools included, and tools it
names as examples of a kind ("an ERP system such as Workday Financials, Oracle or PeopleSoft")."""

from __future__ import annotations

import re

from ..catalog import Catalog, term_key
from ..catalog.refs import tech_slug
from ..types import Category, Kind
from .finders import Item, add, matches
from .posting import ASKED_AFTER, NAMES_FOLLOW, Sentence
from .words import GENERIC, STOP, is_verb


def tech_lookup(catalog: Catalog, text: str, office: bool = False, ambiguous: bool = False):
    """The O*NET technology a span names, when written as a name and not ambiguous (``office``: an
    office tool's bare name, "Excel", "Word", counts in a sentence about office tools;
    ``ambiguous``: any name the catalogue marks ambiguous, for the caller to judge); else None."""
    if not re.search(r"[A-Z+#.]|\d", text) or term_key(text) in GENERIC or term_key(text) in STOP:
        return None  # O*NET names that are ordinary words count only written as names
    if re.search(r"[,;()]", text):
        return None  # "Oracle, NetSuite": two names in a list, not "Oracle NetSuite"
    techs = catalog.technology.lookup(text)
    if not techs or catalog.technology.is_ambiguous(text) and not (ambiguous or office and text in OFFICE_TOOLS):
        return None
    if " " not in text and text.istitle() and len(text) <= 3:
        return None
    return techs[0]


#: Office tools whose bare names are also English words; they count beside another, after
#: "Microsoft"/"MS Office" in the sentence, or before what the tool makes ("Excel skills",
#: "Excel spreadsheets").
OFFICE_TOOLS = frozenset({"Excel", "Word", "Outlook", "PowerPoint", "Access", "Visio", "Teams", "OneNote", "Project"})
_OFFICE_CONTEXT = re.compile(r"\b(Microsoft|MS Office|Office 365|Office suite|M365)\b|"
                             r"\b(?:Excel|Word|Outlook|PowerPoint|Access|Visio)\s+(?:skills?|spreadsheets?|workbooks?|"
                             r"documents?|formulas?|macros?|pivot tables?|proficiency)\b|"
                             r"\b(?i:using|proficien\w+ (?:in|with))\s+"
                             r"(?:Excel|Word|Outlook|PowerPoint|Access|Visio)\b")


#: What introduces a tool, with any tools listed before it: "Experience with SAP", "knowledge of
#: ADP, Paychex or Workday", "proficiency in Oracle".
_INTRODUCED = re.compile(r"(?:\b(?:with|in|using|of|including|especially|such as|like|for example,?)\s+|"
                         r"\be\.g\.,?\s*|\()"
                         r"(?:[A-Z][\w./&+-]*(?:\s+[A-Z0-9][\w./&+-]*)*\s*(?:,|/|\bor\b|\band\b)\s*(?:or\s+|and\s+)?)*$")
#: What a tool is, after its name: "SAP experience", "Workday HCM system", "Oracle ERP".
_TOOL_NOUN_AFTER = re.compile(r"^\s+(?:experience|software|systems?|ERP|HCM|HRIS|platforms?|modules?|"
                              r"implementations?|environments?|skills?|proficiency|knowledge)\b")
#: What joins the items of a list: "ADP, Workday", "QuickBooks or Sage", "SAP/Oracle".
_LIST_GAP = re.compile(r"\s*(?:,|/|&|\bor\b|\band\b)\s*(?:or\s+|and\s+)?")
_SEASONS = frozenset({"spring", "summer", "fall", "winter"})


def _named_as_tool(sentence: str, start: int, end: int, listed: bool, capitals: bool) -> bool:
    """Whether a name the catalogue marks ambiguous ("SAP", "Workday", "Oracle", "Epic") is the tool
    where a posting writes it: after what introduces a tool ("Experience with SAP"), before what a
    tool is ("SAP experience", "Workday HCM"), or in a list with a tool the catalogue knows
    (``listed``: "ADP, Workday or Paychex"); never a season ("in Spring 2027"). An acronym of two
    meanings ("ADA": the Ada language, the disabilities act) only in such a list, unless the
    catalogue marks it ``capitals`` ("SAP")."""
    written = sentence[start:end]
    if written.lower() in _SEASONS or re.match(r"\s+[A-Z][a-z]", sentence[end:]):
        return False  # "Spring 2027"; "Oracle Cloud customers", "Epic Games": part of another name
    if written.isupper() and not capitals:
        return listed  # "knowledge of employment law, including FMLA, ADA, FLSA"
    return listed or bool(_INTRODUCED.search(sentence[:start]) or _TOOL_NOUN_AFTER.match(sentence[end:]))


#: What makes a tool an example of its kind: "NetSuite or another ERP system", "Sage Intacct or a
#: similar ERP", "ADP or equivalent".
_OR_SIMILAR = re.compile(r"\s*,?\s*or\s+(?:an?\s+|any\s+)?(?:similar|comparable|equivalent|other|another)\b", re.I)


#: What names examples of a kind of tool: "an ERP system such as Workday, Oracle or PeopleSoft", "an
#: ERP system (Epicor, SAP, Oracle, NetSuite or similar)".
_EXAMPLES = re.compile(r"(?<![\w-])(?:such as|e\.g\.,?|for example,?|like)\s|"
                       r"\((?=[^()]*\b(?:or similar|or equivalent|or other|etc\.?)\s*\))|"
                       r"\b(?:systems?|software|platforms?|tools?|HRIS|HCM|ERP|ATS|applications?|packages?)\s*\(", re.I)
#: Where the examples end: "such as Tableau or Power BI, and Python required" names Python apart.
_EXAMPLES_END = re.compile(r"[.;)]|,\s*and\b|\s(?:is|are)\s+(?:required|preferred)|$", re.I)


def _examples_end(text: str, start: int) -> int:
    """Where the examples that begin at ``start`` end: at ", and" unless a list of commas comes
    before it ("such as Tableau, Looker, and Power BI" is one list; "such as Tableau or Power BI,
    and Python required" is not)."""
    for m in _EXAMPLES_END.finditer(text, start):
        if m.group().startswith(",") and "," in text[start:m.start()] and re.match(r"\s*[A-Z0-9]", text[m.end():]):
            continue  # a serial comma ("Tableau, Looker, and Power BI"; not ", and you are comfortable ...")
        return m.start()
    return len(text)


def _examples_clause(text: str, starts: list[int]) -> tuple[re.Match | None, int]:
    """The marker of a sentence's examples and where they end: the first marker whose clause names a
    tool ("an applicant tracking system (ATS) such as iCIMS ...": not the acronym's bracket), the
    clause read past an "e.g." that opens it ("an HRIS (e.g., Workday)"); (None, -1) for none."""
    first = None
    for marker in _EXAMPLES.finditer(text):
        lead = re.match(r"\s*(?:e\.g\.|i\.e\.|for example|such as)\s*,?\s*", text[marker.end():], re.I)
        end = _examples_end(text, marker.end() + (lead.end() if lead else 0))
        first = first or (marker, end)
        if any(marker.end() <= start < end for start in starts):
            return marker, end
    return first or (None, -1)


def technologies(sentences: list[Sentence], catalog: Catalog) -> list[Item]:
    """The O*NET technologies each sentence names, office tools included. Tools named as examples of
    a kind ("an ERP system such as Workday Financials, Oracle, Lawson or PeopleSoft") are one
    preferred requirement any of them meets: the posting asks for the kind, and a tool it does not
    list, or one the catalogue does not know, may do as well."""
    items: list[Item] = []
    for s in sentences:
        first = re.match(r"\w+", s.text)
        # "Excel required": an item that names an office tool and asks it
        asked = bool(first and first.group() in OFFICE_TOOLS and ASKED_AFTER.match(s.text[first.end():]))
        named = set(re.findall(r"\b[A-Z]\w+", s.text)) & OFFICE_TOOLS
        office = bool(_OFFICE_CONTEXT.search(s.text)) or len(named) > 1 or asked
        found = matches(s.text, lambda t, o=office: tech_lookup(catalog, t, o, ambiguous=True), 6)
        marker, clause_end = _examples_clause(s.text, [start for start, *_ in found])
        examples = []
        plain = [tech_lookup(catalog, text, office) is not None for _, _, text, _ in found]
        named: list[tuple[int, int, str, str]] = []
        for k, (start, end, text, tech) in enumerate(found):
            ref = f"tech.{tech_slug(tech.name)}"
            if start == 0 and " " not in text and text[1:].islower() and is_verb(text) \
                    and not NAMES_FOLLOW.match(s.text[end:]) and not ASKED_AFTER.match(s.text[end:]):
                continue  # "Analyze sales data": a verb opening a bullet, not the product of that name
            listed = any(plain[j] and _LIST_GAP.fullmatch(s.text[min(end, b):max(start, a)])
                         for j, (a, b, _, _) in enumerate(found) if j != k)
            if not plain[k] and not _named_as_tool(s.text, start, end, listed,
                                                   catalog.technology.named_in_capitals(text)):
                continue  # "Strong Outlook on growth", "Spring 2027": the everyday word
            if marker and marker.end() <= start < clause_end:
                if ref not in (r for r, _ in examples):
                    examples.append((ref, text))
                continue
            named.append((start, end, text, ref))
        for run in _runs(s.text, named):
            refs = list(dict.fromkeys(ref for *_, ref in run))
            kind = s.kind_at(run[0][0], run[-1][1])
            if _OR_SIMILAR.match(s.text, run[-1][1]):  # "Sage Intacct or a similar ERP": an example of a kind
                examples += [(r, t) for (*_, t, r) in run if r not in (e for e, _ in examples)]
                continue
            if len(refs) == 1 and (other := _unknown_alternative(s.text, run[0][0], run[0][1], catalog)):
                # "Xero or QuickBooks": the catalogue knows one, and either meets it (Xero had been dropped)
                add(items, Item(f"{refs[0]}_or_{tech_slug(other)}", Category.TECHNICAL_SKILLS,
                                f"{run[0][2]} or {other}", kind, s.text, {"catalog": refs[0], "aliases": [other]},
                                note=f"Named as alternatives: either meets it ({other!r} is not in the catalogue, "
                                     "so its name meets it)."))
                continue
            if len(refs) == 1:
                add(items, Item(refs[0], Category.TECHNICAL_SKILLS, run[0][2], kind, s.text, {"catalog": refs[0]}))
                continue
            ident = "tech." + "_or_".join(r.split(".", 1)[1] for r in refs)
            texts = [t for _, _, t, _ in run]
            add(items, Item(ident, Category.TECHNICAL_SKILLS, ", ".join(texts[:-1]) + " or " + texts[-1], kind, s.text,
                            {"catalog": refs}, note="Named as alternatives: any of them meets it."))
        # beside the examples the catalogue knows, those it does not ("Paycom" in "(Paycom, ADP, UKG)")
        unknown = (_unknown_examples(s.text[marker.end():clause_end], [t for _, t in examples])
                   if examples and marker else [])
        if examples:
            refs = [r for r, _ in examples]
            names = [t for _, t in examples] + unknown
            ident = "tech." + "_or_".join([r.split(".", 1)[1] for r in refs] + [tech_slug(u) for u in unknown])
            fields = {"catalog": refs if len(refs) > 1 else refs[0]} | ({"aliases": unknown} if unknown else {})
            add(items, Item(ident, Category.TECHNICAL_SKILLS, " or ".join(names), Kind.PREFERRED, s.text, fields,
                            note="Named as examples of a kind of tool: any of them meets it, and preferred, as "
                                 "others the posting does not list may do."))
    everyday = _everyday(catalog)
    for item in items:
        refs = item.fields["catalog"] if isinstance(item.fields["catalog"], list) else [item.fields["catalog"]]
        if item.kind == Kind.REQUIRED and set(refs) <= everyday:
            item.kind = Kind.PREFERRED
            item.note = ("A tool most trades use (O*NET lists it for more than half of all occupations): asked "
                         "of everyone, it separates no one, so it is preferred; make it required if you screen "
                         "by it. " + item.note).strip()
    return items


#: A tool O*NET lists for more than this share of all occupations is an everyday office tool
#: (Excel 93%, Microsoft Office 88%, Word 85%, PowerPoint and Outlook 68%; web browsers 47%, SAP 30%).
EVERYDAY_SHARE = 0.5


def _everyday(catalog: Catalog) -> set[str]:
    """The references of the catalogue technologies most trades use ("tech.microsoft_excel")."""
    techs = catalog.technology
    return {f"tech.{tech_slug(t.name)}" for t in techs.technologies
            if len(t.occupations) > EVERYDAY_SHARE * len(techs.occupations)}


def _unknown_examples(clause: str, known: list[str]) -> list[str]:
    """The tools a list of examples names that the catalogue does not know ("Paycom", "BambooHR",
    "Gusto" in "(Paycom, ADP, UKG or similar)"): items written as names, not the known ones."""
    items = (re.sub(r"(?i)\s+(?:preferred|required|a plus|desired)$", "", i.strip(" .()"))
             for i in re.split(r",|/|\bor\b|\band\b", clause))
    return [i for i in items if i and i[0].isupper() and len(i.split()) <= 3 and i not in known
            and not re.search(r"(?i)\b(?:similar|equivalent|other|others|etc|comparable|another)\b", i)]


#: A name of up to three capitalised words: "Xero", "Sage Intacct", "Microsoft Dynamics GP".
_NAME = r"[A-Z][\w.+#-]*(?:\s+[A-Z0-9][\w.+#-]*){0,2}"


def _unknown_alternative(sentence: str, start: int, end: int, catalog: Catalog) -> str | None:
    """A name the catalogue does not know, offered by "or" as the alternative to the known tool at
    ``start:end`` ("Xero" in "Experience with Xero or QuickBooks", "QuickBooks or Xero"); not a
    kind ("or similar", "or Equivalent") nor an ordinary word ("Excel or Better")."""
    after = re.match(rf"\s+or\s+({_NAME})", sentence[end:])
    before = re.search(rf"(?<![\w.+#-])({_NAME})\s+or\s+$", sentence[:start])
    for m in (after, before):
        name = m.group(1).rstrip(".") if m else ""
        words = name.lower().split()
        if not name or tech_lookup(catalog, name, ambiguous=True) or any(w in STOP or w in GENERIC for w in words) \
                or re.search(r"(?i)\b(?:similar|equivalent|other|others|etc|comparable|another|any|related)\b", name) \
                or len(words) == 1 and is_verb(words[0]) or ASKED_AFTER.match(" " + name):
            continue
        return name
    return None


def _runs(sentence: str, named: list[tuple[int, int, str, str]]) -> list[list[tuple[int, int, str, str]]]:
    """The tools a sentence names, each alone or, where a list offers them as alternatives ("SAP,
    Oracle or NetSuite": joined by "or", never by "and"), as one run."""
    runs: list[list[tuple[int, int, str, str]]] = []
    for item in named:
        gap = sentence[runs[-1][-1][1]:item[0]] if runs else ""
        if runs and _LIST_GAP.fullmatch(gap) and not re.search(r"\band\b|&", gap):
            runs[-1].append(item)
        else:
            runs.append([item])
    out = []
    for run in runs:
        gaps = [sentence[a[1]:b[0]] for a, b in zip(run, run[1:])]
        if len(run) > 1 and not any(re.search(r"\bor\b|/", g) for g in gaps) \
                and not _OR_SIMILAR.match(sentence, run[-1][1]):  # "Epic, Cerner, or similar EHR": examples
            out += [[item] for item in run]  # "Excel, Word": each asked
        else:
            out.append(run)
    return out
