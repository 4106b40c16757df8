"""What the catalogue adds to the wheel, and whether an installed wheel (not the source tree) loads it.

    python benchmarks/catalog_wheel.py

Builds the wheel into a temporary folder, lists the catalogue's files with their size and their
compressed size in the wheel, installs the wheel with ``pip install --target`` into another
temporary folder and loads the catalogue from there in a fresh interpreter, timing the first load.
The issue's bound: the catalogue adds at most 3 MB to the wheel.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 3 * 1024 * 1024
PROBE = """
import time, resumematch
start = time.perf_counter()
from resumematch.catalog import load_catalog
catalog = load_catalog()
took = time.perf_counter() - start
print("loaded from", resumematch.__file__)
print(f"version {catalog.version}: {len(catalog.credentials.credentials)} credentials, "
      f"{len(catalog.degrees.degrees)} degrees, {len(catalog.degrees.fields)} fields, "
      f"{len(catalog.technology.technologies)} technologies; first load {took:.2f} s")
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        wheels, target = Path(tmp) / "wheels", Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(wheels)],
                       check=True)
        wheel = next(wheels.glob("resumematch-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            files = [i for i in archive.infolist() if "/catalog/" in i.filename]
        for info in files:
            print(f"{info.filename:50} {info.file_size:>9,} {info.compress_size:>9,}")
        packed = sum(i.compress_size for i in files)
        print(f"wheel {wheel.stat().st_size:,} bytes; the catalogue packs to {packed:,} bytes "
              f"({packed / LIMIT:.1%} of the 3 MB bound)")
        subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                       check=True)
        subprocess.run([sys.executable, "-c", PROBE], check=True, cwd=tmp, env={"PYTHONPATH": str(target)})


if __name__ == "__main__":
    main()
