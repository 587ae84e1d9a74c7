"""What every form shares: its typed text cleaned exactly as the API cleans it."""

from django import forms
from django.core.exceptions import ValidationError

from core.text import clean_text


class CleanTextFormMixin(forms.BaseForm):
    """Runs every text value of the form through `core.text.clean_text` after the fields' own
    checks: invisible characters removed, control characters refused with a message naming the
    field, the field's max_length checked again after removal (the API uses the same function,
    through core.schemas.CleanInput)."""

    def _clean_fields(self):
        super()._clean_fields()  # type: ignore[misc]  # Django runs this private hook; the stubs omit it
        for name, value in list(self.cleaned_data.items()):
            if not isinstance(value, str):
                continue
            field = self.fields[name]
            try:
                self.cleaned_data[name] = clean_text(
                    value, label=str(field.label or name), max_length=getattr(field, "max_length", None)
                )
            except ValidationError as exc:
                self.add_error(name, exc)
