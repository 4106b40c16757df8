"""Component: find resume section headings so every span knows its section."""

from __future__ import annotations

import re
from itertools import accumulate

from spacy.language import Language
from spacy.tokens import Doc

from ..component import Component
from ..rules.entries import LIST_MARKS
from ..rules.extensions import doc_text
from ..rules.headings import ENTRY_SECTIONS, QUALIFICATIONS, heading_label
from ..rules.levels import SCHOOL, names_degree


class SectionDetector(Component):
    """Marks where each section starts: ``doc._.rm_sections`` is a list of (label, start, end)."""

    def match(self, doc: Doc) -> list[tuple[str, int]]:
        found, pos = [], 0
        lines = doc_text(doc).split("\n")
        labels = [heading_label(s) if (s := line.strip(" *#|=_")) and not s.startswith("•") else None
                  for line in lines]
        for i, (line, label) in enumerate(zip(lines, labels)):
            if label and not (found and _inline_skills(found[-1][0], label, line, lines[i + 1:], labels[i + 1:])):
                found.append((label, pos))
            pos += len(line) + 1
        return found

    def set_annotations(self, doc: Doc, found: list[tuple[str, int]]) -> Doc:
        text = doc_text(doc)
        sections = [("header", 0)] if not found or found[0][1] > 0 else []
        if sections and (body := _body_start(text, found[0][1] if found else len(text))) is not None:
            sections.append(body)  # a summary or jobs under the name with no heading of their own
        sections += found
        ends = [start for _, start in sections[1:]] + [len(text)]
        doc._.rm_sections = [(_resolved(label, text[start:end]), start, end)
                             for (label, start), end in zip(sections, ends)]
        return doc


def _inline_skills(current: str, label: str, line: str, after: list[str], labels: list[str | None]) -> bool:
    """Whether ``line``, a heading of skills with its list after the colon ("Key skills: UKG,
    Recordkeeping", "Technologies: Java, Spring"), is a job's own line inside a section of jobs
    (``current``), not a new section: read as one, it had ended the work history at the first job.
    Only when the job goes on below it, with a list item before the next heading: the same line
    after the last job is the resume's skills (with its wrapped words, "References available upon
    request" under it), and read into that job, it had made the job read as another trade."""
    if current not in ENTRY_SECTIONS or label != "skills" or not re.search(r"[A-Za-z]", line.partition(":")[2]):
        return False
    below = after[:next((k for k, lab in enumerate(labels) if lab), len(after))]
    return any(text.lstrip().startswith(LIST_MARKS) for text in below)


#: A line that is a sentence (eight words or more, four of them in lower case) or holds a date range.
_SENTENCE = re.compile(r"^(?=(?:\W*[A-Za-z][\w'’-]*){8})(?=(?:.*?\b[a-z][a-z'’-]+\b){4})")
_RANGE = re.compile(r"(?i)\b(?:(?:19|20)\d\d|\d{1,2}/(?:19|20)\d\d)\s*(?:-|–|—|to|until)\s*"
                    r"(?:(?:19|20)\d\d|\d{1,2}/(?:19|20)\d\d|current|present|now|date|today)\b")
_CONTACT = re.compile(r"@|https?://|www\.|\d{3}\W{0,2}\d{3}\W?\d{4}")


def _body_start(text: str, end: int) -> tuple[str, int] | None:
    """Where the header ends when jobs come before any heading: the dated jobs (date ranges before
    ``end``, the first heading) of a resume that heads none of its work, with any summary above them,
    are its experience, which tells the candidate's trade as a headed section does; the header is
    the name and contact block above. The experience opens at the first line after the last contact
    line (and after the first line) that is a sentence or holds a date range (``_SENTENCE``,
    ``_RANGE``). None when fewer than two date ranges come before the first heading: one is as often
    a line of the header ("Available from 01/2025 - now", "Passport valid 2019 - 2029") or a degree's."""
    if len(_RANGE.findall(text, 0, end)) < 2:
        return None
    lines = text[:end].split("\n")
    starts = [0, *accumulate(len(line) + 1 for line in lines)]
    first = 1 + max((i for i, line in enumerate(lines) if _CONTACT.search(line)), default=0)
    for i in range(first, len(lines)):
        if not _CONTACT.search(lines[i]) and (_SENTENCE.match(lines[i]) or _RANGE.search(lines[i])):
            return "experience", starts[i]
    return None


#: What marks a "Qualifications" section as schooling: a year ("GCSE English, June 2000"), a school,
#: a school-leaving or vocational record ("NVQ 3 in Retailing", "Diploma in Nursing") or a grade
#: ("Grade C", "(Pass)", "CGPA 8.1", "78%").
_SCHOOLING = re.compile(r"\b(?:19|20)\d\d\b|\b(?:board|grade|c?gpa|gcse|a-levels?|g?nvq|btec|hsc|ssc|diploma)\b|"
                        r"\((?:pass|merit|distinction)\)|\d\s*%", re.IGNORECASE)


def _resolved(label: str, section: str) -> str:
    """A "Qualifications" section is the education when a line of it names a degree or reads as
    schooling (a school, ``_SCHOOLING``); else it is a list of skills ("Market pricing", "Job evaluation"),
    whose words tell the candidate's trade."""
    if label != QUALIFICATIONS:
        return label
    lines = section.split("\n")[1:]
    schooling = any(names_degree(line) or SCHOOL.search(line) or _SCHOOLING.search(line) for line in lines)
    return "education" if schooling else "skills"


@Language.factory("resumematch_sections", assigns=["doc._.rm_sections"])
def make_sections(nlp: Language, name: str) -> SectionDetector:
    return SectionDetector(nlp, name)
