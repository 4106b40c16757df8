"""Accuracy on 310 annotated real CVs (dotin-inc resume NER set, CC0-1.0) and the shared template
PDFs, measured as users meet it: files on disk, ranked with ``resumematch rank``, scored on the
CSV's own columns (``benchmarks/accuracy.py``; the figures and error classes are in
``docs/accuracy.md``).

The data sits beside the checkout in ``../shared/realdata``; a user's clone does not have it, so
these tests skip themselves then.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "realdata" / "dotin_train"
TEMPLATES = ROOT.parent / "shared" / "realdata" / "templates"

needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"real data folder {DATA} is absent")
needs_templates = pytest.mark.skipif(not TEMPLATES.is_dir(), reason=f"template folder {TEMPLATES} is absent")

# The targets of issue #8 on all 310 CVs, with the labels as given (a small margin for the
# recall floors; precision is the target itself).
FLOORS = {
    ("candidate", "precision"): 0.95,
    ("candidate", "recall"): 0.90,
    ("email", "precision"): 0.97,
    ("email", "recall"): 0.99,
}
SOFT_SKILL_RECALL = {"soft.communication": 0.9, "soft.leadership": 0.9}


def _benchmark():
    spec = importlib.util.spec_from_file_location("rm_accuracy_benchmark", ROOT / "benchmarks" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def benchmark():
    return _benchmark()


@pytest.fixture(scope="module")
def report(benchmark, tmp_path_factory):
    return benchmark.evaluate(benchmark.load_samples(DATA), tmp_path_factory.mktemp("accuracy"))


@needs_data
@pytest.mark.parametrize("column, measure", sorted(FLOORS), ids=[f"{c}-{m}" for c, m in sorted(FLOORS)])
def test_accuracy_realdata_name_and_email_through_rank(benchmark, report, column, measure):
    score = benchmark.total(report, report.scores, column)
    assert sum(report.files[f] for f in ("one-line", "multi-line")) == 310
    assert getattr(score, measure) >= FLOORS[column, measure], score.as_dict()


@needs_data
@pytest.mark.parametrize("requirement", sorted(SOFT_SKILL_RECALL))
def test_accuracy_realdata_soft_skill_recall_through_rank(report, requirement):
    for fmt in ("one-line", "multi-line", "pdf"):
        score = report.scores[fmt][requirement]
        assert score.recall >= SOFT_SKILL_RECALL[requirement], (fmt, score.as_dict())


@needs_data
def test_accuracy_realdata_pdf_agrees_with_text(report):
    """The PDFs are the multi-line CVs typeset: reading them must lose nothing the text had."""
    for column in ("candidate", "email"):
        assert report.scores["pdf"][column].as_dict() == report.scores["multi-line"][column].as_dict()


@needs_templates
def test_accuracy_realdata_templates_have_no_wrong_names(benchmark, tmp_path):
    errors = benchmark.template_errors(benchmark.rank_templates(TEMPLATES, tmp_path))
    assert [e for e in errors if e["kind"] == "wrong"] == []
    assert len(errors) <= 2, errors


@needs_data
@pytest.mark.parametrize("label_type", ["Name", "Email Address", "Degree", "Soft Skills"])
def test_accuracy_realdata_label_spans_map_into_stripped_text(benchmark, label_type):
    """Tags are stripped and XML escapes undone, and every label keeps its span in the text."""
    samples = benchmark.load_samples(DATA)
    spans = [(s, lab) for s in samples for lab in s.labels if lab.type == label_type]
    assert spans
    for sample, label in spans:
        assert sample.text[label.start:label.end] == label.text
        assert "<label" not in sample.text
    # the XML's &amp; is unescaped; 14 files escape twice ("&amp;amp;"), and keep one "&amp;" as in their source
    assert sum("&amp;" in s.text for s in samples) <= 14


@pytest.mark.parametrize("xml, text, labels", [
    ('<?xml version="1.0"?>\n<cv>A &amp; B <label type="Name">Jo &lt;Q&gt; Li</label> - '
     '<label type="Email Address">jo@x.io</label>\n</cv>',
     "A & B Jo <Q> Li - jo@x.io\n", [("Name", "Jo <Q> Li"), ("Email Address", "jo@x.io")]),
])
def test_accuracy_realdata_loader_unescapes_and_keeps_offsets(benchmark, tmp_path, xml, text, labels):
    path = tmp_path / "1.xml"
    path.write_text(xml, encoding="utf-8")
    sample = benchmark.load_sample(path)
    assert sample.text == text
    assert [(lab.type, sample.text[lab.start:lab.end]) for lab in sample.labels] == labels


@pytest.mark.parametrize("text, fmt", [("one line  with fields", "one-line"), ("Name\nemail\nSUMMARY", "multi-line")])
def test_accuracy_realdata_formats_are_told_apart(benchmark, text, fmt):
    assert benchmark.Sample("1", text, []).format == fmt


@needs_data
@pytest.mark.parametrize("fmt", ["one-line", "multi-line", "pdf"])
def test_accuracy_realdata_names_per_format_with_labels_corrected(report, fmt):
    """The issue's name target per source format, on the labels corrected with a written reason
    (``ADJUDICATED``): recall >= 0.9 at precision >= 0.97."""
    score = report.adjudicated[fmt]["candidate"]
    assert score.precision >= 0.97 and score.recall >= 0.9, score.as_dict()
