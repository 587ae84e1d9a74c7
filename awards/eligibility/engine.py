"""Every check for one nominee, and how the results combine."""

from __future__ import annotations

from django.utils.translation import gettext as _

from awards.eligibility.context import (
    FAILED,
    PASSED,
    REVIEW,
    SEVERITY,
    Check,
    Context,
    Declared,
    merged_history_units,
)
from awards.eligibility.nominee import duplicate_checks, recipient_check, status_check
from awards.eligibility.prerequisites import prerequisite_check, quota_check
from awards.models import AwardForm
from organisations.models import Member, Unit

__all__ = ["blocking", "evaluate", "needs_justification", "overall"]


def evaluate(
    form: AwardForm,
    year: int,
    *,
    member: Member | None = None,
    unit: Unit | None = None,
    declared: Declared | None = None,
    exclude_nomination: int | None = None,
) -> list[Check]:
    """Every check for one nominee; nothing is written."""
    if (member is None) == (unit is None):
        raise ValueError("exactly one of member and unit")
    ctx = Context(
        form=form,
        year=year,
        member=member,
        unit=unit,
        declared=declared or Declared(),
        exclude_nomination=exclude_nomination,
    )
    if unit is not None:
        ctx.holder_units = merged_history_units(unit)
    checks = [recipient_check(ctx), status_check(ctx), *duplicate_checks(ctx)]
    if not form.decided_here:
        checks.append(
            Check(
                "decided_here",
                _("Who decides"),
                REVIEW,
                _(
                    "“%(form)s” is decided by a higher authority: this system prepares and records the "
                    "proposal only."
                )
                % {"form": form.name},
            )
        )
    for index, rule in enumerate(form.prerequisites or []):
        check = prerequisite_check(ctx, rule)
        check.code = f"prerequisite-{index + 1}"
        checks.append(check)
    if form.quota:
        checks.append(quota_check(ctx, form.quota))
    return checks


def overall(checks: list[Check] | list[dict]) -> str:
    statuses = [c.status if isinstance(c, Check) else c["status"] for c in checks]
    return max(statuses, key=SEVERITY.__getitem__, default=PASSED)


def blocking(checks: list[Check]) -> list[Check]:
    """Failed checks that no justification can override (wrong recipient, duplicate, status)."""
    return [c for c in checks if c.status == FAILED and not c.overridable]


def needs_justification(checks: list[Check]) -> list[Check]:
    return [c for c in checks if c.status == FAILED and c.overridable]
