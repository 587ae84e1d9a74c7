"""Reads about users and the change history."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, QuerySet

from accounts.models import Role, RoleAssignment, User
from accounts.permissions import scope_paths
from organisations.models import Member, Unit, UnitType


def users_in_scope(actor) -> QuerySet[User]:
    """Users holding a role inside the actor's administrative scope."""
    units = Unit.objects.in_subtrees(scope_paths(actor, {Role.ADMIN}))
    return (
        User.objects.filter(role_assignments__unit__in=units.values("pk"))
        .distinct()
        .order_by("sort_name", "username")
        .prefetch_related(
            Prefetch("role_assignments", queryset=RoleAssignment.objects.select_related("unit"))
        )
    )


@dataclass
class Change:
    when: datetime
    who: str
    kind: str
    action: str
    object_label: str
    object_url: str
    fields: list[str]


TRACKED = [Unit, UnitType, Member, User, RoleAssignment]
ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def recent_changes(limit: int = 100, models=TRACKED) -> list[Change]:
    """The latest changes across tracked models, newest first, with the fields changed."""
    changes: list[Change] = []
    for model in models:
        records = list(model.history.select_related("history_user").order_by("-history_date")[:limit])
        for record in records:
            fields: list[str] = []
            if record.history_type == "~":
                previous = record.prev_record
                if previous is not None:
                    fields = [
                        str(model._meta.get_field(c.field).verbose_name)
                        for c in record.diff_against(previous).changes
                    ]
            changes.append(
                Change(
                    when=record.history_date,
                    who=str(record.history_user or "—"),
                    kind=str(model._meta.verbose_name),
                    action=ACTIONS[record.history_type],
                    object_label=str(record.instance) if record.history_type != "-" else str(record.instance),
                    object_url="",
                    fields=fields,
                )
            )
    changes.sort(key=lambda c: c.when, reverse=True)
    return changes[:limit]


def object_history(instance) -> list[Change]:
    """Every recorded version of one object, newest first."""
    model = type(instance)
    records = list(instance.history.select_related("history_user").order_by("-history_date"))
    result = []
    for index, record in enumerate(records):
        fields = []
        if record.history_type == "~" and index + 1 < len(records):
            for change in record.diff_against(records[index + 1]).changes:
                label = str(model._meta.get_field(change.field).verbose_name)
                fields.append(
                    f"{label}: {change.old if change.old not in (None, '') else '—'} → {change.new if change.new not in (None, '') else '—'}"
                )
        result.append(
            Change(
                record.history_date,
                str(record.history_user or "—"),
                str(model._meta.verbose_name),
                ACTIONS[record.history_type],
                str(record.instance),
                "",
                fields,
            )
        )
    return result
