"""A decision dated 2026 for a 2015 nomination counts in 2026 on the dashboard (count by decision date),
and the dashboard says it was for an earlier year's achievement (both years shown)."""

import datetime as dt

from django.utils import translation

from awards.tests.conftest import GIAY_KHEN, record
from reports.selectors.awards import award_records
from reports.selectors.dashboard import build_dashboard, data_years


def test_a_2026_decision_for_a_2015_nomination_counts_in_2026_and_says_it_is_for_2015(tree, rules, members):
    member = members["a1"][0]
    record(rules.forms[GIAY_KHEN], 2015, member=member, decision_date=dt.date(2026, 3, 2))
    record(rules.forms[GIAY_KHEN], 2015, member=members["a1"][1], decision_date=dt.date(2015, 12, 20))
    record(rules.forms[GIAY_KHEN], 2014, member=members["a1"][2])  # imported, no date: counts in its year

    assert award_records(tree.province, year=2026).count() == 1
    assert award_records(tree.province, year=2015).count() == 1
    assert award_records(tree.province, year=2014).count() == 1
    assert 2026 in data_years(tree.province)

    translation.activate("vi")
    stats = {str(s.label): s.value for s in build_dashboard(tree.province, 2026).section("awards").stats}
    assert stats["khen thưởng quyết định năm 2026"] == 1
    assert stats["trong đó cho thành tích các năm trước (tính vào năm ra quyết định)"] == 1
    stats_2015 = {str(s.label): s.value for s in build_dashboard(tree.province, 2015).section("awards").stats}
    assert stats_2015["khen thưởng quyết định năm 2015"] == 1
    assert not any("năm trước" in label for label in stats_2015)
