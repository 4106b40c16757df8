"""What the HTML report shows, built from the ranking, evidence and files tables.

Plain data for the template: table rows, heatmap cells, candidate cards and the histogram.
Nothing here writes HTML except the histogram, an SVG of numbers only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from markupsafe import Markup

from ..types import CATEGORIES, Category, CreditRoute, DocStatus, ExperienceYears, Kind
from .htmltext import explain_flag, highlight, looked_for, present, status_meaning, text, years
from .rows import LEADING, TRAILING

MET = 0.5


@dataclass
class Row:
    """One line of the ranked table."""

    key: str
    rank: int | None
    label: str
    file: str
    contact: str
    score: float | None
    status: str
    reason: str
    flags: list[str]
    required_met: int | None
    categories: list[float | None]
    meets_all: bool
    card: bool = False


@dataclass
class Item:
    """One requirement on a candidate's card."""

    req: dict
    strength: float
    met: bool
    mark: str
    evidence: dict | None = None
    credit: str = ""
    looked_for: str = ""
    not_counted: list[dict] = field(default_factory=list)


@dataclass
class Card:
    row: Row
    items: list[Item]
    flags: list[tuple[str, str]]
    relevant_years: str
    total_years: str
    role_years: str = ""
    shown: list[Item] = field(default_factory=list)  # the items with something to say
    absent: list[dict] = field(default_factory=list)  # preferred and bonus items with nothing found


def requirements(meta: dict, ranking: pd.DataFrame, evidence: pd.DataFrame) -> list[dict]:
    """The model's requirements in order: from ``meta``, or else rebuilt from the evidence table."""
    if meta.get("requirements"):
        return [dict(r) for r in meta["requirements"]]
    known = {}
    for rec in evidence.drop_duplicates("requirement").to_dict("records") if len(evidence) else []:
        known[rec["requirement"]] = {k: rec.get(k) for k in ("label", "category", "kind", "weight")}
    skip = {"candidate_id", *LEADING, *TRAILING} | {f"{c}_score" for c in CATEGORIES}
    ids = [c for c in ranking.columns if c not in skip]
    missing = {m for v in ranking.get("missing", pd.Series(dtype=object)) for m in _split(v)}
    return [{"id": i, "label": i, "category": "", "kind": Kind.REQUIRED if i in missing else "", "weight": 1.0,
             **known.get(i, {})} for i in ids]


def categories(ranking: pd.DataFrame) -> list[str]:
    """The category score columns the ranking has, in the CSV's order."""
    return [c for c in CATEGORIES if f"{c}_score" in ranking.columns]


def _split(value: object) -> list[str]:
    return [p for p in text(value).split(";") if p]


def _number(value: object) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(number) else number


def ranked(ranking: pd.DataFrame) -> pd.DataFrame:
    """``ranking`` in rank order, unranked rows last in their given order."""
    ranks = pd.to_numeric(ranking["rank"], errors="coerce") if "rank" in ranking else pd.Series(dtype=float)
    return ranking.assign(_r=ranks).sort_values("_r", kind="mergesort", na_position="last").drop(columns="_r")


def rows(ranking: pd.DataFrame, reqs: list[dict], cats: list[str], *, blind: bool) -> list[Row]:
    """The ranked table's rows, in rank order."""
    required = [r["id"] for r in reqs if r.get("kind") == Kind.REQUIRED]
    out = []
    unread = 0
    for i, rec in enumerate(ranking.to_dict("records")):
        rank = _number(rec.get("rank"))
        score = _number(rec.get("score"))
        matched = set(_split(rec.get("matched")))
        if blind:
            if rank is None:
                unread += 1
            label = text(rec.get("candidate_id")) or (f"Candidate {int(rank)}" if rank else f"Unread file {unread}")
        else:
            label = text(rec.get("candidate")) or text(rec.get("file")) or f"Row {i + 1}"
        scored = score is not None
        met = sum(r in matched for r in required) if scored else None
        out.append(Row(
            key=f"k{i}", rank=int(rank) if rank is not None else None, label=label,
            file="" if blind else text(rec.get("file")),
            contact="" if blind else " \u00b7 ".join(filter(None, (text(rec.get("email")), text(rec.get("phone"))))),
            score=score, status=text(rec.get("status")),
            reason=text(rec.get("reason")), flags=_split(rec.get("flags")), required_met=met,
            categories=[_number(rec.get(f"{c}_score")) for c in cats],
            meets_all=scored and met == len(required)))
    return out


def _credit(via: str, reqs: dict[str, dict], relevant_years: str) -> str:
    if via == CreditRoute.EQUIVALENT_EXPERIENCE:
        return (f"Met by {relevant_years or 'enough'} years of relevant experience, which the model accepts "
                "in its place.")
    if via.startswith(CreditRoute.THROUGH):
        other = via.removeprefix(CreditRoute.THROUGH)
        label = reqs.get(other, {}).get("label") or other
        return f"Met through \u201c{label}\u201d ({other}), which the model accepts in its place."
    return ""


def _evidence(rec: dict) -> dict:
    snippet = text(rec.get("snippet"))
    page = _number(rec.get("page"))
    score = _number(rec.get("match_score"))
    return {"snippet": highlight(snippet, [text(rec.get("text"))]), "text": text(rec.get("text")),
            "section": text(rec.get("section")), "page": int(page) if page else None,
            "method": text(rec.get("method")), "status": text(rec.get("status")),
            "match_score": score}


def card(row: Row, rec: dict, found: list[dict], file: dict, reqs: list[dict]) -> Card:
    """A candidate's card: every requirement with its best evidence, credit and what was looked for.
    ``found``: the candidate's evidence rows as dicts."""
    by_id = {r["id"]: r for r in reqs}
    matched = set(_split(rec.get("matched")))
    relevant = years(file.get("relevant_years", rec.get("relevant_years")))
    role = years(file.get("role_years", rec.get("role_years")))
    total = years(file.get("total_years", rec.get("total_years")))
    groups: dict[str, list[tuple[float, dict]]] = {}
    for f in found:
        groups.setdefault(f["requirement"], []).append((_number(f.get("strength")) or 0.0, f))
    items = []
    for req in reqs:
        strength = _number(rec.get(req["id"]))
        ev = sorted(groups.get(req["id"], []), key=lambda sf: -sf[0])
        if strength is None:
            strength = ev[0][0] if ev else 0.0
        met = req["id"] in matched if "matched" in rec else strength >= MET
        required = req.get("kind") == Kind.REQUIRED
        item = Item(req, strength, met, "\u2714" if met else ("\u2718" if required else "\u00b7"))
        best = ev[0][1] if ev and ev[0][0] > 0 else None
        if best is not None:
            if present(best.get("snippet")) or present(best.get("text")):
                item.evidence = _evidence(best)
            item.credit = _credit(text(best.get("via")), by_id, relevant)
        item.not_counted = [{"text": text(f["text"]), "status": text(f.get("status")),
                             "section": text(f.get("section"))}
                            for s, f in ev if s <= 0 and present(f.get("text"))][:3]
        if req.get("category") == Category.EXPERIENCE and req.get("years") == ExperienceYears.LATEST:
            said = next((text(f.get("text")) for _, f in ev if text(f.get("via")) == CreditRoute.LATEST_JOB), "")
            item.credit = item.credit or (said[:1].upper() + said[1:] + "." if said else "")
        elif req.get("category") == Category.EXPERIENCE and req.get("years") == ExperienceYears.ROLE:
            item.credit = item.credit or (f"{role or 0} years in the role itself out of {total or 0} dated years."
                                          if role or total else "")
        elif req.get("category") == Category.EXPERIENCE:
            item.credit = item.credit or (f"{relevant or 0} years of relevant work out of {total or 0} dated years."
                                          if relevant or total else "")
        if required and not met:
            item.looked_for = looked_for(req.get("looked_for") or ()) or "the model's phrases for it (none found)"
        items.append(item)
    flags = [(f, explain_flag(f)) for f in row.flags]
    says = [bool(i.met or i.strength > 0 or i.evidence or i.credit or i.looked_for or i.not_counted) for i in items]
    shown = [i for i, say in zip(items, says) if say]
    absent = [i.req for i, say in zip(items, says) if not say]
    return Card(row, items, flags, relevant, total, role, shown, absent)


def heat(strength: float, met: bool, kind: str) -> tuple[int, str]:
    """A heatmap cell: colour step 0-5 and its text (colour is never the only signal)."""
    step = 0 if strength <= 0 else 5 if strength >= 1 else 1 + min(3, int(strength * 4))
    if met:
        label = "\u2714"
    elif kind == Kind.REQUIRED:
        label = "\u2718"
    else:
        label = f"{strength:.1f}".lstrip("0") if strength > 0 else "\u2013"
    return step, label


def status_counts(ranking: pd.DataFrame) -> list[tuple[str, int, str]]:
    """(status, count, meaning), ``ok`` first, then by count."""
    counts = ranking["status"].fillna("").astype(str).value_counts() if "status" in ranking else pd.Series()
    ordered = sorted(counts.items(), key=lambda kv: (kv[0] != DocStatus.OK, -kv[1], kv[0]))
    return [(s, int(n), status_meaning(s)) for s, n in ordered]


def histogram(scores: list[float], bins: int = 10, width: int = 520, height: int = 180) -> Markup:
    """An SVG bar chart of ``scores`` (0 to 100) in ``bins`` bins, drawn from numbers only."""
    counts = [0] * bins
    for s in scores:
        counts[min(bins - 1, max(0, int(s * bins / 100)))] += 1
    top = max(counts) or 1
    left, bottom, plot_h = 36, height - 28, height - 48
    bar_w = (width - left - 8) / bins
    parts = [f'<svg class="hist" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-labelledby="hist-title">',
             f'<title id="hist-title">Scores of {len(scores)} scored candidates in {bins} bins of '
             f'{100 // bins} points</title>',
             f'<line x1="{left}" y1="{bottom}" x2="{width - 4}" y2="{bottom}" stroke="#444"/>']
    for i, n in enumerate(counts):
        h = round(plot_h * n / top, 1)
        x = round(left + i * bar_w + 2, 1)
        lo = i * 100 // bins
        parts.append(f'<rect x="{x}" y="{round(bottom - h, 1)}" width="{round(bar_w - 4, 1)}" height="{h}" '
                     f'fill="#2c7fb8"><title>{lo}\u2013{lo + 100 // bins}: {n}</title></rect>')
        if n:
            parts.append(f'<text x="{round(x + bar_w / 2 - 2, 1)}" y="{round(bottom - h - 4, 1)}" '
                         f'text-anchor="middle" font-size="11">{n}</text>')
        parts.append(f'<text x="{x}" y="{bottom + 14}" font-size="10">{lo}</text>')
    parts.append(f'<text x="{width - 28}" y="{bottom + 14}" font-size="10">100</text>')
    parts.append(f'<text x="4" y="{bottom + 26}" font-size="10">score</text></svg>')
    return Markup("".join(parts))
