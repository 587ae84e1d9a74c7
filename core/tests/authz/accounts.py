"""accounts: login, password, API tokens, users and roles (administrators of a subtree only)."""

from core.tests.authz import ADMINS, ANY_USER, NOBODY, PUBLIC, Page


def build(world):
    from accounts.models import ApiToken

    # another user's token must never be listed (or deletable) for anyone else
    ApiToken.issue(world.foreign.colleague, "TOKEN-FOREIGN-B")
    world.foreign.markers.append("TOKEN-FOREIGN-B")


ENTRIES = [
    Page("accounts:login", allow=ANY_USER, anonymous=PUBLIC, scoped=False),
    Page("accounts:logout", method="post", allow=ANY_USER, anonymous=PUBLIC, scoped=False),
    Page("accounts:password_change", allow=ANY_USER, scoped=False),
    Page(
        "accounts:api_tokens", allow=ANY_USER, scoped=False, note="each user sees and deletes only their own"
    ),
    Page(
        "accounts:api_tokens",
        method="post",
        data=lambda w, s: {"name": "báo cáo"},
        allow=ANY_USER,
        scoped=False,
    ),
    Page("accounts:user_list", allow=ADMINS, scoped=False, note="lists only users of the admin's subtree"),
    Page("accounts:user_create", allow=ADMINS, scoped=False),
    Page("accounts:user_detail", kwargs=lambda s: {"pk": s.colleague.pk}, allow=ADMINS),
    Page("accounts:role_revoke", kwargs=lambda s: {"pk": s.role_assignment.pk}, method="post", allow=ADMINS),
    # the change history of the whole tree: administrators of its root only (accounts/tests/test_shared_settings.py)
    Page("accounts:history", allow=NOBODY, scoped=False),
]
