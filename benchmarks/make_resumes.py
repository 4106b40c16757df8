"""Deterministic, realistic-looking 1-2 page resume PDFs (reportlab) for benchmarks.

    python benchmarks/make_resumes.py OUT_DIR -n 200 [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas

FIRST = ["Ana", "Ben", "Chloe", "Dmitri", "Elif", "Farah", "Gustavo", "Hana", "Ivan", "Jia", "Kwame", "Lena",
         "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Victor", "Wen", "Yusuf"]
LAST = ["Alvarez", "Brennan", "Chen", "Dubois", "Eriksen", "Fischer", "Gupta", "Haddad", "Ito", "Jensen",
        "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Rossi", "Silva", "Tanaka", "Weber"]
TITLES = ["IT Project Manager", "Senior Project Manager", "Technical Program Manager", "Scrum Master",
          "Software Engineer", "Delivery Manager", "Business Analyst", "Infrastructure Project Lead"]
COMPANIES = ["Acme Corp", "Globex", "Initech", "Umbrella Health", "Stark Logistics", "Wayne Financial",
             "Hooli", "Vandelay Industries", "Cyberdyne Systems", "Soylent Foods", "Tyrell Networks"]
VERBS = ["Led", "Managed", "Delivered", "Coordinated", "Planned", "Drove", "Owned", "Launched", "Migrated",
         "Reduced", "Improved", "Negotiated"]
OBJECTS = ["a cloud migration of 40 services to AWS", "the ERP rollout across 6 sites",
           "an Agile transformation for 5 Scrum teams", "vendor contracts worth $2M per year",
           "the data-centre consolidation programme", "a budget of $3.5M with monthly forecasts",
           "stakeholder reporting to the CIO and steering committee", "risk and issue logs in Jira",
           "release planning with SAFe PI planning", "ITIL change management for production systems",
           "a team of 12 engineers and 3 contractors", "the migration from on-premise Exchange to Office 365"]
SKILLS = ["Agile", "Scrum", "Kanban", "PMP", "PRINCE2", "Jira", "Confluence", "MS Project", "Budgeting",
          "Risk management", "Stakeholder management", "SQL", "Python", "AWS", "Azure", "ITIL", "SAFe",
          "Vendor management", "Change management", "Power BI", "Excel", "Linux", "Networking"]
SCHOOLS = ["University of Toronto", "TU Munich", "University of Lagos", "Universidad de Chile",
           "National University of Singapore", "University of Leeds", "McGill University"]
DEGREES = ["BSc Computer Science", "BEng Electrical Engineering", "MBA", "MSc Information Systems",
           "BA Economics"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def resume_pdf(path: Path, rng: random.Random) -> None:
    c = canvas.Canvas(str(path), pagesize=LETTER)
    width, height = LETTER
    y = height - 60

    def line(text: str, size: float = 10, font: str = "Helvetica", x: float = 60, gap: float = 14) -> None:
        nonlocal y
        if y < 60:
            c.showPage()
            y = height - 60
        c.setFont(font, size)
        c.drawString(x, y, text)
        y -= gap

    first, last = rng.choice(FIRST), rng.choice(LAST)
    line(f"{first} {last}", 18, "Helvetica-Bold", gap=22)
    line(f"{first.lower()}.{last.lower()}@example.com | +1 555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
         f" | {rng.choice(['Toronto', 'Berlin', 'Austin', 'London', 'Singapore'])}", 9, gap=20)
    line("SUMMARY", 12, "Helvetica-Bold", gap=16)
    line(f"{rng.choice(TITLES)} with {rng.randint(2, 18)} years of experience delivering IT projects", gap=14)
    line("on time and on budget across finance, health and logistics.", gap=20)
    line("EXPERIENCE", 12, "Helvetica-Bold", gap=16)
    year = 2025
    for _ in range(rng.randint(2, 6)):
        start = year - rng.randint(1, 4)
        line(f"{rng.choice(TITLES)} - {rng.choice(COMPANIES)}", 10.5, "Helvetica-Bold", gap=13)
        line(f"{rng.choice(MONTHS)} {start} - {'Present' if year == 2025 else f'{rng.choice(MONTHS)} {year}'}",
             9, "Helvetica-Oblique", gap=13)
        for _ in range(rng.randint(2, 5)):
            line(f"- {rng.choice(VERBS)} {rng.choice(OBJECTS)}.", x=72)
        y -= 6
        year = start
    line("EDUCATION", 12, "Helvetica-Bold", gap=16)
    for _ in range(rng.randint(1, 2)):
        line(f"{rng.choice(DEGREES)}, {rng.choice(SCHOOLS)}, {year - rng.randint(0, 4)}")
    y -= 6
    line("SKILLS", 12, "Helvetica-Bold", gap=16)
    skills = rng.sample(SKILLS, rng.randint(6, 14))
    for i in range(0, len(skills), 6):
        line(", ".join(skills[i:i + 6]))
    if rng.random() < 0.3:
        line("CERTIFICATIONS", 12, "Helvetica-Bold", gap=16)
        line(", ".join(rng.sample(["PMP (2019)", "PRINCE2 Practitioner", "CSM", "ITIL v4 Foundation",
                                   "AWS Solutions Architect"], 2)))
    c.showPage()
    c.save()


def make_resumes(folder: Path, n: int, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        path = folder / f"resume_{i:05d}.pdf"
        resume_pdf(path, rng)
        paths.append(path)
    return paths


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    print(len(make_resumes(a.folder, a.n, a.seed)), "files in", a.folder)
