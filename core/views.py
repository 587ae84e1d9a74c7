from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db import connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils._os import safe_join
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.models import Notification


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
    return redirect("core:notifications")


PUBLIC_MEDIA_PREFIXES = ("publishing/articles/",)


def media(request, path):
    """Serve an uploaded file. Portal images are public; evidence, minutes, imports and
    attachments only to signed-in users (the pages that link them check the object)."""
    if not path.startswith(PUBLIC_MEDIA_PREFIXES) and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    try:
        full_path = safe_join(settings.MEDIA_ROOT, path)
    except Exception as exc:  # a path that escapes MEDIA_ROOT
        raise Http404 from exc
    try:
        handle = open(full_path, "rb")  # noqa: SIM115 - FileResponse closes it
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
        raise Http404 from exc
    response = FileResponse(handle)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
    return response
