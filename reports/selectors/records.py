"""The records behind a figure (the drill-down): the same querysets the figures count, listed.

Every link of a dashboard number carries the parameters of one of these lists, so the list
has exactly as many rows as the number says (reports/tests/test_correctness.py checks it).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.models import Document
from documents.services import document_url
from organisations.models import Member, Unit
from publishing.models import AdvancedModel
from reports.figures import Cell, Column, text_columns
from reports.selectors import campaigns
from reports.selectors.awards import award_records, family_label, form_infos, level_label
from reports.selectors.cascade import plan_obligations
from reports.selectors.common import Filters, RecordKind, dashboard_url
from reports.selectors.organisation import members
from reports.selectors.publishing import advanced_models, published_articles

__all__ = ["record_kinds"]


def _unit_cell(unit: Unit, year=None) -> Cell:
    return Cell(unit.name, link=dashboard_url(unit, year))


# Members ---------------------------------------------------------------------------------


def _members(unit: Unit, f: Filters):
    return (
        members(unit, own=f.own, gender=f.gender)
        .select_related("unit")
        .order_by("unit__path", "sort_name", "pk")
    )


def _member_row(member) -> list[Cell]:
    return [
        Cell(member.full_name, link=reverse("organisations:member_detail", args=[member.pk])),
        Cell(member.code),
        _unit_cell(member.unit),
        Cell(member.get_category_display()),
        Cell(member.get_gender_display()),
    ]


def _describe_members(f: Filters) -> list[str]:
    return [str(Member.Gender(f.gender).label)] if f.gender else []


# Obligations -----------------------------------------------------------------------------

STATE_LABELS = {
    "done": gettext_lazy("plan issued"),
    "late": gettext_lazy("late: not issued after the deadline"),
    "waiting": gettext_lazy("not issued, not due yet"),
    "open": gettext_lazy("not issued yet"),
}


def _obligations(unit: Unit, f: Filters):
    return (
        plan_obligations(
            unit,
            year=f.year,
            document=f.document,
            state=f.state,
            own=f.own,
            under=f.under,
            date_from=f.date_from,
            date_to=f.date_to,
        )
        .select_related(
            "unit", "document__doc_type", "document__issuer_unit", "document__issuer_body", "fulfilled_by"
        )
        .order_by("unit__path", "-document__issued_on", "pk")
    )


def _obligation_row(obligation) -> list[Cell]:
    state = obligation.state
    label = {
        "done": _("Plan issued"),
        "late": _("Late"),
        "acknowledged": _("Not issued yet"),
        "pending": _("Not issued yet"),
    }.get(state, state)
    css = {"done": "good", "late": "bad"}.get(state, "mid")
    document = obligation.document
    return [
        _unit_cell(obligation.unit, document.issued_on.year if document.issued_on else None),
        Cell(
            f"{document.number_symbol} · {Truncator(document.summary).chars(70)}", link=document_url(document)
        ),
        Cell(obligation.due_on.strftime("%d/%m/%Y") if obligation.due_on else "—"),
        Cell(label, css=css),
        Cell(
            obligation.fulfilled_by.number_symbol if obligation.fulfilled_by else "—",
            link=document_url(obligation.fulfilled_by) if obligation.fulfilled_by else "",
        ),
        Cell(obligation.reminder_count),
    ]


def _describe_obligations(f: Filters) -> list[str]:
    parts = []
    if f.document:
        document = Document.objects.filter(pk=f.document).first()
        if document:
            parts.append(document.number_symbol)
    if f.state:
        parts.append(str(STATE_LABELS.get(f.state, f.state)))
    return parts


# Awards ------------------------------------------------------------------------------------


def _awards(unit: Unit, f: Filters):
    return (
        award_records(
            unit,
            year=f.year,
            form=f.form,
            family=f.family,
            level=f.level,
            holder=f.holder,
            own=f.own,
            grading=f.grading,
            date_from=f.date_from,
            date_to=f.date_to,
        )
        .select_related("member__unit", "unit", "form", "decision__document")
        .order_by("-year", "form_code", "pk")
    )


def _award_row(record) -> list[Cell]:
    if record.member_id:
        holder = Cell(
            record.member.full_name, link=reverse("organisations:member_detail", args=[record.member_id])
        )
        unit = _unit_cell(record.member.unit, record.year)
    else:
        holder = Cell(record.unit.name, link=dashboard_url(record.unit, record.year))
        unit = _unit_cell(record.unit, record.year)
    decision = record.decision.number_symbol if record.decision_id else record.decision_ref
    return [
        holder,
        unit,
        Cell(record.form.name),
        Cell(level_label(record.level or record.form.level)),
        Cell(str(record.year)),
        Cell(decision or "—"),
        Cell(record.decision_date.strftime("%d/%m/%Y") if record.decision_date else "—"),
    ]


def _describe_awards(f: Filters) -> list[str]:
    parts = []
    if f.form:
        info = form_infos([f.form]).get(f.form)
        parts.append(info.name if info else f.form)
    if f.family:
        parts.append(family_label(f.family))
    if f.level:
        parts.append(level_label(f.level))
    if f.holder:
        parts.append(_("collectives") if f.holder == "collective" else _("individuals"))
    if f.grading:
        parts.append(_("yearly grades"))
    return parts


# Publishing ----------------------------------------------------------------------------------


def _articles(unit: Unit, f: Filters):
    return (
        published_articles(unit, year=f.year, own=f.own, date_from=f.date_from, date_to=f.date_to)
        .select_related("unit", "category")
        .order_by("-publish_at", "pk")
    )


def _article_row(article) -> list[Cell]:
    return [
        Cell(article.title, link=reverse("publishing:article_detail", args=[article.pk])),
        _unit_cell(article.unit),
        Cell(article.category.name),
        Cell(timezone.localtime(article.publish_at).strftime("%d/%m/%Y") if article.publish_at else "—"),
    ]


def _models(unit: Unit, f: Filters):
    return (
        advanced_models(unit, year=f.year, stage=f.stage, own=f.own, date_from=f.date_from, date_to=f.date_to)
        .select_related("unit")
        .order_by("unit__path", "title", "pk")
    )


def _model_row(model) -> list[Cell]:
    return [
        Cell(model.title, link=reverse("publishing:model_detail", args=[model.pk])),
        _unit_cell(model.unit),
        Cell(model.get_kind_display()),
        Cell(model.get_field_of_work_display()),
        Cell(model.get_stage_display()),
        Cell(model.period_start.strftime("%d/%m/%Y")),
    ]


def _describe_models(f: Filters) -> list[str]:
    return [str(AdvancedModel.Stage(f.stage).label)] if f.stage else []


def record_kinds() -> dict[str, RecordKind]:
    unit = _("Unit")
    result = {
        "members": RecordKind(
            _("Active members"),
            text_columns(_("Full name"), _("Member code"), unit, _("Category"), _("Gender")),
            _members,
            _member_row,
            _describe_members,
        ),
        "obligations": RecordKind(
            _("Implementing plans asked of units"),
            [
                *text_columns(unit, _("Plan"), _("Deadline"), _("Plan status"), _("Implementing plan")),
                Column(_("Reminders")),
            ],
            _obligations,
            _obligation_row,
            _describe_obligations,
        ),
        "awards": RecordKind(
            _("Awards"),
            text_columns(
                _("Awarded to"),
                unit,
                _("Form"),
                _("Level"),
                _("Year"),
                _("Award decision"),
                _("Decision date"),
            ),
            _awards,
            _award_row,
            _describe_awards,
        ),
        "articles": RecordKind(
            _("Articles published"),
            text_columns(_("Title"), unit, _("News category"), _("Published on")),
            _articles,
            _article_row,
        ),
        "models": RecordKind(
            _("Advanced models"),
            text_columns(_("Model or initiative"), unit, _("Kind"), _("Field"), _("Stage"), _("Period from")),
            _models,
            _model_row,
            _describe_models,
        ),
    }
    result.update(campaigns.record_kinds())
    return result
