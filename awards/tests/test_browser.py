"""The commendation journey in a browser: a district officer nominates, the province checks and
forwards, the council votes, the decision is issued with its number and annex, the certificates
print, and the awardee's history shows it."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from awards.models import NominationBatch
from awards.tests.conftest import CSTD_CS, record
from organisations.testing import MemberFactory

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"


def _shot(page, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"awards-{name}.png"), full_page=True)


def test_from_nomination_to_certificates_and_history(
    live_server, tree, rules, round_2015, officer_a, province_officer, council, person, tmp_path
):
    tree.province.doc_symbol = "LĐLĐ"
    tree.province.save()
    for year in (2013, 2014, 2015):
        record(rules.forms[CSTD_CS], year, member=person)
    MemberFactory.create_batch(21, unit=tree.grassroots_a2)
    MemberFactory(unit=tree.grassroots_b1, full_name="Nông Thị Hoa Người Ngoài", code="DV-NGOAI")
    minutes = tmp_path / "bien-ban-hop.pdf"
    minutes.write_bytes(b"%PDF-1.4\n% bien ban\n")
    base = live_server.url

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)

        def login(username: str):
            context = browser.new_context(
                viewport={"width": 1366, "height": 900}, locale="vi-VN", accept_downloads=True
            )
            page = context.new_page()
            page.set_default_timeout(15000)
            page.on("dialog", lambda dialog: dialog.accept())
            page.goto(f"{base}/tai-khoan/dang-nhap/")
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", "demo12345")
            page.click("button[type=submit]")
            page.wait_for_load_state("networkidle")
            return context, page

        # 1. The district officer prepares the batch and nominates.
        context, page = login("canbo.a")
        page.goto(f"{base}/khen-thuong/dot/{round_2015.pk}/")
        page.select_option("select[name=proposing_unit]", str(tree.district_a.pk))
        page.click("form[action$='/lap-ho-so/'] button")
        page.click("a[href$='/de-nghi/']")
        page.select_option("select[name=form]", str(rules.forms["chien-si-thi-dua-cap-tinh"].pk))
        # the nominee is picked by typing part of the name without accents (more than 20 members: a picker)
        picker = page.locator("input[name=member_text]")
        picker.press_sequentially("nong thi h", delay=30)
        option = page.locator(".picker-option", has_text=person.full_name)
        expect(option).to_be_visible()
        expect(page.locator(".picker-suggestions")).not_to_contain_text("Người Ngoài")  # another district's
        _shot(page, "picker")
        option.click()
        expect(picker).to_have_value(person.full_name)
        expect(page.locator("input[name=member]")).to_have_value(str(person.pk))
        page.fill(
            "textarea[name=achievement]", "Ba năm liền Chiến sĩ thi đua cơ sở; đề tài cấp tỉnh được áp dụng."
        )
        page.select_option("select[name=task_grade]", "excellent")
        page.fill("textarea[name=initiative]", "Đề tài quản lý đoàn viên bằng sổ tay điện tử")
        page.select_option("select[name=initiative_scope]", "province")
        page.fill("textarea[name=evidence_links]", "https://ldld.example/tin/de-tai")
        page.click("form.card button[type=submit]")
        page.wait_for_selector("ul.checks")
        assert person.full_name in page.inner_text("table.data")
        page.set_input_files("input[name=minutes]", str(minutes))
        page.click("form[action$='/bien-ban/'] button")
        _shot(page, "1-batch-draft")
        page.click("form[action$='/gui/'] button")
        page.wait_for_selector(".message-success")
        context.close()

        # 2. The province reviews and sends the batch to the council.
        # The 2015 round is history in today's year, so its batch is not on the page's "waiting
        # for you" card (that lists the running rounds): the officer opens it from its address.
        context, page = login("canbo.tinh")
        batch = NominationBatch.objects.get(round=round_2015, status=NominationBatch.Status.SUBMITTED)
        page.goto(f"{base}/khen-thuong/ho-so/{batch.pk}/")
        _shot(page, "2-batch-review")
        page.click("form[action$='/chuyen/'] button")
        page.wait_for_selector(".message-success")
        page.goto(f"{base}/khen-thuong/hoi-dong/them/")
        page.fill("input[name=title]", "Phiên họp Hội đồng Thi đua - Khen thưởng tháng 12/2015")
        page.fill("input[name=held_on]", "10/12/2015")
        page.click("form.card button[type=submit]")
        page.wait_for_selector(".agenda-item")
        session_url = page.url
        context.close()

        # 3. The three council members vote (htmx: the item is replaced in place).
        for member in council:
            context, page = login(member.username)
            page.goto(session_url)
            page.click(".vote-buttons button[value=yes]")
            page.wait_for_selector(".vote-done")
            if member == council[-1]:
                _shot(page, "3-council-vote")
            context.close()

        # 4. The province closes the session and issues the decision.
        context, page = login("canbo.tinh")
        page.goto(session_url)
        page.click("form[action$='/ket-thuc/'] button")
        page.wait_for_selector("a[href$='/quyet-dinh/']")
        page.click("a[href$='/quyet-dinh/']")
        page.fill("input[name=decided_on]", "20/12/2015")
        page.fill("input[name=signer_name]", "Nông Văn Quản")
        page.click("form.card button[type=submit]")
        page.wait_for_selector("h1")
        assert "01/QĐ-LĐLĐ" in page.inner_text("h1")
        assert "3.450.000" in page.inner_text("table.data")  # 3,0 × 1.150.000
        _shot(page, "4-decision")

        # 5. The certificates print: one PDF, one page per awardee.
        with page.expect_download() as download_info:
            page.click("a[href$='/bang-khen.pdf']")
        path = tmp_path / "bang-khen.pdf"
        download_info.value.save_as(path)
        assert path.read_bytes().startswith(b"%PDF")
        if shutil.which("pdfinfo"):
            assert (
                "Pages:           1"
                in subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
            )

        # 6. The awardee's history shows the new title with the decision number.
        page.click(f"a[href$='/lich-su/doan-vien/{person.pk}/']")
        page.wait_for_selector("table.data")
        history = page.inner_text("table.data")
        assert "01/QĐ-LĐLĐ" in history and "2015" in history
        _shot(page, "5-history")
        context.close()
        browser.close()
