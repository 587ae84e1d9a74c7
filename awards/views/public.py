"""Public comment on the portal (no login): the nominees for orders and state honorary titles
published before the council meets, and a comment form (CSRF, bounded, rate-limited by address;
the address is hashed in the cache only, never stored)."""

import hashlib

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.lockout import client_ip
from awards import selectors, services
from awards.forms import PublicCommentForm
from core.view_helpers import apply_errors

# At most this many comments per address and hour, over every nominee.
COMMENTS_PER_HOUR = 5


def consultation_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "awards/public/consultation_list.html",
        {"consultations": selectors.published_consultations()},
    )


def _over_limit(request: HttpRequest) -> bool:
    address = hashlib.sha256((client_ip(request) or "unknown").encode()).hexdigest()[:32]
    key = f"awards:public-comments:{address}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > COMMENTS_PER_HOUR


def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(selectors.published_consultations(), pk=pk)
    form = PublicCommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _over_limit(request):
            form.add_error(None, _("Too many comments from your address: try again in an hour."))
        else:
            try:
                services.add_public_comment(consultation=consultation, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Thank you: your comment was sent to the council."))
                return redirect("awards:consultation_detail", consultation.pk)
    return render(
        request, "awards/public/consultation_detail.html", {"consultation": consultation, "form": form}
    )
