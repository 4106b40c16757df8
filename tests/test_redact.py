"""Blind mode's one redaction (report/redact.py): name words in any case and accent, phones by
their digits in any format, every email, file names; nothing else is touched."""

from __future__ import annotations

import pandas as pd
import pytest

from resumematch.report.redact import Redactor, files_redactor, redact_tree

REDACT = Redactor(["Anna Nowak", "Olivia Reyes", "Mark Bennett", "José Müller", "Mary-Jane O'Neil"],
                  ["(404) 555-0131", "anna@x.org", "+44 20 7946 0958"], ["cvs/maria_okafor.txt"])


@pytest.mark.parametrize("text, expected", [
    ("ANNA NOWAK led the rollout", "[redacted] led the rollout"),
    ("Bennett owned the budget.", "[redacted] owned the budget."),
    ("Olivia R. ran it", "[redacted] ran it"),
    ("R. Bennett ran it", "[redacted] ran it"),
    ("JOSE MULLER and josé müller", "[redacted] and [redacted]"),
    ("Mary and O'NEIL", "[redacted] and [redacted]"),
    ("call 404-555-0131 today", "call [redacted] today"),
    ("call 404.555.0131", "call [redacted]"),
    ("+1 404 555 0131 or 555 0131", "[redacted] or [redacted]"),
    ("ring 020 7946 0958", "ring [redacted]"),
    ("write to nowak.anna@gmail.com", "write to [redacted]"),
    ("see maria_okafor.txt.", "see [redacted]."),
    ("ANNA's plan", "[redacted]'s plan"),
])
def test_redact_removes_every_form_of_a_detail(text, expected):
    assert REDACT(text) == expected


@pytest.mark.parametrize("text", [
    "Annabel and Marketing ran 2015-2019",        # longer words that start like a name
    "Budget of 404,555 over 131 days",            # digits of the phone, but not its run of seven
    "call 555-0199 about the PMP",                # another number
    "Led the Agile rollout. R. was not a name",
    "sha256 a4045550131bc and 4045550131ab",     # the phone's digits inside a hash
])
def test_redact_leaves_other_text_alone(text):
    assert REDACT(text) == text


@pytest.mark.parametrize("missing", [None, float("nan"), "", "   "])
def test_redact_ignores_missing_values(missing):
    redact = Redactor([missing], [missing, "404-555-0131"], [missing])
    assert redact("nan None call 4045550131") == "nan None call [redacted]"
    assert redact(missing) is missing or redact(missing) == missing


@pytest.mark.parametrize("frame", [pd.DataFrame({"candidate_name": ["Kim Lee", None], "email": [None, float("nan")],
                                                 "phone": [float("nan"), "212 555 0188"], "file": ["a.txt", "b.pdf"]})])
def test_redact_files_redactor_and_tree(frame):
    redact = files_redactor(frame)
    data = {"score": 3.5, "items": [{"snippet": "KIM met 212-555-0188"}, None], "note": "b.pdf"}
    assert redact_tree(data, redact) == {"score": 3.5, "items": [{"snippet": "[redacted] met [redacted]"}, None],
                                         "note": "[redacted]"}
    assert redact_tree(data, Redactor()) == data  # the twin: nothing known, nothing changed
