"""The administrator's page for entering an award form's prize money (kept apart from views.py,
which holds the commendation workflow)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.permissions import can_manage_award_rules
from awards import services
from awards.forms import FormMoneyForm
from awards.models import AwardForm


@login_required
def form_money(request, pk):
    if not can_manage_award_rules(request.user):
        raise PermissionDenied
    award_form = get_object_or_404(AwardForm.objects.select_related("rule_set", "money_entered_by"), pk=pk)
    initial = {"coefficient_individual": award_form.coefficient_individual,
               "coefficient_collective": award_form.coefficient_collective,
               "source": award_form.source, "verified": award_form.verified}
    form = FormMoneyForm(request.POST or None, initial=initial, award_form=award_form)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.set_award_form_money(
                actor=request.user, form=award_form, coefficient_individual=data.get("coefficient_individual"),
                coefficient_collective=data.get("coefficient_collective"), source=data["source"],
                verified=data["verified"])
        except ValidationError as exc:
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The prize money of %(form)s was saved.") % {"form": award_form.name})
            return redirect("awards:rules")
    changes = award_form.history.select_related("history_user").order_by("-history_date")[:10]
    return render(request, "awards/form_money.html", {"award_form": award_form, "form": form, "changes": changes})
