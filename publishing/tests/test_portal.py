"""The public portal: only published articles whose time has come, in pages and feeds; cached,
answering conditional GETs; query counts that do not grow with the number of articles."""

import datetime as dt
from unittest import mock
from xml.etree import ElementTree

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from organisations.testing import MemberFactory
from publishing import services
from publishing.models import AdvancedModel, Article

Status = Article.Status


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


HIDDEN = ["draft", "submitted", "returned", "approved", "scheduled"]


@pytest.mark.parametrize("state", HIDDEN)
def test_articles_not_yet_public_answer_404(client, every_state, state):
    article = every_state[state]
    assert client.get(f"/tin-tuc/{article.slug}/").status_code == 404


def test_a_published_article_has_a_clean_address_and_open_graph_tags(client, every_state):
    response = client.get("/tin-tuc/co-giao-bao-lac-dat-hoc-tro-qua-suoi/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta property="og:title" content="Cô giáo Bảo Lạc dắt học trò qua suối">' in html
    assert 'property="og:type" content="article"' in html
    assert (
        'property="og:url" content="http://testserver/tin-tuc/co-giao-bao-lac-dat-hoc-tro-qua-suoi/"' in html
    )
    assert "sidebar" not in html and "portal.css" in html


def test_the_home_page_lists_only_public_articles(client, every_state):
    html = client.get("/cong-thong-tin/").content.decode()
    assert "Cô giáo Bảo Lạc dắt học trò qua suối" in html
    for state in HIDDEN:
        assert every_state[state].title not in html


@pytest.mark.parametrize("url", ["/tin-tuc/feed/", "/tin-tuc/feed/atom/"])
def test_the_feeds_contain_only_published_articles(client, every_state, url):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Cô giáo Bảo Lạc dắt học trò qua suối" in body
    assert "/tin-tuc/co-giao-bao-lac-dat-hoc-tro-qua-suoi/" in body
    for state in HIDDEN:
        assert every_state[state].title not in body


def test_the_rss_and_atom_feeds_have_their_formats(client, every_state):
    assert client.get("/tin-tuc/feed/")["Content-Type"].startswith("application/rss+xml")
    atom = client.get("/tin-tuc/feed/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert b'<feed xml:lang="vi" xmlns="http://www.w3.org/2005/Atom"' in atom.content


MARKUP = "Sapo <b>x</b><script>alert(1)</script> & co"


@pytest.mark.parametrize(
    "url,summary", [("/tin-tuc/feed/", "description"), ("/tin-tuc/feed/atom/", "summary")]
)
def test_the_feeds_show_markup_typed_in_a_lead_or_byline_as_text_as_the_portal_does(
    client, make_article, url, summary
):
    make_article(Status.PUBLISHED, title="Tiêu đề <i>nghiêng</i>", lead=MARKUP, byline="<b>Phóng viên</b>")

    feed = ElementTree.fromstring(client.get(url).content)

    items = [e for e in feed.iter() if e.tag.rsplit("}", 1)[-1] in ("item", "entry")]
    fields = {e.tag.rsplit("}", 1)[-1]: e.text for e in items[0].iter()}
    # an HTML field holds the text escaped, so a reader shows "<b>" instead of bold and runs no script
    assert fields[summary] == "Sapo &lt;b&gt;x&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    # the plain-text fields hold the text itself
    assert fields["title"] == "Tiêu đề <i>nghiêng</i>"
    assert fields["creator" if summary == "description" else "name"] == "<b>Phóng viên</b>"


def test_a_scheduled_article_appears_when_its_time_comes_without_any_write(client, every_state):
    scheduled = every_state["scheduled"]
    assert client.get("/cong-thong-tin/").content.decode().count(scheduled.title) == 0
    later = timezone.now() + dt.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert client.get(f"/tin-tuc/{scheduled.slug}/").status_code == 200
        assert scheduled.title in client.get("/cong-thong-tin/").content.decode()
        assert scheduled.title in client.get("/tin-tuc/feed/").content.decode()


def test_category_and_unit_pages_list_public_articles(client, every_state, tree):
    category = every_state["published"].category
    html = client.get(f"/tin-tuc/chuyen-muc/{category.slug}/").content.decode()
    assert "Cô giáo Bảo Lạc dắt học trò qua suối" in html and "Bài đã duyệt chưa đăng" not in html
    html = client.get(f"/tin-tuc/don-vi/{tree.district_a.pk}/").content.decode()
    assert "Cô giáo Bảo Lạc dắt học trò qua suối" in html and "Bản nháp chưa gửi" not in html
    assert "Cô giáo Bảo Lạc" not in client.get(f"/tin-tuc/don-vi/{tree.district_b.pk}/").content.decode()
    assert client.get("/tin-tuc/chuyen-muc/khong-co/").status_code == 404


def test_a_unit_page_also_lists_articles_that_mention_the_unit(client, make_article, tree):
    make_article(Status.PUBLISHED, title="Bảo Lạc học Hòa An", related_units=[tree.district_b])
    assert "Bảo Lạc học Hòa An" in client.get(f"/tin-tuc/don-vi/{tree.district_b.pk}/").content.decode()


# Caching and conditional GET ---------------------------------------------------------------------


def test_pages_carry_an_etag_and_answer_304_when_nothing_changed(client, every_state):
    first = client.get("/cong-thong-tin/")
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert "max-age=60" in first["Cache-Control"]
    again = client.get("/cong-thong-tin/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    article_page = client.get(f"/tin-tuc/{every_state['published'].slug}/")
    assert (
        client.get(
            f"/tin-tuc/{every_state['published'].slug}/", HTTP_IF_NONE_MATCH=article_page["ETag"]
        ).status_code
        == 304
    )
    assert (
        client.get("/tin-tuc/feed/", HTTP_IF_NONE_MATCH=client.get("/tin-tuc/feed/")["ETag"]).status_code
        == 304
    )


def test_a_renamed_category_gives_browsers_a_new_page_not_a_304(client, every_state):
    """Renaming a category leaves the articles' fingerprint as it was: the generation still moves
    the ETag, so a browser holding the old page gets the new one."""
    from publishing.models import Category

    first = client.get("/cong-thong-tin/")
    category = Category.objects.order_by("pk").first()
    category.name = "Gương sáng quanh ta"
    category.save()
    again = client.get("/cong-thong-tin/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and again["ETag"] != first["ETag"]
    assert "Gương sáng quanh ta" in again.content.decode()


def test_if_modified_since_answers_304(client, every_state):
    first = client.get("/cong-thong-tin/")
    assert client.get("/cong-thong-tin/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_a_cached_page_is_served_without_rendering_and_a_new_publication_changes_it(
    client, every_state, editors
):
    first = client.get("/cong-thong-tin/")
    with CaptureQueriesContext(connection) as queries:
        cached = client.get("/cong-thong-tin/")
    assert cached.content == first.content
    assert len(queries) == 0  # the portal's state and the page both come from the cache
    services.publish_article(every_state["approved"], actor=editors.province)
    fresh = client.get("/cong-thong-tin/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert fresh.status_code == 200 and fresh["ETag"] != first["ETag"]
    assert "Bài đã duyệt chưa đăng" in fresh.content.decode()


def test_a_state_read_before_a_publication_commits_is_not_kept(
    client, every_state, editors, django_capture_on_commit_callbacks
):
    from publishing import portal_cache
    from publishing.views.portal import page_key

    client.get("/cong-thong-tin/")
    key = page_key("/cong-thong-tin/", "vi")
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_article(every_state["approved"], actor=editors.province)
        # another server reads the portal before the commit: it keeps the old state and page under the new generation
        generation = cache.get(portal_cache.GENERATION_KEY)
        stale = cache.get(portal_cache.STATE_KEY)["state"]
        cache.set(portal_cache.STATE_KEY, {"generation": generation, "state": stale})
        cache.set(key, {**cache.get(key), "made_under": (stale["etag"], generation)})
    assert "Bài đã duyệt chưa đăng" in client.get("/cong-thong-tin/").content.decode()


def test_a_renamed_category_shows_on_the_next_request(client, every_state):
    category = every_state["published"].category
    assert client.get("/cong-thong-tin/").status_code == 200
    category.name = "Gương sáng vùng cao"
    category.save()
    assert "Gương sáng vùng cao" in client.get("/cong-thong-tin/").content.decode()


def test_a_withdrawn_article_leaves_the_cached_pages_at_once(client, every_state, editors):
    published = every_state["published"]
    assert published.title in client.get("/cong-thong-tin/").content.decode()
    services.withdraw_article(published, actor=editors.province, comment="Cần kiểm tra lại")
    assert published.title not in client.get("/cong-thong-tin/").content.decode()
    assert client.get(f"/tin-tuc/{published.slug}/").status_code == 404


def test_signed_in_editors_get_the_same_public_page_never_drafts(client, every_state, editors):
    client.force_login(editors.province)
    html = client.get("/cong-thong-tin/").content.decode()
    assert "Bản nháp chưa gửi" not in html and "Bài đã duyệt chưa đăng" not in html
    assert client.get(f"/tin-tuc/{every_state['approved'].slug}/").status_code == 404


# Query counts ------------------------------------------------------------------------------------


def _queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/cong-thong-tin/", "/tin-tuc/", "/tin-tuc/feed/"])
def test_portal_query_counts_do_not_grow_with_the_number_of_articles(client, make_article, url):
    from publishing.tests.conftest import image_upload

    for i in range(5):
        make_article(Status.PUBLISHED, title=f"Bài {i}", image=image_upload())
    few = _queries(client, url)
    for i in range(5, 30):
        make_article(Status.PUBLISHED, title=f"Bài {i}", image=image_upload())
    assert _queries(client, url) == few


# Advanced models and personal data ------------------------------------------------------------------


def test_a_recognised_model_is_public_without_member_personal_data(client, tree, officer_a):
    member = MemberFactory(
        unit=tree.grassroots_a1,
        full_name="Hoàng Thị Lan",
        birth_date=dt.date(1984, 5, 17),
        code="DV-SECRET-01",
        ethnicity="Nùng",
    )
    model = services.create_model(
        actor=officer_a,
        unit=tree.grassroots_a1,
        title="Tổ tự quản đường làng",
        kind=AdvancedModel.Kind.INDIVIDUAL,
        member=member,
        summary="Vận động làm đường.",
        period_start=dt.date(2025, 1, 1),
        field_of_work="agriculture",
    )
    assert (
        client.get(f"/cong-thong-tin/dien-hinh/{model.pk}/").status_code == 404
    )  # only found, not recognised
    for _ in range(2):
        services.advance_model(model, actor=officer_a)
    html = client.get(f"/cong-thong-tin/dien-hinh/{model.pk}/").content.decode()
    assert "Tổ tự quản đường làng" in html and "Hoàng Thị Lan" in html
    assert "1984" not in html and "17/05" not in html and "DV-SECRET-01" not in html and "Nùng" not in html
    assert "Tổ tự quản đường làng" in client.get("/cong-thong-tin/").content.decode()


def test_a_full_cache_culling_the_generation_again_and_again_keeps_the_pages(client, every_state):
    from publishing import portal_cache

    client.get("/cong-thong-tin/")
    cache.delete(
        portal_cache.GENERATION_KEY
    )  # the database cache culls the first third of its keys when full
    client.get("/cong-thong-tin/")
    cache.delete(portal_cache.GENERATION_KEY)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/cong-thong-tin/").status_code == 200
    assert len(queries) == 0


def test_the_portal_search_finds_public_news_and_models_with_or_without_diacritics(
    client, every_state, officer_a, tree
):
    from publishing.models import Movement

    model = services.create_model(
        actor=officer_a,
        unit=tree.grassroots_a2,
        title="Mô hình “Dân vận khéo” ở Nước Hai",
        summary="Vận động đoàn viên hiến đất làm đường.",
        period_start=dt.date(2025, 3, 1),
        period_end=dt.date(2026, 6, 30),
        movement=Movement.NEW_RURAL_AREAS,
        field_of_work="agriculture",
        found_on=dt.date(2025, 4, 1),
    )
    hidden = services.create_model(
        actor=officer_a,
        unit=tree.grassroots_a2,
        title="Mô hình dân vận chưa công nhận",
        summary="Chưa công nhận.",
        period_start=dt.date(2025, 3, 1),
        period_end=dt.date(2026, 6, 30),
        movement=Movement.NEW_RURAL_AREAS,
        field_of_work="agriculture",
        found_on=dt.date(2025, 4, 1),
    )
    AdvancedModel.objects.filter(pk=model.pk).update(stage=AdvancedModel.Stage.RECOGNISED)
    for q in ["bảo lạc suối", "bao lac suoi", "BAO LAC"]:
        page = client.get("/cong-thong-tin/tim-kiem/", {"q": q}).content.decode()
        assert "Cô giáo Bảo Lạc dắt học trò qua suối" in page, q
    for state in HIDDEN:  # only what the portal shows is ever found
        title = every_state[state].title
        assert "Không tìm thấy" in client.get("/cong-thong-tin/tim-kiem/", {"q": title}).content.decode(), (
            state
        )
    page = client.get("/cong-thong-tin/tim-kiem/", {"q": "dan van"}).content.decode()
    assert model.title in page
    assert hidden.title not in page
    empty = client.get("/cong-thong-tin/tim-kiem/", {"q": "không có gì như thế"}).content.decode()
    assert "Không tìm thấy" in empty
    assert 'action="/cong-thong-tin/tim-kiem/"' in client.get("/cong-thong-tin/").content.decode()
