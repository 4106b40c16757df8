"""A job posting as sentences: read it (TXT, MD, HTML, PDF, DOCX through ``extract``), split it into
headed sentences and bullets, and read each item's kind from the posting's own cues."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InputError
from ..extraction import extract
from ..types import Kind

#: Words that make an item required or preferred, in the posting's sentence or its heading.
REQUIRED_CUES = ("must", "required", "requires", "require", "minimum", "mandatory", "essential")
PREFERRED_CUES = ("preferred", "a plus", "nice to have", "nice-to-have", "desired", "desirable", "bonus",
                  "advantage", "ideally", "pluses", "is an asset", "would be great")
#: Headings that name the posting's duties.
DUTY_HEADINGS = re.compile(r"responsib|duties|what you('| wi)ll do|your role|day[- ]to[- ]day|"
                           r"key tasks|in this role|what you do|job description|essential functions", re.I)
#: Sections that are not the role's requirements: the company, benefits, legal notes, an article's end matter.
IGNORED_HEADINGS = re.compile(r"^(about (us|the company|\w+)$|who we are|benefits|perks|what we offer|"
                              r"equal (employment )?opportunity|eeo|compensation|salary|how to apply)", re.I)
#: Headings after which a web page is no longer the posting (an article's end matter).
END_MATTER = re.compile(r"^(further reading|related (articles|posts|jobs)|about the author|share this|similar jobs)",
                        re.I)
_CUE = re.compile(r"\b(" + "|".join(re.escape(c) for c in REQUIRED_CUES + PREFERRED_CUES) + r")\b", re.I)
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25cf\u2013\u00b7]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class Sentence:
    """One sentence or bullet of a posting, with the heading it sits under."""

    text: str
    heading: str
    index: int
    bullet: bool

    def kind_at(self, start: int, end: int) -> Kind:
        """The kind of an item at ``start:end``: the nearest cue in its clause (between semicolons),
        else the heading's cue, else preferred."""
        clause_start = self.text.rfind(";", 0, start) + 1
        clause_end = self.text.find(";", end)
        clause_end = len(self.text) if clause_end < 0 else clause_end
        best: tuple[int, Kind] | None = None
        for cue in _CUE.finditer(self.text, clause_start, clause_end):
            distance = cue.start() - end if cue.start() >= end else start - cue.end()
            kind = Kind.REQUIRED if cue.group(1).lower() in REQUIRED_CUES else Kind.PREFERRED
            if best is None or distance < best[0]:
                best = (distance, kind)
        if best:
            return best[1]
        return heading_kind(self.heading) or Kind.PREFERRED


def heading_kind(heading: str) -> Kind | None:
    """The kind a heading gives its items ("Required qualifications", "Nice to have"), or None."""
    found = [m.group(1).lower() for m in _CUE.finditer(heading)]
    if any(c in PREFERRED_CUES for c in found):
        return Kind.PREFERRED
    if any(c in REQUIRED_CUES for c in found) or re.search(r"\b(requirements|must[- ]haves?)\b", heading, re.I):
        return Kind.REQUIRED
    return None


class _Text(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol", "section", "header"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n- " if tag == "li" else "\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCKS or tag.startswith("h"):
            self.parts.append(":\n" if tag in ("h1", "h2", "h3", "h4", "h5", "h6") else "\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(" ".join(data.split()) if data.strip() else " ")


def html_to_text(html: str) -> str:
    """The text of an HTML posting, one block per line, list items as bullets, headings ending ':'."""
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def read_posting(text_or_path: str | os.PathLike) -> tuple[str, str]:
    """The posting's text and a name for it: a path is read through ``extract`` (HTML stripped),
    any other string is the posting itself."""
    is_path = isinstance(text_or_path, os.PathLike) or ("\n" not in text_or_path and len(text_or_path) < 1024
                                                        and Path(text_or_path).suffix != "")
    if not is_path:
        text, name = str(text_or_path), "posting"
    else:
        path = Path(text_or_path)
        if not path.is_file():
            raise InputError(f"{path}: no such posting file")
        doc = extract(path)
        if not doc.ok:
            raise InputError(f"{path}: {doc.status}: {doc.reason}")
        text, name = doc.text, path.stem
    if re.search(r"<(html|body|p|li|ul|div|h[1-6])\b", text, re.I):
        text = html_to_text(text)
    return text, name


_HEADING_WORDS = re.compile(r"^(nice[- ]to[- ]haves?|(preferred|desired|required|minimum|basic|additional|key)"
                            r"( qualifications| skills| experience)?|bonus( points)?|pluses|requirements|"
                            r"qualifications|must[- ]haves?|skills|education|certifications?)$", re.I)


def _is_heading(line: str) -> bool:
    words = line.rstrip(":").split()
    if _HEADING_WORDS.match(line.rstrip(":").strip()) or (len(words) <= 5 and DUTY_HEADINGS.search(line)
                                                          and not re.search(r"[.!?,;]$", line)):
        return True
    if line.endswith(":") and len(words) <= 8:
        return True
    if line.startswith("#"):
        return True
    return 0 < len(words) <= 6 and not re.search(r"[.!?,;]$", line) and (line.isupper() or line.istitle())


#: A full stop ends a sentence unless it follows an abbreviation ("B.S.", "e.g.", "Sr.").
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")
_ABBREV = re.compile(r"(\b[A-Za-z]\.){2,}$|\b(e\.g|i\.e|etc|Sr|Jr|Dr|Mr|Ms|vs|St|No|approx|incl)\.$", re.I)


def sentences(text: str) -> list[Sentence]:
    """The posting's sentences and bullets in order, each with the heading above it."""
    out: list[Sentence] = []
    heading = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        bullet = bool(_BULLET.match(line))
        line = _BULLET.sub("", line).strip().lstrip("#").strip().replace("**", "")
        if not line:
            continue
        if not bullet and _is_heading(line):
            heading = line.rstrip(":").strip()
            if END_MATTER.search(heading):
                break
            continue
        if IGNORED_HEADINGS.search(heading):
            continue
        here = heading
        if ":" in line[:40] and heading_kind(line.split(":", 1)[0]) is not None:  # "Required: a BSc"
            here, line = line.split(":", 1)[0].strip(), line.split(":", 1)[1].strip()
            if not line:
                continue
        pieces, start = [], 0
        for match in _SPLIT.finditer(line):
            if not _ABBREV.search(line[:match.start()]):
                pieces.append(line[start:match.start()])
                start = match.end()
        pieces.append(line[start:])
        for piece in pieces:
            if piece.strip():
                out.append(Sentence(piece.strip(), here, len(out), bullet))
    return out
