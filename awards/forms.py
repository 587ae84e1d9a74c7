from typing import cast

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from awards.models import (
    COMMENT_AUTHOR_MAX,
    COMMENT_TEXT_MAX,
    AwardForm,
    Ballot,
    CertificateTemplate,
    InitiativeScope,
    Nomination,
    TaskGrade,
)
from campaigns.models import Campaign
from core.forms import CleanTextFormMixin, DateField, DecimalField, SearchField
from core.pickers import PickerField
from organisations.forms import UnitPickerField
from organisations.models import Member, Unit


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class RoundForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    campaign: "forms.ModelChoiceField[Campaign]" = forms.ModelChoiceField(
        label=_("Campaign"), queryset=None, required=False, empty_label=_("— the whole year —")
    )
    campaign_label = forms.CharField(
        label=_("Campaign label"),
        max_length=255,
        required=False,
        help_text=_("For a campaign that is not in the system."),
    )
    deadline = DateField(label=_("Deadline for nominations"))

    def __init__(self, *args, campaigns=None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["campaign"]).queryset = campaigns


class BatchForm(forms.Form):
    proposing_unit = UnitPickerField(label=_("Proposing unit"))

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["proposing_unit"]).queryset = units


class NominationForm(forms.Form):
    form = forms.ModelChoiceField(label=_("Award form"), queryset=AwardForm.objects.none())
    member: "PickerField" = PickerField(
        queryset=Member.objects.none(),
        label=_("Member (an individual)"),
        required=False,
        help_text=_("Type part of the name, with or without accents, and pick the member."),
    )
    unit: "PickerField" = PickerField(
        queryset=Unit.objects.none(),
        label=_("Unit (a collective)"),
        required=False,
        help_text=_("Or, for a collective: choose the unit proposed."),
    )
    achievement = forms.CharField(label=_("Achievement summary"), widget=forms.Textarea(attrs={"rows": 4}))
    task_grade = forms.ChoiceField(
        label=_("Task completion this year"), required=False, choices=[("", "—"), *TaskGrade.choices]
    )
    initiative = forms.CharField(
        label=_("Initiative or research work"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    initiative_scope = forms.ChoiceField(
        label=_("Initiative recognised"), required=False, choices=[("", "—"), *InitiativeScope.choices]
    )
    initiative_count = forms.IntegerField(
        label=_("Number of initiatives recognised"),
        required=False,
        initial=1,
        min_value=1,
        max_value=99,
        help_text=_("Some forms require several (two initiatives for the Confederation's Bằng khen)."),
    )
    evidence_links = forms.CharField(
        label=_("Links to articles or advanced models"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One address per line."),
    )
    # A declared field named like BaseForm.files: the form's metaclass moves it into base_fields, so it never
    # shadows the uploaded files at runtime; the stubs do not model that metaclass.
    files = MultipleFileField(label=_("Evidence (PDF, Word, images)"), required=False)  # type: ignore[assignment]
    override_justification = forms.CharField(
        label=_("Justification for a failed check"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only when a prerequisite or quota check fails; the council reads it."),
    )

    def __init__(
        self, *args, forms_queryset=None, members=None, units=None, within: Unit | None = None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        if forms_queryset is not None:
            cast(forms.ModelChoiceField, self.fields["form"]).queryset = forms_queryset
        member, unit = cast(PickerField, self.fields["member"]), cast(PickerField, self.fields["unit"])
        if members is not None:
            member.queryset = members
        if units is not None:
            unit.queryset = units
        if within is not None:
            member.search_url = reverse("organisations:member_search") + f"?within={within.pk}"
            unit.search_url = reverse("organisations:unit_search") + f"?within={within.pk}"

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if "member" in self.errors or "unit" in self.errors:
            return data
        if (data.get("member") is None) == (data.get("unit") is None):
            raise forms.ValidationError(_("Pick a member or, for a collective, a unit."))
        data["evidence_links"] = [
            line.strip() for line in data.get("evidence_links", "").splitlines() if line.strip()
        ]
        return data


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("Why is the batch returned?"), widget=forms.Textarea(attrs={"rows": 2}))


class CutForm(forms.Form):
    reason = forms.CharField(label=_("Reason for removal"), widget=forms.Textarea(attrs={"rows": 2}))


class MinutesForm(forms.Form):
    minutes = forms.FileField(label=_("Minutes of the unit's meeting (PDF, Word or scan)"))


class NominationsField(forms.ModelMultipleChoiceField):
    """Nominations to choose from, each shown as nominee, form and year."""

    def label_from_instance(self, obj: Nomination) -> str:
        return f"{obj.nominee_name} — {obj.form.name} ({obj.year})"


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    held_on = DateField(label=_("Meeting date"))
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    members: "forms.ModelMultipleChoiceField[User]" = forms.ModelMultipleChoiceField(
        label=_("Council members"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    nominations = NominationsField(
        label=_("Nominations on the agenda"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, members=None, nominations=None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["members"]).queryset = members
        cast(NominationsField, self.fields["nominations"]).queryset = nominations


class VoteForm(forms.Form):
    choice = forms.ChoiceField(choices=Ballot.Choice.choices)


class DecisionForm(forms.Form):
    decided_on = DateField(label=_("Decision date"))
    summary = forms.CharField(
        label=_("Summary"),
        max_length=500,
        required=False,
        help_text=_("Empty: “On commending collectives and individuals…”"),
    )
    signer_position = forms.CharField(label=_("Signer's position"), max_length=80, initial="CHỦ TỊCH")
    signer_name = forms.CharField(label=_("Signer"), max_length=120)
    certificate_template: "forms.ModelChoiceField[CertificateTemplate]" = forms.ModelChoiceField(
        label=_("Certificate layout"), queryset=None, required=False, empty_label=_("The standard layout")
    )
    nominations = NominationsField(
        label=_("Approved nominations"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    reason = forms.CharField(
        label=_("What does this decision correct?"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    # shown (as a checkbox) only once the rules are found to give no prize money for some awards
    issue_without_money = forms.BooleanField(
        label=_("Issue the decision without the missing prize money"),
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, nominations=None, templates=None, correcting=False, **kwargs):
        super().__init__(*args, **kwargs)
        cast(NominationsField, self.fields["nominations"]).queryset = nominations
        cast(forms.ModelChoiceField, self.fields["certificate_template"]).queryset = templates
        if not correcting:
            del self.fields["reason"]
        else:
            self.fields["reason"].required = True

    def ask_to_confirm_missing_money(self) -> None:
        self.fields["issue_without_money"].widget = forms.CheckboxInput()


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Reason for revocation"), widget=forms.Textarea(attrs={"rows": 2}))


class CertificateTemplateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    file = forms.FileField(label=_("Template (HTML)"), required=False)
    html = forms.CharField(
        label=_("Or paste the HTML"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        upload = data.get("file")
        if upload:
            try:
                data["html"] = upload.read().decode("utf-8")
            except UnicodeDecodeError as exc:
                raise forms.ValidationError(_("The template must be a UTF-8 text (HTML) file.")) from exc
        if not data.get("html", "").strip():
            raise forms.ValidationError(_("Upload a template file or paste its HTML."))
        return data


class HistoryImportForm(forms.Form):
    file = forms.FileField(
        label=_("Excel file (.xlsx)"),
        help_text=_(
            "Columns: Mã đoàn viên or Mã đơn vị, Hình thức, Năm, Số quyết định, Ngày quyết định, Cấp."
        ),
    )


class HistorySearchForm(forms.Form):
    q = SearchField()
    year = forms.IntegerField(label=_("Year"), required=False)
    form = forms.CharField(label=_("Award form"), required=False)


class BaseSalaryForm(forms.Form):
    effective_from = DateField(label=_("Effective from"))
    amount = forms.IntegerField(label=_("Amount (VND)"), min_value=1)
    source = forms.CharField(label=_("Source (decree)"), max_length=500)


class FormMoneyForm(forms.Form):
    """An administrator enters a form's prize money from the regulation in hand."""

    coefficient_individual = DecimalField(
        label=_("Individual: multiple of the base salary"), required=False, max_digits=7, decimal_places=3
    )
    coefficient_collective = DecimalField(
        label=_("Collective: multiple of the base salary"), required=False, max_digits=7, decimal_places=3
    )
    source = forms.CharField(
        label=_("Source (regulation, article and clause)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    verified = forms.BooleanField(label=_("Checked against the text of the regulation"), required=False)

    def __init__(self, *args, award_form: AwardForm, **kwargs):
        super().__init__(*args, **kwargs)
        if not award_form.for_individuals:
            del self.fields["coefficient_individual"]
        if not award_form.for_collectives:
            del self.fields["coefficient_collective"]


class NominationFilterForm(forms.Form):
    q = SearchField()
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *Nomination.Status.choices]
    )
    check_status = forms.ChoiceField(
        label=_("Checks"),
        required=False,
        choices=[
            ("", _("All")),
            ("passed", _("Passed")),
            ("review", _("Needs a human look")),
            ("failed", _("Failed")),
        ],
    )


class PublicCommentForm(CleanTextFormMixin, forms.Form):
    """A comment from anyone on the portal: bounded, cleaned (control characters refused), and
    without a `maxlength` in the page, so pasted long text is refused with a message, not cut."""

    text = forms.CharField(
        label=_("Comment"), max_length=COMMENT_TEXT_MAX, widget=forms.Textarea(attrs={"rows": 5})
    )
    author = forms.CharField(
        label=_("Your name"),
        max_length=COMMENT_AUTHOR_MAX,
        required=False,
        help_text=_("Optional. Nothing else about you is kept."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("maxlength", None)
