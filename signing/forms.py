from django import forms
from django.utils.translation import gettext_lazy as _

from core.text import clean_text
from signing.models import SigningIdentity

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


class IdentityForm(forms.Form):
    """A certificate a unit was issued, registered by its administrator: whose signature it makes
    and where its key is (a PKCS#12 file uploaded here, or a key in the token by its label). The
    checks are the service's (signing.services.register_identity)."""

    kind = forms.ChoiceField(
        label=_("Signature"),
        choices=SigningIdentity.Kind.choices,
        initial=SigningIdentity.Kind.ORGANISATION,
        help_text=_("The organisation's signature stands in place of the seal (Nghị định 30/2020)."),
    )
    source = forms.ChoiceField(
        label=_("Where the key is"),
        choices=SigningIdentity.Source.choices,
        initial=SigningIdentity.Source.PKCS12,
    )
    pkcs12 = forms.FileField(
        label=_("PKCS#12 file (.p12, .pfx)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".p12,.pfx,application/x-pkcs12"}),
    )
    passphrase = forms.CharField(
        label=_("Passphrase of the file"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        help_text=_("Used once to open the file; it is not kept."),
    )
    key_label = forms.CharField(
        label=_("Label of the key in the token"),
        required=False,
        help_text=_("For a key in the PKCS#11 token: the label its certificate and key carry."),
    )
