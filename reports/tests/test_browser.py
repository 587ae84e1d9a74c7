"""Browser journey of the reports: a federation officer opens the dashboard, drills into a
child unit from its tile, follows a figure to its records and downloads a chart's Excel."""

import io
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from core.testing.browser import chromium_page

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_opens_the_dashboard_drills_into_a_unit_and_downloads_the_excel(
    live_server, world, federation_officer
):
    with chromium_page() as page:
        page.goto(f"{live_server.url}/")
        page.fill("input[name=username]", "canbo.tinh")
        page.fill("input[name=password]", "demo12345")
        page.click("button[type=submit]")
        page.wait_for_url("**/bao-cao/**")
        assert page.locator("h1").inner_text() == world.province.name
        page.select_option("#year-select", "2015")
        page.wait_for_url("**year=2015**")
        assert page.locator("svg.chart-tiles").count() == 1
        page.screenshot(path=str(_shot("reports-dashboard.png")), full_page=True)

        # the numbers behind a chart, shown on demand
        details = page.locator("#figure-reach details.numbers")
        assert not details.locator("table").is_visible()
        details.locator("summary").click()
        assert details.locator("table").is_visible()

        # a child unit's tile leads to its dashboard
        child = world.middles[0]
        page.locator(f'svg.chart-tiles a[href*="unit={child.pk}&"]').first.click()
        page.wait_for_url(f"**unit={child.pk}**")
        assert page.locator("h1").inner_text() == child.name
        page.screenshot(path=str(_shot("reports-dashboard-child.png")), full_page=True)

        # a figure leads to the records it counts
        figure = page.locator("#section-organisation .report-stat a.stat-value").nth(1)
        shown = figure.inner_text()
        figure.click()
        page.wait_for_url("**/chi-tiet/members/**")
        assert page.locator("h1 .count").inner_text() == shown
        page.screenshot(path=str(_shot("reports-records.png")), full_page=True)
        page.go_back()

        # a link of the contents opens the folded section it leads to
        assert not page.locator("#section-cascade > details").evaluate("d => d.open")
        page.locator('nav.section-index a[href="#section-cascade"]').click()
        expect(page.locator("#section-cascade > details")).to_have_attribute("open", "")
        # the Excel of exactly one chart's numbers (folded again, then opened from its heading)
        page.locator("#section-cascade > details").evaluate("d => { d.open = false; }")
        page.locator("#section-cascade > details > summary").click()
        with page.expect_download() as caught:
            page.locator("#figure-cascade_units a[download]").click()
        download = caught.value
        assert download.suggested_filename.endswith(".xlsx")
        rows = list(
            load_workbook(io.BytesIO(Path(download.path()).read_bytes())).active.iter_rows(values_only=True)
        )
        assert any(row and row[0] == "Tổng cộng" for row in rows)


def _shot(name: str) -> Path:
    folder = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name
