"""The fields a posting's degree names: after it ("in Accounting or Finance"), between two degrees,
or said once after several ("Bachelor's required, Master's preferred, in Accounting")."""

from __future__ import annotations

import re


def listed(text: str, known=None) -> list[str]:
    """The items of a list written out ("business administration, finance, or public
    administration"; "Statistics/Mathematics"), each without its article; an item the catalogue
    knows with its slash (``known``: "industrial/organizational psychology") stays whole."""
    parts = [q for p in re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+", text)
             for q in ([p] if known is not None and "/" in p and known(bare(p)) else p.split("/"))]
    items = [bare(p) for p in parts if p.strip(" ,")]
    if known is not None:  # "public or business administration": the word before shares the next item's head
        items = [f"{item} {nxt.split()[-1]}" if " " not in item and " " in nxt and not known(item)
                 and known(f"{item} {nxt.split()[-1]}") else item for item, nxt in zip(items, [*items[1:], ""])]
    return items


def bare(item: str) -> str:
    """A list's item without its article or what introduces it ("a", "such as")."""
    return re.sub(r"^(?:(?:a|an|the)\s+|(?:such as|including|e\.g\.,?)\s+)+", "", item.strip(" ,"), flags=re.I)


def fields_between(text: str, hits: list[tuple], deg) -> list[str]:
    """The fields of each degree but the last, offered before the next one: those named after it, up
    to the "or" ("a bachelor's degree in Accounting, or a bachelor's degree in Finance": Accounting),
    or the one its name implies ("an MBA or a Master's in Accounting": Business Administration)."""
    fields: list[str] = []
    for (_, end, found, _), (start, *_) in zip(hits, hits[1:]):
        between = re.sub(r",?\s*\b(?:or|and)\s*(?:an?\s*)?$", "", text[end:start], flags=re.I)
        if between == text[end:start]:
            continue
        if other := FIELDS_AFTER.match(between):
            fields += listed(other.group(1), deg.field)
        elif (named := deg.degree(found)) and named.implies_field:
            fields += [f.name for f in deg.fields if f.id == named.implies_field]
    return fields


def field_names(fields: list[str], deg) -> list[str]:
    """The parts of a degree's object that name a field: not an article, a level, "any field",
    "equivalent experience" or an adverb."""
    return [f for f in fields if 1 < len(f) < 60 and f.lower() not in ("a", "an", "the") and not deg.level_of(f)
            and not re.search(r"\bfield\b|\bany\b|equivalent|experience|\bthey\b|^\w+ly$", f, re.I)]


#: The fields named after a degree: "in Accounting", "(B.S.) in Finance or Economics", up to what
#: ends them ("or a related field", "or equivalent", "with ...", "required").
FIELDS_AFTER = re.compile(r"\s*(?:degree|diploma)?\s*(?:or (?:a )?(?:graduate )?certificate\s*)?(?:\([^)]*\)\s*)?"
                           # "from an accredited college or university in human resources, ..."
                           r"(?:from (?:an? )?(?:regionally )?(?:accredited )?(?:college|university|institution|school)"
                           r"(?: or (?:college|university))?\s+)?"
                           r"(?:in|of)\s+(.+?)(?=[.;(]|, or equivalent|"
                           r" or (?:a )?(?:closely )?related|,? or equivalent| with | and \d|"
                           r" (?:is |are )?(?:not |strongly |highly )?(?:required|preferred|a plus|necessary)|$)", re.I)


#: Fields said once after two degrees and their cues: "Bachelor's required, Master's preferred, in
#: Nursing or Health Administration" (after a degree's word and its cue, nothing else between).
_SHARED = re.compile(r"(?:degree|['’]s|\b[A-Z]{2,4})\s+(?:is\s+)?(?:required|preferred|desired|a plus)\s*,\s*"
                     r"((?:in|of)\s+[^;]+?)\s*\.?$", re.I)
#: Where a sentence names another degree after a comma: each is a clause with its own cue.
DEGREE_CLAUSES = re.compile(r";|,\s+(?=(?:Bachelor|Master|Doctor|Ph\.?\s?D|MBA|Associate)['’]?s?\b)|"
                            # and before a degree's acronym with its own cue, after a word: "BSN required, MSN
                            # preferred", "BS in Finance, MS preferred"; not a list, "MSN, DNP preferred"
                            r"(?<=[a-z)]),\s+(?=(?:[BM]Sc?N?|BBA|M[PH]A|MPH|DNP|[BM]Eng)\s+(?:is\s+)?"
                            r"(?:strongly\s+|highly\s+)?(?:required|preferred|desired|a plus)\b)")


def shared_fields(sentence: str, deg) -> re.Match | None:
    """The fields a sentence of two degrees or more names once at its end, as ``FIELDS_AFTER``
    matches them, when every one is a field the catalogue knows ("in addition to a CPA license",
    "in a healthcare setting" are none); else None."""
    found = _SHARED.search(sentence) if len(DEGREE_CLAUSES.split(sentence)) > 1 else None
    named = FIELDS_AFTER.match(" " + found.group(1)) if found else None
    fields = field_names(listed(named.group(1), deg.field), deg) if named else []
    return named if fields and all(deg.field(f) for f in fields) else None
