"""Pages of award decisions: issuing, the list, printing, revoking, correcting; certificate layouts."""

from collections.abc import Callable
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import can_manage_award_rules, can_manage_awards, can_sign_decision
from awards import money, printing, selectors, services
from awards.forms import CertificateTemplateForm, DecisionForm, RevokeForm
from awards.models import Decision
from awards.views.common import council_unit, get_decision, get_session
from core.text import slugify_vi
from core.view_helpers import DOCX, PDF, apply_errors, download, message_errors
from documents.rendering.certificates import PLACEHOLDERS
from signing import selectors as signing_selectors
from signing.models import SignedPdf


def _decision_form(request, session, *, correcting=None):
    unit = session.deciding_unit if session else correcting.deciding_unit
    approved = selectors.decidable_nominations(unit, session=session, correcting=correcting)
    templates = selectors.certificate_templates(unit)
    initial = {"nominations": approved, "signer_position": "CHỦ TỊCH"}
    if correcting is not None:
        document = correcting.document
        initial.update(
            signer_name=document.signer_name,
            signer_position=document.signer_position,
            summary=document.summary,
            certificate_template=correcting.certificate_template,
        )
    return unit, DecisionForm(
        request.POST or None,
        nominations=approved,
        templates=templates,
        correcting=correcting is not None,
        initial=initial,
    )


def _missing_money(form: DecisionForm, exc: ValidationError) -> list[money.MissingMoney]:
    """When the rules give no prize money for some awards: which ones (shown with a link to enter
    it), and the checkbox to issue without it."""
    if "issue_without_money" not in getattr(exc, "error_dict", {}):
        return []
    form.ask_to_confirm_missing_money()
    data = form.cleaned_data
    by_code = {f.code: f for f in services.rule_set_on(data["decided_on"]).forms.all()}
    return money.missing_prize_money(list(data["nominations"]), by_code)


def _without_missing_money(exc: ValidationError, missing: list[money.MissingMoney]) -> ValidationError:
    """The missing prize money is shown in its own card above the form, not again beside the checkbox."""
    if not missing:
        return exc
    rest = {field: errors for field, errors in exc.error_dict.items() if field != "issue_without_money"}
    return ValidationError(rest) if rest else ValidationError({})


# What issuing and correcting a decision both take from the decision form, as it names them.
_DECISION_TERMS = (
    "decided_on",
    "summary",
    "signer_position",
    "signer_name",
    "certificate_template",
    "issue_without_money",
)


def _write_decision(
    form: DecisionForm, write: Callable[..., Decision]
) -> tuple[Decision | None, list[money.MissingMoney]]:
    """Issue (or correct) the decision with the form's terms; on a refusal, None, the errors beside
    their fields and the awards the rules give no prize money for."""
    data = form.cleaned_data
    terms = {name: data[name] for name in _DECISION_TERMS}
    try:
        return write(nominations=list(data["nominations"]), **terms), []
    except ValidationError as exc:
        missing = _missing_money(form, exc)
        apply_errors(form, _without_missing_money(exc, missing))
        return None, missing


def _render_decision_form(request, form, title, subtitle, missing):
    return render(
        request,
        "awards/decision_form.html",
        {
            "form": form,
            "title": title,
            "subtitle": subtitle,
            "missing_money": missing,
            "can_enter_money": can_manage_award_rules(request.user),
        },
    )


@login_required
def decision_create(request, pk):
    session = get_session(request, pk)
    if not can_manage_awards(request.user, session.deciding_unit):
        raise PermissionDenied
    unit, form = _decision_form(request, session)
    missing: list[money.MissingMoney] = []
    if request.method == "POST" and form.is_valid():
        decision, missing = _write_decision(
            form, partial(services.issue_decision, actor=request.user, deciding_unit=unit)
        )
        if decision is not None:
            messages.success(
                request, _("Decision %(number)s was issued.") % {"number": decision.number_symbol}
            )
            return redirect("awards:decision_detail", decision.pk)
    return _render_decision_form(request, form, _("Issue the award decision"), str(session), missing)


@login_required
def decision_list(request):
    decisions = selectors.visible_decisions(request.user).select_related("document", "deciding_unit")
    page = Paginator(decisions, 50).get_page(request.GET.get("page"))
    return render(request, "awards/decision_list.html", {"page_obj": page})


@login_required
def decision_detail(request, pk):
    decision = get_decision(request, pk)
    records = list(decision.records.select_related("form"))
    for record in records:  # the form as the decision names it (its issuer's own name)
        record.issued_form_name = printing.issued_form_name(record.form, decision.deciding_unit)
    return render(
        request,
        "awards/decision_detail.html",
        {
            "decision": decision,
            "records": records,
            "can_manage": decision.status == Decision.Status.ISSUED
            and can_manage_awards(request.user, decision.deciding_unit),
            "revoke_form": RevokeForm(),
            "replaced_by": selectors.replacing_decision(decision),
            "signing": signing_selectors.decision_signing(decision),
            "can_sign": decision.status == Decision.Status.ISSUED
            and can_sign_decision(request.user, decision.deciding_unit),
        },
    )


def _signed_pdf(decision):
    """Once the decision is signed, only the signed file is offered (signing/)."""
    signed = signing_selectors.signed_file(decision, SignedPdf.Kind.DECISION, signed_only=True)
    if signed is None:
        return None
    return download(signed.file.open("rb"), f"quyet-dinh-{slugify_vi(decision.number_symbol)}.pdf", PDF)


@login_required
def decision_docx(request, pk):
    decision = get_decision(request, pk)
    if (signed := _signed_pdf(decision)) is not None:
        return signed
    return download(
        printing.decision_docx(decision), f"quyet-dinh-{slugify_vi(decision.number_symbol)}.docx", DOCX
    )


@login_required
def decision_pdf(request, pk):
    decision = get_decision(request, pk)
    if (signed := _signed_pdf(decision)) is not None:
        return signed
    return download(
        printing.decision_pdf(decision), f"quyet-dinh-{slugify_vi(decision.number_symbol)}.pdf", PDF
    )


@login_required
def decision_certificates(request, pk):
    decision = get_decision(request, pk)
    signed = signing_selectors.signed_certificates(decision)
    if signed:  # signed certificates cannot be merged into one PDF without breaking their signatures
        return download(
            signing_selectors.certificates_zip(signed),
            f"bang-khen-{slugify_vi(decision.number_symbol)}.zip",
            "application/zip",
        )
    return download(
        printing.certificates_pdf(decision), f"bang-khen-{slugify_vi(decision.number_symbol)}.pdf", PDF
    )


@login_required
@require_POST
def decision_revoke(request, pk):
    decision = get_decision(request, pk)
    if not can_manage_awards(request.user, decision.deciding_unit):
        raise PermissionDenied
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for revoking the decision."))
        return redirect("awards:decision_detail", decision.pk)
    try:
        services.revoke_decision(actor=request.user, decision=decision, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        message_errors(request, exc)
    else:
        messages.success(request, _("The decision was revoked; its awards no longer count."))
    return redirect("awards:decision_detail", decision.pk)


@login_required
def decision_correct(request, pk):
    decision = get_decision(request, pk)
    if not can_manage_awards(request.user, decision.deciding_unit):
        raise PermissionDenied
    _unit, form = _decision_form(request, None, correcting=decision)
    missing: list[money.MissingMoney] = []
    if request.method == "POST" and form.is_valid():
        write = partial(
            services.correct_decision,
            actor=request.user,
            decision=decision,
            reason=form.cleaned_data["reason"],
        )
        new, missing = _write_decision(form, write)
        if new is not None:
            messages.success(
                request,
                _("Decision %(number)s replaces %(old)s.")
                % {"number": new.number_symbol, "old": decision.number_symbol},
            )
            return redirect("awards:decision_detail", new.pk)
    return _render_decision_form(request, form, _("Correct the decision"), str(decision), missing)


@login_required
def certificate_templates(request):
    unit = council_unit(request)
    form = CertificateTemplateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_certificate_template(
                actor=request.user, unit=unit, name=form.cleaned_data["name"], html=form.cleaned_data["html"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The certificate layout was saved."))
            return redirect("awards:certificate_templates")

    return render(
        request,
        "awards/certificate_templates.html",
        {
            "form": form,
            "unit": unit,
            "templates": selectors.certificate_templates(unit),
            "placeholders": PLACEHOLDERS,
        },
    )
