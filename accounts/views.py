from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from accounts import lockout, services
from accounts.forms import CheckedPasswordChangeForm, LoginForm, RoleForm, UserCreateForm
from accounts.http import AuthenticatedHttpRequest
from accounts.models import ApiToken, Role, RoleAssignment
from accounts.permissions import can_manage_users, can_view_tree_history, visible_units
from accounts.selectors import recent_changes, users_in_scope


def login_view(request):
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.log_in(request, form.cleaned_data["username"], form.cleaned_data["password"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            login(request, user)
            target = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
                target = "/"
            return redirect(target or "/")
    return render(request, "accounts/login.html", {"form": form})


@require_POST
def logout_view(request):
    logout(request)
    messages.info(request, _("You have logged out."))
    return redirect("accounts:login")


@login_required
def password_change(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = CheckedPasswordChangeForm(request.user, request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        messages.success(request, _("Your password has been changed."))
        return redirect("core:home")
    return render(request, "accounts/password_change.html", {"form": form})


def _require_user_admin(request: AuthenticatedHttpRequest) -> None:
    if not can_manage_users(request.user):
        raise PermissionDenied


@login_required
def user_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_user_admin(request)
    page = Paginator(users_in_scope(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html", {"page_obj": page})


@login_required
def user_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_user_admin(request)
    units = visible_units(request.user, {Role.ADMIN}).current()  # roles are given on units that exist
    form = UserCreateForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.create_user(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("User %(name)s was created.") % {"name": user})
            return redirect("accounts:user_detail", user.pk)
    return render(request, "accounts/user_form.html", {"form": form})


@login_required
def user_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    _require_user_admin(request)
    user = get_object_or_404(users_in_scope(request.user), pk=pk)
    units = visible_units(request.user, {Role.ADMIN}).current()  # roles are given on units that exist
    form = RoleForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        services.grant_role(actor=request.user, user=user, **form.cleaned_data)
        messages.success(request, _("The role was granted."))
        return redirect("accounts:user_detail", user.pk)
    return render(request, "accounts/user_detail.html", {"subject": user, "form": form})


@login_required
@require_POST
def role_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    _require_user_admin(request)
    assignment = get_object_or_404(
        RoleAssignment.objects.filter(unit__in=visible_units(request.user, {Role.ADMIN})), pk=pk
    )
    services.revoke_role(actor=request.user, assignment=assignment)
    messages.success(request, _("The role was removed."))
    return redirect("accounts:user_detail", assignment.user_id)


@login_required
def history(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not can_view_tree_history(request.user):
        raise PermissionDenied
    return render(request, "accounts/history.html", {"changes": recent_changes(150)})


@login_required
def api_tokens(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The user's own API tokens; a new key is shown once and never stored in clear."""
    new_key = None
    if request.method == "POST":
        if "delete" in request.POST:
            ApiToken.objects.filter(user=request.user, pk=request.POST["delete"]).delete()
            messages.success(request, _("The token was deleted."))
            return redirect("accounts:api_tokens")
        name = (request.POST.get("name") or "").strip()[:80]
        if not name:
            messages.error(request, _("Give the token a name, e.g. the program that will use it."))
        else:
            _token, new_key = ApiToken.issue(request.user, name)
    tokens = ApiToken.objects.filter(user=request.user).order_by("-created_at")
    return render(request, "accounts/api_tokens.html", {"tokens": tokens, "new_key": new_key})


@require_POST
def choose_language(request) -> HttpResponse:
    """The language switch (user menu, footer): Django's set_language sets the cookie and goes back;
    a signed-in user's choice is also saved on the profile (core.middleware.LanguageMiddleware)."""
    response = set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in {code for code, _name in settings.LANGUAGES}:
        services.choose_language(user=request.user, language=language)
    return response


def lockout_response(request, original_response=None, credentials=None):
    """What a locked-out request gets: the API a JSON 429; a page that already shows the message
    in its own form (the login page, the password change) keeps it; any other login form (the
    admin site's) the login page with the message in Vietnamese — never axes' English 403."""
    reason = getattr(request, "thidua_lockout_reason", None)
    text = lockout.message(reason)
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": text, "code": reason or lockout.LOCKED}, status=429)
    if original_response is not None and getattr(request, "thidua_lockout_shown", False):
        original_response.status_code = 429
        return original_response
    form = LoginForm(initial={"username": request.POST.get("username", "")[:150]})
    return render(request, "accounts/login.html", {"form": form, "lockout_message": text}, status=429)
