"""How faithfully ``draft-model`` drafts real postings, against answer keys written beforehand.

For each posting in ``benchmarks/postings/`` (public-domain U.S. federal announcements, see the
README there) the drafter writes a model; the model must load through ``check-model``'s loader.
Then each key requirement of ``keys.yaml`` is looked up:

- **found** when a drafted requirement's ``source`` contains the key's sentence fragment, and the
  source is no longer than ``max(300, 2 x the fragment)`` characters (so a source that is the whole
  posting covers nothing);
- **kind agrees** when the covering requirements' kind (the most common one, required on a tie)
  is the key's kind; agreement is counted over the found keys;
- **noise**: drafted requirements whose source is a sentence the keys list under ``skip``.

Each posting is drafted twice: as written, and flattened to one line (every run of whitespace one
space), as a posting pasted from a job board arrives.

    python benchmarks/drafting.py [--postings benchmarks/postings] [--details]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import srsly

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resumematch.draft import draft_yaml  # noqa: E402
from resumematch.errors import ResumeMatchError  # noqa: E402
from resumematch.model import load_model  # noqa: E402


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def score_posting(text: str, keys: dict, tmp: Path, details: bool) -> dict:
    """Draft ``text``, reload the draft, and score it against ``keys``: counts and misses."""
    path = tmp / "role.yaml"
    try:
        path.write_text(draft_yaml(text), encoding="utf-8")
        reqs = [(_norm(r.source), str(r.kind), r.id) for r in load_model(path).requirements]
        invalid = 0
    except ResumeMatchError as error:  # no draft, or a draft check-model rejects: every key missed
        reqs, invalid = [], 1
        print(f"    no usable draft: {error}", file=sys.stderr)
    found = agree = 0
    misses = []
    for key in keys["keys"]:
        fragment = _norm(key["sentence"])
        covering = [(kind, rid) for source, kind, rid in reqs
                    if fragment in source and len(source) <= max(300, 2 * len(fragment))]
        if not covering:
            misses.append(f"missed  {key['kind']:<9} {key['sentence'][:70]}")
            continue
        found += 1
        counts = Counter(kind for kind, _ in covering)
        kind = max(counts, key=lambda k: (counts[k], k == "required"))
        if kind == key["kind"]:
            agree += 1
        else:
            misses.append(f"kind    {key['kind']:<9} got {kind:<9} {key['sentence'][:60]} ({covering[0][1]})")
    noise = [rid for source, _, rid in reqs if any(_norm(s) in source for s in keys.get("skip", []))]
    misses += [f"noise   {rid}" for rid in noise]
    return {"keys": len(keys["keys"]), "found": found, "agree": agree, "noise": len(noise), "invalid": invalid,
            "requirements": len(reqs), "misses": misses if details else []}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postings", type=Path, default=ROOT / "benchmarks" / "postings")
    parser.add_argument("--details", action="store_true", help="list every miss, kind disagreement and noise")
    args = parser.parse_args()
    keys = srsly.read_yaml(args.postings / "keys.yaml")
    totals: dict[str, Counter] = {"as written": Counter(), "one line": Counter()}
    print("| posting | form | keys | found | kind agrees | noise | requirements |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(keys):
            text = (args.postings / f"{name}.txt").read_text(encoding="utf-8")
            for form, body in (("as written", text), ("one line", re.sub(r"\s+", " ", text))):
                got = score_posting(body, keys[name], Path(tmp), args.details)
                totals[form].update({k: v for k, v in got.items() if k != "misses"})
                print(f"| {name} | {form} | {got['keys']} | {got['found']} | {got['agree']} | {got['noise']} "
                      f"| {got['requirements']} |")
                for line in got["misses"]:
                    print(f"    {line}", file=sys.stderr)
    print()
    print("| form | recall | kind agreement | noise | no usable draft |")
    print("|---|---|---|---|---|")
    for form, t in totals.items():
        print(f"| {form} | {t['found'] / t['keys']:.2f} ({t['found']}/{t['keys']}) | "
              f"{t['agree'] / max(1, t['found']):.2f} ({t['agree']}/{t['found']}) | {t['noise']} | {t['invalid']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
