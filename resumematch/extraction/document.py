"""The value that extraction hands to every later stage."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import ClassVar

from ..types import DOC_STATUS_MEANING, DocStatus

#: Every status a document can carry, with what it means for a recruiter.
STATUSES = DOC_STATUS_MEANING


@dataclass(frozen=True)
class PageSpan:
    """Where one page's text sits inside ``Document.text`` (``text[start:end]``)."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """Normalised text of one resume plus how the extraction went.

    ``status`` is ``"ok"`` when text was found; otherwise ``text`` is usually
    empty and ``reason`` tells a recruiter what went wrong in plain words.
    """

    text: str
    pages: tuple[PageSpan, ...]
    format: str
    status: DocStatus = DocStatus.OK
    reason: str = ""
    warnings: tuple[str, ...] = ()
    source: str | None = None
    sha256: str = ""
    hidden_chars: int = 0
    hidden_text: str = ""
    meta: dict = field(default_factory=dict, compare=False)

    #: The most characters of text one resume may have (about 60 dense pages); longer text gets
    #: the status ``too_large``. The analyzer's spaCy ``max_length`` is set from it.
    MAX_CHARS: ClassVar[int] = 200_000

    @property
    def ok(self) -> bool:
        return self.status == DocStatus.OK

    def page_of(self, offset: int) -> int | None:
        """Return the 1-based page number holding character ``offset``."""
        if not self.pages:
            return None
        starts = [p.start for p in self.pages]
        i = bisect.bisect_right(starts, offset) - 1
        return self.pages[max(i, 0)].number

    def to_dict(self) -> dict:
        """A JSON-ready dict; ``pages`` become ``{"number", "start", "end"}`` objects."""
        data = dict(self.__dict__)  # not asdict(): it deep-copies, and this runs once per file
        data["pages"] = [dict(p.__dict__) for p in self.pages]
        data["warnings"] = list(self.warnings)
        data["meta"] = dict(self.meta)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Document:
        data = dict(data)
        data["pages"] = tuple(PageSpan(**p) for p in data.get("pages", ()))
        data["warnings"] = tuple(data.get("warnings", ()))
        data["status"] = DocStatus(data.get("status", DocStatus.OK))
        return cls(**data)


def failed(fmt: str, status: DocStatus | str, reason: str, **extra) -> Document:
    """A document that carries no text, only a status and the reason for it."""
    return Document(text="", pages=(), format=fmt, status=DocStatus(status), reason=reason, **extra)


def assemble(page_texts: list[str], fmt: str, **extra) -> Document:
    """Join normalised page texts into one ``Document`` with page spans.

    Pages are separated by a blank line so that a section never runs across a
    page break by accident.
    """
    parts: list[str] = []
    spans: list[PageSpan] = []
    pos = 0
    for number, text in enumerate(page_texts, start=1):
        if parts:
            parts.append("\n\n")
            pos += 2
        spans.append(PageSpan(number, pos, pos + len(text)))
        parts.append(text)
        pos += len(text)
    return Document(text="".join(parts), pages=tuple(spans), format=fmt, **extra)
