"""Hand-built tables for the HTML report tests: a small ranking with its evidence and files.

One candidate is hostile: their name, email, snippets and reason carry markup, script, a
``javascript:`` link, ``</style>`` and a right-to-left override.
"""

from __future__ import annotations

import pandas as pd

REQS = [
    {"id": "deg.it", "label": "Degree in IT", "category": "degree", "kind": "required", "weight": 3.0,
     "looked_for": ["bachelor in computer science", "bachelor in information technology"]},
    {"id": "cert.pmp", "label": "PMP", "category": "certification", "kind": "preferred", "weight": 1.0,
     "looked_for": ["PMP", "project management professional"]},
    {"id": "soft.lead", "label": "Leadership", "category": "soft_skills", "kind": "required", "weight": 1.0,
     "looked_for": ["leadership", "team lead"]},
    {"id": "soft.talk", "label": "Communication", "category": "soft_skills", "kind": "bonus", "weight": 1.0,
     "looked_for": ["communication"]},
]
META = {"name": "test_role", "title": "Test Role", "hash": "abc123", "as_of": "2026-01-01", "requirements": REQS}

HOSTILE_NAME = '<script>window.__pwned=1</script>Eve <img src=x onerror="window.__pwned=2">'
HOSTILE_SNIPPET = ('Led the team <script>window.__pwned=3</script> <img src="http://evil.example/x.png" '
                   'onerror="window.__pwned=4"> <a href="javascript:window.__pwned=5">click</a> '
                   '</style><style>body{display:none}</style> \u202eevil.exe\u202c <iframe src="https://evil.example">')

# (name, email, phone, file, score, strengths, matched, missing, flags, sha)
CANDIDATES = [
    ("Ada Lovelace", "ada@example.com", "+1 555 0100", "cvs/ada_lovelace.pdf", 91.5,
     {"deg.it": 1.0, "cert.pmp": 1.0, "soft.lead": 1.0, "soft.talk": 0.7}, "", ""),
    (HOSTILE_NAME, "eve@evil.example", "555-0199", "cvs/<b>eve</b>\u202e.docx", 70.25,
     {"deg.it": 1.0, "cert.pmp": 0.0, "soft.lead": 0.3, "soft.talk": 0.0}, "soft.lead", "injection_text"),
    ("Bob Stone", "bob.stone@example.com", "(020) 7946 0000", "cvs/bob_stone.txt", 55.0,
     {"deg.it": 1.0, "cert.pmp": 0.2, "soft.lead": 0.7, "soft.talk": 0.0}, "", "keyword_stuffing;hidden_text:12"),
    ("Cy Twain", "cy@example.com", "555-0123", "cvs/cy_twain.md", 20.0,
     {"deg.it": 0.0, "cert.pmp": 0.0, "soft.lead": 0.0, "soft.talk": 0.0}, "deg.it;soft.lead", ""),
]
UNREAD = ("cvs/scanned_resume.pdf", "no_text", "No text layer on 2 pages of cvs/scanned_resume.pdf")


def ranking() -> pd.DataFrame:
    rows = []
    for i, (name, email, phone, file, score, strengths, missing, flags) in enumerate(CANDIDATES):
        matched = ";".join(r["id"] for r in REQS if strengths[r["id"]] >= 0.5)
        rows.append({"rank": i + 1, "candidate": name, "score": score, "status": "ok", "flags": flags,
                     "reason": "", "degree_score": strengths["deg.it"],
                     "certification_score": strengths["cert.pmp"],
                     "soft_skills_score": round((strengths["soft.lead"] + strengths["soft.talk"]) / 2, 4),
                     **strengths, "relevant_years": 4.5 + i, "email": email, "phone": phone, "file": file,
                     "sha256": f"{i:064x}", "matched": matched, "missing": missing})
    file, status, reason = UNREAD
    rows.append({"rank": None, "candidate": None, "score": None, "status": status, "flags": "", "reason": reason,
                 "email": None, "phone": None, "file": file, "sha256": "f" * 64, "matched": "", "missing": ""})
    return pd.DataFrame(rows)


def _finding(file: str, sha: str, req: dict, text: str, snippet: str, strength: float, **kw) -> dict:
    row = {"file": file, "sha256": sha, "requirement": req["id"], "label": req["label"],
           "category": req["category"], "kind": req["kind"], "weight": req["weight"], "text": text,
           "method": "alias", "match_score": 1.0, "status": "mentioned", "section": "experience", "page": 1,
           "start": 0, "end": len(text), "snippet": snippet, "strength": strength, "via": ""}
    return {**row, **kw}


def evidence() -> pd.DataFrame:
    deg, pmp, lead, talk = REQS
    rows = []
    for i, (name, _email, _phone, file, _score, strengths, _missing, _flags) in enumerate(CANDIDATES):
        sha = f"{i:064x}"
        if strengths["deg.it"]:
            rows.append(_finding(file, sha, deg, "BSc Computer Science",
                                 f"{name} \u2014 BSc Computer Science, Open University, 2014", 1.0,
                                 method="exact", status="completed", section="education"))
        if strengths["cert.pmp"]:
            rows.append(_finding(file, sha, pmp, "PMP", "PMP, Project Management Institute, 2019",
                                 strengths["cert.pmp"], status="held", section="certifications"))
        if strengths["soft.lead"]:
            snippet = HOSTILE_SNIPPET if i == 1 else "Led the team of 12 engineers through a migration."
            rows.append(_finding(file, sha, lead, "Led the team", snippet, strengths["soft.lead"],
                                 method="evidence"))
        if strengths["soft.talk"]:
            rows.append(_finding(file, sha, talk, "communication", "Strong communication with sponsors.",
                                 strengths["soft.talk"], section="skills"))
    rows.append(_finding(CANDIDATES[3][3], f"{3:064x}", pmp, "PMP", "", 0.0, status="training",
                         section="certifications"))
    return pd.DataFrame(rows)


def files() -> pd.DataFrame:
    rows = [{"file": c[3], "sha256": f"{i:064x}", "format": c[3].rsplit(".", 1)[-1], "status": "ok",
             "reason": "", "flags": c[7], "relevant_years": 4.5 + i, "total_years": 10.0 + i,
             "candidate_name": c[0], "email": c[1], "phone": c[2]} for i, c in enumerate(CANDIDATES)]
    rows.append({"file": UNREAD[0], "sha256": "f" * 64, "format": "pdf", "status": UNREAD[1], "reason": UNREAD[2],
                 "flags": "", "relevant_years": None, "total_years": None, "candidate_name": None, "email": None,
                 "phone": None})
    return pd.DataFrame(rows)


def secrets() -> list[str]:
    """Every value blind mode must keep out of the page: names, emails, phones, file names, paths."""
    out = []
    for name, email, phone, file, *_ in CANDIDATES:
        out += [name, email, phone, file, file.rsplit("/", 1)[-1], file.rsplit("/", 1)[-1].rsplit(".", 1)[0]]
    out += [UNREAD[0], "scanned_resume.pdf"]
    return out
