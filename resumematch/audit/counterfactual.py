"""Counterfactual fairness checks: name, pronouns, gendered affiliations, graduation/birth years
and address must never move a score. ``check_text`` scores a resume and every ``variants(text)``
rewrite with one Screener and reports any change (see docs/fairness.md). No spaCy import here."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..analyze.rules.headings import QUALIFICATIONS

#: Names typical of different genders and ethnic backgrounds (the audit-study classics).
NAMES = ("Emily Walsh", "Lakisha Washington", "José Hernández", "Mei Chen",
         "Mohammed Al-Sayed", "Darnell Jackson", "Greg Baker", "Priya Patel")
#: Very different neighbourhoods (zip codes are a known proxy for race and income).
ADDRESSES = ("12 Oak Street, Beverly Hills, CA 90210", "845 Linden Avenue, Gary, IN 46402")
#: Pronoun sets by role: subject, possessive determiner, object, possessive pronoun, reflexive.
_FORMS = {"he": ("he", "his", "him", "his", "himself"), "she": ("she", "her", "her", "hers", "herself"),
          "they": ("they", "their", "them", "theirs", "themselves")}
_ROLE: dict[str, int] = {}
for _forms in _FORMS.values():
    for _i, _w in enumerate(_forms):
        _ROLE.setdefault(_w, _i)
_TO = {target: {w: forms[i] for w, i in _ROLE.items()} for target, forms in _FORMS.items()}
_PRONOUN = re.compile(r"\b(?:" + "|".join(sorted(_TO["he"], key=len, reverse=True)) + r")\b", re.IGNORECASE)
GENDERED = (("Society of Women Engineers", "Society of Engineers"), ("Women in Tech", "Tech Community"),
            ("Women's ", ""), ("Men's ", ""), ("Womens ", ""), ("Mens ", ""))
_AFFILIATION_LINES = ("Chess Club (captain); Society of Engineers (member)",
                      "Women's Chess Club (captain); Society of Women Engineers (member)",
                      "Men's Chess Club (captain); Society of Engineers (member)")
_YEAR = re.compile(r"(?<![\d/.-])(19[5-9]\d|20[0-3]\d)(?![\d/])")
_BIRTH = re.compile(r"\b(?:born|dob|d\.o\.b\.?|date of birth|birth ?date|year of birth)\b", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+%-])([A-Za-z0-9][A-Za-z0-9._%+'’-]*)(@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})")
_LOCATION = re.compile(r"(?:\d{1,6} [A-Z][\w .]+?, )?\b[A-Z][a-z][a-zA-Z.]*(?: [A-Z][a-z][a-zA-Z.]*)*, "
                       r"[A-Z]{2}\b(?: \d{5}(?:-\d{4})?)?")


@dataclass(frozen=True)
class Variant:
    kind: str  # name, pronouns, affiliation, years, address
    description: str
    text: str


@dataclass(frozen=True)
class VariantResult:
    kind: str
    description: str
    score: float | None
    delta: float | None
    changed: tuple[str, ...]  # requirement ids whose strength changed

    @property
    def passed(self) -> bool:
        return self.delta == 0 and not self.changed


@dataclass(frozen=True)
class FairnessReport:
    name: str
    baseline_score: float | None
    results: tuple[VariantResult, ...] = ()
    skipped: str = ""  # why the file could not be checked (no text, unreadable)
    passed: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "passed", all(r.passed for r in self.results))

    @property
    def failures(self) -> tuple[VariantResult, ...]:
        return tuple(r for r in self.results if not r.passed)


def _case_like(word: str, template: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    return word.lower() if template.islower() else word[:1].upper() + word[1:]


def _ascii(text: str) -> str:  # "José" -> "jose"
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _lines(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in re.finditer(r"(?m)^.*$", text)]


def _sections(text: str) -> list[tuple[int, str]]:
    """(line start, section label) for every heading line; the pipeline's own heading rules."""
    from ..analyze.rules.headings import heading_label

    return [(start, label) for start, line in _lines(text) if 0 < len(line.strip()) <= 60
            and (label := heading_label(line.strip(" \"'*#_=|:")))]


def detect_name(text: str) -> str | None:
    """The candidate's name as the pipeline finds it, else a name-like first line."""
    from ..analyze.rules.names import clean_name, find_name, name_score

    found = find_name(text, _header_end(text))
    if found:
        return found[0]
    first = clean_name(next((line for line in text.splitlines() if line.strip()), ""))
    return first if name_score(first) else None


def _swap_name(text: str, old: str, new: str) -> str:
    """Every occurrence of ``old``, of its first and other name tokens (also accent-free), and the
    email local parts, replaced by ``new`` in the same letter case."""
    text = _EMAIL.sub(lambda m: ".".join(map(_ascii, (new.split()[0], new.split()[-1]))) + m.group(2), text)
    first, *rest = old.split()
    pairs = [(old, new), (first, new.split()[0])] + [(t, new.split()[-1]) for t in rest]
    pairs += [(_ascii(a), _ascii(b)) for a, b in pairs if _ascii(a) != a.lower()]
    for src, dst in pairs:
        text = re.sub(rf"(?<!\w){re.escape(src)}(?!\w)", lambda m, d=dst: _ascii(d) if m.group(0).islower()
                      else _case_like(d, m.group(0)), text, flags=re.IGNORECASE)
    return text


def _swap_pronouns(text: str, target: str) -> str:
    return _PRONOUN.sub(lambda m: _case_like(_TO[target][m.group(0).lower()], m.group(0)), text)


def _shift_years(text: str, years: int) -> str:
    """Years in the Education section and on birth-date lines shifted; work dates untouched."""
    heads = dict(_sections(text))
    out, section = [], None
    for start, line in _lines(text):
        section = heads.get(start, section)
        # a "Qualifications" section may hold degrees: its years shift too (they only move if dated)
        if (section in ("education", QUALIFICATIONS) and start not in heads) or _BIRTH.search(line):
            line = _YEAR.sub(lambda m: str(int(m.group(1)) + years), line)
        out.append(line)
    return "\n".join(out)


def _header_end(text: str) -> int:
    """Where the contact block ends: the first heading other than "Contact"/"Personal details"."""
    contact = {"contact", "contact information", "personal details", "personal information"}
    heads = [start for start, _ in _sections(text)
             if text[start:].split("\n", 1)[0].strip(" #*:").lower() not in contact]
    return heads[0] if heads else min(len(text), 300)


def _with_address(text: str, address: str) -> str:
    """The first "City, ST" (or street address) of the contact block replaced, else one added."""
    end = _header_end(text)
    if _LOCATION.search(text[:end]):
        return _LOCATION.sub(address, text[:end], count=1) + text[end:]
    return _add_after_first(text, address)


def _with_activity(text: str, line: str) -> str:
    """``line`` added to the Activities/Affiliations section, or in a new one at the end."""
    for start, _ in _sections(text):
        heading, _, rest = text[start:].partition("\n")
        if re.search(r"activit|affiliation|membership|extracurricular", heading, re.IGNORECASE):
            return text[:start] + heading + "\n" + line + "\n" + rest
    heading = "## Activities" if re.search(r"^#{1,3} ", text, re.MULTILINE) else "ACTIVITIES"
    return text.rstrip("\n") + f"\n\n{heading}\n{line}\n"


def _neutralise(text: str, swap: bool = False) -> str:
    """Gendered qualifiers removed, or (``swap``) Women's and Men's exchanged."""
    if swap:
        return re.sub(r"\b(Wo)?(men)(['’]s)", lambda m: _case_like("men" if m.group(1) else "women", m.group(0))
                      + m.group(3), text, flags=re.IGNORECASE)
    for gendered, neutral in GENDERED:
        text = re.sub(rf"\b{re.escape(gendered)}", neutral, text, flags=re.IGNORECASE)
    return text


def variants(text: str, *, max_year: int | None = None) -> list[Variant]:
    """Counterfactual variants of ``text`` that differ only in a protected attribute.

    ``max_year`` (the Screener's as_of year) drops a +10 years variant that would move a
    graduation into the future (an expected graduation legitimately differs)."""
    out: list[Variant] = []
    name = detect_name(text)
    if name:
        for new in NAMES:
            if new.lower() != name.lower():
                out.append(Variant("name", f"name {name!r} -> {new!r}", _swap_name(text, name, new)))
    for target in ("he", "she", "they"):
        out.append(Variant("pronouns", f"pronouns -> {target}", _swap_pronouns(text, target)))
    for line in ("he/him", "she/her", "they/them"):
        out.append(Variant("pronouns", f"line 'Pronouns: {line}' added", _add_after_first(text, f"Pronouns: {line}")))
    if any(re.search(rf"\b{re.escape(g)}", text, re.IGNORECASE) for g, _ in GENDERED):
        out.append(Variant("affiliation", "gendered qualifiers removed", _neutralise(text)))
        out.append(Variant("affiliation", "Women's <-> Men's swapped", _neutralise(text, swap=True)))
    for line in _AFFILIATION_LINES:
        out.append(Variant("affiliation", f"activities line added: {line!r}", _with_activity(text, line)))
    for years in (-10, 10):
        shifted = _shift_years(text, years)
        if not (max_year and years > 0 and any(int(y) > max_year for y in _YEAR.findall(shifted))):
            out.append(Variant("years", f"graduation/birth years shifted {years:+d}", shifted))
    for address in ADDRESSES:
        out.append(Variant("address", f"address -> {address!r}", _with_address(text, address)))
    return [v for v in out if v.text != text]


def _add_after_first(text: str, line: str) -> str:
    first = text.find("\n")
    return text + "\n" + line if first == -1 else text[:first + 1] + line + "\n" + text[first + 1:]


def check_text(text: str, screener, name: str = "<text>") -> FairnessReport:
    """Score ``text`` and all its variants with ``screener``; any difference fails the check."""
    base = screener.score_text(text, name)
    if base.score is None:
        return FairnessReport(name, None, (), skipped=base.reason or base.status)
    strengths, as_of, results = base.strengths(), getattr(screener, "as_of", None), []
    for v in variants(text, max_year=as_of.year if as_of else None):
        r = screener.score_text(v.text, name)
        other = r.strengths()
        changed = tuple(sorted(k for k in strengths.keys() | other.keys() if strengths.get(k) != other.get(k)))
        delta = None if r.score is None else r.score - base.score
        results.append(VariantResult(v.kind, v.description, r.score, delta, changed))
    return FairnessReport(name, base.score, tuple(results))


def check_files(paths: Iterable[str | os.PathLike], screener) -> list[FairnessReport]:
    """``check_text`` for every resume under ``paths``; files without text are reported as skipped."""
    from ..extraction import extract
    from ..run.discover import find_resumes

    reports = []
    for path in find_resumes(paths):
        doc = extract(path, options=getattr(screener, "options", None))
        reports.append(check_text(doc.text, screener, name=str(path)) if doc.ok and doc.text.strip()
                       else FairnessReport(str(path), None, (), skipped=f"{doc.status}: {doc.reason}"))
    return reports


def format_report(reports: Iterable[FairnessReport]) -> str:
    """A plain-text summary: one line per file, and every variant that changed anything."""
    reports = list(reports)
    lines = []
    for rep in reports:
        if rep.skipped:
            lines.append(f"SKIPPED {rep.name}: {rep.skipped}")
            continue
        verdict = "PASS" if rep.passed else "FAIL"
        lines.append(f"{verdict} {rep.name}: baseline {rep.baseline_score:g}, {len(rep.results)} variants")
        for r in rep.failures:
            delta = "unscored" if r.delta is None else f"{r.delta:+g}"
            lines.append(f"    [{r.kind}] {r.description}: score {r.score} ({delta}); "
                         f"changed: {', '.join(r.changed) or 'none'}")
    failed, skipped = sum(not r.passed for r in reports), sum(bool(r.skipped) for r in reports)
    lines.append(f"{len(reports)} files: {len(reports) - failed - skipped} passed, {failed} failed, {skipped} skipped")
    return "\n".join(lines)
