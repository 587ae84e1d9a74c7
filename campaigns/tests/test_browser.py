"""The whole loop in a browser: the federation launches the seed plan's campaign, every unit
receives it, units register, hold sessions and score themselves, the level above confirms, and
the federation's campaign page follows registration, reach, scoring and the rankings."""

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role
from accounts.testing import user_with_role
from campaigns import services
from campaigns.demo import seed_campaign
from campaigns.models import Campaign, Participant
from campaigns.tests.conftest import build_criteria, criterion, make_plan, score_all
from core.testing.browser import chromium_page
from organisations.testing import MemberFactory, unit_type

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = timezone.localdate()
SCREENS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"


def _shot(page, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / name), full_page=True)


def _login(page, base: str, username: str, next_path: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/tai-khoan/dang-nhap/?next={next_path}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "demo12345")
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


@pytest.fixture
def seed(tree, admin_user, plan_type):
    """The seed plan's campaign as a draft over the test province, its criteria and a cluster."""
    federation = user_with_role(Role.OFFICER, tree.province, username="canbo.tinh")
    grassroots_officer = user_with_role(Role.OFFICER, tree.grassroots_a1, username="canbo.cdcs")
    for unit, n in (
        (tree.grassroots_a1, 10),
        (tree.grassroots_a2, 5),
        (tree.grassroots_b1, 4),
        (tree.grassroots_s1, 6),
    ):
        MemberFactory.create_batch(n, unit=unit)
    plan = make_plan(
        admin_user, tree.province, plan_type, requires_plan=True, plan_deadline=TODAY + dt.timedelta(days=20)
    )
    campaign = seed_campaign(
        actor=federation,
        province=tree.province,
        plan=plan,
        starts_on=TODAY - dt.timedelta(days=20),
        ends_on=TODAY + dt.timedelta(days=150),
        registration_deadline=TODAY + dt.timedelta(days=10),
        unit_types=[unit_type(c) for c in ("district", "sector", "grassroots")],
    )
    criteria = build_criteria(admin_user, campaign)
    services.create_cluster(
        actor=federation,
        organiser=tree.province,
        name="Cụm thi đua các huyện",
        year=campaign.year,
        units=[tree.district_a, tree.district_b],
        lead=tree.district_a,
        scoring_mode="reviewer",
    )
    return campaign, criteria, federation, grassroots_officer


def test_the_federation_launches_the_campaign_and_follows_units_as_they_act(
    live_server, tree, seed, officer_a, officer_b, admin_user
):
    campaign, criteria, federation, grassroots_officer = seed
    base = live_server.url
    with chromium_page() as page:
        page.on("dialog", lambda dialog: dialog.accept())

        # 1. The federation launches the seed plan's campaign: every unit receives it
        _login(page, base, "canbo.tinh", "/phong-trao/")
        page.click(f"text={campaign.name[:40]}")
        assert "Đảng bộ, chính quyền và nhân dân tỉnh Cao Bằng" in page.locator(".theme").inner_text()
        assert page.locator("ol.content-items li").count() == 5
        page.click("a.btn:has-text('Phát động')")
        assert "7 đơn vị" in page.locator("main").inner_text()
        page.click("button:has-text('Phát động')")
        page.wait_for_selector(".message-success")
        assert "7 đơn vị tham gia" in page.locator(".message-success").inner_text()
        assert Participant.objects.filter(campaign=campaign).count() == 7
        assert Campaign.objects.get(pk=campaign.pk).launching_document.status == "issued"
        table = page.locator("#progress-table").inner_text()
        for name in ("Hòa An", "Bảo Lạc", "Công đoàn Giáo dục tỉnh"):
            assert name in table
        _shot(page, "campaign-launched.png")

        # 2. A grassroots union registers, records a meeting, and its district approves
        _login(page, base, "canbo.cdcs", f"/phong-trao/{campaign.pk}/")
        assert page.locator("h1").inner_text() == tree.grassroots_a1.name
        page.click("nav.tabs >> text=Đăng ký thi đua")
        page.select_option("select[name=aimed_title]", "tap_the_lao_dong_xuat_sac")
        page.fill(f"input[name=target_{criterion(criteria, '1.1').pk}]", "100")
        page.fill("textarea[name=commitments]", "100% đoàn viên được quán triệt Chỉ thị 35/CT-TTg")
        page.click("button:has-text('Đăng ký')")
        assert "Đã gửi bản đăng ký lên cấp trên" in page.locator(".message-success").inner_text()
        page.click("nav.tabs >> text=Quán triệt, tuyên truyền")
        page.fill("input[name=topic]", "Quán triệt Chỉ thị 35/CT-TTg")
        page.select_option("select[name=form]", "regular_session")
        page.fill("input[name=officers]", "2")
        page.fill("input[name=workers]", "6")
        page.click("button:has-text('Ghi nhận')")
        assert "Đã ghi nhận buổi quán triệt" in page.locator(".message-success").inner_text()
        assert "80,0%" in page.locator("table.data").first.inner_text()

        _login(page, base, "canbo.a", f"/phong-trao/{campaign.pk}/dang-ky/don-vi/{tree.district_a.pk}/")
        page.click("#content table.data >> text=Tập thể lao động xuất sắc")
        page.click("button:has-text('Duyệt')")
        assert "Đã duyệt bản đăng ký" in page.locator(".message-success").inner_text()

        # 3. District A scores itself with evidence and submits; district B did the same elsewhere
        page.goto(f"{base}/phong-trao/{campaign.pk}/cham-diem/don-vi/{tree.district_a.pk}/")
        # each criterion saves alone (htmx): the row and the totals change, the page stays where it was
        page.locator("#criterion-1\\.1 input[name=actual_value]").fill("90")
        page.locator("#criterion-1\\.1 button").click()
        expect(page.locator("#criterion-1\\.1 .message-success")).to_contain_text("đã lưu điểm tự chấm")
        page.locator("#criterion-1\\.2 input[name=points]").fill("15")
        page.locator("#criterion-1\\.2 input[name=evidence]").set_input_files(
            files=[{"name": "bien-ban.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}]
        )
        page.locator("#criterion-1\\.2 button").click()
        expect(page.locator("#criterion-1\\.2 .message-success")).to_be_visible()
        expect(page.locator("#criterion-1")).to_contain_text("33")  # the parent's subtotal followed
        page.locator("#criterion-2 input[name=note]").fill("Hai mô hình")
        page.locator("#criterion-2 input[name=points]").fill("70")  # above the maximum of 60
        page.locator("#criterion-2 button").click()
        expect(page.locator("#criterion-2 .message-error")).to_contain_text("vượt quá điểm tối đa 60")
        # the rejected value stays in its box, beside what else was typed
        expect(page.locator("#criterion-2 input[name=points]")).to_have_value("70")
        expect(page.locator("#criterion-2 input[name=note]")).to_have_value("Hai mô hình")
        page.locator("#criterion-2 input[name=points]").fill("50")
        page.locator("#criterion-2 button").click()
        expect(page.locator("#criterion-2 .message-success")).to_be_visible()
        expect(page.locator("#sheet-totals")).to_contain_text("83")
        page.click("button:has-text('Nộp bảng chấm điểm để thẩm định')")
        assert "Đã nộp bảng chấm điểm" in page.locator(".message-success").inner_text()
        _shot(page, "campaign-score-sheet.png")
        campaign.refresh_from_db()  # launched through the browser
        score_all(officer_b, campaign, tree.district_b, criteria, {"1.1": 80, "1.2": 12, "2": 45})

        # 4. The federation confirms A's scores (one with a reason) and B's, then follows it all
        _login(page, base, "canbo.tinh", f"/phong-trao/{campaign.pk}/cham-diem/don-vi/{tree.district_a.pk}/")
        for row_id in ("#criterion-1\\.1", "#criterion-1\\.2"):
            page.locator(f"{row_id} button:has-text('Xác nhận')").click()
        row = page.locator("#criterion-2")
        row.locator("input[name=points]").fill("48")
        row.locator("button:has-text('Xác nhận')").click()
        assert "hãy nêu lý do" in page.locator(".message-error").inner_text()
        row.locator("input[name=points]").fill("48")
        row.locator("input[name=reason]").fill("Thiếu minh chứng một mô hình")
        row.locator("button:has-text('Xác nhận')").click()
        assert page.locator("#confirmed-total").inner_text() == "81"
        for score in campaign.score_sheets.get(unit=tree.district_b).scores.all():
            services.confirm_score(actor=federation, score=score)

        page.goto(f"{base}/phong-trao/{campaign.pk}/")
        cards = page.locator(".cards").inner_text()
        assert "14,3%" in cards  # 1 of 7 units registered
        hoa_an = page.locator("#progress-table tr", has_text="Hòa An").inner_text()
        assert "8 / 15" in hoa_an  # 8 of Hòa An's 15 members reached
        board = page.locator(".leaderboard").first.inner_text()
        assert board.index("Hòa An") < board.index("Bảo Lạc")
        assert "81" in board and "Tốt" in board
        _shot(page, "campaign-federation-page.png")

        # 5. Drill down: the same page for Hòa An's subtree
        page.click(f"#progress-table >> text={tree.district_a.display_name}")
        assert page.locator("h1").inner_text() == tree.district_a.name
        inner = page.locator("#progress-table").inner_text()
        assert "CĐCS Trường Tiểu học Nước Hai" in inner and "Bảo Lạc" not in inner
        _shot(page, "campaign-drill-down.png")

        page.goto(f"{base}/phong-trao/{campaign.pk}/cum/don-vi/{tree.province.pk}/")
        ranking = page.locator(".leaderboard").inner_text()
        assert ranking.index("Hòa An") < ranking.index("Bảo Lạc")
        _shot(page, "campaign-clusters.png")
    assert campaign.score_sheets.get(unit=tree.district_a).scores.get(
        criterion__code="2"
    ).confirmed_points == Decimal(48)
