"""One file's facts as plain rows: what the evidence and files tables are built from.

Free of pandas, so the parent can collect rows while the workers it forks stay small. The rows do
not depend on weights, kinds or category weights, so re-weighting never rebuilds them; the cache
keeps them as JSON arrays that load straight into a DataFrame (``FACTS_VERSION`` versions the
layout below).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from ..analyze.values import Analysis
from ..extraction import Document
from ..types import PeriodKind

#: The version of the row layout below, as stored in the cache and the run journal.
FACTS_VERSION = 5

#: One row per file (after ``file``, the cached part).
FILE_COLUMNS = ("file", "sha256", "format", "status", "reason", "flags", "relevant_years", "role_years", "total_years",
                "internship_years", "candidate_name", "email", "phone", "other_findings", "fit", "fit_terms",
                "fit_occupation", "jobs", "text_fit", "text_fit_terms", "latest_job", "latest_relevance")

#: One row per finding tagged with a requirement, in the analysis's order.
FINDING_COLUMNS = ("requirement", "category", "name", "text", "method", "match_score", "status", "section",
                   "page", "start", "end", "snippet")

_SENTENCE_END = re.compile(r"[.!?;•▪●](?=\s)|\n")


def snippet(text: str, start: int, end: int, limit: int = 240) -> str:
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


def facts(document: Document, analysis: Analysis | None, flags: tuple[str, ...] = ()) -> list:
    """``[file row without file, finding rows]`` for one reviewed file (JSON-ready)."""
    doc = document
    if analysis is None:
        return [[doc.sha256, doc.format, str(doc.status), doc.reason, ";".join(flags), None, None, None, None,
                 None, None, None, "", None, "", "", [], None, "", "", None], []]
    cand, text = analysis.candidate, doc.text
    other = sorted({e.name for e in analysis.entities if e.id is None})
    head = [doc.sha256, doc.format, str(doc.status), doc.reason, ";".join(flags),
            analysis.relevant_experience_years, analysis.role_experience_years, analysis.experience_years,
            analysis.internship_years,
            cand.name, cand.email, cand.phone, ";".join(other), analysis.fit, ", ".join(analysis.fit_terms),
            analysis.fit_occupation, jobs(analysis), analysis.text_fit, ", ".join(analysis.text_fit_terms),
            *latest(analysis)]
    rows = [[e.id, e.category, e.name, e.text, e.method, e.score, e.status, e.section, e.page, e.start, e.end,
             snippet(text, e.start, e.end)] for e in analysis.entities if e.id is not None]
    return [head, rows]


def jobs(analysis: Analysis) -> list[list]:
    """Each dated job and internship as ``[title, start, end, years, counted, why]``: whether it
    counted as relevant work, and why (``analyze.relevance``; an internship's why says it is one)."""
    return [[p.title, p.start, p.end, round(p.months / 12, 2), p.relevant, p.why]
            for p in analysis.periods if p.kind in (PeriodKind.WORK, PeriodKind.INTERNSHIP)]


#: What the latest job lends: the role itself, relevant work that is not the role, other work.
LATEST_ROLE, LATEST_RELEVANT, LATEST_OTHER = 1.0, 0.5, 0.0


def latest(analysis: Analysis) -> tuple[str, float]:
    """The latest dated job, in words ("Staff Accountant (2019-05 to 2026-11)"), and what it
    lends: 1.0 when it is the role itself (its title names one of the role's own occupations), 0.5
    when it is relevant work, else 0: the job one holds now, or last held, is the trade one is in.
    Latest is the one that ends last, of those the one that began last; an internship is a job here
    too (under a model that asks for one, neither the role nor relevant). A resume that dates no
    job has its undated jobs (``analyze.rules.undated``) and the first of them, as resumes list the
    latest first, is its latest ("Senior Accountant (undated)"). ("", 0.0) when it names no job."""
    work = [(p.end, p.start, -i, p) for i, p in enumerate(analysis.periods)
            if p.kind in (PeriodKind.WORK, PeriodKind.INTERNSHIP)]
    if not work:
        return "", 0.0
    p = max(work, key=lambda w: w[:3])[3]
    lends = LATEST_ROLE if p.role else LATEST_RELEVANT if p.relevant else LATEST_OTHER
    return f"{p.title or 'a job'} ({when(p.start, p.end)})", lends


def jobs_text(rows: list[list] | None) -> str:
    """``jobs`` in words, for a CSV cell: "Java Developer (2016-03 to 2019-06, 3.3 years): counted,
    reads as Software Developers (Java, applications); ..."."""
    return "; ".join(f"{title or 'a job'} ({when(start, end)}, {years:.1f} years): "
                     f"{'counted' if counted else 'not counted'}, {why}"
                     for title, start, end, years, counted, why in rows or ())


def when(start: str, end: str) -> str:
    """A job's dates in words: "2019-05 to 2026-11", or "undated" for a job its resume dates not."""
    return f"{start} to {end}" if start else "undated"


@lru_cache(maxsize=1)
def facts_hash() -> str:
    """Hash of the code that turns a reviewed analysis into facts (this module): cached facts are
    void as soon as it changes. The review (``analyze.review``) is part of the analyze package, so
    ``pipeline_hash``, in every facts key, covers it."""
    digest = hashlib.sha256(str(FACTS_VERSION).encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]
