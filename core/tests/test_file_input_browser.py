"""Issue 17, seen in Chromium: a browser set to English wrote "Choose File / No file chosen" inside
every file box of a Vietnamese page (scoring evidence, member import); the page words it itself."""

import os

import pytest
from django.urls import reverse

from core.testing.browser import chromium_page

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_file_box_is_worded_in_vietnamese_and_names_the_chosen_file(live_server, officer_a, tree):
    target = reverse("organisations:member_import", args=[tree.district_a.pk])
    with chromium_page() as page:
        page.goto(f"{live_server.url}/tai-khoan/dang-nhap/?next={target}")
        page.fill("input[name=username]", officer_a.username)
        page.fill("input[name=password]", "demo12345")
        page.click("button[type=submit]")
        box = page.locator("input[type=file]").first
        choice = page.locator(".file-choice").first
        assert choice.locator("label", has_text="Chọn tệp").is_visible()
        assert choice.locator(".file-chosen").inner_text() == "Chưa chọn tệp"
        size = box.bounding_box()
        assert (
            size is not None and size["width"] <= 1
        )  # the native box, worded by the browser, is out of sight
        box.focus()  # still reached by the keyboard, its ring drawn on the label
        assert page.evaluate("document.activeElement.type") == "file"
        box.set_input_files(
            files=[{"name": "doan-vien.xlsx", "mimeType": "application/octet-stream", "buffer": b"x"}]
        )
        assert choice.locator(".file-chosen").inner_text() == "doan-vien.xlsx"
