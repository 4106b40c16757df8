"""Specificity, occupation readings, relevant jobs and the fit to the role (issue: rank the right
people first). Each rule has a positive and a negative twin; the resumes are built here."""

from __future__ import annotations

import datetime as dt

import pytest

from resumematch.analyze import Analyzer
from resumematch.analyze.relevance import RoleReader
from resumematch.catalog.held_titles import HeldTitles
from resumematch.catalog.occupations import background
from resumematch.catalog.onet import occupation_titles
from resumematch.catalog.roles import beside, field_words, neighbours, title_occupations
from resumematch.catalog.stems import words
from resumematch.errors import ModelError
from resumematch.model import load_model

AS_OF = dt.date(2026, 11, 1)
IT_PM = load_model("it_project_manager")
ACCOUNTANT = ("13-2011.00",)


@pytest.fixture(scope="module")
def it_reader() -> RoleReader:
    return RoleReader(IT_PM.experience.occupations, IT_PM.experience.relevant_terms, IT_PM.title)


@pytest.mark.parametrize("specific, generic", [
    ("payroll", "data"),
    ("scrum", "system"),
    ("curriculum", "management"),
    ("paralegal", "service"),
])
def test_occupations_specific_words_outweigh_generic_ones(specific, generic):
    b = background()
    assert b.specificity(specific) > 0.8
    assert b.specificity(generic) < 0.65
    assert b.specificity(specific) > b.specificity(generic) + 0.2


@pytest.mark.parametrize("text, stems", [
    ("IT Manager", ["inform", "technolog", "manag"]),  # the acronym spelled out, in capitals only
    ("it was managed", ["manag"]),
    ("Accountant, accounting", ["account", "account"]),  # one word for the trade
])
def test_occupations_words_spell_out_acronyms_and_stem(text, stems):
    assert words(text) == stems


@pytest.mark.parametrize("with_words, without", [
    # an employer's legal form and the word for where one studied tell no trade ...
    ("Claims adjuster, Acme Insurance Inc.", "Claims adjuster, Acme Insurance"),
    ("Teller, First Bank Pvt. Ltd.", "Teller, First Bank"),
    ("B.S. Biology, State University", "B.S. Biology, State"),
])
def test_occupations_legal_forms_and_university_move_no_reading(with_words, without):
    assert words(with_words) == words(without)
    b = background()
    codes = tuple(o.code for o in b.occupations[:50])
    assert b.reading(with_words, codes) == b.reading(without, codes)


def test_occupations_a_trade_word_beside_them_still_counts():
    """The twin: the trade's own words stay ("Insurance" reads as insurance work)."""
    assert "insur" in words("Claims adjuster, Acme Insurance Inc.")


@pytest.mark.parametrize("title, code", [
    ("Information Technology Project Manager", "15-1299.09"),
    ("Human Resources Manager", "11-3121.00"),
    ("Paralegal", "23-2011.00"),
    ("Senior Accountant", "13-2011.00"),  # seniority says nothing of the trade
])
def test_occupations_a_title_reads_as_its_occupation(title, code):
    assert background().closest_title(title).code == code


@pytest.mark.parametrize("text, trade, not_code", [
    # a short job reads as the occupation whose people hold its title, not as one whose tools or
    # tasks happen to share its duty words (fuel cell engineers list software tools)
    ("Senior Software Developer\nDeveloped software applications for the trading desk in Java and C++. "
     "Worked with the testing team.", "15-1252", "17-2141.01"),
    # the twin: the held titles of one trade do not pull another trade's job to it
    ("Line Cook\nPrepared the grill station and plated orders.", "35-20", "15-1252.00"),
])
def test_occupations_a_short_job_reads_as_the_occupation_holding_its_title(text, trade, not_code):
    b = background()
    _, sims = b.scores(text)
    best = b.occupations[int(sims.argmax())].code
    assert best.startswith(trade) and sims[int(sims.argmax())] > sims[b.by_code[not_code]]


@pytest.mark.parametrize("relevant, irrelevant", [
    # the title names a relevant term of the model
    (("Software Engineer", "Hired and trained twelve staff."),
     ("Store Manager", "Hired and trained twelve staff.")),
    # duties that read as a computer occupation, not one shared word
    (("Team Lead", "Designed and deployed Java web applications; wrote SQL queries, unit tests and code "
                   "reviews; debugged production software."),
     ("Cashier", "Entered the day's sales data into the system and ran the register.")),
    # a manager of store schedules and budgets does not read as a project manager in IT
    (("Senior IT Project Manager", "Planned releases and managed the budget."),
     ("Store Manager", "Created the weekly staff schedule, managed the store budget and trained staff in Excel.")),
])
def test_occupations_a_job_counts_by_what_it_reads_as(it_reader, relevant, irrelevant):
    yes, no = it_reader.job(*relevant), it_reader.job(*irrelevant)
    assert yes.relevant and yes.why
    assert not no.relevant and ("do not read as the role's occupations" in no.why or "no words" in no.why)


@pytest.mark.parametrize("role_yes, role_no", [
    (ACCOUNTANT, IT_PM.experience.occupations),
])
def test_occupations_the_same_job_is_relevant_to_one_role_only(role_yes, role_no):
    title, body = "Staff Accountant", "Prepared monthly financial statements and reconciled general ledger accounts."
    assert RoleReader(role_yes).job(title, body).relevant
    assert not RoleReader(role_no).job(title, body).relevant


def test_occupations_a_model_without_occupations_reads_its_title():
    codes = RoleReader((), (), "Senior Accountant").role_codes
    # Its own occupation, then those O*NET relates most closely to it in its field: bookkeeping
    # clerks, not every financial specialist (loan officers, credit analysts).
    assert codes[0] == "13-2011.00" and len(codes) == 4
    assert "43-3031.00" in codes and not {"13-2072.00", "13-2041.00"} & set(codes)
    assert RoleReader(("15-1252.00",), (), "Senior Accountant").role_codes == ("15-1252.00",)


@pytest.mark.parametrize("code, kin, not_kin", [
    # related, and in the field: its title names the field ("accounting"), or it sits in the same
    # SOC minor group (financial examiners beside accountants, 13-2)
    ("13-2011.00", {"43-3031.00", "13-2061.00"}, {"11-3031.00", "11-3031.01"}),  # not financial managers
    ("11-3121.00", {"13-1071.00", "43-4161.00"}, {"13-1111.00", "13-1075.00"}),  # not management analysts
    ("13-1071.00", {"11-3121.00", "13-1141.00"}, {"43-1011.00", "43-4061.00"}),  # not office supervisors
    ("15-1252.00", {"15-1253.00", "15-1251.00"}, {"17-2061.00"}),  # not computer hardware engineers
])
def test_occupations_a_roles_neighbours_work_in_its_field(code, kin, not_kin):
    assert (kin | not_kin) <= set(background().related[code])  # O*NET relates all of them
    near = set(neighbours(code))
    assert kin <= near and not not_kin & near


def test_occupations_first_line_supervisors_share_no_field():
    # "First-Line" is a rank: every first-line supervisor had been in every other's field, so an
    # accounts payable supervisor's role was read as supervising cabin crews, mechanics and guards
    assert not {"first", "line"} & field_words("43-1011.00") and "retail" in field_words("41-1011.00")
    assert not {"41-1012.00", "53-1044.00", "49-1011.00", "33-1091.00"} & set(neighbours("43-1011.00"))


@pytest.mark.parametrize("title, among_added", [
    # a title that leads a field O*NET files under a broader occupation adds that field's occupations:
    # "Accounting Manager" is a financial manager's title, "Accounts Payable Supervisor" an office
    # supervisor's; both lead bookkeeping, accounting and auditing clerks, and a nurse manager nurses ...
    # (and the accountants and auditors O*NET relates to financial managers: those an accounting
    # manager leads; sixteenth session) ...
    ("Accounting Manager", {"43-3031.00", "13-2011.00"}),
    ("Accounts Payable Supervisor", {"43-3031.00", "43-3021.00"}),
    ("Director of Nursing", {"29-1141.00"}),
    ("Customer Service Manager", {"43-4051.00"}),
    # ... a title that names its occupation's field adds nothing, nor a field whose closest occupation
    # is another trade's ("Finance" is closest to business teachers)
    ("Human Resources Manager", set()),
    ("IT Project Manager", set()),
    ("Finance Manager", set()),
    ("Senior Accountant", set()),
    # ... nor a word of other senses: product promoters, bookkeepers, gambling change persons, casting
    # machine operators and psychiatric nurses lead no product, account, change, casting or practice
    ("Product Manager", set()),
    ("Account Manager", set()),
    ("Change Manager", set()),
    ("Casting Director", set()),
    ("Practice Manager", set()),
])
def test_occupations_a_title_that_leads_a_field_adds_its_occupations(title, among_added):
    # the twin of the accountants: an accounts payable supervisor (an office supervisor, to whom
    # O*NET relates no accountant) leads clerks only
    own = neighbours(background().closest_title(title).code)
    codes = title_occupations(title)
    added = set(codes) - set(own)
    assert codes[:len(own)] == own
    assert among_added <= added if among_added else not added
    assert RoleReader((), (), title).role_codes == codes  # a model that names none reads the same
    assert ("13-2011.00" in added) is (title == "Accounting Manager")


@pytest.mark.parametrize("codes, beside_them, apart", [
    # O*NET's related occupations, and those whose titles name the role's field, are beside it ...
    (("25-2031.00",), {"25-2022.00", "25-9042.00", "25-1194.00"}, {"21-1012.00", "15-1252.00"}),
    (("11-3121.00",), {"13-1071.00", "13-1111.00"}, {"11-3021.00", "43-6011.00"}),
    # ... of each of a role's occupations, with those in the same SOC broad occupation (web developers
    # beside software developers)
    (("11-2021.00", "11-2022.00"), {"41-4011.00", "13-1161.00"}, {"23-2011.00", "15-1252.00"}),
    (("15-1299.09", "15-1252.00"), {"15-1254.00", "15-1251.00", "11-3021.00"}, {"11-3121.00", "43-6011.00"}),
])
def test_occupations_the_trades_beside_a_role(codes, beside_them, apart):
    """Beside secondary school teachers: middle school teachers, teaching assistants, career and
    technical teachers; apart: educational counselors, software developers. Beside HR managers:
    HR specialists, management analysts; apart: IT managers, executive assistants."""
    near = beside(codes)
    assert beside_them <= near and not apart & near


_DEVELOPER = ("Built web applications in Java and Python.\nDesigned SQL databases.\nFixed production defects.\n"
              "Wrote unit tests for the payment APIs.")
_EVERY_TRADE = "\n".join(["Worked with the team and the managers.", "Communicated with customers and staff.",
                          "Prepared weekly reports.", "Kept records up to date.", "Trained new employees.",
                          "Followed company policies and procedures.", "Met deadlines.", "Answered questions."])


@pytest.mark.parametrize("code, lead", [
    ("15-1252.00", 1.0),  # Software Developers: nothing reads closer
    ("45-3031.00", 0.0),  # Fishing and Hunting Workers: no closer than a typical trade
    ("11-2021.00", None),  # Marketing Managers: between, and below the plain ratio
])
def test_occupations_a_reading_leads_from_the_typical_occupation(code, lead):
    reading = background().reading(_DEVELOPER, (code,))
    assert 0.0 <= reading.lead <= reading.fit <= 1.0
    if lead is None:
        assert 0.0 < reading.lead < reading.fit < 1.0
    else:
        assert reading.lead == lead


def test_occupations_words_every_trade_uses_press_no_fit_towards_one():
    """The fit is each reading's lead over the typical occupation: a developer's resume padded with
    what every trade writes fits a marketing role less than the plain ratio says."""
    text = f"{_DEVELOPER}\n{_EVERY_TRADE}"
    reader = RoleReader(("11-2021.00",), (), "Marketing Manager", ("11-2021.00",))
    ratio = background().reading(text, ("11-2021.00",))
    assert reader.fit(text).fit == ratio.lead < ratio.fit


def test_occupations_the_field_of_a_title_is_not_its_rank():
    assert field_words("11-3121.00") == field_words("43-4161.00") == {"human", "resourc"}
    assert "manag" not in field_words("13-1111.00")  # Management Analysts: management is a rank's work


@pytest.mark.parametrize("title, code", [
    ("Help Desk Technician", "15-1232.00"),  # a title people hold, not words of the O*NET title
    ("Systems Administrator", "15-1244.00"),
    ("Staff Accountant", "13-2011.00"),
    ("HR Generalist", "13-1071.00"),
    ("Accounts Payable Clerk", "43-3031.00"),  # a clerk is not an accountant
    ("Sales Manager", "11-2022.00"),
])
def test_occupations_a_job_title_names_the_occupation_people_hold_it_in(title, code):
    assert background().closest_title(title).code == code


@pytest.mark.parametrize("title, held, code", [
    ("Senior IT Project Manager | Acme Corp", "Information Technology Project Managers", "15-1299.09"),
    ("Staff Accountant, Contoso", "Staff Accountant", "13-2011.00"),
    ("Recruiter", "Recruiter", "13-1071.00"),
])
def test_occupations_a_job_title_names_a_title_it_holds_whole(title, held, code):
    named = background().named(title)
    assert named.held == held and code in named.codes


@pytest.mark.parametrize("title", [
    "Sasken Technologies Pvt. Ltd - Pune",  # a company: "Technologies" is not a title held whole
    "Order Manager",  # "Managers, All Other" is not "Manager"; "City Manager" is not either
])
def test_occupations_a_job_title_that_holds_no_title_whole_names_nothing(title):
    assert background().named(title) is None


@pytest.mark.parametrize("held, title, found", [
    # a title's words in any order, every occupation holding it, in row order
    ([(3, "Project Manager"), (1, "Manager, Projects"), (2, "Project Coordinator")], "Senior Project Manager, Acme",
     ("Project Manager", [1, 3])),
    ([(0, "Senior Manager")], "Manager", ("Senior Manager", [0])),  # a filler word may go
    # the longest held whole; several of that length together
    ([(0, "Manager"), (1, "Sales Manager"), (2, "Project Manager")], "Sales Project Manager",
     ("Sales Manager / Project Manager", [1, 2])),
])
def test_held_titles_a_title_is_found_by_its_words(held, title, found):
    assert HeldTitles(held).find(title) == found


@pytest.mark.parametrize("held, title", [
    ([(3, "Project Manager"), (2, "Project Coordinator")], "Program Manager"),
    ([(0, "City Manager")], "Manager"),  # "City" means something: "Manager" is not a city manager
])
def test_held_titles_a_title_not_held_whole_is_not_found(held, title):
    assert HeldTitles(held).find(title) is None


def test_occupations_an_occupation_related_to_none_takes_its_classification_group():
    b = background()
    assert "15-1299.00" not in b.related  # Computer Occupations, All Other
    assert all(c.startswith("15-12") for c in neighbours("15-1299.00"))


@pytest.mark.parametrize("code, ok", [("15-1252.00", True), ("99-9999.99", False), ("15-1252", False)])
def test_occupations_a_model_names_known_occupations(tmp_path, code, ok):
    text = (f"name: r\ntitle: R\ncategory_weights: {{experience: 1}}\nexperience:\n  occupations: ['{code}']\n"
            "requirements:\n  - {id: experience.years, category: experience, label: Years, kind: preferred,"
            " weight: 1, source: test}\n")
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    if ok:
        assert load_model(path).experience.occupations == (code,)
        assert code in occupation_titles()
    else:
        with pytest.raises(ModelError, match="occupation"):
            load_model(path)


def _resume(title: str, body: str) -> str:
    return (f"Jane Doe\njane.doe@example.com\n\nEXPERIENCE\n{title}, Acme Corp, Jan 2015 - Dec 2020\n{body}\n"
            "\nEDUCATION\nB.A., State University, 2014\n")


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer("it_project_manager", as_of=AS_OF)


@pytest.mark.parametrize("fits, does_not", [
    (_resume("Software Developer", "Built web applications in Java and Python; designed SQL databases; "
             "deployed services to a cloud platform; fixed production defects."),
     _resume("Line Cook", "Prepared sauces and grilled fish for 200 covers a night; kept the kitchen clean; "
             "placed daily produce orders.")),
])
def test_occupations_fit_tells_the_trade_apart(analyzer, fits, does_not):
    a, b = analyzer.analyze(fits), analyzer.analyze(does_not)
    assert a.fit > 0.7 and a.fit_terms and a.fit_occupation  # a developer, not an IT project manager
    assert b.fit < 0.5
    assert a.relevant_experience_years == pytest.approx(6.0, abs=0.1)
    assert b.relevant_experience_years == 0.0
    period = a.periods[0]
    assert period.title.startswith("Software Developer") and period.relevant and period.why


@pytest.mark.parametrize("added, moves", [
    # anonymised or real place lines under each job tell no trade and move no fit ...
    ("Company Name - City , State", False),
    ("Name of company, street address, town, county, state, country, zip", False),
    # ... a duty line does
    ("Configured routers, switches and firewalls for the office network", True),
])
def test_occupations_place_words_move_no_fit(analyzer, added, moves):
    body = "Built web applications in Java; designed SQL databases; fixed production defects."
    plain = analyzer.analyze(_resume("Software Developer", body)).fit
    placed = analyzer.analyze(_resume("Software Developer", f"{added}\n{body}\n{added}")).fit
    assert (placed != plain) is moves


_DUTIES = "\n".join(["Built web applications in Java.", "Designed SQL databases.", "Fixed production defects.",
                     "Wrote unit tests.", "Reviewed code.", "Mentored two juniors.", "Ran the nightly builds.",
                     "Kept the wiki.", "Profiled slow queries."])


@pytest.mark.parametrize("added, moves", [
    # a link or an email address below the header (where the contact block is left out anyway)
    # tells no trade and moves no fit ...
    ("https://www.indeed.com/r/jane-doe/4f1e2a", False),
    ("www.janedoe-design.net  ·  github.com/janedoe", False),
    ("mark.hill@salesforce-partners.com  ·  jane.doe@acme-logistics.com", False),
    # ... a tool named by its domain, in a duty, does
    ("Rolled out Salesforce.com and Amazon.com seller tools to the sales team", True),
])
def test_occupations_links_and_emails_move_no_fit(analyzer, added, moves):
    plain = analyzer.analyze(_resume("Software Developer", _DUTIES)).fit
    linked = analyzer.analyze(_resume("Software Developer", f"{_DUTIES}\n{added}")).fit
    assert (linked != plain) is moves


@pytest.mark.parametrize("employer, moves", [
    # the employer beside a job title tells no trade and moves no fit ...
    ("Northwind Telecom", False),
    ("Microsoft Research", False),
    # ... a second job title beside it does
    ("Network Engineer", True),
])
def test_occupations_an_employer_moves_no_fit(analyzer, employer, moves):
    body = "Built schedules and cost estimates for hardware refresh projects."
    plain = analyzer.analyze(_job_at("Project Coordinator", "Acme", body)).fit
    other = analyzer.analyze(_job_at("Project Coordinator", employer, body)).fit
    assert (other != plain) is moves


@pytest.mark.parametrize("schooling, moves", [
    # the schools attended and their school-leaving records tell no trade and move no fit ...
    ("Sale High School, 2002 - 2007\nGCSE English, Mathematics, Science: grades C, D, D", False),
    ("St. John's Secondary College\nVictorian Certificate of Education: English, History", False),
    # ... what was studied does: a degree and its field, courses
    ("B.S. in Computer Science, 2010\nState University", True),
    ("Relevant coursework: Databases, Operating Systems, Computer Networks", True),
])
def test_occupations_of_the_education_only_what_was_studied_moves_the_fit(analyzer, schooling, moves):
    base = "Jane Doe\njane.doe@example.com\n\nEXPERIENCE\nSales Assistant, Acme\nJan 2015 - Dec 2020\n" \
           "Served customers and kept the shop floor stocked.\n\nEDUCATION\nB.A. in History, 2014\n"
    plain = analyzer.analyze(base).fit
    schooled = analyzer.analyze(f"{base}{schooling}\n").fit
    assert (schooled != plain) is moves


def test_occupations_studied_keeps_the_degrees_their_fields_and_courses():
    from resumematch.analyze.analyzer import studied

    education = ("Sale High School 2002 - 2007\nGCSE English Grade C\nB.S. in Computer Science, 2010\n"
                 "Princeton University\nRelevant coursework: Data Structures\nM.Sc. magna cum laude\n"
                 "Majoring in Computer Science\nSt. John's Secondary College")
    assert studied(education).split("\n") == [
        "B.S. in Computer Science, 2010", "Relevant coursework: Data Structures",
        "M.Sc. magna cum laude", "Majoring in Computer Science"]


def _job_at(title: str, employer: str, body: str) -> str:
    return (f"Jane Doe\njane.doe@example.com\n\nEXPERIENCE\n{title}, {employer}\nJan 2015 - Dec 2020\n{body}\n"
            "\nEDUCATION\nB.A., State University, 2014\n")


def test_occupations_reading_is_deterministic_and_pool_free():
    b = background()
    text = "Java developer building SQL reports"
    first = b.reading(text, ("15-1252.00",))
    b.reading("Line cook, kitchen, sauces", ("35-2014.00",))  # another text read in between
    assert b.reading(text, ("15-1252.00",)) == first


def test_occupations_a_score_does_not_depend_on_the_pool(tmp_path):
    """The same resume ranked alone, among the examples, and among other resumes gets the same row."""
    import shutil
    from pathlib import Path

    from resumematch import Screener

    examples = Path(__file__).resolve().parents[1] / "examples" / "resumes"
    target = examples / "kenji_watanabe.txt"
    alone, pool_a, pool_b = (tmp_path / n for n in ("alone", "a", "b"))
    for folder in (alone, pool_a, pool_b):
        folder.mkdir()
        shutil.copy(target, folder / target.name)
    for other in examples.iterdir():
        if other.name != target.name:
            shutil.copy(other, pool_a / other.name)
    for i, (title, body) in enumerate([("Line Cook", "Grilled fish."), ("Java Developer", "Built Java services."),
                                       ("Paralegal", "Drafted motions and filed briefs.")] * 6):
        (pool_b / f"other_{i:02d}.txt").write_text(_resume(title, body), encoding="utf-8")
    screener = Screener("it_project_manager", as_of=AS_OF)
    rows = []
    for folder, workers in ((alone, 1), (pool_a, 2), (pool_b, 1)):
        ranking = screener.rank([folder], workers=workers)
        row = ranking[ranking["file"].str.endswith(target.name)].drop(columns=["rank", "file"]).iloc[0]
        rows.append(row)
    for row in rows[1:]:
        assert row.equals(rows[0])


@pytest.mark.parametrize("text, first", [
    # the word on every line adds most, though rarer words stand beside it once
    ("Configured network routers.\nMonitored network traffic.\nNetwork firewall audits.\nNetwork capacity plans.",
     "network"),
    ("Configured firewall rules.\nAudited firewall logs.\nFirewall upgrades.\nWrote network diagrams.", "firewall"),
])
def test_occupations_fit_terms_name_what_adds_most_to_the_score_first(text, first):
    reading = background().reading(text, ("15-1244.00",))
    assert reading.terms[0].lower() == first


@pytest.mark.parametrize("title, word, not_code", [
    ("Nurse (Outpatient)", "Nurse", "29-1223.00"),  # a nurse, not "Outpatient Psychiatrist"'s Psychiatrists
    ("Accountant (Payroll)", "Accountant", "43-3051.00"),  # an accountant, not a payroll clerk
])
def test_occupations_the_closest_title_is_one_that_holds_the_title_whole(title, word, not_code):
    closest = background().closest_title(title)
    assert word in closest.title and closest.code != not_code


@pytest.mark.parametrize("text", ["Planned releases and managed the budget of the SAP migration; ran the PMO."])
def test_occupations_a_background_taken_over_pickled_reads_as_the_one_built_here(text):
    import pickle

    import numpy as np

    built = background()
    copy = pickle.loads(pickle.dumps(built))
    assert copy.reading(text, ACCOUNTANT + IT_PM.experience.occupations) == built.reading(
        text, ACCOUNTANT + IT_PM.experience.occupations)
    # numpy's own dtypes, on which add.at (BM25 scoring) takes its fast path
    index, *rows = built._titles  # the held titles' index, taken over from its own child process
    arrays = [a for a in (*vars(copy).values(), *copy._bm25.scores.values(), *index.scores.values(), *rows)
              if isinstance(a, np.ndarray)]
    assert arrays and all(a.dtype is np.dtype(a.dtype.type) for a in arrays)


@pytest.mark.parametrize("title, peer", [
    # a led field adds O*NET's related occupations only when their titles name all of its words: a
    # word of another sense shared with a peer supervisor adds nothing (a review of the sixteenth
    # session's rule: "service", "hand", "food")
    ("Oil Well Services Supervisor", "37-1012.00"),  # supervisors of landscaping and lawn service
    ("Ranch Hand Supervisor", "53-1042.00"),  # supervisors of helpers, laborers and material movers, hand
    ("Food Cashier Supervisor", "35-1012.00"),  # supervisors of food preparation and serving workers
])
def test_occupations_a_led_field_adds_no_peer_by_one_shared_word(title, peer):
    assert peer not in title_occupations(title)
