from typing import cast

from django import forms
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.forms import DateField, SearchField, formfield
from core.text import normalize
from documents import reading
from documents.models import Document, DocumentType
from organisations.forms import UnitMultiPickerField, UnitPickerField
from organisations.models import Unit


class DocumentFilterForm(forms.Form):
    q = SearchField(
        label=_("Search (accents optional)"),
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. chi thi 35, 75/KH-LĐLĐ")}),
    )
    doc_type = forms.ModelChoiceField(
        label=_("Type"), queryset=DocumentType.objects.all(), required=False, empty_label=_("All")
    )
    issuer = forms.ChoiceField(label=_("Issuer"), required=False)
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=1945,
        max_value=2100,
        widget=forms.NumberInput(attrs={"size": 5}),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + Document.Status.choices
    )
    sent_to_me = forms.BooleanField(label=_("Sent to my units"), required=False)

    def __init__(self, *args, units=(), bodies=(), **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["issuer"]).choices = (
            [("", _("All"))]
            + [(_("Our units"), [(f"unit:{u.pk}", u.display_name) for u in units])]
            + [(_("Outside bodies"), [(f"body:{b.pk}", b.name) for b in bodies])]
        )


class DraftForm(forms.ModelForm):
    """The fields of a draft an officer writes; numbers and dates come when it is issued."""

    issuer = UnitPickerField(label=_("Issuing unit"))

    class Meta:
        model = Document
        fields = [
            "issuer",
            "doc_type",
            "drafting_office",
            "summary",
            "theme",
            "place",
            "body",
            "requires_plan",
            "plan_deadline",
            "signer_authority",
            "signer_position",
            "signer_name",
        ]
        formfield_callback = formfield  # dates as dd/mm/yyyy
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "theme": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 16}),
        }
        help_texts = {
            "body": _(
                "One paragraph per line. Paragraphs before the first numbered one are the preamble; "
                "“1.”, “2.”... start the items, “a)”, “b)” their points."
            ),
            "place": _("Printed before the date: “Cao Bằng, ngày ... tháng ... năm ...”."),
        }

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["issuer"]).queryset = units
        if self.instance.pk:
            self.fields["issuer"].initial = self.instance.issuer_unit_id
            self.fields["issuer"].disabled = True

    def clean_summary(self):
        return normalize(self.cleaned_data["summary"])


class RecordForm(forms.Form):
    """A document issued elsewhere, recorded to be cited as a legal basis."""

    doc_type = forms.ModelChoiceField(label=_("Type"), queryset=DocumentType.objects.all())
    number_symbol = forms.CharField(
        label=_("Number/symbol"),
        max_length=60,
        help_text=_("As printed, e.g. 35/CT-TTg, 34-CT/TW, 30/2020/NĐ-CP."),
    )
    issued_on = DateField(label=_("Date"), required=False)
    issuer_name = forms.CharField(
        label=_("Issuing body"),
        max_length=200,
        help_text=_("e.g. Thủ tướng Chính phủ; an existing body is reused."),
    )
    summary = forms.CharField(
        label=_("Summary"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_issued_on(self):
        value = self.cleaned_data.get("issued_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return value


class IssueForm(forms.Form):
    issued_on = DateField(label=_("Issue date"))
    number_symbol = forms.CharField(
        label=_("Number/symbol already given (optional)"),
        required=False,
        max_length=60,
        help_text=_(
            "Only for a document already signed on paper under a number; leave empty and the "
            "registry gives the next number."
        ),
    )


class RecipientsForm(forms.Form):
    groups = forms.MultipleChoiceField(label=_("Groups"), required=False, widget=forms.CheckboxSelectMultiple)
    units = UnitMultiPickerField(
        label=_("Units"),
        managed=False,
        required=False,
        help_text=_("Any unit of today in your scope: type part of its name, with or without accents."),
    )
    recipients_text = forms.CharField(
        label=_("“Nơi nhận” block as printed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "One line per recipient, outside bodies included. Left empty, it is written from the "
            "groups and units chosen, with “Lưu: VT” at the end."
        ),
    )

    def __init__(self, *args, groups=(), units=None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["groups"]).choices = [
            (g.key, f"{g.label} ({len(us)})") for g, us in groups
        ]
        cast(UnitMultiPickerField, self.fields["units"]).queryset = units
        self.group_choices = list(groups)

    @staticmethod
    def initial_for(document, current) -> dict:
        """What a draft's recipients form starts from: the units it is sent to already."""
        return {"units": [u.pk for u in current], "recipients_text": document.recipients_text}

    def chosen_units(self) -> list:
        return list(self.cleaned_data["units"])

    def chosen_groups(self) -> list:
        return [(g, us) for g, us in self.group_choices if g.key in self.cleaned_data["groups"]]


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File (PDF, Word .docx or Excel .xlsx)"))


class BasisSearchForm(forms.Form):
    q = forms.CharField(label=_("Number/symbol or words of the summary"), required=False)


class ReadingForm(forms.Form):
    """A file or pasted text, one of the two (documents.reading.read_upload refuses both)."""

    file = forms.FileField(label=reading.FILE_LABEL, required=False)
    text = forms.CharField(
        label=reading.TEXT_LABEL,
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Only when no file is chosen above: a file and pasted text together are refused."),
    )


class ReviewForm(forms.Form):
    """The values read from a document, to check before saving."""

    doc_type = forms.ModelChoiceField(label=_("Type"), queryset=DocumentType.objects.all())
    summary = forms.CharField(label=_("Summary"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))
    theme = forms.CharField(
        label=_("Theme"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    issuer = forms.ChoiceField(label=_("Issuer"))
    new_issuer_name = forms.CharField(
        label=_("Name of a new outside issuing body"), max_length=200, required=False
    )
    number_symbol = forms.CharField(
        label=_("Number/symbol"),
        max_length=60,
        required=False,
        help_text=_("Empty for a plan of ours not issued yet: it is saved as a draft."),
    )
    issued_on = DateField(label=_("Date"), required=False)
    place = forms.CharField(label=_("Place"), max_length=80, required=False)
    body = forms.CharField(label=_("Body"), required=False, widget=forms.Textarea(attrs={"rows": 14}))
    recipients_text = forms.CharField(
        label=_("“Nơi nhận” block as printed"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    recipient_units = UnitMultiPickerField(
        label=_("Our units that receive it"), managed=False, required=False
    )
    requires_plan = forms.BooleanField(label=_("Recipients must issue their own plan"), required=False)
    plan_deadline = DateField(label=_("Deadline for recipients' plans"), required=False)
    signer_authority = forms.CharField(label=_("Signing authority"), max_length=80, required=False)
    signer_position = forms.CharField(label=_("Signer's position"), max_length=80, required=False)
    signer_name = forms.CharField(label=_("Signer"), max_length=120, required=False)

    def __init__(self, *args, issuers=(), bodies=(), units=None, units_within=None, **kwargs):
        """`units`: the units under the issuer that may receive it (the picker's scope);
        `units_within`: the issuer, when the user sees it (the suggestions come from under it)."""
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["issuer"]).choices = (
            [("new", _("A new outside body (name below)"))]
            + [(_("Our units"), [(f"unit:{u.pk}", u.name) for u in issuers])]
            + [(_("Outside bodies"), [(f"body:{b.pk}", b.name) for b in bodies])]
        )
        recipients = cast(UnitMultiPickerField, self.fields["recipient_units"])
        recipients.queryset = units if units is not None else Unit.objects.none()
        recipients.search_url = (
            format_lazy("{}?within={}", reverse_lazy("organisations:unit_search"), units_within.pk)
            if units_within is not None
            else ""
        )

    def clean_issued_on(self):
        value = self.cleaned_data.get("issued_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return value


class BasisRowForm(forms.Form):
    include = forms.BooleanField(label=_("Keep"), required=False)
    doc_type = forms.CharField(label=_("Type"), max_length=80, required=False)
    number_symbol = forms.CharField(label=_("Number/symbol"), max_length=60)
    issued_on = DateField(label=_("Date"), required=False)
    issuer_name = forms.CharField(label=_("Issuer"), max_length=200, required=False)
    match = forms.IntegerField(label=_("Document in the registry"), required=False, widget=forms.HiddenInput)


# a document cites a few dozen bases at most; a forged count renders no more rows than this
BasisFormSet = forms.formset_factory(BasisRowForm, extra=0, max_num=100, absolute_max=100)
