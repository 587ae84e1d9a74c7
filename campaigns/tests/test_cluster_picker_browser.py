"""The multiple picker in Chromium: the officer types part of a district's name, picks it, sees it
ticked, and the cluster is created with the picked units in the order picked."""

import os
from pathlib import Path

import pytest

from campaigns.models import Cluster
from core.testing.browser import chromium_page, sign_in
from organisations.testing import make_unit

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"


@pytest.fixture
def many_districts(tree):
    return [
        make_unit("district", tree.province, name=f"LĐLĐ huyện Số {n:02d}", code=f"D-{n:02d}")
        for n in range(1, 23)
    ]


def test_an_officer_picks_several_units_by_typing_part_of_their_names(
    live_server, admin_user, many_districts, campaign
):
    with chromium_page() as page:
        sign_in(
            page,
            f"{live_server.url}/tai-khoan/dang-nhap/?next=/phong-trao/{campaign.pk}/cum/them/",
            admin_user.username,
        )
        page.fill("input[name=name]", "Cụm các huyện phía Tây")
        for typed, name in (("so 07", "LĐLĐ huyện Số 07"), ("Số 02", "LĐLĐ huyện Số 02")):
            page.type("#id_units", typed)
            page.locator(".picker-option", has_text=name).click()
            assert page.input_value("#id_units") == ""  # the box is free for the next one
        chosen = page.locator("[data-picker-chosen] input[type=checkbox]:checked")
        assert chosen.count() == 2
        SCREENS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENS / "cluster-multi-picker.png"), full_page=True)
        page.click("form.card button.btn")
        page.wait_for_url(f"**/phong-trao/{campaign.pk}/cum/*/")
    cluster = Cluster.objects.get()
    assert [m.unit for m in cluster.memberships.order_by("rotation_order")] == [
        many_districts[6],
        many_districts[1],
    ]
