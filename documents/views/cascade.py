"""The cascade: the compliance board of a plan, acknowledgements, reminders, and the
implementing plan a recipient starts from its obligation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from accounts import permissions
from core.text import is_id
from documents import selectors, services
from documents.models import Document
from documents.tasks import send_document_reminders
from documents.views.common import document_or_404, obligation_or_404

STATE_CHOICES = [
    ("", gettext_lazy("All")),
    ("done", gettext_lazy("Done")),
    ("acknowledged", gettext_lazy("Acknowledged, plan not issued")),
    ("late", gettext_lazy("Late")),
    ("pending", gettext_lazy("Not acknowledged")),
]


@login_required
def board(request, pk):
    """Who has acknowledged, who has issued their plan, who is late — for any subtree in scope."""
    document = document_or_404(request, pk)
    if document.status != Document.Status.ISSUED:
        messages.info(request, _("The board opens once the document is issued."))
        return redirect("documents:detail", document.pk)
    units = selectors.board_units(request.user, document)
    within = None
    if request.GET.get("unit"):
        if not is_id(request.GET["unit"]):  # an id the database cannot even compare: not found
            raise Http404
        within = get_object_or_404(permissions.visible_units(request.user), pk=request.GET["unit"])
    state = request.GET.get("state", "")
    if state not in dict(STATE_CHOICES):
        state = ""
    obligations = selectors.obligations_in(document, within=within, user=request.user, state=state)
    context = {
        "document": document,
        "rows": selectors.board_rows(obligations),
        "counts": selectors.board_counts(document, within=within, user=request.user),
        "units": units,
        "within": within,
        "state": state,
        "state_choices": STATE_CHOICES,
        "can_remind": permissions.can_remind(request.user, document),
    }
    if request.htmx and request.htmx.target == "board":
        return render(request, "documents/partials/board.html", context)
    return render(request, "documents/board.html", context)


@login_required
@require_POST
def remind(request, pk):
    document = document_or_404(request, pk)
    if not permissions.can_remind(request.user, document):
        raise PermissionDenied
    if "chosen" not in request.POST:
        send_document_reminders.enqueue(document.pk, request.user.pk)
        messages.success(request, _("Reminders are on their way to the units that have not acted yet."))
        return redirect("documents:board", document.pk)
    # the board's checklist: only the units ticked (the service keeps those that still owe something)
    unit_ids = sorted({int(v) for v in request.POST.getlist("unit") if is_id(v)})
    if not unit_ids:
        messages.error(request, _("Tick the units to remind first."))
    else:
        send_document_reminders.enqueue(document.pk, request.user.pk, unit_ids)
        messages.success(
            request,
            ngettext(
                "A reminder is on its way to the unit you chose.",
                "Reminders are on their way to the %(count)d units you chose.",
                len(unit_ids),
            )
            % {"count": len(unit_ids)},
        )
    return redirect("documents:board", document.pk)


@login_required
@require_POST
def acknowledge(request, pk):
    obligation = obligation_or_404(request, pk)
    services.acknowledge(actor=request.user, obligation=obligation)
    messages.success(
        request,
        _("%(unit)s acknowledged %(doc)s.")
        % {"unit": obligation.unit.display_name, "doc": obligation.document.number_symbol},
    )
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("documents:detail", obligation.document_id)


@login_required
@require_POST
def implement(request, pk):
    """“Create our implementing plan”: a draft that reuses the plan received."""
    obligation = obligation_or_404(request, pk)
    draft = services.start_implementing_plan(actor=request.user, obligation=obligation)
    messages.success(
        request,
        _(
            "A draft implementing plan was prepared from %(doc)s. Adapt it to your unit, "
            "choose its recipients and issue it."
        )
        % {"doc": obligation.document.number_symbol},
    )
    if draft.is_editable:
        return redirect("documents:edit", draft.pk)
    return redirect("documents:detail", draft.pk)
