"""The base of every API input schema: its text is cleaned and checked as the forms check it."""

from typing import Any, ClassVar

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from ninja import Schema
from pydantic import model_validator

from core.text import clean_text


class CleanInput(Schema):
    """Strings (also inside lists and dicts) go through `core.text.clean_text`. A field's label
    and maximum length come from the field of the same name on the first of `text_models` that
    has one (a `CharField`'s max_length), or from `text_limits`; a failure raises Django's
    ValidationError({field: [message]}), which the API answers as 400 (thidua/api.py)."""

    text_models: ClassVar[tuple[type[models.Model], ...]] = ()
    text_limits: ClassVar[dict[str, int | None]] = {}
    # strings with no model field behind them (codes, choices) are still bounded
    default_limit: ClassVar[int] = 1000

    @model_validator(mode="after")
    def _clean_text(self):
        errors: dict[str, list[str]] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            label, limit = self._text_field(name)
            try:
                cleaned = _clean(value, label=label, max_length=limit)
            except ValidationError as exc:
                errors[name] = exc.messages
            else:
                if cleaned is not value:
                    setattr(self, name, cleaned)
        if errors:
            raise ValidationError(errors)
        return self

    @classmethod
    def _text_field(cls, name: str) -> tuple[str, int | None]:
        for model in cls.text_models:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            label = str(getattr(field, "verbose_name", name))
            if isinstance(field, models.CharField):
                return label, cls.text_limits.get(name, field.max_length)
            if isinstance(field, models.TextField):
                return label, cls.text_limits.get(name)
            return label, cls.text_limits.get(name, cls.default_limit)
        return name, cls.text_limits.get(name, cls.default_limit)


def _clean(value: Any, *, label: str, max_length: int | None):
    if isinstance(value, str) and not isinstance(value, models.Choices):
        return clean_text(value, label=label, max_length=max_length)
    if isinstance(value, list):
        cleaned = [_clean(item, label=label, max_length=max_length) for item in value]
        return value if all(a is b for a, b in zip(cleaned, value, strict=True)) else cleaned
    if isinstance(value, dict):
        mapping = {
            _clean(key, label=label, max_length=max_length): _clean(item, label=label, max_length=max_length)
            for key, item in value.items()
        }
        return mapping if mapping != value else value
    return value
