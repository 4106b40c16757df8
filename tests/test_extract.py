"""Extraction from synthetic PDF, DOCX and text files built inside the tests."""

from __future__ import annotations

import hashlib
import io
import json
import random
import zipfile

import builders
import pdfminer.high_level
import pytest
from docx.enum.style import WD_STYLE_TYPE
from reportlab.lib import pdfencrypt
from typer.testing import CliRunner

from resumematch.cli import app
from resumematch.extraction import STATUSES, Document, ExtractOptions, PageSpan, extract
from resumematch.extraction.sniff import sniff
from resumematch.types import DocStatus

# --------------------------------------------------------------------------- helpers


def lines_of(doc: Document) -> list[str]:
    return [line for line in doc.text.split("\n") if line]


def raw_pdf_text(data: bytes) -> str:
    """What plain pdfminer gets, to prove a fixture really contains what a test is about."""
    return pdfminer.high_level.extract_text(io.BytesIO(data))


def assert_failed(doc: Document, status: str, fmt: str, *reason_parts: str) -> None:
    assert doc.status == status, (doc.status, doc.reason)
    assert doc.format == fmt
    assert doc.text == "" and doc.pages == ()
    assert not doc.ok
    for part in reason_parts:
        assert part in doc.reason, doc.reason


# --------------------------------------------------------------------------- PDF: layout

RESUME_LINES = [
    "Jane Example",
    "Senior Data Engineer",
    "Experience",
    "Acme Corp, 2019 - 2023",
    "Built streaming pipelines in Kafka and Flink",
    "Education",
    "BSc Computer Science, University of Leeds",
]


@pytest.mark.parametrize("pages", [
    [RESUME_LINES],
    [RESUME_LINES[:4], RESUME_LINES[4:]],
], ids=["one-page", "two-pages"])
def test_pdf_one_column_reads_lines_in_order(pages):
    doc = extract(builders.lines_pdf(pages))
    assert doc.status == "ok" and doc.format == "pdf"
    assert lines_of(doc) == [line for page in pages for line in page]
    assert [span.number for span in doc.pages] == list(range(1, len(pages) + 1))
    for span, page in zip(doc.pages, pages):
        assert doc.text[span.start:span.end] == "\n".join(page)
        assert doc.page_of(span.start) == span.number


LEFT = ["Education", "BSc Computer Science", "University of Leeds", "Skills", "Python and SQL",
        "Docker and Kubernetes", "Languages", "English and French", "Certifications",
        "AWS Solutions Architect"]
RIGHT = ["Experience", "Senior data engineer at Acme", "Built streaming pipelines in Kafka",
         "Cut cloud costs by forty percent", "Data engineer at Globex",
         "Designed the warehouse schema", "Mentored three junior engineers", "Projects",
         "Open source contributor to Airflow", "Speaker at PyData London"]


@pytest.mark.parametrize("layout", [
    {},                                                  # shared baselines: the hardest case
    {"right_leading": 17, "right_top": 770},             # different leading
    {"header": "Jane Example | jane@example.com | London"},
    {"right_x": 50 + max(builders.text_width(t) for t in LEFT) + 12},   # a 12 pt gutter
    {"header": "Jane Example | jane@example.com | +44 20 7946 0000 | London, United Kingdom",
     "footer": "References available on request from previous employers and clients"},
], ids=["shared-baselines", "own-leading", "short-header", "narrow-gutter", "long-header-footer"])
def test_pdf_two_column_never_mixes_columns(layout):
    doc = extract(builders.two_column_pdf(LEFT, RIGHT, **layout))
    assert doc.status == "ok"
    lines = lines_of(doc)
    expected_single = set(LEFT) | set(RIGHT) | {layout.get("header"), layout.get("footer")}
    mixed = [line for line in lines if line not in expected_single]
    assert mixed == [], f"lines mixing both columns: {mixed}"
    # Each column reads top to bottom as one block.
    assert [ln for ln in lines if ln in LEFT] == LEFT
    assert [ln for ln in lines if ln in RIGHT] == RIGHT
    left_at = [lines.index(t) for t in LEFT]
    right_at = [lines.index(t) for t in RIGHT]
    assert max(left_at) < min(right_at) or max(right_at) < min(left_at)
    if "header" in layout:
        assert lines[0] == layout["header"]
    if "footer" in layout:
        assert lines[-1] == layout["footer"]


ENTRIES = [
    ("Senior Data Engineer, Acme Corp", "Mar 2019 - Present", ["Built streaming pipelines in Kafka",
                                                              "Cut cloud costs by forty percent"]),
    ("Data Engineer, Globex", "2016 - 2019", ["Designed the warehouse schema", "Mentored three junior engineers"]),
    ("Analyst, Initech", "Seoul, S.Korea", ["Automated weekly reports in Python"]),
]


@pytest.mark.parametrize("entries", [ENTRIES], ids=["awesome-cv-like"])
def test_pdf_dates_beside_entries_stay_with_their_entry(entries):
    """A date or place right-aligned on the entry's own row is not a second column."""
    runs, y = [], builders.TOP
    for title, date, bullets in entries:
        runs += [(72, y, title), (540 - builders.text_width(date), y, date)]
        y -= builders.LEADING
        for bullet in bullets:
            runs.append((84, y, "- " + bullet))
            y -= builders.LEADING
        y -= 6
    doc = extract(builders.placed_pdf([runs]))
    expected = [line for title, date, bullets in entries for line in [title, date, *["- " + b for b in bullets]]]
    assert lines_of(doc) == expected


def _list_pdf(items: list[str], heading: str, bullet_size: float) -> bytes:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    out = io.BytesIO()
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=15)
    item = ParagraphStyle("item", parent=body, leftIndent=14, bulletIndent=3, bulletFontSize=bullet_size)
    story = [Paragraph("QUALIFICATIONS", body), *(Paragraph(t, item, bulletText="\u2022") for t in items),
             Paragraph(heading, body), Paragraph("Compensation Analyst, 2015 to Present", body)]
    SimpleDocTemplate(out).build(story)
    return out.getvalue()


@pytest.mark.parametrize("bullet_size", [10, 11], ids=["smaller-bullet", "same-size-bullet"])
def test_pdf_a_bullet_stays_on_its_items_row(bullet_size):
    """A bullet set smaller than its item's text sits on the same baseline with a lower top: it
    belongs to its own row, not to the line below (which had bulleted the next heading,
    "• WORK EXPERIENCE", so the heading was not read as one)."""
    items = ["Market pricing", "Job evaluation", "Excel modeling"]
    doc = extract(_list_pdf(items, "WORK EXPERIENCE", bullet_size))
    assert lines_of(doc) == ["QUALIFICATIONS", *(f"\u2022 {t}" for t in items), "WORK EXPERIENCE",
                             "Compensation Analyst, 2015 to Present"]


def test_pdf_a_smaller_line_below_another_stays_below():
    """Lines that do not share a row keep their order, whatever their sizes: the row rule joins
    only lines that overlap vertically."""
    runs = [(72, builders.TOP, "Staff Accountant"), (300, builders.TOP - 14, "2015 - 2020")]
    assert lines_of(extract(builders.placed_pdf([runs]))) == ["Staff Accountant", "2015 - 2020"]


def test_pdf_dates_beside_entries_under_a_contact_block_at_the_top_right_stay_with_them():
    """The page is not a rail of dates as a whole (its contact block sits at the top right), but
    below the full-width summary it is: there the dates stay beside their entries."""
    right = lambda text, y: (540 - builders.text_width(text), y, text)  # noqa: E731
    runs, y = [(72, builders.TOP, "Hector Ramirez")], builders.TOP
    for line in ("hector.ramirez@example.com", "(210) 555-0127", "San Antonio, TX", "linkedin.com/in/hector"):
        runs.append(right(line, y))
        y -= builders.LEADING
    runs.append((72, y, "Information security analyst and Air Force veteran with six years in cyber defense work."))
    y -= 2 * builders.LEADING
    entries = [("ALAMO FEDERAL CREDIT UNION, San Antonio, TX", "2021 - Present", "Information Security Analyst",
                ["Monitor SIEM alerts and triage incidents", "Run vulnerability scans"]),
               ("LACKLAND CYBER SOLUTIONS, San Antonio, TX", "2019 - 2021", "SOC Analyst", ["Watched the queue"])]
    expected = []
    for employer, dates, title, duties in entries:
        runs += [(72, y, employer), right(dates, y), (72, y - builders.LEADING, title)]
        y -= 2 * builders.LEADING
        for duty in duties:
            runs.append((84, y, "- " + duty))
            y -= builders.LEADING
        expected += [employer, dates, title, *("- " + d for d in duties)]
    lines = lines_of(extract(builders.placed_pdf([runs])))
    assert lines[lines.index(entries[0][0]):] == expected


@pytest.mark.parametrize("dates_beside", [True, False], ids=["dates-beside-entries", "a-real-sidebar"])
def test_pdf_a_contact_block_at_the_top_right_over_a_rail_of_dates(dates_beside):
    """No line crosses the gutter: the contact block at the top right is read first, then the
    entries with their dates beside them, row by row. The twin: a right column of skills under the
    contact block, not beside any entry, stays a column of its own."""
    right = lambda text, y: (540 - builders.text_width(text), y, text)  # noqa: E731
    runs, y = [(72, builders.TOP, "Carlos Mendoza")], builders.TOP
    contact = ["carlos@example.org", "(512) 555-0137", "Austin, TX 78704"]
    for line in contact:
        runs.append(right(line, y))
        y -= builders.LEADING
    y -= builders.LEADING
    left, side = [], ["Skills", "iCIMS", "Workday", "Greenhouse", "Spanish"]
    for title, dates, duties in [("Talent Acquisition Specialist", "June 2021 - Current", ["Managed requisitions",
                                                                                         "Screened applicants"]),
                                 ("Recruiter", "Sept 2018 - May 2021", ["Sourced candidates", "Ran career fairs"])]:
        runs.append((72, y, title))
        runs.append(right(dates, y) if dates_beside else (72, y - builders.LEADING, dates))
        left += [title, dates] if dates_beside else [title, dates]
        y -= builders.LEADING if dates_beside else 2 * builders.LEADING
        for duty in duties:
            runs.append((84, y, "- " + duty))
            left.append("- " + duty)
            y -= builders.LEADING
    if not dates_beside:
        for i, word in enumerate(side):
            runs.append((440, builders.TOP - (len(contact) + 1 + i) * builders.LEADING, word))
    lines = lines_of(extract(builders.placed_pdf([runs])))
    if dates_beside:
        assert lines == ["Carlos Mendoza", *contact, *left]
    else:
        assert lines[lines.index("Talent Acquisition Specialist"):lines.index("Talent Acquisition Specialist") + 8] \
            == left and lines[-len(side):] == side


SIDEBAR = ["Skills", "Python", "SQL", "Docker", "Airflow", "Kafka", "Spark", "Languages", "English", "French"]


@pytest.mark.parametrize("leading", [
    builders.LEADING,
    17.0,
], ids=["shared-baselines", "own-leading"])
def test_pdf_light_sidebar_reads_as_one_block(leading):
    runs = builders.column(SIDEBAR, 50, leading=leading) + builders.column(RIGHT, 200)
    lines = lines_of(extract(builders.placed_pdf([runs])))
    assert lines == SIDEBAR + RIGHT


@pytest.mark.parametrize("sidebar, bullets", [
    # a sidebar of skills written with commas is no rail of places ("Boston, MA") ...
    (["Core Qualifications", "Process mapping, Agile, Requirements", "gathering, Visio, Stakeholder",
      "management, Tableau, SQL", "Education", "Bachelor of Business", "Administration"], False),
    # ... nor is its last entry, dated beside the other side's lines, a rail of dates below a header
    (["Skills", "Event planning", "Press releases", "Media relations", "Crisis communications", "Education",
      "B.A. in Public Relations, Red", "Hills State College, 2002"], False),
], ids=["commas", "dated-last-entry"])
def test_pdf_a_sidebar_beside_the_body_reads_as_one_block(sidebar, bullets):
    body = [f"{line}, with the detail a resume's body gives it" for line in RIGHT + RIGHT]  # the heavier side
    title = [(200, builders.TOP + 3 * builders.LEADING, "SENIOR BUSINESS ANALYST")]  # across both columns
    runs = title + builders.column(sidebar, 50) + builders.column(body, 230)
    assert lines_of(extract(builders.placed_pdf([runs]))) == ["SENIOR BUSINESS ANALYST", *sidebar, *body]


@pytest.mark.parametrize("beside, rail", [
    # a line or two beside one entry are a rail of dates when they hold dates, durations and places
    # alone ...
    (["Jan 2020 - Present", "Columbus, OH"], True),
    (["2019 - 2021", "(2 years)"], True),
    (["Summer 2021", "Remote"], True),
    (["Jan 2020 - Present", "Columbus, Ohio"], True),
    (["2019 - 2021", "Bangalore, India"], True),
    (["2021 - Present", "Remote (US)"], True),
    (["Sep 2018 - May 2020", "Washington, D.C."], True),
    # ... not a sidebar's last entry, whose words are more than a date and a town
    (["ServSafe Manager, 2021"], False),
    (["B.A. in Economics, 2012"], False),
    (["2008 - 2012", "BS, Computer Science"], False),  # a degree's acronym before the comma is no town
    (["2016", "MBA, Finance"], False),
    (["2008 - 2012", "Bachelor of Science, Computer Science"], False),
    (["2008 - 2012", "B.Tech, Computer Science"], False),
    (["2008 - 2012", "MPhil, Economics"], False),
    (["2010 - 2012", "Associate, Business"], False),
    # a town written in capitals before the comma is a town, not a degree's acronym
    (["Jan 2016 - Present", "NYC, NY"], True),
    (["Jan 2016 - Present", "LA, CA"], True),
    (["Jan 2016 - Present", "DC, USA"], True),
    (["Hills State College, 2002"], False),
])
def test_pdf_a_line_or_two_beside_an_entry_are_a_rail_only_as_dates_and_places(beside, rail):
    from resumematch.extraction.pdf.rows import Line, is_margin_column

    body = ["IT Project Manager, Northwind Health", "Led EHR migration for 1,200 clinicians",
            "Managed a $3.2M infrastructure portfolio", "Reported status to executives weekly"]
    lines = [Line(72, 690 - 14 * i, 360, 700 - 14 * i, t) for i, t in enumerate(body)]
    lines += [Line(420, 690 - 14 * i, 520, 700 - 14 * i, t) for i, t in enumerate(beside)]
    assert is_margin_column(lines, 400) is rail


@pytest.mark.parametrize("mark, table", [
    # bullets set apart from their items (an unmapped glyph, "(cid:127)", or "•") make no table cells:
    # the sidebar reads as one block ...
    ("(cid:127)", False), ("\u2022", False),
    # ... while a word in each row beside it does make a table, read row by row
    ("Yes", True),
])
def test_pdf_bullets_apart_from_their_items_make_no_table(mark, table):
    from resumematch.extraction.pdf.layout import reading_order
    from resumematch.extraction.pdf.rows import Line

    side = ["Highlights", "HR data and reporting", "Boolean search", "Workday HCM", "Microsoft Excel", "Sourcing"]
    lines = [Line(58, 690 - 14 * i, 58 + 6 * len(t), 700 - 14 * i, t) for i, t in enumerate(side)]
    lines += [Line(48, 690 - 14 * i, 48, 700 - 14 * i, mark) for i in range(1, len(side))]
    lines += [Line(225, 690 - 14 * i, 550, 700 - 14 * i, f"Body line {i} of the work history") for i in range(len(side))]
    order = reading_order(lines)
    assert (order[1] == f"{mark} {side[1]}") is not table
    assert (order[1] == "Body line 0 of the work history") is table


SKILL_TABLE = [["Skill", "Years", "Level"], ["Python", "7", "Expert"], ["Kubernetes", "4", "Advanced"],
               ["PostgreSQL", "5", "Advanced"], ["Terraform", "3", "Intermediate"], ["Go", "2", "Working"]]


@pytest.mark.parametrize("rows", [
    SKILL_TABLE[:2],
    SKILL_TABLE[:3],
    SKILL_TABLE,
], ids=["2-rows", "3-rows", "6-rows"])
def test_pdf_table_reads_row_by_row(rows):
    doc = extract(builders.table_pdf(rows))
    assert doc.status == "ok"
    lines = lines_of(doc)
    assert lines[0] == "Technical skills"
    cells = [cell for row in rows for cell in row]
    # Every cell is its own line: no cell is lost or glued to a neighbour.
    assert sorted(ln for ln in lines[1:]) == sorted(cells)
    # Row by row: a cell's neighbours in the text are the cells of its own row.
    assert lines[1:] == cells


def test_pdf_two_columns_of_dated_entries_are_not_a_table():
    """Both columns set "title ... place" and "role ... date" rows on shared baselines (awesome-cv
    two-column): four aligned cells per row, but the columns still read one after the other."""
    def entries(x0: float, x1: float, tag: str) -> tuple[list, list[str]]:
        runs, text, y = [], [], builders.TOP
        for n in range(3):
            for left, right in ((f"{tag} employer {n}", "Seoul, S.Korea"), (f"{tag} engineer {n}", "2019 - 2021")):
                runs += [(x0, y, left), (x1 - builders.text_width(right), y, right)]
                text += [left, right]
                y -= builders.LEADING
            for k in range(3):
                runs.append((x0, y, f"{tag} achievement {n}.{k} on the platform"))
                text.append(f"{tag} achievement {n}.{k} on the platform")
                y -= builders.LEADING
        return runs, text

    left_runs, left = entries(40, 280, "Left")
    right_runs, right = entries(310, 555, "Right")
    assert lines_of(extract(builders.placed_pdf([left_runs + right_runs]))) == left + right


@pytest.mark.parametrize(("sentence", "factor"), [
    ("Senior Python developer building data pipelines", 1.0),
    ("Senior Python developer building data pipelines", 1.5),
    ("Hired a team of five", 1.0),
    ("Built it in Rust", 1.0),
    ("Led development of the platform", 1.0),
    ("Senior Python developer building data pipelines", 2.0),
])
def test_pdf_words_set_apart_stay_on_one_line(sentence, factor):
    """TeX places words one by one without space glyphs; a line must still read as one line."""
    doc = extract(builders.placed_pdf([builders.spaced_words(sentence, factor=factor)]))
    assert doc.status == "ok"
    assert doc.text == sentence


@pytest.mark.parametrize(("runs", "expected"), [
    (["Certi\ufb01ed \ufb01nancial o\ufb03cer"], "Certified financial officer"),
    (["Sta\ufb00 engineer, work\ufb02ow automation"], "Staff engineer, workflow automation"),
])
def test_pdf_ligature_glyphs_become_letters(dejavu, runs, expected):
    data = builders.placed_pdf([builders.column(runs, 72)], font=builders.register_ttf(dejavu, "DejaVuLig"))
    assert any(ch in raw_pdf_text(data) for ch in "\ufb00\ufb01\ufb02\ufb03")  # the PDF holds ligatures
    doc = extract(data)
    assert doc.status == "ok"
    assert doc.text == expected


@pytest.mark.parametrize(("line", "expected"), [
    # XeLaTeX templates (awesome-cv) write the visible hyphen glyph as U+00AD; see
    # test_extract_realdata for the real files. A drawn glyph is never invisible.
    ("Mar. 2010 \u00ad Aug. 2017", "Mar. 2010 - Aug. 2017"),
    ("Chun Shin\u00adIl Scholarship", "Chun Shin-Il Scholarship"),
])
def test_pdf_visible_soft_hyphen_glyph_is_kept(dejavu, line, expected):
    data = builders.placed_pdf([[(72, 780, line)]], font=builders.register_ttf(dejavu, "DejaVuLig"))
    assert "\u00ad" in raw_pdf_text(data)
    assert extract(data).text == expected


# --------------------------------------------------------------------------- PDF: failures


@pytest.mark.parametrize(("data", "reason"), [
    (builders.image_only_pdf(), "OCR"),
    (builders.image_only_pdf(pages=2), "OCR"),
    (builders.placed_pdf([[]]), "no text on any page"),
], ids=["scan-1-page", "scan-2-pages", "blank-page"])
def test_pdf_without_text_layer_is_no_text(data, reason):
    doc = extract(data)
    assert_failed(doc, "no_text", "pdf", reason)


@pytest.mark.parametrize(("pages", "text_pages", "warned"), [
    (2, {1: "Page one text of the resume"}, [2]),
    (3, {2: "Middle page text"}, [1, 3]),
])
def test_pdf_image_pages_among_text_pages_warn(pages, text_pages, warned):
    doc = extract(builders.image_only_pdf(pages, text_pages=text_pages))
    assert doc.status == "ok"
    assert [doc.text[s.start:s.end] for s in doc.pages] == [text_pages.get(n, "") for n in range(1, pages + 1)]
    assert doc.warnings == tuple(f"Page {n} has no text (image only?). OCR would read it (RESUMEMATCH_OCR=0 switches "
                                 "it off)." for n in warned)


@pytest.mark.parametrize(("password", "status", "reason"), [
    (None, "encrypted", "password-protected"),
    ("wrong-password", "encrypted", "password given is wrong"),
    ("secret", "ok", ""),
], ids=["no-password", "wrong-password", "right-password"])
def test_pdf_encrypted_needs_the_password(password, status, reason):
    data = builders.lines_pdf([["Confidential resume of Jane Example"]], encrypt="secret")
    assert b"/Encrypt" in data
    doc = extract(data, password=password)
    assert doc.status == status
    assert reason in doc.reason
    if status == "ok":
        assert doc.text == "Confidential resume of Jane Example"
    else:
        assert doc.text == "" and "password=" in doc.reason


@pytest.mark.parametrize("password", ["", "secret"])
def test_pdf_encrypted_password_via_options(password):
    data = builders.lines_pdf([["Confidential resume of Jane Example"]], encrypt="secret")
    doc = extract(data, options=ExtractOptions(password=password))
    assert doc.status == ("ok" if password else "encrypted")


@pytest.mark.parametrize("owner", ["owner-only"])
def test_pdf_owner_password_only_opens_without_password(owner):
    enc = pdfencrypt.StandardEncryption("", ownerPassword=owner, canPrint=1, canCopy=0)
    data = builders.lines_pdf([["Copy protected resume text"]], encrypt=enc)
    assert b"/Encrypt" in data
    doc = extract(data)
    assert doc.status == "ok" and doc.text == "Copy protected resume text"


@pytest.mark.parametrize("fraction", [0.02, 0.3, 0.6, 0.9, 0.99])
def test_pdf_truncated_is_corrupt_never_an_exception(fraction):
    data = builders.lines_pdf([[f"Line {i} of a resume that gets cut short" for i in range(40)]])
    cut = data[: int(len(data) * fraction)]
    assert cut.startswith(b"%PDF-")
    doc = extract(cut)
    assert_failed(doc, "corrupt", "pdf", "damaged")


@pytest.mark.parametrize("body", [b"%PDF-1.7\n" + bytes(range(256)) * 8, b"%PDF-1.4\n%%EOF\n"])
def test_pdf_header_with_garbage_is_corrupt(body):
    assert_failed(extract(body), "corrupt", "pdf")


@pytest.mark.parametrize(("pages", "core_pages", "bad_pages"), [
    ([["Senior engineer at Acme"] * 5], (), "1"),
    ([["Readable first page text"] * 3, ["Senior engineer at Acme"] * 5], (1,), "2"),
], ids=["all-pages", "second-page"])
def test_pdf_undecodable_font_is_unreadable_font(dejavu, pages, core_pages, bad_pages):
    data = builders.cid_pdf(pages, dejavu, core_font_pages=core_pages)
    assert "(cid:" in raw_pdf_text(data)
    doc = extract(data)
    assert doc.status is DocStatus.UNREADABLE_FONT and doc.format == "pdf"  # the member, not a plain str
    assert f"Page(s) {bad_pages} use fonts" in doc.reason and "(cid:N)" in doc.reason
    assert "(cid:" not in doc.text
    if core_pages:
        assert doc.text.startswith("Readable first page text")


@pytest.mark.parametrize(("max_pages", "status"), [(2, "too_large"), (3, "ok"), (0, "ok")])
def test_pdf_page_limit(max_pages, status):
    data = builders.lines_pdf([[f"Page {n}"] for n in range(1, 4)])
    doc = extract(data, options=ExtractOptions(max_pages=max_pages))
    assert doc.status == status
    if status == "too_large":
        assert "more than 2 pages" in doc.reason and doc.text == ""
    else:
        assert lines_of(doc) == ["Page 1", "Page 2", "Page 3"]


# --------------------------------------------------------------------------- DOCX


@pytest.mark.parametrize("paragraphs", [
    ["Jane Example", "Senior Data Engineer", "Built pipelines in Kafka"],
    ["Caf\u00e9 r\u00e9sum\u00e9 \u2013 na\u00efve", "Second paragraph"],
])
def test_docx_paragraphs_in_order(paragraphs):
    doc = extract(builders.build_docx(paragraphs=paragraphs))
    assert doc.status == "ok" and doc.format == "docx"
    assert lines_of(doc) == [p.replace("\u2013", "-") for p in paragraphs]
    assert doc.pages == (PageSpan(1, 0, len(doc.text)),)


@pytest.mark.parametrize("table", [
    [["Skill", "Years"], ["Python", "7"], ["SQL", "5"]],
    [["Employer", "Role", "Dates"], ["Acme", "Data engineer", "2019 - 2023"]],
])
def test_docx_table_cells_read_row_by_row(table):
    doc = extract(builders.build_docx(paragraphs=["Skills"], table=table))
    assert doc.status == "ok"
    assert lines_of(doc) == ["Skills"] + [cell for row in table for cell in row]


@pytest.mark.parametrize(("header", "footer"), [
    ("Jane Example - jane@example.com", "Page footer: references on request"),
])
def test_docx_header_and_footer_are_included(header, footer):
    doc = extract(builders.build_docx(paragraphs=["Experience", "Acme Corp"], header=header, footer=footer))
    assert doc.status == "ok"
    assert lines_of(doc) == [header, "Experience", "Acme Corp", footer]


@pytest.mark.parametrize("kind", ["bullet-numpr", "numbered-numpr"])
def test_docx_list_items_get_a_bullet(kind):
    document = builders.new_docx()
    document.add_paragraph("Achievements")
    num_id = 1 if kind == "bullet-numpr" else 2
    for text in ("Cut costs by 40%", "Led a team of five"):
        builders.add_list_paragraph(document, text, num_id=num_id)
    doc = extract(builders.docx_bytes(document))
    assert doc.status == "ok"
    assert lines_of(doc) == ["Achievements", "\u2022 Cut costs by 40%", "\u2022 Led a team of five"]


@pytest.mark.parametrize("style", [
    "List Bullet", "List Number",   # numbering comes from the style in styles.xml
])
def test_docx_list_style_items_get_a_bullet(style):
    document = builders.new_docx()
    document.add_paragraph("Cut costs by 40%", style=style)
    doc = extract(builders.docx_bytes(document))
    assert doc.status == "ok"
    assert lines_of(doc) == ["\u2022 Cut costs by 40%"]


def test_docx_list_style_numbering_follows_based_on_and_numid_zero():
    document = builders.new_docx()
    custom = document.styles.add_style("Achievement", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["List Bullet"]
    document.add_paragraph("Cut costs by 40%", style="Achievement")
    plain = document.add_paragraph("Not a list item", style="List Bullet")
    num_pr = plain._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = 0   # Word's "numbering off" for this paragraph
    document.add_paragraph("Summary", style="Heading 1")
    doc = extract(builders.docx_bytes(document))
    assert lines_of(doc) == ["\u2022 Cut costs by 40%", "Not a list item", "Summary"]


@pytest.mark.parametrize("name", ["resume.pdf", "resume.txt", "resume"])
def test_docx_renamed_is_still_read_as_docx(write_file, name):
    path = write_file(name, builders.build_docx(paragraphs=["Jane Example", "Data Engineer"]))
    doc = extract(path)
    assert doc.status == "ok" and doc.format == "docx"
    assert lines_of(doc) == ["Jane Example", "Data Engineer"]
    assert doc.source == str(path)


@pytest.mark.parametrize("hidden", ["python kubernetes terraform expert"])
def test_docx_hidden_text_is_left_out_and_reported(hidden):
    document = builders.new_docx()
    paragraph = document.add_paragraph("Visible summary.")
    builders.add_hidden_run(paragraph, " " + hidden)
    doc = extract(builders.docx_bytes(document))
    assert doc.status == "ok"
    assert doc.text == "Visible summary."
    assert doc.hidden_text == hidden and doc.hidden_chars == len(hidden)
    assert any("hidden characters" in w for w in doc.warnings)


def _rewrite_docx(data: bytes, member: str, transform) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            dst.writestr(info, transform(body) if info.filename == member else body)
    return out.getvalue()


@pytest.mark.parametrize(("mutate", "status", "reason"), [
    (lambda d: d[: len(d) // 2], "corrupt", "damaged"),
    (lambda d: _rewrite_docx(d, "word/document.xml", lambda b: b.replace(
        b"?>", b'?><!DOCTYPE w:document [<!ENTITY x "boom">]>', 1)), "rejected", "declares a DTD"),
    (lambda d: _rewrite_docx(d, "word/document.xml", lambda b: b[:-40]), "corrupt", "damaged"),
], ids=["truncated-zip", "dtd-entity", "broken-xml"])
def test_docx_damaged_or_malicious_is_refused(mutate, status, reason):
    data = mutate(builders.build_docx(paragraphs=["Jane Example"]))
    doc = extract(data)
    assert_failed(doc, status, "docx", reason)


@pytest.mark.parametrize("max_members", [3])
def test_docx_zip_limits_reject_too_many_parts(max_members):
    from resumematch.extraction.docx import ZipLimits

    doc = extract(builders.build_docx(paragraphs=["x"]),
                  options=ExtractOptions(zip_limits=ZipLimits(max_members=max_members)))
    assert_failed(doc, "rejected", "docx", "zip bomb")


# --------------------------------------------------------------------------- TXT


@pytest.mark.parametrize(("text", "encoding", "expected"), [
    ("Caf\u00e9 r\u00e9sum\u00e9 \u2013 na\u00efve", "cp1252", "Caf\u00e9 r\u00e9sum\u00e9 - na\u00efve"),
    ("\u201cSenior\u201d engineer \u2022 5\u20ac bonus", "cp1252", "\u201cSenior\u201d engineer \u2022 5\u20ac bonus"),
])
def test_text_cp1252_is_decoded_with_a_warning(text, encoding, expected):
    data = text.encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = extract(data)
    assert doc.status == "ok" and doc.format == "txt"
    assert doc.text == expected  # NFKC keeps curly quotes and the euro sign; dashes fold to "-"
    assert doc.meta["encoding"] == "cp1252"
    assert doc.warnings == ("The file is not UTF-8; it was read as cp1252.",)


@pytest.mark.parametrize("encoding", [
    "utf-16", "utf-16-be-bom", "utf-8-sig", "utf-8", "utf-32",
    "utf-32-be-bom",
])
def test_text_unicode_encodings_are_decoded(encoding):
    text = "Jos\u00e9 N\u00fa\u00f1ez\nStra\u00dfe 5, M\u00fcnchen\n\u4e2d\u6587 OK"
    if encoding.endswith("-be-bom"):
        codec = encoding.removesuffix("-bom")
        data = ("\ufeff" + text).encode(codec)
    else:
        data = text.encode(encoding)
    doc = extract(data)
    assert doc.status == "ok" and doc.format == "txt"
    assert doc.text == text
    assert doc.warnings == ()


@pytest.mark.parametrize(("raw", "expected"), [
    ("Certi\ufb01ed Sta\ufb00 O\ufb03cer", "Certified Staff Officer"),
])
def test_text_ligature_characters_are_normalised(raw, expected):
    doc = extract(raw.encode("utf-8"))
    assert doc.text == expected


@pytest.mark.parametrize(("raw", "pages"), [
    ("First page\fSecond page\fThird", ["First page", "Second page", "Third"]),
])
def test_text_form_feeds_split_pages(raw, pages):
    doc = extract(raw.encode())
    assert [doc.text[s.start:s.end] for s in doc.pages] == pages
    assert doc.page_of(doc.text.index("Third")) == 3


@pytest.mark.parametrize("raw", [b"   \n\t\n  ", b"\xef\xbb\xbf\n\n"])
def test_text_whitespace_only_is_no_text(raw):
    assert_failed(extract(raw), "no_text", "txt", "white space")


# --------------------------------------------------------------------------- any format


@pytest.mark.parametrize(("data", "fmt", "reason"), [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image", "OCR"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "image", "image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "doc", "legacy Word .doc"),
    (b"{\\rtf1\\ansi Jane Example}", "rtf", "RTF"),
    (b"\x1f\x8b\x08\x00" + b"\x00" * 32, "gzip", "compressed"),
    (random.Random(7).randbytes(4096), "binary", "unknown format"),
], ids=["png", "jpeg", "ole-doc", "rtf", "gzip", "random"])
def test_extract_unsupported_formats(data, fmt, reason):
    assert sniff(data) == fmt
    assert_failed(extract(data), "unsupported", fmt, reason)


def _zip_with(name: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(name, "<x/>")
    return buf.getvalue()


@pytest.mark.parametrize(("member", "fmt"), [
    ("xl/workbook.xml", "xlsx"), ("ppt/presentation.xml", "pptx"), ("content.xml", "odf"), ("a.txt", "zip"),
])
def test_extract_office_lookalike_zips_are_unsupported(member, fmt):
    assert_failed(extract(_zip_with(member)), "unsupported", fmt)


@pytest.mark.parametrize("as_path", [False, True], ids=["bytes", "path"])
def test_extract_empty_file_is_empty(write_file, as_path):
    source = write_file("empty.pdf", b"") if as_path else b""
    doc = extract(source)
    assert_failed(doc, "empty", "unknown", "0 bytes")
    assert doc.sha256 == hashlib.sha256(b"").hexdigest()


@pytest.mark.parametrize("as_path", [False, True], ids=["bytes", "path"])
def test_extract_over_max_bytes_is_too_large(write_file, as_path):
    data = builders.lines_pdf([["x" * 50] * 40])
    source = write_file("big.pdf", data) if as_path else data
    doc = extract(source, options=ExtractOptions(max_bytes=len(data) - 1))
    assert_failed(doc, "too_large", "unknown", "the limit is")
    assert extract(source, options=ExtractOptions(max_bytes=len(data))).status == "ok"


@pytest.mark.parametrize(("make", "reason"), [
    (lambda tmp: tmp / "missing.pdf", "does not exist"),
    (lambda tmp: tmp, "folder"),
], ids=["missing", "directory"])
def test_extract_unreadable_path_is_error(tmp_path, make, reason):
    doc = extract(make(tmp_path))
    assert_failed(doc, "error", "unknown", reason)


@pytest.mark.parametrize("source", [123, None, ["a.pdf"]])
def test_extract_wrong_argument_type_raises(source):
    with pytest.raises(TypeError):
        extract(source)


@pytest.mark.parametrize("data", [b"Jane Example\nData Engineer\n", builders.lines_pdf([["Jane Example"]])])
def test_extract_records_sha256_and_source(write_file, data):
    path = write_file("cv", data)
    from_path, from_bytes = extract(path), extract(data)
    assert from_path.sha256 == from_bytes.sha256 == hashlib.sha256(data).hexdigest()
    assert from_path.source == str(path) and from_bytes.source is None
    assert from_path.text == from_bytes.text


@pytest.mark.parametrize("seed", range(6))
def test_extract_never_raises_on_mangled_pdf(seed):
    rng = random.Random(seed)
    data = bytearray(builders.lines_pdf([["Jane Example, data engineer"] * 10]))
    for _ in range(30):
        data[rng.randrange(20, len(data))] = rng.randrange(256)
    doc = extract(bytes(data))
    assert doc.status in STATUSES
    assert doc.ok == (doc.status == "ok")


@pytest.mark.parametrize("status", sorted(STATUSES))
def test_document_round_trips_through_dict(status):
    doc = Document(text="a\n\nb", pages=(PageSpan(1, 0, 1), PageSpan(2, 3, 4)), format="pdf", status=status,
                   reason="why", warnings=("w",), sha256="0" * 64)
    data = json.loads(json.dumps(doc.to_dict()))
    assert data["pages"] == [{"number": 1, "start": 0, "end": 1}, {"number": 2, "start": 3, "end": 4}]
    assert Document.from_dict(data) == doc


# --------------------------------------------------------------------------- CLI

JSON_KEYS = {"status", "reason", "format", "text", "pages", "warnings"}


@pytest.mark.parametrize(("name", "make", "exit_code", "status", "fmt"), [
    ("cv.pdf", lambda: builders.lines_pdf([["Jane Example", "Data Engineer"]]), 0, "ok", "pdf"),
    ("cv.docx", lambda: builders.build_docx(paragraphs=["Jane Example", "Data Engineer"]), 0, "ok", "docx"),
    ("cv.txt", lambda: b"Jane Example\nData Engineer", 0, "ok", "txt"),
    ("empty.pdf", lambda: b"", 1, "empty", "unknown"),
    ("scan.pdf", builders.image_only_pdf, 1, "no_text", "pdf"),
    ("cv.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, 1, "unsupported", "doc"),
], ids=["pdf", "docx", "txt", "empty", "scan", "doc"])
def test_cli_extract_json(write_file, name, make, exit_code, status, fmt):
    path = write_file(name, make())
    result = CliRunner().invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == exit_code, result.output
    data = json.loads(result.stdout)
    assert JSON_KEYS <= set(data)
    assert "hidden_text" not in data
    assert data["status"] == status and data["format"] == fmt
    assert isinstance(data["warnings"], list)
    if status == "ok":
        assert data["text"] == "Jane Example\nData Engineer" and data["reason"] == ""
        assert data["pages"] == [{"number": 1, "start": 0, "end": len(data["text"])}]
    else:
        assert data["text"] == "" and data["pages"] == [] and data["reason"]
        assert f"{status}: {data['reason']}" in result.stderr


@pytest.mark.parametrize(("args", "exit_code", "stdout"), [
    ([], 0, "Confidential resume\n"),
    (["--password", "secret"], 0, "Confidential resume\n"),
    (["--password", "nope"], 1, ""),
], ids=["plain", "password", "wrong-password"])
def test_cli_extract_plain_text_and_password(write_file, args, exit_code, stdout):
    encrypt = "secret" if args else None
    path = write_file("cv.pdf", builders.lines_pdf([["Confidential resume"]], encrypt=encrypt))
    result = CliRunner().invoke(app, ["extract", str(path), *args])
    assert result.exit_code == exit_code
    assert result.stdout == stdout
    if exit_code:
        assert "encrypted" in result.stderr
