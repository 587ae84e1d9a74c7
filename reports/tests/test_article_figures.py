"""The dashboard's article figures (the news table by unit, the trends) read the articles' subtree
tally, which counts an article from the moment it is published, even for later: an article
scheduled for later is not counted until it is out, and then it is, with no write in between; a
unit's own articles are told apart from its children's."""

import datetime as dt

from django.utils import timezone

from publishing.models import Article
from reports.selectors.dashboard import build_dashboard
from reports.selectors.publishing import published_articles
from reports.tests import world as worlds


def _article(unit, n: int, publish_at: dt.datetime) -> Article:
    return worlds.article(unit, n, published_on=None, at=publish_at)


def _news_row(board, name: str) -> int:
    return next(row for row in board.table("publishing_units").rows if row[0].value == name)[1].value


def test_an_article_published_for_later_counts_once_it_is_out(db, english, monkeypatch):
    world = worlds.build(8, 20)
    district = world.middles[0]
    school = next(u for u in world.grassroots if u.parent_id == district.pk)
    now = timezone.now()
    later = now + dt.timedelta(minutes=5)
    year = timezone.localtime(later).year
    _article(school, 1, now - dt.timedelta(minutes=5))
    _article(school, 2, later)
    _article(world.province, 3, now - dt.timedelta(minutes=5))  # the province's own
    _article(school, 4, timezone.make_aware(dt.datetime(year - 1, 6, 1, 9)))  # the trends show two years

    board = build_dashboard(world.province, year)
    assert _news_row(board, district.name) == 1
    assert _news_row(board, f"{world.province.display_name} itself") == 1
    assert (
        board.table("publishing_units").totals[1].value
        == published_articles(world.province, year=year).count()
    )
    articles = next(row for row in board.table("trends").rows if row[0].value == "Articles published")
    assert [cell.value for cell in articles[-2:]] == [1, 2]  # last year's, this year's out so far

    monkeypatch.setattr(timezone, "now", lambda: later + dt.timedelta(minutes=1))
    board = build_dashboard(world.province, year)
    assert _news_row(board, district.name) == 2
    assert (
        board.table("publishing_units").totals[1].value
        == published_articles(world.province, year=year).count()
    )
    articles = next(row for row in board.table("trends").rows if row[0].value == "Articles published")
    assert [cell.value for cell in articles[-2:]] == [1, 3]
