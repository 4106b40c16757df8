"""Blind mode's one redaction: the names, emails, phones and file names of the candidates taken
out of any text, the same way in every view (ranked CSV, explanation JSONL, evidence CSV, HTML).

Resume text repeats contact details in forms other than the extracted value, so a value is not
looked for as written: a name by each of its words, case- and accent-insensitively ("ANNA
NOWAK", "Bennett", "Olivia R."); a phone by its digits, whatever the separators
("404-555-0131" for "(404) 555-0131", or its last seven digits); every email address, known or
not; a file by its path, name and stem. Words are looked up in a set, so the cost of a text
does not grow with the number of candidates.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import PurePath, PureWindowsPath

REDACTED = "[redacted]"
#: The fewest digits of a phone that identify it (a subscriber number without its area code).
PHONE_DIGITS = 7
_REMEMBERED = 1 << 16  # texts whose redaction is kept, for the texts every file repeats

# Each pattern starts only where its match may start, so a text is scanned once, not once per letter.
_EMAIL = re.compile(r"(?<![\w.+%-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")
# Seven digits or more with the separators a phone is written with; compared by their digits only.
# Not inside a word, so a content hash whose hex digits hold a phone's digits is left alone.
_DIGIT_RUN = re.compile(r"(?<![\w+(])[+(]*\d(?:[\s().\-/]{0,3}\d){6,}(?!\w)")
_PATHLIKE = re.compile(r"(?<!\S)[^\s./\\]*[./\\]\S*")
_CHUNK_EDGES = "()[]{}<>\"'“”‘’,;:!?."
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_PART = re.compile(r"\w+")
# An initial beside a redacted name ("Olivia R.", "R. Bennett"), and redactions side by side.
_INITIALS = re.compile(r"(?:(?<![\w.])[A-Z]\.\s?)?\[redacted\](?:\s[A-Z]\.(?!\w))?")
_RUNS = re.compile(r"\[redacted\](?:\s+\[redacted\])+")


def _present(value: object) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    return bool(str(value).strip())


@lru_cache(maxsize=1 << 16)  # words repeat across snippets and names: fold each once
def _folded(word: str) -> tuple[str, ...]:
    """``word`` case-folded, with and without its accents ("José" also matches "JOSE")."""
    folded = word.casefold()
    if folded.isascii():
        return (folded,)
    return folded, "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 12)  # one candidate's name words come back in each of their snippets
def _words_pattern(words: frozenset[str]) -> re.Pattern:
    """The name ``words`` (case-folded, ASCII) found wherever they stand alone, in any case."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


class Redactor:
    """Replaces every name word, email, phone and file name/path given with ``[redacted]`` (and
    every email address, given or not). Missing values (None, NaN, blanks) are ignored."""

    def __init__(self, names: Iterable[object] = (), contacts: Iterable[object] = (),
                 files: Iterable[object] = ()) -> None:
        words: set[str] = set()
        paths: set[str] = set()
        phones: set[str] = set()
        for name in filter(_present, names):
            for word in _WORD.findall(str(name)):
                for part in {word, *_PART.findall(word)}:
                    if len(part) >= 2:
                        words.update(_folded(part))
        for contact in filter(_present, contacts):
            digits = re.sub(r"\D", "", str(contact))
            if "@" not in str(contact) and len(digits) >= PHONE_DIGITS:  # any run holding these is the phone
                phones.add(digits[-PHONE_DIGITS:])
        for file in filter(_present, files):
            path = str(file).strip()
            for p in (PurePath(path), PureWindowsPath(path)):
                for value in {path, p.name, p.stem} - {""}:
                    (words if _PART.fullmatch(value) else paths).update(_folded(value))
        self.words = frozenset(w for w in words if len(w) >= 2)
        self.paths = frozenset(paths)
        self.phones = frozenset(phones)
        # Labels, statuses and sections come back in every file's rows: each is redacted once.
        self._done: dict[str, str] = {}

    def __bool__(self) -> bool:
        return bool(self.words or self.paths or self.phones)

    def __call__(self, value: object) -> object:
        """``value`` with every secret replaced; anything but a string is returned as it is."""
        if not isinstance(value, str) or not value:
            return value
        done = self._done.get(value)
        if done is None:
            if len(self._done) >= _REMEMBERED:
                self._done.clear()
            done = self._done[value] = self._redact(value)
        return done

    def _redact(self, value: str) -> str:
        text = _EMAIL.sub(REDACTED, value) if "@" in value else value
        if self.phones:
            text = _DIGIT_RUN.sub(self._phone, text)
        if self.paths:
            text = _PATHLIKE.sub(self._path, text)
        hits = self._names_in(text) if self.words else None
        if hits:
            text = _words_pattern(hits).sub(REDACTED, text) if text.isascii() else _WORD.sub(self._word, text)
        if REDACTED not in text:
            return text
        return _RUNS.sub(REDACTED, _INITIALS.sub(REDACTED, text))

    def _names_in(self, text: str) -> frozenset[str]:
        """The name words in ``text``, case-folded: one set test, so most texts skip the word pass."""
        folded = text.casefold()
        if not folded.isascii():
            folded += " " + _folded(folded)[-1]
        return self.words.intersection({*_WORD.findall(folded), *_PART.findall(folded)})

    def _phone(self, m: re.Match) -> str:
        digits = re.sub(r"\D", "", m.group())
        runs = (digits[i:i + PHONE_DIGITS] for i in range(len(digits) - PHONE_DIGITS + 1))
        return REDACTED if any(run in self.phones for run in runs) else m.group()

    def _path(self, m: re.Match) -> str:
        chunk = m.group()
        core = chunk.strip(_CHUNK_EDGES)
        if core and not self.paths.isdisjoint(_folded(core)):
            start = chunk.index(core)
            return chunk[:start] + REDACTED + chunk[start + len(core):]
        return chunk

    def _word(self, m: re.Match) -> str:
        word = m.group()
        if not self.words.isdisjoint(_folded(word)):
            return REDACTED
        if "'" in word or "’" in word:
            return _PART.sub(lambda p: REDACTED if not self.words.isdisjoint(_folded(p.group())) else p.group(),
                             word)
        return word


def files_redactor(files) -> Redactor:
    """The ``Redactor`` of every candidate in a files table (``candidate_name``, ``email``,
    ``phone`` and ``file`` columns, each optional)."""
    def column(name: str) -> list:
        return files[name].tolist() if name in files else []

    return Redactor(column("candidate_name"), column("email") + column("phone"), column("file"))


def redact_tree(data: object, redact: Redactor) -> object:
    """``data`` (JSON-ready dicts, lists and scalars) with every string passed through ``redact``."""
    if isinstance(data, dict):
        return {k: redact_tree(v, redact) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [redact_tree(v, redact) for v in data]
    return redact(data)
