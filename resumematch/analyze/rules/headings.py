"""Section headings: the canonical section a heading line names ("WORK HISTORY:" is experience)."""

from __future__ import annotations

import re

SECTION_SYNONYMS: dict[str, tuple[str, ...]] = {
    "summary": ("summary", "profile", "professional summary", "career summary", "executive summary",
                "objective", "career objective", "about me", "overview", "personal statement",
                "professional profile", "profile summary", "summary of qualifications", "introduction",
                "executive profile", "career overview", "professional overview"),
    "experience": ("experience", "work experience", "professional experience", "employment",
                   "employment history", "work history", "career history", "relevant experience",
                   "positions held", "professional background", "career", "experience and projects",
                   "work", "professional history", "job history", "it experience"),
    "education": ("education", "academic background", "academics", "academic qualifications",
                  "educational qualifications", "education and training", "educational background",
                  "qualifications", "degrees", "academic profile", "education details"),
    "certifications": ("certifications", "certification", "certificates", "certificate", "licenses", "license",
                       "licensure", "licensure and certifications", "licenses and certificates",
                       "certifications and licensure", "licences", "licence", "certificates and licenses",
                       "licenses and certifications", "certifications and licenses", "credentials",
                       "professional certifications", "training and certifications",
                       "certifications and training", "professional development", "training",
                       "accreditations"),
    "skills": ("skills", "technical skills", "core competencies", "competencies", "key skills",
               "areas of expertise", "expertise", "strengths", "skill set", "skillset", "soft skills",
               "skills and abilities", "it skills", "core skills", "professional skills",
               "skills summary", "technologies", "tools", "programming", "highlights", "skill highlights",
               "core qualifications"),
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
_LOOKUP = {syn: label for label, syns in SECTION_SYNONYMS.items() for syn in syns}
_CLEAN = re.compile(r"[^a-z& ]+")


def heading_label(line: str) -> str | None:
    """The canonical section of a heading line ("WORK HISTORY:" is experience), else None."""
    head = line.split(":", 1)[0] if ":" in line else line
    if len(head) > 45:
        return None
    key = _CLEAN.sub(" ", head.lower().replace("&", " and ")).split()
    return _LOOKUP.get(" ".join(key)) if key else None
