"""Reading a job posting: TXT, MD, HTML, PDF, DOCX (through ``extract``), or a string that is the
posting itself; HTML becomes one block per line."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InputError
from ..extraction import extract

#: File extensions of postings, so a one-line string ending in one is taken for a path.
POSTING_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".doc", ".rtf"})


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
        if not self._skip:  # inline tags keep the spaces around them: "a <strong>Senior Accountant</strong> to"
            core = " ".join(data.split())
            self.parts.append((" " if data[:1].isspace() else "") + core + (" " if core and data[-1:].isspace() else "")
                              if core else " ")


def html_to_text(html: str) -> str:
    """The text of an HTML posting, one block per line, list items as bullets, headings ending ':'."""
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def _is_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except OSError:  # a posting's text too long to be a file name
        return False


def read_posting(text_or_path: str | os.PathLike) -> tuple[str, str]:
    """The posting's text and a name for it: a path is read through ``extract`` (HTML stripped),
    any other string is the posting itself."""
    # A posting pasted as one line may hold a full stop ("C#/.NET"): a string is a path only when
    # it names a file that exists or ends in a posting's file extension.
    is_path = isinstance(text_or_path, os.PathLike) or ("\n" not in text_or_path and len(text_or_path) < 1024 and (
        Path(text_or_path).suffix.lower() in POSTING_SUFFIXES or _is_file(text_or_path)))
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
