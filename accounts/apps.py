from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"

    def ready(self) -> None:
        from accounts.models import RoleAssignment, User

        # a signed-in user kept in the cache (core.signed_in) is forgotten when they or their roles change
        for signal in (post_save, post_delete):
            signal.connect(_user_changed, sender=User, dispatch_uid=f"signed-in-user-{signal}")
            signal.connect(_role_changed, sender=RoleAssignment, dispatch_uid=f"signed-in-role-{signal}")


def _user_changed(sender, instance, **kwargs) -> None:
    from core.signed_in import forget_signed_in

    forget_signed_in([instance.pk])


def _role_changed(sender, instance, **kwargs) -> None:
    from core.signed_in import forget_signed_in

    forget_signed_in([instance.user_id])
