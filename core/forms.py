"""What every form shares: its typed text cleaned exactly as the API cleans it."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import pgettext_lazy

from core.text import SEARCH_TEXT_LIMIT, clean_text, displayable


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


class SearchField(forms.CharField):
    """A search box: longer text than `max_length` (SEARCH_TEXT_LIMIT) is refused with a message
    naming the box, never cut silently nor sent whole to the database (core.text.search_words)."""

    def __init__(self, *, max_length: int = SEARCH_TEXT_LIMIT, **kwargs):
        kwargs.setdefault("label", pgettext_lazy("search box", "Search"))
        kwargs.setdefault("required", False)
        super().__init__(max_length=max_length, **kwargs)
        # clean_text says it with the box's name; Django's own message would not name it
        self.validators = [v for v in self.validators if not isinstance(v, MaxLengthValidator)]

    def clean(self, value):
        return clean_text(super().clean(value), label=str(self.label), max_length=self.max_length)


def filter_status(form: forms.Form) -> int:
    """A list page's status: 400 when a search box was refused (the page says why), else 200 (a
    filter the user cannot use, as in a link from another role, is left out as before)."""
    if not form.is_bound or form.is_valid():
        return 200
    refused = [name for name in form.errors if isinstance(form.fields.get(name), SearchField)]
    return 400 if refused else 200


# Dates typed as dd/mm/yyyy ----------------------------------------------------------------------
# An HTML `type=date` input shows and takes the date in the BROWSER's locale (mm/dd/yyyy on a
# computer set to English); a text input with the Vietnamese format is the same for everyone.
DATE_PLACEHOLDER = "dd/mm/yyyy"


class DateInput(forms.DateInput):
    """A text input that shows a date as dd/mm/yyyy, whatever the browser's language."""

    def __init__(self, attrs=None):
        defaults = {
            "placeholder": DATE_PLACEHOLDER,
            "inputmode": "numeric",
            "size": 10,
            "class": "date-input",
        }
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%d/%m/%Y")


class DateTimeInput(forms.DateTimeInput):
    """A text input that shows a time as dd/mm/yyyy hh:mm, whatever the browser's language."""

    def __init__(self, attrs=None):
        defaults = {"placeholder": f"{DATE_PLACEHOLDER} hh:mm", "size": 16, "class": "date-input"}
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%d/%m/%Y %H:%M")


class DateField(forms.DateField):
    """A date read as dd/mm/yyyy (also dd-mm-yyyy or ISO; thidua/formats), refused with a message that
    shows the expected form."""

    widget = DateInput
    default_error_messages = {
        "invalid": _lazy("Enter the date as dd/mm/yyyy, for example 05/12/2026."),
    }


class DateTimeField(forms.DateTimeField):
    widget = DateTimeInput
    default_error_messages = {
        "invalid": _lazy("Enter the date and time as dd/mm/yyyy hh:mm, for example 05/12/2026 14:30."),
    }


def formfield(db_field, **kwargs):
    """A ModelForm's `Meta.formfield_callback`: the model's dates become dd/mm/yyyy fields."""
    from django.db import models

    if isinstance(db_field, models.DateTimeField):
        return db_field.formfield(form_class=DateTimeField, widget=DateTimeInput, **kwargs)
    if isinstance(db_field, models.DateField):
        return db_field.formfield(form_class=DateField, widget=DateInput, **kwargs)
    return db_field.formfield(**kwargs)


# No silent cut of pasted text ---------------------------------------------------------------------
class FormRenderer(DjangoTemplates):
    """Django's renderer, with `maxlength` given as `data-maxlength`: a browser silently cuts text
    pasted past `maxlength`, so the field's limit is left to the server, which says the text is too
    long (core.text.clean_text), and to core/js/app.js, which says so while typing. A value that comes
    back refused keeps its place in its box, a refused character shown as U+FFFD (core.text.displayable)."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget:
            for each in [widget, *(sub for sub in widget.get("subwidgets", []) if isinstance(sub, dict))]:
                if isinstance(each.get("value"), str):  # a refused NUL or escape never goes back raw
                    each["value"] = displayable(each["value"])
                attrs = each.get("attrs") or {}
                if "maxlength" in attrs:
                    each["attrs"] = {**attrs, "data-maxlength": attrs["maxlength"]}
                    del each["attrs"]["maxlength"]
        return super().render(template_name, context, request=request)


# Numbers typed with a decimal comma ---------------------------------------------------------------
class DecimalField(forms.DecimalField):
    """A number shown and read with the Vietnamese decimal comma (95,5; 95.5 is read too), in a text
    input: an HTML `type=number` input shows the BROWSER's separator, so the page and the box would
    disagree on a computer set to English."""

    def __init__(self, **kwargs):
        kwargs.setdefault("localize", True)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)  # no browser check in its own language: the server says what is wrong
        attrs.pop("min", None)
        attrs.pop("max", None)
        attrs.setdefault("inputmode", "decimal")
        return attrs
