"""The roll-up by child: one GROUP BY over the unit paths gives, for every child of the chosen
unit, exactly what counting its subtree one by one gives (random trees, hypothesis)."""

from django.db import transaction
from django.db.models import Count, Sum
from django.template import engines
from django.template.loader import render_to_string
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from organisations import services
from organisations.models import Member, MemberTally, Unit
from organisations.testing import MemberFactory, UnitTypeFactory, make_unit
from reports.charts import Bar, Segment, StackedRow, Tile, bar_chart, stacked_chart, tile_map
from reports.rollup import SELF, Breakdown

shapes = st.lists(
    st.tuples(st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=3)),
    min_size=1,
    max_size=25,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shape=shapes, pick=st.integers(min_value=0, max_value=40))
def test_grouping_by_child_equals_counting_each_subtree(db, shape, pick):
    with transaction.atomic():
        units = [_unit(None, 0)]
        for parent_index, members in shape:
            parent = units[parent_index % len(units)]
            unit = _unit(parent, parent.depth + 1)
            units.append(unit)
            MemberFactory.create_batch(members, unit=unit)
        MemberFactory(unit=units[0])
        chosen = units[pick % len(units)]
        chosen.refresh_from_db()
        breakdown = Breakdown.of(chosen)
        grouped = breakdown.group(Member.objects.all(), "unit__path", n=Count("pk"))
        for child in breakdown.children:
            expected = Member.objects.filter(unit__path__startswith=child.path).count()
            assert grouped.get(child.pk, {}).get("n", 0) == expected
        assert grouped.get(SELF, {}).get("n", 0) == Member.objects.filter(unit=chosen).count()
        assert (
            sum(row["n"] for row in grouped.values())
            == Member.objects.filter(unit__path__startswith=chosen.path).count()
        )
        assert not set(grouped) - {SELF, *[c.pk for c in breakdown.children]}
        # the members' per-unit tallies summed by child: the same figures (every member is active)
        assert (
            breakdown.group(MemberTally.objects.filter(active__gt=0), "unit__path", n=Sum("active"))
            == grouped
        )
        transaction.set_rollback(True)


def _unit(parent, depth: int) -> Unit:
    """A unit at any depth: each depth its own unit type, one level lower than the one above."""
    unit_type = UnitTypeFactory(
        code=f"depth-{depth}", name=f"Cấp {depth}", level=depth + 1, may_have_members=True
    )
    return services.create_unit(
        unit_type=unit_type,
        parent=parent,
        name=f"Đơn vị cấp {depth}",
        code=f"D{Unit.objects.count() + 1:05d}",
    )


def test_ids_of_different_lengths_do_not_mix(db):
    """/1/7/ and /1/75/: a prefix test on text would put 75's members under 7."""
    root = make_unit("province")
    children = [make_unit("district", root) for _ in range(12)]
    short = min(children, key=lambda u: u.pk)
    lookalike = next((u for u in children if str(u.pk).startswith(str(short.pk)) and u.pk != short.pk), None)
    for child in children:
        MemberFactory(unit=make_unit("grassroots", child))
    grouped = Breakdown.of(Unit.objects.get(pk=root.pk)).group(
        Member.objects.all(), "unit__path", n=Count("pk")
    )
    assert all(grouped[child.pk]["n"] == 1 for child in children), (lookalike, grouped)


def test_a_bar_chart_scales_to_its_largest_bar_and_can_leave_out_empty_rows():
    chart = bar_chart("t", [Bar("A", 10, "10"), Bar("B", 0, "0"), Bar("C", 5, "5")], omit_zero=True)
    assert [b.label for b in chart.bars] == ["A", "C"] and chart.omitted == 1
    assert chart.bars[0].width == chart.plot_width and chart.bars[1].width == chart.plot_width / 2


def test_tiles_fill_the_map_in_proportion_to_their_weight():
    tiles = [Tile(f"U{i}", weight=w, value_text="", css="none") for i, w in enumerate([50, 30, 15, 5])]
    chart = tile_map("t", tiles, [], width=400, height=200)
    areas = [(t.w + 2) * (t.h + 2) for t in chart.tiles]
    assert abs(sum(areas) - 400 * 200) < 400 * 200 * 0.02
    assert areas[0] > areas[1] > areas[2] > areas[3]
    assert all(t.x + t.w <= 400.5 and t.y + t.h <= 200.5 for t in chart.tiles)


def test_a_charts_rows_written_in_python_escape_their_text_and_link_each_figure():
    """Bars and stacked segments are written by Python tags (`bar_rows`, `stacked_rows`): a unit's
    name is text, never markup, and each bar or segment opens its records."""
    name = 'CĐCS "Sông Hiến" <Bảo & Lạc>'
    bars = bar_chart(
        "t", [Bar(name, 10, "10", href="/bao-cao/chi-tiet/reach/?unit=7&year=2025"), Bar("B", 5, "5")]
    )
    svg = render_to_string("reports/charts/bar.html", {"chart": bars})
    assert "CĐCS &quot;Sông Hiến&quot; &lt;Bảo &amp; Lạc&gt;: 10</title>" in svg and "<Bảo" not in svg
    assert svg.count('class="chart-row"') == 2 and svg.count("<a href=") == 1
    assert '<a href="/bao-cao/chi-tiet/reach/?unit=7&amp;year=2025">' in svg
    stacked = stacked_chart(
        "t",
        [
            StackedRow(
                name, [Segment("Late", 3, "bad", href="/x?state=late"), Segment("Done", 0, "good")], "3"
            )
        ],
        [("Late", "bad")],
    )
    svg = render_to_string("reports/charts/stacked.html", {"chart": stacked})
    assert "&lt;Bảo &amp; Lạc&gt; · Late: 3</title>" in svg
    assert svg.count("<rect x=") == 2  # the track and the one segment with a width
    assert '<a href="/x?state=late">' in svg


# the loop reports/charts/tiles.html had before `tile_items` wrote it in Python
TILES_AS_A_TEMPLATE_LOOP = (
    "{% load l10n %}{% localize off %}{% for tile in chart.tiles %}"
    '<a href="{{ tile.href }}" class="tile"><rect x="{{ tile.x }}"\n    y="{{ tile.y }}"\n'
    '    width="{{ tile.w }}"\n    height="{{ tile.h }}"\n    rx="4"\n    class="tile-{{ tile.css }}">\n'
    "      <title>{{ tile.label }}: {{ tile.value_text }} · {{ tile.detail }}</title>\n    </rect>\n"
    "  {% if tile.shows_label %}{% for y, line in tile.label_lines %}"
    '<text x="{{ tile.text_x }}" y="{{ y }}" class="tile-label">{{ line }}</text>{% endfor %}'
    '<text x="{{ tile.text_x }}" y="{{ tile.value_y }}" class="tile-value">{{ tile.value_text }}</text>'
    "{% endif %}</a>\n{% endfor %}{% endlocalize %}"
)


def test_the_tiles_written_in_python_are_the_template_loops_bytes_and_escape_their_text():
    """A province's map has a tile per child unit, written by `tile_items` instead of a template
    loop: the same text, a unit's name still text and never markup."""
    name = 'CĐCS "Sông Hiến" <Bảo & Lạc> Trường Tiểu học Nước Hai'
    tiles = [
        Tile(
            name,
            weight=60,
            value_text="85%",
            css="good",
            href="/bao-cao/?unit=7&year=2025",
            detail="1.200 <b>",
        ),
        Tile("Hòa An", weight=30, value_text="40%", css="bad", href="/bao-cao/?unit=8&year=2025"),
        Tile("Bảo Lạc", weight=2, value_text="", css="none"),
    ]
    chart = tile_map("t", tiles, [("80% or more", "good")], width=480, height=300)
    assert any(t.shows_label for t in chart.tiles) and not all(t.shows_label for t in chart.tiles)
    svg = render_to_string("reports/charts/tiles.html", {"chart": chart})
    expected = engines["django"].from_string(TILES_AS_A_TEMPLATE_LOOP).render({"chart": chart})
    assert expected in svg
    assert "&lt;Bảo &amp; Lạc&gt;" in svg and "<Bảo" not in svg and "1.200 &lt;b&gt;" in svg
    assert '<a href="/bao-cao/?unit=7&amp;year=2025" class="tile">' in svg
