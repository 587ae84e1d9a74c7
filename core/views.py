import os
from urllib.parse import unquote

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import SuspiciousFileOperation
from django.core.paginator import Paginator
from django.db import connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils._os import safe_join
from django.utils.cache import patch_cache_control
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.models import Notification
from core.signed_in import forget_signed_in


@login_required
def home(request):
    """The start page is the dashboard of the user's own unit."""
    return redirect("reports:dashboard")


@never_cache
def healthz(request):
    """Liveness and database check for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = "ok"
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy
        return JsonResponse({"status": "error", "database": str(exc.__class__.__name__)}, status=503)
    return JsonResponse({"status": "ok", "database": database, "engine": connection.vendor})


@login_required
def notifications(request):
    page = Paginator(Notification.objects.filter(user=request.user), 30).get_page(request.GET.get("page"))
    return render(request, "core/notifications.html", {"page_obj": page})


@login_required
@require_POST
def notifications_read(request):
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    forget_signed_in([request.user.pk])  # the bell's count
    return redirect("core:notifications")


MEDIA_UNQUOTE_ROUNDS = 4  # "%252e%252e" is "%2e%2e" after Django's decoding, ".." after one more


def media_name(path: str) -> str | None:
    """The stored name `path` asks for, or None when it is not a plain relative name: decoded
    until stable (double encoding), then refused on any "..", ".", empty or absolute segment,
    backslash, NUL or other control character. The decision is taken on this name only."""
    for _round in range(MEDIA_UNQUOTE_ROUNDS):
        decoded = unquote(path)
        if decoded == path:
            break
        path = decoded
    else:
        return None  # still encoded after several rounds: nothing we store looks like that
    if not path or path.startswith("/") or "\\" in path or any(ord(c) < 32 or ord(c) == 127 for c in path):
        return None
    segments = path.split("/")
    if any(segment in ("", ".", "..") or ":" in segment for segment in segments):
        return None
    return path


def media(request, path):
    """Serve a stored file that the settings' MEDIA_ACCESS lets this user see (portal images of
    public articles to anyone, of unpublished ones to those who may see the article). Every other
    stored file answers 404 here, signed in or not: evidence, minutes, imports, attachments and
    reports are downloaded through the views of the objects they belong to, which check them."""
    name = media_name(path)
    if name is None:
        raise Http404
    decide = next(
        (
            import_string(dotted)
            for prefix, dotted in settings.MEDIA_ACCESS.items()
            if name.startswith(prefix)
        ),
        None,
    )
    if decide is None or not decide(request.user, name):
        raise Http404
    root = os.path.realpath(settings.MEDIA_ROOT)
    try:
        full_path = os.path.realpath(safe_join(root, name))
    except SuspiciousFileOperation as exc:
        raise Http404 from exc
    if not full_path.startswith(root + os.sep):  # a symbolic link leading out
        raise Http404
    try:
        handle = open(full_path, "rb")  # noqa: SIM115 - FileResponse closes it
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
        raise Http404 from exc
    response = FileResponse(handle)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = (
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
    )
    if request.user.is_authenticated:  # may be an unpublished article's image: no shared cache
        patch_cache_control(response, private=True)
    return response
