from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextFormMixin, DateField, SearchField, formfield
from core.pickers import MultiPickerField, PickerField
from core.text import normalize
from organisations.imports.checking import FILE_FIELDS, HEADERS_VI
from organisations.models import Member, TitleWording, Unit, UnitType


class UnitPickerField(PickerField):
    """A unit chosen by typing part of its name (core.pickers), suggested from the units the user
    manages (`managed`, the default: where the user acts) or sees; a select when there are few."""

    def __init__(self, *args, managed: bool = True, **kwargs):
        url = reverse_lazy("organisations:unit_search")
        kwargs.setdefault("search_url", format_lazy("{}?scope=managed", url) if managed else url)
        kwargs.setdefault("queryset", Unit.objects.none())
        super().__init__(*args, **kwargs)


class UnitMultiPickerField(MultiPickerField):
    """Several units chosen by typing part of their names (core.pickers), suggested as
    `UnitPickerField` does; ticked boxes when there are few."""

    def __init__(self, *args, managed: bool = True, **kwargs):
        url = reverse_lazy("organisations:unit_search")
        kwargs.setdefault("search_url", format_lazy("{}?scope=managed", url) if managed else url)
        kwargs.setdefault("queryset", Unit.objects.none())
        super().__init__(*args, **kwargs)


def _yes_no(label) -> forms.TypedChoiceField:
    """A required yes/no choice. A checkbox left out of a submission reads as "no", so a form
    (or a script) that did not send it silently switched the setting off for every unit of
    the type; a yes/no choice that is missing is an error naming the field."""
    return forms.TypedChoiceField(
        label=label,
        choices=[("True", _("Yes")), ("False", _("No"))],
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
        required=True,
        error_messages={"required": _("Choose yes or no for “%(field)s”.") % {"field": label}},
    )


class UnitTypeForm(forms.ModelForm):
    BOOLEAN_FIELDS = ["may_have_members", "may_have_children", "is_grassroots", "is_active"]

    class Meta:
        model = UnitType
        fields = [
            "name",
            "code",
            "level",
            "may_have_members",
            "may_have_children",
            "is_grassroots",
            "is_active",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.BOOLEAN_FIELDS:
            model_field = UnitType._meta.get_field(name)
            assert isinstance(model_field, models.BooleanField)
            self.fields[name] = _yes_no(model_field.verbose_name)
            self.initial.setdefault(
                name, getattr(self.instance, name) if self.instance.pk else model_field.default
            )
            self.initial[name] = str(bool(self.initial[name]))

    def clean(self):
        data = super().clean() or {}
        if self.instance.pk:
            units = Unit.objects.filter(unit_type=self.instance)
            if data.get("may_have_children") is False and Unit.objects.filter(parent__in=units).exists():
                self.add_error(
                    "may_have_children", _("Units of this type have child units: they must keep them.")
                )
            if data.get("may_have_members") is False and Member.objects.filter(unit__in=units).exists():
                self.add_error("may_have_members", _("Units of this type have members: they must keep them."))
        return data


class UnitForm(CleanTextFormMixin, forms.ModelForm):
    class Meta:
        model = Unit
        fields = [
            "unit_type",
            "name",
            "short_name",
            "code",
            "doc_symbol",
            "title_wording",
            "address",
            "phone",
            "email",
            "valid_from",
            "valid_to",
            "sort_order",
            "publishes_awards",
        ]
        formfield_callback = formfield  # dates as dd/mm/yyyy

    def __init__(self, *args, may_set_publishing: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_set_publishing:  # an officer edits the details, the administrator this setting
            del self.fields["publishes_awards"]
        cast(forms.ModelChoiceField, self.fields["unit_type"]).queryset = UnitType.objects.filter(
            is_active=True
        )
        # a post that leaves the wording out (an older page, a script) keeps the unit's practice
        self.fields["title_wording"].required = False

    def clean_name(self):
        return normalize(self.cleaned_data["name"])

    def clean_title_wording(self):
        return self.cleaned_data["title_wording"] or self.instance.title_wording or TitleWording.AWARD


class UnitMoveForm(forms.Form):
    new_parent = forms.CharField(label=_("Code of the new parent unit"))

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = units

    def clean_new_parent(self):
        code = self.cleaned_data["new_parent"].strip()
        unit = self.units.filter(code=code).select_related("unit_type").first()
        if unit is None:
            raise forms.ValidationError(_("No unit with code “%(code)s” in your scope.") % {"code": code})
        return unit


class UnitEndForm(forms.Form):
    """End a unit: the date, its successor and, for each current child unit, its new parent
    (the successor unless another is picked)."""

    valid_to = DateField(label=_("End date"))
    merged_into = UnitPickerField(
        label=_("Successor"),
        managed=False,
        required=False,
        help_text=_(
            "The unit that takes over its work: its sub-units, members and open work move there. "
            "Left empty, the unit simply ends."
        ),
    )

    def __init__(self, *args, unit: Unit, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        # units offered as new parents exist today, are outside the ended unit and may have children
        choices = (
            units.current()
            .exclude(path__startswith=unit.path)
            .filter(unit_type__may_have_children=True)
            .select_related("unit_type")
            .order_by("path")
        )
        cast(forms.ModelChoiceField, self.fields["merged_into"]).queryset = choices
        self.children = list(
            unit.children.current().select_related("unit_type").order_by("sort_order", "sort_name")
        )
        for child in self.children:
            self.fields[f"child_{child.pk}"] = UnitPickerField(
                label=_("New parent of “%(unit)s”") % {"unit": child.name},
                queryset=choices.filter(unit_type__level__lt=child.unit_type.level),
                managed=False,
                required=False,
                help_text=_("Left empty: the successor."),
            )

    def confirmed_values(self) -> list[tuple[str, str]]:
        """What the confirm step sends again, as hidden inputs: the typed date and the ids picked
        (a picker's own value is an id with the text typed, which a hidden input cannot carry)."""
        values = []
        for name in self.fields:
            value = self.cleaned_data.get(name)
            if isinstance(value, models.Model):
                values.append((name, str(value.pk)))
            elif name == "valid_to":
                values.append((name, str(self[name].value() or "")))
        return values

    def child_fields(self):
        return [self[f"child_{child.pk}"] for child in self.children]

    def child_parents(self) -> dict[int, Unit]:
        return {
            child.pk: self.cleaned_data[f"child_{child.pk}"]
            for child in self.children
            if self.cleaned_data.get(f"child_{child.pk}")
        }


class MemberForm(CleanTextFormMixin, forms.ModelForm):
    class Meta:
        model = Member
        fields = list(FILE_FIELDS)  # the import's columns: code … joined_on, status, left_on
        formfield_callback = formfield  # dates as dd/mm/yyyy

    def clean_full_name(self):
        return normalize(self.cleaned_data["full_name"])

    def validate_unique(self):
        """Whether the code is free is `services.save_member`'s to say (`code_refused`): Django's own
        check answers "already exists", confirming a member of a unit the officer may not see."""
        # ModelForm.validate_unique's own two steps, less the code (private in django-stubs)
        exclude = self._get_validation_exclusions() | {"code"}  # type: ignore[attr-defined]
        try:
            self.instance.validate_unique(exclude=exclude)
        except ValidationError as exc:
            self._update_errors(exc)  # type: ignore[attr-defined]

    def clean_birth_date(self):
        value = self.cleaned_data.get("birth_date")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The birth date cannot be in the future."))
        return value

    def clean_joined_on(self):
        value = self.cleaned_data.get("joined_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The union membership date cannot be in the future."))
        return value


class MemberImportForm(forms.Form):
    file = forms.FileField(label=_("Excel file (.xlsx)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # the columns the import reads and the template holds: one list, so page and file agree
        self.fields["file"].help_text = _("Columns: %(columns)s.") % {
            "columns": ", ".join(HEADERS_VI.values())
        }


class UnitSearchForm(forms.Form):
    q = SearchField(label=_("Find a unit (accents optional)"))


class MemberFilterForm(forms.Form):
    q = SearchField()
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput)
    unit_q = SearchField(label=_("Unit"), max_length=100)
    after = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    before = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("All"))] + Member.Category.choices
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + Member.Status.choices
    )
    gender = forms.ChoiceField(
        label=_("Gender"), required=False, choices=[("", _("All"))] + Member.Gender.choices
    )
