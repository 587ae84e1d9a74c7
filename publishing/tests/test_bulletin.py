"""The internal bulletin: a period's published articles in the editor's subtree, in an order the
editor changes, printed as a PDF with a cover, a table of contents and page numbers."""

import datetime as dt
import subprocess

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from accounts.testing import user_with_role
from publishing import bulletin, services
from publishing.models import Article, BulletinIssue
from publishing.tests.conftest import image_upload

Status = Article.Status


def _last_month():
    first = timezone.localdate().replace(day=1)
    previous = first - dt.timedelta(days=1)
    return previous.year, previous.month


@pytest.fixture
def month_articles(make_article, tree, an_hour_later):
    year, month = _last_month()
    moment = timezone.make_aware(dt.datetime(year, month, 10, 9, 0))
    titles = [
        "Cô giáo Bảo Lạc dắt học trò qua suối",
        "Mái ấm Công đoàn cho chị Lục Thị Hoa",
        "Sáng kiến tiết kiệm xi măng ở Nhà máy Xi măng Cao Bằng",
    ]
    articles = [
        make_article(
            Status.PUBLISHED,
            title=title,
            publish_at=moment + dt.timedelta(days=i),
            image=image_upload(width=1200, height=800, color=(40 * i, 120, 90)),
            body="<p>Đoạn một của bài.</p><h3>Kết quả</h3><p>Đoạn hai với <strong>số liệu</strong>.</p>",
        )
        for i, title in enumerate(titles)
    ]
    make_article(Status.APPROVED, title="Bài đã duyệt nhưng chưa đăng")
    make_article(
        Status.PUBLISHED,
        title="Bài của huyện khác",
        unit=tree.grassroots_b1,
        writer=user_with_role("officer", tree.grassroots_b1),
        publish_at=moment,
    )
    return articles


@pytest.fixture
def issue(month_articles, editors, tree) -> BulletinIssue:
    """District A's bulletin of last month, gathered by its editor."""
    year, month = _last_month()
    return services.create_bulletin(
        actor=editors.district_a,
        publisher=tree.district_a,
        period_kind="month",
        year=year,
        period_index=month,
    )


def test_an_editor_gathers_the_months_articles_of_their_subtree_in_order(month_articles, issue):
    assert issue.number == 1 and issue.title == "Bản tin Công đoàn Cao Bằng"
    assert [e.article.title for e in issue.entries.order_by("position")] == [a.title for a in month_articles]


def test_the_number_is_unique_per_publisher_and_year(month_articles, editors, tree):
    year, month = _last_month()
    first = services.create_bulletin(
        actor=editors.district_a,
        publisher=tree.district_a,
        period_kind="month",
        year=year,
        period_index=month,
    )
    second = services.create_bulletin(
        actor=editors.province, publisher=tree.province, period_kind="month", year=year, period_index=month
    )
    third = services.create_bulletin(
        actor=editors.district_a,
        publisher=tree.district_a,
        period_kind="quarter",
        year=year,
        period_index=(month - 1) // 3 + 1,
    )
    assert (first.number, second.number, third.number) == (1, 1, 2)
    assert second.entries.count() == 4  # the province's subtree includes district B


def test_only_editors_of_the_publisher_make_its_bulletin(month_articles, editors, officer_a, tree):
    year, month = _last_month()
    with pytest.raises(PermissionDenied):
        services.create_bulletin(
            actor=officer_a, publisher=tree.district_a, period_kind="month", year=year, period_index=month
        )
    with pytest.raises(PermissionDenied):
        services.create_bulletin(
            actor=editors.district_b,
            publisher=tree.district_a,
            period_kind="month",
            year=year,
            period_index=month,
        )


def test_a_period_without_articles_is_refused(editors, tree):
    with pytest.raises(ValidationError):
        services.create_bulletin(
            actor=editors.district_a,
            publisher=tree.district_a,
            period_kind="month",
            year=2020,
            period_index=1,
        )


def test_the_editor_moves_articles_up_and_down_with_htmx(client_as, month_articles, editors, issue):
    last = issue.entries.order_by("position").last()
    response = client_as(editors.district_a).post(
        f"/ban-tin/{issue.pk}/bai/{last.pk}/len/", HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and 'id="bulletin-workspace"' in response.content.decode()
    assert "<html" not in response.content.decode()
    titles = [e.article.title for e in issue.entries.order_by("position")]
    assert titles == [month_articles[0].title, month_articles[2].title, month_articles[1].title]
    first = issue.entries.order_by("position").first()
    client_as(editors.district_a).post(f"/ban-tin/{issue.pk}/bai/{first.pk}/xuong/")
    assert issue.entries.order_by("position").first().article == month_articles[2]


def test_another_districts_editor_cannot_touch_the_issue(client_as, month_articles, editors, issue):
    entry = issue.entries.first()
    assert client_as(editors.district_b).get(f"/ban-tin/{issue.pk}/").status_code == 404
    assert client_as(editors.district_b).post(f"/ban-tin/{issue.pk}/bai/{entry.pk}/len/").status_code == 404
    assert client_as(editors.district_b).post(f"/ban-tin/{issue.pk}/tao-pdf/").status_code == 404


def _pdf_text_of(content: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def _pdf_text(path: str, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, path, "-"], capture_output=True, check=True, text=True).stdout


def test_the_pdf_has_a_cover_contents_with_page_numbers_and_the_articles(
    client_as, month_articles, editors, issue
):
    year, month = _last_month()
    response = client_as(editors.district_a).post(
        f"/ban-tin/{issue.pk}/tao-pdf/"
    )  # the task runs inline in tests
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.status == BulletinIssue.Status.READY and issue.page_count >= 3
    text = _pdf_text(issue.pdf.path, "-layout")
    assert "BẢN TIN CÔNG ĐOÀN CAO BẰNG" in text
    assert f"Số 1 · Tháng {month:02d}/{year}" in text
    assert "MỤC LỤC" in text
    for article in month_articles:
        assert article.title in " ".join(text.split())  # Vietnamese diacritics intact
    assert "Bài đã duyệt nhưng chưa đăng" not in text and "Bài của huyện khác" not in text
    contents = _pdf_text(issue.pdf.path, "-f", "2", "-l", "2")
    assert "MỤC LỤC" in contents and any(line.strip().endswith(("3", "4")) for line in contents.splitlines())
    last_page = _pdf_text(issue.pdf.path, "-f", str(issue.page_count), "-l", str(issue.page_count))
    assert f"Trang {issue.page_count}" in last_page
    download = client_as(editors.district_a).get(f"/ban-tin/{issue.pk}/pdf/")
    assert download["Content-Type"] == "application/pdf"


def test_the_pdf_prints_dates_day_first_whatever_the_interface_language(month_articles, editors, issue):
    with translation.override("en"):
        render_issue = bulletin.render_bulletin_pdf(issue)[0]
    text = " ".join(_pdf_text_of(render_issue).split())
    issue.refresh_from_db()
    assert f"Phát hành ngày {issue.issued_on:%d/%m/%Y}" in text
    for article in month_articles:
        published = timezone.localtime(article.publish_at).date()
        assert f"{article.unit.name} · {published:%d/%m/%Y}" in text


def test_changing_the_order_after_printing_asks_for_a_new_pdf(month_articles, editors, issue):
    services.request_bulletin_pdf(issue, actor=editors.district_a)
    issue.refresh_from_db()
    assert issue.status == BulletinIssue.Status.READY
    services.move_bulletin_entry(
        issue, actor=editors.district_a, entry_id=issue.entries.last().pk, direction="up"
    )
    issue.refresh_from_db()
    assert issue.status == BulletinIssue.Status.DRAFT
