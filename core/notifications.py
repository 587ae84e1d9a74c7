"""Send notifications: one row per user now, e-mail later through the task queue."""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from core.models import Notification
from core.signed_in import forget_signed_in


def notify(users: Iterable, text: str, url: str = "") -> list[Notification]:
    """Create in-app notifications and queue their e-mails once the transaction commits."""
    created = Notification.objects.bulk_create(
        [
            Notification(user=user, text=text[:500], url=url[:300])
            for user in {u.pk: u for u in users}.values()
        ]
    )
    forget_signed_in(n.user_id for n in created)  # the bell counts them on the next page
    ids = [n.pk for n in created if n.pk]
    if ids and getattr(settings, "NOTIFY_BY_EMAIL", True):
        transaction.on_commit(lambda: email_notifications.enqueue(ids))
    return created


@task()
def email_notifications(notification_ids: list[int]) -> int:
    sent = 0
    for notification in Notification.objects.filter(
        pk__in=notification_ids, emailed_at__isnull=True
    ).select_related("user"):
        if not notification.user.email:
            continue
        link = notification.url
        if link.startswith("/"):
            link = settings.SITE_URL.rstrip("/") + link  # e-mail needs the full address
        send_mail(
            "[thidua] " + notification.text[:80],
            f"{notification.text}\n\n{link}",
            settings.DEFAULT_FROM_EMAIL,
            [notification.user.email],
            fail_silently=False,
        )
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent
