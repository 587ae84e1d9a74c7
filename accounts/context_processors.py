from accounts.permissions import can_manage_shared_settings, is_admin


def roles(request):
    """Which administration links the base layout shows (each evaluated only if it is shown)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user_is_admin": False, "user_manages_shared_settings": False}
    return {
        "user_is_admin": lambda: is_admin(user),
        "user_manages_shared_settings": lambda: can_manage_shared_settings(user),
    }
