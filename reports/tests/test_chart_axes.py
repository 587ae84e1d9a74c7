"""The dashboard's trends: counts are read on whole-number ticks, and the section's title is said
once (the section's heading), not again above its figure."""

import re

from django.test import Client

from accounts.models import Role
from accounts.testing import user_with_role
from reports.charts import small_multiples
from reports.tests import world as worlds


def _ticks(values: list[int]) -> list[str]:
    (chart,) = small_multiples("Diễn biến", [2024, 2025], [("Đơn vị", values, ["", ""])]).charts
    return [label for _y, label in chart.y_ticks]


def test_a_count_is_read_on_whole_number_ticks_only():
    assert _ticks([0, 1]) == ["0", "1"]  # was 0 / 0,5 / 1
    assert _ticks([2, 3]) == ["0", "5"]
    assert _ticks([20, 25]) == ["0", "25"]
    assert _ticks([0, 0]) == ["0", "1"]
    assert _ticks([30, 40]) == ["0", "25", "50"]


def test_the_trends_title_is_a_heading_once_on_the_dashboard(db):
    world = worlds.build(8, 20)
    client = Client()
    client.force_login(user_with_role(Role.VIEWER, world.province, username="xem.xu.huong"))

    page = client.get("/bao-cao/", {"unit": world.province.pk, "year": worlds.YEAR}).content.decode()

    assert 'id="section-trends"' in page
    headings = re.findall(r"<h[1-6][^>]*>\s*Diễn biến qua các năm\s*</h[1-6]>", page)
    assert len(headings) == 1
