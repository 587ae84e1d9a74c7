"""The dashboard's awards of a year: a commendation counts in the year it was decided, a yearly
grading is the grade of its own year even when decided early the next year, and the awards by form
and year count each commendation once, in its year decided — as do the trends' awards per year, whose
cells open the lists of the awards decided in each year."""

import datetime as dt

from reports.selectors.dashboard import build_dashboard
from reports.tests import world as worlds
from reports.tests.test_correctness import _check_table


def _totals(dashboard, key: str) -> dict[str, int]:
    """{first cell: last cell} of a table of the awards section."""
    table = dashboard.section("awards").table(key)
    return {} if table is None else {str(row[0].value): row[-1].value for row in table.rows}


def test_a_grading_decided_the_next_year_is_its_own_years_grade_a_commendation_the_next_years(tree, members):
    forms = worlds.award_forms()
    worlds.award(forms["cdcs-vung-manh"], 2015, unit=tree.grassroots_a1, decided_on=dt.date(2016, 1, 15))
    worlds.award(forms["cdcs-kha"], 2016, unit=tree.grassroots_b1)
    worlds.award(forms["giay-khen"], 2015, member=members["a1"][0], decided_on=dt.date(2016, 1, 15))
    worlds.award(forms["giay-khen"], 2015, member=members["a1"][1])
    worlds.award(forms["bang-khen-ldld-tinh"], 2016, member=members["b1"][0])
    worlds.award(forms["bang-khen-ldld-tinh"], 2016, member=members["b1"][1], revoked=True)

    in_2015 = build_dashboard(tree.province, 2015)
    assert _totals(in_2015, "awards_grades") == {"Công đoàn cơ sở vững mạnh": 1}
    assert _totals(in_2015, "awards_forms") == {"Giấy khen": 1}
    assert _totals(in_2015, "awards_units") == {
        tree.district_a.name: 1,
        tree.district_b.name: 0,
        tree.sector.name: 0,
    }

    in_2016 = build_dashboard(tree.province, 2016)
    assert _totals(in_2016, "awards_grades") == {"Công đoàn cơ sở khá": 1}
    assert _totals(in_2016, "awards_forms") == {"Giấy khen": 1, "Bằng khen của Ban Chấp hành LĐLĐ tỉnh": 1}
    assert _totals(in_2016, "awards_units") == {
        tree.district_a.name: 1,
        tree.district_b.name: 1,
        tree.sector.name: 0,
    }
    assert [stat.value for stat in in_2016.section("awards").stats] == [2, 0, 2, 1]  # 1 for an earlier year

    trend = in_2016.section("awards").table("awards_trend")
    assert [column.label for column in trend.columns[1:]] == ["2015", "2016", trend.columns[-1].label]
    assert [[cell.value for cell in row] for row in trend.rows] == [
        ["Bằng khen", 0, 1, 1],
        ["Giấy khen", 1, 1, 2],
    ]

    trends = in_2016.section("trends").table("trends")
    assert [column.label for column in trends.columns[1:]] == ["2015", "2016"]
    (awards,) = [row for row in trends.rows if row[0].value == "Khen thưởng"]
    assert [cell.value for cell in awards[1:]] == [1, 2]  # the Giấy khen of 2015 decided in 2016 in 2016
    assert _check_table(trends) == []  # and each cell's list holds as many awards
