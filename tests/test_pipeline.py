"""The analysis pipeline: what it finds in resume text, by alias family, fuzzy match, trap and date.

One ``Analyzer`` per module (building one takes a few tenths of a second). Every resume is
a small text written here; ``as_of`` is fixed so "Present" is reproducible.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from resumematch.analyze import Analyzer
from resumematch.analyze.components.contact import find_email, find_name, find_phone
from resumematch.model import load_model

AS_OF = dt.date(2026, 11, 1)
ROOT = Path(__file__).resolve().parents[1]
DATA_ANALYST = ROOT / "examples/models/data_analyst.yaml"
IT_PM = load_model("it_project_manager")


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer("it_project_manager", as_of=AS_OF)


def resume(section: str, body: str) -> str:
    """A minimal resume: a name and email line, then one section."""
    return f"Jane Doe\njane.doe@example.com\n\n{section}\n{body}\n"


def of_category(analysis, category: str):
    return [e for e in analysis.entities if e.category == category]


def model_ids(category: str) -> set[str]:
    return {r.id for r in IT_PM.requirements if r.category == category}


# --------------------------------------------------------------------------- degrees

DEGREES = [
    ("B.S. in Computer Science", {"degree.bachelor_it_field"}),
    ("BSc Information Technology", {"degree.bachelor_it_field"}),
    ("B.Tech in IT", {"degree.bachelor_it_field"}),
    ("B.E. Computer Engineering", {"degree.bachelor_it_field"}),
    ("Bachelor of Computer Science", {"degree.bachelor_it_field"}),
    ("Licence in IT", {"degree.bachelor_it_field"}),
    ("MS in IT Project Management", {"degree.bachelor_it_field", "degree.graduate_it_pm"}),
    ("Graduate Certificate in Project Management", {"degree.graduate_it_pm"}),
]


@pytest.mark.parametrize("line, expected", DEGREES, ids=[d[0] for d in DEGREES])
def test_degrees_alias_family_meets_its_requirements(analyzer, line, expected):
    analysis = analyzer.analyze(resume("EDUCATION", f"{line}, State University, 2012"))
    degrees = of_category(analysis, "degree")
    assert {e.id for e in degrees} == expected
    for entity in degrees:
        assert entity.text == line
        assert entity.status == "completed" and entity.counts
        assert entity.section == "education"


@pytest.mark.parametrize("line", ["Bachelor of Science in Information Technology", "B.S. in Computer Science",
                                  "B.Tech in IT", "Bachelor of Computer Science"])
def test_degrees_exact_field_is_method_exact(analyzer, line):
    (entity,) = of_category(analyzer.analyze(resume("EDUCATION", line)), "degree")
    assert (entity.method, entity.score) == ("exact", 1.0)


@pytest.mark.parametrize("line", ["BSc Information Technology", "Bachelor of Information Systems",
                                  "B.A. Informatics"])
def test_degrees_field_starting_with_in_is_method_exact(analyzer, line):
    (entity,) = of_category(analyzer.analyze(resume("EDUCATION", line)), "degree")
    assert (entity.method, entity.score) == ("exact", 1.0)


@pytest.mark.parametrize("section, line", [
    ("CERTIFICATIONS", "Certified Scrum Master (CSM)"),
    ("CERTIFICATIONS", "Professional Scrum Master (PSM I)"),
    ("SKILLS", "MS Office, MS SQL Server"),
    # Microsoft Project before the field it serves, in a list of skills, is no master's in it
    ("SKILLS", "AutoCAD\nMS Project\nProject management"),
    ("SKILLS", "Budgeting Capital projects AutoCAD MS Project Project management"),
    ("EDUCATION", "MS Project certification, 2019"),
    ("EDUCATION", "MS Project management and Excel workshop, 2018"),
    ("EDUCATION", "MS Project Management Workshop, 2018"),
    ("SKILLS", "MS Project Management Tools, Smartsheet"),
    ("SKILLS", "MS Project management, Jira, Confluence"),
    ("EXPERIENCE", "Migrated master data to SAP"),
    ("EXPERIENCE", "Business Analyst, Acme Insurance, Boston, MA"),
    ("EXPERIENCE", "Systems Programmer, MIT Media Lab"),
])
def test_degrees_words_that_are_not_degrees_are_not_degrees(analyzer, section, line):
    assert of_category(analyzer.analyze(resume(section, line)), "degree") == []


@pytest.mark.parametrize("line, req_id", [
    ("B-Tech in Computer Science", "degree.bachelor_it_field"),
    ("B.Com in Accounting", None),
    ("M.Ed. in Educational Leadership", None),
    ("B-TECH in Computer Science", "degree.bachelor_it_field"),
    ("Bsc Computer Science", "degree.bachelor_it_field"),
    ("MSC in Information Technology", "degree.bachelor_it_field"),
    # ... while "MS" and a field straight after it is the degree, even one named like the tool
    ("MS Project Management", "degree.graduate_it_pm"),
    ("MS Project management, Harrisburg University", "degree.graduate_it_pm"),
    # a course or certificate later on the line, after the degree's own phrase, leaves it the degree
    ("MS Project management, Boston University, 2016 - capstone course in ERP delivery", "degree.graduate_it_pm"),
    ("MS Project management (Six Sigma certificate)", "degree.graduate_it_pm"),
])
def test_degrees_common_level_spellings_are_found(analyzer, line, req_id):
    degrees = of_category(analyzer.analyze(resume("EDUCATION", f"{line}, 2014")), "degree")
    assert [e.id for e in degrees] == [req_id]


@pytest.mark.parametrize("text, found", [
    # One-line exports: no heading lines, so no education section is detected.
    ("Jane Doe  jane@example.com  EDUCATION B.E Anna University, Chennai 2012  SKILLS Java", True),
    ("Jane Doe  jane@example.com  Done B.E. from University of Madras in 2009", True),
    ("Jane Doe  jane@example.com  Analyst, Acme Insurance, Boston, MA 2015 - 2019", False),
    ("Jane Doe  jane@example.com  Skills: MS Office, MS Project", False),
    # a field straight after "MS" names the degree outside the education too
    ("Jane Doe  jane@example.com  Project leader holding an MS Project Management and ten years of delivery", True),
])
def test_degrees_ambiguous_abbreviation_needs_education_context(analyzer, text, found):
    assert bool(of_category(analyzer.analyze(text), "degree")) is found


@pytest.mark.parametrize("line, req_id", [
    # a Bachelor of Business Administration, dotted or spelt out, with its major after "in" ...
    ("B.B.A. in Information Systems", "degree.bachelor_it_field"),
    ("Bachelor of Business Administration in Information Systems", "degree.bachelor_it_field"),
    ("Bachelor of Applied Arts and Sciences in Computer Science", "degree.bachelor_it_field"),
    ("Bachelor of Science Degree Program in Computer Science", "degree.bachelor_it_field"),
    ("BBA Honors Program in Information Systems", "degree.bachelor_it_field"),
    # ... but a minor is no major
    ("Bachelor of Arts in History, minor in Computer Science", None),
    ("Bachelor of Science in Business Administration with a minor in Information Systems", None),
    ("Bachelor of Arts in History Minor in Computer Science", None),
    ("Bachelor of Science Exchange Semester in Information Systems", None),
])
def test_degrees_a_major_after_the_degrees_own_name(analyzer, line, req_id):
    degrees = of_category(analyzer.analyze(resume("EDUCATION", f"{line}, 2014")), "degree")
    assert [e.id for e in degrees] == [req_id]


@pytest.mark.parametrize("line", ["MBA, Harvard Business School, 2010"])
def test_degrees_degree_without_field_is_not_fuzzy(analyzer, line):
    (entity,) = of_category(analyzer.analyze(resume("EDUCATION", line)), "degree")
    assert entity.method != "fuzzy"
    assert entity.name == "Master's"


@pytest.fixture(scope="module")
def nursing() -> Analyzer:
    from resumematch.draft import draft_model

    return Analyzer(draft_model("Nurse Manager\n\nRequirements\n- ADN required, BSN preferred.\n"
                                "- MSN, DNP preferred.\n"), as_of=AS_OF)


@pytest.mark.parametrize("section, line, found", [
    # a degree the catalogue names by letters that carry its field, where degrees are listed
    # (eighteenth session: "BSN, ... University" had been no degree at all) ...
    ("EDUCATION", "BSN, Valley State University, 2015", ["degree.associate_nursing", "degree.bachelor_nursing"]),
    ("EDUCATION", "B.S.N. 2012", ["degree.associate_nursing", "degree.bachelor_nursing"]),
    ("EDUCATION", "ADN, Valley Community College, 2015", ["degree.associate_nursing"]),
    ("EDUCATION", "M.S.N., Walden University, 2019",
     ["degree.associate_nursing", "degree.bachelor_nursing", "degree.master_nursing"]),
    ("EDUCATION", "J.D., Harvard Law School, 2010", []),  # a degree, of no field the model asks
    ("SUMMARY", "Charge nurse holding a BSN from Valley State University", ["degree.associate_nursing",
                                                                             "degree.bachelor_nursing"]),
    # ... the twins: the same letters where no degree's line is written, a bachelor's of another
    # field, and letters the catalogue marks ambiguous (a review's finds: "MSN Messenger")
    ("EXPERIENCE", "Served on the BSN curriculum committee at Mercy Hospital", []),
    ("EXPERIENCE", "Precepted BSN students from Chamberlain College of Nursing", []),
    ("EDUCATION", "Member, BSW committee", []),
    ("EDUCATION", "MSN Messenger certification course", []),
    # (a second review's finds) a school before the degree, a year after it; a name's initials are none
    ("EDUCATION", "University of Iowa - BSN, 2015", ["degree.associate_nursing", "degree.bachelor_nursing"]),
    ("EDUCATION", "Degree: BSN, 2015", ["degree.associate_nursing", "degree.bachelor_nursing"]),
    ("EDUCATION", "J.D. Edwards training, Oracle University", []),
    ("EDUCATION", "BSBA, Valley State University, 2015", []),
])
def test_degrees_the_catalogues_named_degrees_where_degrees_are_listed(nursing, section, line, found):
    analysis = nursing.analyze(resume(section, line))
    assert sorted({e.id for e in of_category(analysis, "degree") if e.id}) == found


@pytest.mark.parametrize("line, met", [
    # a degree whose name carries its field has it besides any field written after it (eighteenth
    # session: "MBA" had met no "MBA preferred"; a review found "MBA Finance" read as business alone)
    ("MBA in Finance, 2012", ["degree.master_business_administration", "degree.master_finance"]),
    ("MBA Finance, NYU Stern, 2012", ["degree.master_business_administration", "degree.master_finance"]),
    ("MBA, Harvard Business School, 2010", ["degree.master_business_administration"]),
    # the twins: a master's named by its level carries no field, nor "MBA" in a job's words
    ("M.S., Harvard University, 2010", []),
    ("MBA Intern, Goldman Sachs, 2015 - 2016\n- Analyzed demand for full-time MBA programs", []),
])
def test_degrees_a_named_degree_keeps_the_field_it_carries(line, met):
    from resumematch.draft import draft_model

    finance = Analyzer(draft_model("Controller\n\nRequirements\n- Master's degree in Finance required.\n"
                                   "- MBA preferred.\n"), as_of=AS_OF)
    section = "EXPERIENCE" if "Intern" in line else "EDUCATION"
    found = of_category(finance.analyze(resume(section, line)), "degree")
    assert sorted({e.id for e in found if e.id}) == met


# --------------------------------------------------------------------------- certifications

CERTIFICATIONS = [
    ("Project Management Professional (PMP), PMI, 2019", "cert.pmp"),
    ("PMP", "cert.pmp"),
    ("Certified Associate in Project Management (CAPM)", "cert.capm"),
    ("Certified ScrumMaster (CSM), Scrum Alliance", "cert.csm"),
    ("CompTIA Project+", "cert.project_plus"),
    ("PRINCE2 Foundation", "cert.prince2_foundation"),
    ("PRINCE2 Practitioner", "cert.prince2_practitioner"),
    ("PRINCE2 Foundation and Practitioner", "cert.prince2_practitioner"),
]


@pytest.mark.parametrize("line, req_id", CERTIFICATIONS, ids=[c[0] for c in CERTIFICATIONS])
def test_terms_certification_is_found_and_held(analyzer, line, req_id):
    certs = of_category(analyzer.analyze(resume("CERTIFICATIONS", line)), "certification")
    assert certs and {e.id for e in certs} == {req_id}
    assert all(e.status == "held" and e.counts for e in certs)


# --------------------------------------------------------------------------- soft skills

SOFT_MENTIONS = [
    ("Excellent communication skills", "soft.communication"),
    ("Team leadership", "soft.leadership"),
    ("Negotiation", "soft.negotiation"),
    ("Detail-oriented", "soft.detail_oriented"),
    ("Highly organized", "soft.organized"),
    ("Pragmatic", "soft.pragmatic"),
    ("Optimistic", "soft.optimistic"),
    ("Trusted advisor", "soft.trusted"),
    ("Transparent", "soft.honest_reporting"),
    ("Problem solving", "soft.problem_solving"),
]


@pytest.mark.parametrize("phrase, req_id", SOFT_MENTIONS, ids=[s[1] for s in SOFT_MENTIONS])
def test_terms_soft_skill_explicit_mention(analyzer, phrase, req_id):
    soft = of_category(analyzer.analyze(resume("SKILLS", phrase)), "soft_skills")
    assert [e.id for e in soft] == [req_id]
    assert soft[0].method in ("exact", "alias") and soft[0].status == "mentioned"


SOFT_EVIDENCE = [
    ("Negotiated vendor contracts for network hardware", "soft.negotiation", "Negotiated vendor"),
    ("She negotiates contracts with suppliers", "soft.negotiation", "negotiates contracts"),
    ("Led a team of 12 engineers", "soft.leadership", "Led a team"),
    ("Leads a team of five analysts", "soft.leadership", "Leads a team"),
    ("Communicates with sponsors every week", "soft.communication", "Communicates with sponsors"),
    ("Presents to the steering committee monthly", "soft.communication", "Presents to the steering committee"),
    ("Earns trust with candid updates", "soft.trusted", "Earns trust"),
    ("Escalates risks before they become issues", "soft.honest_reporting", "Escalates risks"),
    ("Solves problems across teams", "soft.problem_solving", "Solves problems"),
]


@pytest.mark.parametrize("sentence, req_id, text", SOFT_EVIDENCE, ids=[s[0] for s in SOFT_EVIDENCE])
def test_terms_soft_skill_evidence_in_another_tense(analyzer, sentence, req_id, text):
    soft = of_category(analyzer.analyze(resume("EXPERIENCE", sentence)), "soft_skills")
    hits = [e for e in soft if e.id == req_id]
    assert [(e.text, e.method) for e in hits] == [(text, "evidence")]


# --------------------------------------------------------------------------- coursework and duties

COURSEWORK = [
    ("Database Management Systems", "course.data_management"),
    ("Information Security", "course.it_security"),
    ("Introduction to Programming", "course.programming"),
    ("IT Procurement", "course.procurement"),
    ("Principles of Project Management", "course.pm_principles"),
    ("Risk Assessment", "topic.risk_assessment"),
    ("Cost Estimating", "topic.cost_time_estimating"),
    ("Quality Assurance", "topic.quality_testing"),
    ("Team Building", "topic.team_building"),
]


@pytest.mark.parametrize("course, req_id", COURSEWORK, ids=[c[1] for c in COURSEWORK])
def test_terms_coursework_is_found(analyzer, course, req_id):
    found = of_category(analyzer.analyze(resume("RELEVANT COURSEWORK", course)), "coursework")
    assert [(e.id, e.text, e.section) for e in found] == [(req_id, course, "coursework")]


DUTIES = [
    ("Wrote the project charter for a CRM replacement", "duty.initiating", "project charter"),
    ("Initiated a vendor consolidation program", "duty.initiating", "Initiated a vendor consolidation program"),
    ("Built the work breakdown structure", "duty.planning", "work breakdown structure"),
    ("Defined scope with the business owners", "duty.planning", "Defined scope"),
    ("Owned the budget for three programs", "duty.budgeting", "Owned the budget"),
    ("Tracked spend against forecast", "duty.budgeting", "Tracked spend"),
    ("Kept the project schedule on the critical path", "duty.scheduling", "project schedule"),
    ("Rolled out a new ERP to 14 sites", "duty.executing", "Rolled out a new ERP"),
    ("Troubleshot failed releases", "duty.troubleshooting", "Troubleshot"),
    ("Rescued a failing ERP project", "duty.troubleshooting", "Rescued a failing ERP project"),
]


@pytest.mark.parametrize("sentence, req_id, text", DUTIES, ids=[d[0] for d in DUTIES])
def test_terms_duty_is_found(analyzer, sentence, req_id, text):
    found = of_category(analyzer.analyze(resume("EXPERIENCE", sentence)), "duties")
    assert (req_id, text) in {(e.id, e.text) for e in found}


@pytest.mark.parametrize("category, tested", [
    ("certification", {c[1] for c in CERTIFICATIONS}),
    ("soft_skills", {s[1] for s in SOFT_MENTIONS}),
    ("soft_skills", {s[1] for s in SOFT_EVIDENCE} | model_ids("soft_skills") - {
        r.id for r in IT_PM.requirements if r.evidence}),
    ("coursework", {c[1] for c in COURSEWORK}),
    ("duties", {d[1] for d in DUTIES}),
])
def test_terms_every_requirement_of_the_category_is_tested(category, tested):
    """A requirement added to the model without a test here fails this test."""
    assert model_ids(category) == tested


# --------------------------------------------------------------------------- fuzzy matching

FUZZY = [
    ("CERTIFICATIONS", "Certifed ScrumMaster", "cert.csm"),
    ("CERTIFICATIONS", "Comptia Project +", "cert.project_plus"),
    ("CERTIFICATIONS", "Project Managment Professional", "cert.pmp"),
    ("EDUCATION", "Bachelor of Sceince in Computr Science", "degree.bachelor_it_field"),
]


@pytest.mark.parametrize("section, line, req_id", FUZZY, ids=[f[1] for f in FUZZY])
def test_fuzzy_misspelling_is_caught(analyzer, section, line, req_id):
    hits = analyzer.analyze(resume(section, line)).found(req_id)
    assert len(hits) == 1
    assert hits[0].method == "fuzzy" and 0.86 <= hits[0].score <= 1.0  # "Comptia Project +" normalises to 1.0
    assert hits[0].text == line and hits[0].counts


@pytest.mark.parametrize("header", ["İzmir, İstanbul", "İİİ"])
@pytest.mark.parametrize("section, line, req_id", FUZZY[:3], ids=[f[1] for f in FUZZY[:3]])
def test_fuzzy_offsets_survive_letters_that_lower_to_two(analyzer, header, section, line, req_id):
    # "İ".lower() is two characters; the findings after it keep their place and their text.
    hits = analyzer.analyze(resume(section, line).replace("\n", f"\n{header}\n", 1)).found(req_id)
    assert [(e.text, e.method) for e in hits] == [(line, "fuzzy")]


@pytest.mark.parametrize("line", ["Certifed Scrum Master"])
def test_fuzzy_misspelt_scrum_master_is_csm(analyzer, line):
    hits = analyzer.analyze(resume("CERTIFICATIONS", line)).found("cert.csm")
    assert [(e.text, e.method) for e in hits] == [(line, "fuzzy")]


@pytest.mark.parametrize("line", ["Prince 2 Practioner"])
def test_fuzzy_misspelt_practitioner_is_not_foundation(analyzer, line):
    ids = {e.id for e in of_category(analyzer.analyze(resume("CERTIFICATIONS", line)), "certification")}
    assert ids == {"cert.prince2_practitioner"}


@pytest.mark.parametrize("sentence", ["Performed automation through Python scripts",
                                      "Guided the program through two audits"])
def test_fuzzy_common_words_are_not_soft_skills(analyzer, sentence):
    assert of_category(analyzer.analyze(resume("EXPERIENCE", sentence)), "soft_skills") == []


# --------------------------------------------------------------------------- traps

TRAPS = [
    ("CompTIA Network+", "CompTIA Network+", "cert.project_plus"),
    ("CompTIA Security+", "CompTIA Security+", "cert.project_plus"),
    ("Comptia Network +", "CompTIA Network+", "cert.project_plus"),
    ("PMI-ACP", "PMI Agile Certified Practitioner (PMI-ACP)", "cert.pmp"),
    ("PMI Agile Certified Practitioner", "PMI Agile Certified Practitioner (PMI-ACP)", "cert.pmp"),
    ("PMI-RMP", "PMI Risk Management Professional (PMI-RMP)", "cert.pmp"),
    ("PMI Risk Management Professional", "PMI Risk Management Professional (PMI-RMP)", "cert.pmp"),
    ("Professional Scrum Master", "Professional Scrum Master (PSM)", "cert.csm"),
    ("PSM I", "Professional Scrum Master I (PSM I)", "cert.csm"),  # the catalogue's near miss, named exactly
    ("PSM II", "Professional Scrum Master (PSM)", "cert.csm"),
    ("PRINCE2 Agile Practitioner", "PRINCE2 Agile Practitioner", "cert.prince2_practitioner"),
]


@pytest.mark.parametrize("line, canonical, not_id", TRAPS, ids=[t[0] for t in TRAPS])
def test_terms_near_miss_certification_keeps_its_own_name(analyzer, line, canonical, not_id):
    certs = of_category(analyzer.analyze(resume("CERTIFICATIONS", line)), "certification")
    assert certs, "the near miss should still be reported"
    assert {(e.id, e.name) for e in certs} == {(None, canonical)}
    assert not analyzer.analyze(resume("CERTIFICATIONS", line)).found(not_id)


@pytest.mark.parametrize("line, req_id, other", [
    ("PRINCE2 Foundation", "cert.prince2_foundation", "cert.prince2_practitioner"),
    ("PRINCE2 Practitioner", "cert.prince2_practitioner", "cert.prince2_foundation"),
])
def test_terms_prince2_foundation_is_not_practitioner(analyzer, line, req_id, other):
    analysis = analyzer.analyze(resume("CERTIFICATIONS", line))
    assert analysis.found(req_id) and not analysis.found(other)


# --------------------------------------------------------------------------- dates and experience

@pytest.mark.parametrize("dates, start, end, months", [
    ("Jan 2015 – Present", "2015-01", "2026-11", 142),
    ("2014 - 2017", "2014-01", "2017-01", 36),
    ("03/2018 – 06/2020", "2018-03", "2020-06", 27),
    ("June 2016 to Present", "2016-06", "2026-11", 125),
])
def test_dates_range_becomes_a_work_period(analyzer, dates, start, end, months):
    analysis = analyzer.analyze(resume("EXPERIENCE", f"IT Project Manager, Contoso\n{dates}\n- Ran software projects"))
    (period,) = analysis.periods
    assert (period.start, period.end, period.months, period.kind) == (start, end, months, "work")
    assert period.text == dates and period.relevant


EXPERIENCE = """IT Project Manager, Northwind
Jan 2015 – Present
Systems Analyst, Fabrikam
2014 - 2017
Software Developer, Contoso (part-time)
03/2018 – 06/2020
IT Intern, Contoso, May 2013 - Aug 2013
Barista, Blue Bottle Coffee
2008 - 2010
"""


@pytest.mark.parametrize("body", [EXPERIENCE])
def test_dates_overlaps_are_merged_and_internships_counted_apart(analyzer, body):
    analysis = analyzer.analyze(resume("EXPERIENCE", body))
    kinds = [(p.text, p.kind) for p in analysis.periods]
    assert ("May 2013 - Aug 2013", "internship") in kinds
    # 2014-01 .. 2026-11 (three overlapping jobs) plus the 2008-2010 barista job
    assert analysis.experience_years == round((154 + 24) / 12, 2)
    assert analysis.relevant_experience_years == round(154 / 12, 2)
    assert analysis.internship_years == 0.25
    assert analysis.internships == 1


@pytest.mark.parametrize("section", ["INTERNSHIPS"])
def test_dates_period_in_internship_section_is_an_internship(analyzer, section):
    analysis = analyzer.analyze(resume(section, "Summer Analyst, Fabrikam\nJun 2012 - Aug 2012"))
    assert [p.kind for p in analysis.periods] == ["internship"]
    assert analysis.experience_years == 0 and analysis.internship_years == round(2 / 12, 2)


# --------------------------------------------------------------------------- contact

NAMES = [
    ("Maria Okafor\nmaria@example.com | (555) 201-7788\n\nSUMMARY\nIT project manager", "Maria Okafor"),
    ("OLENA KOVALENKO, RN, BSN\nolena@example.com\n\nSUMMARY\nNurse", "Olena Kovalenko"),
    ("# Sofia Lindqvist\n\nsofia@example.com\n\n## Summary\nAnalyst", "Sofia Lindqvist"),
    ("Tomás Herrera Vidal\nSenior IT Project Manager\nCONTACT\ntomas@example.com", "Tomás Herrera Vidal"),
    ("Sample Resume\nJordan Blake\njordan@example.com\nEXPERIENCE\nAnalyst", "Jordan Blake"),
    ("Senior IT Project Manager\nAisha Bello, PMP\naisha@example.com\nSUMMARY\nPM", "Aisha Bello"),
    ("RESUME OF Darnell Ortiz\nLOS ANGELES\nd.ortiz@example.com\nSKILLS\nFlex", "Darnell Ortiz"),
    ("Name: Ngozi Adeyemi\nPhone: 555-010-2000\nEDUCATION\nB.S.", "Ngozi Adeyemi"),
    ("PERSONAL DETAILS\nName: Ngozi Adeyemi\nNationality: Nigerian\n", "Ngozi Adeyemi"),
    ('"Graphic Designer Resume Template  Rosa Mendez  12 Harbour Road  Leeds  Phone: 0113 496 0000  '
     'rosa@example.com  Objective  A design role"', "Rosa Mendez"),
    ("Lois Lane\nlois.lane@example.com\nEXPERIENCE\nReporter", "Lois Lane"),
    ("Dr. Amara Hall, PhD\namara.hall@example.edu\nPUBLICATIONS\n", "Amara Hall"),
    ('"Liam O\'Connor-Price 87 Some Example Street  Kansas City, MO 64101  liam@example.com  OBJECTIVE  Sales"',
     "Liam O'Connor-Price"),
]


@pytest.mark.parametrize("text, name", NAMES, ids=[n[1] + str(i) for i, n in enumerate(NAMES)])
def test_contact_name_is_found(analyzer, text, name):
    assert analyzer.analyze(text).candidate.name == name


NOT_NAMES = [
    "PROFESSIONAL EXPERIENCE\nSenior Project Manager, Contoso\n2015 - 2020",
    "CERTIFICATIONS\nCertified Scrum Master\nProject Management Professional",
    "Senior IT Project Manager\nProject Management Office\nSUMMARY\nLed teams",
    "Sample Resume\nResume Template\nSUMMARY\nText",
    "1234 Oak Avenue\nDenver, CO 80202\nSan Mateo, CA\nsummary@example.com",
    '"San Mateo, CA  Authorized to work in the US  Work Experience  Software Developer"',
    "Curriculum Vitae\nTechnical Skills\nJava, Python",
    '"Kim XXXX  Mobile: +91-99********  E-mail: k@example.com  Career Summary  Web developer"',
]


@pytest.mark.parametrize("text", NOT_NAMES, ids=[t.split("\n")[0][:30] for t in NOT_NAMES])
def test_contact_no_name_when_there_is_none(analyzer, text):
    assert analyzer.analyze(text).candidate.name is None


@pytest.mark.parametrize("text, first_section, expected", [
    ("Jane Doe\nSUMMARY\n", 9, ("Jane Doe", 0)),
    ("Resume\n  Jane Doe  \nSUMMARY\n", 21, ("Jane Doe", 9)),
    ("SUMMARY\nJane Doe\n", 0, None),
])
def test_contact_find_name_offsets(text, first_section, expected):
    assert find_name(text, first_section) == expected


@pytest.mark.parametrize("text, email", [
    ("Contact: jane.doe@example.com | 555", "jane.doe@example.com"),
    ("Email me on Indeed: Romeo.O'Connell@example.org", "Romeo.O'Connell@example.org"),
    ("'sam+jobs@mail.example.co.uk'", "sam+jobs@mail.example.co.uk"),
    ("no address here, just @handles and a.b@c", None),
])
def test_contact_email(analyzer, text, email):
    found = find_email(text)
    assert (found[0] if found else None) == email
    assert analyzer.analyze("Jane Doe\n" + text).candidate.email == email


@pytest.mark.parametrize("text, phone", [
    ("Phone: +1 (555) 201-7788", "+1 (555) 201-7788"),
    ("(404) 555-0156 | Atlanta", "(404) 555-0156"),
    ("Mobile: +91-9876543210", "+91-9876543210"),
    ("Tel 555.201.7788", "555.201.7788"),
    ("Contoso, 2014 - 2017; 3 projects", None),
])
def test_contact_phone(analyzer, text, phone):
    found = find_phone(text)
    assert (found[0] if found else None) == phone
    assert analyzer.analyze("Jane Doe\n" + text).candidate.phone == phone


# --------------------------------------------------------------------------- a second model

DATA_ANALYST_RESUME = """Priya Natarajan
priya.natarajan@example.com | (555) 010-4477

CERTIFICATIONS
Google Data Analytics Professional Certificate, 2022
Microsoft Certified: Power BI Data Analyst Associate (PL-300), 2023
Tableau Desktop Specialist

EXPERIENCE
Data Analyst, Fabrikam Retail, Jan 2021 - Present
- Wrote SQL queries in PostgreSQL to track weekly KPIs
- Built dashboards in Tableau; automated reports with Python (pandas)
- Cleaned data from three ERPs and presented findings to the executive team
- Project Management Professional (PMP) and Certified ScrumMaster from a past role

EDUCATION
B.S. in Statistics, State University, 2020
Coursework: probability and statistics, database systems

SKILLS
Excel (pivot tables, VLOOKUP), SQL; attention to detail; curious problem solver
"""


@pytest.fixture(scope="module")
def data_analyst() -> Analyzer:
    return Analyzer(str(DATA_ANALYST), as_of=AS_OF)


@pytest.mark.parametrize("req_id", [
    "degree.bachelor_quant_field", "cert.google_data_analytics", "cert.pl300",
    "cert.tableau_desktop_specialist", "skill.sql", "skill.python", "skill.excel", "skill.bi_tools",
    "duty.reporting", "duty.data_cleaning", "course.statistics", "course.databases",
    "soft.communication", "soft.attention_to_detail", "soft.problem_solving", "soft.curiosity",
])
def test_analyzer_second_model_loaded_by_path_finds_its_requirements(data_analyst, req_id):
    analysis = data_analyst.analyze(DATA_ANALYST_RESUME)
    assert analysis.model == "data_analyst"
    assert any(e.counts for e in analysis.found(req_id))


@pytest.mark.parametrize("it_pm_id", sorted(r.id for r in IT_PM.requirements
                                            if r.id not in {"soft.communication", "soft.problem_solving"}))
def test_analyzer_second_model_reports_no_it_pm_requirement(data_analyst, it_pm_id):
    analysis = data_analyst.analyze(DATA_ANALYST_RESUME)
    assert not analysis.found(it_pm_id)
    assert "PMP" not in {e.text for e in analysis.entities}  # not in the data analyst model at all


@pytest.mark.parametrize("model", [DATA_ANALYST])
def test_analyzer_second_model_is_valid_and_distinct(model):
    loaded = load_model(model)
    assert loaded.name == "data_analyst"
    assert not {r.id for r in loaded.requirements} & {r.id for r in IT_PM.requirements} - {
        "soft.communication", "soft.problem_solving"}


@pytest.mark.parametrize("text, labels", [
    # a job's own line of skills, its list after the colon, is no new section inside the work history
    # (eighteenth session: "Key skills: UKG, ..." under the first job had ended the work history there) ...
    ("EXPERIENCE\nHR Clerk, Mercy Hospital\nKey skills: UKG, Recordkeeping.\n• Filed records.\n"
     "HR Assistant, Acme Inc.\n• Scheduled interviews.\nEDUCATION\nB.A. Psychology\n",
     ["header", "experience", "education"]),
    ("PROJECTS\nBilling portal\nTechnologies: Java, Spring\n• Built the invoice API.\n", ["header", "projects"]),
    # ... the twins: the same line outside a section of jobs, after the last job (the resume's skills:
    # read into the job, they had made it another trade's), and a heading of skills with no list after it
    ("EXPERIENCE\nConsultant, Acme Corp, 2019 - Present\n- Supported clients.\nSkills: SQL, Tableau\n",
     ["header", "experience", "skills"]),
    ("EXPERIENCE\nConsultant, Acme Corp\n- Supported clients.\nSkills: SQL, Tableau\nEDUCATION\nB.A. Economics\n",
     ["header", "experience", "skills", "education"]),
    ("EXPERIENCE\nStaff Nurse, Mercy\n- Cared for patients.\nSkills: Epic, Cerner, IV therapy\n"
     "Wound care, patient education, triage\n", ["header", "experience", "skills"]),
    ("SUMMARY\nHR clerk of five years.\nKey skills: UKG, Recordkeeping\n", ["header", "summary", "skills"]),
    ("EXPERIENCE\nHR Clerk, Mercy Hospital\n• Filed records.\nKEY SKILLS:\nUKG, Recordkeeping\n",
     ["header", "experience", "skills"]),
])
def test_sections_a_jobs_own_line_of_skills_is_no_new_section(analyzer, text, labels):
    analysis = analyzer.analyze(f"Jane Doe\njane.doe@example.com\n\n{text}")
    assert [label for label, *_ in analysis.sections] == labels


@pytest.mark.parametrize("body, section", [
    ("Market pricing\nJob evaluation\nExcel modeling", "skills"),
    ("10+ years leading infrastructure projects\nVendor negotiation and budgeting", "skills"),
    ("B.Tech in Computer Science, 2012\nHSC, 2008", "education"),
    ("GCSE Mathematics\nGCSE English\nGrade C", "education"),
    ("NVQ 3 in Retailing\nGNVQ Advanced Information Technology (Pass)", "education"),
])
def test_sections_a_qualifications_heading_is_education_or_skills_by_its_lines(analyzer, body, section):
    # "Qualifications" heads a list of skills in many U.S. resumes and the schooling in many others;
    # read as education, a skills list lost its words from the fit (which reads only what was studied)
    text = f"Jane Doe\njane.doe@example.com\nQUALIFICATIONS\n{body}\nEXPERIENCE\nAnalyst, 2015 - 2020\n"
    labels = [label for label, *_ in analyzer.nlp(text)._.rm_sections]
    assert labels == ["header", section, "experience"]


_UNHEADED_JOBS = ("Accountant with 13 years of progressive experience in hospitality and public accounting.\n"
                  "Fairway Software Inc. - Grand Rapids, MI\nFinancial Controller | 06/2021 to Current\n"
                  "o Led the monthly close and prepared GAAP financial statements.\n"
                  "Copperfield Logistics - Boise, ID\nAssistant Controller | 11/2019 to 01/2021\n"
                  "o Reviewed all journal entries and reconciliations.\n")


@pytest.mark.parametrize("top, labels", [
    # jobs written under the name with no heading of their own are the experience, from the first
    # sentence or dated line after the contact block (seventeenth session: they had been the header,
    # so the fits read none of their words and their skills counted as passing mentions) ...
    (f"Jane Doe\njane.doe@example.com | (555) 555-0100\nFINANCIAL CONTROLLER\n{_UNHEADED_JOBS}",
     ["header", "experience", "education"]),
    # ... the twins: a summary with no jobs stays in the header, and a headed resume is as before
    ("Jane Doe\njane.doe@example.com\nAccountant with 13 years of progressive experience in public accounting.\n",
     ["header", "education"]),
    # ... and one dated line under the name is as often the header's (a review of the seventeenth session)
    ("Jane Doe\njane.doe@example.com\nAvailable from 01/2025 - now\nAccountant with 13 years of progressive "
     "experience in public accounting.\n", ["header", "education"]),
    (f"Jane Doe\njane.doe@example.com\nEXPERIENCE\n{_UNHEADED_JOBS}", ["header", "experience", "education"]),
])
def test_sections_jobs_under_the_name_with_no_heading_are_the_experience(analyzer, top, labels):
    text = f"{top}EDUCATION\nB.S. Accounting, Ridgemont University (2009)\n"
    found = analyzer.nlp(text)._.rm_sections
    assert [label for label, *_ in found] == labels
    if labels[1] == "experience":
        start = found[1][1]
        assert text[start:].startswith("Accountant with 13") or text[start:].startswith("EXPERIENCE")


def test_sections_unheaded_jobs_are_read_as_work(analyzer):
    """Through the analysis: the summary's and the jobs' words tell the trade (the fit reads them),
    and the name and email stay the candidate's."""
    text = (f"Jane Doe\njane.doe@example.com\n{_UNHEADED_JOBS}"
            "EDUCATION\nB.S. Business Administration, Ridgemont University (2009)\n")
    analysis = analyzer.analyze(text)
    assert analysis.candidate.name == "Jane Doe" and analysis.candidate.email == "jane.doe@example.com"
    jobs = [p for p in analysis.periods if p.kind == "work"]
    assert [p.title.split(" | ")[-1] for p in jobs] == ["Financial Controller", "Assistant Controller"]
    assert {p.section for p in jobs} == {"experience"}
    assert any(e.section == "experience" for e in analysis.entities)
