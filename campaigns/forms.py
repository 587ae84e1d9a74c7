"""Forms of the campaign pages. They parse and show errors; the rules live in the services."""

from decimal import Decimal
from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.models import (
    COLLECTIVE_TITLES,
    INDIVIDUAL_TITLES,
    AimedTitle,
    Campaign,
    Cluster,
    CriteriaSet,
    Criterion,
    DisseminationSession,
    Movement,
    ReviewRound,
    TieBreaker,
)
from campaigns.services.criteria import CRITERION_FIELDS
from core.forms import DateField, DecimalField
from core.pickers import PickerField
from core.text import decimal_vi
from documents.models import Document
from organisations.forms import UnitMultiPickerField, UnitPickerField
from organisations.models import UnitType


def content_items_from_text(text: str) -> list[tuple[str, str]]:
    """Paragraphs separated by blank lines: the first line is an item's title, the rest its text."""
    items = []
    for block in (text or "").replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.strip().split("\n") if line.strip()]
        if lines:
            items.append((lines[0], "\n".join(lines[1:])))
    return items


def content_items_to_text(items) -> str:
    return "\n\n".join(f"{item.title}\n{item.text}".strip() for item in items)


class CampaignForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=Campaign.Kind.choices)
    theme = forms.CharField(label=_("Theme"), widget=forms.Textarea(attrs={"rows": 3}))
    slogan = forms.CharField(label=_("Slogan"), max_length=300, required=False)
    starts_on = DateField(label=_("Starts on"))
    ends_on = DateField(label=_("Ends on"))
    registration_deadline = DateField(label=_("Registration deadline"), required=False)
    organiser = UnitPickerField(label=_("Organising unit"))
    root_unit = UnitPickerField(
        label=_("Participating subtree"),
        required=False,
        help_text=_("Leave empty for the organiser's whole subtree."),
    )
    included_unit_types = forms.ModelMultipleChoiceField(
        label=_("Unit types taking part"),
        queryset=UnitType.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    movements = forms.ModelMultipleChoiceField(
        label=_("Linked movements"),
        queryset=Movement.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    launching_document: "forms.ModelChoiceField[Document]" = forms.ModelChoiceField(
        label=_("Launching plan"),
        queryset=None,
        required=False,
        help_text=_("A draft plan is issued when the campaign is launched."),
    )
    reach_threshold = forms.IntegerField(
        label=_("Reach threshold (%)"), min_value=1, max_value=100, initial=80
    )
    content_items = forms.CharField(
        label=_("Content items"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "One item per paragraph (separate them with an empty line); the first line is its title."
        ),
    )

    def __init__(self, *args, units=None, documents=None, launched=False, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organiser"]).queryset = units
        cast(forms.ModelChoiceField, self.fields["root_unit"]).queryset = units
        cast(forms.ModelChoiceField, self.fields["launching_document"]).queryset = documents
        if launched:
            for name in (
                "kind",
                "theme",
                "starts_on",
                "organiser",
                "root_unit",
                "included_unit_types",
                "launching_document",
                "content_items",
            ):
                del self.fields[name]


class CriteriaSetForm(forms.ModelForm):
    class Meta:
        model = CriteriaSet
        fields = ["name", "requires_points_sum", "requires_weights_sum"]


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["parent", *CRITERION_FIELDS]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, criteria_set=None, **kwargs):
        super().__init__(*args, **kwargs)
        parents = (
            criteria_set.criteria.filter(kind=Criterion.Kind.STANDARD)
            if criteria_set
            else Criterion.objects.none()
        )
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        cast(forms.ModelChoiceField, self.fields["parent"]).queryset = parents
        self.fields["order"].required = False


class CopyTemplateForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Criteria template"), queryset=CriteriaSet.objects.filter(campaign=None)
    )


class RegistrationForm(forms.Form):
    aimed_title = forms.ChoiceField(
        label=_("Aimed title"), required=False, choices=[("", "—")] + list(AimedTitle.choices)
    )
    aimed_title_other = forms.CharField(label=_("Or another title"), max_length=200, required=False)
    commitments = forms.CharField(
        label=_("Commitments"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, criteria=(), members=None, members_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        # a collective is offered the titles of collectives, a member those of individuals
        titles = COLLECTIVE_TITLES if members is None else INDIVIDUAL_TITLES
        cast(forms.ChoiceField, self.fields["aimed_title"]).choices = [("", "—")] + [
            (t.value, t.label) for t in titles
        ]
        if members is not None:
            self.fields = {
                "member": PickerField(
                    label=_("Member"),
                    queryset=members,
                    search_url=members_url,
                    help_text=_("Type part of the member's name, with or without accents, and pick."),
                ),
                **self.fields,
            }
        self.target_fields = []
        for criterion in criteria:
            name = f"target_{criterion.pk}"
            self.fields[name] = DecimalField(
                label=_("Target: %(criterion)s (%(uom)s)")
                % {"criterion": criterion.label, "uom": criterion.unit_of_measure},
                required=False,
                min_value=0,
                max_digits=14,
                decimal_places=2,
                help_text=_("The campaign's target is %(value)s.")
                % {"value": decimal_vi(criterion.target_value)},
            )
            self.target_fields.append((criterion.pk, name))

    def targets(self) -> dict[int, object]:
        return {pk: self.cleaned_data.get(name) for pk, name in self.target_fields}


class ReviewDecisionForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class SessionForm(forms.Form):
    held_on = DateField(label=_("Date held"))
    form = forms.ChoiceField(label=_("Form"), choices=DisseminationSession.Form.choices)
    topic = forms.CharField(label=_("Topic"), max_length=300)
    officers = forms.IntegerField(label=_("Officers"), min_value=0, initial=0)
    members = forms.IntegerField(label=_("Union members"), min_value=0, initial=0)
    civil_servants = forms.IntegerField(label=_("Civil servants"), min_value=0, initial=0)
    public_employees = forms.IntegerField(label=_("Public employees"), min_value=0, initial=0)
    workers = forms.IntegerField(label=_("Workers"), min_value=0, initial=0)
    documents: "forms.ModelMultipleChoiceField[Document]" = forms.ModelMultipleChoiceField(
        label=_("Documents discussed"), queryset=None, required=False
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, documents=None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["documents"]).queryset = documents


class SelfScoreForm(forms.Form):
    points = forms.CharField(label=_("Points"), required=False, max_length=12)
    actual_value = forms.CharField(label=_("Result achieved"), required=False, max_length=16)
    note = forms.CharField(label=_("Explanation"), required=False, max_length=2000)
    evidence = forms.FileField(
        label=_("Evidence"), required=False, help_text=_("PDF, Word (.docx), Excel (.xlsx), PNG or JPEG.")
    )


class ConfirmForm(forms.Form):
    points = forms.CharField(label=_("Confirmed score"), required=False, max_length=12)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000)


class PeerScoreForm(forms.Form):
    points = forms.CharField(label=_("Points"), max_length=12)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)


class ClusterForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Cluster.Kind.choices)
    scoring_mode = forms.ChoiceField(label=_("Confirmed score"), choices=Cluster.ScoringMode.choices)
    units = UnitMultiPickerField(label=_("Member units (in rotation order)"))
    lead_unit = UnitPickerField(label=_("Lead unit"), required=False)
    deputy_unit = UnitPickerField(label=_("Deputy lead unit"), required=False)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("units", "lead_unit", "deputy_unit"):
            cast(forms.ModelChoiceField, self.fields[name]).queryset = units


class FlagProposalForm(forms.Form):
    unit = UnitPickerField(label=_("Unit proposed for the emulation flag"), managed=False)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = units


class ReviewRoundForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ReviewRound.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    period_end = DateField(label=_("Period up to"))
    due_on = DateField(label=_("Reports due on"), required=False)


class ReviewReportForm(forms.Form):
    results = forms.CharField(
        label=_("Results achieved"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    shortcomings = forms.CharField(
        label=_("Shortcomings"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    lessons = forms.CharField(
        label=_("Lessons learnt"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator_fields = []
        fields = {}
        for indicator in indicators:
            name = f"indicator_{indicator.pk}"
            label = (
                f"{indicator.name} ({indicator.unit_of_measure})"
                if indicator.unit_of_measure
                else indicator.name
            )
            fields[name] = DecimalField(
                label=label, required=False, min_value=0, max_digits=14, decimal_places=2
            )
            self.indicator_fields.append((indicator.pk, name))
        self.fields = {**fields, **self.fields}

    def values(self) -> dict[int, object]:
        return {pk: self.cleaned_data.get(name) for pk, name in self.indicator_fields}

    @staticmethod
    def initial_for(report) -> dict:
        """The form's starting values: the saved draft's texts and indicator values, if any."""
        if report is None:
            return {}
        return {
            "results": report.results,
            "shortcomings": report.shortcomings,
            "lessons": report.lessons,
            **{f"indicator_{v.indicator_id}": v.value for v in report.values.all()},
        }


class GradeBandsForm(forms.Form):
    """Up to six grades, each a name and the score it starts at."""

    ROWS = 6

    def __init__(self, *args, bands=(), **kwargs):
        super().__init__(*args, **kwargs)
        bands = list(bands)
        for i in range(self.ROWS):
            name, minimum = bands[i] if i < len(bands) else ("", None)
            self.fields[f"name_{i}"] = forms.CharField(
                label=_("Grade %(n)s") % {"n": i + 1}, required=False, initial=name, max_length=60
            )
            self.fields[f"min_{i}"] = DecimalField(
                label=_("from score"),
                required=False,
                initial=minimum,
                min_value=0,
                max_value=100,
                decimal_places=2,
            )

    def bands(self) -> list[tuple[str, Decimal | int]]:
        result = []
        for i in range(self.ROWS):
            name = (self.cleaned_data.get(f"name_{i}") or "").strip()
            minimum = self.cleaned_data.get(f"min_{i}")
            if name or minimum is not None:
                result.append((name, minimum if minimum is not None else 0))
        return result


class TieBreakersForm(forms.Form):
    def __init__(self, *args, criteria=(), current=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            ("", "—"),
            (TieBreaker.CRITERIA_AT_MAX.value, TieBreaker.CRITERIA_AT_MAX.label),
            (TieBreaker.EARLIER_SUBMISSION.value, TieBreaker.EARLIER_SUBMISSION.label),
        ]
        choices += [
            (
                f"{TieBreaker.CRITERION.value}:{c.code}",
                _("Higher score on %(criterion)s") % {"criterion": c.label},
            )
            for c in criteria
        ]
        current = list(current)
        for i in range(3):
            self.fields[f"rule_{i}"] = forms.ChoiceField(
                label=_("Tie-breaker %(n)s") % {"n": i + 1},
                choices=choices,
                required=False,
                initial=current[i] if i < len(current) else "",
            )

    def rules(self) -> list[str]:
        return [self.cleaned_data[f"rule_{i}"] for i in range(3) if self.cleaned_data.get(f"rule_{i}")]
