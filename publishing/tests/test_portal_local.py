"""The portal pages a process served in the last PORTAL_LOCAL_SECONDS are served again from its memory,
without the shared cache's round trip (most of a cached page's cost under load): this process's
changes and a scheduled article's time still show at once; another server's within those seconds."""

import datetime as dt
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
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
