"""Issue 17, seen in Chromium: the advanced models' filter row showed its placeholders cut off
("Tất cả đơn vị của tôi: gõ một p", "mô hình, cá nhân hoặc"), and so did the members list's
("họ tên hoặc mã đoàn v"); each must read whole in its box."""

import os

import pytest

from core.testing.browser import chromium_page
from organisations.testing import make_unit

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# the width the placeholder's text needs in the box's own font, against the room inside the box
PLACEHOLDER_FITS = """box => {
    const style = getComputedStyle(box);
    const context = document.createElement("canvas").getContext("2d");
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return [box.placeholder, Math.ceil(context.measureText(box.placeholder).width), Math.floor(room)];
}"""


def test_the_filters_show_their_placeholders_whole(live_server, officer_a, tree):
    for n in range(25):  # enough units for the unit filter to be a picker, not a select
        make_unit("grassroots", tree.district_a, name=f"Công đoàn cơ sở Trường số {n}")
    with chromium_page() as page:
        page.goto(f"{live_server.url}/tai-khoan/dang-nhap/?next=/dien-hinh/")
        page.fill("input[name=username]", officer_a.username)
        page.fill("input[name=password]", "demo12345")
        page.click("button[type=submit]")
        page.wait_for_selector("input[name=unit_text]")
        for selector in ("input[name=q]", "input[name=unit_text]"):
            placeholder, needed, room = page.eval_on_selector(selector, PLACEHOLDER_FITS)
            assert placeholder.startswith(("mô hình", "Tất cả đơn vị")), placeholder
            assert needed <= room, f"“{placeholder}” needs {needed}px in a box of {room}px"
        page.goto(f"{live_server.url}/to-chuc/doan-vien/")
        for selector in ("input[name=unit_q]", "input[name=q]"):
            placeholder, needed, room = page.eval_on_selector(selector, PLACEHOLDER_FITS)
            assert placeholder, selector
            assert needed <= room, f"“{placeholder}” needs {needed}px in a box of {room}px"
