"""Component: decide what each finding means in its context.

- a certification being prepared for, applied for or expected is ``in_progress``; one named in a
  course or exam prep is ``training``; an expired one ``expired``; a self-description ("a seasoned
  project management professional") or an ambiguous acronym outside credential context
  ("CSM Bakery", "valuation with CAPM") is ``not_claimed``; otherwise ``held`` (see ``claims``);
- a degree is ``completed``, ``in_progress`` (pursuing, expected) or ``incomplete``
  ("coursework toward", "not completed");
- an internship is ``own`` unless the candidate managed or trained interns (``not_own``);
- anything inside the candidate's name or contact lines is ``contact`` and never counts, except the
  letters after the name ("Jane Doe, CPA"): a credential there is ``held``, a degree ``completed``;
- a soft skill named as the modifier of another word ("communication portal") is ``not_claimed``;
- a tool whose name is also an everyday word ("Excel", "Word") is ``not_claimed`` unless written
  as the tool (``rules.tools``): in the skills section, in a list with a tool the catalogue knows,
  or after what introduces a tool or before what one makes ("Built Excel workbooks");
- everything else is ``mentioned``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ...types import Category, FindingStatus, Method
from ..component import Component
from ..rules.claims import credential_status, skill_status
from ..rules.extensions import Finding, doc_text, line_bounds, section_at, span_chars
from ..rules.headings import heading_label
from ..rules.tools import tool_status

_DEGREE_INCOMPLETE = re.compile(
    r"\b(?:not\s+completed|incomplete|did\s+not\s+(?:complete|finish|graduate)|coursework\s+towards?|"
    r"credits?\s+towards?|some\s+(?:college|coursework)|withdrew|discontinued|left\s+(?:the\s+)?program|"
    r"no\s+degree|unfinished|partial(?:ly)?\s+completed)\b", re.IGNORECASE)
_DEGREE_PENDING = re.compile(
    r"\b(?:pursuing|expected|anticipated|in[- ]progress|currently\s+(?:enrolled|studying|pursuing)|"
    r"ongoing|(?:ph\.?\s?d\.?|doctoral|degree|master['’]?s|bachelor['’]?s)\s+candidate|to\s+be\s+completed|"
    r"final\s+year|(?:19|20)\d\d\s*-\s*present)\b", re.IGNORECASE)
_MANAGED_INTERNS = re.compile(
    r"\b(?:manag\w*|supervis\w*|mentor\w*|train\w*|hir\w*|recruit\w*|coach\w*|onboard\w*|oversaw|"
    r"oversee\w*|led|lead\w*|coordinat\w*|host\w*|interview\w*|guid\w*|direct\w*|taught|teach\w*)\b"
    r"[^.;\n]{0,40}$", re.IGNORECASE)


def _known_tool(phrase: str) -> bool:
    """Whether ``phrase`` names a tool the catalogue knows ("QuickBooks", "Microsoft Office")."""
    from ...catalog import load_catalog

    return len(phrase) < 40 and bool(load_catalog().technology.lookup(phrase))


def _in_capitals(written: str) -> bool:
    """Whether ``written`` is an acronym the catalogue marks ``capitals`` ("SAP"), written so."""
    from ...catalog import load_catalog

    return written.isupper() and load_catalog().technology.named_in_capitals(written)


def _title_run(words: str) -> bool:
    """Whether the words before "Intern" are a run of capitalised words: the intern's own title
    ("Project Management Intern", "Recruiting Intern"), not a deed ("Supervised a summer intern")."""
    run = words.split()
    return bool(run) and all(w[:1].isupper() or w in ("&", "and", "of") for w in run)


#: "Intern" naming what someone else's job is about: "Campus and Intern Recruiter", "Internship
#: Program Coordinator", "Reviewed intern timesheets".
_INTERN_MODIFIES = re.compile(r"\s+(?:program\w*\s+(?:coordinator|manager|director|lead|specialist|administrator)|"
                              r"coordinator|recruit\w*|manager|supervisor|mentor\w*|timesheets?|hiring|pool|"
                              r"housing|liaison|onboarding|evaluations?|schedules?|candidates?|interviews?|"
                              r"orientation)\b", re.IGNORECASE)


#: Letters after a name: "CPA", "MBA", "Ph.D.", "PHR", "SHRM-CP".
_POSTNOMINAL = r"[A-Z][A-Za-z.&/-]{1,10}"


def _after_the_name(doc: Doc, text: str, start: int, end: int) -> bool:
    """Whether the span ``text[start:end]`` is one of the letters written after the candidate's name
    on its line ("Jane Doe, CPA", "Jane Doe, MBA, CPA"): a credential or a degree its holder claims
    where a reader looks first. Not a word anywhere else on the name's line ("Jane Doe | CPA Firm
    Recruiter")."""
    name = (doc._.rm_contact or {}).get("name")
    if not name:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before, after = text[line_start:start], text[end:len(text) if line_end < 0 else line_end]
    return bool(re.fullmatch(rf"\s*{re.escape(name)}(?:\s*,\s*{_POSTNOMINAL})*\s*,\s*", before)
                and re.fullmatch(rf"(?:\s*,\s*{_POSTNOMINAL})*\s*", after))


class ContextClassifier(Component):
    """Sets ``Finding.status`` on every finding in ``doc._.rm_findings``."""

    def __init__(self, nlp: Language, name: str = "resumematch_context", window: int = 60) -> None:
        super().__init__(nlp, name)
        self.window = window

    def match(self, doc: Doc) -> list[str]:
        """The status of each finding, in order."""
        text = doc_text(doc)
        contact_lines = doc._.rm_contact_lines or []
        headings: dict[int, bool] = {}
        findings = doc._.rm_findings or []
        named: dict[str, list[tuple[int, int]]] = {}  # where each credential was named, by requirement
        for f in findings:
            if f.category == Category.CERTIFICATION:
                named.setdefault(f.req_id, []).append(span_chars(doc, f.start, f.end))
        return [self.status(doc, text, f, contact_lines, headings, named) for f in findings]

    def status(self, doc: Doc, text: str, f: Finding, contact_lines: list[tuple[int, int]],
               headings: dict[int, bool], named: dict[str, list[tuple[int, int]]]) -> str:
        """The status of finding ``f``, given the doc's contact line ranges; ``headings`` remembers
        which lines (by start) are section headings, as several findings often share a line;
        ``named`` holds the characters where each credential was named."""
        start, end = span_chars(doc, f.start, f.end)
        if any(a <= start < b for a, b in contact_lines):
            if f.category in (Category.CERTIFICATION, Category.DEGREE) and _after_the_name(doc, text, start, end):
                return FindingStatus.HELD if f.category == Category.CERTIFICATION else FindingStatus.COMPLETED
            return FindingStatus.CONTACT
        line_start, line_end = line_bounds(doc, start)
        if line_start not in headings:
            line = text[line_start:line_end].strip(" *#|=_").rstrip(":")
            headings[line_start] = ":" not in line and bool(heading_label(line))
        if headings[line_start]:
            return FindingStatus.HEADING  # the title "INTERNSHIPS" is no internship
        before = text[max(line_start, start - self.window):start]
        if f.category == Category.CERTIFICATION:
            return credential_status(text, start, end, line_start, line_end, section_at(doc, start),
                                     needs_context=f.needs_context, window=self.window,
                                     named=named.get(f.req_id, ()), title=f.name)
        if f.category == Category.DEGREE:
            near = text[max(line_start, start - 150):min(line_end, end + 150)]
            nxt_end = text.find("\n", line_end + 1, line_end + 150)
            near += " " + text[line_end + 1: line_end + 150 if nxt_end == -1 else nxt_end]
            if _DEGREE_INCOMPLETE.search(near):
                return FindingStatus.INCOMPLETE
            return FindingStatus.IN_PROGRESS if _DEGREE_PENDING.search(near) else FindingStatus.COMPLETED
        if f.category == Category.INTERNSHIP:
            word = text[start:end].lower()
            if word.endswith("s") and not word.endswith("ss") and word not in ("internships",):
                return FindingStatus.NOT_OWN
            managed = _MANAGED_INTERNS.search(before)
            verb = managed.group().split()[0].lower() if managed else ""
            deed = verb.endswith("ed") or verb in ("led", "oversaw", "taught")  # "Supervised Accounting Intern"
            if managed and (deed or not _title_run(before[managed.start():])) or _INTERN_MODIFIES.match(text, end):
                return FindingStatus.NOT_OWN  # "Supervised a summer intern"; not "Project Management Intern"
            return FindingStatus.OWN
        if f.category == Category.TECHNICAL_SKILLS and f.needs_context:
            return tool_status(text, start, end, line_start, line_end, section_at(doc, start),
                               inflected=f.method == Method.LEMMA, known=_known_tool,
                               capitals=_in_capitals(text[start:end]))
        if f.category == Category.SOFT_SKILLS and f.method != Method.EVIDENCE:
            return skill_status(text, start, end, line_end)
        return FindingStatus.MENTIONED

    def set_annotations(self, doc: Doc, statuses: list[str]) -> Doc:
        for finding, status in zip(doc._.rm_findings or [], statuses):
            finding.status = status
        return doc


@Language.factory("resumematch_context", default_config={"window": 60}, assigns=["doc._.rm_findings"],
                  requires=["doc._.rm_findings", "doc._.rm_sections", "doc._.rm_contact_lines"])
def make_context(nlp: Language, name: str, *, window: int) -> ContextClassifier:
    return ContextClassifier(nlp, name, window=window)
