"""The HTML report as text: escaping, CSP, blind redaction, cards, the top-N cut and its inputs.

What it does in a real browser is in ``test_report_html_browser.py``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from html.parser import HTMLParser

import htmlframes as hf
import pandas as pd
import pytest
from typer.testing import CliRunner

from resumematch.cli import app
from resumematch.report.csvsafe import write_csv
from resumematch.report.html import render_html
from resumematch.report.htmlinputs import frames_from_explanations, read_table
from resumematch.report.htmltext import explain_flag, highlight, neutral
from resumematch.report.htmlview import histogram
from resumematch.report.redact import Redactor


def _page(**kw) -> str:
    return render_html(hf.ranking(), hf.evidence(), hf.files(), hf.META, **kw)


def test_report_html_escapes_hostile_text():
    page = _page()
    assert "<script>window.__pwned" not in page
    assert "<img src" not in page and "<iframe" not in page
    assert "</style><style>" not in page
    assert "&lt;script&gt;window.__pwned=3&lt;/script&gt;" in page
    assert page.count("<script>") == 1 and page.count("<style>") == 1


@pytest.mark.parametrize("char", ["\u202e", "\u202c", "\u2066"])
def test_report_html_neutralises_bidi_controls(char):
    assert char not in _page()
    assert neutral(f"a{char}b") == f"a[U+{ord(char):04X}]b"


def test_report_html_neutral_keeps_plain_text():
    assert neutral("Tomás Herrera — 10 years") == "Tomás Herrera — 10 years"


def test_report_html_csp_allows_only_its_own_script_and_style():
    page = _page()
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in csp and "base-uri 'none'" in csp and "form-action 'none'" in csp
    script = re.search(r"<script>(.*)</script>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp and "http" not in csp


def test_report_html_has_no_inline_style_or_handler_attributes():
    page = _page()
    attributes = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attributes.extend(name for name, _ in attrs)

    Collect().feed(page)
    assert "class" in attributes
    assert not [a for a in attributes if a == "style" or a.startswith("on")]


def test_report_html_blind_leaves_out_every_secret():
    page = _page(blind=True).encode("utf-8")
    for value in hf.secrets():
        for form in {value, html.escape(value), html.escape(value, quote=False), neutral(html.escape(value))}:
            assert form.encode("utf-8") not in page, form
    assert b"[redacted]" in page


def test_report_html_not_blind_shows_names_and_files():
    page = _page()
    for value in ["Ada Lovelace", "ada@example.com", "cvs/ada_lovelace.pdf", "cvs/scanned_resume.pdf"]:
        assert value in page


def test_report_html_blind_names_duplicates_by_id():
    ranking = hf.ranking()
    ranking.loc[2, "flags"] = "duplicate_of:cvs/ada_lovelace.pdf"
    page = render_html(ranking, hf.evidence(), hf.files(), hf.META, blind=True)
    assert "ada_lovelace" not in page
    assert "duplicate_of:Candidate 1" in page


def test_report_html_counts_those_meeting_every_required_item():
    page = _page()
    assert re.search(r'id="meets-all"><strong>2</strong> of 4 scored', page)


def test_report_html_card_explains_missing_and_flags():
    page = _page()
    assert "Looked for: \u201cleadership\u201d, \u201cteam lead\u201d" in page
    assert "hides 12 characters" in page
    assert "aimed at an automated screener" in page
    assert "Found but not counted (training, certifications): PMP" in page


def test_report_html_card_says_equivalence_in_words():
    found = hf.evidence()
    ada = found["file"] == "cvs/ada_lovelace.pdf"
    found.loc[ada & (found["requirement"] == "deg.it"), ["via", "snippet", "text"]] = ["equivalent_experience", "", ""]
    page = render_html(hf.ranking(), found, hf.files(), hf.META)
    assert "Met by 4.5 years of relevant experience" in page


@pytest.mark.parametrize("top, notice", [(2, True), (4, False), (200, False)])
def test_report_html_top_keeps_cards_for_the_best(top, notice):
    page = _page(top=top)
    assert page.count('<details class="card"') == min(top, 4)
    assert ('id="top-note"' in page) is notice
    assert page.count('<tr id="row-') == 5  # the table keeps every file


def test_report_html_lists_unreadable_files():
    unread = re.search(r'<table id="unread">(.*?)</table>', _page(), re.S).group(1)
    assert "cvs/scanned_resume.pdf" in unread and "no_text" in unread and "No text layer on 2 pages" in unread


@pytest.mark.parametrize("words, pieces", [
    (["team"], [("Led the ", False), ("team", True), (" well", False)]),
    (["TEAM"], [("Led the ", False), ("team", True), (" well", False)]),
    (["absent"], [("Led the team well", False)]),
])
def test_report_html_highlight(words, pieces):
    assert highlight("Led the team well", words) == pieces


@pytest.mark.parametrize("text, expected", [
    ("Contact Maria Okafor today", "Contact [redacted] today"),
    ("MARIA wrote the plan", "[redacted] wrote the plan"),
    ("see maria_okafor.txt", "see [redacted]"),
    ("Mariana planned it", "Mariana planned it"),
])
def test_report_html_redactor(text, expected):
    redact = Redactor(["Maria Okafor"], ["maria@example.com"], ["cvs/maria_okafor.txt"])
    assert redact(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ann, Anna and Annabel met Annette", "[redacted], [redacted] and [redacted] met Annette"),
    ("ANNABEL's plan", "[redacted]'s plan"),
])
def test_report_html_redactor_shared_prefixes(text, expected):
    assert Redactor(["Ann", "Anna", "Annabel Lee"])(text) == expected


@pytest.mark.parametrize("flag, words", [("hidden_text:40", "hides 40 characters"),
                                         ("keyword_stuffing", "credential keywords"),
                                         ("injection_text", "automated screener"),
                                         ("duplicate_of:a.pdf", "same content as a.pdf")])
def test_report_html_explains_each_flag(flag, words):
    assert words in explain_flag(flag)


def test_report_html_histogram_counts_bins():
    svg = str(histogram([5, 7, 55, 100]))
    assert "<title>0\u201310: 2</title>" in svg and "<title>50\u201360: 1</title>" in svg
    assert "<title>90\u2013100: 1</title>" in svg and "http" not in svg


def _explanation(note: str, evidence: dict | None = None, via: str = "") -> dict:
    return {"file": "a.txt", "status": "ok", "reason": "", "score": 50.0, "flags": ["keyword_stuffing"],
            "sha256": "ab", "candidate": {"name": "A B", "email": None, "phone": None},
            "experience_years": 9.0, "relevant_experience_years": 7.0,
            "requirements": [{"id": "deg.it", "label": "Degree", "category": "degree", "kind": "required",
                              "weight": 3.0, "strength": 1.0, "met": True, "note": note, "via": via,
                              "evidence": evidence}]}


@pytest.mark.parametrize("note, via", [
    ("met by equivalent experience: 7 relevant years >= 6", "equivalent_experience"),
    ("met through cert.pmp", "through:cert.pmp"),
])
def test_report_html_bridge_reads_equivalences(note, via):
    evidence, files = frames_from_explanations([_explanation(note, via=via)])
    assert evidence["via"].tolist() == [via]
    assert files.loc[0, "relevant_years"] == 7.0 and files.loc[0, "flags"] == "keyword_stuffing"


@pytest.mark.parametrize("note", ["met by equivalent experience: 7 relevant years >= 6", "met through cert.pmp"])
def test_report_html_bridge_takes_the_route_from_via_not_from_the_note(note):
    evidence, _ = frames_from_explanations([_explanation(note)])
    assert evidence.empty  # no evidence and no route: the English note is not parsed


def test_report_html_bridge_keeps_plain_evidence_without_via():
    ev = {"text": "BSc", "name": "x", "method": "exact", "score": 1.0, "status": "completed",
          "section": "education", "page": 1, "snippet": "BSc Computing"}
    evidence, _ = frames_from_explanations([_explanation("", ev)])
    assert evidence.loc[0, "via"] == "" and evidence.loc[0, "snippet"] == "BSc Computing"


def test_report_html_tables_read_back_as_written(tmp_path):
    frame = pd.DataFrame({"phone": ["+1 555 0100"], "file": ["=cmd.pdf"], "score": [1.5]})
    write_csv(frame, tmp_path / "t.csv")
    back = read_table(tmp_path / "t.csv")
    assert back.loc[0, "phone"] == "+1 555 0100" and back.loc[0, "file"] == "=cmd.pdf"


def test_report_html_cli_report_from_csvs(tmp_path):
    write_csv(hf.ranking(), tmp_path / "ranked.csv")
    write_csv(hf.evidence(), tmp_path / "evidence.csv")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(tmp_path / "ranked.csv"), "--evidence",
                                      str(tmp_path / "evidence.csv"), "-o", str(out), "--blind"])
    assert result.exit_code == 0, result.output
    page = out.read_bytes()
    assert b"<mark>Led the team</mark> of 12 engineers" in page
    for value in ["+1 555 0100", "Ada Lovelace", "ada_lovelace", "bob.stone@example.com"]:
        assert value.encode() not in page


def test_report_html_cli_report_needs_existing_inputs(tmp_path):
    result = CliRunner().invoke(app, ["report", str(tmp_path / "no.csv"), "--evidence", str(tmp_path / "e.csv"),
                                      "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_report_html_rank_writes_report(tmp_path):
    resumes = tmp_path / "cvs"
    resumes.mkdir()
    (resumes / "ann.txt").write_text("Ann Example\nann@example.com\n\nSKILLS\nLeadership, negotiation\n\n"
                                     "EXPERIENCE\nIT Project Manager, Acme, 2015 - 2024\n"
                                     "Led the team of 8 engineers and negotiated vendor contracts.\n")
    out = tmp_path / "ranked.csv"
    result = CliRunner().invoke(app, ["rank", str(resumes), "-o", str(out), "--html", str(tmp_path / "r.html"),
                                      "-w", "0", "--no-cache", "-q", "--as-of", "2025-01-01"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "ann@example.com" in page and "ann.txt" in page and "<mark>" in page
    assert not list(tmp_path.glob("*.tmp.jsonl"))  # the bridge's temporary explanations are gone
    assert json.loads((tmp_path / "ranked.csv.run.json").read_text())["files"][0]["status"] == "ok"
