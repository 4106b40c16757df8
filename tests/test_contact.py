"""The candidate's own phone (issue 24): it comes from their contact details, read line by line
with phonenumbers, never from a supervisor or a reference, a ZIP code or a page number."""

from __future__ import annotations

import datetime as dt

import pytest

from resumematch.analyze import Analyzer
from resumematch.analyze.components.contact import find_phone


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer("it_project_manager", as_of=dt.date(2026, 11, 1))


def phone(analyzer, text: str) -> str | None:
    return analyzer.analyze(text).candidate.phone


#: (someone else's number, the same resume where the number is the candidate's)
OTHERS = [
    ("Jane Doe\njane@x.com\n\nEXPERIENCE\nAnalyst, Acme, 2019 - 2021\nSupervisor: Jane Roe (404) 555-0177\n",
     "Jane Doe\njane@x.com\n(404) 555-0177\n\nEXPERIENCE\nAnalyst, Acme, 2019 - 2021\nSupervisor: Jane Roe\n"),
    ("Jane Doe\nSupervisor: Jane Roe (404) 555-0177\njane@x.com\n",
     "Jane Doe\nMobile: (404) 555-0177\njane@x.com\n"),
    ("Jane Doe\njane@x.com\nReference: John Roe\n(404) 555-0177\n",
     "Jane Doe\njane@x.com\nAtlanta, GA\n(404) 555-0177\n"),
    ("Jane Doe\njane@x.com\n\nEXPERIENCE\nAnalyst, Acme, 2019 - 2021\n\nREFERENCES\nJohn Roe, Acme\n(404) 555-0177\n",
     "Jane Doe\njane@x.com\n\nEXPERIENCE\nAnalyst, Acme, 2019 - 2021\n\nCONTACT\nJane Doe\n(404) 555-0177\n"),
]


@pytest.mark.parametrize("others, own", OTHERS, ids=["supervisor", "supervisor-in-header", "reference-line-above",
                                                     "references-section"])
def test_contact_phone_of_a_supervisor_or_reference_is_not_the_candidates(analyzer, others, own):
    assert phone(analyzer, others) is None
    assert phone(analyzer, own) == "(404) 555-0177"


@pytest.mark.parametrize("text, number", [
    # labels on lines of their own: the number is two lines below the email
    ("Jane Doe\n\nPROFILE\nAnalyst.\nEmail:\njane@x.com\nTelephone:\n+92 321 5456789\n\nEXPERIENCE\nAnalyst\n",
     "+92 321 5456789"),
])
def test_contact_phone_near_the_email_is_the_candidates(analyzer, text, number):
    assert phone(analyzer, text) == number
    assert phone(analyzer, text.replace("Email:\njane@x.com\n", "")) is None  # no email: no contact block


def test_contact_phone_in_the_header_wins_over_a_reference_below(analyzer):
    text = ("Jane Doe\njane@x.com | (678) 555-0100\n\nEXPERIENCE\nAnalyst, Acme, 2019 - 2021\n"
            "Supervisor: Jane Roe (404) 555-0177\n\nREFERENCES\nJohn Roe (770) 555-0123\n")
    assert phone(analyzer, text) == "(678) 555-0100"


@pytest.mark.parametrize("text, number", [
    ("Jane Doe\n12 Main St\nLawrenceville, GA 30043\n404.555.0199\njane@x.com\n", "404.555.0199"),  # ZIP above
    ("Jane Doe\nLawrenceville, GA 30043 404.555.0199\njane@x.com\n", "404.555.0199"),  # ZIP beside
    ("Jane Doe\njane@x.com\n2\n404-555-0123\n", "404-555-0123"),  # a page number above
    ("Jane Doe\njane@x.com\nTel: 07700 900123\n", "07700 900123"),  # national, not a U.S. number
    ("Jane Doe\njane@x.com\nPhone: +44 20 7946 0958\n", "+44 20 7946 0958"),
    ("Jane Doe\njane@x.com\n[+65-93804857]\n", "+65-93804857"),  # brackets around it
])
def test_contact_phone_never_takes_a_zip_or_page_number_with_it(analyzer, text, number):
    assert phone(analyzer, text) == number


@pytest.mark.parametrize("text", [
    "Jane Doe\njane@x.com\nCall 555-0199\n",  # seven digits: no area code, may be anything
    "Jane Doe\njane@x.com\nAcme, 2014 - 2017, 2018 - 2020\n",  # year ranges
    "Jane Doe\njane@x.com\nLawrenceville, GA 30043\n",  # a ZIP alone
])
def test_contact_phone_is_none_without_a_whole_number(analyzer, text):
    assert find_phone(text) is None
    assert phone(analyzer, text) is None
