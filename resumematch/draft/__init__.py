"""A requirement model drafted from a job posting, offline and explainably.

``draft_model(text_or_path)`` reads a posting (TXT, MD, HTML, PDF or DOCX, or its text), cuts it
into sentences and list items, finds what each asks for with the catalogue and a few rules, and
returns the validated model; ``draft_yaml`` returns the same model as commented YAML to review and
edit, checked as ``check-model`` checks it. Every requirement's ``source`` is the posting's sentence
it came from; ``explain`` says, sentence by sentence, what each became or why it was skipped.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

import srsly

from ..catalog import load_catalog
from ..errors import InputError, ModelError
from ..model import RequirementModel
from ..types import Category, ExperienceYears, Kind
from .alternatives import settle
from .credentials import credentials, schooling
from .duties import duties
from .experience import experience, relevant_terms
from .finders import EQUIVALENT_YEARS, Item, degrees, internship, soft_skills
from .knowledge import knowledge
from .posting import CUE, Sentence, heading_kind, segments, sentences
from .reading import read_posting
from .render import CATEGORY_WEIGHTS, KIND_WEIGHTS, render, slug
from .segment import skip_reason
from .title import names_occupation, posting_title
from .tools import technologies

__all__ = ["CATEGORY_WEIGHTS", "EQUIVALENT_YEARS", "KIND_WEIGHTS", "Item", "draft_items", "draft_model", "draft_yaml",
           "explain", "posting_title", "relevant_terms"]

#: Years of relevant work at full strength when the posting names the occupation but no number
#: (the model's own default).
DEFAULT_FULL_STRENGTH_YEARS = 8
#: The weight of "Latest job as <title>" in a draft: a required item's, on a preferred item
#: (docs/scoring.md, "The latest job").
LATEST_WEIGHT = KIND_WEIGHTS[Kind.REQUIRED]
def draft_items(text: str, title: str | None = None) -> tuple[list[Item], dict, list[Sentence], list[str]]:
    """The items a posting's text asks for, the model's ``experience`` block, its sentences, and
    what was left out and why. ``title`` is the job's title (by default the posting's own)."""
    catalog = load_catalog()
    parts = sentences(text)
    title = posting_title(text) if title is None else title
    found = degrees(parts, catalog) + credentials(parts, catalog) + schooling(parts)
    years, block = experience(parts, catalog, title)
    if not any(not i.left_out for i in years) and (terms := relevant_terms(title, [])):
        # The title names an occupation: jobs in it are what makes experience relevant.
        block = {"full_strength_years": DEFAULT_FULL_STRENGTH_YEARS, "relevant_terms": terms}
    found += years + technologies(parts, catalog) + knowledge(parts, catalog) + internship(parts) \
        + soft_skills(parts, catalog) + duties(parts)
    if block and names_occupation(title) and not any(i.category == Category.EXPERIENCE and not i.left_out
                                                       for i in found):
        # A posting for an occupation asks for experience in it, named in words or not: who has
        # worked as what, and for how long, is what sets its own field apart (issue: rank the right
        # people first). Preferred: a posting that names no years does not make them a bar.
        found.append(Item("experience.years", Category.EXPERIENCE, f"Years of work as {title} or in a related "
                          "occupation"[:90], Kind.PREFERRED, f"The posting's title: {title}",
                          note="Added from the title: the posting names no years of experience; jobs that "
                               "read as the role's occupations count (experience.occupations)."))
    found += _role_years(title)
    settle(found, parts)  # alternatives joined by "OR": none is required on its own
    seen: dict[str, int] = {}
    for item in found:  # ids are unique: a second "degree.bachelor_x" becomes "degree.bachelor_x_2"
        item.id = ".".join(re.sub(r"[^a-z0-9]+", "_", part.lower()).strip("_") or "item" for part in item.id.split("."))
        seen[item.id] = seen.get(item.id, 0) + 1
        if seen[item.id] > 1:
            item.id = f"{item.id}_{seen[item.id]}"
    left_out = _complete(found, block, title)
    left_out += [f"{i.note} (from: {i.source!r})" for i in found if i.left_out and i.note]
    left_out += _unread(parts, found, left_out)
    return [i for i in found if not i.left_out], block, parts, left_out


def _unread(parts: list[Sentence], found: list[Item], left_out: list[str]) -> list[str]:
    """What the posting asks (a sentence with a cue, or under a heading that asks) that became no
    requirement and no note: said, so a reviewer adds it by hand if they screen by it ("Bilingual in
    English and Spanish", "Notary Public commission preferred"). Nothing a posting asks is dropped
    without a word."""
    sources = [i.source for i in found if i.source]
    out = []
    for s in parts:
        cues = {m.group(1).lower() for m in CUE.finditer(s.text)} - {"bonus"}  # "Annual profit-sharing bonus"
        asks = cues or heading_kind(s.heading) is not None and s.bullet
        # a whole item, not a page's wrapped fragment ("equivalent combination of ...", "OR;", "A)")
        whole = re.match(r"[A-Z0-9]", s.text) and len(re.findall(r"[A-Za-z]{2,}", s.text)) >= 3
        drafted = any(s.text in src or src in s.text for src in sources) \
            or any(f"(from: {s.text!r})" in r for r in left_out) \
            or any(_names_again(i, s.text) for i in found if not i.left_out)  # drafted from another sentence
        if not asks or not whole or drafted or skip_reason(s.text, s.heading):
            continue
        out.append("asked, but no requirement: nothing in it is a degree, credential, years, tool, skill or duty "
                   f"the drafter knows; add it by hand if you screen by it (from: {s.text!r})")
    return list(dict.fromkeys(out))


def _role_years(title: str) -> list[Item]:
    """Years in the role itself, preferred, when the posting's title names an occupation: who has
    worked as what, and for how long, is the evidence a posting for that occupation asks of first."""
    from ..catalog.occupations import background

    occupation = background().closest_title(title) if names_occupation(title) else None
    if occupation is None:
        return []
    return [Item("experience.role_years", Category.EXPERIENCE, f"Years as {title}"[:90], Kind.PREFERRED,
                 f"The posting's title: {title}", {"years": str(ExperienceYears.ROLE)},
                 note=f"Added from the title: years in jobs whose title names {occupation.title} "
                      "(experience.role_occupations, or the occupation closest to the title)."),
            Item("experience.latest_role", Category.EXPERIENCE, f"Latest job as {title}"[:90], Kind.PREFERRED,
                 f"The posting's title: {title}", {"years": str(ExperienceYears.LATEST), "weight": LATEST_WEIGHT},
                 note="Added from the title: the latest dated job is the role itself (its title names "
                      f"{occupation.title}; relevant work lends half). The job one holds now is the trade one "
                      "is in, so it weighs as a required item; it is preferred, as one between jobs or changing "
                      "trades may still fit.")]


def _complete(items: list[Item], block: dict, title: str) -> list[str]:
    """Make the draft valid: an equivalence or experience requirement needs relevant terms, taken
    from the role's title when the posting's years named none; without any, the clause is left out."""
    needs = [i for i in items if i.category == Category.EXPERIENCE and "years" not in i.fields
             or "satisfied_by" in i.fields]
    if not needs or block.get("relevant_terms"):
        return []
    # The fields of study a degree names are the catalogue's, specific by construction.
    fields = [f.lower() for i in needs for f in i.fields.get("degree", {}).get("fields", [])]
    terms = relevant_terms(title, []) or list(dict.fromkeys(fields))
    if terms:
        block.update({"full_strength_years": block.get("full_strength_years") or max(
            (i.fields["satisfied_by"]["experience_years"] for i in needs if "satisfied_by" in i.fields), default=5),
            "relevant_terms": terms})
        return []
    left_out = []
    for item in needs:
        if item.category == Category.EXPERIENCE:
            item.left_out = True
            left_out.append(f"{item.id} ({item.label}): the posting's title names no occupation and the years name "
                            "no field, so no job could count as relevant; add it with `experience.relevant_terms`")
        else:
            item.fields.pop("satisfied_by")
            left_out.append(f"{item.id}: its equivalent-experience clause, for the same reason")
    block.clear()
    return left_out


def _description(items: list[Item]) -> str:
    """A short description from the posting's own requirement sentences, required ones first: as
    many whole sentences as fit in about 400 characters (the first one cut at a word if it alone
    is longer)."""
    ordered = sorted((i for i in items if "years" not in i.fields), key=lambda i: i.kind != Kind.REQUIRED)
    text = ""
    for sentence in dict.fromkeys(i.source.rstrip(" .") + "." for i in ordered if len(i.source.split()) > 2):
        if len(f"{text} {sentence}".strip()) > 400:
            return text or sentence[:400].rsplit(" ", 1)[0]
        text = f"{text} {sentence}".strip()
    return text


def draft_yaml(text_or_path: str | os.PathLike) -> str:
    """The drafted model as commented YAML that loads without edits (checked as ``check-model``
    checks it; a draft that would fail is a bug, raised as ``InputError``)."""
    text, name = read_posting(text_or_path)
    title = posting_title(text)
    items, block, _, left_out = draft_items(text, title)
    if not items:
        raise InputError(f"{name}: found no requirements in the posting")
    origin = f"the posting {os.fspath(text_or_path)!r}" if name != "posting" else "a job posting"
    shown = title or (name if name != "posting" else "Drafted role")
    content = render(items, block, name=slug(shown), title=shown, origin=origin, description=_description(items),
                     left_out=left_out)
    _check(content, name)
    return content


def _check(content: str, name: str) -> None:
    from ..model import check_model
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.yaml"
        path.write_text(content, encoding="utf-8")
        try:
            check_model(path)
        except ModelError as error:
            raise InputError(f"{name}: the draft would not pass check-model: {error}") from None


def draft_model(text_or_path: str | os.PathLike) -> RequirementModel:
    """A requirement model drafted from a job posting (a path, or the posting's text)."""
    content = draft_yaml(text_or_path)
    return RequirementModel(**srsly.yaml_loads(content), sha256=hashlib.sha256(content.encode()).hexdigest(),
                            content=content)


def explain(text_or_path: str | os.PathLike) -> str:
    """Each sentence of the posting, in order, with what it became (kind, id, label) or why it was
    skipped; then what was left out of the draft and why."""
    text, name = read_posting(text_or_path)
    items, _, _, left_out = draft_items(text)
    lines = []
    for seg in segments(text):
        lines.append(f"<- {seg.text}" + (f"   [{seg.heading}]" if seg.heading else ""))
        made = [i for i in items if not seg.skipped and i.source and (i.source in seg.text or seg.text in i.source)]
        if seg.skipped:
            lines.append(f"     skipped: {_REASONS[seg.skipped]}")
        for item in made:
            lines.append(f"     {item.kind:<9} {item.id}  {item.label}")
        again = [i for i in items if not made and not seg.skipped and _names_again(i, seg.text)]
        for item in again:
            lines.append(f"     named again: {item.id}  {item.label} (drafted from another sentence)")
        if not made and not again and not seg.skipped:
            lines.append("     left out: see below" if any(f"(from: {seg.text!r})" in r for r in left_out)
                         else "     nothing: no degree, credential, years, technology, skill or duty recognised")
    lines += [f"left out: {reason}" for reason in left_out]
    return "\n".join(lines)


def _names_again(item: Item, sentence: str) -> bool:
    """Whether ``sentence`` names the credential, technology or skill ``item`` by its label, the
    acronym in its label or one of its aliases ("NetSuite" in a second sentence about it)."""
    if item.category not in (Category.CERTIFICATION, Category.TECHNICAL_SKILLS, Category.SOFT_SKILLS):
        return False
    names = [item.label, *re.findall(r"\(([^)]+)\)", item.label), *(item.fields.get("aliases") or [])]
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", sentence, 0 if len(n) <= 5 else re.I)
               for n in names if isinstance(n, str) and n.strip())


_REASONS = {"section": "its section is about the company, benefits, pay, legal terms or applying",
            "legal": "legal or employment-condition text (equal opportunity, citizenship, checks)",
            "benefits": "benefits or pay", "application": "an application instruction",
            "company": "the company describing itself"}
