"""Pages of signing: the public verification page (/xac-minh/<code>, no login), the public lookup
of awards (/tra-cuu-khen-thuong/, no login), asking for a decision, an issued document or a council
session's minutes to be signed, the download of one signed certificate, and a unit's certificates
(registered by its administrators)."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.lockout import client_ip
from accounts.permissions import (
    can_register_signing_certificate,
    can_sign_decision,
    can_sign_document,
    can_sign_minutes,
    visible_units,
)
from awards import selectors as awards_selectors
from awards.models import Decision
from awards.printing import issued_form_name
from awards.views.common import get_session
from core.text import slugify_vi
from core.view_helpers import PDF, apply_errors, download, message_errors
from documents.views.common import document_or_404
from signing import selectors, services
from signing.forms import AwardLookupForm, IdentityForm, VerifyUploadForm
from signing.models import SignedPdf
from signing.verification import check_upload


def _over_rate(request, scope: str, per_minute: int) -> bool:
    """Requests of one kind per address per minute, counted in the shared cache (nothing else is
    kept): the uploads checked on the verification page, the searches of the public lookup."""
    key = f"signing:{scope}:{client_ip(request) or 'unknown'}:{int(time.time() // 60)}"
    cache.add(key, 0, 90)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        count = 1
    return count > per_minute


def _portal_context() -> dict:
    from publishing.models import Category

    return {
        "categories": list(Category.objects.all()),
        "organisation_name": settings.THIDUA_ORGANISATION_NAME,
    }


def verify(request, code: str):
    signed = selectors.verification(code)
    if signed is None:
        return render(
            request, "signing/verify_unknown.html", {"code": code[:40], **_portal_context()}, status=404
        )
    form = VerifyUploadForm(request.POST, request.FILES) if request.method == "POST" else VerifyUploadForm()
    check = None
    status = 200
    if request.method == "POST":
        if _over_rate(request, "verify", settings.SIGNING_VERIFY_PER_MINUTE):
            form.add_error(None, _("Too many checks from your address: wait a minute and try again."))
            status = 429
        elif form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > settings.SIGNING_VERIFY_MAX_MB * 1024 * 1024:
                data = b"\0" * (settings.SIGNING_VERIFY_MAX_MB * 1024 * 1024 + 1)  # refused by size
            else:
                data = upload.read()
            check = check_upload(signed, data)
    return render(
        request,
        "signing/verify.html",
        {
            "signed": signed,
            "facts": selectors.public_facts(signed),
            "form": form,
            "check": check,
            **_portal_context(),
        },
        status=status,
    )


LOOKUP_PAGE_SIZE = 20


def lookup(request):
    """The public lookup of awards on the portal (tra cứu khen thưởng), no login: by name and
    unit, with or without diacritics; only what each award's verification page shows."""
    form = AwardLookupForm(request.GET if request.GET else None)
    page = None
    rows: list = []
    status = 200
    if form.has_query():
        if _over_rate(request, "lookup", settings.SIGNING_LOOKUP_PER_MINUTE):
            form.add_error(None, _("Too many searches from your address: wait a minute and try again."))
            status = 429
        else:
            records = selectors.public_awards(name=form.cleaned_data["name"], unit=form.cleaned_data["unit"])
            page = Paginator(records, LOOKUP_PAGE_SIZE).get_page(request.GET.get("page"))
            # each award with its form as the decision prints it (the issuing body's own name)
            rows = [(record, issued_form_name(record.form, record.decision.deciding_unit)) for record in page]  # type: ignore[union-attr]  # public_awards keeps decided awards only
    return render(
        request,
        "signing/lookup.html",
        {"form": form, "page_obj": page, "rows": rows, **_portal_context()},
        status=status,
    )


def _decision(request, pk) -> Decision:
    try:
        return awards_selectors.decision_detail(request.user, pk)
    except Decision.DoesNotExist as exc:
        raise Http404 from exc


@login_required
@require_POST
def sign_decision(request, pk):
    decision = _decision(request, pk)
    if not can_sign_decision(request.user, decision.deciding_unit):
        raise PermissionDenied
    try:
        queued = services.request_signing(actor=request.user, decision=decision)
    except ValidationError as exc:
        message_errors(request, exc)
    else:
        messages.success(
            request,
            _("%(count)d files are being signed; the page shows them when they are ready.")
            % {"count": queued},
        )
    return redirect("awards:decision_detail", decision.pk)


def _queued(request, call) -> None:
    try:
        call()
    except ValidationError as exc:
        message_errors(request, exc)
    else:
        messages.success(request, _("The file is being signed; the page shows it when it is ready."))


@login_required
@require_POST
def sign_document(request, pk):
    document = document_or_404(request, pk)
    if not can_sign_document(request.user, document):
        raise PermissionDenied
    _queued(request, lambda: services.request_document_signing(actor=request.user, document=document))
    return redirect("documents:detail", document.pk)


@login_required
@require_POST
def sign_minutes(request, pk):
    session = get_session(request, pk)
    if not can_sign_minutes(request.user, session):
        raise PermissionDenied
    _queued(request, lambda: services.request_minutes_signing(actor=request.user, session=session))
    return redirect("awards:session_detail", session.pk)


@login_required
def certificate_file(request, pk):
    signed = get_object_or_404(
        SignedPdf, pk=pk, kind=SignedPdf.Kind.CERTIFICATE, status=SignedPdf.Status.SIGNED
    )
    decision = _decision(request, signed.decision_id)
    assert signed.record is not None, "a certificate names its record (a database constraint)"
    name = f"bang-khen-{slugify_vi(decision.number_symbol)}-{slugify_vi(signed.record.holder_name)}.pdf"
    return download(signed.file.open("rb"), name, PDF)


@login_required
def unit_identities(request, pk):
    """A unit's signing certificates, and registering one (its administrators)."""
    unit = get_object_or_404(visible_units(request.user), pk=pk)
    if not can_register_signing_certificate(request.user, unit):
        raise PermissionDenied
    form = IdentityForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            identity = services.register_identity(
                actor=request.user,
                unit=unit,
                kind=data["kind"],
                source=data["source"],
                upload=data["pkcs12"],
                passphrase=data["passphrase"],
                key_label=data["key_label"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("The certificate of %(holder)s is registered: %(unit)s signs with it from now on.")
                % {"holder": identity.holder_name, "unit": unit.name},
            )
            return redirect("signing:unit_identities", unit.pk)
    return render(
        request,
        "signing/unit_identities.html",
        {"unit": unit, "form": form, "identities": selectors.unit_identities(unit)},
    )
