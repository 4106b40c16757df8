"""Bugs that once passed the whole suite when made on purpose (issue 25): each test here fails
with its bug and passes without it, beside a twin that shows what must stay as it is."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resumematch import Screener
from resumematch.analyze import Analyzer
from resumematch.cli import app
from resumematch.run.cache import Cache

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "resumes"
AS_OF = dt.date(2026, 11, 1)


@pytest.mark.parametrize("dates, years", [
    ("Jan 2020 - Dec 2030", 6.83),  # the end is in the future: it counts up to "now", 2026-11
    ("Jan 2020 - Present", 6.83),
    ("Jan 2020 - Dec 2025", 5.92),  # twin: an end in the past is kept as written
])
def test_dates_end_after_as_of_counts_up_to_as_of(dates, years):
    text = f"Jane Doe\njane@example.com\n\nEXPERIENCE\nIT Project Manager, Acme Corp\n{dates}\n• Ran projects\n"
    analysis = Analyzer(as_of=AS_OF).analyze(text)
    assert analysis.experience_years == years


RESUME_WITH_EMAIL_BESIDE_A_CREDENTIAL = """Jane Doe
Austin, TX

CERTIFICATIONS
PMP certified, PMI, 2021 (verify: jane.doe@example.com)

EXPERIENCE
IT Project Manager, Acme Corp
Jan 2019 - Present
• Led software projects with budgets of $2M
"""


@pytest.mark.parametrize("blind", [True, False])
def test_blind_evidence_csv_holds_no_email_sharing_a_line_with_a_credential(tmp_path, blind):
    resume = tmp_path / "jane.txt"
    resume.write_text(RESUME_WITH_EMAIL_BESIDE_A_CREDENTIAL, encoding="utf-8")
    ev = tmp_path / "ev.csv"
    args = ["rank", str(resume), "-o", str(tmp_path / "out.csv"), "--evidence", str(ev), "--no-cache",
            "--workers", "0", "--as-of", AS_OF.isoformat()]
    args += ["--blind", "--blind-key", str(tmp_path / "key")] if blind else []
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = ev.read_text(encoding="utf-8-sig")
    assert "PMP certified" in text  # the credential's line is evidence, in both modes
    assert ("jane.doe@example.com" in text) != blind


def _edited_model(tmp_path: Path, old: str, new: str) -> Path:
    source = (ROOT / "models" / "it_project_manager.yaml").read_text(encoding="utf-8")
    edited = re.sub(old, new, source, count=1, flags=re.DOTALL)
    assert edited != source
    path = tmp_path / "role.yaml"
    path.write_text(edited, encoding="utf-8")
    return path


@pytest.mark.parametrize("old, new, analysed_again", [
    # what counts as relevant work: the occupations and the relevant terms
    (r"occupations:.*?relevant_terms: \[[^\]]*\]", "occupations: ['35-2014.00']\n  relevant_terms: [zzzz]", True),
    (r"weight: \d+", "weight: 1", False),  # twin: weights decide no analysis, the cache serves it
])
def test_cache_key_follows_the_relevant_terms_not_the_weights(tmp_path, old, new, analysed_again):
    with Cache(tmp_path / "c.sqlite") as cache:
        Screener(as_of=AS_OF).screen([EXAMPLES], workers=0, cache=cache)
    edited = Screener(_edited_model(tmp_path, old, new), as_of=AS_OF)
    with Cache(tmp_path / "c.sqlite") as cache:
        cached = edited.screen([EXAMPLES], workers=0, cache=cache).files
    fresh = edited.screen([EXAMPLES], workers=0).files
    assert cached["relevant_years"].fillna(-1).tolist() == fresh["relevant_years"].fillna(-1).tolist()
    before = Screener(as_of=AS_OF).screen([EXAMPLES], workers=0).files
    assert before["relevant_years"].equals(fresh["relevant_years"]) != analysed_again
