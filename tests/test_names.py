"""The candidate's name: each signal, and each trap, with a positive and a negative twin."""

from __future__ import annotations

import pytest
from builders import build_docx, placed_pdf

from resumematch import extract
from resumematch.analyze.rules.names import clean_name, find_name, is_given_name
from resumematch.extraction.normalize import normalize
from resumematch.extraction.text import extract_text_file, restore_fields
from resumematch.run.screener import Screener


@pytest.fixture(scope="module")
def screener():
    return Screener("it_project_manager")


def name_of(screener, source) -> str | None:
    doc = extract(source.encode() if isinstance(source, str) else source)
    return screener.score_document(doc).analysis.candidate.name


# --------------------------------------------------------------------------- one-line exports

ONE_LINE = ('"Marketing Coordinator Resume Template  Rosa Mendez  12 Harbour Road  Leeds  Phone: 0113 496 0000  '
            'rosa@example.com  Objective  A role in events marketing where I can lead campaigns and '
            'manage budgets  Experience  2019-2023  Contoso  Marketing Coordinator"')


@pytest.mark.parametrize("text, lines", [
    (ONE_LINE, ["Marketing Coordinator Resume Template", "Rosa Mendez", "12 Harbour Road", "Leeds"]),
])
def test_text_restore_fields_splits_a_flattened_export(text, lines):
    restored, count = restore_fields(text)
    assert count == 1
    assert restored.split("\n")[:4] == ['"' + lines[0]] + lines[1:]


@pytest.mark.parametrize("text", [
    "Led the migration.  Two spaces after a full stop, as typists do.\nNext line",
    "Short line  with  a  few  gaps",  # too short to be a whole document
    "A long paragraph " * 20,  # long, but no field breaks
])
def test_text_restore_fields_leaves_ordinary_lines(text):
    assert restore_fields(text) == (text, 0)


@pytest.mark.parametrize("text, name", [(ONE_LINE, "Rosa Mendez")])
def test_names_one_line_export_through_the_text_reader(screener, text, name):
    doc = extract_text_file(text.encode())
    assert any("one-line export" in w for w in doc.warnings)
    assert screener.score_document(doc).analysis.candidate.name == name


# --------------------------------------------------------------------------- signals

@pytest.mark.parametrize("word, known", [("Maria", True), ("josé", True), ("Priya.", True),
                                         ("Technical", False), ("Bangalore", False)])
def test_names_given_name_list(word, known):
    assert is_given_name(word) is known


@pytest.mark.parametrize("text, name", [
    # the first field, with contact details right after it
    ("Oyelaran Adebayo-Cole\noye@example.com\nSUMMARY\nAnalyst", "Oyelaran Adebayo-Cole"),
    # a known given name, a few fields down
    ("Curriculum Vitae\nSenior Business Analyst\nGrace Whitfield\nLondon\nSUMMARY\nAnalyst", "Grace Whitfield"),
    # a label column: "Name:" first, its value several fields later
    ("PERSONAL DETAILS\nName:\nBirth:\nNationality:\nOyelaran Adebayo-Cole\n12.03.1990\nEDUCATION\nBSc",
     "Oyelaran Adebayo-Cole"),
    # a contact heading does not end the search
    ("CURRICULUM VITAE\nPERSONAL DETAILS:\nName: Oyelaran Adebayo-Cole\nNationality: Nigerian\nEDUCATION\nBSc",
     "Oyelaran Adebayo-Cole"),
])
def test_names_found_by_a_second_signal(text, name):
    assert find_name(text, 0)[0] == name


@pytest.mark.parametrize("text", [
    # name-shaped, but nothing speaks for it: not first, no contact nearby, no known given name
    "Innovative engineer with four years of experience\nTechnical Tools\nJava, Python\nfrom concept to delivery",
    # a place first, with no contact details following
    "Bangalore Tavarekere\nVolunteer contestant at a quiz show\nWORK EXPERIENCE\nTester",
    # a label column whose value never comes
    "PERSONAL DETAILS\nName:\nBirth:\nEDUCATION\nBSc Computing",
])
def test_names_none_without_a_second_signal(text):
    assert find_name(text, 0) is None


# --------------------------------------------------------------------------- traps

@pytest.mark.parametrize("raw, cleaned", [
    ("JAN KÜSTER RESUME", "JAN KÜSTER"),            # a trailing "Resume"
    ("Tiffany Padberg April 2019", "Tiffany Padberg"),  # a date after the name
    ("Tanna Cummerata B", "Tanna Cummerata"),      # an icon glyph read as a letter
    ("Keisha Robinson PHR", "Keisha Robinson"),     # a credential of the catalogue after the name
    ("Mary Ann Lee SHRM-CP", "Mary Ann Lee"),
])
def test_names_clean_name_drops_what_follows_a_name(raw, cleaned):
    assert clean_name(raw) == cleaned


@pytest.mark.parametrize("raw, cleaned", [
    ("Jane Resume Writer", "Jane Resume Writer"),   # "Resume" not last: not cut here (name_score rejects it)
    ("June Carter April", "June Carter April"),     # a month with no date after it stays
    ("Anna B. Cole", "Anna B. Cole"),               # a middle initial stays
    ("Dwayne Mitchell Jr.", "Dwayne Mitchell Jr."),  # a generational suffix is the name's
    ("Dwayne Mitchell, Jr.", "Dwayne Mitchell Jr."),
    ("John Smith III", "John Smith III"),
    ("Ana Lima SAGE", "Ana Lima SAGE"),             # capitals that name no credential stay
])
def test_names_clean_name_keeps_what_belongs(raw, cleaned):
    assert clean_name(raw) == cleaned


@pytest.mark.parametrize("text, name", [
    ('"Melani Ivan Feil University Communications, University at Buffalo  mel@example.com  Objective  Writer"',
     "Melani Ivan Feil"),
    ("Allen Neal King ESB Integration Developer - Cisco Systems\nallen@example.com\nEXPERIENCE\nDev",
     "Allen Neal King"),
])
def test_names_name_running_into_other_words(text, name):
    doc = extract_text_file(text.encode())
    assert find_name(doc.text, 0)[0] == name


@pytest.mark.parametrize("text", [
    "San Mateo, CA\nAuthorized to work in the US\nWORK EXPERIENCE\nDeveloper",
    "Create a resume in minutes\nBuild My Resume\n1 Main Street\nPhone: 555-010-2000\nEDUCATION",
    "Sample Resume\nClayton VIC 3204\nMobile - 0412 345 678\nEDUCATION\nBSc",
    "Career Guide\nDePaul Universitys Peer Career Advisors are available on a walk-in basis\nRESUMES\nText",
    "Sample Resume\nTerry Applicant\n11 Cruz Avenue\nEmail: t@example.com\nEDUCATION\nBSc",
])
def test_names_places_pronouns_and_sentences_are_not_names(text):
    assert find_name(text, 0) is None


# --------------------------------------------------------------------------- PDF display lines and DOCX headers

def test_names_pdf_display_line_found_after_a_sidebar(screener):
    pdf = placed_pdf([[(50, 780, "SKILLS"), (50, 765, "Python"), (50, 750, "CONTACT"),
                       (50, 735, "contact@example.com"), (220, 700, "ILYA RUMYANTSEV"),
                       (220, 680, "Automation Consultant"), (220, 660, "PROFILE"),
                       (220, 645, "Consultant with a passion for open source.")]],
                     sizes={"ILYA RUMYANTSEV": 22})
    doc = extract(pdf)
    assert doc.meta["display_lines"] == ["ILYA RUMYANTSEV"]
    assert screener.score_document(doc).analysis.candidate.name == "Ilya Rumyantsev"


def test_names_pdf_display_line_not_a_name_is_ignored(screener):
    pdf = placed_pdf([[(50, 780, "YOUR NAME HERE"), (50, 760, "Your Position or Tagline Here"),
                       (50, 745, "your_name@email.com"), (50, 720, "EXPERIENCE"), (50, 705, "Job Title 1")]],
                     sizes={"YOUR NAME HERE": 22})
    doc = extract(pdf)
    assert doc.meta["display_lines"] == ["YOUR NAME HERE"]
    assert screener.score_document(doc).analysis.candidate.name is None


def test_names_pdf_without_larger_type_has_no_display_lines():
    doc = extract(placed_pdf([[(50, 780, "Rosa Mendez"), (50, 760, "rosa@example.com")]]))
    assert "display_lines" not in doc.meta


@pytest.mark.parametrize("header, name", [
    ("Ngozi Adeyemi", "Ngozi Adeyemi"),
    ("Kwabena Osei-Tutu\tkwabena@example.com\t+233 24 555 0100", "Kwabena Osei-Tutu"),
])
def test_names_docx_header(screener, header, name):
    docx = build_docx(header=header, paragraphs=["Senior IT Project Manager", "SUMMARY", "Led programs"])
    assert name_of(screener, docx) == name


@pytest.mark.parametrize("header", ["Confidential", "Page 1 of 2"])
def test_names_docx_header_without_a_name(screener, header):
    docx = build_docx(header=header, paragraphs=["SUMMARY", "Led programs"])
    assert name_of(screener, docx) is None


@pytest.mark.parametrize("raw, fixed", [("JAN KüSTER", "JAN KÜSTER"), ("MüLLER GmbH", "MÜLLER GmbH")])
def test_normalize_small_caps_with_accents(raw, fixed):
    assert normalize(raw) == fixed


@pytest.mark.parametrize("text", ["Küster", "naïve", "iPhone ÉCOLE"])
def test_normalize_accented_words_left_alone(text):
    assert normalize(text) == text


# --------------------------------------------------------------------------- real wording (issue 24)

BODY = "\n\nEXPERIENCE\nCase Manager, Acme Services, 2019 - 2021\n"


@pytest.mark.parametrize("text, name", [
    ("OBJECTIVE\nTo work as a case manager." + BODY + "\nPERSONAL DETAILS\nFull Name: Maria Elena Duarte\n"
     "Date of Birth: 01/01/1990\n", "Maria Elena Duarte"),
    ("OBJECTIVE\nTo work as a case manager." + BODY + "\nPERSONAL DATA\nFull Name:\nMaria Elena Duarte\n",
     "Maria Elena Duarte"),
    ("Full Name: Maria Elena Duarte\nmaria@example.com" + BODY, "Maria Elena Duarte"),
])
def test_names_full_name_label_gives_the_name(screener, text, name):
    assert name_of(screener, text) == name


@pytest.mark.parametrize("text", [
    # the same label under a section that is not about the candidate: a reference's name
    "OBJECTIVE\nTo work as a case manager." + BODY + "\nREFERENCES\nFull Name: Jane Roe\nPhone: (404) 555-0177\n",
    "OBJECTIVE\nTo work as a case manager." + BODY + "\nPERSONAL DETAILS\nFull Name: 01/01/1990\n",
])
def test_names_full_name_label_elsewhere_or_without_a_name_gives_none(screener, text):
    assert name_of(screener, text) is None


@pytest.mark.parametrize("first_line, name", [
    ("CHILD FAMILY ADVOCATE", None),                   # a job title opening an anonymised resume
    ("HUMAN RESOURCES GENERALIST", None),
    ("Dental Hygienist", None),
    # a title held whole, of three words or more, or of two that no given name opens ...
    ("Full Charge Bookkeeper", None),
    ("Corporate Trainer", None),
    ("HUMAN RESOURCES GENERALIST II", None),
    ("MEDIA RELATIONS MANAGER", None),                 # not its first words, "Media" being a given name
    ("Core Qualifications", None),                     # a heading the section list does not hold
    ("Technical Proficiencies", None),
    ("Atlanta Georgia", None),                         # a place
    ("Albany New York", None),
    ("Maria Baker", "Maria Baker"),                    # a surname that is also a trade
    ("Dean Porter", "Dean Porter"),                    # O*NET holds "Dean / Porter": two titles, no one
    ("Mason Miller", "Mason Miller"),
    # ... while two words a given name opens may be a person's, though O*NET holds them as a title
    ("Clay Miller", "Clay Miller"),
    ("Bill Cutter", "Bill Cutter"),
    ("Derrick Sanders", "Derrick Sanders"),            # given names that are also title words
    ("Oluwaseun Adebayo", "Oluwaseun Adebayo"),        # no known given name, opening the resume
    ("Oluwaseun Baker", "Oluwaseun Baker"),            # a given name before a trade's head, known or not
    ("TENDAI BAKER", "Tendai Baker"),
    ("Thabo Mason", "Thabo Mason"),
    ("MARIA DUARTE", "Maria Duarte"),
    ("Washington Irving", "Washington Irving"),        # a state as a given name
])
def test_names_job_title_heading_or_place_first_line_is_not_a_name(screener, first_line, name):
    text = f"{first_line}\nmaria@example.com | (404) 555-0199\n\nSUMMARY\nCase manager for ten years.\n"
    assert name_of(screener, text) == name


@pytest.mark.parametrize("first_line, name", [
    # a field after a job title on its line is the title's employer or field ...
    ("FINANCE MANAGER - AUTO DEALERSHIP", None),
    # ... not a name, which a given name opens, before or after the title
    ("Jane Doe - Senior Accountant", "Jane Doe"),
    ("JANE DOE | PROJECT MANAGER", "Jane Doe"),
    ("Senior Project Manager - Jane Doe", "Jane Doe"),
    # ... and a field after a title that a given name opens gives way to a name below it
    ("Senior Accountant - Grant Accounting\nJane Smith", "Jane Smith"),
    ("Staff Accountant | Grant Thornton LLP\nJane Smith", "Jane Smith"),
    ("Bill Collector\nTom Reed", "Tom Reed"),
    # ... but a name after a title stays the name over a firm, a place or a tagline below it, a firm
    # named like a person too ("Edward Jones"); a title line gives way to no line that only sits near
    # the contacts
    ("Financial Advisor | Mark Allen\nEdward Jones", "Mark Allen"),
    ("Pharmaceutical Sales Representative - Jane Smith\nEli Lilly", "Jane Smith"),
    ("Staff Accountant - Jane Smith\nGrant Thornton LLP", "Jane Smith"),
    ("Registered Nurse | Maria Lopez\nBoston Medical Center", "Maria Lopez"),
    ("Senior Project Manager | Jane Doe\nGreater Charlotte Area", "Jane Doe"),
    ("Registered Nurse | Maria Lopez\nBilingual English Spanish", "Maria Lopez"),
    ("Bill Collector\nGreater Charlotte Area", "Bill Collector"),
    # a middle initial keeps a name that is also a title whole ("Marina Porter", "Clay Miller")
    ("Marina J. Porter", "Marina J. Porter"),
    ("CLAY R. MILLER", "Clay R. Miller"),
])
def test_names_a_field_after_a_job_title(screener, first_line, name):
    text = f"{first_line}\nmaria@example.com | (404) 555-0199\n\nSUMMARY\nCase manager for ten years.\n"
    assert name_of(screener, text) == name


@pytest.mark.parametrize("first_line, title", [
    # the resume's title line, read as a name ("Diesel" is a given name), takes no job's title ...
    ("DIESEL MECHANIC", "Diesel Mechanic"),
    ("Full Charge Bookkeeper", "Diesel Mechanic"),
    # ... while a name above the same job takes nothing from its title
    ("Maria Baker", "Diesel Mechanic"),
])
def test_names_a_title_line_leaves_the_jobs_title(screener, first_line, title):
    text = (f"{first_line}\nWork Experience\nPinecrest Manufacturing City , State\nDiesel Mechanic 04/2022 - 08/2024\n"
            "• Used scan tools to troubleshoot engines.\n")
    periods = screener.score_text(text).analysis.periods
    assert [p.title.split(" | ")[-1] for p in periods] == [title]


@pytest.mark.parametrize("text, name", [
    ("CHILD FAMILY ADVOCATE\nMaria Duarte\nmaria@example.com\n", "Maria Duarte"),
    ("Full Name: Child Family Advocate\n", "Child Family Advocate"),  # a label speaks for it
])
def test_names_job_title_above_the_name_leaves_the_name(screener, text, name):
    assert name_of(screener, text) == name
