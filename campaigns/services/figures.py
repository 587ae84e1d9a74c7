"""Figures a unit types in (registered targets, review indicators): read with a decimal comma and
refused by name when they are not a number, negative or too large for their column."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

__all__: list[str] = []

MAX_VALUE = Decimal(10) ** 12  # the columns hold 14 digits, 2 after the point


def entered_figure(raw: object, *, field: str, name: str, negative: str) -> Decimal:
    """`raw` as a number; `name` (as the message shows it) says which figure is wrong, `negative`
    is the refusal of a number below zero."""
    try:
        value = Decimal(str(raw).replace(",", "."))
    except InvalidOperation:
        raise ValidationError(
            {field: _("%(name)s: “%(value)s” is not a number.") % {"name": name, "value": raw}}
        ) from None
    if value < 0:
        raise ValidationError({field: negative})
    if value >= MAX_VALUE:
        raise ValidationError({field: _("%(name)s: the number is too large.") % {"name": name}})
    return value
