"""Whether a tool whose name is also an everyday word is named as the tool.

The catalogue marks such names ambiguous ("Excel", "Word", "Outlook", "Access", "Spring", "Teams",
"Windows", "Bash", "C"); a model that takes a technology from the catalogue finds them only for the
context to decide (``context_only``). A reader takes such a word for the tool when it is written
with its capital and not inflected, is no everyday phrase around it ("Excel at", "Spring 2018",
"Go-Live", "Maya Lin"), and one of these holds:

- it stands in the skills section;
- it is an item of a list whose other items hold a tool the catalogue knows ("QuickBooks, Excel",
  "Excel, Word and Outlook"; not "Director, Patient Access, Mercy Hospital");
- inside a sentence, not in the education, it follows what introduces a tool ("in", "using",
  "with", "especially", "utilized") or comes before what a tool makes ("Excel workbooks", "Excel
  schedules").

An acronym ("AWS", "EMR") is ambiguous by meaning, not by case: only the skills section or a list
tells; unless the catalogue marks it ``capitals`` ("SAP": the plant's sap is never written so),
when it reads as the tool wherever a capitalised name does. A name the next words make a tool the
catalogue knows is that tool ("SAP S/4HANA", "Oracle Financials").
"""

from __future__ import annotations

import re

from ...types import FindingStatus

#: What follows an everyday word used as one: "Excel at", "Excel in fast-paced teams" (at a line's
#: or a sentence's start), a hyphened word ("Go-Live"), a name ("Maya Lin"), a year or a term
#: ("Spring 2018", "Spring semester").
_AS_A_WORD_AFTER = re.compile(r"^(?:\s+(?:at|under)\b|-\w|\s+[A-Z][a-z])")
#: A season's name before a year or a term: "Spring 2018", "Spring '19", "Spring semester".
_SEASON = frozenset({"spring", "fall", "summer", "winter"})
_TERM_AFTER = re.compile(r"^(?:,?\s*'?\d|\s+(?:semester|term|quarter|break|season|and (?:summer|fall))\b)",
                         re.IGNORECASE)
#: A version or a count after a tool's name, which the list around it reads past: "Excel 2016, Word".
_VERSION = re.compile(r"^\s*(?:\d[\w.]*|365|XP)\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+)[\s•·*\-–—]*$")
#: What separates the items of a list on one line.
_ITEMS = re.compile(r"\s*(?:[,/|;•·]|\band\b|\bor\b|&|:)\s*", re.IGNORECASE)
#: What introduces a tool inside a sentence: "built in Excel", "using Excel", "especially Excel",
#: "Utilized Outlook".
_TOOL_BEFORE = re.compile(r"\b(?:in|using|with|via|into|from|on|including|especially|particularly|mainly|"
                          r"namely|like|such as|used|utili[sz](?:ed|ing)|leverag(?:ed|ing))\s*$", re.IGNORECASE)
#: What puts work inside a tool: "Posted journal entries in SAP", "entered into SAP", "using SAP".
_IN_A_TOOL = re.compile(r"\b(?:in|into|using|via|within|from|used|utili[sz](?:ed|ing)|leverag(?:ed|ing))\s*$",
                        re.IGNORECASE)
#: What a tool makes or holds, after its name: "Excel workbooks", "Excel schedules", "Access queries".
_TOOL_AFTER = re.compile(r"^(?:\s+(?:skills?|spreadsheets?|workbooks?|sheets?|macros?|formulas?|functions?|pivot|"
                         r"vlookups?|models?|templates?|dashboards?|trackers?|schedules?|files?|tables?|lists?|"
                         r"queries|query|databases?|forms?|scripts?|documents?|reports?|add-ins?|vba|calendars?|"
                         r"mailboxes|inbox|rules|servers?|workstations?|environments?|applications?|apps?|expert|user|"
                         r"power user|proficiency|certified|specialist)\b|"
                         r"\s*\((?:advanced|expert|intermediate|proficient|pivot|vlookup|macros|formulas)|"
                         r"\s*[–—-]\s*(?:advanced|expert|intermediate|proficient|basic)\b|"
                         r",?\s*\d+\+?\s*(?:years?|yrs)\b)", re.IGNORECASE)


def tool_status(text: str, start: int, end: int, line_start: int, line_end: int, section: str,
                inflected: bool = False, known=None, capitals: bool = False) -> FindingStatus:
    """The status of a tool whose name is also an everyday word, found at ``text[start:end]``:
    ``mentioned`` where a reader takes it for the tool (module docstring), ``not_claimed``
    elsewhere. ``known(phrase)`` says whether a phrase names a tool the catalogue knows;
    ``capitals``, whether the name is an acronym the catalogue marks ``capitals``."""
    written = text[start:end]
    before, after = text[line_start:start], text[end:line_end]
    if inflected or not written[:1].isupper() or written.lower() in _SEASON and _TERM_AFTER.match(after):
        return FindingStatus.NOT_CLAIMED
    past_version = after[_VERSION.match(after).end():] if _VERSION.match(after) else after
    if section == "skills" or _listed_with_a_tool(before, past_version, known) or _product_after(written, after, known):
        return FindingStatus.MENTIONED
    if _AS_A_WORD_AFTER.match(after) or written.isupper() and not capitals or section == "education":
        return FindingStatus.NOT_CLAIMED
    if _named_after(before, text, line_start):
        return FindingStatus.NOT_CLAIMED  # "the annual Economic Outlook report": part of a name
    lead = before if before.strip() else _line_above(text, line_start)
    # an acronym read in capitals ("SAP") only where nothing else of that name is worked "with" or "on"
    # (a Substance Abuse Professional, Satisfactory Academic Progress): "in", "into", "using" SAP
    introduced = bool((_IN_A_TOOL if written.isupper() else _TOOL_BEFORE).search(lead))
    makes = _TOOL_AFTER.match(past_version) and (not _opens_sentence(text, line_start, start)
                                                 or re.match(r"^\s*(?:\(|[–—-]|,?\s*\d)", past_version))
    return FindingStatus.MENTIONED if introduced or makes else FindingStatus.NOT_CLAIMED


def _named_after(before: str, text: str, line_start: int) -> bool:
    """Whether the word before is a capitalised word inside its sentence (the tool's name is then the
    end of another name: "Economic Outlook", "Patient Access"), not a tool's maker ("Microsoft")."""
    prev = re.search(r"([A-Za-z][\w&'’-]*)\s+$", before)
    if not prev or not prev.group(1)[0].isupper() or prev.group(1) in ("MS", "Microsoft", "Apple", "Google"):
        return False
    return not _opens_sentence(text, line_start, line_start + prev.start(1))


def _listed_with_a_tool(before: str, after: str, known) -> bool:
    """Whether the name is an item of a list on its line another of whose items names a tool."""
    if known is None:
        return False
    near_before = re.search(r"\w[^\w\n]*?(?:[,/|;•·&:]|\band\b|\bor\b)\s*$", before, re.IGNORECASE)
    near_after = re.match(r"^\s*(?:[,/|;•·&]|and\b|or\b|[–—-]\s+\w+\s*[,;])", after, re.IGNORECASE)
    if not (near_before or near_after):
        return False
    items = [_past_version(p.strip(" .()").split()) for p in _ITEMS.split(before) + _ITEMS.split(after)
             if p and p.strip(" .()")]
    # an item, or its last words or its first ("Built reports in Excel", "Python scripts")
    return any(words[i][:1].isupper() and known(" ".join(words[i:j])) for words in items
               for i, j in ((0, len(words)), *((len(words) - n, len(words)) for n in (1, 2, 3)), (0, 1), (0, 2))
               if 0 <= i < j <= len(words))


def _product_after(written: str, after: str, known) -> bool:
    """Whether the words after the name make with it a tool the catalogue knows: "SAP S/4HANA",
    "Oracle Financials" (not "Excel Energy", "Outlook Park")."""
    words = after.split()[:3]
    return known is not None and bool(words) and after[:1].isspace() and any(
        words[n - 1][:1].isupper() and known(" ".join([written, *words[:n]]).rstrip(".,;:"))
        for n in range(1, len(words) + 1))


def _past_version(words: list[str]) -> list[str]:
    """An item's words without the version after a tool's name: "Excel 365" is Excel."""
    return words[:-1] if len(words) > 1 and _VERSION.match(" " + words[-1]) else words


def _line_above(text: str, line_start: int) -> str:
    """The line above the one starting at ``line_start`` when this line goes on from it (it ends in a
    word in lower case or a comma): "Proficient in Microsoft Office, especially" over "Excel and its pivot tables"."""
    above = text[:max(0, line_start - 1)].rstrip(" \t")
    if not above or not (above[-1].islower() or above[-1] == ","):
        return ""  # a heading above ("EXPERIENCE") ends no sentence this line goes on
    return above[above.rfind("\n") + 1:]


def _opens_sentence(text: str, line_start: int, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence or a list item; at the start of a line that
    goes on from the line above (``_line_above``), it does not."""
    before = text[line_start:start]
    if before.strip() or line_start == 0:
        return bool(_SENTENCE_START.search(before))
    return not _line_above(text, line_start)
