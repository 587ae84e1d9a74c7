"""Browser journeys of the foundation: log in, browse the unit tree, filter members."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from core.testing.browser import chromium_page

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_logs_in_browses_the_tree_and_filters_members(live_server, tree, members, officer_a):
    with chromium_page() as page:
        page.goto(f"{live_server.url}/to-chuc/don-vi/")
        assert "/dang-nhap/" in page.url
        page.fill("input[name=username]", "canbo.a")
        page.fill("input[name=password]", "wrong-password")
        page.click("button[type=submit]")
        assert page.locator(".form-errors").inner_text().startswith("Tên đăng nhập hoặc mật khẩu không đúng")
        page.fill("input[name=password]", "demo12345")
        page.click("button[type=submit]")

        page.goto(f"{live_server.url}/to-chuc/don-vi/")
        assert page.locator("h1").inner_text() == "Đơn vị"
        row = page.locator(".tree-row", has_text="Hòa An")
        row.locator(".tree-toggle").click()
        page.wait_for_selector("text=CĐCS Trường Tiểu học Nước Hai")
        assert page.locator("text=CĐCS Trường THCS Bảo Lạc").count() == 0
        page.screenshot(path=str(_shot("unit-tree.png")), full_page=True)

        page.fill("input[name=q]", "nuoc hai")
        page.wait_for_selector("#unit-search-results table")
        assert "CĐCS Trường Tiểu học Nước Hai" in page.locator("#unit-search-results").inner_text()

        page.goto(f"{live_server.url}/to-chuc/doan-vien/")
        assert "3 đoàn viên" in page.locator("#member-table").inner_text()
        page.select_option("select[name=gender]", "F")
        # (expect polls from Playwright's side: a string predicate would be eval'd in the page, which the CSP forbids)
        expect(page.locator("#member-table")).not_to_contain_text("3 đoàn viên")
        female = sum(1 for m in members["a1"] if m.gender == "F")
        assert f"{female} đoàn viên" in page.locator("#member-table").inner_text()
        page.screenshot(path=str(_shot("member-list.png")), full_page=True)


def _shot(name: str) -> Path:
    folder = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name
