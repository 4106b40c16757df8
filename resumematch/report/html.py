"""The ranking as one self-contained HTML page: overview, ranked table, heatmap, candidate cards.

``render_html`` reads three tables (the contract of issue #9):

* ``ranking``: the ranked CSV's columns, one row per file;
* ``evidence``: one row per finding (``file, sha256, requirement, label, category, kind, weight,
  text, method, match_score, status, section, page, start, end, snippet, strength, via``);
* ``files``: one row per file (``file, sha256, format, status, reason, flags, relevant_years,
  total_years, candidate_name, email, phone``); optional, else taken from ``ranking``;

and ``meta`` (``name, title, hash, as_of, requirements, blind``). The page loads nothing: its
Content-Security-Policy allows only its own inline script and style, by hash. Every string is
escaped by Jinja2, bidi controls are made visible, and in blind mode every name, email, phone
and file name known to the tables is redacted wherever it appears.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
from importlib import resources
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .._version import __version__
from ..model import RequirementModel
from ..types import Category, DocStatus, ExperienceYears, Flag, Kind
from . import htmlview as view
from .htmltext import neutral, status_meaning, text
from .redact import Redactor
from .rows import is_blind

EVIDENCE_COLUMNS = ["file", "sha256", "requirement", "label", "category", "kind", "weight", "text", "method",
                    "match_score", "status", "section", "page", "start", "end", "snippet", "strength", "via"]
_ASSETS = Path(str(resources.files("resumematch.report") / "templates"))


def model_meta(model: RequirementModel, as_of: dt.date | str | None = None, *, blind: bool = False) -> dict:
    """``meta`` for ``render_html`` from a requirement model: its requirements and what each is
    looked for by (aliases, evidence phrases, degree fields, relevant experience terms)."""
    reqs = []
    for r in model.requirements:
        phrases = list(r.aliases) + list(r.evidence)
        phrases += [f"{'/'.join(p.verbs[:3])} \u2026 {'/'.join(p.objects[:3])}" for p in r.patterns]
        if r.degree:
            phrases = [f"{'/'.join(r.degree.levels)} in {f}" for f in r.degree.fields] + phrases
        if r.category == Category.EXPERIENCE and r.years == ExperienceYears.ROLE:
            phrases = ["dated jobs whose title names the role's own occupation"]
        elif r.category == Category.EXPERIENCE and r.years == ExperienceYears.LATEST:
            phrases = ["a latest dated job whose title names the role's own occupation"]
        elif r.category == Category.EXPERIENCE:
            phrases = [f"dated jobs that mention {t}" for t in model.experience.relevant_terms]
        reqs.append({"id": r.id, "label": r.label, "category": str(r.category), "kind": str(r.kind),
                     "weight": r.weight, "looked_for": phrases, "years": str(r.years)})
    as_of = as_of.isoformat() if isinstance(as_of, dt.date) else as_of
    return {"name": model.name, "title": model.title, "hash": model.matching_hash(), "as_of": as_of or "",
            "requirements": reqs, "blind": blind}


def _key(ranking: pd.DataFrame, *others: pd.DataFrame) -> str | None:
    """The column that joins the tables: the blind id, else the file, else the content hash."""
    for column in ("candidate_id", "file", "sha256"):
        if column in ranking.columns and all(column in o.columns for o in others):
            return column
    return None


def _secrets(*frames: pd.DataFrame) -> Redactor:
    names, contacts, files = [], [], []
    for frame in frames:
        names += frame["candidate_name"].tolist() if "candidate_name" in frame else []
        names += frame["candidate"].tolist() if "candidate" in frame and not is_blind(frame) else []
        for column in ("email", "phone"):
            contacts += frame[column].tolist() if column in frame else []
        files += frame["file"].tolist() if "file" in frame else []
    return Redactor(names, contacts, files)


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def _blind_flags(rows: list[view.Row], ranking: pd.DataFrame) -> None:
    """``duplicate_of:<file>`` names a file; in blind mode it names that file's blind label (a blind
    CSV's flags already name a blind id, which stays)."""
    labels = {}
    if "file" in ranking:
        labels = {text(f): r.label for f, r in zip(ranking["file"], rows)}
    if "candidate_id" in ranking:
        labels.update((text(c), text(c)) for c in ranking["candidate_id"])
    for r in rows:
        r.flags = [Flag.DUPLICATE_OF.having(labels.get(f.split(':', 1)[1], 'another file'))
                   if f.startswith(Flag.DUPLICATE_OF.having("")) else f for f in r.flags]


def render_html(ranking: pd.DataFrame, evidence: pd.DataFrame | None = None, files: pd.DataFrame | None = None,
                meta: dict | None = None, *, blind: bool = False, top: int = 200) -> str:
    """The report as one HTML string. ``top``: how many of the best candidates get a heatmap row
    and a card (the ranked table always lists every file)."""
    meta = dict(meta or {})
    blind = blind or bool(meta.get("blind"))
    ranking = view.ranked(ranking.reset_index(drop=True)).reset_index(drop=True)
    if is_blind(ranking):  # a blind ranked CSV: its candidate column is the id the evidence is keyed by
        ranking = ranking.assign(candidate_id=ranking["candidate"])
    evidence = evidence if evidence is not None else pd.DataFrame(columns=EVIDENCE_COLUMNS)
    files = files if files is not None else ranking
    redact = _secrets(ranking, files, evidence) if blind else None
    reqs = view.requirements(meta, ranking, evidence)
    cats = view.categories(ranking)
    rows = view.rows(ranking, reqs, cats, blind=blind)
    if blind:
        _blind_flags(rows, ranking)
    records = ranking.to_dict("records")
    chosen = [(row, rec) for row, rec in zip(rows, records) if row.rank is not None][:top]
    key, fkey = _key(ranking, evidence), _key(ranking, files)
    found: dict[str, list[dict]] = {}
    if key and len(evidence):
        wanted = {text(rec.get(key)) for _, rec in chosen}
        for f in evidence[evidence[key].astype(str).isin(wanted)].to_dict("records"):
            if redact:  # before highlighting cuts a snippet into pieces
                f.update(snippet=redact(f.get("snippet")), text=redact(f.get("text")))
            found.setdefault(text(f[key]), []).append(f)
    file_facts = {text(f[fkey]): f for f in files.to_dict("records")} if fkey else {}
    cards, heat = [], []
    for row, rec in chosen:
        row.card = True
        c = view.card(row, rec, found.get(text(rec.get(key)), []) if key else [],
                      file_facts.get(text(rec.get(fkey)), {}) if fkey else {}, reqs)
        cards.append(c)
        heat.append((row, [view.heat(i.strength, i.met, i.req.get("kind", "")) for i in c.items]))
    scored = [r for r in rows if r.score is not None]
    required = sum(r.get("kind") == Kind.REQUIRED for r in reqs)
    script = (_ASSETS / "report.js").read_text(encoding="utf-8")
    style = (_ASSETS / "report.css").read_text(encoding="utf-8")
    csp = (f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(style)}; img-src 'none'; "
           "font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; "
           "worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'")

    def finalize(value):  # redact before neutral: a secret may hold the bidi controls neutral rewrites
        if value is None:
            return ""
        return neutral(redact(value) if redact else value)

    env = Environment(loader=FileSystemLoader(str(_ASSETS)), autoescape=select_autoescape(default=True),
                      finalize=finalize, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("report.html.j2").render(
        meta=meta, blind=blind, csp=csp, script=script, style=style, version=__version__,
        generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        rows=rows, cats=cats, reqs=reqs, required=required, cards=cards, heat=heat, top=top,
        scored=len(scored), meets_all=sum(r.meets_all for r in scored),
        counts=view.status_counts(ranking), histogram=view.histogram([r.score for r in scored]),
        unreadable=[r for r in rows if r.status != DocStatus.OK], status_meaning=status_meaning)


def write_html(path: str | os.PathLike, ranking: pd.DataFrame, evidence: pd.DataFrame | None = None,
               files: pd.DataFrame | None = None, meta: dict | None = None, *, blind: bool = False,
               top: int = 200) -> Path:
    """Write ``render_html(...)`` to ``path`` (UTF-8) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(ranking, evidence, files, meta, blind=blind, top=top), encoding="utf-8")
    return path
