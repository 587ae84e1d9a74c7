"""Pages of the reports area: the dashboard of a unit, the records behind a figure, the Excel
download of a table and the review report. Thin: parse, scope, call a selector, render.
Units outside the user's scope answer 404."""

from __future__ import annotations

import functools
import logging
from urllib.parse import urlsplit

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import can_download_report, can_view_reports, visible_units
from core.figures_cache import cached, figures_key
from core.text import slugify_vi
from core.view_helpers import download
from organisations.models import Unit
from reports import selectors, tasks
from reports.exports import XLSX_CONTENT_TYPE, workbook
from reports.figures import Table
from reports.formatting import display
from reports.forms import DashboardForm, RecordFilterForm, ReviewReportForm, TableForm
from reports.models import ReportJob
from reports.review import review_figures

logger = logging.getLogger("thidua.exports")


def _scoped_unit(request, pk) -> Unit:
    unit = get_object_or_404(visible_units(request.user).select_related("unit_type", "parent"), pk=pk)
    if not can_view_reports(request.user, unit):
        raise Http404
    return unit


def _start_unit(request) -> Unit | None:
    """Where the dashboard opens: the user's own unit, else the unit of their first role."""
    user = request.user
    units = visible_units(user).select_related("unit_type", "parent")
    if user.home_unit_id:
        unit = units.filter(pk=user.home_unit_id).first()
        if unit is not None:
            return unit
    first = user.role_assignments.order_by("pk").values_list("unit_id", flat=True).first()
    return units.filter(pk=first).first() if first else None


def _visible_ancestors(request, unit: Unit) -> list[Unit]:
    return list(visible_units(request.user).filter(pk__in=unit.ancestor_ids).order_by("depth"))


def _dashboard_for(request, form) -> selectors.Dashboard | None:
    unit, year = _unit_and_year(request, form)
    if unit is None:
        return None
    return selectors.dashboard(unit, year, campaign=form.cleaned_data.get("campaign"))


def _unit_and_year(request, form, years=None) -> tuple[Unit | None, int]:
    """The unit asked for (or the user's own) and the year asked for (or the latest with data;
    `years(unit)` gives the years with data, when the caller needs them too)."""
    data = form.cleaned_data
    unit = _scoped_unit(request, data["unit"]) if data.get("unit") else _start_unit(request)
    if unit is None:
        return None, 0
    return unit, data.get("year") or selectors.default_year(unit, years(unit) if years else None)


@login_required
def dashboard(request):
    form = DashboardForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(_("The address of this page is not valid."))
    data_years = functools.cache(selectors.data_years)  # read once per request, whoever asks first
    unit, year = _unit_and_year(request, form, data_years)
    if unit is None:
        return render(request, "reports/no_scope.html")
    data = form.cleaned_data
    fresh = bool(data.get("fresh"))

    def body() -> str:
        # the figures and charts of the page, the same for every user of the unit: cached as HTML
        board = selectors.dashboard(unit, year, campaign=data.get("campaign"), fresh=fresh)
        years = sorted(set(data_years(unit)) | {board.year}, reverse=True)
        return render_to_string(
            "reports/includes/dashboard_body.html",
            {
                "board": board,
                "unit": unit,
                "years": years,
                "tiles": board.tiles(data.get("map") or ""),
                "glance": _glance(board),
                "open_sections": OPEN_SECTIONS,
            },
            request=request,
        )

    key = figures_key("dashboard-html", unit, year, data.get("campaign"), data.get("map") or "")
    context = {
        "unit": unit,
        "year": year,
        "ancestors": _visible_ancestors(request, unit),
        "body": mark_safe(cached(key, body, fresh=fresh)),
    }  # noqa: S308 - rendered by a template
    return render(request, "reports/dashboard.html", context)


OPEN_SECTIONS = 3  # the first sections are open; the others open from their heading or the contents
GLANCE_NAMES = 8  # units named in the "plan not issued" line; the rest are in its list


def _glance_stats(section) -> list:
    """The stats a section marks for the summary (`Stat.glance`, in that order), else its first:
    what an officer is asked first. Every figure stays in its section below."""
    marked = sorted((s for s in section.stats if s.glance is not None), key=lambda s: s.glance)
    return marked or section.stats[:1]


def _glance(board) -> dict:
    """The tiles of the summary and the units that have not issued their plan for the campaign the
    figures follow (the first of that stat's own drill-down list, so they agree with it)."""
    tiles = [{"section": section, "stats": _glance_stats(section)} for section in board.sections]
    missing = None
    campaigns = board.section("campaigns")
    stat = next((s for s in (campaigns.stats if campaigns else []) if s.key == "plans_not_issued"), None)
    if stat is not None:
        missing = {"stat": stat, "units": [], "more": 0}
        form = RecordFilterForm(QueryDict(urlsplit(stat.link).query))
        if stat.value and form.is_valid():
            obligations = selectors.record_kinds()["obligations"].queryset(board.unit, form.filters())
            # the list's first rows, in its order; only their units are shown (not its five joins)
            units = [o.unit for o in obligations.select_related(None).select_related("unit")[:GLANCE_NAMES]]
            missing["units"] = [(u.display_name, selectors.dashboard_url(u, board.year)) for u in units]
            missing["more"] = max(stat.value - len(units), 0)
    firsts = board.table("ranking_firsts")
    trend = board.table("awards_trend")
    family = None
    if trend is not None and trend.rows:
        family = next((r for r in trend.rows if any("family=bang-khen" in c.link for c in r)), trend.rows[0])
    return {
        "tiles": tiles,
        "missing": missing,
        "firsts": [
            {"cluster": row[0], "first": row[2], "score": display(row[3].value, firsts.columns[3].kind)}
            for row in firsts.rows
        ]
        if firsts
        else [],
        "family": family
        and {
            "label": family[0].value,
            "years": [
                (column.label, cell.link, display(cell.value, column.kind))
                for column, cell in zip(trend.columns[1:-1], family[1:-1], strict=True)
            ],
        },
    }


@login_required
def table_xlsx(request):
    """Exactly the numbers of one chart or table of the dashboard, as an Excel workbook."""
    form = TableForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(_("The address of this page is not valid."))
    board = _dashboard_for(request, form)
    if board is None:
        raise Http404
    table = board.table(form.cleaned_data["table"])
    if table is None:
        raise Http404
    heading = f"{board.unit.name} · {board.year}"
    return _xlsx_response(workbook([table], heading=heading), f"{table.key}-{board.unit.code}-{board.year}")


def _xlsx_response(content: bytes, stem: str) -> FileResponse:
    return download(content, f"{_ascii(stem)}.xlsx", XLSX_CONTENT_TYPE)


def _ascii(text: str) -> str:
    return slugify_vi(text) or "bao-cao"


@login_required
def records(request, kind: str):
    """The records behind a figure: the list the number counts."""
    kinds = selectors.record_kinds()
    if kind not in kinds:
        raise Http404
    form = RecordFilterForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(_("The address of this page is not valid."))
    unit = _scoped_unit(request, form.cleaned_data["unit"])
    spec = kinds[kind]
    filters = form.filters()
    queryset = spec.queryset(unit, filters)
    totals = spec.totals(queryset) if spec.totals else None
    title = spec.title
    description = [*spec.describe(filters)]
    if filters.year:
        description.append(str(filters.year))
    if filters.date_from and filters.date_to:
        description.append(f"{filters.date_from:%d/%m/%Y} – {filters.date_to:%d/%m/%Y}")
    if filters.own:
        description.append(_("the unit's own records"))
    if request.GET.get("export") == "xlsx":
        table = Table(
            key=kind,
            title=f"{title}: {unit.name}",
            columns=spec.columns,
            rows=[spec.row(item) for item in queryset],
            totals=totals,
            note=" · ".join(description),
        )
        logger.info("report list %s exported by %s for unit %s", kind, request.user.username, unit.pk)
        return _xlsx_response(workbook([table]), f"{kind}-{unit.code}")
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    count = page.paginator.count
    context = {
        "unit": unit,
        "kind": kind,
        "title": title,
        "description": description,
        "page_obj": page,
        "table": Table(
            key=kind,
            title=title,
            columns=spec.columns,
            rows=[spec.row(item) for item in page.object_list],
            totals=totals,
        ),
        "count": count,
        "counted": spec.counted(count) if spec.counted else "",
        # the totals beside the heading, each under its column's words: "Members in scope: 1.234"
        "summary": [
            (column.label, display(cell.value, column.kind))
            for cell, column in zip((totals or [])[1:], spec.columns[1:], strict=False)
            if not cell.is_empty
        ],
        "ancestors": _visible_ancestors(request, unit),
        "dashboard_url": selectors.dashboard_url(unit, filters.year),
    }
    return render(request, "reports/records.html", context)


@login_required
def index(request):
    """Standard reports: the review report form with a preview of its figures, and the reports
    the user has generated."""
    units = _report_units(request)
    data = request.GET if "date_from" in request.GET else None
    start = _start_unit(request)
    initial_unit = request.GET.get("unit") or (start.pk if start else None)
    form = ReviewReportForm(data, units=units, initial={"unit": initial_unit})
    figures = None
    if form.is_valid():
        figures = review_figures(
            form.cleaned_data["unit"],
            form.cleaned_data["date_from"],
            form.cleaned_data["date_to"],
            form.cleaned_data["kind"],
        )
    jobs = ReportJob.objects.filter(requested_by=request.user).select_related("unit")[:15]
    return render(
        request,
        "reports/index.html",
        {"form": form, "figures": figures, "jobs": jobs, "formats": ReportJob.Format.choices},
        status=_status(form),
    )


def _status(form) -> int:
    """403 when the unit asked for is outside the user's scope (the page says so), else 200."""
    return 403 if form.is_bound and form.has_error("unit", "invalid_choice") else 200


def _report_units(request):
    """Units a report can be made for: those in scope with units below them, and the user's own."""
    own = request.user.role_assignments.values("unit_id")
    parents = Unit.objects.filter(parent__isnull=False).values("parent_id")
    return visible_units(request.user).current().filter(Q(pk__in=parents) | Q(pk__in=own)).order_by("path")


@login_required
@require_POST
def generate(request):
    """Ask for the review report as DOCX, PDF or Excel; it is generated in the background."""
    form = ReviewReportForm(request.POST, units=_report_units(request))
    output = request.POST.get("format")
    if output not in ReportJob.Format.values:
        return HttpResponseBadRequest(_("Choose the format of the report."))
    if not form.is_valid():
        jobs = ReportJob.objects.filter(requested_by=request.user).select_related("unit")[:15]
        return render(
            request,
            "reports/index.html",
            {"form": form, "jobs": jobs, "formats": ReportJob.Format.choices},
            status=403 if form.has_error("unit", "invalid_choice") else 400,
        )
    data = form.cleaned_data
    job = ReportJob.objects.create(
        unit=data["unit"],
        kind=data["kind"],
        date_from=data["date_from"],
        date_to=data["date_to"],
        format=output,
        requested_by=request.user,
    )
    tasks.generate_report.enqueue(job.pk)
    return redirect("reports:job", job.pk)


def _job(request, pk) -> ReportJob:
    job = get_object_or_404(ReportJob.objects.select_related("unit"), pk=pk)
    if not can_download_report(request.user, job):
        raise Http404
    return job


@login_required
def job(request, pk):
    job = _job(request, pk)
    template = "reports/partials/job_status.html" if request.htmx else "reports/job.html"
    return render(request, template, {"job": job})


@login_required
def job_download(request, pk):
    job = _job(request, pk)
    if job.status != ReportJob.Status.READY or not job.file:
        raise Http404
    logger.info("review report %s downloaded by %s (unit %s)", job.pk, request.user.username, job.unit_id)
    return download(job.file.open("rb"), job.filename)
