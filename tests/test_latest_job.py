"""The latest job (``years: latest``): what the job one holds now, or last held, lends a drafted role.

Through the user's path: a model drafted from a posting, PDFs on disk, ``Screener``, the CSV's own
columns, the evidence table and the explanation."""

from __future__ import annotations

import datetime as dt

import pytest

from resumematch import Screener, load_model
from resumematch.draft import draft_yaml
from resumematch.errors import ModelError

AS_OF = dt.date(2026, 11, 1)
POSTING = ("Staff Accountant\nRequirements\n- 3+ years of accounting experience\n"
           "- Prepare journal entries and reconcile balance sheet accounts\n")


def _resume(headline: str, jobs: list[tuple[str, str, str]]) -> list[str]:
    lines = [headline, "Summary", "Ten years of work in offices and schools.", "Experience"]
    for title, dates, duty in jobs:
        lines += [f"{title} {dates}", "Company Name - City , State", duty]
    return lines


ACCOUNTANT = ("Staff Accountant", "Prepared journal entries and reconciled balance sheet accounts.")
TEACHER = ("Math Teacher", "Taught algebra and geometry to ninth graders.")
CLERK = ("Accounting Clerk", "Posted invoices and matched vendor statements.")
AUDITOR = ("Senior Internal Auditor", "Tested internal controls and audited journal entries.")
SENIOR = ("Senior Accountant", "Led the month-end close and reviewed journal entries.")


@pytest.fixture(scope="module")
def ranked(tmp_path_factory):
    import builders

    folder = tmp_path_factory.mktemp("latest")
    model = folder / "staff_accountant.yaml"
    model.write_text(draft_yaml(POSTING), encoding="utf-8")
    people = {  # the same two jobs of five years each, in either order; and a clerk now
        "now.pdf": [(*ACCOUNTANT[:1], "01/2019 to 12/2023", ACCOUNTANT[1]), (*TEACHER[:1], "01/2014 to 12/2018", TEACHER[1])],
        "left.pdf": [(*TEACHER[:1], "01/2019 to 12/2023", TEACHER[1]), (*ACCOUNTANT[:1], "01/2014 to 12/2018", ACCOUNTANT[1])],
        "clerk.pdf": [(*CLERK[:1], "01/2019 to 12/2023", CLERK[1]), (*TEACHER[:1], "01/2014 to 12/2018", TEACHER[1])],
        # O*NET holds auditors and accountants in one occupation; the posting asks an accountant
        "auditor.pdf": [(*AUDITOR[:1], "01/2019 to 12/2023", AUDITOR[1]), (*TEACHER[:1], "01/2014 to 12/2018", TEACHER[1])],
        "senior.pdf": [(*SENIOR[:1], "01/2019 to 12/2023", SENIOR[1]), (*TEACHER[:1], "01/2014 to 12/2018", TEACHER[1])],
    }
    for name, jobs in people.items():
        (folder / "pool").mkdir(exist_ok=True)
        (folder / "pool" / name).write_bytes(builders.lines_pdf([_resume("PROFESSIONAL", jobs)]))
    screener = Screener(str(model), as_of=AS_OF)
    paths = sorted(str(p) for p in (folder / "pool").iterdir())
    screening = screener.screen(paths, workers=0)
    rows = {r["file"].rsplit("/", 1)[-1]: r for r in screening.ranking.to_dict("records")}
    return load_model(model), screening, rows


def test_latest_job_a_draft_asks_it_from_the_title(ranked):
    model, _, _ = ranked
    latest = model.by_id["experience.latest_role"]
    assert (str(latest.years), str(latest.kind), latest.weight) == ("latest", "preferred", 3)
    assert latest.label == "Latest job as Staff Accountant"


def test_latest_job_the_job_held_now_lends_the_role_itself_relevant_work_half(ranked):
    _, _, rows = ranked
    assert {f: rows[f]["experience.latest_role"] for f in rows} == {
        "now.pdf": 1.0, "left.pdf": 0.0, "clerk.pdf": 0.5, "auditor.pdf": 0.5, "senior.pdf": 1.0}
    # the same years in the role, in either order: only the latest job tells them apart, and the
    # one who is an accountant now ranks first
    assert rows["now.pdf"]["role_years"] == rows["left.pdf"]["role_years"] > 0
    assert rows["now.pdf"]["rank"] < rows["left.pdf"]["rank"]


def test_latest_job_the_evidence_and_explanation_name_it(ranked):
    _, screening, rows = ranked
    evidence = screening.evidence
    row = evidence[(evidence["requirement"] == "experience.latest_role") & evidence["file"].str.endswith("left.pdf")]
    (text,) = row["text"]
    assert row["via"].tolist() == ["latest_job"]
    assert text.startswith("the latest job, Math Teacher") and text.endswith("is neither the role itself nor relevant work")
    now = next(f for f in screening.ranking["file"] if f.endswith("now.pdf"))
    notes = {r["id"]: r.get("note", "") for r in screening.explain(now)["requirements"]}
    assert "is the role itself" in notes["experience.latest_role"]


def test_latest_job_asks_no_years(tmp_path):
    """``min_years`` counts years; the latest job is one job, so a model may not ask both of it."""
    text = draft_yaml(POSTING).replace('    years: "latest"\n', '    years: "latest"\n    min_years: 2\n')
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ModelError, match="'min_years' not to 'years: latest'"):
        load_model(tmp_path / "m.yaml")


def test_latest_job_an_auditor_is_beside_an_accountants_role_not_the_role_itself(ranked):
    # "Accountants and Auditors" is one O*NET occupation joining two trades: the posting names the
    # accountant, so an auditor's years are relevant work, not years in the role; a senior
    # accountant names the role's trade and stays the role itself
    _, _, rows = ranked
    auditor, senior = rows["auditor.pdf"], rows["senior.pdf"]
    assert auditor["role_years"] == 0 and auditor["relevant_years"] == pytest.approx(5, abs=0.1)
    assert "a title of Auditors: held in Accountants and Auditors, beside the role's own trade" in auditor["jobs"]
    assert senior["role_years"] == pytest.approx(5, abs=0.1) and "the role itself" in senior["jobs"]
    assert rows["now.pdf"]["rank"] < rows["auditor.pdf"]["rank"]
