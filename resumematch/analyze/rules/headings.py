"""Section headings: the canonical section a heading line names ("WORK HISTORY:" is experience)."""

from __future__ import annotations

import re

SECTION_SYNONYMS: dict[str, tuple[str, ...]] = {
    "summary": ("summary", "profile", "professional summary", "career summary", "executive summary",
                "objective", "career objective", "about me", "overview", "personal statement",
                "professional profile", "profile summary", "summary of qualifications", "introduction",
                "executive profile", "career overview", "professional overview", "qualifications summary",
                "career focus", "career profile", "professional objective"),
    "experience": ("experience", "work experience", "professional experience", "employment",
                   "employment history", "work history", "career history", "relevant experience",
                   "positions held", "professional background", "career", "experience and projects",
                   "work", "professional history", "job history", "it experience"),
    "education": ("education", "academic background", "academics", "academic qualifications",
                  "educational qualifications", "education and training", "educational background",
                  "degrees", "academic profile", "education details", "education and qualifications",
                  "qualifications and education", "academic and professional qualifications"),
    "certifications": ("certifications", "certification", "certificates", "certificate", "licenses", "license",
                       "licensure", "licensure and certifications", "licenses and certificates",
                       "certifications and licensure", "licences", "licence", "certificates and licenses",
                       "licenses and certifications", "certifications and licenses", "credentials",
                       "professional certifications", "training and certifications",
                       "certifications and training", "professional development", "training",
                       "accreditations", "professional qualifications"),
    "skills": ("skills", "technical skills", "core competencies", "competencies", "key skills",
               "areas of expertise", "expertise", "strengths", "skill set", "skillset", "soft skills",
               "skills and abilities", "it skills", "core skills", "professional skills",
               "skills summary", "technologies", "tools", "programming", "highlights", "skill highlights",
               "core qualifications", "computer skills", "additional skills", "software skills",
               "technical proficiencies"),
    "projects": ("projects", "key projects", "selected projects", "personal projects",
                 "academic projects", "project experience", "project highlights"),
    "coursework": ("coursework", "relevant coursework", "courses", "course work", "relevant courses"),
    "internships": ("internships", "internship", "internship experience", "internships and co-ops"),
    "awards": ("awards", "honors", "honours", "achievements", "honors and awards", "awards and honors",
               "accomplishments", "key achievements"),
    "other": ("interests", "hobbies", "languages", "references", "publications", "volunteer",
              "volunteering", "volunteer experience", "activities", "extracurricular activities",
              "additional information", "links", "contact", "contact information", "contact details",
              "personal details", "personal information", "personal data", "presentations", "writing", "committees",
              "affiliations", "memberships", "professional affiliations", "extracurricular", "hobbies and interests"),
}
#: A heading that names education in some resumes ("Qualifications: B.Tech, 2012") and skills in
#: others ("Qualifications: Market pricing, Job evaluation"): the section's lines decide
#: (``components.sections``).
QUALIFICATIONS = "qualifications"
#: The sections of jobs and other entries: their lines may list the entry's own skills, and a
#: degree's name may stand in their words without being one held.
ENTRY_SECTIONS = frozenset({"experience", "internships", "projects"})
_LOOKUP = {syn: label for label, syns in SECTION_SYNONYMS.items() for syn in syns} | {"qualifications": QUALIFICATIONS}
_CLEAN = re.compile(r"[^a-z& ]+")


#: A heading set with its letters spaced out ("R E L E V A N T  E X P E R I E N C E"), whose word
#: breaks the text may have lost: matched with the spaces taken out of both.
_LETTER_SPACED = re.compile(r"^\s*(?:[A-Za-z&]\s{1,3}){3,}[A-Za-z&]\s*:?\s*$")
_SPACELESS = {syn.replace(" ", ""): label for syn, label in _LOOKUP.items()}


def heading_label(line: str) -> str | None:
    """The canonical section of a heading line ("WORK HISTORY:" is experience), else None."""
    if _LETTER_SPACED.match(line):
        return _SPACELESS.get(re.sub(r"[\s:]+", "", line).lower().replace("&", "and"))
    head = line.split(":", 1)[0] if ":" in line else line
    if len(head) > 45:
        return None
    key = _CLEAN.sub(" ", head.lower().replace("&", " and ")).split()
    return (_LOOKUP.get(" ".join(key)) or _qualified(head, key)) if key else None


#: The words that end a heading of jobs, and those that can stand before "history".
_JOB_HEADS = {"experience", "experiences", "employment"}
_HISTORY_OF = {"work", "employment", "career", "job", "professional", "occupational"}
#: A qualifier that makes such a heading another section's ("Volunteer Experience") ...
_QUALIFIER_SECTIONS = {"volunteer": "other", "volunteering": "other", "community": "other",
                       "internship": "internships", "internships": "internships",
                       "project": "projects", "projects": "projects"}
#: ... or a count, not a heading ("Total Experience: 6 years").
_NOT_QUALIFIERS = {"total", "overall", "years", "year", "months", "my", "your", "our", "no"}


def _qualified(head: str, key: list[str]) -> str | None:
    """A heading of jobs with its own qualifier ("PROFESSIONAL WORK EXPERIENCE", "Customer Service
    Experience", "Research Experience", "Professional Employment History"): two to four capitalised
    words, no digits, ending in experience, employment or a history of work. None for a line of
    lower-case words ("managed the customer experience") or a count ("Total Experience")."""
    words = head.replace("(", " ").replace(")", " ").split()
    if not 2 <= len(words) <= 4 or len(key) != len(words) or any(c.isdigit() for c in head):
        return None
    if not all(w[:1].isupper() or w.lower() in ("and", "of", "in", "&") for w in words):
        return None
    last = key[-1]
    if not (last in _JOB_HEADS or last == "history" and key[-2] in _HISTORY_OF) or key[0] in _NOT_QUALIFIERS:
        return None
    return next((_QUALIFIER_SECTIONS[w] for w in key[:-1] if w in _QUALIFIER_SECTIONS), "experience")
