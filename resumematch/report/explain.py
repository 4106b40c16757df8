"""Why a candidate scored as they did: a JSON-ready explanation and a terminal report."""

from __future__ import annotations

import re
from dataclasses import asdict

from ..score.result import Result

_SENTENCE_END = re.compile(r"[.!?;•▪●](?=\s)|\n")


def _snippet(text: str, start: int, end: int, limit: int = 240) -> str:
    """The sentence (or line) that holds ``text[start:end]``, whitespace collapsed; a sentence
    longer than ``limit`` characters is cut around the match, with an ellipsis where it was cut."""
    a = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 2 * limit), start)), default=0)
    after = _SENTENCE_END.search(text, end, min(len(text), end + 2 * limit))
    b = after.start() + (after.group() != "\n") if after else min(len(text), end + 2 * limit)
    cut_a, cut_b = a, b
    if b - a > limit:
        room = max(0, limit - (end - start)) // 2
        cut_a, cut_b = max(a, start - room), min(b, end + room)
    return ("…" if cut_a > a else "") + " ".join(text[cut_a:cut_b].split()) + ("…" if cut_b < b else "")


def explanation(result: Result) -> dict:
    """Everything needed to defend a ranking: per requirement, strength and evidence."""
    out = {"file": result.file, "status": result.status, "reason": result.reason, "score": result.score,
           "flags": list(result.flags), "sha256": result.document.sha256}
    if not result.scorecard:
        return out
    analysis, card, text = result.analysis, result.scorecard, result.document.text
    out["candidate"] = asdict(analysis.candidate)
    out["experience_years"] = analysis.experience_years
    out["relevant_experience_years"] = analysis.relevant_experience_years
    out["internship_years"] = analysis.internship_years
    out["categories"] = card.categories
    out["missing"] = list(card.missing)
    reqs = []
    for r in card.requirements:
        item = {"id": r.id, "label": r.label, "category": r.category, "kind": r.kind, "weight": r.weight,
                "strength": r.strength, "met": r.met, "note": r.note, "evidence": None}
        if r.evidence:
            e = r.evidence
            item["evidence"] = {"text": e.text, "name": e.name, "method": e.method, "score": e.score,
                                "status": e.status, "section": e.section, "page": e.page,
                                "snippet": _snippet(text, e.start, e.end)}
        not_counted = [e for e in r.also_seen if not e.counts]
        if not r.met and not_counted:
            item["not_counted"] = [{"text": e.text, "status": e.status, "section": e.section, "page": e.page}
                                   for e in not_counted[:3]]
        reqs.append(item)
    out["requirements"] = reqs
    out["other_findings"] = sorted({e.name for e in analysis.entities if e.id is None})
    return out


def format_report(result: Result) -> str:
    """A plain-text report for a terminal."""
    data = explanation(result)
    lines = [f"{data['file']}"]
    if not result.scorecard:
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
        mark = "✔" if item["met"] else ("✘" if item["kind"] == "required" else "·")
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
