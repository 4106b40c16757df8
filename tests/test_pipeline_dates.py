"""Dated entries: which lines belong to an entry when its relevance and kind are decided."""

from __future__ import annotations

import datetime

import pytest

from resumematch.analyze import Analyzer
from resumematch.analyze.rules.dateranges import find_periods
from resumematch.analyze.rules.entries import title_beside, title_cased

AS_OF = datetime.date(2026, 11, 1)


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(as_of=AS_OF)


def _periods(analyzer: Analyzer, experience: str) -> list:
    """The dated entries of a resume whose experience section is ``experience`` (and what follows it)."""
    return analyzer.analyze(f"Jane Doe\njane@example.com\n\nEXPERIENCE\n{experience}").periods


@pytest.mark.parametrize("text", [
    "Jane Doe\njane@example.com\n\nSUMMARY\nStore manager moving into technology projects.\n\n"
    "EXPERIENCE\nStore Manager, Corner Shop, Austin, TX\nJan 2018 - Dec 2023\n• Ran the shop floor\n",
])
def test_dates_entry_does_not_reach_into_the_previous_section(analyzer, text):
    (period,) = analyzer.analyze(text).periods
    assert period.kind == "work" and not period.relevant  # "technology" sits in the summary


@pytest.mark.parametrize("text", [
    "Jane Doe\njane@example.com\n\nEXPERIENCE\nNVIDIA Research, Research Intern\nSanta Clara, CA\n"
    "• Designed a sparse attention kernel\nMay 2022 - Aug 2022\n• Co-authored a paper\n",
])
def test_dates_intern_title_a_few_lines_above_the_dates_makes_an_internship(analyzer, text):
    analysis = analyzer.analyze(text)
    assert [p.kind for p in analysis.periods] == ["internship"]
    assert analysis.internships == 1 and analysis.experience_years == 0


def _job(dates: str) -> str:
    return f"Jane Doe\njane@example.com\n\nEXPERIENCE\nService Desk Analyst, Acme\n{dates}\n• Answered calls\n"


@pytest.mark.parametrize("dates, start, end", [
    # a day's date, read to its month: U.S. month first, day first when the first cannot be a month,
    # and the European dotted form day first
    ("4/1/2009 - 7/1/2014", "2009-04", "2014-07"),
    ("25/12/2019 - 01/02/2021", "2019-12", "2021-02"),  # both ends one way: day first throughout
    ("23/2/2015 - 05/3/2015", "2015-02", "2015-03"),
    ("9/1/2004 - 3/30/2010", "2004-09", "2010-03"),  # the end's 30 cannot be a month: month first
    ("01.04.2015 - 31.03.2018", "2015-04", "2018-03"),
    # a range whose dash was lost in extraction leaves the spaces around it
    ("August 2010  June 2012", "2010-08", "2012-06"),
    ("July 2013  Present", "2013-07", "2026-11"),
    ("2005  Present", "2005-01", "2026-11"),
    # an open start
    ("September 2017 onwards", "2017-09", "2026-11"),
    ("Since March 2015", "2015-03", "2026-11"),
    ("Acme (since 2016)", "2016-01", "2026-11"),
    # short dates, the year in two digits, as a range
    ("ASSOCIATE PRINCIPAL (8/01 to Present) eClerx", "2001-08", "2026-11"),
    ("03/15 - 06/19", "2015-03", "2019-06"),
    ("10/99 - 3/02", "1999-10", "2002-03"),
    ("Jan '15 - Dec '19", "2015-01", "2019-12"),
    # hyphenated dates: a month and a year, and a day's date (day first, as dotted ones)
    ("12-2015 - 03-2018", "2015-12", "2018-03"),
    ("04-09-2003 to 19-12-2007", "2003-09", "2007-12"),
    ("2015 - 03-2018", "2015-01", "2018-03"),  # a hyphen with spaces around it is the range's
    # a lost dash whose ends the layout stacked, each alone on its line (a one-line export whose
    # runs of spaces were line breaks)
    ("May 2010\nPresent", "2010-05", "2026-11"),
    ("2008\nPresent", "2008-01", "2026-11"),
    ("August 2010\nJune 2012", "2010-08", "2012-06"),
    # a lost dash glyph with no space around it, alone on its line
    ("20132015", "2013-01", "2015-01"),  # a bare year is read as its January, as in "2013 - 2015"
    ("2016present", "2016-01", "2026-11"),
    ("• 2005present: Web developer", "2005-01", "2026-11"),
    # ... or where it broke the line after the start, among other words
    ("Manchester, CT | March 2014\nPresent", "2014-03", "2026-11"),
    ("Nestle, Norfolk, CT | Jan 2007\nMar 2008\nMarketing Assistant", "2007-01", "2008-03"),
    ("Paralegal (2013\npresent)", "2013-01", "2026-11"),
    ("Acme\n2001\n2006: Principal Software Engineer", "2001-01", "2006-01"),
    # a slash before "Present"
    ("Feb 2011/Now Mabioca Cinema", "2011-02", "2026-11"),
])
def test_dates_day_dates_lost_dashes_and_open_starts_are_ranges(analyzer, dates, start, end):
    (period,) = analyzer.analyze(_job(dates)).periods
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("dates", [
    "2001  2007",  # two bare years side by side: too often something else
    "August 2010 June 2012",  # one space is no lost dash
    "Since 2015, resolved 40 tickets a day",  # a duty's words
    "Windows 2000  2003 Server",
    "Jan 15 - Dec 19",  # without the apostrophe, days of a month
    "Scored 9/10 - top of the class",  # a short date alone is no range
    "1/2 - 3/4 of the budget",  # fractions: no two-digit year
    "GPA 3.50 - 4.00",
    "Call 555-04-12-2019",  # one hyphenated date is no range
    "2007\n2010",  # two bare years stacked: as side by side
    "Joined in May 2010\nPresent at every release",  # ends that are not alone on their lines
    "Ref. 20132015 for the contract",  # eight digits inside a line are a number
    "20152013",  # an end before its start
    "Education\n2007\n2010 University of Art",  # bare years stacked, not before a colon or bracket
    "Windows 2000\n2003 Server",
    "Graduated May 2013\nPresented a thesis",  # "Present" only as a word of its own, closing the line
    "Migrated servers from Windows Server 2008 to 2016.",  # two versions of a product named by its year
    "Upgraded SQL Server 2012 - 2019 across 40 hosts",
    "Led the SharePoint 2010 to 2013 migration",
])
def test_dates_no_range_without_a_dash_month_or_open_word(analyzer, dates):
    # (the job's title line is an undated job since the seventeenth session: no dates, no years)
    assert [p for p in analyzer.analyze(_job(dates)).periods if p.start or p.months] == []


_HEAD = "Jane Doe\njane@example.com\n\nEXPERIENCE\nIT Project Manager, Acme, 2016 - 2020\nLed releases.\n"


@pytest.mark.parametrize("entry, kind", [
    # a degree or a credential heading a dated entry, under no job title, is no work, whatever
    # section the layout put it in
    ("B.S. in Computer Science, State University, 2010 - 2014\n", "education"),
    ("B.S. in Computer Science\n2010 - 2014\n", "education"),
    # ... or below bare dates, as a sidebar's education reads after the body's jobs (the line above a
    # contact, no job's title)
    ("linkedin.com/in/jdoe\n2010 - 2014\nBS, Computer Science\n", "education"),
    ("linkedin.com/in/jdoe\n2010 - 2014\nBEng, Software Engineering\n", "education"),  # no engineer's title
    ("Project Management Professional (PMP), 2012 - 2015\n", "credential"),
    ("\nCERTIFICATIONS\nCertified ScrumMaster (CSM), Scrum Alliance, 2012 - 2015\n", "credential"),
    # a job's title that names a credential, and a job under a credential's name, stay work
    ("Scrum Master (CSM), Initech, 2012 - 2015\nRan the sprints of two teams.\n", "work"),
    ("Project Manager, Initech (PMP), 2012 - 2015\nRan the releases.\n", "work"),
    ("Systems Analyst, Initech\n2012 - 2015\nB.S. in Computer Science coursework paid by Initech\n", "work"),
    ("2012 - 2015\nCertified Public Accountant, Deloitte\nAudited the books of three clients.\n", "work"),
])
def test_dates_a_degree_or_credential_heading_an_entry_is_no_work(analyzer, entry, kind):
    analysis = analyzer.analyze(_HEAD + entry)
    first, second = analysis.periods
    assert (str(first.kind), str(second.kind)) == ("work", kind)
    assert analysis.experience_years == (7.0 if kind == "work" else 4.0)


@pytest.mark.parametrize("line, title", [
    # a title keeps the brackets it closes ...
    ("Project Manager (Contract), Initech, 2012 - 2015", "Project Manager (Contract), Initech"),
    ("Project Management Professional (PMP), 2012 - 2015", "Project Management Professional (PMP)"),
    # ... and loses those that the dates or the layout left open
    ("Project Manager, Initech (2012 - 2015)", "Project Manager, Initech"),
    ("(Project Manager, Initech) 2012 - 2015", "Project Manager, Initech"),
    # the colon after dates is theirs, not the title's
    ("2012 - 2015: Project Manager, Initech", "Project Manager, Initech"),
])
def test_dates_a_title_keeps_only_its_own_brackets(analyzer, line, title):
    (_, period) = analyzer.analyze(_HEAD + line + "\n").periods
    assert period.title == title


@pytest.mark.parametrize("dates, entries", [
    # the same range written twice in a row dates one entry ...
    ("June 2016 to Present\nJune 2016 - Till date", 1),
    # ... while the same dates of two entries, with words between, are two
    ("June 2016 to Present\nRan the help desk.\nNetwork Administrator, Initech\nJune 2016 - Present", 2),
])
def test_dates_the_same_range_twice_in_a_row_is_one_entry(analyzer, dates, entries):
    assert len(analyzer.analyze(_job(dates)).periods) == entries


@pytest.mark.parametrize("above, below, title", [
    # a duty written without a full stop, above the next entry's dates: the title is the line below
    ("Prepared the annual 5500 support schedules for the 401(k) auditors", "Accounting Clerk", "Accounting Clerk"),
    ("Reconciled vendor statements and kept the files in order every month", "Accounting Clerk", "Accounting Clerk"),
    # the twins: a title above the dates that opens with a past participle stays the title
    ("Certified Public Accountant, Audit Practice, Deloitte LLP", "Prepared audit workpapers for three clients",
     "Certified Public Accountant, Audit Practice, Deloitte LLP"),
    ("Licensed Practical Nurse, Mercy Hospital Surgical Ward", "Gave medications to twenty patients a shift",
     "Licensed Practical Nurse, Mercy Hospital Surgical Ward"),
])
def test_dates_a_duty_without_a_full_stop_is_not_the_next_title(analyzer, above, below, title):
    text = ("Jane Doe\njane@example.com\n\nEXPERIENCE\nStaff Accountant\nJanuary 2013 to July 2016 Boston, MA\n"
            f"Posted journal entries.\n{above}\nFebruary 2011 to November 2012 Boston, MA\n{below}\nScanned records\n")
    periods = analyzer.analyze(text).periods
    assert [p.title for p in periods] == ["Staff Accountant", title]


@pytest.mark.parametrize("line", [
    "Operations Executive, Back Office 2012 - 2015",  # "Office" is also an ordinary word
    "Server, The Grill House 2012 - 2015",  # a waiter's job: the word opens the line, no product before the year
])
def test_dates_a_range_after_a_word_that_is_no_product_is_a_range(analyzer, line):
    (period,) = analyzer.analyze(f"Jane Doe\njane@example.com\n\nEXPERIENCE\n{line}\n• Served guests\n").periods
    assert (period.start, period.end) == ("2012-01", "2015-01")


@pytest.mark.parametrize("above, title", [
    ("Page 1 of 2", "Accounting Clerk"),  # a page's running marker names no job
    ("Reference: Mike Dunn, shift supervisor (901) 555-0186", "Accounting Clerk"),  # nor someone's phone
    ("Jane Doe", "Accounting Clerk"),  # nor the candidate's name in a running header
    ("Analyst II, Unit 4", "Analyst II, Unit 4"),  # the twin: numbers that are no phone, a title above
])
def test_dates_page_markers_contacts_and_the_name_are_no_title(analyzer, above, title):
    text = ("Jane Doe\njane@example.com\n\nEXPERIENCE\nStaff Accountant\nJanuary 2016 to Present Boston, MA\n"
            f"Posted journal entries.\n{above}\nMarch 2012 to December 2015 Boston, MA\nAccounting Clerk\n"
            "Scanned records\n")
    assert [p.title for p in analyzer.analyze(text).periods] == ["Staff Accountant", title]


@pytest.mark.parametrize("entries, dated", [
    # years a duty of a dated entry mentions, inside its period, date no entry of their own ...
    ("Service Desk Supervisor, Acme\nJan 2019 - Present\n"
     "• Mentored five summer interns each year from 2021 to 2025 and organized their training plan\n",
     [("2019-01", "2026-11")]),
    # ... years outside the entry's period do (a duty can be no judge of that) ...
    ("Service Desk Supervisor, Acme\nJan 2019 - Dec 2020\n"
     "• Mentored five summer interns each year from 2021 to 2025 and organized their training plan\n",
     [("2019-01", "2020-12"), ("2021-01", "2025-01")]),
    # ... as do jobs told as sentences one after another, and a job inside another's years
    ("Worked as a tester at Wipro from 2012 to 2016 on banking projects.\n"
     "Worked as a Java developer at Infosys from 2016 to 2019 on payment systems.\n",
     [("2012-01", "2016-01"), ("2016-01", "2019-01")]),
    ("Project Manager, Infosys, 2010 - 2020\nLed the payments team.\nDelivery Manager, Infosys, 2015 - 2018\n"
     "Ran delivery for two accounts.\n", [("2010-01", "2020-01"), ("2015-01", "2018-01")]),
])
def test_dates_years_a_duty_mentions_inside_its_entry_date_no_entry(analyzer, entries, dated):
    periods = analyzer.analyze(f"Raj Kumar\nraj@example.com\n\nEXPERIENCE\n{entries}").periods
    assert [(p.start, p.end) for p in periods] == dated


_PAYMENTS = "Built Java services and SQL databases for the payments platform; ran releases and code reviews."


_EARLIER = "Cashier, Corner Shop, 2012 to 2015\nServed customers at the till.\n"


@pytest.mark.parametrize("jobs, titles, relevant", [
    # titles stacked under one employer, each with its dates, share the duties under the last, up to
    # the next dated entry ...
    (f"Team Lead, 2018 to Present\nAnalyst, 2015 to 2018\n{_PAYMENTS}\n{_EARLIER}", ["Team Lead", "Analyst", "Cashier, Corner Shop"],
     [True, True, False]),
    # ... and the next one's line is no title of the first; the twins: a list of dated jobs that ends
    # the section shares nothing (what follows its last is no one's duties), nor do entries that
    # each have their own duties
    (f"Team Lead, 2018 to Present\nAnalyst, 2015 to 2018\n{_PAYMENTS}\n", ["Team Lead", "Analyst"], [False, True]),
    (f"Team Lead, 2018 to Present\nRan the branch's cash office and opened new accounts.\nAnalyst, 2015 to 2018\n"
     f"{_PAYMENTS}\n{_EARLIER}", ["Team Lead", "Analyst", "Cashier, Corner Shop"], [False, True, False]),
])
def test_dates_titles_stacked_under_one_employer_share_its_duties(analyzer, jobs, titles, relevant):
    periods = _periods(analyzer, f"Northwind Bank, Atlanta, GA\n{jobs}\nEDUCATION\nB.A. History, 2014\n")
    assert [p.title for p in periods] == titles
    assert [p.relevant for p in periods] == relevant


@pytest.mark.parametrize("company", ["Deloitte LLP, Boston, MA", "Northwind Traders"])
def test_dates_a_company_on_the_dates_line_keeps_the_title_above_in_the_entry(analyzer, company):
    """The twin of the rules above: under its title, a company on the dates' line (even one whose
    name holds a title, "Traders") is no title there, and the title above stays the entry's."""
    first, second = _periods(analyzer, f"IT Project Manager\n{company}   Jan 2015 – Present\n• Ran the ERP rollout for "
                                       "300 users.\nCashier\nCorner Shop   2010 - 2014\n• Served customers at the till.\n")
    assert first.relevant and "Project" in first.why
    assert not second.relevant
    # the title is the line above, the company beside it: the job is the role itself
    assert first.title == f"IT Project Manager | {company}" and first.role
    assert second.title == "Cashier | Corner Shop"


@pytest.mark.parametrize("duty", [
    "Ran the ERP rollout for 300 users",
    # a duty that holds a word some people's title is ("servers", "vendors"), in a duty's lower case
    "Administration and maintenance of Linux servers",
    "Daily management of 3 vendors",
])
def test_dates_a_duty_above_a_company_on_the_dates_line_is_no_title(analyzer, duty):
    """The twin: the line above the company's line of dates is the entry above's last duty, written
    without a full stop; it is no part of the next entry's title."""
    first, second = _periods(analyzer, f"IT Project Manager\nNorthwind Traders   Jan 2015 – Present\n{duty}\n"
                                       "Corner Shop   2010 - 2014\n• Served customers at the till.\n")
    assert first.title == "IT Project Manager | Northwind Traders" and first.role
    assert duty not in second.title and not second.role


@pytest.mark.parametrize("line, titled", [
    ("IT Project Manager", True), ("Director of Software Development", True), ("SENIOR ACCOUNTANT", True),
    ("Head of Sales with Acme", True),
    ("Administration and maintenance of Linux servers", False), ("Daily management of 3 vendors", False),
    ("Software developer", False), ("", False),
])
def test_dates_a_title_is_written_in_a_titles_capitals(line, titled):
    assert title_cased(line) is titled


@pytest.mark.parametrize("line, beside", [
    # a dash after the dates parts them from the company ...
    ("2014 - 2016 - We4IT GmbH Bremen", "We4IT GmbH Bremen"),
    ("Jan 2015 – Present – Acme Corp", "Acme Corp"),
    # ... while a dash that opens the line still marks a list's item, a duty
    ("- Led the migration, 2014 - 2016", ""),
])
def test_dates_a_dash_after_the_dates_is_no_list_mark(line, beside):
    (period,) = find_periods(line, AS_OF)
    assert title_beside(line, period.char_start, period.char_end) == beside


_DATES_FIRST = ("Jan 2015 - Present\nIT Project Manager\nAcme Corporation, Boston\n• Led the ERP rollout across four sites\n"
                "Mar 2010 - Dec 2014\nCashier\nCorner Shop, Chicago\n• Served customers at the till\n")


@pytest.mark.parametrize("jobs, titles, role", [
    # dates that head their entries, each over its title: the lines above the second entry's dates
    # are the first entry's (its company and duties), not the second job's title
    (_DATES_FIRST, ["IT Project Manager", "Cashier"], [True, False]),
    # the twins: titles over their dates, with the company below ...
    ("IT Project Manager\nJan 2015 - Present\nAcme Corporation, Boston\n• Led the ERP rollout across four sites\n"
     "Cashier\nMar 2010 - Dec 2014\nCorner Shop, Chicago\n• Served customers at the till\n",
     ["IT Project Manager", "Cashier"], [True, False]),
    # ... a list of dates each over its title, whatever the title's case or length once the list has
    # begun: the line above each is the title of the entry above ...
    ("1983 - 1989\nDeputy Secretary, Aviation Conference\n1982 - 1983\nAir Transport Officer, Aviation Conference\n"
     "1977 - 1982\nNegotiator of air transport agreements, Civil Aviation Administration\n1970 - 1973\n"
     "Adviser in the Office of the Dean of the Paris Academy in charge of relations with universities\n",
     ["Deputy Secretary, Aviation Conference", "Air Transport Officer, Aviation Conference",
      "Negotiator of air transport agreements, Civil Aviation Administration",
      "Adviser in the Office of the Dean of the Paris Academy in charge of relations wi"], [False] * 4),
    # ... titles each over a line of dates and a company, whose line below is the next title ...
    ("Senior Analyst\n2015 - 2018 - Acme Corp\nSystem Administrator\n2012 - 2015 - Beta Corp\n• Patched the servers.\n",
     ["Senior Analyst | Acme Corp", "System Administrator | Beta Corp"], [False, False]),
    # ... an export's title, company (withheld, in lower case) and dates: the company is no duty of
    # the entry above, and the line below the dates is the next entry's title ...
    ("Sr. Test Manager\nconfidential - Bengaluru, Karnataka -\nJuly 2013 to March 2017\nTest Manager, Client\n"
     "Oracle SSI - London -\nJanuary 2011 to November 2012\n• Ran the test team.\n",
     ["Sr. Test Manager | confidential - Bengaluru, Karnataka", "Test Manager, Client | Oracle SSI - London"],
     [False, False]),
    # ... and a company over its dates, with the title below: the company stays in the title
    ("Acme Corporation\nJan 2015 - Present\nIT Project Manager\n• Led the ERP rollout across four sites\n"
     "Corner Shop\nMar 2010 - Dec 2014\nCashier\n• Served customers at the till\n",
     ["IT Project Manager | Acme Corporation", "Cashier | Corner Shop"], [True, False]),
])
def test_dates_that_head_their_entries_have_their_titles_below(analyzer, jobs, titles, role):
    periods = _periods(analyzer, f"{jobs}\nEDUCATION\nB.A. History, 2009\n")
    assert [p.title for p in periods] == titles
    assert [p.role for p in periods] == role


@pytest.mark.parametrize("jobs, kinds", [
    # an intern's title under dates that head their entries makes an internship ...
    ("Jun 2019 - Aug 2019\nSoftware Engineering Intern\nAcme Corp\n• Built a tool.\nJan 2020 - Present\n"
     "Software Engineer\nBeta Corp\n• Built services.", ["internship", "work"]),
    # ... and the one above such dates, the entry above's title, does not make this one an internship
    ("Jun 2019 - Aug 2019\nSoftware Engineering Intern\nAcme Corp\nJan 2020 - Present\n"
     "Software Engineer\nBeta Corp\n• Built services.", ["internship", "work"]),
])
def test_dates_that_head_their_entries_find_an_intern_below_them(analyzer, jobs, kinds):
    periods = _periods(analyzer, f"{jobs}\n")
    assert [p.kind for p in periods] == kinds


_DUTY = "Led the ERP rollout across four sites and managed a $2M budget"
_TILL = "Served customers at the till and balanced the cash drawer"


@pytest.mark.parametrize("jobs", [
    f"IT Project Manager — Acme Corp — Boston, MA — 01/2015 – Present\n• {_DUTY}\n"
    f"Cashier — Corner Shop — Chicago, IL — 03/2010 – 12/2014\n• {_TILL}",
    f"Acme Corp, Boston, MA\nIT Project Manager\n01/2015 – Present\n• {_DUTY}\n"
    f"Corner Shop, Chicago, IL\nCashier\n03/2010 – 12/2014\n• {_TILL}",
    f"IT Project Manager\nAcme Corp | Boston, MA | Jan 2015 – Present\n• {_DUTY}\n"
    f"Cashier\nCorner Shop | Chicago, IL | Mar 2010 – Dec 2014\n• {_TILL}",
    f"IT Project Manager\nAcme Corporation   Jan 2015 – Present\n{_DUTY}\nCashier\nCorner Shop   Mar 2010 – Dec 2014\n{_TILL}",
    f"IT Project Manager 06/2015 to Current\nCompany Name － City , State\n{_DUTY}\n"
    f"Cashier 03/2010 to 12/2014\nCompany Name － City , State\n{_TILL}",
    f"Company Name City , State IT Project Manager 06/2015 to Current\n{_DUTY}\n"
    f"Company Name City , State Cashier 03/2010 to 12/2014\n{_TILL}",
    f"06/2015 to Current Company Name City , State IT Project Manager\n{_DUTY}\n"
    f"03/2010 to 12/2014 Company Name City , State Cashier\n{_TILL}",
    f"Jan 2015 – Present   IT Project Manager, Acme Corp\n• {_DUTY}\nMar 2010 – Dec 2014   Cashier, Corner Shop\n• {_TILL}",
    f"2015 – present\nIT Project Manager, Acme Corp, Boston\n{_DUTY}\n2010 – 2014\nCashier, Corner Shop, Chicago\n{_TILL}",
    f"IT Project Manager\nJan 2015 – Present\nAcme Corp\n{_DUTY}\nCashier\nMar 2010 – Dec 2014\nCorner Shop\n{_TILL}",
    f"Acme Corp   Jan 2015 – Present\nIT Project Manager\n{_DUTY}\nCorner Shop   Mar 2010 – Dec 2014\nCashier\n{_TILL}",
    f"Jan 2015 - Present\nIT Project Manager\nAcme Corp, Boston\n• {_DUTY}\nMar 2010 - Dec 2014\nCashier\n"
    f"Corner Shop, Chicago\n• {_TILL}",
    f"2015 - Present - Acme Corp\nIT Project Manager\n{_DUTY}\n2010 - 2014 - Corner Shop\nCashier\n{_TILL}",
    f"IT Project Manager\n2015 - Present - Acme Corp\n{_DUTY}\nCashier\n2010 - 2014 - Corner Shop\n{_TILL}",
], ids=["one line", "company title dates", "title company-pipe-dates", "title over company dates",
        "livecareer title dates", "livecareer company title dates", "livecareer dates company title",
        "dates left", "dates over title", "title dates company", "company dates title", "dates first",
        "dates-company over title", "title over dates-company"])
def test_dates_common_layouts_of_an_entrys_head(analyzer, jobs):
    """Two jobs, an IT project manager's and a cashier's, in the layouts resumes commonly give an
    entry's head: each job keeps its own title, and only the first is the role itself."""
    periods = _periods(analyzer, f"{jobs}\n\nEDUCATION\nB.A. History, 2009\n")
    assert [p.role for p in periods] == [True, False]
    assert "IT Project Manager" in periods[0].title and "Cashier" in periods[1].title
    assert "Cashier" not in periods[0].title and "Project" not in periods[1].title


@pytest.mark.parametrize("jobs, titles, role", [
    # a company's dates over the title, with no duties: the line above the next company's dates is
    # the entry above's title, not this one's ...
    ("Acme Corp   Jan 2018 - Present\nIT Project Manager\nBeta Inc   Jan 2010 - Dec 2017\nHelp Desk Technician\n",
     ["IT Project Manager | Acme Corp", "Help Desk Technician | Beta Inc"], [True, False]),
    # ... a deed above a company's dates is no title, however it is capitalised ...
    ("IT Project Manager\nAcme Corp   Jan 2018 - Present\nPromoted to Senior Project Manager\n"
     "Beta Inc   Jan 2010 - Dec 2017\n• Answered the service desk's calls.\n", None, [True, False]),
    # ... and a title above its dates, after a list of dates that head their entries, is this entry's
    ("Jan 2018 - Present\nIT Project Manager\nAcme Corp\n- Led the PMO.\nSenior Systems Analyst, Beta Inc\n"
     "Jan 2015 - Dec 2017\n- Built reports for the finance team.\n",
     ["IT Project Manager", "Senior Systems Analyst, Beta Inc"], [True, False]),
])
def test_dates_the_entry_above_keeps_its_own_lines(analyzer, jobs, titles, role):
    periods = _periods(analyzer, jobs)
    if titles is not None:
        assert [p.title for p in periods] == titles
    assert [p.role for p in periods] == role
    assert "Promoted" not in periods[-1].title


_INTERN = ("Jane Doe\njane@example.com\n\nEXPERIENCE\nSoftware Engineer, Acme Corp, Jan 2020 - Present\n"
           "• Built Java services and REST APIs\nSoftware Engineering Intern, Beta Inc, Jun 2019 - Aug 2019\n"
           "• Built Java tools for the build team\n• Fixed bugs in Python scripts\n")
_DEVELOPER = ("name: dev\ntitle: Software Developer\nversion: 1\ncategory_weights: {experience: 10}\n"
              "requirements:\n  - id: experience.years\n    category: experience\n    label: Years of software work\n"
              "    kind: required\n    weight: 1\n    source: posting\n")


@pytest.mark.parametrize("model_asks_one", [True, False])
def test_dates_an_intern_is_an_internship_under_every_model(analyzer, tmp_path, model_asks_one):
    from resumematch.score.facts import jobs, jobs_text

    if model_asks_one:  # the bundled model asks for an internship: its months are that, not work
        reader = analyzer
    else:  # a model that asks none: the same period, an internship, counted as work
        path = tmp_path / "dev.yaml"
        path.write_text(_DEVELOPER, encoding="utf-8")
        reader = Analyzer(str(path), as_of=AS_OF)
    analysis = reader.analyze(_INTERN)
    assert [p.kind for p in analysis.periods] == ["work", "internship"]
    assert analysis.internship_years == 0.17
    assert analysis.relevant_experience_years == (6.83 if model_asks_one else 7.0)
    (cell,) = [j for j in jobs_text(jobs(analysis)).split("; ") if j.startswith("Software Engineering Intern")]
    assert "an internship" in cell and (cell.split("): ")[1].startswith("counted") is not model_asks_one)
    # no finding of the words read for the periods' kind shows as evidence or as an "other" term
    assert model_asks_one or not [e for e in analysis.entities if e.category == "internship"]


@pytest.mark.parametrize("model_asks_one", [True, False])
@pytest.mark.parametrize("entry", [
    "Engineering Manager, Acme Corp, Jan 2020 - Present\n• Hired and mentored five summer interns\n",
    "Campus and Intern Recruiter, Acme, Jan 2015 - Dec 2020\n• Ran campus fairs\n",
    "Internship Program Coordinator, Acme, Jan 2015 - Dec 2020\n• Placed 40 students\n",
    "Campus Recruiter, Acme, Jan 2015 - Dec 2020\n• Ran intern interviews and intern onboarding\n",
    "Jan 2015 - Dec 2020\nStaff Accountant, Acme\n- Reviewed intern timesheets\n",
])
def test_dates_a_job_about_interns_stays_a_job_under_every_model(analyzer, tmp_path, model_asks_one, entry):
    path = tmp_path / "dev.yaml"
    path.write_text(_DEVELOPER, encoding="utf-8")
    reader = analyzer if model_asks_one else Analyzer(str(path), as_of=AS_OF)
    analysis = reader.analyze(f"Jane Doe\njane@example.com\n\nEXPERIENCE\n{entry}")
    assert [p.kind for p in analysis.periods] == ["work"]


@pytest.mark.parametrize("entry", [
    # how firms name their internships: each is the candidate's own
    "Summer Internship Program - Audit, KPMG, Jun 2019 - Aug 2019\n• Tested controls\n",
    "Intern Cohort Member, Deloitte Discovery Program, Jun 2019 - Aug 2019\n• Tested controls\n",
    "Intern Applications Developer, Acme, Jun 2019 - Aug 2019\n• Built apps\n",
])
def test_dates_a_firms_name_for_its_internship_is_an_internship(analyzer, entry):
    analysis = analyzer.analyze(f"Jane Doe\njane@example.com\n\nEXPERIENCE\n{entry}")
    assert [p.kind for p in analysis.periods] == ["internship"]


@pytest.mark.parametrize("experience, jobs", [
    # a work history that dates its jobs by one year each: each job is that year's (seventeenth session;
    # they had dated nothing, so the years, the years in the role and the latest job were all 0) ...
    ("ACCOUNTING MANAGER\nCompany Name, Louisville, KY\n2014\n• Managed a team of five accountants\n"
     "PLANT ACCOUNTANT\nCompany Name, Louisville, KY\n2010\n• Prepared work-in-process reconciliations\n",
     [("2014-01", "2014-12"), ("2010-01", "2010-12")]),
    ("Accounts Receivable Clerk 2018 Fairway Enterprises Boise, Idaho\n• Posted customer payments\n",
     [("2018-01", "2018-12")]),
    # ... the twins: a year in a duty, in a sentence or after a product names no job, and a history
    # with a range reads its ranges only
    ("Accounts Receivable Clerk, Fairway Enterprises\n• Cut days sales outstanding to 18 in 2018\n"
     "Joined the firm in 2018 and moved every ledger from Sage to NetSuite within one year.\n"
     "Administered Windows Server 2012\n", []),
    ("ACCOUNTING MANAGER\nCompany Name\nJan 2015 - Present\n• Led the close\nPLANT ACCOUNTANT\nCompany Name\n2010\n",
     [("2015-01", "2026-11")]),
])
def test_dates_a_year_alone_on_a_jobs_line_dates_that_year(analyzer, experience, jobs):
    periods = _periods(analyzer, experience + "\nEDUCATION\nB.S. Accounting, 2006\n")
    assert [(p.start, p.end) for p in periods if p.kind == "work" and p.start] == jobs


@pytest.mark.parametrize("line", [
    # a year on a duty's, a deed's, a referee's, an award's or a founding's line dates no job (a review
    # of the seventeenth session found each read as a job of that year)
    "• Completed accounting software migration 2023",
    "Passed all four CPA exam sections 2024",
    "Reference: Maria Gomez, Accounting Manager, 2021",
    "Top Performer Award 2024",
    "Staff Accountant of the Quarter 2018",
    "Miller & Sons Hardware, Est. 1998",
])
def test_dates_a_year_on_a_line_that_is_no_jobs_dates_nothing(analyzer, line):
    experience = f"STAFF ACCOUNTANT\nCompany Name, Louisville, KY\n2014\n{line}\n"
    periods = _periods(analyzer, experience + "\nEDUCATION\nB.S. Accounting, 2006\n")
    assert [(p.start, p.end) for p in periods if p.kind == "work"] == [("2014-01", "2014-12")]


def test_dates_jobs_dated_by_a_year_alone_keep_the_unread_dates_flag(analyzer):
    """A year alone says little of how long a job lasted: the recruiter is still told the dates were
    not read as ranges, and its twin, a history with a range, is not flagged."""
    from resumematch.analyze.review import date_flags

    lone = "Jane Doe\njane@example.com\n\nEXPERIENCE\nSTAFF ACCOUNTANT\nAcme\n2021\nBOOKKEEPER\nAcme\n2016\n"
    ranged = "Jane Doe\njane@example.com\n\nEXPERIENCE\nSTAFF ACCOUNTANT\nAcme\n2016 - 2021\n"
    assert date_flags(lone, analyzer.analyze(lone)) == ("unread_dates:2",)
    assert date_flags(ranged, analyzer.analyze(ranged)) == ()


@pytest.mark.parametrize("experience, jobs", [
    # a work history that dates nothing names its jobs all the same: each title line is an undated job,
    # and the first is the latest (seventeenth session; such a resume had no job at all) ...
    ("SENIOR ACCOUNTANT Summit LLC Pittsburgh, Pennsylvania\n* Owned the month-end close.\n"
     "Staff Accountant, Summit LLC\n* Reconciled bank accounts.\n", ["SENIOR ACCOUNTANT Summit LLC Pittsburgh, "
                                                                       "Pennsylvania", "Staff Accountant, Summit LLC"]),
    # a title over the line that says where the job was, over its duties (eighteenth session)
    ("Senior HR Generalist\nValley Children's Clinic Reno , NV\n• Investigated employee complaints.\n"
     "HR Coordinator\nGranite Insurance Group\n• Processed new-hire paperwork.\n",
     ["Senior HR Generalist", "HR Coordinator"]),
    # a company line of a name alone, and an organisation whose name tells a trade (a review's finds)
    ("Software Engineer\nGoogle\n- Built search features.\nCharge Nurse\nSunrise Senior Living\n- Led shifts.\n"
     "Registered Nurse\nValley Nursing Center\n- Cared for patients.\n",
     ["Software Engineer", "Charge Nurse", "Registered Nurse"]),
    # titles with a project's, a course's or a body's word inside, and an association as the employer
    ("Project Manager\nMercy Hospital, Reno, NV\n- Led builds.\nClinical Training Specialist\nRenown\n- Trained "
     "staff.\nVolunteer Coordinator\nHabitat for Humanity\n- Coordinated crews.\nNurse Educator\nAmerican Heart "
     "Association\n- Taught classes.\n",
     ["Project Manager", "Clinical Training Specialist", "Volunteer Coordinator", "Nurse Educator"]),
    # ... the twins: duties and sentences that name a title are no jobs, and a dated history keeps its dates
    ("• Reported to the IT Manager on every release\nManaged the budget of the Staff Accountant team.\n", []),
    # a list of skills or credentials is none, whatever follows it: the line under a title says no place
    ("IT Project Management\nHelp Desk Support\nNetwork Administration\n", []),
    ("Project Management\nBudgeting\n• Led a team of five.\nNurse Leadership\nTeam Building\n• Ran huddles.\n", []),
    # a project, a course, a field of skill, a body one belongs to: none is a job's title
    ("Nurse Scheduling App Project\n- Built an app.\nWound Care Nurse Training\nAmerican Nurses Association\n"
     "- Dressed wounds.\nNursing Skills\nMedication Administration\n• Gave medications.\n"
     "American Organization for Nursing Leadership\n- Passed the exam.\n", []),
    ("Staff Accountant, Summit LLC\nJan 2015 - Dec 2019\n* Reconciled bank accounts.\nBookkeeper, Acme\n", None),
])
def test_dates_a_history_that_dates_nothing_names_its_jobs_undated(analyzer, experience, jobs):
    periods = [p for p in _periods(analyzer, experience + "\nEDUCATION\nB.S. Accounting\n") if p.kind == "work"]
    if jobs is None:
        assert [(p.start, p.end) for p in periods] == [("2015-01", "2019-12")]
    else:
        assert [p.title for p in periods] == jobs and all(p.start == p.end == "" and not p.months for p in periods)


def test_dates_the_first_undated_job_is_the_latest(tmp_path):
    """Through the files table: the latest job is the first one named, said to be undated."""
    from resumematch.run.screener import Screener
    from resumematch.score.facts import jobs_text

    path = tmp_path / "jane.txt"
    path.write_text("Jane Doe\njane@example.com\n\nEXPERIENCE\nStaff Accountant, Summit LLC\n* Reconciled bank "
                    "accounts and prepared journal entries.\nCashier, Corner Shop\n* Ran the till.\n", encoding="utf-8")
    files = Screener("it_project_manager", as_of=AS_OF).screen([path], workers=0).files
    assert files["latest_job"].iloc[0] == "Staff Accountant, Summit LLC (undated)"
    assert "(undated, 0.0 years)" in jobs_text(files["jobs"].iloc[0])
