"""Pages of the award rules: rule sets, the base salary, prize money entered by hand."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.permissions import can_manage_award_rules
from awards import selectors, services
from awards.forms import BaseSalaryForm, FormMoneyForm
from awards.models import AwardForm
from core.view_helpers import apply_errors


@login_required
def rules(request):
    form = BaseSalaryForm(request.POST or None)
    if request.method == "POST":
        if not can_manage_award_rules(request.user):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.add_base_salary(actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The base salary was added."))
                return redirect("awards:rules")
    return render(
        request,
        "awards/rules.html",
        {
            "rule_sets": selectors.rule_sets(),
            "salaries": selectors.base_salaries(),
            "form": form,
            "can_add": can_manage_award_rules(request.user),
        },
    )


@login_required
def form_money(request, pk):
    if not can_manage_award_rules(request.user):
        raise PermissionDenied
    award_form = get_object_or_404(AwardForm.objects.select_related("rule_set", "money_entered_by"), pk=pk)
    initial = {
        "coefficient_individual": award_form.coefficient_individual,
        "coefficient_collective": award_form.coefficient_collective,
        "source": award_form.source,
        "verified": award_form.verified,
    }
    form = FormMoneyForm(request.POST or None, initial=initial, award_form=award_form)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.set_award_form_money(
                actor=request.user,
                form=award_form,
                coefficient_individual=data.get("coefficient_individual"),
                coefficient_collective=data.get("coefficient_collective"),
                source=data["source"],
                verified=data["verified"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The prize money of %(form)s was saved.") % {"form": award_form.name})
            return redirect("awards:rules")
    changes = award_form.history.select_related("history_user").order_by("-history_date")[:10]
    return render(
        request, "awards/form_money.html", {"award_form": award_form, "form": form, "changes": changes}
    )
