"""The organisation in numbers: units and active members under each child unit."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations.models import Member, Unit, current_units
from reports.figures import TEXT, Cell, Column, Table
from reports.rollup import SELF, Breakdown
from reports.selectors.common import Figure, Section, Stat, dashboard_url, records_url


def members(unit: Unit, *, own: bool = False, gender: str = "") -> QuerySet[Member]:
    """The active members behind every member figure: a subtree's, or the unit's own."""
    queryset = Member.objects.filter(status=Member.Status.ACTIVE)
    queryset = queryset.filter(unit=unit) if own else queryset.filter(unit__path__startswith=unit.path)
    if gender:
        queryset = queryset.filter(gender=gender)
    return queryset


def organisation_counts(breakdown: Breakdown) -> tuple[dict[int, dict], dict[int, dict]]:
    """Active members (and women among them) and current units under each child, from one pass over
    the subtree's units, each joined to its tally (`MemberTally`, kept as members are written; a
    province has a hundred times more members than units): (members, units). A key has members only
    when some of its units has an active member; a child's units count the child itself."""
    unit = breakdown.unit
    rows = breakdown.group(
        Unit.objects.all(),
        "path",
        units=Count("pk", filter=current_units() & ~Q(pk=unit.pk)),
        members=Sum("member_tally__active"),
        women=Sum("member_tally__women"),
    )
    members = {
        key: {"members": row["members"], "women": row["women"]} for key, row in rows.items() if row["members"]
    }
    return members, {key: {"units": row["units"]} for key, row in rows.items() if row["units"]}


def ended_note(unit: Unit) -> str:
    if unit.valid_to and not unit.is_current(timezone.localdate()):
        return _("ended %(date)s") % {"date": unit.valid_to.strftime("%d/%m/%Y")}
    return ""


def unit_cell(unit: Unit, key: int, year: int | None, own_label: str = "") -> Cell:
    """The first cell of a breakdown row: a child (linking to its dashboard) or the unit's own records."""
    if key == SELF:
        return Cell(own_label or _("%(unit)s itself") % {"unit": unit.display_name})
    return Cell(unit.name, link=dashboard_url(unit, year), note=ended_note(unit))


def organisation_section(breakdown: Breakdown, year: int | None = None) -> Section:
    counts, units = organisation_counts(breakdown)
    table = Table(
        key="organisation",
        title=_("Units and members by unit"),
        columns=[
            Column(_("Unit"), TEXT),
            Column(_("Units (current)")),
            Column(_("Active members")),
            Column(_("of whom women")),
        ],
    )
    for key, unit in breakdown.row_units([counts]):
        own = key == SELF
        row = counts.get(key, {})
        table.rows.append(
            [
                unit_cell(
                    unit,
                    key,
                    year,
                    _("Members of %(unit)s itself") % {"unit": unit.display_name} if own else "",
                ),
                Cell(0 if own else units.get(key, {}).get("units", 0)),
                Cell(row.get("members", 0), link=records_url("members", unit, own=1 if own else None)),
                Cell(
                    row.get("women", 0),
                    link=records_url("members", unit, own=1 if own else None, gender=Member.Gender.FEMALE),
                ),
            ]
        )
    total_units = sum(row[1].value for row in table.rows)
    total_members = sum(row[2].value for row in table.rows)
    total_women = sum(row[3].value for row in table.rows)
    all_members = records_url("members", breakdown.unit)
    all_women = records_url("members", breakdown.unit, gender=Member.Gender.FEMALE)
    table.totals = [
        Cell(_("Total")),
        Cell(total_units),
        Cell(total_members, link=all_members),
        Cell(total_women, link=all_women),
    ]
    section = Section(key="organisation", title=_("Organisation"), figures=[Figure(table)])
    section.stats = [
        Stat(
            total_units,
            _("current units below"),
            reverse("organisations:unit_detail", args=[breakdown.unit.pk]),
            glance=1,
        ),
        Stat(total_members, _("active members"), all_members, glance=0),
        Stat(total_women, _("of whom women"), all_women),
    ]
    section.tile_weights = {
        key: counts.get(key, {}).get("members", 0) for key, _unit in breakdown.row_units()
    }
    return section
