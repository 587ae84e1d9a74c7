"""The subtree tallies kept by the records' own writes, under real concurrency (PostgreSQL): two
editors publishing and withdrawing articles of units in different districts at the same moment
both move the province's row; neither may fail on a deadlock nor lose the other's count.

SQLite serialises writers at BEGIN, so this runs on PostgreSQL only (CI runs the suite there too)."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from core.testing.concurrency import errors_together
from organisations import subtree_tallies
from organisations.testing import make_unit
from publishing.models import Article, ArticleSubtreeTally
from reports.tests import world as worlds

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent transactions"
    ),
]
ROUNDS = 10
PUBLISHED = timezone.make_aware(dt.datetime(2024, 5, 10, 9))


def _publish(article: Article) -> None:
    article.status, article.publish_at = Article.Status.PUBLISHED, PUBLISHED
    article.save()


def _withdraw(article: Article) -> None:
    article.status = Article.Status.RETURNED
    article.save()


def test_articles_published_and_withdrawn_at_once_are_all_counted():
    province = make_unit("province", code="LDLD-ARTICLE-RACE")
    school_a = make_unit("grassroots", make_unit("district", province))
    school_b = make_unit("grassroots", make_unit("district", province))
    drafts = [worlds.article(school_a, n, published_on=None, status="draft") for n in range(ROUNDS)]
    out = [worlds.article(school_b, 100 + n, published_on=PUBLISHED.date()) for n in range(ROUNDS)]

    errors = []
    for draft, published in zip(drafts, out, strict=True):
        errors += errors_together(lambda d=draft: _publish(d), lambda p=published: _withdraw(p))

    assert errors == []
    assert ArticleSubtreeTally.objects.get(unit=province, year=2024).published == ROUNDS
    assert subtree_tallies.differences(ArticleSubtreeTally) == []
