"""The recipients picker in Chromium: the provincial officer types part of a grassroots union's name
without accents, picks it among the suggestions, sees it ticked, and the draft is sent to it."""

import os
from pathlib import Path

import pytest

from core.testing.browser import chromium_page, sign_in
from documents import services
from organisations.testing import make_unit

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"


def test_a_provincial_officer_picks_recipients_by_typing_part_of_their_names(
    live_server, admin_user, symbols, types
):
    unions = [
        make_unit(
            "grassroots", symbols.province, name=f"CĐCS Công ty Điện lực số {n:02d}", code=f"DL-{n:02d}"
        )
        for n in range(1, 23)
    ]
    draft = services.create_draft(
        actor=admin_user, issuer=symbols.province, doc_type=types["KH"], summary="Kế hoạch sơ kết"
    )
    with chromium_page() as page:
        sign_in(
            page,
            f"{live_server.url}/tai-khoan/dang-nhap/?next=/van-ban/{draft.pk}/noi-nhan/",
            admin_user.username,
        )
        page.type("#id_units", "dien luc so 07")
        page.locator(".picker-option", has_text="CĐCS Công ty Điện lực số 07").click()
        page.type("#id_units", "Nước Hai")
        page.locator(".picker-option", has_text=symbols.grassroots_a1.name).click()
        assert page.locator("[data-picker-chosen] input[type=checkbox]:checked").count() == 2
        SCREENS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENS / "document-recipients-picker.png"), full_page=True)
        page.click("form.card button.btn")
        page.wait_for_url(f"**/van-ban/{draft.pk}/")
    assert set(draft.recipients.values_list("unit", flat=True)) == {unions[6].pk, symbols.grassroots_a1.pk}
