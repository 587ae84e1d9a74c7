from accounts.permissions import is_admin


def roles(request):
    """Whether the base layout shows the administration menu (evaluated only if it is shown)."""
    user = getattr(request, "user", None)
    return {"user_is_admin": (lambda: is_admin(user)) if user is not None and user.is_authenticated else False}
