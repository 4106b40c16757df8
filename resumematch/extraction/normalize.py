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
#: UTF-8 read as cp1252 (mojibake) shows as a lead byte "Â".."ô" followed by continuation bytes
#: (0x80..0xBF) as cp1252 shows them ("â€“", "Â®", "Ã©"). Text without such a pair is never handed
#: to ftfy: it costs about a second per MB (docs/performance.md) and would change nothing.
_CONTINUATION = ("\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
                 "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]")
#: A fullwidth separator ("：", "－", "｜" are EF BC xx or EF BD xx in UTF-8) whose last byte was lost
#: or replaced by an invisible character, so ftfy cannot decode it. It stands between fields or dates.
_BROKEN_FULLWIDTH = re.compile(
    f"[ \t]*\u00ef[\u00bc\u00bd](?:[\u200b-\u200d\u2060\ufeff\ufffd]|(?![{_CONTINUATION}]))[ \t]*")
#: ftfy's repairs of encodings only: NFKC, the bullet and hyphen tables and the space rules below
#: do the rest, and quotes, HTML entities and line breaks are the document's own.
_FTFY = {"unescape_html": False, "remove_terminal_escapes": False, "fix_latin_ligatures": False,
         "fix_character_width": False, "uncurl_quotes": False, "fix_line_breaks": False,
         "remove_control_chars": False, "normalization": None, "explain": False}
#: UTF-8 written out as Python byte escapes, four characters a byte: "\\xe2\\x80\\x94" for "—". Text that
#: went through ``str(bytes)`` on its way out of a scraper or database export reads this way. Only a
#: whole UTF-8 sequence of a character beyond ASCII is decoded (a lead byte's escape and the
#: continuation escapes it needs), so a path ("C:\\x64") or a lone escape stays as written.
_ESCAPED_UTF8 = re.compile(r"\\x(?:[cd][0-9a-f](?:\\x[89ab][0-9a-f])"
                           r"|e[0-9a-f](?:\\x[89ab][0-9a-f]){2}|f[0-4](?:\\x[89ab][0-9a-f]){3})", re.IGNORECASE)
#: Characters NFKC would spell out and make worse: "¼" becomes "1⁄4" (a year count "1¼" reads "11⁄4")
#: and "™" becomes "TM" ("PMP™" reads "PMPTM").
_KEEP_FROM_NFKC = re.compile("[^\u00bc-\u00be\u2150-\u215f\u2189\u2122\u2120]+")


def cid_ratio(raw: str) -> float:
    """Share of the non-space characters of ``raw`` that are ``(cid:N)`` garbage."""
    garbage = sum(len(m) for m in _CID.findall(raw))
    visible = len(re.sub(r"\s", "", raw))
    return garbage / visible if visible else 0.0


def repair_mojibake(text: str) -> str:
    """``text`` with UTF-8 that was decoded as cp1252 put right ("â€“" -> "–", "PMPÂ®" -> "PMP®"),
    and a fullwidth separator whose last byte was lost ("ï¼") as " - "; text that shows no
    mojibake is returned as it is, without the cost of ftfy."""
    if text.isascii() or not _MOJIBAKE.search(text):
        return text
    import ftfy  # late: 75 ms to import, and only text with mojibake needs it

    return ftfy.fix_text(_BROKEN_FULLWIDTH.sub(" - ", text), **_FTFY)


def repair_escaped_bytes(text: str) -> str:
    """``text`` with UTF-8 written out as byte escapes decoded ("\\xe2\\x80\\x94" -> "—"); an escape
    that is not a whole UTF-8 character stays as written."""
    if "\\x" not in text:
        return text

    def decode(m: re.Match[str]) -> str:
        try:
            return bytes.fromhex(m[0].replace("\\x", "").replace("\\X", "")).decode("utf-8")
        except UnicodeDecodeError:
            return m[0]

    return _ESCAPED_UTF8.sub(decode, text)


def normalize(raw: str) -> str:
    """Normalise text while keeping its line structure.

    UTF-8 byte escapes decoded (``repair_escaped_bytes``), mojibake repaired (``repair_mojibake``),
    NFKC (ligatures become letters; vulgar fractions and "™" kept), Unicode hyphens become ``-``, bullets become
    ``•``, soft hyphens, ``(cid:N)`` tokens and private-use icon glyphs are dropped,
    runs of spaces and tabs collapse to one space, runs of ``BLOB_CHARS`` characters
    without a space are dropped, words hyphenated across a line break are re-joined and
    small-caps words are repaired.
    """
    # reportlab's standard fonts write "•" as code 127, which pdfminer cannot map.
    text = _CID.sub("", raw.replace("(cid:127)", BULLET))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = repair_mojibake(repair_escaped_bytes(text))
    text = _KEEP_FROM_NFKC.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)
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
