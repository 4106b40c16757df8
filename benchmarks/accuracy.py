"""Accuracy on real annotated CVs, measured on the path users run.

Each annotated CV (dotin-inc resume NER set, CC0-1.0) is written to a file; the folder is ranked
with the ``resumematch rank`` command, as a user would; and the ranked CSV's own columns are
scored against the labels:

- ``candidate`` against the CV's first ``Name`` label, ``email`` against any ``Email Address``
  label (case-insensitive, whitespace collapsed). A right value is a true positive; a wrong one a
  false positive and a false negative; a value where nothing is labelled a false positive.
- requirement columns against the labels that name them: a CV whose ``Soft Skills`` labels include
  "communication" should have ``soft.communication`` met (listed in ``matched``). Labels are
  sparse (annotators labelled some mentions and no evidence phrases), so recall is the measure
  that means something; the columns' positives on CVs without such a label are counted and
  listed, not called errors.

Source formats are reported apart: *one-line* exports (the whole CV on one line, its fields set
apart by runs of spaces), *multi-line* text, and *PDF* (the multi-line CVs typeset with reportlab,
one text line per PDF line, long lines wrapped).

    python benchmarks/accuracy.py --data ../shared/realdata/dotin_train --errors /tmp/errors.jsonl
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "realdata" / "dotin_train"
AS_OF = "2026-11-01"
MODEL = "it_project_manager"
FORMATS = ("one-line", "multi-line", "pdf")

#: Which labels stand for which requirement of the model: (requirement id, label type, pattern).
REQUIREMENT_LABELS = (
    ("soft.communication", "Soft Skills", re.compile(r"communicat", re.IGNORECASE)),
    ("soft.leadership", "Soft Skills", re.compile(r"\blead(?:er|ership|ing)?\b", re.IGNORECASE)),
    ("soft.negotiation", "Soft Skills", re.compile(r"negotiat", re.IGNORECASE)),
    ("soft.problem_solving", "Soft Skills", re.compile(r"problem[\s-]*solv", re.IGNORECASE)),
    ("soft.detail_oriented", "Soft Skills", re.compile(r"\bdetail", re.IGNORECASE)),
    ("soft.organized", "Soft Skills", re.compile(r"\borgani[sz](?:ed|ational)\b", re.IGNORECASE)),
    ("cert.pmp", "Degree", re.compile(r"\bPMP\b|project management professional", re.IGNORECASE)),
    ("cert.csm", "Degree", re.compile(r"\bCSM\b|certified\s+scrum\s*master", re.IGNORECASE)),
)


#: Labels read against the document and found wrong: (file, column) -> (the value the document
#: shows, why). Scores are reported with the labels as given *and* with these corrections.
ADJUDICATED = {
    ("102", "candidate"): ("Peter S. Gutierrez", "the name heading the resume is not labelled"),
    ("119", "candidate"): ("Gregory T. Jones", "the name heading the sample resume is not labelled"),
    ("277", "candidate"): ("Fred Flintcarrier", "the name heading the sample resume is not labelled"),
    ("283", "candidate"): ("Eylove Children", "the name heading the sample resume is not labelled"),
    ("278", "candidate"): ("Phyliss Physical",
                                "the label marks a reference; the name heading the resume is not labelled"),
    ("269", "candidate"): ("Walter Children", "the label covers the first of the name's two words"),
    ("270", "candidate"): ("Clayton Windler V. Bolton", "the label covers two of the name's four words"),
    ("249", "candidate"): ("Trevor Keeling PROSPER", "the label leaves out the surname in capitals"),
    ("77", "candidate"): ("Phillip Wisozk Mohapatra", "the label leaves out the last of three words"),
    **{(f, "email"): (e, "the candidate's own address, under their name, is not labelled")
       for f, e in (("90", "yinjiao_ye@uri.edu"), ("94", "greg@atlanticstudio.ca"), ("103", "fitchd@missouri.edu"),
                    ("116", "King@Harvard.edu"), ("117", "nowakc@gmail.com"), ("189", "dd367@cornell.edu"))},
}
#: The name each shared template PDF shows its reader (None: a placeholder or a single word).
TEMPLATE_NAMES = {
    "awesome-cv_cv": "Claud D. Park", "awesome-cv_resume": "Byungjin Park",
    "awesome-cv_pr58_resume-twocolumn": "Claud D. Park", "deedy_resume_macfonts": "Debarghya Das",
    "deedy_resume_openfont": "Debarghya Das", "sourabh_bajaj_resume": "Sourabh Bajaj",
    "billryan_resume_2015": "Bin Yuan", "altacv_mmayer": "Marissa Mayer", "altacv_sample": None,
    "latexcv_classic": "Jan Küster", "latexcv_infographics": "Jan Küster", "latexcv_infographics2_en": "Achraf Najmi",
    "latexcv_minimalistic": "Jan Küster", "latexcv_modern": "Jan Küster", "latexcv_rows": "Jan Küster",
    "latexcv_sidebar": "Jan Küster", "latexcv_sidebarleft": "Ilya Rumyantsev", "latexcv_two_column": "Jan Küster",
    "Twenty-Seconds_cv": None, "Twenty-Seconds-Icons_cv": None,
    **{f"John_Doe_{theme}Theme_CV": "John Doe" for theme in ("Classic", "Ember", "Engineeringclassic",
                                                             "Engineeringresumes", "Harvard", "Ink", "Moderncv",
                                                             "Opal", "Sb2nov")},
    **{f"moderncv_v2.0.0_template_{style}": "John Doe" for style in ("banking_red", "casual_orange",
                                                                      "classic_green", "fancy_purple",
                                                                      "oldstyle_grey")},
}


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

    @property
    def format(self) -> str:
        return "one-line" if sum(1 for line in self.text.split("\n") if line.strip()) <= 1 else "multi-line"


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
    support: int = 0  # CVs with the label
    predicted: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "tp": self.tp,
                "fp": self.fp, "fn": self.fn, "support": self.support, "predicted": self.predicted}


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


def write_pdf(text: str, path: Path) -> None:
    """Typeset ``text`` one line per PDF line (long lines wrapped at the margin), as a word
    processor's "save as PDF" would."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=letter)
    width, height = letter
    y = height - 60
    for raw in text.split("\n"):
        for line in simpleSplit(raw, "Helvetica", 10, width - 120) or [""]:
            if y < 60:
                pdf.showPage()
                y = height - 60
            pdf.setFont("Helvetica", 10)
            pdf.drawString(60, y, line)
            y -= 13
    pdf.save()


def materialise(samples: list[Sample], folder: Path) -> dict[str, list[Sample]]:
    """Write each CV as a user would receive it, one folder per source format."""
    by_format: dict[str, list[Sample]] = {f: [] for f in FORMATS}
    for fmt in FORMATS:
        (folder / fmt).mkdir(parents=True, exist_ok=True)
    for sample in samples:
        by_format[sample.format].append(sample)
        (folder / sample.format / f"{sample.name}.txt").write_text(sample.text, encoding="utf-8")
        if sample.format == "multi-line":
            write_pdf(sample.text, folder / "pdf" / f"{sample.name}.pdf")
            by_format["pdf"].append(sample)
    return by_format


def rank_folder(folder: Path, output: Path) -> dict[str, dict]:
    """``resumematch rank FOLDER -o OUTPUT``, then the CSV's rows by file stem."""
    command = [sys.executable, "-c", "from resumematch.cli import main; main()", "rank", str(folder),
               "-o", str(output), "--model", MODEL, "--as-of", AS_OF, "--no-cache", "--quiet"]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    subprocess.run(command, check=True, env=env, capture_output=True)
    with output.open(encoding="utf-8-sig", newline="") as fh:
        return {Path(row["file"]).stem: row for row in csv.DictReader(fh)}


@dataclass
class Report:
    scores: dict[str, dict[str, Score]] = field(default_factory=dict)  # format -> field -> score
    adjudicated: dict[str, dict[str, Score]] = field(default_factory=dict)  # the same, labels corrected
    unlabelled_positives: dict[str, dict[str, int]] = field(default_factory=dict)
    keyword: dict[str, dict[str, Score]] = field(default_factory=dict)  # the keyword baseline, same labels
    errors: list[dict] = field(default_factory=list)
    files: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def keyword_baseline() -> dict[str, re.Pattern]:
    """The plain keyword match we compare against: each requirement's own aliases, exact words,
    case-insensitive, anywhere in the text; no sections, lemmas, patterns, context or fuzziness."""
    from resumematch.model import load_model

    model = load_model(MODEL)
    return {req: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in model.by_id[req].aliases) + r")(?!\w)",
                            re.IGNORECASE)
            for req, _, _ in REQUIREMENT_LABELS}


def evaluate(samples: list[Sample], workdir: Path) -> Report:
    """Write, rank and score ``samples`` in ``workdir``."""
    report = Report()
    baseline = keyword_baseline()
    began = time.perf_counter()
    for fmt, group in materialise(samples, workdir).items():
        if not group:
            continue
        rows = rank_folder(workdir / fmt, workdir / f"{fmt}.csv")
        scores = report.scores[fmt] = {"candidate": Score(), "email": Score()}
        fixed = report.adjudicated[fmt] = {"candidate": Score(), "email": Score()}
        scores.update({req: Score() for req, _, _ in REQUIREMENT_LABELS})
        extra = report.unlabelled_positives[fmt] = {req: 0 for req, _, _ in REQUIREMENT_LABELS}
        keyword = report.keyword[fmt] = {req: Score() for req, _, _ in REQUIREMENT_LABELS}
        report.files[fmt] = len(group)
        for sample in group:
            row = rows[sample.name]
            for column, label_type in (("candidate", "Name"), ("email", "Email Address")):
                truths = [lab.text for lab in sample.spans(label_type)]
                truths = truths[:1] if column == "candidate" else truths
                kind = score_value(scores[column], row[column], truths)
                correction = ADJUDICATED.get((sample.name, column))
                score_value(fixed[column], row[column], [correction[0]] if correction else truths)
                if kind:
                    report.errors.append({"format": fmt, "file": sample.name, "field": column, "kind": kind,
                                          "predicted": row[column] or None, "truth": truths or None})
            matched = set(filter(None, row["matched"].split(";")))
            for req, label_type, pattern in REQUIREMENT_LABELS:
                gold = [lab.text for lab in sample.spans(label_type) if pattern.search(lab.text)]
                score = scores[req]
                met = req in matched
                if gold:
                    score.support += 1
                    score.tp += met
                    score.fn += not met
                    if not met:
                        report.errors.append({"format": fmt, "file": sample.name, "field": req, "kind": "missed",
                                              "strength": row[req], "truth": gold})
                elif met:
                    extra[req] += 1
                    report.errors.append({"format": fmt, "file": sample.name, "field": req,
                                          "kind": "unlabelled_positive", "strength": row[req]})
                score.predicted += met
                hit = bool(baseline[req].search(sample.text))
                keyword[req].support += bool(gold)
                keyword[req].tp += hit and bool(gold)
                keyword[req].predicted += hit
    report.seconds = time.perf_counter() - began
    return report


def rank_templates(folder: Path, workdir: Path) -> dict[str, str | None]:
    """The ``candidate`` the ranked CSV gives each template PDF under ``folder``."""
    rows = rank_folder(folder, workdir / "templates.csv")
    return {stem: row["candidate"] or None for stem, row in rows.items()}


def template_errors(found: dict[str, str | None]) -> list[dict]:
    """Wrong names (a name other than the one shown, or one where none is) and missed names."""
    errors = []
    for stem, expected in TEMPLATE_NAMES.items():
        got = found.get(stem)
        if got != expected:
            errors.append({"format": "template", "file": stem, "field": "candidate",
                           "kind": "wrong" if got else "missed", "predicted": got, "truth": expected})
    return errors


def total(report: Report, scores_by_format: dict[str, dict[str, Score]], column: str) -> Score:
    """One score over the 310 CVs as files (one-line and multi-line text; the PDFs repeat the latter)."""
    out = Score()
    for fmt in ("one-line", "multi-line"):
        s = scores_by_format.get(fmt, {}).get(column)
        if s:
            for name in ("tp", "fp", "fn", "support", "predicted"):
                setattr(out, name, getattr(out, name) + getattr(s, name))
    return out


def _score_row(name: str, score: Score) -> str:
    d = score.as_dict()
    return (f"| {name} | {d['precision']:.3f} | {d['recall']:.3f} | {d['tp']} | {d['fp']} | "
            f"{d['fn']} | {d['support']} | {d['predicted']} |")


def format_tables(report: Report) -> str:
    out = ["\nall 310 CVs (one-line and multi-line text files)\n",
           "| column | precision | recall | TP | FP | FN | labelled | predicted |",
           "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name in ("candidate", "email"):
        out.append(_score_row(f"`{name}`", total(report, report.scores, name)))
        out.append(_score_row(f"`{name}`, labels corrected", total(report, report.adjudicated, name)))
    for fmt, scores in report.scores.items():
        out += [f"\n{fmt} ({report.files[fmt]} CVs)\n",
                "| column | precision | recall | TP | FP | FN | labelled | predicted |",
                "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for name in ("candidate", "email"):
            out.append(_score_row(f"`{name}`", scores[name]))
            out.append(_score_row(f"`{name}`, labels corrected", report.adjudicated[fmt][name]))
        out += ["", "| requirement | recall | met / labelled | met, not labelled | keyword recall "
                "| keyword positives |",
                "|---|---:|---:|---:|---:|---:|"]
        for req, _, _ in REQUIREMENT_LABELS:
            s, k = scores[req], report.keyword[fmt][req]
            recall = f"{s.recall:.3f}" if s.support else "-"
            k_recall = f"{k.tp / k.support:.3f}" if k.support else "-"
            out.append(f"| `{req}` | {recall} | {s.tp} / {s.support} | {report.unlabelled_positives[fmt][req]} | "
                       f"{k_recall} | {k.predicted} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of annotated *.xml CVs")
    parser.add_argument("--limit", type=int, default=None, help="only the first N files (sorted by number)")
    parser.add_argument("--errors", type=Path, default=None, help="write every error as JSON lines here")
    parser.add_argument("--json", type=Path, default=None, help="write the scores as JSON here")
    parser.add_argument("--keep", type=Path, default=None, help="write the files and CSVs here and keep them")
    parser.add_argument("--templates", type=Path, default=DEFAULT_DATA.parent / "templates",
                        help="folder of template PDFs whose names are checked (skipped when absent)")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        parser.error(f"no such folder: {args.data}")
    samples = load_samples(args.data, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        report = evaluate(samples, workdir)
        templates = rank_templates(args.templates, workdir) if args.templates.is_dir() else {}
    print(f"{len(samples)} CVs from {args.data}, ranked with `resumematch rank --model {MODEL} "
          f"--as-of {AS_OF}` in {report.seconds:.1f} s")
    print(format_tables(report))
    if templates:
        wrong = template_errors(templates)
        report.errors += wrong
        print(f"\ntemplate PDFs: {len(TEMPLATE_NAMES)}, wrong names: {sum(e['kind'] == 'wrong' for e in wrong)}, "
              f"missed: {sum(e['kind'] == 'missed' for e in wrong)}")
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as fh:
            for err in report.errors:
                fh.write(json.dumps(err, ensure_ascii=False) + "\n")
        print(f"\n{len(report.errors)} errors written to {args.errors}")
    if args.json:
        args.json.write_text(json.dumps({f: {k: v.as_dict() for k, v in s.items()}
                                         for f, s in report.scores.items()}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
