"""Playwright driving Debian's Chromium (never a downloaded browser), for browser tests."""

from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def chromium_page(width: int = 1366, height: int = 900, *, bypass_csp: bool = False):
    """A page of Debian's Chromium; `bypass_csp` lets a test inject a script of its own (axe-core)
    past the content security policy, which the application's pages never need."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(
                viewport={"width": width, "height": height}, locale="vi-VN", bypass_csp=bypass_csp
            )
            page.set_default_timeout(10000)
            yield page
        finally:
            browser.close()


def sign_in(page, url: str, username: str, password: str = "demo12345") -> None:
    """Sign in on the login page at `url` (its `next` names the page wanted) and wait until that
    page has loaded: htmx starts on the loaded page, so text typed into a picker before then would
    never ask for suggestions. A refused login stays on the login page: the wait fails there, on
    the sign-in, not later on the page's first field."""
    wanted = parse_qs(urlsplit(url).query).get("next", ["/"])[0]
    page.goto(url)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation(url=lambda address: urlsplit(address).path == wanted, wait_until="load"):
        page.click("button[type=submit]")
