from typing import cast

from django import forms
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.forms import DateField, DateTimeField, DecimalField, SearchField, formfield
from core.pickers import PickerField
from organisations.forms import UnitMultiPickerField, UnitPickerField
from organisations.models import Member, Unit
from publishing.models import AdvancedModel, Article, BulletinIssue, Category, FieldOfWork, Movement


class ArticleForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    category = forms.ModelChoiceField(
        label=pgettext_lazy("news", "Category"), queryset=Category.objects.all()
    )
    unit = UnitPickerField(
        label=_("Unit"),
        managed=False,
        help_text=_("The unit this article comes from; its federation's editors approve it."),
    )
    lead = forms.CharField(
        label=_("Lead"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences that say what the article is about."),
    )
    body = forms.CharField(
        label=_("Body"),
        widget=forms.Textarea(attrs={"rows": 18, "class": "rich-text"}),
        help_text=_(
            "Plain text (a blank line starts a new paragraph) or simple HTML: bold, italics, "
            "headings, lists, quotes, tables, links and the article's own images."
        ),
    )
    byline = forms.CharField(
        label=_("Byline"),
        max_length=160,
        required=False,
        help_text=_("As printed under the article, e.g. “Bài, ảnh: Đàm Văn Long”."),
    )
    image = forms.FileField(
        label=_("Add an image"),
        required=False,
        help_text=_(
            "JPEG, PNG, GIF or WebP, at least 300 × 200 pixels, at most 10 MB. It is resized and its metadata removed."
        ),
    )
    image_caption = forms.CharField(label=_("Image caption"), max_length=255, required=False)
    related_units = UnitMultiPickerField(label=_("Units mentioned"), managed=False, required=False)
    advanced_models = forms.ModelMultipleChoiceField(
        label=_("Advanced models"),
        queryset=AdvancedModel.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    campaign_reference = forms.CharField(
        label=_("Campaign or movement"),
        max_length=500,
        required=False,
        help_text=_("As text, or a link to the campaign."),
    )
    award_decision_reference = forms.CharField(
        label=_("Award decision"),
        max_length=500,
        required=False,
        help_text=_("Number and date of the award decision, or a link to it."),
    )

    def __init__(self, *args, units=None, models=None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(UnitPickerField, self.fields["unit"]).queryset = units
        # any unit of today may be mentioned; the suggestions come from the units the editor sees
        cast(UnitMultiPickerField, self.fields["related_units"]).queryset = Unit.objects.current().order_by(
            "path"
        )
        cast(forms.ModelMultipleChoiceField, self.fields["advanced_models"]).queryset = models

    @classmethod
    def initial_from(cls, article: Article) -> dict:
        return {
            "title": article.title,
            "category": article.category_id,
            "unit": article.unit_id,
            "lead": article.lead,
            "body": article.body,
            "byline": article.byline,
            "campaign_reference": article.campaign_reference,
            "award_decision_reference": article.award_decision_reference,
            "related_units": [u.pk for u in article.related_units.all()],
            "advanced_models": [m.pk for m in article.advanced_models.all()],
        }


class ArticleFilterForm(forms.Form):
    q = SearchField()
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + Article.Status.choices
    )
    category = forms.ModelChoiceField(
        label=pgettext_lazy("news", "Category"),
        required=False,
        queryset=Category.objects.all(),
        empty_label=_("All"),
    )
    QUEUES = [
        ("", _("All articles")),
        ("review", _("Waiting for my approval")),
        ("publish", _("Waiting to be published")),
        ("mine", _("Written by me")),
    ]
    queue = forms.ChoiceField(label=_("Show"), required=False, choices=QUEUES)
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, queues: set[str] | None = None, **kwargs):
        """`queues`: the work queues the user's roles have (review, publish, mine); only those are offered."""
        super().__init__(*args, **kwargs)
        if queues is not None:
            field = cast(forms.ChoiceField, self.fields["queue"])
            field.choices = [(value, label) for value, label in self.QUEUES if not value or value in queues]


class TransitionForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    publish_at = DateTimeField(
        label=_("Publish at"),
        required=False,
        help_text=_("Leave empty to publish now; a later time keeps the article off the portal until then."),
    )


class ImageForm(forms.Form):
    image = forms.FileField(label=_("Image"))
    caption = forms.CharField(label=_("Caption"), max_length=255, required=False)


# Advanced models -----------------------------------------------------------------------------


# the member is chosen by their code (member_code), not as a field of the model's form
MODEL_FORM_FIELDS = [name for name in AdvancedModel.EDITABLE_FIELDS if name != "member"]


class AdvancedModelForm(forms.ModelForm):
    member = PickerField(
        queryset=Member.objects.none(),
        label=_("Union member"),
        required=False,
        search_url=reverse_lazy("organisations:member_search"),
        help_text=_(
            "For an individual who is a union member: type part of the name and pick; "
            "their name and position are filled in."
        ),
    )

    class Meta:
        model = AdvancedModel
        fields = MODEL_FORM_FIELDS
        field_classes = {"unit": UnitPickerField}
        formfield_callback = formfield  # dates as dd/mm/yyyy
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "results": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, units=None, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        unit_field = cast(UnitPickerField, self.fields["unit"])
        unit_field.queryset = units
        unit_field.search_url = reverse_lazy("organisations:unit_search")  # suggested from what the user sees
        cast(forms.ChoiceField, self.fields["movement"]).choices = [
            ("", _("— not tied to a movement —"))
        ] + Movement.choices
        if members is not None:
            cast(PickerField, self.fields["member"]).queryset = members
        if self.instance.pk and self.instance.member_id:
            self.fields["member"].initial = self.instance.member

    def clean_movement(self):
        return self.cleaned_data.get("movement") or None


class FigureForm(forms.Form):
    label = forms.CharField(label=_("Indicator"), max_length=160, required=False)
    value = DecimalField(label=_("Value"), max_digits=16, decimal_places=2, required=False)
    unit_of_measure = forms.CharField(label=_("Unit of measure"), max_length=40, required=False)

    def clean(self):
        data = super().clean()
        assert data is not None  # Form.clean gives cleaned_data
        if data.get("label") and data.get("value") is None:
            self.add_error("value", _("Give the value in numbers."))
        if data.get("value") is not None and not data.get("label"):
            self.add_error("label", _("Say what the number measures."))
        return data


FigureFormSet = forms.formset_factory(FigureForm, extra=3, max_num=12)


class PortalSearchForm(forms.Form):
    q = SearchField()


class ModelFilterForm(forms.Form):
    q = SearchField()
    movement = forms.ChoiceField(
        label=_("Movement"), required=False, choices=[("", _("All"))] + Movement.choices
    )
    field_of_work = forms.ChoiceField(
        label=_("Field"), required=False, choices=[("", _("All"))] + FieldOfWork.choices
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("All"))] + AdvancedModel.Stage.choices
    )
    unit = UnitPickerField(
        label=_("Unit (with sub-units)"),
        required=False,
        managed=False,
        placeholder=_("All my units: type a name"),
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(UnitPickerField, self.fields["unit"]).queryset = units


class AdvanceForm(forms.Form):
    on = DateField(label=pgettext_lazy("publishing", "Date"), initial=timezone.localdate)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("PDF, Word, Excel or a photo; at most 20 MB."))
    description = forms.CharField(label=_("Description"), max_length=255, required=False)


class ReplicationForm(forms.Form):
    unit = UnitPickerField(label=_("Adopting unit"), managed=False)
    adopted_on = DateField(label=_("Adopted on"))
    results = forms.CharField(label=_("Results"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(UnitPickerField, self.fields["unit"]).queryset = units


# Bulletins -----------------------------------------------------------------------------------


class BulletinForm(forms.Form):
    publisher = UnitPickerField(label=_("Publisher"), managed=False)
    period_kind = forms.ChoiceField(
        label=_("Period"), choices=BulletinIssue.Period.choices, initial=BulletinIssue.Period.MONTH
    )
    period_index = forms.IntegerField(
        label=_("Month or quarter"), min_value=1, max_value=12, help_text=_("Month 1–12, or quarter 1–4.")
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    title = forms.CharField(
        label=_("Title"),
        max_length=160,
        required=False,
        help_text=_("Printed on the cover; leave empty for “%(title)s”."),
    )

    def __init__(self, *args, publishers=None, default_title="", **kwargs):
        super().__init__(*args, **kwargs)
        cast(UnitPickerField, self.fields["publisher"]).queryset = publishers
        self.fields["title"].help_text = self.fields["title"].help_text % {"title": default_title}
        self.fields["title"].widget.attrs["placeholder"] = default_title
