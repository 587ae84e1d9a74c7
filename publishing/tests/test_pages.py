"""The management pages as their users see them: scope from outside (404), bad input, the
returned box, the workflow buttons, and list pages whose query counts do not grow."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Role
from accounts.testing import page_queries, user_with_role
from publishing import services
from publishing.models import AdvancedModel, Article, ArticleImage
from publishing.tests.conftest import image_upload, jpeg_bytes

Status = Article.Status


@pytest.fixture
def article_a(make_article):
    """A submitted article of a grassroots union in district A."""
    return make_article(Status.SUBMITTED, title="Mái ấm Công đoàn ở Nước Hai")


# Scope from outside ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["", "sua/", "lich-su/"])
def test_an_officer_of_district_b_cannot_see_or_edit_district_a_articles_by_id(
    client_as, officer_b, article_a, path
):
    response = client_as(officer_b).get(f"/tin-bai/{article_a.pk}/{path}")
    assert response.status_code == 404


@pytest.mark.parametrize("action", ["submit", "approve", "return", "publish", "withdraw"])
def test_an_officer_of_district_b_cannot_move_district_a_articles(client_as, officer_b, article_a, action):
    response = client_as(officer_b).post(f"/tin-bai/{article_a.pk}/chuyen/{action}/", {"comment": "x"})
    assert response.status_code == 404
    article_a.refresh_from_db()
    assert article_a.status == Status.SUBMITTED


def test_district_b_article_list_does_not_show_district_a(client_as, officer_b, article_a):
    assert "Mái ấm Công đoàn ở Nước Hai" not in client_as(officer_b).get("/tin-bai/").content.decode()


def test_an_image_of_another_districts_article_cannot_be_removed(client_as, officer_b, make_article):
    article = make_article(image=image_upload())
    image = article.images.get()
    response = client_as(officer_b).post(f"/tin-bai/{article.pk}/anh/{image.pk}/xoa/")
    assert response.status_code == 404 and ArticleImage.objects.filter(pk=image.pk).exists()


def test_the_pages_need_a_login(client, article_a):
    assert client.get("/tin-bai/").status_code == 302
    assert client.get(f"/tin-bai/{article_a.pk}/").status_code == 302


# Writing through the page ------------------------------------------------------------------------------


def _form(tree, category, **changes):
    data = {
        "title": "Cô giáo cắm bản",
        "category": category.pk,
        "unit": tree.grassroots_a1.pk,
        "lead": "Mười năm gắn bó với điểm trường.",
        "body": "<p>Nội dung.</p>",
        "byline": "Đàm Văn Long",
    }
    data.update(changes)
    return data


def test_a_writer_creates_a_draft_with_an_image(client_as, writer_a1, tree, category):
    response = client_as(writer_a1).post(
        "/tin-bai/viet-bai/",
        _form(tree, category, image=image_upload(width=2400, height=1600), image_caption="Cô và trò"),
    )
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/tin-bai/{article.pk}/"
    image = article.images.get()
    assert (image.width, image.height, image.caption) == (1600, 1067, "Cô và trò")


@pytest.mark.parametrize(
    "body, fragment",
    [
        ("<p>x</p><script>alert(1)</script>", "&lt;script&gt;"),
        ('<img src="/media/publishing/x.jpg" onerror="alert(1)">', "onerror"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<iframe src="https://example.com"></iframe>', "&lt;iframe&gt;"),
    ],
)
def test_an_unsafe_body_is_refused_on_the_form_and_nothing_is_saved(
    client_as, writer_a1, tree, category, body, fragment
):
    response = client_as(writer_a1).post("/tin-bai/viet-bai/", _form(tree, category, body=body))
    assert response.status_code == 200
    assert fragment in response.content.decode() and "không được phép" in response.content.decode().lower()
    assert Article.objects.count() == 0


def test_a_15_mb_image_is_refused_on_the_form_and_nothing_is_saved(client_as, writer_a1, tree, category):
    big = SimpleUploadedFile("lon.jpg", jpeg_bytes() + b"\0" * (15 * 1024 * 1024), content_type="image/jpeg")
    response = client_as(writer_a1).post("/tin-bai/viet-bai/", _form(tree, category, image=big))
    assert response.status_code == 200 and "10 MB" in response.content.decode()
    assert Article.objects.count() == 0 and ArticleImage.objects.count() == 0


def test_a_40_mb_post_is_refused_before_it_is_read_with_a_vietnamese_page(
    client_as, writer_a1, tree, category
):
    """Above the whole-request limit (REQUEST_MAX_MB) the app answers 413 without reading the body."""
    big = SimpleUploadedFile("lon.jpg", jpeg_bytes() + b"\0" * (40 * 1024 * 1024), content_type="image/jpeg")
    response = client_as(writer_a1).post("/tin-bai/viet-bai/", _form(tree, category, image=big))
    assert response.status_code == 413 and "Tệp quá lớn" in response.content.decode()
    assert Article.objects.count() == 0 and ArticleImage.objects.count() == 0


def test_a_file_that_is_not_an_image_is_refused_on_the_form(client_as, writer_a1, tree, category):
    fake = SimpleUploadedFile("anh.jpg", b"MZ\x90\x00 not an image", content_type="image/jpeg")
    response = client_as(writer_a1).post("/tin-bai/viet-bai/", _form(tree, category, image=fake))
    assert "không phải là ảnh" in response.content.decode()
    assert Article.objects.count() == 0


def test_a_writer_cannot_choose_a_unit_outside_their_scope(client_as, writer_a1, tree, category):
    response = client_as(writer_a1).post(
        "/tin-bai/viet-bai/", _form(tree, category, unit=tree.grassroots_b1.pk)
    )
    assert response.status_code == 200 and Article.objects.count() == 0


# The editorial flow through the pages ---------------------------------------------------------------------


def test_returned_articles_are_shown_first_to_their_writer_with_the_comment(
    client_as, make_article, editors, writer_a1
):
    article = make_article(Status.SUBMITTED, title="Bài cần sửa")
    client_as(editors.district_a).post(
        f"/tin-bai/{article.pk}/chuyen/return/", {"comment": "Thiếu ảnh minh họa."}
    )
    html = client_as(writer_a1).get("/tin-bai/").content.decode()
    assert "returned-box" in html and "Bài cần sửa" in html and "Thiếu ảnh minh họa." in html
    assert "Thiếu ảnh minh họa." in client_as(writer_a1).get(f"/tin-bai/{article.pk}/").content.decode()


def test_returning_without_a_comment_is_refused_with_a_message(client_as, article_a, editors):
    response = client_as(editors.district_a).post(
        f"/tin-bai/{article_a.pk}/chuyen/return/", {"comment": ""}, follow=True
    )
    assert "người viết" in response.content.decode()
    article_a.refresh_from_db()
    assert article_a.status == Status.SUBMITTED


def test_the_buttons_follow_the_predicates(client_as, article_a, editors, writer_a1):
    writer_page = client_as(writer_a1).get(f"/tin-bai/{article_a.pk}/").content.decode()
    assert "/chuyen/approve/" not in writer_page and "/chuyen/publish/" not in writer_page
    district_page = client_as(editors.district_a).get(f"/tin-bai/{article_a.pk}/").content.decode()
    assert "/chuyen/approve/" in district_page and "/chuyen/return/" in district_page


def test_a_district_editor_cannot_publish_through_the_page(client_as, make_article, editors):
    article = make_article(Status.APPROVED)
    assert client_as(editors.district_a).post(f"/tin-bai/{article.pk}/chuyen/publish/").status_code == 403
    response = client_as(editors.province).post(f"/tin-bai/{article.pk}/chuyen/publish/", {"publish_at": ""})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


def test_publishing_a_draft_through_the_page_is_refused_with_a_message(client_as, make_article, editors):
    article = make_article(Status.DRAFT)
    response = client_as(editors.province).post(f"/tin-bai/{article.pk}/chuyen/publish/", follow=True)
    assert "phê duyệt" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_scheduling_through_the_page(client_as, make_article, editors):
    article = make_article(Status.APPROVED)
    when = (dt.datetime.now() + dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    client_as(editors.province).post(f"/tin-bai/{article.pk}/chuyen/publish/", {"publish_at": when})
    article.refresh_from_db()
    assert article.is_scheduled


# Query counts ---------------------------------------------------------------------------------------------


def _count(client, url):
    return page_queries(client, url)


@pytest.mark.parametrize("url", ["/tin-bai/", "/tin-bai/?queue=review", "/dien-hinh/", "/ban-tin/"])
def test_list_query_counts_do_not_grow_with_the_data(client_as, make_article, editors, tree, url):
    client = client_as(editors.province)

    def add(start, stop):
        for i in range(start, stop):
            make_article([Status.SUBMITTED, Status.RETURNED, Status.PUBLISHED][i % 3], title=f"Bài {i}")
            services.create_model(
                actor=editors.province,
                unit=tree.grassroots_a1,
                title=f"Mô hình {i}",
                summary="Tóm tắt",
                period_start=dt.date(2025, 1, 1),
                field_of_work="production",
                figures=[("Giá trị làm lợi", 100, "triệu đồng")],
            )

    add(0, 5)
    few = _count(client, url)
    add(5, 30)
    assert _count(client, url) == few


def test_the_model_registry_hides_other_districts(client_as, officer_a, officer_b, tree):
    model = services.create_model(
        actor=officer_a,
        unit=tree.grassroots_a1,
        title="Bếp ăn bán trú",
        summary="Nấu ăn cho học sinh",
        period_start=dt.date(2025, 9, 1),
        field_of_work="education",
    )
    assert client_as(officer_b).get(f"/dien-hinh/{model.pk}/").status_code == 404
    assert "Bếp ăn bán trú" not in client_as(officer_b).get("/dien-hinh/").content.decode()
    assert "Bếp ăn bán trú" in client_as(officer_a).get("/dien-hinh/").content.decode()
    assert AdvancedModel.objects.count() == 1


def test_a_viewer_sees_articles_but_has_no_write_button(client_as, article_a, tree):
    viewer = user_with_role(Role.VIEWER, tree.district_a)
    html = client_as(viewer).get("/tin-bai/").content.decode()
    assert "Mái ấm Công đoàn ở Nước Hai" in html and "/tin-bai/viet-bai/" not in html
    assert client_as(viewer).get("/tin-bai/viet-bai/").status_code == 403


def test_the_work_tiles_follow_what_the_role_can_do(client_as, article_a, tree):
    viewer = user_with_role(Role.VIEWER, tree.district_a)
    html = client_as(viewer).get("/tin-bai/").content.decode()
    assert "bài bị trả lại cho tôi" not in html and "queue=mine&amp;status=returned" not in html
    assert '<option value="review"' not in html and '<option value="mine"' not in html  # nor as a filter
    officer = user_with_role(Role.OFFICER, tree.district_a)
    html = client_as(officer).get("/tin-bai/").content.decode()
    assert "bài bị trả lại cho tôi" in html and '<option value="mine"' in html
