"""Parameters of the reports' pages, checked with clear Vietnamese messages."""

import datetime as dt
from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateField
from organisations.forms import UnitPickerField
from reports.models import ReportJob
from reports.selectors.common import Filters

YEAR_MIN, YEAR_MAX = 1990, 2100


class DashboardForm(forms.Form):
    unit = forms.IntegerField(required=False, min_value=1)
    year = forms.IntegerField(required=False, min_value=YEAR_MIN, max_value=YEAR_MAX)
    campaign = forms.IntegerField(required=False, min_value=1)
    map = forms.SlugField(required=False, max_length=40)  # a section's key; in the cache key too
    fresh = forms.BooleanField(required=False)


class TableForm(DashboardForm):
    table = forms.SlugField()


class RecordFilterForm(forms.Form):
    """The parameters of a drill-down link; unknown values are refused, not ignored."""

    unit = forms.IntegerField(min_value=1)
    year = forms.IntegerField(required=False, min_value=YEAR_MIN, max_value=YEAR_MAX)
    own = forms.BooleanField(required=False)
    under = forms.BooleanField(required=False)
    document = forms.IntegerField(required=False, min_value=1)
    state = forms.ChoiceField(
        required=False, choices=[("", "")] + [(s, s) for s in ("done", "late", "waiting", "open")]
    )
    gender = forms.ChoiceField(required=False, choices=[("", ""), ("M", "M"), ("F", "F")])
    form = forms.SlugField(required=False, max_length=60)
    family = forms.SlugField(required=False, max_length=60)
    level = forms.CharField(required=False, max_length=60)
    holder = forms.ChoiceField(
        required=False, choices=[("", ""), ("individual", "individual"), ("collective", "collective")]
    )
    grading = forms.BooleanField(required=False)
    stage = forms.SlugField(required=False, max_length=20)
    campaign = forms.IntegerField(required=False, min_value=1)
    cluster = forms.IntegerField(required=False, min_value=1)
    registered = forms.ChoiceField(required=False, choices=[("", ""), ("yes", "yes"), ("no", "no")])
    below = forms.BooleanField(required=False)
    date_from = DateField(required=False)
    date_to = DateField(required=False)

    def filters(self) -> Filters:
        return Filters(**{k: v for k, v in self.cleaned_data.items() if k != "unit"})


def _this_year() -> tuple[dt.date, dt.date]:
    year = timezone.localdate().year
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


class ReviewReportForm(forms.Form):
    """The subtree, the kind and the period of a review report."""

    unit = UnitPickerField(
        label=_("Unit"),
        managed=False,
        error_messages={
            "invalid_choice": _("You may not see the reports of this unit; choose one of your units.")
        },
    )
    kind = forms.ChoiceField(label=_("Report"), choices=ReportJob.Kind.choices, initial=ReportJob.Kind.FINAL)
    date_from = DateField(
        label=_("From"),
    )
    date_to = DateField(
        label=_("To"),
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            cast(forms.ModelChoiceField, self.fields["unit"]).queryset = units
        start, end = _this_year()
        self.fields["date_from"].initial = start
        self.fields["date_to"].initial = end

    def clean(self):
        data = super().clean()
        assert data is not None  # Form.clean gives cleaned_data
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error(
                "date_to",
                _("The period ends before it starts: the end date must be on or after the start date."),
            )
        if start and end and (end - start).days > 366 * 10:
            self.add_error("date_to", _("A report covers at most ten years."))
        return data
