"""Every date shown or printed is the date in Vietnam (Asia/Ho_Chi_Minh), never the UTC one: an
article published at 06:30 on 2/1 in Vietnam was published at 23:30 on 1/1 UTC."""

import datetime as dt
from zoneinfo import ZoneInfo

from reports.selectors.common import Filters
from reports.selectors.dashboard import build_dashboard
from reports.selectors.records import record_kinds
from reports.tests import world as worlds

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def test_an_articles_date_in_the_records_list_is_the_date_in_vietnam(tree):
    article = worlds.article(tree.province, 1, published_on=dt.date(2026, 1, 2))
    article.publish_at = dt.datetime(2026, 1, 2, 6, 30, tzinfo=VIETNAM)
    article.save(update_fields=["publish_at"])
    assert article.publish_at.astimezone(dt.UTC).day == 1  # the UTC date is the day before

    kind = record_kinds()["articles"]
    rows = [kind.row(a) for a in kind.queryset(tree.province, Filters())]

    assert [cell.value for cell in rows[0]][-1] == "02/01/2026"


def test_an_article_published_early_on_new_years_day_in_vietnam_counts_in_the_new_year(tree, english):
    """The trends count each year between its bounds in Vietnam: 06:30 on 1/1/2026 there is still
    2025 in UTC, and counts in 2026."""
    worlds.article(tree.province, 1, published_on=dt.date(2025, 6, 1))
    new_year = worlds.article(tree.province, 2, published_on=dt.date(2026, 1, 1))
    new_year.publish_at = dt.datetime(2026, 1, 1, 6, 30, tzinfo=VIETNAM)
    new_year.save(update_fields=["publish_at"])
    assert new_year.publish_at.astimezone(dt.UTC).year == 2025

    table = build_dashboard(tree.province, 2026).table("trends")

    assert [column.label for column in table.columns[1:]] == ["2025", "2026"]
    articles = next(row for row in table.rows if row[0].value == "Articles published")
    assert [cell.value for cell in articles[1:]] == [1, 1]
