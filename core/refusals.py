"""A form that a service would refuse because of a state known when its page opens (a deadline
passed, a round closed, a campaign without content) says so when the page opens, not after the
officer has filled it in. The service module owns one predicate per such form that returns the
`Refusal`s; the service raises them (`refuse`) and the view shows them
(`core/includes/refusal.html`) and disables the form, so the two cannot drift."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError

__all__ = ["Refusal", "refuse"]


@dataclass(frozen=True)
class Refusal:
    """Why the form cannot be used now (`reason`, beside `field` when it names one), and what the
    officer can do instead (`next_step`, with a page to go to: `next_url`)."""

    reason: str
    field: str | None = None
    next_step: str = ""
    next_url: str = ""


def refuse(refusals: Refusal | Iterable[Refusal] | None) -> None:
    """Raise the service's ValidationError for the refusals, if any: one without a field as a plain
    message, several (or one naming a field) as a dict keyed by field."""
    if refusals is None:
        return
    found = [refusals] if isinstance(refusals, Refusal) else list(refusals)
    if not found:
        return
    if len(found) == 1 and found[0].field is None:
        raise ValidationError(found[0].reason)
    errors: dict[str, list[str]] = {}
    for refusal in found:
        errors.setdefault(refusal.field or "__all__", []).append(refusal.reason)
    raise ValidationError(errors)
