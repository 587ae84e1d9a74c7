"""Writes of signing: asking for a decision's files to be signed."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import permissions
from awards.models import Decision
from signing.models import SignedPdf, SigningIdentity

__all__ = ["queue_signing", "request_signing"]


def _queue(decision: Decision, actor) -> int:
    """Pending rows for the decision and each award not yet signed, and the task on commit."""
    wanted: list[tuple[str, int | None]] = [(SignedPdf.Kind.DECISION, None)]
    wanted += [(SignedPdf.Kind.CERTIFICATE, pk) for pk in decision.records.values_list("pk", flat=True)]
    existing: dict[tuple[str, int | None], str] = {
        (kind, record_id): status
        for kind, record_id, status in decision.signed_pdfs.values_list("kind", "record_id", "status")
    }
    queued = 0
    for kind, record_id in wanted:
        status = existing.get((kind, record_id))
        if status == SignedPdf.Status.SIGNED:
            continue
        if status is None:
            SignedPdf.objects.create(kind=kind, decision=decision, record_id=record_id, requested_by=actor)
        else:
            SignedPdf.objects.filter(decision=decision, kind=kind, record_id=record_id).update(
                status=SignedPdf.Status.PENDING, error=""
            )
        queued += 1
    if queued:
        from signing.tasks import sign_decision

        transaction.on_commit(lambda: sign_decision.enqueue(decision.pk))
    return queued


def queue_signing(*, decision: Decision, actor=None) -> int:
    """Called when a decision is issued: its files are signed in the task worker when the deciding
    unit holds a signing certificate (otherwise nothing happens, and the decision is printed
    unsigned as before)."""
    if decision.status != Decision.Status.ISSUED:
        return 0
    holds = SigningIdentity.objects.filter(
        unit_id=decision.deciding_unit_id, kind=SigningIdentity.Kind.PERSON, active=True
    ).exists()
    return _queue(decision, actor) if holds else 0


@transaction.atomic
def request_signing(*, actor, decision: Decision) -> int:
    """Sign (or sign again, after a failure) what of a decision in force is not signed yet."""
    decision = Decision.objects.select_for_update(of=("self",)).get(pk=decision.pk)
    if not permissions.can_sign_decision(actor, decision.deciding_unit):
        raise PermissionDenied
    if decision.status != Decision.Status.ISSUED:
        raise ValidationError(
            _("Only a decision in force is signed; a corrected decision is signed as a new one.")
        )
    if not SigningIdentity.objects.filter(
        unit_id=decision.deciding_unit_id, kind=SigningIdentity.Kind.PERSON, active=True
    ).exists():
        raise ValidationError(
            _("%(unit)s holds no signing certificate: ask the administrator to register one.")
            % {"unit": decision.deciding_unit.name}
        )
    queued = _queue(decision, actor)
    if not queued:
        raise ValidationError(_("Every file of this decision is already signed."))
    return queued
