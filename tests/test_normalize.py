"""Unit tests of ``resumematch.extraction.normalize``: raw extracted text to plain text."""

from __future__ import annotations

import pytest

from resumematch.extraction.normalize import BULLET, cid_ratio, normalize


@pytest.mark.parametrize(("raw", "expected"), [
    ("Certi\ufb01ed", "Certified"),                 # U+FB01 LATIN SMALL LIGATURE FI
    ("Sta\ufb00 o\ufb03cer", "Staff officer"),      # U+FB00 ff, U+FB03 ffi
    ("Work\ufb02ow", "Workflow"),                   # U+FB02 fl
    ("\uff30\uff59\uff54\uff48\uff4f\uff4e", "Python"),  # full-width letters
    ("10\u00a0years", "10 years"),                  # no-break space
])
def test_normalize_nfkc_folds_ligatures_and_compatibility_forms(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("pro\u00adgramming", "programming"),
    ("data\u200bbase", "database"),      # zero-width space
    ("\ufeffResume", "Resume"),          # stray BOM
])
def test_normalize_drops_soft_hyphen_and_zero_width_characters(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("e\u2010commerce", "e-commerce"),    # U+2010 HYPHEN
    ("2019\u20132021", "2019-2021"),      # en dash
    ("Lead \u2014 Platform", "Lead - Platform"),  # em dash
    ("non\u2011breaking", "non-breaking"),  # non-breaking hyphen
    ("\u22125 %", "-5 %"),                # minus sign
])
def test_normalize_maps_unicode_dashes_to_hyphen_minus(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("bullet", [
    "\u2022", "\u25cf", "\u25aa", "\u25e6", "\u2023", "\u2043", "\u27a2", "\u2713", "\u00b7",
    "\uf0b7",  # Symbol-font bullet from Word, a private-use code point
    "\uf0a7",
    "\u25c6",  # BLACK DIAMOND: rendercv Ember theme bullets
    "\u25c7", "\u2756",
])
def test_normalize_maps_bullet_glyphs_to_one_bullet(bullet):
    assert normalize(f"{bullet} Led a team of five") == f"{BULLET} Led a team of five"


@pytest.mark.parametrize(("raw", "expected"), [
    ("\uf095 +1 555 0100", "+1 555 0100"),          # FontAwesome phone icon
    ("\ue0a0main \U000f0001x", "main x"),           # BMP and plane-15 private use
])
def test_normalize_drops_private_use_glyphs(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("Python\t\tSQL", "Python SQL"),
    ("Python    SQL", "Python SQL"),
    ("  indented line  ", "indented line"),
    ("a \u2003 b", "a b"),                          # em space
])
def test_normalize_collapses_tabs_and_space_runs(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("software develop-\nment at Acme", "software development\nat Acme"),
    ("strong communi-\ncation skills", "strong communication\nskills"),
    ("engi-\nneering", "engineering"),
])
def test_normalize_rejoins_words_hyphenated_across_lines(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("using Me-\nteor and React", "using Meteor\nand React"),   # seen in latexcv two_column
    # A capitalised second part is a real compound, not a hyphenated word.
    ("self-\nEmployed since 2019", "self-\nEmployed since 2019"),
    ("Self-\nEmployed since 2019", "Self-\nEmployed since 2019"),
])
def test_normalize_rejoins_capitalised_word_hyphenated_across_lines(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("Experience\nAcme Corp\n2019 - 2021", "Experience\nAcme Corp\n2019 - 2021"),
    ("a\r\nb\rc", "a\nb\nc"),
    ("Skills\n\n\n\n\nPython", "Skills\n\nPython"),   # blank runs shrink to one blank line
    ("\n\n  Name  \n\n", "Name"),
])
def test_normalize_keeps_line_structure(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("CERTiFiED ENGiNEER", "CERTIFIED ENGINEER"),
    ("AWS CERTiFiED SOLUTiONS ARCHiTECT", "AWS CERTIFIED SOLUTIONS ARCHITECT"),
    ("SKiLLS", "SKILLS"),
    ("ENGiNEER", "ENGINEER"),
])
def test_normalize_repairs_small_caps_words(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("word", ["iPhone", "PhD", "MSc", "iOS", "BSc", "DevOps", "JavaScript", "MBA"])
def test_normalize_leaves_mixed_case_words_alone(word):
    assert normalize(f"Built {word} tooling") == f"Built {word} tooling"


@pytest.mark.parametrize("word", [
    "GiB", "MiB", "TiB", "WiFi",
])
def test_normalize_leaves_binary_units_and_brand_names_alone(word):
    assert normalize(f"16 {word} module") == f"16 {word} module"


@pytest.mark.parametrize(("raw", "expected"), [
    (f"{BULLET}\nManaged budgets", f"{BULLET} Managed budgets"),   # bullet glyph on its own line
    (f"{BULLET} {BULLET} Managed budgets", f"{BULLET} Managed budgets"),
])
def test_normalize_attaches_lone_bullets_to_their_line(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("(cid:12)(cid:7) Python", "Python"),
    ("ok\x00\x07 text\x1f", "ok text"),       # control characters
])
def test_normalize_drops_cid_codes_and_control_characters(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("(cid:1)(cid:2)", 1.0),
    ("(cid:1) ab", 7 / 9),
    ("plain text", 0.0),
    ("", 0.0),
])
def test_normalize_cid_ratio_measures_garbage_share(raw, expected):
    assert cid_ratio(raw) == pytest.approx(expected)
