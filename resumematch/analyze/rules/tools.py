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
  "with", "especially") or comes before what a tool makes ("Excel workbooks", "Excel schedules").

An acronym ("AWS", "EMR", "SAP") is ambiguous by meaning, not by case: only the skills section or
a list tells.
"""

from __future__ import annotations

import re

from ...types import FindingStatus

#: What follows an everyday word used as one: "Excel at", "Excel in fast-paced teams" (at a line's
#: or a sentence's start), a hyphened word ("Go-Live"), a name ("Maya Lin"), a year or a term
#: ("Spring 2018", "Spring semester").
_AS_A_WORD_AFTER = re.compile(r"^(?:\s+(?:at|under)\b|-\w|\s+[A-Z][a-z]|,?\s*'?\d|"
                              r"\s+(?:semester|term|quarter|break|season|and summer|and fall)\b)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+)[\s•·*\-–—]*$")
#: What separates the items of a list on one line.
_ITEMS = re.compile(r"\s*(?:[,/|;•·]|\band\b|\bor\b|&|:)\s*", re.IGNORECASE)
#: What introduces a tool inside a sentence: "built in Excel", "using Excel", "especially Excel".
_TOOL_BEFORE = re.compile(r"\b(?:in|using|with|via|into|from|on|including|especially|particularly|mainly|"
                          r"namely|like|such as)\s*$", re.IGNORECASE)
#: What a tool makes or holds, after its name: "Excel workbooks", "Excel schedules", "Access queries".
_TOOL_AFTER = re.compile(r"^\s+(?:skills?|spreadsheets?|workbooks?|sheets?|macros?|formulas?|functions?|pivot|"
                         r"vlookups?|models?|templates?|dashboards?|trackers?|schedules?|files?|tables?|lists?|"
                         r"queries|query|databases?|forms?|scripts?|documents?|add-ins?|vba|calendars?|"
                         r"mailboxes|inbox|servers?|environments?|applications?|apps?)\b", re.IGNORECASE)


def tool_status(text: str, start: int, end: int, line_start: int, line_end: int, section: str,
                inflected: bool = False, known=None) -> FindingStatus:
    """The status of a tool whose name is also an everyday word, found at ``text[start:end]``:
    ``mentioned`` where a reader takes it for the tool (module docstring), ``not_claimed``
    elsewhere. ``known(phrase)`` says whether a phrase names a tool the catalogue knows."""
    written = text[start:end]
    before, after = text[line_start:start], text[end:line_end]
    if inflected or not written[:1].isupper() or _AS_A_WORD_AFTER.match(after):
        return FindingStatus.NOT_CLAIMED
    if section == "skills" or _listed_with_a_tool(before, after, known):
        return FindingStatus.MENTIONED
    if written.isupper() or section == "education":
        return FindingStatus.NOT_CLAIMED
    lead = before if before.strip() else _line_above(text, line_start)
    introduced = bool(_TOOL_BEFORE.search(lead))
    makes = not _opens_sentence(text, line_start, start) and _TOOL_AFTER.match(after)
    return FindingStatus.MENTIONED if introduced or makes else FindingStatus.NOT_CLAIMED


def _listed_with_a_tool(before: str, after: str, known) -> bool:
    """Whether the name is an item of a list on its line another of whose items names a tool."""
    if known is None:
        return False
    near_before = re.search(r"\w[^\w\n]*?(?:[,/|;•·&:]|\band\b|\bor\b)\s*$", before, re.IGNORECASE)
    near_after = re.match(r"^\s*(?:[,/|;•·&]|and\b|or\b)", after, re.IGNORECASE)
    if not (near_before or near_after):
        return False
    items = [p.strip(" .()").split() for p in _ITEMS.split(before) + _ITEMS.split(after) if p and p.strip(" .()")]
    # an item, or its last words or its first ("Built reports in Excel", "Python scripts")
    return any(words[i][:1].isupper() and known(" ".join(words[i:j])) for words in items
               for i, j in ((0, len(words)), *((len(words) - n, len(words)) for n in (1, 2, 3)), (0, 1), (0, 2))
               if 0 <= i < j <= len(words))


def _line_above(text: str, line_start: int) -> str:
    """The line above the one starting at ``line_start`` when this line goes on from it (it ends in a
    word or a comma): "Proficient in Microsoft Office, especially" over "Excel and its pivot tables"."""
    above = text[:max(0, line_start - 1)].rstrip(" \t")
    if not above or not (above[-1].isalpha() or above[-1] == ","):
        return ""
    return above[above.rfind("\n") + 1:]


def _opens_sentence(text: str, line_start: int, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence or a list item; at the start of a line that
    goes on from the line above (``_line_above``), it does not."""
    before = text[line_start:start]
    if before.strip() or line_start == 0:
        return bool(_SENTENCE_START.search(before))
    return not _line_above(text, line_start)
