"""The cooperation pages in a real browser: `allied serve --db` on the demo world, via Chromium.

Logs in as the demo staff user and as demo partners (the passwords `make run`
prints), and checks what each sees, that a partner cannot reach another's pages,
and that the forms write (or, when stale, say that nothing was saved).
Screenshots at 1366 and 390 px go to `ALLIED_SCREENSHOTS` when it is set.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from web.test_browser import ALLIED, ARGS, CHROMIUM, REPORT_VIOLATIONS, free_port, violations_in

DEMO = {
    "staff": ("staff@demo.invalid", "demo-staff-2026"),
    "ally": ("belgium@demo.invalid", "demo-ally-2026"),
    "GEO": ("georgia@demo.invalid", "demo-partner-2026"),
    "JOR": ("jordan@demo.invalid", "demo-partner-2026"),
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`allied serve --db` on the registry and the small demo world, on a free loopback port."""
    url = f"sqlite:///{tmp_path_factory.mktemp('coop-browser') / 'coop.db'}"
    for step in (["db", "sync"], ["coop", "demo", "--scale", "small"]):  # as `make run` does
        subprocess.run([str(ALLIED), *step, "--db", url], check=True, capture_output=True)
    port = free_port()
    process = subprocess.Popen(
        [str(ALLIED), "serve", "--db", url, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/v1/frameworks", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    said = process.communicate()[1].decode(errors="replace")
                    raise RuntimeError(f"allied serve did not start: {said}") from None
                time.sleep(0.2)
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


class Session:
    """One user's browser context, logged in; collects CSP violations and page errors."""

    def __init__(self, browser: Browser, server: str, who: str, width: int = 1366) -> None:
        self.server = server
        self.context: BrowserContext = browser.new_context(viewport={"width": width, "height": 900})
        self.console: list[str] = []
        self.page = self.new_page()
        email, password = DEMO[who]
        self.page.goto(f"{server}/coop")  # sent to the login page
        assert "/coop/login" in self.page.url
        self.page.fill("#login-email", email)
        self.page.fill("#login-password", password)
        self.page.click(".login-form button[type=submit]")
        self.page.wait_for_url(f"{server}/coop")

    def new_page(self) -> Page:
        opened = self.context.new_page()
        opened.add_init_script(REPORT_VIOLATIONS)
        opened.on("console", lambda message: self.console.append(message.text))
        opened.on("pageerror", lambda error: self.console.append(f"page error: {error}"))
        return opened

    def goto(self, path: str, page: Page | None = None) -> int:
        response = (page or self.page).goto(f"{self.server}{path}")
        assert response is not None
        return response.status

    def close(self) -> None:
        self.context.close()
        assert violations_in(self.console) == []
        assert [m for m in self.console if m.startswith("page error")] == []


@pytest.fixture
def open_session(browser: Browser, server: str) -> Iterator[type[Session]]:
    """Open sessions with `open_session(browser, server, who)`; all are closed and checked."""
    opened: list[Session] = []

    class Tracked(Session):
        def __init__(self, browser: Browser, server: str, who: str, width: int = 1366) -> None:
            super().__init__(browser, server, who, width)
            opened.append(self)

    yield Tracked
    for session in opened:
        session.close()


def shoot(page: Page, name: str) -> None:
    """A full-page screenshot into `ALLIED_SCREENSHOTS`, when it is set."""
    if shots := os.environ.get("ALLIED_SCREENSHOTS"):
        page.screenshot(path=str(Path(shots) / f"{name}.png"), full_page=True)


def links(page: Page, pattern: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    return [h for h in hrefs if re.fullmatch(pattern, h)]


def test_staff_and_a_partner_see_different_things(
    browser: Browser, server: str, open_session: type[Session]
) -> None:
    staff = open_session(browser, server, "staff")
    assert staff.page.inner_text("h1") == "Staff dashboard"
    assert staff.page.is_visible("text=Pending decisions under silence")
    assert staff.goto("/coop/decisions") == 200
    georgia = open_session(browser, server, "GEO")
    assert georgia.page.inner_text("h1") == "GEO: partner dashboard"
    georgia.page.wait_for_selector("div.chart svg .mark-rect path")  # the chart is drawn
    assert not georgia.page.is_visible("text=Pending decisions under silence")
    assert "Decisions" not in georgia.page.inner_text("nav.coop-nav")
    assert georgia.goto("/coop/decisions") == 403
    georgia.goto("/coop/programmes")
    partners = {
        cell.strip() for cell in georgia.page.locator("tbody td:first-child").all_inner_texts()
    }
    assert partners == {"GEO"}
    staff.goto("/coop/programmes")
    assert len(set(staff.page.locator("tbody td:first-child").all_inner_texts())) > 10


def test_a_partner_cannot_reach_another_partners_pages(
    browser: Browser, server: str, open_session: type[Session]
) -> None:
    jordan = open_session(browser, server, "JOR")
    jordan.goto("/coop/programmes")
    programme = links(jordan.page, r"/coop/programmes/\d+")[0]
    jordan.goto("/coop/packages")
    package = links(jordan.page, r"/coop/packages/\d+")[0]
    assert jordan.goto(programme) == 200 and jordan.goto(package) == 200
    georgia = open_session(browser, server, "GEO")
    for path in (programme, package):
        assert georgia.goto(path) == 404
        assert "JOR" not in georgia.page.content()
    assert georgia.goto("/coop/programmes/987654") == 404  # the same as a missing one


def test_a_partner_registers_and_a_stale_form_changes_nothing(
    browser: Browser, server: str, open_session: type[Session]
) -> None:
    georgia = open_session(browser, server, "GEO")
    georgia.goto("/coop/activities?state=open")
    candidates = links(georgia.page, r"/coop/activities/\d+")
    for path in candidates:  # the first open activity GEO has not registered for
        georgia.goto(path)
        if georgia.page.is_visible("#r-count"):
            break
    else:
        pytest.fail("no open activity to register for")
    georgia.page.fill("#r-count", "3")
    georgia.page.click("form[action$='/register'] button")
    georgia.page.wait_for_selector("text=GEO: 3 participant(s)")
    other = georgia.new_page()  # a second tab, on the same version
    georgia.goto(path, other)
    field = georgia.page.locator("ul.registrations input[name=participants]")
    field.fill("5")
    georgia.page.click("ul.registrations button")
    georgia.page.wait_for_selector("text=GEO: 5 participant(s)")
    other.locator("ul.registrations input[name=participants]").fill("7")
    with other.expect_response(lambda r: r.request.method == "POST") as posted:
        other.click("ul.registrations button")
    assert posted.value.status == 412
    assert "Nothing was saved: someone changed this" in other.inner_text("#form-error")
    assert other.is_visible("text=GEO: 5 participant(s)")  # the page as it is now
    shoot(other, "coop-activity-stale-GEO-1366")
    assert georgia.goto(path) == 200 and georgia.page.is_visible("text=GEO: 5 participant(s)")


def test_an_ally_breaks_silence_from_the_decision_page(
    browser: Browser, server: str, open_session: type[Session]
) -> None:
    belgium = open_session(browser, server, "ally")
    belgium.goto("/coop/decisions")
    row = belgium.page.locator("tbody tr", has_text="h left").first
    title = row.locator("a").inner_text()
    row.locator("a").click()
    belgium.page.fill("#b-reason", "Belgium asks for another week")
    belgium.page.click("text=Break silence for BEL")
    belgium.page.wait_for_selector("text=silence-broken by BEL: Belgium asks for another week")
    staff = open_session(browser, server, "staff")
    pending = staff.page.locator("table", has_text="Time left").inner_text()
    assert title not in pending


def test_staff_record_a_package_and_revise_it(
    browser: Browser, server: str, open_session: type[Session]
) -> None:
    staff = open_session(browser, server, "staff")
    staff.goto("/coop/packages")
    staff.page.click("text=Record a package")
    staff.page.fill("#k-recipient", "TUN")
    staff.page.fill("#k-title", "[test] Package recorded from the browser")
    staff.page.fill("#k-agreed", "2025-06-01")
    staff.page.fill(
        "#k-measures", "capacity-building: Cyber defence\ncivil-emergency-planning: Floods"
    )
    staff.page.fill("#k-supporters", "BEL, NLD")
    shoot(staff.page, "coop-packages-form-staff-1366")
    staff.page.click("text=Record the package")
    staff.page.wait_for_selector("h1:has-text('[test] Package recorded from the browser')")
    assert staff.page.is_visible("text=BEL, NLD") and staff.page.is_visible("text=Floods")
    staff.page.fill("#v-date", "2027-06-01")
    staff.page.fill("#v-summary", "Adds a measure on maritime security")
    staff.page.click("text=Record the revision")
    staff.page.wait_for_selector("text=2027-06-01: Adds a measure on maritime security")


PAGES = ("/coop", "/coop/activities", "/coop/programmes", "/coop/packages", "/coop/decisions")


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("who", ["staff", "GEO"])
def test_the_coop_pages_fit_the_screen(
    browser: Browser, server: str, open_session: type[Session], who: str, width: int
) -> None:
    session = open_session(browser, server, who, width)
    for path in PAGES:
        if who == "GEO" and path == "/coop/decisions":
            continue
        session.goto(path)
        if path == "/coop" and who == "GEO":
            session.page.wait_for_selector("div.chart svg")
        wide = session.page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{path} is {wide} px wide at {width} px"
        for details in session.page.locator("details.coop-write").all():
            details.evaluate("el => el.open = true")  # the forms, shown
        wide = session.page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{path} with its forms open is {wide} px wide at {width} px"
        shoot(session.page, f"{path.strip('/').replace('/', '-')}-{who}-{width}")
