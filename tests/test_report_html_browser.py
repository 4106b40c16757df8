"""The HTML report in a real browser: Debian's chromium with chromedriver, through Selenium.

Without chromium these tests skip, unless RESUMEMATCH_REQUIRE_BROWSER is set (``.ci/run`` sets it
after installing chromium), where a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import htmlframes as hf
import pandas as pd
import pytest
from typer.testing import CliRunner

from resumematch.cli import app
from resumematch.report.html import write_html

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "resumes"


def _driver(javascript: bool = True):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if not (chromium and chromedriver):
        if os.environ.get("RESUMEMATCH_REQUIRE_BROWSER"):
            pytest.fail("chromium and chromedriver are required (RESUMEMATCH_REQUIRE_BROWSER is set)")
        pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--disable-extensions", "--no-first-run"):
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    return webdriver.Chrome(service=Service(chromedriver), options=options)


@pytest.fixture(scope="module")
def browser():
    driver = _driver()
    yield driver
    driver.quit()


@pytest.fixture
def no_js_browser():
    driver = _driver(javascript=False)
    yield driver
    driver.quit()


@pytest.fixture
def page(tmp_path):
    """Write the hand-built report (with ``render_html`` options) and return its file URL."""

    def make(**kw) -> str:
        path = write_html(tmp_path / "report.html", hf.ranking(), hf.evidence(), hf.files(), hf.META, **kw)
        return path.resolve().as_uri()

    return make


def _body_rows(driver) -> list:
    return driver.find_elements("css selector", "#ranking tbody tr")


def _opened(driver, card, timeout: float = 10.0) -> bool:
    """Whether ``card`` opens within ``timeout`` seconds: a link to it opens it from the page's
    ``hashchange`` handler, which runs after ``click()`` has returned."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        WebDriverWait(driver, timeout).until(lambda _: card.get_attribute("open") == "true")
    except TimeoutException:
        return False
    return True


def _visible_ranks(driver) -> list[str]:
    return [r.find_element("css selector", "td").text for r in _body_rows(driver) if r.is_displayed()]


def _requests(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def test_report_browser_rows_follow_the_ranks(browser, page):
    browser.get(page())
    assert browser.title == "Ranking: Test Role"
    ranking = hf.ranking()
    assert len(_body_rows(browser)) == len(ranking)
    assert _visible_ranks(browser) == ["1", "2", "3", "4", "\u2014"]


def test_report_browser_sorts_a_column(browser, page):
    browser.get(page())
    score = browser.find_element("xpath", "//th/button[text()='score']")
    score.click()  # ascending; the unscored file stays last
    assert _visible_ranks(browser) == ["4", "3", "2", "1", "\u2014"]
    score.click()
    assert _visible_ranks(browser) == ["1", "2", "3", "4", "\u2014"]
    browser.find_element("xpath", "//th/button[text()='candidate']").click()
    names = [r.find_elements("css selector", "td")[1].text.split("\n")[0] for r in _body_rows(browser)]
    assert names == sorted(names, key=str.lower) and names[1:3] == ["Ada Lovelace", "Bob Stone"]


@pytest.mark.parametrize("which, ranks", [("all-required", ["1", "3"]), ("flagged", ["2", "3"]),
                                          ("failed", ["\u2014"]), ("all", ["1", "2", "3", "4", "\u2014"])])
def test_report_browser_filters(browser, page, which, ranks):
    from selenium.webdriver.support.ui import Select

    browser.get(page())
    Select(browser.find_element("id", "filter")).select_by_value(which)
    assert _visible_ranks(browser) == ranks
    assert browser.find_element("id", "shown").text == f"{len(ranks)} of 5 files shown"


def test_report_browser_opens_a_card_with_its_evidence(browser, page):
    browser.get(page())
    card = browser.find_element("id", "card-k0")
    assert card.get_attribute("open") is None
    browser.find_element("link text", "Ada Lovelace").click()
    assert _opened(browser, card)
    lead = card.find_element("css selector", 'tr[data-requirement="soft.lead"]')
    assert lead.is_displayed()
    assert "Led the team of 12 engineers through a migration." in lead.text
    assert lead.find_element("css selector", "mark").text == "Led the team"
    assert "experience, page 1" in lead.text and "evidence" in lead.text


def test_report_browser_without_javascript_keeps_rank_order(no_js_browser, page):
    no_js_browser.get(page())
    assert _visible_ranks(no_js_browser) == ["1", "2", "3", "4", "\u2014"]
    assert not no_js_browser.find_element("id", "filter").is_displayed()
    assert no_js_browser.find_element("id", "shown").get_attribute("textContent") == ""  # no script ran


def test_report_browser_makes_no_request(browser, page):
    browser.get_log("performance")  # drop what earlier tests left
    url = page()
    browser.get(url)
    browser.find_element("link text", "Ada Lovelace").click()
    assert set(_requests(browser)) <= {url, url + "#card-k0"}
    csp = browser.find_element("css selector", 'meta[http-equiv="Content-Security-Policy"]')
    assert "default-src 'none'" in csp.get_attribute("content")
    external = browser.execute_script("""
        const out = [];
        for (const el of document.querySelectorAll('*')) {
          for (const a of el.attributes) {
            if (/^\\s*(https?:|\\/\\/|ftp:|data:|javascript:)/i.test(a.value)) out.push(el.tagName + ' ' + a.name);
          }
        }
        for (const s of document.styleSheets) {
          for (const r of s.cssRules) { if (/url\\(|@import/i.test(r.cssText)) out.push(r.cssText); }
        }
        return out;""")
    assert external == []
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0


def test_report_browser_hostile_text_is_inert(browser, page):
    browser.get(page())
    browser.find_element("id", "card-k1").find_element("tag name", "summary").click()
    assert browser.execute_script("return window.__pwned === undefined")
    counts = browser.execute_script("""return {
        scripts: document.scripts.length, styles: document.querySelectorAll('style').length,
        injected: document.querySelectorAll('img, iframe, object, embed, link, base, form, b').length,
        handlers: [...document.querySelectorAll('*')].filter(
            e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
        jslinks: document.querySelectorAll('a[href^="javascript"]').length,
        hidden_body: getComputedStyle(document.body).display};""")
    assert counts == {"scripts": 1, "styles": 1, "injected": 0, "handlers": 0, "jslinks": 0,
                      "hidden_body": "block"}
    snippet = browser.find_element("css selector", '#card-k1 tr[data-requirement="soft.lead"] .snippet').text
    assert "<script>window.__pwned=3</script>" in snippet and "javascript:window.__pwned=5" in snippet
    assert "[U+202E]evil.exe[U+202C]" in snippet
    assert "\u202e" not in browser.find_element("tag name", "body").text


def test_report_browser_blind_page_has_no_secret(browser, page, tmp_path):
    url = page(blind=True)
    browser.get(url)
    assert browser.find_element("id", "blind-note").is_displayed()
    source = browser.page_source
    dom = (tmp_path / "report.html").read_bytes()
    for value in hf.secrets():
        assert value not in source and value.encode() not in dom
    labels = [r.find_elements("css selector", "td")[1].text for r in _body_rows(browser)]
    assert labels == ["Candidate 1", "Candidate 2", "Candidate 3", "Candidate 4", "Unread file 1"]


def test_report_browser_top_n_says_so(browser, page):
    browser.get(page(top=2))
    assert "top 2 of 4 scored candidates" in browser.find_element("id", "top-note").text
    assert len(browser.find_elements("css selector", "#heat tbody tr")) == 2
    assert len(_body_rows(browser)) == 5


def test_report_browser_end_to_end_from_rank(browser, tmp_path):
    out = tmp_path / "ranked.csv"
    result = CliRunner().invoke(app, ["rank", str(EXAMPLES), "-o", str(out), "--html", str(tmp_path / "r.html"),
                                      "--no-cache", "-w", "1", "-q", "--as-of", "2026-01-15"])
    assert result.exit_code == 0, result.output
    ranked = pd.read_csv(out, encoding="utf-8-sig")
    browser.get((tmp_path / "r.html").resolve().as_uri())
    rows = _body_rows(browser)
    assert len(rows) == len(ranked)
    expected = [str(int(r)) if pd.notna(r) else "\u2014" for r in ranked["rank"]]
    assert _visible_ranks(browser) == expected
    first = ranked.iloc[0]
    assert rows[0].find_elements("css selector", "td")[1].text.split("\n")[0] == first["candidate"]
    rows[0].find_element("tag name", "a").click()
    card = browser.find_element("id", "card-k0")
    assert _opened(browser, card) and card.find_elements("css selector", ".snippet mark")
    unread = browser.find_element("id", "unread").text
    assert "scanned_resume.pdf" in unread and "no_text" in unread
    assert browser.save_screenshot(str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000
