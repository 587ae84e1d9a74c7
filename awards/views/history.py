"""Pages of the award history: search, a holder's history, Excel export and import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import managed_units, visible_members, visible_units
from awards import selectors
from awards.exports import history_workbook
from awards.forms import HistoryImportForm, HistorySearchForm
from awards.models import AwardImport
from awards.tasks import expire_if_stale, queue_award_import
from core.forms import filter_status
from core.imports_views import upload_and_check
from core.view_helpers import XLSX, download
from organisations.models import Member, Unit


@login_required
def history(request):
    form = HistorySearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    records = selectors.search_history(
        request.user, q=filters.get("q", ""), year=filters.get("year"), form_code=filters.get("form", "")
    )
    if request.GET.get("export") == "xlsx":
        return download(history_workbook(records[:20000]), "lich-su-khen-thuong.xlsx", XLSX)
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "awards/history.html",
        {"form": form, "page_obj": page, "form_choices": selectors.award_form_names().items()},
        status=filter_status(form),
    )


def _holder_history(request, holder: Member | Unit, unit: Unit, records) -> HttpResponseBase:
    """A member's or a collective's awards and nominations: the page, or its workbook."""
    if request.GET.get("export") == "xlsx":
        return download(history_workbook(records), f"khen-thuong-{holder.code}.xlsx", XLSX)
    return render(
        request,
        "awards/history_holder.html",
        {
            "holder": holder,
            "unit": unit,
            "records": records,
            "nominations": holder.nominations.select_related("form", "batch"),
        },
    )


@login_required
def member_history(request, pk):
    member = get_object_or_404(visible_members(request.user).select_related("unit"), pk=pk)
    return _holder_history(request, member, member.unit, selectors.member_history(member))


@login_required
def unit_history(request, pk):
    unit = get_object_or_404(visible_units(request.user).select_related("merged_into"), pk=pk)
    return _holder_history(request, unit, unit, selectors.unit_history(unit))


@login_required
def history_import(request):
    unit = managed_units(request.user).order_by("depth").first()
    if unit is None:
        raise PermissionDenied
    form = HistoryImportForm(request.POST or None, request.FILES or None)
    batch = upload_and_check(
        request,
        unit=unit,
        form=form,
        batch_model=AwardImport,
        check="awards.imports.check_award_file",
        preview="awards.imports.history_import_preview",
    )
    if batch is not None:
        return redirect("awards:history_import_status", batch.pk)
    return render(request, "awards/history_import.html", {"form": form, "unit": unit})


@login_required
def history_import_status(request, pk):
    """The check's verdict ("checking": the page refreshes itself), the errors or the preview; once
    confirmed, the import's progress ("queued", refreshing itself), "done" or "failed" (retry)."""
    batch = get_object_or_404(AwardImport.objects.filter(unit__in=managed_units(request.user)), pk=pk)
    expire_if_stale(batch)
    template = (
        "awards/partials/history_import_status.html" if request.htmx else "awards/history_import_status.html"
    )
    return render(request, template, {"batch": batch, "unit": batch.unit})


@login_required
@require_POST
def history_import_confirm(request, pk):
    """Queue the import for the task worker, which checks the file again and writes it whole."""
    batch = get_object_or_404(AwardImport.objects.filter(unit__in=managed_units(request.user)), pk=pk)
    if expire_if_stale(batch):
        messages.error(request, _("This import had stopped and was marked failed; you can try it again."))
    elif not queue_award_import(batch):
        messages.warning(request, _("This import was already confirmed or has errors."))
    return redirect("awards:history_import_status", batch.pk)


@login_required
@require_POST
def history_import_retry(request, pk):
    """Queue a failed import again (a new attempt: the file is checked again first)."""
    batch = get_object_or_404(AwardImport.objects.filter(unit__in=managed_units(request.user)), pk=pk)
    expire_if_stale(batch)
    if not queue_award_import(batch, retry=True):
        messages.warning(request, _("Only an import that failed can be tried again."))
    return redirect("awards:history_import_status", batch.pk)
