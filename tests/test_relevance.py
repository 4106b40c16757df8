"""Which jobs count as relevant work, and where a job ends (issue: trustworthy in use, §5).

Each rule has a positive and a negative twin; the resumes are built here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from resumematch.analyze import Analyzer
from resumematch.analyze.relevance import RoleReader

AS_OF = dt.date(2026, 11, 1)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer("it_project_manager", as_of=AS_OF)


def job(title: str, body: str, after: str = "") -> str:
    return f"Jane Doe\njane.doe@example.com\n\nEXPERIENCE\n{title}, Acme, 2015 - 2020\n{body}\n{after}"


@pytest.mark.parametrize("irrelevant, relevant", [
    # a relevant term of two words counts only as a unit in the title, not inside a longer name
    (job("Customer Service Desk Clerk", "Worked the front desk. Ran the register."),
     job("Service Desk Analyst", "Answered calls from 400 users.")),
    # one word the entry shares with IT (data, system) is not enough: the duties read as a cashier's ...
    (job("Cashier", "Entered the day's sales data into the till system each night."),
     # ... duties that read as a computer occupation are
     job("Team Lead", "Designed Java web applications, wrote SQL queries and unit tests, and debugged "
                      "production software.")),
    # a relevant term in the job's title is enough on its own
    (job("Store manager", "Hired and trained twelve staff."),
     job("Software engineer", "Hired and trained twelve staff.")),
])
def test_relevance_needs_the_term_as_a_unit_in_context(analyzer, irrelevant, relevant):
    assert analyzer.analyze(irrelevant).relevant_experience_years == 0.0
    assert analyzer.analyze(relevant).relevant_experience_years == pytest.approx(5.0)


@pytest.mark.parametrize("after", [
    "\nEDUCATION\nB.S. in Computer Science, State University\n\nSKILLS\nsoftware, cloud, data, network\n",
    "\nCERTIFICATIONS\nAWS Certified Cloud Practitioner\n",
])
def test_relevance_the_last_job_ends_at_the_next_heading(analyzer, after):
    """Education, Certifications and Skills after the last job are not part of that job."""
    cashier = analyzer.analyze(job("Cashier", "Ran the register.", after))
    assert cashier.experience_years == pytest.approx(5.0)
    assert cashier.relevant_experience_years == 0.0
    same_words_inside = analyzer.analyze(job("Cashier", "Ran the register. Configured the cloud servers, the SQL "
                                                        "database and the office network; fixed software defects.", ""))
    assert same_words_inside.relevant_experience_years == pytest.approx(5.0)


@pytest.mark.parametrize("line, twin", [
    ("WSET Level 2, Wine & Spirit Education Trust, 2019", "Trusted advisor to the executive team"),
])
def test_relevance_an_organisation_name_is_no_soft_skill(analyzer, line, twin):
    found = analyzer.analyze(f"Jane Doe\n\nCERTIFICATIONS\n{line}\n").found("soft.trusted")
    assert not [e for e in found if e.counts]
    assert [e for e in analyzer.analyze(f"Jane Doe\n\nSUMMARY\n{twin}\n").found("soft.trusted") if e.counts]


@pytest.mark.parametrize("heading", ["LICENSURE", "LICENSES", "Licenses and Certifications"])
def test_relevance_licensure_headings_are_sections(analyzer, heading):
    analysis = analyzer.analyze(f"Jane Doe\n\n{heading}\nPMP, PMI, 2019\n")
    assert [s[0] for s in analysis.sections][-1] == "certifications"
    assert [e.status for e in analysis.found("cert.pmp")] == ["held"]


@pytest.mark.parametrize("title, relevant", [
    ("Senior Systems Engineer", True),  # a rank before the term: still a systems engineer
    ("Lead Systems Engineer", True),
    ("Solar Energy Systems Engineer", False),  # a longer name: another trade
    ("Customer Service Desk Clerk", False),
])
def test_relevance_a_rank_before_a_term_keeps_it_a_unit(title, relevant):
    from resumematch.analyze.relevance import RoleReader

    reader = RoleReader((), ("systems engineer", "service desk"))
    assert reader.job(title, "").relevant is relevant


@pytest.mark.parametrize("title, relevant", [
    ("Systems Analyst", True),  # held in seven occupations, four of them computer occupations
    ("Senior Network Engineer", True),
    ("Escalation Engineer", False),  # only "Engineer" is held whole: in 33 occupations, few of them IT
    ("Mechanical Test Engineer", False),  # "Test Engineer": eleven occupations, two of them IT
])
def test_relevance_a_title_names_the_role_when_most_who_hold_it_are_the_roles(analyzer, title, relevant):
    reader = analyzer.nlp.get_pipe("resumematch_dates").reader
    assert reader.job(title, "").relevant is relevant


@pytest.mark.parametrize("entry, title, role_years", [
    # the title under a company-and-dates line is the job's title
    ("Embie Technical Solutions, Inc. Los Angeles, CA 2015 - 2020\nSenior IT Manager/Director\n- Ran the IT budget",
     "Senior IT Manager/Director | Embie Technical Solutions, Inc. Los Angeles, CA", 5.0),
    # a duty under it is not, and a dates line that names a job keeps its own title
    ("Embie Technical Solutions, Inc. Los Angeles, CA 2015 - 2020\nManaged the help desk and all servers for two sites",
     "Embie Technical Solutions, Inc. Los Angeles, CA", 0.0),
    ("IT Manager, Embie Technical Solutions 2015 - 2020\nNetwork Administrator", "IT Manager, Embie Technical Solutions",
     5.0),
    # a longer line under dates that stand alone, whose first part names a job
    ("Light Technologies, Inc.; Sprain, NJ (1995-2003)\nMANAGER, IT PROGRAM MANAGEMENT\n- Ran the IT budget",
     "MANAGER, IT PROGRAM MANAGEMENT | Light Technologies, Inc.; Sprain, NJ", 8.0),
    # (above them the wrapped end of the job before's last duty, no title)
    ("- Ran the help desk, managing performance and employee career\ngrowth\n2015 - 2020\n"
     "IT Manager, Embie Technical Solutions, Denver, CO.\n- Ran the IT budget",
     "IT Manager, Embie Technical Solutions, Denver, CO.", 5.0),
    ("- Ran the help desk, managing performance and employee career\ngrowth\n2015 - 2020\n"
     "Improved the reporting of Embie Technical Solutions.\n- Ran the IT budget", "growth", 0.0),
])
def test_relevance_a_title_under_the_dates_line(analyzer, entry, title, role_years):
    analysis = analyzer.analyze(f"Jane Doe\njane.doe@example.com\n\nEXPERIENCE\n{entry}\n")
    (period,) = analysis.periods
    assert period.title == title
    assert analysis.role_experience_years == pytest.approx(role_years)


@pytest.mark.parametrize("dates_line, title", [
    # a dates line whose other words are only a place: the title is the line above it ...
    ("Jan 2015 - Present | New York, NY", "FACEBOOK | SOFTWARE ENGINEER"),
    ("Jan 2013 - May 2013 | Palo Alto, CA & Ithaca, NY", "FACEBOOK | SOFTWARE ENGINEER"),
    # ... while words that are not only a place are part of the title, after the title above them
    # (a title over a dates' line that holds more: "IT Project Manager" over "Acme   2015 - 2019")
    ("Jan 2015 - Present | Staff Engineer, Acme", "FACEBOOK | SOFTWARE ENGINEER | Staff Engineer, Acme"),
    # the brackets the dates leave behind are no part of it
    ("Staff Engineer (Jan 2015 - Present) Acme", "FACEBOOK | SOFTWARE ENGINEER | Staff Engineer Acme"),
    ("Staff Engineer, Acme [2015 - 2019]", "FACEBOOK | SOFTWARE ENGINEER | Staff Engineer, Acme"),
])
def test_relevance_a_place_beside_the_dates_is_not_the_title(analyzer, dates_line, title):
    analysis = analyzer.analyze(f"Jane Doe\njane.doe@example.com\n\nEXPERIENCE\nFACEBOOK | SOFTWARE ENGINEER\n"
                                f"{dates_line}\n• Built the ads ranking service\n")
    (period,) = analysis.periods
    assert period.title == title


@pytest.mark.parametrize("previous_duty, title", [
    # the layout that puts each title above its dates: the duty that ends the job above is not
    # part of the next job's title ...
    ("Led a staff of six support technicians and two network engineers.", "Systems Administrator"),
    ("service on time and under budget.", "Systems Administrator"),
    # ... while a company line above the title is (it ends in a capital or an abbreviation)
    ("Northwind Traders Inc.", "Northwind Traders Inc. | Systems Administrator"),
])
def test_relevance_a_title_above_its_dates_stops_at_the_duties_above(analyzer, previous_duty, title):
    text = ("Jane Doe\njane.doe@example.com\n\nEXPERIENCE\nIT Manager\nMar 2021 to Current\n"
            "Company Name - City , State\nRan the service desk for 300 users.\n"
            f"{previous_duty}\nSystems Administrator\n06/2015 to 02/2021\nMaintained the Windows servers.\n")
    first, second = analyzer.analyze(text).periods
    assert first.title == "IT Manager"
    assert second.title == title


@pytest.mark.parametrize("title, role, own", [
    ("Teacher", True, True),  # held by 23 teaching occupations, all in the role's major group
    ("High School Teacher", True, True),
    ("Systems Engineer", False, False),  # held by engineers of every kind
])
def test_relevance_a_title_held_across_a_group_names_the_roles_work(title, role, own):
    from resumematch.analyze.relevance import RoleReader

    reader = RoleReader((), (), "Secondary School Teacher")  # the title's occupation and those related to it
    verdict = reader.job(title, "")
    assert (verdict.relevant, verdict.role) == (role, own)


@pytest.mark.parametrize("heading, section", [
    ("Executive Profile", "summary"), ("Career Overview", "summary"),
    ("Highlights", "skills"), ("Skill Highlights", "skills"), ("Core Qualifications", "skills"),
    ("Career Focus", "summary"), ("Qualifications Summary", "summary"), ("Computer Skills", "skills"),
    ("Additional Skills", "skills"), ("Education and Qualifications", "education"),
    ("Professional Qualifications", "certifications"),
    ("R E L E V A N T E X P E R I E N C E", "experience"), ("A R E A S  O F  E X P E R T I S E", "skills"),
    # the twins: what is not a trade's section stays out of the fit
    ("Interests", "other"), ("Accomplishments", "awards"),
])
def test_relevance_common_headings_name_their_sections(analyzer, heading, section):
    analysis = analyzer.analyze(f"Jane Doe\njane.doe@example.com\n\n{heading}\nBudgeting, vendor management\n")
    assert [s for s, _, _ in analysis.sections][-1] == section


@pytest.mark.parametrize("heading, section", [
    # a heading of jobs with its own qualifier is the experience section ...
    ("PROFESSIONAL WORK EXPERIENCE", "experience"), ("Customer Service Experience", "experience"),
    ("Academic (Teaching Experience):", "experience"), ("Professional Employment History", "experience"),
    # ... unless the qualifier names another section
    ("Volunteer Leadership Experience", "other"), ("Internship Experience", "internships"),
    # the twins: a count or a line of lower-case words is not a heading
    ("Total Experience: 6 years", "education"), ("managed the customer experience", "education"),
])
def test_relevance_a_qualified_heading_of_jobs_starts_the_experience(analyzer, heading, section):
    analysis = analyzer.analyze(f"Jane Doe\njane.doe@example.com\n\nEducation\nB.S. Biology, 2010\n{heading}\n"
                                "Service Desk Analyst, Acme, 2015 - 2020\nAnswered calls from 400 users.\n")
    assert [s for s, _, _ in analysis.sections][-1] == section


def _anonymised(headline: str, jobs: list[tuple[str, str, list[str]]]) -> list[str]:
    """A resume laid out as anonymised public collections are: a headline, and under each job a
    "Company Name - City , State" line in place of the employer."""
    lines = [headline, "Summary", "Manager with ten years of experience.", "Experience"]
    for title, dates, duties in jobs:
        lines += [f"{title} {dates}", "Company Name - City , State", *duties]
    return lines + ["Education", "Bachelor of Science : Business , 2010 State University - City , State"]


def test_relevance_an_anonymised_pdf_counts_role_years_and_its_placeholders_move_nothing(tmp_path):
    """Through the user's path: PDFs on disk, ranked by ``Screener.rank``, judged on the CSV's columns."""
    import builders

    from resumematch import Screener

    it = _anonymised("INFORMATION TECHNOLOGY MANAGER", [
        ("Information Technology Manager", "01/2019 to Current", ["Managed the help desk and the network team."]),
        ("Network Administrator", "06/2014 to 12/2018", ["Maintained routers, switches and firewalls."])])
    sales = _anonymised("SALES MANAGER", [
        ("Sales Manager", "01/2019 to Current", ["Managed a team of eight account executives."]),
        ("Sales Associate", "06/2014 to 12/2018", ["Sold furniture and planned store displays."])])
    for name, lines in (("it.pdf", it), ("sales.pdf", sales)):
        (tmp_path / name).write_bytes(builders.lines_pdf([lines]))
    table = Screener("it_project_manager", as_of=AS_OF).rank(sorted(map(str, tmp_path.iterdir())), workers=0)
    rows = {row["file"].rsplit("/", 1)[-1]: row for row in table.to_dict("records")}
    assert rows["it.pdf"]["rank"] == 1
    assert rows["it.pdf"]["role_years"] == pytest.approx(7.83, abs=0.01)
    assert rows["it.pdf"]["relevant_years"] == pytest.approx(12.33, abs=0.01)
    assert "the role itself" in rows["it.pdf"]["jobs"]
    assert rows["sales.pdf"]["role_years"] == rows["sales.pdf"]["relevant_years"] == 0.0
    for row in rows.values():
        assert not {"Name", "City", "State"} & set(row["fit_terms"].split(", "))


@pytest.mark.parametrize("place", ["Mountain View, CA", "San Francisco, CA", "Boston, MA", "Bangalore, India", ""])
def test_relevance_where_a_job_was_moves_no_fit(analyzer, place):
    """A town and its region are no words of a trade: "CA" is a vendor of database tools in O*NET and
    "San" a storage network, so Californians read more like database architects before."""
    def fit(where: str) -> tuple:
        analysis = analyzer.analyze(f"Jane Doe\njane.doe@example.com\n\nEXPERIENCE\nSoftware Engineer, Google, {where}\n"
                                    "Jan 2015 - Present\n• Built the ads ranking service in Java and SQL\n")
        return analysis.fit, analysis.fit_terms, analysis.relevant_experience_years

    assert fit(place) == fit("Austin, TX")


@pytest.mark.parametrize("text, kept", [
    ("Senior Java Developer Dallas, TX", "Senior Java Developer"),  # the title before the town stays
    ("Project Manager, PA", "Project Manager, PA"),  # a title before a state's code is no town
    ("Staff Nurse, Mercy Hospital, Chicago, IL", "Staff Nurse, Mercy Hospital,"),
])
def test_relevance_places_are_blanked_and_titles_kept(text, kept):
    from resumematch.analyze.rules.notnames import without_places

    out = without_places(text)
    assert len(out) == len(text) and out.rstrip() == kept


@pytest.mark.parametrize("title, relevant", [
    ("Co-Founder & CTO, Nexus AI", True),  # IT leadership O*NET files under chief executives
    ("Site Reliability Engineer, Danggeun Market", True),
    ("Chief Investment Officer, Harbor Capital", False),  # the twin: a chief officer of another trade
])
def test_relevance_it_leadership_titles_count_for_the_bundled_role(analyzer, title, relevant):
    analysis = analyzer.analyze(job(title, "Set the direction of the firm."))
    assert (analysis.relevant_experience_years > 0) is relevant


@pytest.mark.parametrize("label, title", [
    # a label line between the title and the dates names no job: the title above it is the job's
    ("Duration:", "Systems Administrator"),
    ("Roles and Responsibilities:", "Systems Administrator"),
    # a line with words after its colon is no bare label, and stays part of the title
    ("Client: Northwind Traders", "Systems Administrator | Client: Northwind Traders"),
])
def test_relevance_a_label_line_is_no_title(analyzer, label, title):
    text = ("Jane Doe\njane.doe@example.com\n\nEXPERIENCE\nSystems Administrator\n"
            f"{label}\n06/2015 to 02/2021\nMaintained the Windows servers.\n")
    (period,) = analyzer.analyze(text).periods
    assert period.title == title


@pytest.mark.parametrize("title, employers", [
    # beside a part that names a job, the parts that name none are the employer's
    ("Project Coordinator, Alpine Telecom", ["Alpine Telecom"]),
    ("Security Officer | Microsoft of G4S", ["Microsoft of G4S"]),
    ("Staff Accountant at Deloitte", ["Deloitte"]),
    # a rank alone names no job: what follows it is the field, not an employer
    ("Director, Information Technology", []),
    ("Engineer, Network Operations", []),
    # no part names a job: nothing is taken for an employer
    ("Alpine Telecom | Network rollout", []),
    # a unit inside the employer is the job's own field
    ("Teacher, Mathematics Department, Lincoln High", ["Lincoln High"]),
    ("Nurse, Intensive Care Unit", []),
])
def test_relevance_the_employer_beside_a_job_title(title, employers):
    assert RoleReader((), (), "IT Project Manager").employers(title) == employers


@pytest.mark.parametrize("employer, other", [("Alpine Telecom", "Alpine"), ("Microsoft", "Northwind")])
def test_relevance_an_employers_name_moves_no_job_reading(employer, other):
    """A job reads the same at any employer: "Telecom" or "Microsoft" in the company's name tells
    no trade."""
    reader = RoleReader((), (), "IT Project Manager")
    body = "Built schedules and cost estimates for hardware refresh projects."
    one = reader.job(f"Project Coordinator, {employer}", f"Project Coordinator, {employer}\n{body}")
    two = reader.job(f"Project Coordinator, {other}", f"Project Coordinator, {other}\n{body}")
    assert (one.relevant, one.why) == (two.relevant, two.why)
    assert one.relevant


@pytest.mark.parametrize("title, relevant", [
    # a spelled-out field among the terms names the job titled by its acronym in capitals ...
    ("Senior IT Support Analyst", True),
    ("IT Network Engineer", True),
    # ... never the word in lower case, nor the letters inside another word
    ("It was fine", False),
    ("ITIL Trainer", False),
])
def test_relevance_a_spelled_out_term_names_its_acronym(title, relevant):
    reader = RoleReader(("15-1299.09",), ("information technology",), "IT Project Manager")
    verdict = reader.job(title, "")
    assert verdict.relevant is relevant
    assert ("its title names 'IT'" in verdict.why) is relevant


@pytest.mark.parametrize("title, role", [
    # a model's role title makes a job the role itself, by its acronym too ...
    ("Head of IT", True),
    ("Deputy Head of Information Technology", True),
    # ... not as the tail of a longer name, and not a title it does not list
    ("Finance Chief Information Officer", False),
    ("Head of Marketing", False),
])
def test_relevance_a_models_role_titles_are_the_role_itself(title, role):
    titles = ("Head of Information Technology", "Chief Information Officer")
    with_titles = RoleReader(("11-3021.00",), (), "IT Manager", ("11-3021.00",), titles).job(title, "")
    without = RoleReader(("11-3021.00",), (), "IT Manager", ("11-3021.00",)).job(title, "")
    assert with_titles.role is role
    assert not without.role  # O*NET holds none of these titles in an IT manager's occupation
    assert ("one of the model's role titles" in with_titles.why) is role


def test_relevance_role_titles_decide_the_analysis_so_they_key_the_cache():
    from resumematch.model import load_model

    model = load_model("it_project_manager")
    other = model.model_copy(update={"experience": model.experience.model_copy(update={"role_titles": ()})})
    assert model.matching_hash() != other.matching_hash()
    assert model.matching_hash() == load_model("it_project_manager").matching_hash()


@pytest.mark.parametrize("line", ["A B C D", "I T", "Q A / Q C", "a b c d e f"])
def test_relevance_spaced_letters_that_spell_no_heading_are_none(line):
    from resumematch.analyze.rules.headings import heading_label

    assert heading_label(line) is None


_CAMPAIGNS = "Planned product launch campaigns, ran market research on pricing and managed the advertising budget."
_HR_DUTIES = "Hired and trained staff. Prepared the department budget. Wrote policies and handled employee relations."


@pytest.mark.parametrize("role, title, body, relevant", [
    # a title held in a trade apart from the role's (not its occupations, nor those O*NET relates to
    # them or whose titles name their field) is that trade's work, whatever its duties share ...
    ("Marketing Manager", "Senior Software Developer, Acme", _CAMPAIGNS, False),
    ("Marketing Manager", "Paralegal", _CAMPAIGNS, False),
    ("Human Resources Manager", "IT Manager", _HR_DUTIES, False),
    # ... a title that names more than that trade's title leaves it to the duties ("Social Media
    # Manager" holds "Media Manager", of Producers and Directors) ...
    ("Marketing Manager", "Social Media Manager", _CAMPAIGNS, True),
    # ... as do a rank alone, a title that does not name its holder's field ("Service Engineer", of
    # Aerospace Engineers), and the title of a trade beside the role's (sales for marketing, a business
    # analyst for IT)
    ("Human Resources Manager", "Manager", _HR_DUTIES, True),
    ("IT Project Manager", "Senior Service Engineer, EMC", "Resolved server and storage faults for enterprise customers.", True),
    # ("Research Fellow", held by survey researchers, reads closer to teaching assistants alone)
    ("IT Project Manager", "Research Fellow", "Led the lab's ICT projects: the network refresh and the move to cloud storage.",
     True),
    ("Marketing Manager", "Sales Engineer", _CAMPAIGNS, True),
    ("IT Project Manager", "Business Analyst",
     "Gathered requirements for the ERP upgrade, wrote SQL reports and tested releases with the developers.", True),
])
def test_relevance_a_job_titled_as_a_trade_apart_is_that_trades_work(role, title, body, relevant):
    verdict = RoleReader((), (), role).job(title, f"{title}\n{body}")
    assert verdict.relevant is relevant
    assert ("another trade than the role's" in verdict.why) is not relevant


@pytest.mark.parametrize("title, body, relevant", [
    # one word alone that tells an occupation (the employer's name, with no duties) is too little ...
    ("SMTS | Oracle India - Bengaluru, Karnataka", "", False),
    # ... while two or more in its duties read as the role's work
    ("SMTS | Oracle India - Bengaluru, Karnataka", "• Administered Oracle databases and tuned SQL queries for "
                                                   "the billing system", True),
])
def test_relevance_one_word_alone_reads_no_job(analyzer, title, body, relevant):
    text = f"Jane Doe\njane.doe@example.com\n\nEXPERIENCE\n{title}\nJan 2015 - Present\n{body}\n"
    (period,) = analyzer.analyze(text).periods
    assert period.relevant is relevant
    if not relevant:
        assert "one word alone" in period.why and "Oracle" in period.why


@pytest.mark.parametrize("title, role", [
    # the words of an employer and a title on one line can hold a title neither part holds ("Public
    # Information Relations Manager"): the part that names the role's work is what the job was ...
    ("Everly Public Relations Baton Rouge , LA Information Technology Manager", True),
    ("Information Technology Manager | Everly Public Relations", True),
    # ... while a title of another trade, beside an employer or an office named for the role's field,
    # stays that trade
    ("Public Relations Manager, Everly Information Technology", False),
    ("Administrative Assistant - Information Technology Manager Office", False),
])
def test_relevance_a_part_of_the_title_line_names_the_role(title, role):
    verdict = RoleReader(("11-3021.00",), (), "IT Manager", ("11-3021.00",)).job(title, "")
    assert verdict.role is role


@pytest.mark.parametrize("title, role", [
    # a part that ends with a firm's legal form is the employer: its words make no title with the
    # job's ("Sales Manager" + "Information Technology" is no IT manager) ...
    ("Sales Manager | Information Technology Solutions Inc", False),
    ("Sales Manager, Information Technology Solutions, Inc.", False),
    ("Office Manager - IT Solutions Group LLC", False),
    # ... while the job's own title beside such a firm, or a field part with no legal form, still names it
    ("Information Technology Manager | Everly Solutions Inc", True),
    ("IT Manager, Acme Corp.", True),
    ("Project Manager | IT Services", True),
])
def test_relevance_a_firm_by_its_legal_form_names_no_job(title, role):
    verdict = RoleReader((), (), "IT Project Manager").job(title, "")
    assert verdict.role is role


def test_relevance_a_firms_name_is_left_out_of_the_jobs_reading():
    reader = RoleReader((), (), "IT Project Manager")
    assert reader.employers("Sales Manager | Information Technology Solutions Inc") == [
        "Information Technology Solutions Inc"]
    assert reader.employers("Sales Manager, IT Solutions, Ltd.") == ["IT Solutions", "Ltd."]
    assert reader.employers("Sales Manager | Northwind") == ["Northwind"]  # no title and no place: as before
    assert reader.employers("Sales Manager") == []


@pytest.mark.parametrize("title, role", [
    # a part that holds the job's title as well as the firm is no firm's name alone: the title counts
    ("Working as Sr. Java programmer for XXXXXX Solutions LTD., XXXXXXX, from .", True),
    ("Working as a Software Engineer in xxx Software Pvt Ltd, Bangalore from", True),
])
def test_relevance_a_part_with_a_title_and_a_firm_keeps_the_title(title, role):
    verdict = RoleReader(("15-1252.00",), (), "Software Developers", ("15-1252.00",)).job(title, "")
    assert verdict.role is role


@pytest.mark.parametrize("role, title, relevant, own", [
    # O*NET's "Accountants and Auditors" joins two trades: the posting's title names one of them
    ("Staff Accountant", "Senior Internal Auditor", True, False),
    ("Staff Accountant", "Staff Auditor", True, False),
    ("Staff Auditor", "Staff Accountant", True, False),
    # the twins: a title of the posting's own trade, or of neither, stays the role itself
    ("Staff Accountant", "Cost Accountant", True, True),
    ("Staff Accountant", "CPA", True, True),
    ("Staff Accountant", "Accountant and Auditor", True, True),
    ("Paralegal", "Legal Assistant", True, True),  # one trade named twice in O*NET's title
    # a lead's role whose occupation O*NET files its field under (accounting managers under financial
    # managers) counts that occupation's titles of another field beside it (seventeenth session) ...
    ("Accounting Manager", "Finance Director", True, False),
    ("Accounting Manager", "Finance Manager", True, False),
    # ... the twins: a title naming the led field or a lead of it, a role whose occupation names its own
    # field, and a lead's role whose occupation holds its kin (only LEADS_APART's are kept apart: a review
    # found "Transportation Manager" demoted for a "Logistics Manager" when every lead's role was)
    ("Accounting Manager", "Accounting Director", True, True),
    ("Accounting Manager", "Comptroller", True, True),
    ("Human Resources Manager", "Personnel Manager", True, True),
    ("Logistics Manager", "Transportation Manager", True, True),
    ("Customer Service Manager", "Call Center Manager", True, True),
])
def test_relevance_a_title_of_the_other_trade_joined_in_the_roles_occupation_is_beside_it(role, title, relevant, own):
    verdict = RoleReader((), (), role).job(title, "")
    assert (verdict.relevant, verdict.role) == (relevant, own)
    assert ("beside the role's own trade" in verdict.why) is not own


@pytest.mark.parametrize("code, role, held, other", [
    ("13-2011.00", "Staff Accountant", "Internal Auditor", "Auditors"),
    ("13-2011.00", "Internal Auditor", "Cost Accountant", "Accountants"),
    # the twins: a title of the role's own trade, or of neither, and a posting naming neither or both
    ("13-2011.00", "Staff Accountant", "Senior Accountant", None),
    ("13-2011.00", "Staff Accountant", "Certified Public Accountant (CPA)", None),
    ("13-2011.00", "Controller", "Internal Auditor", None),
    ("13-2011.00", "Accountant / Auditor", "Internal Auditor", None),
    # most joined titles name one trade twice: only the occupations listed keep their trades apart
    ("23-2011.00", "Paralegal", "Legal Assistant", None),
    ("35-1011.00", "Executive Chef", "Head Cook", None),
    ("43-6011.00", "Executive Assistant", "Executive Secretary", None),
    # a lead's field apart from the occupation it is filed under, in that occupation only
    ("11-3031.00", "Accounting Manager", "Treasurer", "another field than Accounting"),
    ("11-3031.00", "Accounting Manager", "Assistant Accounting Manager", None),
    ("11-3031.00", "Finance Manager", "Treasurer", None),
])
def test_relevance_other_trade_reads_the_trades_an_occupation_joins(code, role, held, other):
    from resumematch.catalog.roles import other_trade

    assert other_trade(code, role, held) == other
