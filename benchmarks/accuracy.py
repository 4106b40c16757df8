"""Measure name, email, degree and soft-skill extraction against annotated real CVs.

The data is the dotin-inc resume NER set (CC0-1.0): plain-text CVs with inline
``<label type="...">`` spans. The tags are stripped to get the resume text (XML
escapes such as ``&amp;`` are unescaped by the parser) and every label keeps its
character span in that stripped text, so predicted entity spans can be compared
with it directly.

Usage (from the repository root)::

    python benchmarks/accuracy.py [--data DIR] [--limit N] [--errors FILE] [--json FILE]

Scoring:

- Name, Email Address: one value per CV. A prediction equal to the truth (case-insensitive,
  whitespace normalised) is a true positive; a wrong prediction is both a false positive and a
  false negative; a prediction on a CV without the label is a false positive. The truth is the
  first Name label; for email any Email Address label of the CV.
- Degree, Soft Skills: spans. A predicted entity (category ``degree`` / ``soft_skills``, deduplicated
  by span, leaving out those with status ``contact``, which the library itself ignores) is a true
  positive when it overlaps a labelled span; a labelled span is recalled when a prediction overlaps
  it. ``Degree (no certs)`` drops labelled spans that are clearly certifications (PMP, Scrum
  Master, Six Sigma...) and the predictions that overlap only them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resumematch.analyze import Analyzer  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "realdata" / "dotin_train"
AS_OF = dt.date(2026, 11, 1)

#: A labelled "Degree" span that is really a certification or training, not a degree.
CERT_LIKE = re.compile(
    r"\b(?:PMP|CAPM|PMI|PRINCE\s?2|scrum|CSM|six\s+sigma|green\s+belt|black\s+belt|ITIL|CCNA|CCNP|"
    r"MCSE|MCSA|MCP|MCTS|CISSP|CISA|CISM|OCA|OCP|SAFe|certified|certification|certificate|"
    r"microsoft|oracle|cisco|aws|salesforce|sap|google|togaf|comptia|lean)\b",
    re.IGNORECASE)


@dataclass
class Label:
    type: str
    start: int
    end: int
    text: str


@dataclass
class Sample:
    name: str
    text: str
    labels: list[Label]

    def spans(self, label_type: str) -> list[Label]:
        return [lab for lab in self.labels if lab.type == label_type]


def load_sample(path: Path) -> Sample:
    """Strip the ``<label>`` tags of one CV, keeping each label's span in the stripped text."""
    root = ET.fromstring(path.read_bytes())
    parts: list[str] = [root.text or ""]
    pos = len(parts[0])
    labels = []
    for node in root:
        inner = "".join(node.itertext())  # labels are not nested, but be safe
        labels.append(Label(node.get("type", ""), pos, pos + len(inner), inner))
        parts.append(inner)
        pos += len(inner)
        parts.append(node.tail or "")
        pos += len(node.tail or "")
    return Sample(path.stem, "".join(parts), labels)


def load_samples(folder: Path, limit: int | None = None) -> list[Sample]:
    paths = sorted(folder.glob("*.xml"), key=lambda p: (len(p.stem), p.stem))
    return [load_sample(p) for p in paths[:limit]]


def norm(value: str | None) -> str:
    return " ".join((value or "").split()).casefold()


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    support: int = 0  # labelled items (CVs with the label, or labelled spans)
    predicted: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "support": self.support, "predicted": self.predicted}


@dataclass
class Report:
    scores: dict[str, Score | SpanScore] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)
    files: int = 0
    seconds: float = 0.0


def score_value(score: Score, predicted: str | None, truths: list[str]) -> str | None:
    """Score a single-valued field; returns an error kind, or None when right."""
    pred = norm(predicted) or None
    gold = [norm(t) for t in truths if norm(t)]
    score.support += bool(gold)
    score.predicted += bool(pred)
    if pred and pred in gold:
        score.tp += 1
        return None
    if pred:
        score.fp += 1
    if gold:
        score.fn += 1
    if pred and gold:
        return "wrong"
    return "spurious" if pred else ("missed" if gold else None)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class SpanScore:
    """Span-overlap scores: precision over predictions, recall over labelled spans."""

    tp: int = 0  # predictions that overlap a labelled span
    fp: int = 0
    recalled: int = 0  # labelled spans that a prediction overlaps
    support: int = 0

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def fn(self) -> int:
        return self.support - self.recalled

    precision = Score.precision
    f1 = Score.f1

    @property
    def recall(self) -> float:
        return self.recalled / self.support if self.support else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "support": self.support, "predicted": self.predicted}

    def add(self, predicted: list[tuple[int, int]], gold: list[tuple[int, int]],
            ignore: list[tuple[int, int]] = ()) -> tuple[list, list]:
        """Score one CV; predictions overlapping only ``ignore`` spans are not scored.

        Returns the false positives and the missed labelled spans.
        """
        false_pos = []
        for span in predicted:
            if any(_overlaps(span, g) for g in gold):
                self.tp += 1
            elif not any(_overlaps(span, g) for g in ignore):
                self.fp += 1
                false_pos.append(span)
        missed = [g for g in gold if not any(_overlaps(g, span) for span in predicted)]
        self.support += len(gold)
        self.recalled += len(gold) - len(missed)
        return false_pos, missed


def _snippet(text: str, start: int, end: int, pad: int = 30) -> str:
    return " ".join((text[max(0, start - pad):start] + "[[" + text[start:end] + "]]"
                     + text[end:end + pad]).split())


def evaluate(samples: list[Sample], analyzer: Analyzer | None = None) -> Report:
    analyzer = analyzer or Analyzer("it_project_manager", as_of=AS_OF)
    report = Report(scores={"Name": Score(), "Email Address": Score(), "Degree": SpanScore(),
                            "Degree (no certs)": SpanScore(), "Soft Skills": SpanScore()})
    began = time.perf_counter()
    results = analyzer.analyze_many(s.text for s in samples)
    for sample, result in zip(samples, results):
        report.files += 1
        names = [lab.text for lab in sample.spans("Name")][:1]
        kind = score_value(report.scores["Name"], result.candidate.name, names)
        if kind:
            report.errors.append({"file": sample.name, "field": "Name", "kind": kind,
                                  "predicted": result.candidate.name, "truth": names[0] if names else None})
        emails = [lab.text for lab in sample.spans("Email Address")]
        kind = score_value(report.scores["Email Address"], result.candidate.email, emails)
        if kind:
            report.errors.append({"file": sample.name, "field": "Email Address", "kind": kind,
                                  "predicted": result.candidate.email, "truth": emails or None})

        degrees = sorted({(e.start, e.end) for e in result.entities
                          if e.category == "degree" and e.status != "contact"})
        gold = [(lab.start, lab.end) for lab in sample.spans("Degree")]
        certs = [(lab.start, lab.end) for lab in sample.spans("Degree") if CERT_LIKE.search(lab.text)]
        fps, missed = report.scores["Degree"].add(degrees, gold)
        report.scores["Degree (no certs)"].add(degrees, [g for g in gold if g not in certs], certs)
        _span_errors(report, sample, "Degree", fps, missed, certs)

        soft = sorted({(e.start, e.end) for e in result.entities
                       if e.category == "soft_skills" and e.status != "contact"})
        gold = [(lab.start, lab.end) for lab in sample.spans("Soft Skills")]
        fps, missed = report.scores["Soft Skills"].add(soft, gold)
        _span_errors(report, sample, "Soft Skills", fps, missed, [])
    report.seconds = time.perf_counter() - began
    return report


def _span_errors(report: Report, sample: Sample, label: str, fps, missed, certs) -> None:
    for start, end in fps:
        report.errors.append({"file": sample.name, "field": label, "kind": "spurious",
                              "predicted": sample.text[start:end],
                              "context": _snippet(sample.text, start, end)})
    for start, end in missed:
        report.errors.append({"file": sample.name, "field": label, "kind": "missed",
                              "truth": sample.text[start:end], "cert_like": (start, end) in certs,
                              "context": _snippet(sample.text, start, end)})


def format_table(report: Report) -> str:
    rows = ["| field | precision | recall | F1 | TP | FP | FN | labelled | predicted |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for label, score in report.scores.items():
        d = score.as_dict()
        rows.append(f"| {label} | {d['precision']:.3f} | {d['recall']:.3f} | {d['f1']:.3f} | "
                    f"{d['tp']} | {d['fp']} | {d['fn']} | {d['support']} | {d['predicted']} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of annotated *.xml CVs")
    parser.add_argument("--limit", type=int, default=None, help="only the first N files (sorted by number)")
    parser.add_argument("--errors", type=Path, default=None, help="write every error as JSON lines here")
    parser.add_argument("--json", type=Path, default=None, help="write the scores as JSON here")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        parser.error(f"no such folder: {args.data}")
    samples = load_samples(args.data, args.limit)
    report = evaluate(samples)
    print(f"{report.files} CVs from {args.data} in {report.seconds:.1f} s (as_of {AS_OF})\n")
    print(format_table(report))
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as fh:
            for err in report.errors:
                fh.write(json.dumps(err, ensure_ascii=False) + "\n")
        print(f"\n{len(report.errors)} errors written to {args.errors}")
    if args.json:
        args.json.write_text(json.dumps({k: v.as_dict() for k, v in report.scores.items()}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
