"""Recipients: the units a document is sent to, chosen by hand or by group."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import permissions
from documents import official
from documents.models import (
    Document,
    Recipient,
)
from documents.recipient_groups import RecipientGroup
from organisations.models import Unit

__all__ = ["choose_recipients", "set_recipients"]


@transaction.atomic
def set_recipients(
    *, actor, document: Document, units: list[Unit], recipients_text: str | None = None
) -> None:
    """The units of ours a draft goes to (each gets an obligation on issue) and, optionally,
    the printed “Nơi nhận” block, where outside bodies are named."""
    if not permissions.can_manage_documents(actor, document.issuer_unit):
        raise PermissionDenied
    if not document.is_editable:
        raise ValidationError(_("The recipients of an issued document cannot change."))
    if any(u.pk == document.issuer_unit_id for u in units):
        raise ValidationError({"units": _("A unit does not send a document to itself.")})
    Recipient.objects.filter(document=document).delete()
    Recipient.objects.bulk_create(
        [Recipient(document=document, unit=u) for u in {u.pk: u for u in units}.values()]
    )
    if recipients_text is not None:
        Document.objects.filter(pk=document.pk).update(recipients_text=recipients_text.strip())
        document.recipients_text = recipients_text.strip()


def choose_recipients(
    *,
    actor,
    document: Document,
    units: list[Unit],
    groups: list[tuple[RecipientGroup, list[Unit]]],
    recipients_text: str = "",
) -> list[Unit]:
    """The recipients page's choice, saved: the units picked (each in the actor's scope and of
    today: an ended one is refused by name) and every unit of the groups ticked. Left empty, the
    “Nơi nhận” block is written: the groups' lines, the units named outside them, the archive
    line. Returns the units chosen."""
    picked = list({u.pk: u for u in units}.values())
    in_scope = set(
        permissions.visible_units(actor).filter(pk__in=[u.pk for u in picked]).values_list("pk", flat=True)
    )
    if outside := [u for u in picked if u.pk not in in_scope]:
        raise ValidationError(
            {"units": _("%(units)s are not in your scope.") % {"units": ", ".join(u.name for u in outside)}}
        )
    if ended := [u for u in picked if not u.is_current()]:
        raise ValidationError(
            {
                "units": _("%(units)s ended and receive no new documents: name the unit that took over.")
                % {"units": ", ".join(f"{u.code} ({u.name})" for u in ended)}
            }
        )
    chosen = {u.pk: u for u in picked}
    for _group, members in groups:
        chosen.update({u.pk: u for u in members})
    text = recipients_text.strip()
    if not text:
        named = [u for u in chosen.values() if not any(u in members for _group, members in groups)]
        text = "\n".join(
            [
                *(group.label for group, _members in groups),
                *[u.display_name for u in named],
                official.DEFAULT_ARCHIVE_LINE,
            ]
        )
    set_recipients(actor=actor, document=document, units=list(chosen.values()), recipients_text=text)
    return list(chosen.values())
