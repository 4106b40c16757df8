"""The fast YAML loader reads models and the catalogue exactly as a YAML 1.2 loader does."""

from __future__ import annotations

from pathlib import Path

import pytest
import srsly

from resumematch._yaml import loads

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted([*ROOT.glob("models/*.yaml"), *ROOT.glob("examples/models/*.yaml"),
                  *ROOT.glob("resumematch/catalog/*.yaml")])


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_yaml_shipped_files_read_as_ruamel_reads_them(path):
    text = path.read_text(encoding="utf-8")
    assert loads(text) == srsly.yaml_loads(text)


@pytest.mark.parametrize("text, expected", [
    # YAML 1.1 would give False, True, True, 90 and 8: a model's alias "no" or "on" stays a word
    ("[no, on, yes, 1:30, 010]", ["no", "on", "yes", "1:30", 10]),
    ("[true, False, 0o10, 0x1f, 1_000, 1.5, 2e3, ~]", [True, False, 8, 31, 1000, 1.5, 2000.0, None]),
])
def test_yaml_plain_scalars_follow_the_core_schema(text, expected):
    assert loads(text) == expected == srsly.yaml_loads(text)
