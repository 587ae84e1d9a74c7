from django import forms
from django.utils.translation import gettext_lazy as _

from core.text import clean_text

LOOKUP_MAX_LENGTH = 100


class VerifyUploadForm(forms.Form):
    file = forms.FileField(
        label=_("PDF file to check"),
        help_text=_("The file is checked here and not kept."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        error_messages={"required": _("Choose the PDF file to check."), "empty": _("The file is empty.")},
    )


def _lookup_field(label) -> forms.CharField:
    field = forms.CharField(
        label=label,
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "maxlength": LOOKUP_MAX_LENGTH}
        ),
    )
    field.validators = []  # clean_text refuses NUL and the too long with the field's name
    return field


class AwardLookupForm(forms.Form):
    """The public lookup of awards: a name and/or a unit, with or without diacritics."""

    name = _lookup_field(_("Name of the person or collective"))
    unit = _lookup_field(_("Unit"))

    def _clean_lookup(self, name: str) -> str:
        return clean_text(
            self.cleaned_data[name], label=str(self.fields[name].label), max_length=LOOKUP_MAX_LENGTH
        )

    def clean_name(self) -> str:
        return self._clean_lookup("name")

    def clean_unit(self) -> str:
        return self._clean_lookup("unit")

    def has_query(self) -> bool:
        return (
            self.is_bound and self.is_valid() and any(self.cleaned_data[f].strip() for f in ("name", "unit"))
        )
