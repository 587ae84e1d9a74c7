"""The portal pages a process served in the last PORTAL_LOCAL_SECONDS are served again from its memory,
without the shared cache's round trip (most of a cached page's cost under load): this process's
changes and a scheduled article's time still show at once; another server's within those seconds.
An anonymous visitor is given the whole answer kept there, before the session, authentication and
the rest of the request's work (publishing.middleware), with the same body and headers."""

import datetime as dt
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from publishing import portal_cache, services
from publishing.models import Article

Status = Article.Status


@pytest.fixture(autouse=True)
def local_memory(settings):
    settings.PORTAL_LOCAL_SECONDS = 2
    cache.clear()
    portal_cache._forget_recent()
    yield
    portal_cache._forget_recent()
    cache.clear()


@pytest.fixture
def cache_reads():
    with mock.patch.object(portal_cache.cache, "get_many", wraps=portal_cache.cache.get_many) as reads:
        yield reads


def answered_from_memory(response) -> bool:
    """The answer came from publishing.middleware: the request never reached the session's middleware."""
    return not hasattr(response.wsgi_request, "session")


def anonymous_page(client, path: str, **headers):
    """`path` requested three times: the page is then remembered with its whole anonymous answer."""
    for _ in range(2):
        client.get(path, **headers)
    return client.get(path, **headers)


def test_a_page_served_again_within_the_seconds_reads_neither_cache_nor_database(
    client, every_state, cache_reads
):
    first = client.get("/cong-thong-tin/")
    assert cache_reads.call_count == 1
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/cong-thong-tin/")
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert len(queries) == 0 and cache_reads.call_count == 1
    # a conditional GET from memory still answers 304
    assert client.get("/cong-thong-tin/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_publication_in_this_process_shows_at_once(client, every_state, editors):
    assert "Bài đã duyệt chưa đăng" not in client.get("/cong-thong-tin/").content.decode()
    services.publish_article(every_state["approved"], actor=editors.province)
    assert "Bài đã duyệt chưa đăng" in client.get("/cong-thong-tin/").content.decode()


def test_another_servers_change_shows_when_the_seconds_are_over_and_not_later(client, every_state):
    published = every_state["published"]
    assert published.title in client.get("/cong-thong-tin/").content.decode()
    # another app server withdraws the article: the database and the shared generation change, this
    # process's memory is not told
    Article.objects.filter(pk=published.pk).update(status=Status.RETURNED)
    cache.set(portal_cache.GENERATION_KEY, "another-server", None)
    assert published.title in client.get("/cong-thong-tin/").content.decode()  # within the seconds
    later = portal_cache.time.monotonic() + 2.5
    with mock.patch.object(portal_cache.time, "monotonic", return_value=later):
        assert published.title not in client.get("/cong-thong-tin/").content.decode()


def test_being_served_often_does_not_extend_the_memory(client, every_state):
    published = every_state["published"]
    client.get("/cong-thong-tin/")
    Article.objects.filter(pk=published.pk).update(status=Status.RETURNED)
    cache.set(portal_cache.GENERATION_KEY, "another-server", None)
    start = portal_cache.time.monotonic()
    for step in (0.5, 1.0, 1.5, 1.9):
        with mock.patch.object(portal_cache.time, "monotonic", return_value=start + step):
            assert published.title in client.get("/cong-thong-tin/").content.decode()
    with mock.patch.object(portal_cache.time, "monotonic", return_value=start + 2.1):
        assert published.title not in client.get("/cong-thong-tin/").content.decode()


def test_a_scheduled_article_shows_when_its_time_comes_even_from_memory(client, every_state):
    scheduled = every_state["scheduled"]
    assert scheduled.title not in client.get("/cong-thong-tin/").content.decode()
    later = timezone.now() + dt.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert scheduled.title in client.get("/cong-thong-tin/").content.decode()


def test_the_memory_is_bounded(client, every_state):
    for page in range(1, portal_cache.RECENT_LIMIT + 20):
        client.get(f"/tin-tuc/?page={page}")
    assert len(portal_cache._recent) == portal_cache.RECENT_LIMIT


# The whole answer, for anonymous visitors ---------------------------------------------------------

# what the middleware after publishing.middleware and the view add: all must be there from memory too
ANSWER_HEADERS = [
    "Content-Type",
    "Content-Length",
    "Content-Language",
    "Cache-Control",
    "ETag",
    "Last-Modified",
    "Vary",
    "X-Frame-Options",
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
]


@pytest.mark.parametrize("path", ["/cong-thong-tin/", "/tin-tuc/?page=1", "/tin-tuc/feed/"])
def test_an_anonymous_visitor_gets_the_same_answer_from_memory_with_no_query_nor_cache_read(
    client, every_state, cache_reads, path
):
    first = client.get(path)
    assert not answered_from_memory(first)
    client.get(path)
    reads = cache_reads.call_count
    with CaptureQueriesContext(connection) as queries:
        again = client.get(path)
    assert answered_from_memory(again)
    assert len(queries) == 0 and cache_reads.call_count == reads
    assert again.status_code == 200 and again.content == first.content
    assert {name: again.get(name) for name in ANSWER_HEADERS} == {
        name: first.get(name) for name in ANSWER_HEADERS
    }
    assert not again.cookies


def test_a_publication_in_this_process_reaches_anonymous_visitors_at_once(client, every_state, editors):
    home = anonymous_page(client, "/cong-thong-tin/")
    assert answered_from_memory(home) and "Bài đã duyệt chưa đăng" not in home.content.decode()
    services.publish_article(every_state["approved"], actor=editors.province)
    assert "Bài đã duyệt chưa đăng" in client.get("/cong-thong-tin/").content.decode()


def test_a_withdrawal_in_this_process_reaches_anonymous_visitors_at_once(client, every_state, editors):
    published = every_state["published"]
    assert answered_from_memory(anonymous_page(client, f"/tin-tuc/{published.slug}/"))
    assert published.title in anonymous_page(client, "/cong-thong-tin/").content.decode()
    services.withdraw_article(published, actor=editors.province, comment="Cần kiểm tra lại")
    assert client.get(f"/tin-tuc/{published.slug}/").status_code == 404
    assert published.title not in client.get("/cong-thong-tin/").content.decode()


def test_an_edit_in_this_process_reaches_anonymous_visitors_at_once(client, every_state, editors):
    published = every_state["published"]
    assert answered_from_memory(anonymous_page(client, f"/tin-tuc/{published.slug}/"))
    published.lead = "Mỗi sáng cô vượt 5 km đường núi."
    published.save()
    assert "Mỗi sáng cô vượt 5 km đường núi." in client.get(f"/tin-tuc/{published.slug}/").content.decode()


def test_a_scheduled_article_reaches_anonymous_visitors_when_its_time_comes(client, every_state):
    scheduled = every_state["scheduled"]
    home = anonymous_page(client, "/cong-thong-tin/")
    assert answered_from_memory(home) and scheduled.title not in home.content.decode()
    later = timezone.now() + dt.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert scheduled.title in client.get("/cong-thong-tin/").content.decode()


def test_another_servers_change_reaches_anonymous_visitors_when_the_seconds_are_over(client, every_state):
    published = every_state["published"]
    assert answered_from_memory(anonymous_page(client, "/cong-thong-tin/"))
    Article.objects.filter(pk=published.pk).update(status=Status.RETURNED)
    cache.set(portal_cache.GENERATION_KEY, "another-server", None)
    remembered = portal_cache.recent(portal_cache.local_key("/cong-thong-tin/", "", "vi"))
    assert remembered is not None
    for before_the_end in (1.5, 0.1):
        with mock.patch.object(
            portal_cache.time, "monotonic", return_value=remembered.until - before_the_end
        ):
            kept = client.get("/cong-thong-tin/")
            assert answered_from_memory(kept) and published.title in kept.content.decode()
    with mock.patch.object(portal_cache.time, "monotonic", return_value=remembered.until + 0.1):
        assert published.title not in client.get("/cong-thong-tin/").content.decode()


def test_the_language_cookie_picks_the_page_of_its_language(client, every_state):
    vietnamese = anonymous_page(client, "/cong-thong-tin/")
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    english = anonymous_page(client, "/cong-thong-tin/")
    assert answered_from_memory(vietnamese) and answered_from_memory(english)
    assert vietnamese["Content-Language"] == "vi" and "Trang chủ" in vietnamese.content.decode()
    assert english["Content-Language"] == "en" and "Trang chủ" not in english.content.decode()


def test_a_signed_in_user_gets_their_own_language_not_the_anonymous_page(client, every_state, editors):
    assert anonymous_page(client, "/cong-thong-tin/")["Content-Language"] == "vi"
    editors.province.language = "en"
    editors.province.save()
    signed_in = Client()
    signed_in.force_login(editors.province)
    page = signed_in.get("/cong-thong-tin/")
    assert not answered_from_memory(page)
    assert page["Content-Language"] == "en" and "Trang chủ" not in page.content.decode()


def test_a_conditional_get_still_answers_304_and_a_head_takes_the_usual_way(client, every_state):
    home = anonymous_page(client, "/cong-thong-tin/")
    assert answered_from_memory(home)
    assert client.get("/cong-thong-tin/", HTTP_IF_NONE_MATCH=home["ETag"]).status_code == 304
    assert client.get("/cong-thong-tin/", HTTP_IF_MODIFIED_SINCE=home["Last-Modified"]).status_code == 304
    head = client.head("/cong-thong-tin/")
    assert head.status_code == 200 and not answered_from_memory(head)


def test_a_host_the_site_does_not_serve_answers_400_even_when_the_page_is_in_memory(client, every_state):
    assert answered_from_memory(anonymous_page(client, "/cong-thong-tin/"))
    assert client.get("/cong-thong-tin/", HTTP_HOST="evil.example").status_code == 400
