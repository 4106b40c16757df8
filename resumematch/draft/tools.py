"""Technical skills: the O*NET technologies a posting names, office tools included, and tools it
names as examples of a kind ("an ERP system such as Workday Financials, Oracle or PeopleSoft")."""

from __future__ import annotations

import re

from ..catalog import Catalog, term_key
from ..catalog.refs import tech_slug
from ..types import Category, Kind
from .finders import Item, add, matches
from .posting import Sentence
from .words import GENERIC, STOP, is_verb


def tech_lookup(catalog: Catalog, text: str, office: bool = False):
    """The O*NET technology a span names, when written as a name and not ambiguous (``office``: an
    office tool's bare name, "Excel", "Word", counts in a sentence about office tools); else None."""
    if not re.search(r"[A-Z+#.]|\d", text) or term_key(text) in GENERIC or term_key(text) in STOP:
        return None  # O*NET names that are ordinary words count only written as names
    techs = catalog.technology.lookup(text)
    if not techs or catalog.technology.is_ambiguous(text) and not (office and text in OFFICE_TOOLS):
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


#: What names examples of a kind of tool: "an ERP system such as Workday, Oracle or PeopleSoft".
_EXAMPLES = re.compile(r"(?<![\w-])(?:such as|e\.g\.,?|for example,?|like)\s", re.I)
#: Where the examples end: "such as Tableau or Power BI, and Python required" names Python apart.
_EXAMPLES_END = re.compile(r"[.;)]|,\s*and\b|\s(?:is|are)\s+(?:required|preferred)|$", re.I)


def _examples_end(text: str, start: int) -> int:
    """Where the examples that begin at ``start`` end: at ", and" unless a list of commas comes
    before it ("such as Tableau, Looker, and Power BI" is one list; "such as Tableau or Power BI,
    and Python required" is not)."""
    for m in _EXAMPLES_END.finditer(text, start):
        if m.group().startswith(",") and "," in text[start:m.start()]:
            continue  # a serial comma
        return m.start()
    return len(text)


def technologies(sentences: list[Sentence], catalog: Catalog) -> list[Item]:
    """The O*NET technologies each sentence names, office tools included. Tools named as examples of
    a kind ("an ERP system such as Workday Financials, Oracle, Lawson or PeopleSoft") are one
    preferred requirement any of them meets: the posting asks for the kind, and a tool it does not
    list, or one the catalogue does not know, may do as well."""
    items: list[Item] = []
    for s in sentences:
        office = bool(_OFFICE_CONTEXT.search(s.text)) or len(set(re.findall(r"\b[A-Z]\w+", s.text)) & OFFICE_TOOLS) > 1
        marker = _EXAMPLES.search(s.text)
        clause_end = _examples_end(s.text, marker.end()) if marker else -1
        examples = []
        for start, end, text, tech in matches(s.text, lambda t, o=office: tech_lookup(catalog, t, o), 6):
            ref = f"tech.{tech_slug(tech.name)}"
            if start == 0 and " " not in text and text[1:].islower() and is_verb(text):
                continue  # "Analyze sales data": a verb opening a bullet, not the product of that name
            if marker and marker.end() <= start < clause_end:
                if ref not in (r for r, _ in examples):
                    examples.append((ref, text))
                continue
            add(items, Item(ref, Category.TECHNICAL_SKILLS, text, s.kind_at(start, end), s.text, {"catalog": ref}))
        if examples:
            refs = [r for r, _ in examples]
            ident = "tech." + "_or_".join(r.split(".", 1)[1] for r in refs)
            add(items, Item(ident, Category.TECHNICAL_SKILLS, " or ".join(t for _, t in examples), Kind.PREFERRED,
                            s.text, {"catalog": refs if len(refs) > 1 else refs[0]},
                            note="Named as examples of a kind of tool: any of them meets it, and preferred, as "
                                 "others the posting does not list may do."))
    return items
