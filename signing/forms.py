from django import forms
from django.utils.translation import gettext_lazy as _


class VerifyUploadForm(forms.Form):
    file = forms.FileField(
        label=_("PDF file to check"),
        help_text=_("The file is checked here and not kept."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        error_messages={"required": _("Choose the PDF file to check."), "empty": _("The file is empty.")},
    )
