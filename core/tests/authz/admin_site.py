"""The Django admin site (`/quan-tri-he-thong/`) in the authorisation matrix.

Only superusers and staff get in: every other user — each role of the matrix, held over a
district, and a user without any role — and an anonymous visitor are sent to the admin's login
page by every admin URL, on GET and on POST, and nothing is written. A staff user without model
permissions opens the index but no model page (403).

The URLs are generated from the admin's registry (every registered model: list, add, change,
delete, history, the history record page of django-simple-history, the user password page) and
the site's own pages; `test_every_admin_url_pattern_is_covered` fails naming any admin URL
pattern no generated URL resolves to (a ModelAdmin that adds URLs of its own must add them here).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse

PREFIX = "/quan-tri-he-thong/"
LOGIN_URL = PREFIX + "login/"

# Who is asked, besides the matrix's roles and the user without a role.
STAFF, SUPERUSER = "staff", "superuser"


@dataclass(frozen=True)
class AdminUrl:
    url: str
    kind: str  # "login", "shortcut" (view_on_site, outside admin_view), "index", "model", "site", "catchall", "logout"


def _object_pk(model):
    obj = model._default_manager.order_by("pk").first()
    return obj.pk if obj is not None else 0


def admin_urls() -> list[AdminUrl]:
    urls = [AdminUrl(reverse("admin:login"), "login"), AdminUrl(reverse("admin:index"), "index")]
    urls.append(
        AdminUrl(reverse("admin:logout"), "logout")
    )  # POST only; admin_view sends others to the index
    for name in ("password_change", "password_change_done", "autocomplete", "jsi18n"):
        urls.append(AdminUrl(reverse(f"admin:{name}"), "site"))
    urls.append(AdminUrl(PREFIX + "khong-co-trang-nay/", "catchall"))  # the admin's final catch-all
    labels = sorted({model._meta.app_label for model in admin.site._registry})
    urls += [AdminUrl(reverse("admin:app_list", kwargs={"app_label": label}), "model") for label in labels]
    some_model = next(iter(admin.site._registry))
    urls.append(
        AdminUrl(
            reverse(
                "admin:view_on_site",
                args=[ContentType.objects.get_for_model(some_model).pk, _object_pk(some_model)],
            ),
            "shortcut",
        )
    )
    for model in admin.site._registry:
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pk = _object_pk(model)
        urls.append(AdminUrl(reverse(f"{info}_changelist"), "model"))
        urls.append(AdminUrl(reverse(f"{info}_add"), "model"))
        for action in ("change", "delete", "history"):
            urls.append(AdminUrl(reverse(f"{info}_{action}", args=[pk]), "model"))
        urls.append(
            AdminUrl(reverse(f"{info}_changelist") + f"{pk}/", "model")
        )  # redirects to the change page
        history = getattr(model, "history", None)
        record = (
            history.filter(**{model._meta.pk.attname: pk}).order_by("history_id").first() if history else None
        )
        try:
            urls.append(
                AdminUrl(
                    reverse(f"{info}_simple_history", args=[pk, record.history_id if record else 0]), "model"
                )
            )
        except NoReverseMatch:
            pass
        if model._meta.label == "accounts.User":
            urls.append(AdminUrl(reverse("admin:auth_user_password_change", args=[pk]), "model"))
    return urls
