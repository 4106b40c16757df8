"""Generate the binary example resumes in ``examples/resumes/``.

The TXT and MD examples are written by hand; this script writes the three files
that need a library to produce:

* ``priya_raghunathan.docx``: a Word resume (python-docx) with the name and
  contact line in the page header, headings, bulleted lists and a skills table.
* ``tomas_herrera.pdf``: a two-column PDF (reportlab) with a left sidebar
  (contact, skills, certifications) and a right column (summary, experience,
  education), under a full-width name banner.
* ``scanned_resume.pdf``: an image-only PDF (a picture of a printed page, no
  text layer), the kind of file a scanner produces; extraction reports
  ``no_text`` for it.

All candidates are fictional. Run it from anywhere with the development
dependencies installed (``pip install ".[test]" python-docx``)::

    python examples/make_examples.py            # writes into examples/resumes/
    python examples/make_examples.py --out DIR  # writes somewhere else

The output is reproducible: the same library versions give byte-identical files.
reportlab runs with ``invariant=1`` (fixed creation date and document ID), the
DOCX gets fixed core properties and fixed zip entry timestamps, and the scan is
drawn with a seeded random generator.
"""

from __future__ import annotations

import argparse
import io
import random
import zipfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "resumes"

#: Every generated file claims to have been written at this moment.
FIXED_DATE = datetime(2026, 1, 15, 9, 0, 0, tzinfo=UTC)
ZIP_DATE = (2026, 1, 15, 9, 0, 0)


# --------------------------------------------------------------------------- DOCX

PRIYA = {
    "name": "Priya Raghunathan",
    "contact": "priya.raghunathan@example.com | (416) 555-0147 | Toronto, ON | "
               "linkedin.com/in/priya-raghunathan-example",
    "summary": (
        "IT project manager with twelve years of experience, the last eight leading infrastructure, "
        "cloud and software projects for a retail bank. PRINCE2 Practitioner who tailors the method "
        "to the project: stage plans and tolerances for the network and hardware upgrades, agile "
        "sprints inside managed stages for software. Trusted by sponsors for honest reporting and "
        "by teams for a calm, organized way of working."
    ),
    "jobs": [
        ("IT Project Manager, Woodgrove Bank Canada, Toronto, ON", "Jan 2018 – Present", [
            "Initiate, plan and close infrastructure and software projects worth up to CAD 3.5M, "
            "using PRINCE2 with agile delivery teams",
            "Managed the network hardware upgrade of 42 branches (routers, switches, Wi-Fi) with no "
            "unplanned branch outages",
            "Led the migration of the loan-origination platform to a public cloud: business case, "
            "budget, stage plans and cut-over schedule",
            "Run monthly risk assessment workshops and keep the risk register and issue log current",
            "Negotiated fixed-price contracts with two network vendors and ran procurement with the "
            "sourcing team",
            "Report an honest RAG status to the steering committee, including early warning of "
            "schedule slips",
        ]),
        ("Project Coordinator, Tailspin Systems Integration, Chennai, India", "07/2012 - 12/2017", [
            "Scheduled and tracked work packages for data-center and ERP projects for banking and "
            "retail clients",
            "Prepared cost and time estimates, weekly status reports and change requests",
            "Coordinated quality testing cycles (system test, UAT) and troubleshooting with "
            "offshore teams",
            "Built a data analytics dashboard that tracked milestones across 15 concurrent projects",
        ]),
        ("Project Management Intern, Tailspin Systems Integration, Chennai, India",
         "Jan 2011 – Jun 2011", [
            "Final-year internship in the PMO: maintained schedules, minutes and action logs",
        ]),
    ],
    "education": [
        ("Bachelor of Technology (B.Tech) in Information Technology, Anna University, Chennai, 2012",
         "Coursework: data management, IT security, programming fundamentals, database systems, "
         "software project management"),
    ],
    "certifications": [
        "PRINCE2 Practitioner, AXELOS, 2016",
        "PRINCE2 Foundation, AXELOS, 2015",
        "ITIL 4 Foundation, PeopleCert, 2020",
    ],
    "skills": [
        ("Project delivery", "Initiating, planning, scheduling, budgeting, executing and closing "
                             "projects; PRINCE2; Agile/Scrum"),
        ("Risk and quality", "Risk assessment, cost and time estimating, quality testing, "
                             "change control"),
        ("Tools", "Microsoft Project, Jira, Confluence, Smartsheet, Power BI, Excel"),
        ("People", "Stakeholder communication, team building, negotiation, leadership, "
                   "problem solving"),
    ],
    "languages": "English (fluent), Tamil (native), Hindi (conversational)",
}


def _bullet(document, text: str):
    """A bulleted paragraph the way Word writes one: numbering on the paragraph itself."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = document.add_paragraph(text, style="List Bullet")
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    numid = OxmlElement("w:numId")
    numid.set(qn("w:val"), "1")
    numpr.append(ilvl)
    numpr.append(numid)
    ppr.append(numpr)
    return paragraph


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so the bytes do not depend on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def make_docx(path: Path, cv: dict = PRIYA) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    core = document.core_properties
    core.author = core.last_modified_by = cv["name"]
    core.title = f"{cv['name']} – Resume"
    core.created = core.modified = core.last_printed = FIXED_DATE.replace(tzinfo=None)
    core.revision = 1
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(10.5)

    header = document.sections[0].header
    name = header.paragraphs[0]
    name.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = name.add_run(cv["name"])
    run.bold = True
    run.font.size = Pt(18)
    contact = header.add_paragraph(cv["contact"])
    contact.alignment = WD_ALIGN_PARAGRAPH.CENTER

    document.add_heading("Professional Summary", level=1)
    document.add_paragraph(cv["summary"])

    document.add_heading("Experience", level=1)
    for title, dates, bullets in cv["jobs"]:
        para = document.add_paragraph()
        para.add_run(title).bold = True
        para.paragraph_format.space_after = Pt(0)
        document.add_paragraph().add_run(dates).italic = True
        for text in bullets:
            _bullet(document, text)

    document.add_heading("Education", level=1)
    for degree, detail in cv["education"]:
        document.add_paragraph().add_run(degree).bold = True
        document.add_paragraph(detail)

    document.add_heading("Certifications", level=1)
    for text in cv["certifications"]:
        _bullet(document, text)

    document.add_heading("Skills", level=1)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for area, skills in cv["skills"]:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(area).bold = True
        cells[1].text = skills

    document.add_heading("Languages", level=1)
    document.add_paragraph(cv["languages"])

    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_fixed_zip(buffer.getvalue()))


# ----------------------------------------------------------------- two-column PDF

TOMAS = {
    "name": "Tomás Herrera Vidal",
    "title": "Senior IT Project Manager",
    "contact": ["tomas.herrera@example.com", "(512) 555-0108", "Austin, TX",
                "linkedin.com/in/tomas-herrera-example"],
    "certifications": [
        ("Project Management Professional (PMP)", "Project Management Institute, 2017"),
        ("Certified ScrumMaster (CSM)", "Scrum Alliance, 2019"),
        ("AWS Certified Cloud Practitioner", "Amazon Web Services, 2021"),
    ],
    "skills": [
        "Project initiation and planning", "Scheduling and budgeting",
        "Cost and time estimating", "Risk assessment", "Vendor negotiation and procurement",
        "Quality testing and release management", "Team building", "Agile/Scrum and waterfall",
        "Microsoft Project, Jira, Smartsheet", "SQL, Power BI",
    ],
    "strengths": ["Leadership", "Clear communication", "Detail-oriented", "Pragmatic and optimistic"],
    "languages": ["English (fluent)", "Spanish (native)"],
    "summary": (
        "IT project manager with nine years of project leadership after four years as a software "
        "engineer. I deliver software, cloud and network projects for mid-sized companies, keep "
        "budgets honest and schedules realistic, and build teams that solve problems instead of "
        "escalating them."
    ),
    "jobs": [
        ("Senior IT Project Manager", "Adventure Works Cycles, Austin, TX", "Jan 2020 – Present", [
            "Lead a portfolio of 6-8 concurrent software and cloud projects with a combined $6M budget",
            "Planned and executed the migration of the e-commerce platform to a public cloud, "
            "finishing two weeks early",
            "Delivered a data analytics platform for sales forecasting with a team of nine",
            "Own schedules, risk registers and monthly budget forecasts; report status to the CIO",
        ]),
        ("IT Project Manager", "Lucerne Publishing, San Antonio, TX", "03/2016 - 12/2019", [
            "Initiated and delivered a network upgrade across 12 offices (switches, firewalls, Wi-Fi)",
            "Ran hardware procurement through RFPs and negotiated 12% savings on the winning bid",
            "Set up quality testing gates and led troubleshooting during go-live weekends",
            "Replaced the editorial workflow system on time and within a $1.2M budget",
        ]),
        ("Software Engineer", "Lucerne Publishing, San Antonio, TX", "2012 - 2016", [
            "Built Java and SQL services for the subscription platform",
            "Acted as technical lead for two releases, estimating and scheduling the work",
        ]),
        ("Software Engineering Intern", "Trey Research, Austin, TX", "May 2011 – Aug 2011", [
            "Wrote automated tests for a laboratory data management application",
        ]),
    ],
    "education": [
        ("M.S. in Information Technology Project Management", "Gulf Coast Institute of Technology, "
         "Houston, TX, 2018", "Graduate topics: risk assessment, cost and time estimating, quality "
         "testing, team building"),
        ("B.S. in Computer Science", "Texas State University, San Marcos, TX, 2012",
         "Coursework: data management, IT security, programming fundamentals, procurement"),
    ],
}


def _register_bullet_font() -> None:
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
        pdfmetrics.registerFont(TTFont("Vera", str(vera)))


def make_two_column_pdf(path: Path, cv: dict = TOMAS) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph, Spacer

    # reportlab writes "•" in the standard Helvetica as code 127, which pdfminer cannot map
    # (it comes out as "(cid:127)"); an embedded TrueType font carries a ToUnicode map.
    _register_bullet_font()
    width, height = LETTER
    margin, banner, sidebar_w, gap = 36, 78, 168, 24
    accent = colors.HexColor("#1F4E79")
    tint = colors.HexColor("#E8EEF5")

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=9, leading=11.5)
    side = ParagraphStyle("side", parent=body, fontSize=8.5, leading=11)
    side_head = ParagraphStyle("side_head", parent=body, fontName="Helvetica-Bold", fontSize=10,
                               textColor=accent, spaceBefore=10, spaceAfter=4)
    head = ParagraphStyle("head", parent=side_head, fontSize=11.5, spaceBefore=8)
    job = ParagraphStyle("job", parent=body, fontName="Helvetica-Bold", spaceBefore=6)
    meta = ParagraphStyle("meta", parent=body, fontName="Helvetica-Oblique", textColor=colors.grey)
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=10, bulletIndent=0,
                            bulletFontName="Vera")
    side_bullet = ParagraphStyle("side_bullet", parent=side, leftIndent=10, bulletIndent=0,
                                 bulletFontName="Vera")

    def page(canvas, doc):
        canvas.saveState()
        canvas.setFillColor(tint)
        canvas.rect(0, 0, margin + sidebar_w + gap / 2, height - banner, stroke=0, fill=1)
        canvas.setFillColor(accent)
        canvas.rect(0, height - banner, width, 3, stroke=0, fill=1)
        canvas.setFont("Helvetica-Bold", 22)
        canvas.drawString(margin, height - 40, cv["name"])
        canvas.setFont("Helvetica", 12)
        canvas.setFillColor(colors.black)
        canvas.drawString(margin, height - 60, cv["title"])
        canvas.restoreState()

    top = height - banner - 12
    frames = [
        Frame(margin, margin, sidebar_w, top - margin, id="sidebar", leftPadding=0, rightPadding=0),
        Frame(margin + sidebar_w + gap, margin, width - 2 * margin - sidebar_w - gap, top - margin,
              id="main", leftPadding=0, rightPadding=0),
    ]
    doc = BaseDocTemplate(str(path), pagesize=LETTER, invariant=1, title=f"{cv['name']} – Resume",
                          author=cv["name"], subject="Resume", creator="make_examples.py")
    doc.addPageTemplates([PageTemplate(id="two_column", frames=frames, onPage=page)])

    story = [Paragraph("CONTACT", side_head)]
    story += [Paragraph(line, side) for line in cv["contact"]]
    story.append(Paragraph("SKILLS", side_head))
    story += [Paragraph(s, side_bullet, bulletText="•") for s in cv["skills"]]
    story.append(Paragraph("CERTIFICATIONS", side_head))
    for name, issuer in cv["certifications"]:
        story += [Paragraph(f"<b>{name}</b>", side), Paragraph(issuer, side), Spacer(1, 3)]
    story.append(Paragraph("STRENGTHS", side_head))
    story += [Paragraph(s, side_bullet, bulletText="•") for s in cv["strengths"]]
    story.append(Paragraph("LANGUAGES", side_head))
    story += [Paragraph(s, side) for s in cv["languages"]]
    story.append(FrameBreak())

    story += [Paragraph("SUMMARY", head), Paragraph(cv["summary"], body)]
    story.append(Paragraph("EXPERIENCE", head))
    for title, employer, dates, bullets in cv["jobs"]:
        story += [Paragraph(f"{title}, {employer}", job), Paragraph(dates, meta)]
        story += [Paragraph(b, bullet, bulletText="•") for b in bullets]
    story.append(Paragraph("EDUCATION", head))
    for degree, school, detail in cv["education"]:
        story += [Paragraph(degree, job), Paragraph(school, body), Paragraph(detail, body)]
    doc.build(story)


# ------------------------------------------------------------------ image-only PDF

SCAN_LINES = [
    ("title", "FARAH SIDDIQUI"),
    ("text", "farah.siddiqui@example.com  |  (469) 555-0177  |  Plano, TX"),
    ("gap", ""),
    ("head", "SUMMARY"),
    ("text", "IT project manager with seven years of experience in network and cloud projects."),
    ("text", "PMP certified; known for clear communication and honest status reporting."),
    ("gap", ""),
    ("head", "EXPERIENCE"),
    ("bold", "IT Project Manager, Alpine Telecom, Dallas, TX          Jun 2019 - Present"),
    ("text", "- Planned and scheduled a network upgrade for 30 sites; budget $1.8M"),
    ("text", "- Led a team of 10 through a cloud migration of the billing system"),
    ("text", "- Ran weekly risk assessments and vendor negotiations"),
    ("bold", "Project Coordinator, Alpine Telecom, Dallas, TX          2016 - 2019"),
    ("text", "- Built schedules and cost estimates for hardware refresh projects"),
    ("gap", ""),
    ("head", "EDUCATION"),
    ("text", "B.S. in Information Technology, University of North Texas, 2016"),
    ("gap", ""),
    ("head", "CERTIFICATIONS"),
    ("text", "Project Management Professional (PMP), Project Management Institute, 2020"),
    ("gap", ""),
    ("head", "SKILLS"),
    ("text", "Planning, budgeting, scheduling, leadership, negotiation, problem solving"),
]


def _scan_image():
    """A grey, slightly skewed, speckled picture of a printed resume page (150 dpi)."""
    import reportlab
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    fonts = Path(reportlab.__file__).parent / "fonts"
    regular = str(fonts / "Vera.ttf")
    bold = str(fonts / "VeraBd.ttf")
    faces = {
        "title": ImageFont.truetype(bold, 40),
        "head": ImageFont.truetype(bold, 26),
        "bold": ImageFont.truetype(bold, 21),
        "text": ImageFont.truetype(regular, 21),
    }
    page = Image.new("L", (1275, 1650), 255)
    draw = ImageDraw.Draw(page)
    y = 120
    for kind, text in SCAN_LINES:
        if kind == "gap":
            y += 22
            continue
        draw.text((120, y), text, fill=25, font=faces[kind])
        y += {"title": 62, "head": 42}.get(kind, 34)
        if kind == "head":
            draw.line((120, y - 6, 1155, y - 6), fill=60, width=2)
    rng = random.Random(20260115)
    pixels = page.load()
    for _ in range(6000):
        x, yy = rng.randrange(1275), rng.randrange(1650)
        pixels[x, yy] = rng.randrange(150, 230)
    page = page.rotate(0.6, resample=Image.BICUBIC, fillcolor=245)
    return page.filter(ImageFilter.GaussianBlur(0.6))


def make_scanned_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=LETTER, invariant=1)
    canvas.setCreator("Scanner")
    canvas.setTitle("Scanned document")
    canvas.drawImage(ImageReader(_scan_image()), 0, 0, width=LETTER[0], height=LETTER[1])
    canvas.showPage()
    canvas.save()


# ------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"output folder (default: {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, make in [("priya_raghunathan.docx", make_docx),
                       ("tomas_herrera.pdf", make_two_column_pdf),
                       ("scanned_resume.pdf", make_scanned_pdf)]:
        make(args.out / name)
        print(f"wrote {args.out / name}")


if __name__ == "__main__":
    main()
