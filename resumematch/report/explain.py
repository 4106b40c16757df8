"""Why a candidate scored as they did: a JSON-ready explanation and a terminal report, both views
of one file's row in the files table and its scorecard."""

from __future__ import annotations

import math

from ..score.facts import snippet, when
from ..score.scorecard import Scorecard
from ..types import FINDING_STATUS_WORDS, METHOD_WORDS, Kind

__all__ = ["explanation", "format_report", "snippet"]


def _number(value):
    return None if value is None or (isinstance(value, float) and not math.isfinite(value)) else value


def _text(value) -> str | None:
    """A text cell of the files table; None when missing (NaN in a frame)."""
    return value if isinstance(value, str) and value else None


def _strict(data):
    """``data`` as strict JSON allows it: a NaN or infinite number becomes None (``null``)."""
    if isinstance(data, dict):
        return {k: _strict(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_strict(v) for v in data]
    return _number(data) if isinstance(data, float) else data


def explanation(fact: dict, card: Scorecard | None) -> dict:
    """Everything needed to defend a ranking: per requirement, strength and evidence.

    ``fact`` is the file's row of the files table (a dict), ``card`` its scorecard; a file that
    was not scored stops after ``sha256``, with ``missing`` (every required item, unassessed).
    Returns strict JSON data: a missing value is None, never NaN."""
    out = {"file": fact["file"], "status": fact["status"], "reason": _text(fact["reason"]) or "",
           "score": card.total if card and card.assessed else None,
           "flags": [f for f in (_text(fact["flags"]) or "").split(";") if f], "sha256": _text(fact["sha256"])}
    if card is None or not card.assessed:
        if card is not None:
            out["missing"] = list(card.missing)
        return _strict(out)
    out["candidate"] = {"name": _text(fact["candidate_name"]), "email": _text(fact["email"]),
                        "phone": _text(fact["phone"])}
    out["experience_years"] = _number(fact["total_years"])
    out["relevant_experience_years"] = _number(fact["relevant_years"])
    out["role_experience_years"] = _number(fact["role_years"])
    out["internship_years"] = _number(fact["internship_years"])
    out["fit"] = {"value": _number(fact.get("fit")), "occupation": fact.get("fit_occupation") or None,
                  "terms": [t for t in (fact.get("fit_terms") or "").split(", ") if t]}
    out["text_fit"] = {"value": _number(fact.get("text_fit")),
                       "terms": [t for t in (fact.get("text_fit_terms") or "").split(", ") if t]}
    out["jobs"] = [{"title": title, "start": start, "end": end, "years": years, "counted": counted, "why": why}
                   for title, start, end, years, counted, why in fact.get("jobs") or ()]
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
    out["other_findings"] = [f for f in (_text(fact["other_findings"]) or "").split(";") if f]
    return _strict(out)


def _status(status: str) -> str:
    return FINDING_STATUS_WORDS.get(status, status)


def _where(section: str, page: int | None) -> str:
    """"in Experience, page 1": where a finding is, as a reader of the resume would say it."""
    place = {"header": "in the header", "other": "in another section"}.get(section, f"in {section.title()}")
    return f"{place}, page {page}" if page else place


def format_report(data: dict) -> str:
    """A plain-text report for a terminal, from ``explanation``'s output: the machine values of
    methods, statuses and sections are said in a recruiter's words ("a close form of the phrase,
    named, in Experience, page 1")."""
    lines = [f"{data['file']}"]
    if data["score"] is None:
        lines.append(f"  status: {data['status']} — {data['reason']}")
        return "\n".join(lines)
    cand = data["candidate"]
    lines.append(f"  candidate: {cand['name'] or '?'}  {cand['email'] or ''}  {cand['phone'] or ''}".rstrip())
    lines.append(f"  score: {data['score']:.1f} / 100   relevant experience: "
                 f"{data['relevant_experience_years']:g} years")
    fit = data.get("fit") or {}
    if fit.get("value") is not None:
        lines.append(f"  fit to the role's occupation: {fit['value']:.2f}"
                     + (f" (closest: {fit['occupation']}; shared words: {', '.join(fit['terms'])})"
                        if fit.get("occupation") else ""))
    text_fit = data.get("text_fit") or {}
    if text_fit.get("value") is not None:
        lines.append(f"  fit to the role's own words: {text_fit['value']:.2f}"
                     + (f" (shared words: {', '.join(text_fit['terms'])})" if text_fit.get("terms") else ""))
    for job in data.get("jobs", []):
        mark = "counted" if job["counted"] else "not counted"
        lines.append(f"  job: {job['title'] or 'a job'} ({when(job['start'], job['end'])}, {job['years']:g} years): "
                     f"{mark}, {job['why']}")
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
            how = ", ".join((METHOD_WORDS.get(ev["method"], ev["method"]), _status(ev["status"]),
                             _where(ev["section"], ev["page"])))
            lines.append(f"      evidence ({how}): {ev['snippet']}")
        if item["note"]:
            lines.append(f"      note: {item['note']}")
        for nc in item.get("not_counted", []):
            lines.append(f"      not counted ({_status(nc['status'])}, {_where(nc['section'], nc['page'])}): "
                         f"{nc['text']}")
    if data["missing"]:
        lines.append("")
        lines.append("  missing required: " + ", ".join(data["missing"]))
    if data["other_findings"]:
        lines.append("  also found (not asked for): " + ", ".join(data["other_findings"]))
    return "\n".join(lines)
