"""Make docs/report.png: the bundled examples ranked with --html, shown in headless Chromium.

    python benchmarks/report_screenshot.py docs/report.png
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(target: str = "docs/report.png") -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        subprocess.run(["resumematch", "rank", "examples/resumes", "-o", str(Path(tmp) / "ranked.csv"),
                        "--html", str(page), "--no-cache", "-q", "--as-of", "2026-01-15"], check=True, cwd=ROOT)
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium")
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1440,1500",
                    "--hide-scrollbars", "--force-device-scale-factor=1"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
        try:
            driver.get(page.resolve().as_uri())
            driver.save_screenshot(str(ROOT / target))
        finally:
            driver.quit()
    print(f"Wrote {target}")


if __name__ == "__main__":
    main(*sys.argv[1:])
