"""Turn raw extracted text into the plain, line-preserving text later stages read."""

from __future__ import annotations

import re
import unicodedata

BULLET = "•"

_HYPHENS = dict.fromkeys(
    map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-"
)
_BULLETS = dict.fromkeys(
    map(ord, "\u2022\u2023\u2043\u2219\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u25e6\u25b8\u25ba\u25b6"
        "\u27a2\u27a4\u2794\u2713\u2714\u2756\u25c6\u25c7\u2666\u2605\u2606\u00b7\uf0b7\uf0a7\uf076\uf0d8"),
    BULLET,
)
_DROP = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_TRANSLATE = {**_HYPHENS, **_BULLETS, **_DROP}

_CID = re.compile(r"\(cid:\d+\)")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# "develop-\nment", "Me-\nteor"; a capitalised second part ("self-\nEmployed") is a compound.
_HYPHEN_BREAK = re.compile(r"([A-Za-z][a-z]+)-\n([a-z]{2,})([^\s]*)[ ]?")
# Small caps set in a font whose lower-case glyphs are mapped to capitals come out
# as "CERTiFiED": capitals with a stray lower-case "i" between them. At least five
# letters and three capitals, so "GiB" and "WiFi" are left alone.
_SMALL_CAPS = re.compile(r"\b(?=[A-Za-z]{5,}\b)(?=(?:i?[A-Z]){3})(?=[A-Z]+i)[A-Z](?:i?[A-Z])+i?\b")
# The same fonts leave accented letters in lower case: "KüSTER", "MÜLLER" set as "MüLLER".
_SMALL_CAPS_ACCENT = re.compile(r"(?<!\w)(?=(?:[A-ZÀ-ÖØ-Þ][^\W\d_]*){3})[A-ZÀ-ÖØ-Þ]+(?:[à-öø-ÿ][A-ZÀ-ÖØ-Þ]+)+(?!\w)")
_BULLET_RUN = re.compile(rf"(?:{BULLET}\s*){{2,}}")
#: An unbroken run this long is encoded data (a base64 image in Markdown, a PDF stream pasted into
#: a text file), never words; spaCy's tokenizer takes quadratic time on it (30 s for 300,000 chars).
BLOB_CHARS = 2000
_BLOB = re.compile(rf"\S{{{BLOB_CHARS},}}")


def cid_ratio(raw: str) -> float:
    """Share of the non-space characters of ``raw`` that are ``(cid:N)`` garbage."""
    garbage = sum(len(m) for m in _CID.findall(raw))
    visible = len(re.sub(r"\s", "", raw))
    return garbage / visible if visible else 0.0


def normalize(raw: str) -> str:
    """Normalise text while keeping its line structure.

    NFKC (ligatures become letters), Unicode hyphens become ``-``, bullets become
    ``•``, soft hyphens, ``(cid:N)`` tokens and private-use icon glyphs are dropped,
    runs of spaces and tabs collapse to one space, runs of ``BLOB_CHARS`` characters
    without a space are dropped, words hyphenated across a line break are re-joined and
    small-caps words are repaired.
    """
    # reportlab's standard fonts write "•" as code 127, which pdfminer cannot map.
    text = _CID.sub("", raw.replace("(cid:127)", BULLET))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_TRANSLATE)
    text = _PRIVATE_USE.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _BLOB.sub("", text)
    text = _BULLET_RUN.sub(BULLET + " ", text)
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(rf"(?m)^{BULLET}\n(?=\S)", BULLET + " ", text)
    text = _HYPHEN_BREAK.sub(lambda m: f"{m[1]}{m[2]}{m[3]}\n", text)
    text = _SMALL_CAPS.sub(lambda m: m[0].upper(), text)
    text = _SMALL_CAPS_ACCENT.sub(lambda m: m[0].upper(), text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()
