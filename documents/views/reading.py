"""Reading an existing document: upload or paste, review what was read, save."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions
from core.text import is_id
from core.view_helpers import apply_errors
from documents import reading as reading_service
from documents.forms import BasisFormSet, ReadingForm, ReviewForm
from documents.models import Document, ExternalBody, Reading
from documents.views.common import reading_or_404
from organisations.models import Unit


@login_required
def read(request):
    if not permissions.can_record_documents(request.user):
        raise PermissionDenied
    form = ReadingForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            reading = reading_service.read_upload(
                actor=request.user, file=form.cleaned_data["file"], text=form.cleaned_data["text"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return redirect("documents:review", reading.pk)
    return render(request, "documents/reading_upload.html", {"form": form})


@login_required
def review(request, pk):
    reading = reading_or_404(request, pk)
    if reading.status == Reading.Status.READING:
        return render(request, "documents/reading_wait.html", {"reading": reading})
    if reading.status == Reading.Status.FAILED:
        response = render(request, "documents/reading_failed.html", {"reading": reading})
        reading_service.discard_reading(reading)  # told once; nothing of it is kept
        return response
    proposal = reading_service.proposal(reading, request.user)
    issuers: QuerySet[Unit] | list[Unit] = permissions.managed_units(request.user).order_by("path")
    matched_unit = proposal["issuer"].unit
    if matched_unit is not None and matched_unit not in issuers:
        issuers = list(issuers) + [matched_unit]
    units, issuer_unit = proposal["candidate_units"], matched_unit
    if request.method == "POST":
        chosen_issuer = request.POST.get("issuer", "")
        if chosen_issuer.startswith("unit:") and chosen_issuer != proposal["initial"]["issuer"]:
            issuer_unit = (
                Unit.objects.filter(pk=chosen_issuer[5:]).first() if is_id(chosen_issuer[5:]) else None
            )
            units = reading_service.candidate_recipients(issuer_unit)
    seen = (
        issuer_unit is not None and permissions.visible_units(request.user).filter(pk=issuer_unit.pk).exists()
    )
    form = ReviewForm(
        request.POST or None,
        initial=proposal["initial"],
        issuers=issuers,
        bodies=ExternalBody.objects.all(),
        units=units,
        units_within=issuer_unit if seen else None,
    )
    formset = BasisFormSet(
        request.POST or None,
        prefix="bases",
        initial=[{k: v for k, v in b.items() if k != "matched"} for b in proposal["bases"]],
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            document = _save(request, reading, form, formset)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("%(doc)s was saved to the registry.") % {"doc": document})
            return redirect("documents:detail", document.pk)
    rows = list(zip(formset.forms, proposal["bases"] + [None] * len(formset.forms), strict=False))
    return render(
        request,
        "documents/reading_review.html",
        {
            "reading": reading,
            "form": form,
            "formset": formset,
            "basis_rows": rows,
            "proposal": proposal,
            "has_recipient_units": units.exists(),
            "pages": reading_service.shown_pages(reading),
        },
    )


def _save(request, reading, form, formset) -> Document:
    data = dict(form.cleaned_data)
    entries = []
    for row in formset.cleaned_data:
        if not row or not row.get("include"):
            continue
        existing = None
        if row.get("match"):
            existing = (
                reading_service.visible_documents(request.user, lookup=True).filter(pk=row["match"]).first()
            )
        entries.append(
            reading_service.BasisEntry(
                doc_type=reading_service.type_for(row.get("doc_type"), row["number_symbol"]),
                number_symbol=row["number_symbol"],
                issued_on=row.get("issued_on"),
                issuer_name=row.get("issuer_name", ""),
                existing=existing,
            )
        )
    recipient_units = data.pop("recipient_units")
    return reading_service.save_reading(
        actor=request.user,
        reading=reading,
        bases=entries,
        recipient_units=recipient_units,
        **data,
    )


@login_required
@require_POST
def discard(request, pk):
    reading_service.discard_reading(reading_or_404(request, pk))
    messages.info(request, _("The reading was discarded; nothing was saved."))
    return redirect("documents:index")


@login_required
def page_image(request, pk, page):
    """A page of the uploaded PDF as a PNG, shown beside what was read."""
    reading = reading_or_404(request, pk)
    image = reading_service.reading_page_image(reading, page - 1)
    if image is None:
        raise Http404
    response = HttpResponse(content_type="image/png")
    image.save(response, "PNG", optimize=True)
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def original(request, pk):
    """The upload as it was sent, to open in the browser's own viewer."""
    reading = reading_or_404(request, pk)
    if not reading.file:
        raise Http404
    return FileResponse(reading.file.open("rb"), filename=reading.original_name, as_attachment=False)
