"""Browser journey of the cascade: the province drafts and issues a plan to its districts; the
cascade gives each an obligation; Hòa An's officer creates its implementing plan from the
obligation and issues it; the province's board shows it. Screenshots go to
test-artifacts/screens/."""

import datetime as dt
import os
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.testing.browser import chromium_page
from documents.models import Document, Obligation
from documents.tests.conftest import seed_types

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"


def _shot(page, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"documents-{name}.png"), full_page=True)


def _log_in(page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "demo12345")
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_the_province_issues_a_plan_and_a_district_answers_with_its_own(
    live_server, symbols, admin_user, officer_a, officer_b
):
    seed_types()
    tree, base = symbols, live_server.url
    deadline = timezone.localdate() + dt.timedelta(days=20)
    with chromium_page() as page:
        # 1. The province drafts its plan, chooses the districts and issues it.
        _log_in(page, base, "admin")
        page.goto(f"{base}/van-ban/")
        page.click("text=Soạn văn bản mới")
        page.select_option("select[name=issuer]", str(tree.province.pk))
        page.select_option("select[name=doc_type]", label="Kế hoạch")
        page.fill("textarea[name=summary]", "Phát động đợt thi đua đặc biệt chào mừng Đại hội Đảng các cấp")
        page.fill("input[name=place]", "Cao Bằng")
        page.fill(
            "textarea[name=body]",
            "Ban Thường vụ LĐLĐ tỉnh đề nghị các cấp Công đoàn xây dựng kế hoạch:\n"
            "1. Tổ chức quán triệt, tuyên truyền Chỉ thị 35/CT-TTg.\n"
            "2. Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến.",
        )
        page.check("input[name=requires_plan]")
        page.fill("input[name=plan_deadline]", deadline.strftime("%d/%m/%Y"))
        page.fill("input[name=signer_authority]", "TM. BAN THƯỜNG VỤ")
        page.fill("input[name=signer_position]", "PHÓ CHỦ TỊCH")
        page.fill("input[name=signer_name]", "Lương Văn Thắng")
        page.click("button:has-text('Lưu dự thảo')")
        page.wait_for_selector("text=Đã lưu dự thảo")
        plan = Document.objects.get(issuer_unit=tree.province)

        page.click("a:has-text('Nơi nhận')")
        page.check(f"input[name=units][value='{tree.district_a.pk}']")
        page.check(f"input[name=units][value='{tree.district_b.pk}']")
        page.click("button:has-text('Lưu nơi nhận')")
        page.wait_for_selector("text=Đã lưu 2 đơn vị nhận")

        page.click("a:has-text('Ban hành…')")
        assert "…/KH-LĐLĐ" in page.locator(".confirm-box").inner_text()
        _shot(page, "1-issue-confirmation")
        page.click("form.card button:has-text('Ban hành')")
        page.wait_for_selector("text=Đã ban hành số 01/KH-LĐLĐ")
        assert page.locator("h1").inner_text() == "Kế hoạch 01/KH-LĐLĐ"
        assert "0/2 đơn vị đã hoàn thành" in page.locator("body").inner_text()
        _shot(page, "2-issued-plan")

        # 2. The cascade: each district has an obligation; Hòa An's officer sees it and starts its plan.
        assert set(Obligation.objects.filter(document=plan).values_list("unit__code", flat=True)) == {
            "LDLD-HOAAN",
            "LDLD-BLAC",
        }
        _log_in(page, base, "canbo.a")
        page.goto(f"{base}/van-ban/")
        todo = page.locator("section", has_text="Việc đơn vị tôi cần làm")
        assert "01/KH-LĐLĐ" in todo.inner_text()
        _shot(page, "3-district-todo")
        todo.locator("button:has-text('Xây dựng kế hoạch thực hiện')").click()
        page.wait_for_selector("text=Đã tạo dự thảo kế hoạch thực hiện")
        summary = page.locator("textarea[name=summary]").input_value()
        assert summary.startswith("Kế hoạch thực hiện Kế hoạch số 01/KH-LĐLĐ")
        assert "Chỉ thị 35/CT-TTg" in page.locator("textarea[name=body]").input_value()
        assert page.locator("input[name=signer_name]").input_value() == ""
        page.fill("input[name=place]", "Hòa An")
        page.fill("input[name=signer_authority]", "TM. BAN THƯỜNG VỤ")
        page.fill("input[name=signer_position]", "CHỦ TỊCH")
        page.fill("input[name=signer_name]", "Nông Văn Hùng")
        _shot(page, "4-implementing-plan-draft")
        page.click("button:has-text('Lưu dự thảo')")
        page.wait_for_selector("text=Đã lưu dự thảo")
        page.click("a:has-text('Nơi nhận')")
        page.check(f"input[name=units][value='{tree.grassroots_a1.pk}']")
        page.check(f"input[name=units][value='{tree.grassroots_a2.pk}']")
        page.click("button:has-text('Lưu nơi nhận')")
        page.click("a:has-text('Ban hành…')")
        page.click("form.card button:has-text('Ban hành')")
        page.wait_for_selector("text=Đã ban hành số 01/KH-LĐLĐ")
        child = Document.objects.get(parent=plan)
        assert child.issuer_unit == tree.district_a and child.status == Document.Status.ISSUED

        # 3. The province's board shows Hòa An's plan, Bảo Lạc still pending.
        _log_in(page, base, "admin")
        page.goto(f"{base}/van-ban/{plan.pk}/theo-doi/")
        row = page.locator("tr", has_text="Hòa An")
        assert "Đã ban hành kế hoạch" in row.inner_text()
        assert row.locator(f"a[href='/van-ban/{child.pk}/']").count() == 1
        assert "Chưa nhận" in page.locator("tr", has_text="Bảo Lạc").inner_text()
        assert "50%" in page.locator("#board").inner_text()
        _shot(page, "5-board")
        page.select_option("select[name=state]", "done")
        expect(page.locator("#board tbody")).not_to_contain_text("Bảo Lạc")  # htmx swapped the table
        expect(page.locator("#board tbody")).to_contain_text("Hòa An")
