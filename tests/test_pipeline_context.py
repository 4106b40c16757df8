"""What a finding means in its context: held or in progress, own or not, counted or contact."""

from __future__ import annotations

import datetime as dt

import pytest

from resumematch.analyze import Analyzer

AS_OF = dt.date(2026, 11, 1)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer("it_project_manager", as_of=AS_OF)


def resume(section: str, body: str) -> str:
    return f"Jane Doe\njane.doe@example.com\n\n{section}\n{body}\n"


def statuses(analysis, req_id: str) -> list[tuple[str, str]]:
    return [(e.text, e.status) for e in analysis.found(req_id)]


# --------------------------------------------------------------------------- certifications

@pytest.mark.parametrize("line, status, counts", [
    ("Preparing for the PMP exam (scheduled March 2027)", "in_progress", False),
    ("PMP - exam date: January 2027", "in_progress", False),
    ("Currently pursuing PMP certification", "in_progress", False),
    ("PMP (expired 2015)", "expired", False),
    ("PMP, Project Management Institute, 2019", "held", True),
])
def test_context_certification_status(analyzer, line, status, counts):
    hits = analyzer.analyze(resume("CERTIFICATIONS", line)).found("cert.pmp")
    assert hits and {e.status for e in hits} == {status}
    assert all(e.counts is counts for e in hits)


# --------------------------------------------------------------------------- internships

@pytest.mark.parametrize("body, text, status", [
    ("Project Manager, Fabrikam, 2018 - 2020\n- Mentored five summer interns", "summer interns", "not_own"),
    ("Project Manager, Fabrikam, 2018 - 2020\n- Managed two interns and a contractor", "interns", "not_own"),
    ("Project Manager, Fabrikam, 2018 - 2020\n- Supervised the intern program", "intern", "not_own"),
    ("IT Intern, Contoso, May 2014 - Aug 2014\n- Supported the service desk", "Intern", "own"),
    ("Summer internship at Contoso (Jun 2013 - Aug 2013)", "internship", "own"),
    # a capitalised field before "Intern" is the intern's own title, not a deed done to one
    ("Project Management Intern, Contoso, May 2014 - Aug 2014", "Intern", "own"),
    ("Recruiting Intern, Contoso, May 2014 - Aug 2014", "Intern", "own"),
    ("Project Manager, Fabrikam, 2018 - 2020\n- Hired and mentored one Marketing Intern", "Intern", "not_own"),
    ("Project Manager, Fabrikam, 2018 - 2020\n- Supervised Accounting Intern and reviewed her work", "Intern", "not_own"),
])
def test_context_internship_own_or_not(analyzer, body, text, status):
    assert statuses(analyzer.analyze(resume("EXPERIENCE", body)), "internship") == [(text, status)]


@pytest.mark.parametrize("body, internships, years", [
    ("Project Manager, Fabrikam\nJan 2018 - Dec 2020\n- Mentored five summer interns", 0, 0.0),
    ("IT Intern, Contoso, May 2014 - Aug 2014\n- Supported the service desk", 1, 0.25),
])
def test_context_only_own_internships_are_counted(analyzer, body, internships, years):
    analysis = analyzer.analyze(resume("EXPERIENCE", body))
    assert (analysis.internships, analysis.internship_years) == (internships, years)


# --------------------------------------------------------------------------- degrees

@pytest.mark.parametrize("line, status", [
    ("Coursework toward a B.S. in Information Technology (not completed)", "incomplete"),
    ("B.S. in Information Technology - did not graduate", "incomplete"),
    ("B.S. in Information Technology (expected May 2027)", "in_progress"),
    ("Pursuing a B.S. in Computer Science", "in_progress"),
    ("B.S. in Information Technology, Ohio State University, 2015", "completed"),
])
def test_context_degree_status(analyzer, line, status):
    hits = analyzer.analyze(resume("EDUCATION", line)).found("degree.bachelor_it_field")
    assert [e.status for e in hits] == [status]
    assert hits[0].counts is (status == "completed")


# --------------------------------------------------------------------------- contact lines

@pytest.mark.parametrize("text, req_id", [
    ("Jane Doe | PMP | CSM | jane.doe@example.com\n\nSUMMARY\nProject manager", "cert.csm"),
    ("Jane Doe\njane.doe@pmp-experts.example.com | (555) 010-2000\n\nSUMMARY\nProject manager", None),
    ("Jane Doe\nlinkedin.com/in/jane-doe · PMP · Denver\n\nSUMMARY\nProject manager", "cert.pmp"),
])
def test_context_match_in_contact_line_never_counts(analyzer, text, req_id):
    analysis = analyzer.analyze(text)
    header = [e for e in analysis.entities if e.start < text.index("SUMMARY")]
    assert all(e.status == "contact" and not e.counts for e in header)
    if req_id:
        assert analysis.found(req_id) and not any(e.counts for e in analysis.found(req_id))
    assert analysis.candidate.name == "Jane Doe"


def test_context_letters_after_the_name_are_held(analyzer):
    """The letters after the name on its own line are the candidate's claim ("Jane Doe, PMP"); the
    same credential elsewhere on a contact line is not (above)."""
    analysis = analyzer.analyze("Jane Doe, PMP\njane.doe@example.com\n\nSUMMARY\nProject manager")
    assert [e.status for e in analysis.found("cert.pmp")] == ["held"]
    assert analysis.candidate.name == "Jane Doe"


ONE_LINE = ("Jane Doe, PMP  jane.doe@example.com  (555) 010-2000  Austin, TX  SUMMARY  IT project manager "
            "and PMP holder. Led a team of 12 engineers on a cloud migration and negotiated vendor contracts "
            "worth two million dollars, with honest status reporting to sponsors at every phase.")


@pytest.mark.parametrize("text", [ONE_LINE])
def test_context_one_line_export_only_the_contact_fields_are_contact(analyzer, text):
    """Web and PDF exports put a whole resume on one line; only its contact fields are contact."""
    analysis = analyzer.analyze(text)
    pmp = analysis.found("cert.pmp")
    assert [(e.start < 15, e.status) for e in pmp] == [(True, "contact"), (False, "held")]
    for req_id in ("soft.leadership", "soft.negotiation", "soft.honest_reporting", "project.cloud"):
        assert [e.status for e in analysis.found(req_id)] == ["mentioned"]
    assert analysis.candidate.name == "Jane Doe"


@pytest.mark.parametrize("line, status", [
    ("Led a team of 12 engineers", "mentioned"),
    ("Negotiated vendor contracts", "mentioned"),
])
def test_context_other_findings_are_mentioned(analyzer, line, status):
    analysis = analyzer.analyze(resume("EXPERIENCE", line))
    assert {e.status for e in analysis.entities} == {status}


@pytest.mark.parametrize("body", ["INTERNSHIPS\nNone yet - looking for a summer placement\n"
                                  "EXPERIENCE\nBarista, 2019 - 2021"])
def test_context_internship_heading_alone_is_no_internship(analyzer, body):
    analysis = analyzer.analyze("Jane Doe\njane.doe@example.com\n\n" + body)
    assert analysis.internships == 0


@pytest.mark.parametrize("heading, met", [
    # a dated entry under an Internships heading is an internship, whatever its title says ...
    ("INTERNSHIPS", True),
    # ... the same entry under the experience is a job
    ("EXPERIENCE", False),
])
def test_context_an_entry_under_internships_meets_the_internship(analyzer, heading, met):
    analysis = analyzer.analyze(f"Jane Doe\njane.doe@example.com\n\n{heading}\nContoso Ltd, Denver, CO\n"
                                "June 2019 - August 2019\n- Built dashboards for the PMO\n")
    assert bool([e for e in analysis.found("internship") if e.counts]) is met
