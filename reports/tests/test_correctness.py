"""Every number on the dashboard equals the records behind it: on generated worlds of several
shapes, each linked figure is compared with the list its link opens, and each total with the
sum of its rows."""

import datetime as dt
import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import resolve

from documents.models import Document, DocumentType, Obligation
from organisations.models import Unit
from reports.figures import INT
from reports.forms import RecordFilterForm
from reports.review import review_figures
from reports.selectors import cascade
from reports.selectors.cascade import plan_obligations
from reports.selectors.dashboard import build_dashboard
from reports.selectors.records import record_kinds
from reports.tests import world as worlds


def _records_behind(link: str):
    """The queryset (or list) a drill-down link opens."""
    url = urlparse(link)
    match = resolve(url.path)
    assert match.url_name == "records", link
    form = RecordFilterForm({k: v[0] for k, v in parse_qs(url.query).items()})
    assert form.is_valid(), (link, form.errors)
    unit = Unit.objects.get(pk=form.cleaned_data["unit"])
    return match.kwargs["kind"], record_kinds()[match.kwargs["kind"]].queryset(unit, form.filters())


def _expected(kind: str, column_label: str, records) -> int:
    """What the list shows for a figure: its total under the same words when it has one (the reach
    list's members in scope and reached), else its count (the units it lists, said in its heading)."""
    spec = record_kinds()[kind]
    if spec.totals:
        for cell, column in zip(spec.totals(records), spec.columns, strict=True):
            if column.label == column_label:
                return cell.value
    return records.count()


def _check_table(table) -> list[str]:
    problems = []
    rows = table.rows + ([table.totals] if table.totals else [])
    for row in rows:
        for cell, column in zip(row, table.columns, strict=True):
            if column.kind != INT or not cell.link or "/bao-cao/chi-tiet/" not in cell.link:
                continue
            kind, records = _records_behind(cell.link)
            expected = _expected(kind, column.label, records)
            if cell.value != expected:
                problems.append(
                    f"{table.key} · {row[0].value} · {column.label}: shows {cell.value}, "
                    f"the records behind it are {expected} ({cell.link})"
                )
    if table.totals:
        for index, column in enumerate(table.columns[1:], start=1):
            if column.kind != INT or table.totals[index].value in ("", None):
                continue
            total = sum(row[index].value or 0 for row in table.rows)
            if table.totals[index].value != total:
                problems.append(
                    f"{table.key} · {column.label}: total {table.totals[index].value} != sum {total}"
                )
    return problems


@pytest.mark.parametrize("seed,units", [(1, 12), (2, 30), (3, 45)])
def test_every_linked_number_equals_the_records_behind_it(db, english, seed, units):
    world = worlds.build(seed, units)
    checked = 0
    for unit in [world.province, world.middles[0], world.middles[-1], world.grassroots[0]]:
        board = build_dashboard(unit, worlds.YEAR)
        problems = []
        for section in board.sections:
            for figure in section.figures:
                problems += _check_table(figure.table)
                checked += 1
            for stat in section.stats:
                if stat.kind == "int" and stat.link and "/bao-cao/chi-tiet/" in stat.link:
                    kind, records = _records_behind(stat.link)
                    if stat.value != records.count():
                        problems.append(f"{section.key} · {stat.label}: {stat.value} != {records.count()}")
        assert not problems, f"dashboard of {unit.name}:\n  " + "\n  ".join(problems)
    assert checked > 20


def test_every_linked_number_of_the_review_report_equals_the_records_behind_it(db, english):
    world = worlds.build(1, 12)
    for unit in [world.province, world.middles[0]]:
        figures = review_figures(unit, dt.date(worlds.YEAR, 1, 1), dt.date(worlds.YEAR, 12, 31))
        reach = next(table for table in figures.tables if table.key == "reach")
        assert any(cell.link for row in reach.rows for cell in row)
        problems = [problem for table in figures.tables for problem in _check_table(table)]
        assert not problems, f"review of {unit.name}:\n  " + "\n  ".join(problems)


def test_the_province_figures_cover_every_area(db, english):
    world = worlds.build(4, 20)
    board = build_dashboard(world.province, worlds.YEAR)
    keys = [s.key for s in board.sections]
    assert keys == [
        "organisation",
        "campaigns",
        "reach",
        "registration",
        "rankings",
        "cascade",
        "awards",
        "publishing",
        "trends",
    ]


def test_a_childs_row_equals_the_childs_own_dashboard_total(db, english):
    """Drilling into a child unit shows the same totals its row showed one level up."""
    world = worlds.build(5, 30)
    top = build_dashboard(world.province, worlds.YEAR)
    for child in world.middles:
        below = build_dashboard(child, worlds.YEAR)
        members = next(r for r in top.table("organisation").rows if r[0].value == child.name)[2].value
        assert below.table("organisation").totals[2].value == members
        plans = next(r for r in top.table("cascade_units").rows if r[0].value == child.name)[1].value
        cascade = below.table("cascade_units")
        assert (cascade.totals[1].value if cascade else 0) == plans, child.name


def test_the_trends_plans_equal_the_obligations_counted_by_year(db, english):
    """The trends read the subtree plan tallies; each year's figures are the obligations' own count."""
    world = worlds.build(6, 30)
    for unit in [world.province, world.middles[0]]:
        table = build_dashboard(unit, worlds.YEAR).table("trends")
        rows = {row[0].value: [cell.value for cell in row[1:]] for row in table.rows}
        years = [int(column.label) for column in table.columns[1:]]
        asked = [plan_obligations(unit, year=year).count() for year in years]
        issued = [plan_obligations(unit, year=year, state="done").count() for year in years]
        assert any(asked) and any(issued)
        assert rows["Implementing plans asked"] == asked
        assert rows["Implementing plans issued"] == issued


def test_the_cascade_reads_the_same_obligations_through_the_years_plans_or_without_them(
    db, english, monkeypatch
):
    """Up to PLANS_LISTED plans of the year, their obligations are read by the plans' ids; beyond,
    by the year alone: both readings give the same tables."""
    world = worlds.build(7, 30)
    listed = build_dashboard(world.province, worlds.YEAR)
    monkeypatch.setattr(cascade, "PLANS_LISTED", 1)
    assert Document.objects.filter(status=Document.Status.ISSUED, issued_on__year=worlds.YEAR).count() > 1
    by_year = build_dashboard(world.province, worlds.YEAR)
    for key in ("cascade_plans", "cascade_units"):
        assert listed.table(key).rows, key
        assert listed.table(key) == by_year.table(key), key


def test_a_year_of_many_decisions_and_few_plans_reads_its_plans_by_their_ids(db, english, monkeypatch):
    """Only the documents that ask for plans are listed: a year of many decisions and few plans
    still reads its obligations by the plans' ids, and the cascade shows the same figures as when
    they are read by the year alone."""
    world = worlds.build(8, 30)
    plans = set(
        Document.objects.filter(
            status=Document.Status.ISSUED, requires_plan=True, issued_on__year=worlds.YEAR
        ).values_list("pk", flat=True)
    )
    decision = DocumentType.objects.get_or_create(code="QĐ", defaults={"name": "Quyết định"})[0]
    # More decisions of the year than plans, each asking the middle level to acknowledge it.
    for number in range(1, len(plans) + 6):
        document = Document.objects.create(
            doc_type=decision,
            issuer_unit=world.province,
            status=Document.Status.ISSUED,
            number=number,
            year=worlds.YEAR,
            number_symbol=f"{number:02d}/QĐ-LĐLĐ",
            issued_on=dt.date(worlds.YEAR, 9, 1),
            summary="Quyết định khen thưởng",
        )
        Obligation.objects.bulk_create(
            Obligation(document=document, unit=unit, acknowledged_at=worlds.NOW) for unit in world.middles
        )
    monkeypatch.setattr(cascade, "PLANS_LISTED", len(plans))  # room for the year's plans, not its decisions

    sql = str(cascade.year_obligations(world.province, worlds.YEAR).query)
    listed_ids = re.search(r'"documents_obligation"\."document_id" IN \(([\d, ]+)\)', sql)
    assert listed_ids and {int(pk) for pk in listed_ids[1].split(",")} == plans  # read by the plans' ids
    listed = build_dashboard(world.province, worlds.YEAR)
    monkeypatch.setattr(cascade, "PLANS_LISTED", 0)  # never listed: read by the year alone
    by_year = build_dashboard(world.province, worlds.YEAR)
    for key in ("cascade_plans", "cascade_units"):
        assert listed.table(key).rows, key
        assert listed.table(key) == by_year.table(key), key


def test_a_campaigns_row_is_the_same_whether_the_unit_figures_follow_it_or_not(db, english):
    """The campaign the per-unit figures follow takes its row's participants, registrations and reach
    from those figures; the year's other campaigns are counted apart: either way, the same row."""
    world = worlds.build(8, 30)
    other = worlds.campaign(world.province, world.grassroots[::2])  # the newest: followed by default
    default = build_dashboard(world.province, worlds.YEAR)
    chosen = build_dashboard(world.province, worlds.YEAR, campaign=world.campaign.pk)
    assert (default.campaign, chosen.campaign) == (other.pk, world.campaign.pk)

    def rows(board) -> dict[str, list]:
        return {
            row[0].link: [(cell.value, cell.link) for cell in row] for row in board.table("campaigns").rows
        }

    assert rows(default) == rows(chosen)
    assert len(rows(default)) == 2
    for board in (default, chosen):
        assert not _check_table(board.table("campaigns"))
    stat = next(s for s in chosen.section("campaigns").stats if s.key == "plans_not_issued")
    below = plan_obligations(world.province, document=world.plan.pk, state="open", under=True)
    assert stat.value == below.count() > 0
    assert not any(s.key == "plans_not_issued" for s in default.section("campaigns").stats)  # no plan
