"""Checks of the nominee itself: the form's recipient kind, the nominee's status in the year, and
duplicates (awarded or nominated already, the same achievement rewarded). None may be overridden."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from awards.eligibility.context import FAILED, PASSED, REVIEW, Check, Context
from awards.models import ACTIVE_NOMINATION_STATUSES, AwardRecord, Nomination
from core.text import fold
from organisations.models import Member

__all__ = ["duplicate_checks", "recipient_check", "status_check"]


def recipient_check(ctx: Context) -> Check:
    label = _("Recipient")
    if ctx.member is not None and not ctx.form.for_individuals:
        return Check(
            "recipient",
            label,
            FAILED,
            _("“%(form)s” is awarded to collectives, not to individuals.") % {"form": ctx.form.name},
        )
    if ctx.unit is not None and not ctx.form.for_collectives:
        return Check(
            "recipient",
            label,
            FAILED,
            _("“%(form)s” is awarded to individuals, not to collectives.") % {"form": ctx.form.name},
        )
    return Check("recipient", label, PASSED, _("The form may be awarded to this nominee."))


def status_check(ctx: Context) -> Check:
    label = _("Nominee's status")
    year_start, year_end = dt.date(ctx.year, 1, 1), dt.date(ctx.year, 12, 31)
    if ctx.member is not None:
        member = ctx.member
        if member.status == Member.Status.ACTIVE:
            return Check(
                "status", label, PASSED, _("An active member of %(unit)s.") % {"unit": member.unit.name}
            )
        left = member.left_on.strftime("%d/%m/%Y") if member.left_on else "—"
        if member.left_on and member.left_on < year_start:
            return Check(
                "status",
                label,
                FAILED,
                _("%(name)s is no longer a member (%(status)s since %(date)s), before the year %(year)d.")
                % {
                    "name": member.full_name,
                    "status": member.get_status_display().lower(),
                    "date": left,
                    "year": ctx.year,
                },
            )
        return Check(
            "status",
            label,
            REVIEW,
            _(
                "%(name)s is no longer an active member (%(status)s, %(date)s): check that the award for "
                "%(year)d is still due."
            )
            % {
                "name": member.full_name,
                "status": member.get_status_display().lower(),
                "date": left,
                "year": ctx.year,
            },
        )
    unit = ctx.unit
    assert unit is not None, "a nominee is a member or a unit"
    merged = (
        _(" and was merged into %(unit)s") % {"unit": unit.merged_into.name}
        if unit.merged_into is not None
        else ""
    )
    if unit.valid_from and unit.valid_from > year_end:
        return Check(
            "status",
            label,
            FAILED,
            _("%(unit)s did not exist yet in %(year)d.") % {"unit": unit.name, "year": ctx.year},
        )
    if unit.valid_to and unit.valid_to < year_start:
        return Check(
            "status",
            label,
            FAILED,
            _("%(unit)s ended on %(date)s%(merged)s, before the year %(year)d.")
            % {
                "unit": unit.name,
                "date": unit.valid_to.strftime("%d/%m/%Y"),
                "merged": merged,
                "year": ctx.year,
            },
        )
    if unit.valid_to:
        return Check(
            "status",
            label,
            REVIEW,
            _("%(unit)s ended on %(date)s%(merged)s: check who receives the award.")
            % {"unit": unit.name, "date": unit.valid_to.strftime("%d/%m/%Y"), "merged": merged},
        )
    return Check("status", label, PASSED, _("The unit exists."))


def duplicate_checks(ctx: Context) -> list[Check]:
    label = _("Not awarded or nominated twice")
    checks = []
    codes = {ctx.form.code}
    record = (
        AwardRecord.objects.counting()
        .filter(ctx.holder_filter, form_code__in=codes, year=ctx.year)
        .select_related("form")
        .first()
    )
    if record is not None:
        ref = record.decision_ref or _("without a decision number")
        checks.append(
            Check(
                "duplicate",
                label,
                FAILED,
                _("Already awarded “%(form)s” for %(year)d (%(ref)s).")
                % {"form": record.form.name, "year": ctx.year, "ref": ref},
            )
        )
    nominations = Nomination.objects.filter(
        ctx.holder_filter, form_code__in=codes, year=ctx.year, status__in=ACTIVE_NOMINATION_STATUSES
    )
    if ctx.exclude_nomination:
        nominations = nominations.exclude(pk=ctx.exclude_nomination)
    other = nominations.select_related("batch__proposing_unit").first()
    if other is not None:
        checks.append(
            Check(
                "duplicate",
                label,
                FAILED,
                _("Already nominated for “%(form)s” for %(year)d by %(unit)s.")
                % {"form": ctx.form.name, "year": ctx.year, "unit": other.batch.proposing_unit.name},
            )
        )
    achievement = fold(ctx.declared.achievement)
    if not checks and len(achievement) >= 20:
        same = (
            AwardRecord.objects.counting()
            .filter(ctx.holder_filter)
            .exclude(achievement="")
            .select_related("form")
            .only("achievement", "year", "form__name")
        )
        for earlier in same:
            if fold(earlier.achievement) == achievement:
                checks.append(
                    Check(
                        "duplicate",
                        label,
                        REVIEW,
                        _("The same achievement was already rewarded with “%(form)s” (%(year)d).")
                        % {"form": earlier.form.name, "year": earlier.year},
                    )
                )
                break
    if not checks:
        checks.append(
            Check("duplicate", label, PASSED, _("No award or other nomination for this form and year."))
        )
    return checks
