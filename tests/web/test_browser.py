"""End to end in a real browser: `allied serve` driven by Playwright through Debian's Chromium."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ALLIED = Path(sys.executable).parent / "allied"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """`allied serve` on a free loopback port, stopped after the module's tests."""
    port = free_port()
    process = subprocess.Popen(
        [str(ALLIED), "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/v1/frameworks", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"allied serve did not start: {process.stderr}") from None
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr:
            process.stderr.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()


#: Reports every Content-Security-Policy violation to the console, where the tests see it.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) =>
  console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`));
"""


def violations_in(messages: list[str]) -> list[str]:
    """The console messages that report a blocked script, style, frame or connection."""
    return [m for m in messages if "Content Security Policy" in m or "CSP violation" in m]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page; the test fails if anything on it broke the Content-Security-Policy."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.add_init_script(REPORT_VIOLATIONS)
    console: list[str] = []
    opened.on("console", lambda message: console.append(message.text))
    opened.on("pageerror", lambda error: console.append(f"page error: {error}"))
    yield opened
    context.close()
    assert violations_in(console) == []


def relation_of(page: Page, code: str) -> str | None:
    return page.get_attribute(f'#map path[data-actor="{code}"]', "data-relation")


def test_slider_draws_the_1999_enlargement(
    server: str, page: Page, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sizes: dict[str, int] = {}
    page.on(
        "requestfinished",
        lambda request: sizes.__setitem__(request.url, request.sizes()["responseBodySize"]),
    )
    started = time.perf_counter()
    page.goto(f"{server}/?on=1999-03-11")
    page.wait_for_selector('#map[data-ready="true"]')
    first_render = time.perf_counter() - started
    page.wait_for_load_state("load")
    home_bytes = sum(size for url, size in sizes.items() if url.startswith(server))
    home_assets = len(sizes)
    paint = page.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null"
    )
    assert page.locator("#map path").count() > 150
    for code in ("CZE", "HUN", "POL"):  # partners the day before they joined
        assert relation_of(page, code) == "pfp"

    slider = page.locator("#slider")
    offset = (dt.date(1999, 3, 12) - dt.date(1949, 4, 4)).days
    slider.fill(str(offset))
    assert page.locator("#on-label").inner_text() == "1999-03-12"
    for code in ("CZE", "HUN", "POL"):
        assert relation_of(page, code) == "ally", code
        fill = page.eval_on_selector(
            f'#map path[data-actor="{code}"]', "el => getComputedStyle(el).fill"
        )
        assert fill == "rgb(11, 79, 156)", fill
    assert relation_of(page, "SVK") == "pfp"
    assert page.locator('output[data-framework-count="nato"]').inner_text() == "19"

    # Keyboard: one step back from the slider returns to the day before.
    slider.focus()
    page.keyboard.press("ArrowLeft")
    assert relation_of(page, "POL") == "pfp"
    page.click("#next")
    assert page.locator("#on-label").inner_text() == "1999-03-12"
    # The ties table and its sources follow the slider once it rests.
    page.wait_for_selector('#ties-h:has-text("1999-03-12")')
    assert page.locator('#dated a[href="/actors/POL?on=1999-03-12"]').count() == 1
    page.screenshot(path=str(tmp_path / "home-1999-03-12.png"), full_page=False)

    # The search box takes a historical name and lists the actor it names today.
    page.fill("#site-q", "Czech Republic")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=Czech+Republic")
    page.click('main a[href="/actors/CZE"]')
    page.wait_for_url("**/actors/CZE")
    page.wait_for_selector("div.chart svg", timeout=10_000)
    assert "Czechia" in page.locator("h1").inner_text()
    page.screenshot(path=str(tmp_path / "actor-CZE.png"), full_page=True)

    metrics = {
        "first_render_s": round(first_render, 3),
        "first_contentful_paint_ms": paint,
        "home_asset_bytes": home_bytes,
        "home_assets": home_assets,
        "screenshots": str(tmp_path),
    }
    (tmp_path / "metrics.json").write_text(json.dumps(metrics, indent=2), encoding="utf-8")
    with capsys.disabled():
        print(f"\nbrowser: {json.dumps(metrics)}")


def test_framework_page_draws_its_chart(server: str, page: Page) -> None:
    page.goto(f"{server}/frameworks/nato?on=2004-03-29")
    page.wait_for_selector("div.chart svg", timeout=10_000)
    assert "26 on 2004-03-29" in page.content()


def test_operation_page_tells_partners_from_allies(server: str, page: Page) -> None:
    page.goto(f"{server}/operations/kfor?on=2017-02-15")
    page.wait_for_selector("div.chart svg", timeout=10_000)
    partners = page.locator("tr.partner td:first-child").all_inner_texts()
    assert len(partners) == 8 and any("Austria" in name for name in partners)
    assert page.locator("tr.ally").count() == 18
    # The map tells them apart too: eight partner states shaded as partners (a state with
    # several territories in the atlas may have more than one shape).
    assert page.locator('svg.opmap path[data-part="partner"]').count() >= 8
    assert page.locator('svg.opmap path[data-part="ally"]').count() >= 18
    page.goto(f"{server}/operations?on=2004-03-29")
    assert page.locator("a[href='/operations/kfor']").count() == 1


def test_an_accession_case_shows_who_was_pending(server: str, page: Page) -> None:
    page.goto(f"{server}/accession/SWE?on=2024-02-01")
    page.wait_for_selector("div.chart svg", timeout=10_000)
    assert "Still pending: Hungary." in page.locator("#pending-h + form + p").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


def test_a_checked_claim_explains_itself_on_keyboard_focus(server: str, page: Page) -> None:
    seed = Path(__file__).parents[1] / "claims" / "fixtures" / "fr-2013-partnerships.txt"
    page.goto(f"{server}/check")
    page.set_input_files("#check-file", str(seed))
    page.click(".check-form button[type=submit]")
    page.wait_for_selector(".checked-text")
    assert "2013-07-02" in page.locator("dl.facts").inner_text()

    neutral = page.locator(".claim.verdict-outdated", has_text="Switzerland, Austria")
    tip = neutral.locator('[role="tooltip"]')
    assert not tip.is_visible()
    # Tab through the page until the highlight has focus: no mouse involved.
    page.locator("#result-h").click()
    for _ in range(60):
        page.keyboard.press("Tab")
        if neutral.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the highlighted claim cannot be reached with the Tab key")
    assert tip.is_visible()
    assert "no longer since 2023-04-04" in tip.inner_text()
    assert neutral.locator(".verdict-label").inner_text() == "outdated"
    page.keyboard.press("Tab")
    assert not tip.is_visible()


@pytest.mark.parametrize(
    ("path", "drawn"),
    [
        ("/?on=2004-03-29", '#map[data-ready="true"]'),
        ("/frameworks/pfp", "div.chart svg"),
        ("/actors/UKR", "div.chart svg"),
        ("/operations/isaf", "div.chart svg"),
        ("/spending?year=2024", "div.chart svg"),
        ("/actors/POL", "#spending-h ~ div.chart svg"),
        ("/check", "form.check-form"),
        ("/api/v1/docs", "#swagger-ui .opblock"),
    ],
)
def test_pages_work_under_the_content_security_policy(
    server: str, page: Page, path: str, drawn: str
) -> None:
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    response = page.goto(f"{server}{path}")
    assert (
        response is not None and "script-src 'self'" in response.headers["content-security-policy"]
    )
    page.wait_for_selector(drawn, timeout=10_000)
    page.wait_for_load_state("networkidle")
    if path.startswith("/?"):
        page.locator("#slider").fill("0")
        assert page.locator("#on-label").inner_text() == "1949-04-04"
        # The 12 founders, and 5 territories drawn with their sovereign (Greenland…).
        assert page.locator('#map path[data-relation="ally"]').count() == 12 + 5
    if path.endswith("/docs"):  # Swagger UI runs a request and shows its answer
        page.locator(".opblock-summary", has_text="/api/v1/actors/{code}").click()
        page.click("button.try-out__btn")
        page.fill("input[placeholder=code]", "BEL")
        page.click("button.execute")
        page.wait_for_selector(".live-responses-table .response-col_status:has-text('200')")
    if path.startswith("/actors/"):  # the chart's tooltip is styled by site.css, not injected
        page.locator("div.chart g.mark-rect.role-mark path").first.hover()
        page.wait_for_selector("#vg-tooltip-element.visible")
    assert violations_in(console) == []


def checked_claims(page: Page) -> list[str]:
    page.wait_for_selector(".checked-text")
    return [
        " ".join(cell.split())
        for cell in page.locator("table.claims tbody tr td:nth-child(3)").all_inner_texts()
    ]


def test_a_pasted_text_gives_the_claims_of_the_uploaded_file(server: str, page: Page) -> None:
    """A textarea is sent with CRLF line endings, a file with its own: both give one answer."""
    seed = Path(__file__).parents[1] / "claims" / "fixtures" / "be-2021-nato.txt"
    page.goto(f"{server}/check")
    page.set_input_files("#check-file", str(seed))
    page.click(".check-form button[type=submit]")
    uploaded = checked_claims(page)
    page.goto(f"{server}/check")
    page.fill("#check-text", seed.read_text(encoding="utf-8"))
    page.click(".check-form button[type=submit]")
    pasted = checked_claims(page)
    assert len(uploaded) >= 11
    assert pasted == uploaded
    counts = page.locator(".verdict-counts .count").all_inner_texts()
    assert sum(int(n) for n in counts) == len(pasted)


def test_escape_closes_a_claims_explanation(server: str, page: Page) -> None:
    page.goto(f"{server}/check")
    page.fill("#check-text", "Last updated on 1 July 2021.\n\nNATO now has 30 members.")
    page.click(".check-form button[type=submit]")
    page.wait_for_selector(".checked-text")
    claim = page.locator(".claim.verdict-outdated").first
    tip = claim.locator('[role="tooltip"]')
    claim.focus()
    assert tip.is_visible() and "no longer since 2023-04-04" in tip.inner_text()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    assert claim.evaluate("el => el === document.activeElement")  # focus stays where it was
    page.keyboard.press("Shift+Tab")
    claim.focus()
    assert tip.is_visible()  # shown again when the claim is reached again
    claim.hover()
    page.keyboard.press("Escape")
    assert not tip.is_visible()


@pytest.mark.parametrize("width", [1366, 390])
def test_the_check_page_fits_the_screen(server: str, browser: Browser, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    opened = context.new_page()
    seed = Path(__file__).parents[1] / "claims" / "fixtures" / "be-2021-nato.txt"
    opened.goto(f"{server}/check")
    opened.set_input_files("#check-file", str(seed))
    opened.click(".check-form button[type=submit]")
    opened.wait_for_selector(".checked-text")
    assert opened.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
