"""Independent relevance labels for the discrimination benchmark, graded from each CV's own title.

The dotin-inc CVs (CC0-1.0) label every job title they hold as ``Designation``; the first one is
the CV's own title line. These rules read that title alone, never the rest of the resume and never
anything resumematch finds, so the label is independent of the screen being judged. They were
written before any score was looked at. A title the rules cannot place (a name, a lone "Consultant")
leaves the CV out of the pool rather than guessing.
"""

from __future__ import annotations

import re

#: A field and the pattern of a title that belongs to it, tried in order (the first wins).
_IT_WORDS = (r"software|develop(?:er|ment)|programm(?:er|ing)|\bit\b|information technology|technical support|"
             r"tech support|help ?desk|service desk|\bweb|php|java|\bsap\b|abap|oracle|database|\bsql|devops|"
             r"data analyst|technology (?:analyst|lead|consultant)|technical (?:consultant|lead|architect|specialist)|"
             r"maximo|\besb\b|\bapp\b|application|sdet|tester|\bqa\b|quality assurance|computer|"
             r"system(?:s)? (?:engineer|administrat|programmer|analyst)|network|firmware|embedded|android|"
             r"\bios\b|drupal|sharepoint|\bmsbi|architect\b|crm functional|functional consultant|"
             r"incident manager|escalation (?:manager|engineer)|test (?:lead|manager|engineer|automation)|"
             r"principal engineer|lead engineer|member technical staff|engineer(?:ing)? lead")
IT = re.compile(_IT_WORDS, re.IGNORECASE)
NOT_IT = re.compile(r"automo|automobile|mechanical|sales (?:and|&) marketing engineer|sales engineer|aircraft|"
                    r"hvac|camera|music|teacher|attorney|legal|marketing", re.IGNORECASE)
MANAGEMENT = re.compile(r"project manag|program(?:me)? manag|project lead|\bpmo\b|scrum master|manager|director|"
                        r"head of|\bvp\b|vice president|\bit executive|\bcto\b|\bcio\b", re.IGNORECASE)
PROJECT = re.compile(r"project manag|program(?:me)? manag|project lead|\bpmo\b|scrum master", re.IGNORECASE)
OTHER_FIELD = re.compile(
    r"teach|educat|principal\b|lecturer|professor|tutor|counsel|admissions|student|coach|attorney|lawyer|legal|"
    r"paralegal|solicitor|law\b|marketing|sales|advertis|social media|copy ?writer|editor|circulation|producer|"
    r"camera|automo|automobile|technician|mechanic|food service|cashier|office manager|secretary|"
    r"administrative|receptionist|bank|finance|accountant|medical|veterinary|nurse|security officer|"
    r"newsreader|anchor|subtitler|translator|trainer|front office|data entry|pet sitter|yearbook|newspaper|"
    r"executive director|research (?:associate|assistant|fellow)|phd|mentor|career|operations|logistics|"
    r"insurance|construction|voice and accent|police|mechanical|estimator|project management|chief|"
    r"market assistant|order manager|business analyst|quantitative|engineer", re.IGNORECASE)


def grade_it_pm(title: str, other_titles: tuple[str, ...] = ()) -> int | None:
    """Relevance of a CV titled ``title`` to an IT project manager: 2 for IT management or IT
    project management, 1 for other IT work, 0 for another field, None when the title is unclear.
    A project or programme manager's title names no field, so ``other_titles`` (the CV's other
    job titles) decide whether it is IT: with an IT title among them it is IT project management,
    without one the CV is left out."""
    t = " ".join(title.split())
    it = bool(IT.search(t)) and not NOT_IT.search(t)
    if it:
        return 2 if MANAGEMENT.search(t) else 1
    if PROJECT.search(t):
        return 2 if any(IT.search(o) and not NOT_IT.search(o) for o in other_titles) else None
    if OTHER_FIELD.search(t):
        return 0
    return None


#: Fields for roles drafted from postings: the field's own title words.
FIELDS = {
    "teacher": re.compile(r"teach|educat|tutor|lecturer|instructor|principal\b|professor", re.IGNORECASE),
    "software developer": re.compile(r"software|develop(?:er|ment)|programm|\bweb\b|php|java|\bapp\b|android",
                                     re.IGNORECASE),
    "lawyer": re.compile(r"attorney|lawyer|legal|paralegal|solicitor|barrister|\blaw\b", re.IGNORECASE),
    "marketing": re.compile(r"marketing|advertis|social media|copy ?writer", re.IGNORECASE),
    "sales": re.compile(r"sales|account (?:manager|executive)", re.IGNORECASE),
}


def in_field(title: str, field: str) -> bool:
    """Whether the title line ``title`` belongs to ``field`` (a key of FIELDS)."""
    return bool(FIELDS[field].search(title))
