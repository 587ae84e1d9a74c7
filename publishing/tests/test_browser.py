"""The main journey in a real browser: a grassroots officer writes an article, the district editor
returns it, the officer fixes it, it is approved, the provincial editor publishes it, it appears
on the public portal and in the feed, and the month's bulletin PDF contains it."""

import os
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone

from accounts.models import Role
from accounts.testing import user_with_role
from publishing.models import Article, BulletinIssue
from publishing.tests.conftest import jpeg_bytes

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

SCREENS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TITLE = "Người tốt việc tốt ở Hòa An: cô giáo Nông Thị Hoa"


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _session(browser, live_server, user=None):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    if user is not None:
        page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", "demo12345")
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")
    return page


def _shot(page, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"publishing-journey-{name}.png"), full_page=True)


def _step(page, live_server, article: Article, action: str, comment: str = "") -> None:
    page.goto(f"{live_server.url}/tin-bai/{article.pk}/")
    if comment:
        page.fill("textarea[name=comment]", comment)
    page.click(f'button[formaction$="/chuyen/{action}/"]')
    page.wait_for_load_state("networkidle")


@pytest.mark.browser
def test_an_article_goes_from_a_grassroots_union_to_the_portal_and_the_bulletin(
    transactional_db, live_server, browser, tree, tmp_path
):
    _seed_categories()  # an earlier transactional test may have flushed what the data migration made
    writer = user_with_role(Role.OFFICER, tree.grassroots_a1, username="canbo.cdcs", full_name="Đàm Văn Long")
    district_editor = user_with_role(
        Role.EDITOR, tree.district_a, username="bientap.hoaan", full_name="Hoàng Văn Minh"
    )
    provincial_editor = user_with_role(
        Role.EDITOR, tree.province, username="bientap", full_name="Lâm Thị Ngọc"
    )

    # 1. The officer of the grassroots union writes the article, with a photo, and submits it.
    officer = _session(browser, live_server, writer)
    officer.goto(f"{live_server.url}/tin-bai/viet-bai/")
    officer.fill("input[name=title]", TITLE)
    officer.select_option("select[name=category]", label="Người tốt, việc tốt")
    officer.select_option("select[name=unit]", str(tree.grassroots_a1.pk))
    officer.fill("textarea[name=lead]", "Mỗi sáng, cô giáo dắt học trò qua suối đến lớp.")
    officer.fill(
        "textarea[name=body]",
        "Điểm trường cách trung tâm xã 7 km.\n\nMười năm nay cô không để học trò nào bỏ học.",
    )
    photo = tmp_path / "co-giao.jpg"
    photo.write_bytes(jpeg_bytes(2000, 1200))
    officer.set_input_files("input[name=image]", str(photo))
    officer.fill("input[name=image_caption]", "Cô giáo và học trò")
    officer.click("form.article-form button[type=submit]")
    officer.wait_for_load_state("networkidle")
    article = Article.objects.get(title=TITLE)
    assert article.slug == "nguoi-tot-viec-tot-o-hoa-an-co-giao-nong-thi-hoa"
    assert article.images.get().width == 1600
    _step(officer, live_server, article, "submit")
    _shot(officer, "1-submitted")

    # 2. The district editor returns it with a comment.
    district = _session(browser, live_server, district_editor)
    district.goto(f"{live_server.url}/tin-bai/?queue=review")
    assert TITLE in district.content()
    _step(district, live_server, article, "return", comment="Bổ sung tên trường và số học sinh.")
    article.refresh_from_db()
    assert article.status == Article.Status.RETURNED

    # 3. The officer sees it first on their list, fixes it and submits it again.
    officer.goto(f"{live_server.url}/tin-bai/")
    returned = officer.locator(".returned-box")
    assert "Bổ sung tên trường và số học sinh." in returned.inner_text()
    _shot(officer, "2-returned")
    returned.locator("a.btn").first.click()
    officer.wait_for_load_state("networkidle")
    officer.fill(
        "textarea[name=lead]", "Mỗi sáng, cô giáo Trường Tiểu học Nước Hai dắt 23 học trò qua suối đến lớp."
    )
    officer.click("form.article-form button[type=submit]")
    officer.wait_for_load_state("networkidle")
    _step(officer, live_server, article, "submit")

    # 4. The district editor approves it; only the provincial editor may publish it.
    _step(district, live_server, article, "approve", comment="Đồng ý.")
    district.goto(f"{live_server.url}/tin-bai/{article.pk}/")
    assert district.locator('button[formaction$="/chuyen/publish/"]').count() == 0
    province = _session(browser, live_server, provincial_editor)
    _step(province, live_server, article, "publish")
    _shot(province, "3-published")
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and article.is_public

    # 5. It is on the public portal and in the feed, for anyone.
    visitor = _session(browser, live_server)
    visitor.goto(f"{live_server.url}/cong-thong-tin/")
    assert TITLE in visitor.content()
    visitor.click(f"text={TITLE}")
    visitor.wait_for_load_state("networkidle")
    assert visitor.url.endswith(f"/tin-tuc/{article.slug}/")
    assert "23 học trò" in visitor.content()
    _shot(visitor, "4-portal")
    feed = visitor.request.get(f"{live_server.url}/tin-tuc/feed/")
    assert feed.ok and TITLE in feed.text()

    # 6. The month's bulletin, printed as a PDF, contains it.
    today = timezone.localdate()
    province.goto(f"{live_server.url}/ban-tin/tao/")
    province.select_option("select[name=period_kind]", "month")
    province.fill("input[name=period_index]", str(today.month))
    province.fill("input[name=year]", str(today.year))
    province.click("form button[type=submit]")
    province.wait_for_load_state("networkidle")
    assert TITLE in province.content()
    province.click(
        "#bulletin-workspace .bulletin-status button"
    )  # htmx: the PDF is generated (inline in tests)
    province.wait_for_selector("a[href$='/pdf/']", timeout=120_000)
    _shot(province, "5-bulletin")
    issue = BulletinIssue.objects.get()
    assert issue.status == BulletinIssue.Status.READY
    pdf = province.request.get(f"{live_server.url}/ban-tin/{issue.pk}/pdf/")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    path = tmp_path / "ban-tin.pdf"
    path.write_bytes(pdf.body())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    assert TITLE in " ".join(text.split()) and "MỤC LỤC" in text


def _seed_categories():
    import importlib

    from django.apps import apps

    importlib.import_module("publishing.migrations.0002_categories").add_categories(apps, None)
