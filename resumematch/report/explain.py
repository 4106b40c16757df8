"""Why a candidate scored as they did: a JSON-ready explanation and a terminal report, both views
of one file's row in the files table and its scorecard."""

from __future__ import annotations

import math

from ..score.facts import snippet
from ..score.scorecard import Scorecard
from ..types import Kind

__all__ = ["explanation", "format_report", "snippet"]


def _number(value):
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def explanation(fact: dict, card: Scorecard | None) -> dict:
    """Everything needed to defend a ranking: per requirement, strength and evidence.

    ``fact`` is the file's row of the files table (a dict), ``card`` its scorecard; a file that
    was not scored stops after ``sha256``, with ``missing`` (every required item, unassessed)."""
    out = {"file": fact["file"], "status": fact["status"], "reason": fact["reason"] or "",
           "score": card.total if card and card.assessed else None,
           "flags": [f for f in (fact["flags"] or "").split(";") if f], "sha256": fact["sha256"]}
    if card is None or not card.assessed:
        if card is not None:
            out["missing"] = list(card.missing)
        return out
    out["candidate"] = {"name": fact["candidate_name"], "email": fact["email"], "phone": fact["phone"]}
    out["experience_years"] = _number(fact["total_years"])
    out["relevant_experience_years"] = _number(fact["relevant_years"])
    out["internship_years"] = _number(fact["internship_years"])
    out["categories"] = card.categories
    out["missing"] = list(card.missing)
    reqs = []
    for r in card.requirements:
        item = {"id": r.id, "label": r.label, "category": r.category, "kind": r.kind, "weight": r.weight,
                "strength": r.strength, "met": r.met, "note": r.note, "via": r.via, "evidence": None}
        if r.evidence:
            e = r.evidence
            item["evidence"] = {"text": e.text, "name": e.name, "method": e.method, "score": e.score,
                                "status": e.status, "section": e.section, "page": e.page,
                                "snippet": r.snippet}
        not_counted = [e for e in r.also_seen if not e.counts]
        if not r.met and not_counted:
            item["not_counted"] = [{"text": e.text, "status": e.status, "section": e.section, "page": e.page}
                                   for e in not_counted[:3]]
        reqs.append(item)
    out["requirements"] = reqs
    out["other_findings"] = [f for f in (fact["other_findings"] or "").split(";") if f]
    return out


def format_report(data: dict) -> str:
    """A plain-text report for a terminal, from ``explanation``'s output."""
    lines = [f"{data['file']}"]
    if data["score"] is None:
        lines.append(f"  status: {data['status']} — {data['reason']}")
        return "\n".join(lines)
    cand = data["candidate"]
    lines.append(f"  candidate: {cand['name'] or '?'}  {cand['email'] or ''}  {cand['phone'] or ''}".rstrip())
    lines.append(f"  score: {data['score']:.1f} / 100   relevant experience: "
                 f"{data['relevant_experience_years']:g} years")
    if data["flags"]:
        lines.append(f"  flags: {', '.join(data['flags'])}")
    lines.append("  categories: " + ", ".join(f"{c} {v:.2f}" for c, v in data["categories"].items()))
    lines.append("")
    for item in data["requirements"]:
        mark = "✔" if item["met"] else ("✘" if item["kind"] == Kind.REQUIRED else "·")
        head = f"  {mark} {item['id']:<28} {item['strength']:.2f}  {item['label']} [{item['kind']}]"
        lines.append(head)
        ev = item["evidence"]
        if ev:
            where = f"{ev['section']}, page {ev['page']}" if ev["page"] else ev["section"]
            lines.append(f"      evidence ({ev['method']}, {ev['status']}, {where}): {ev['snippet']}")
        if item["note"]:
            lines.append(f"      note: {item['note']}")
        for nc in item.get("not_counted", []):
            lines.append(f"      not counted ({nc['status']}, {nc['section']}): {nc['text']}")
    if data["missing"]:
        lines.append("")
        lines.append("  missing required: " + ", ".join(data["missing"]))
    if data["other_findings"]:
        lines.append("  also found (not asked for): " + ", ".join(data["other_findings"]))
    return "\n".join(lines)
