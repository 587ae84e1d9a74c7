from django.core import mail

from core.models import Notification
from core.notifications import notify


def test_a_notification_shows_in_the_app_and_is_emailed(
    admin_user, client_as, django_capture_on_commit_callbacks
):
    admin_user.email = "admin@example.org"
    admin_user.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify([admin_user], "LĐLĐ huyện Hòa An đã ban hành kế hoạch", "/van-ban/1/")
    client = client_as(admin_user)
    page = client.get("/thong-bao/").content.decode()
    assert "LĐLĐ huyện Hòa An đã ban hành kế hoạch" in page
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["admin@example.org"]
    assert "http://127.0.0.1:8000/van-ban/1/" in mail.outbox[0].body
    client.post("/thong-bao/da-doc/")
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_users_only_see_their_own_notifications(admin_user, officer_a, client_as):
    notify([officer_a], "Nhắc việc riêng")
    assert "Nhắc việc riêng" not in client_as(admin_user).get("/thong-bao/").content.decode()
