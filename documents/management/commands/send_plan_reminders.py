"""`manage.py send_plan_reminders`: run once a day (cron or a systemd timer). Reminds the units
whose implementing plans are due within three days or overdue; running it again the same day
reminds nobody twice."""

from django.core.management.base import BaseCommand

from documents.tasks import REMIND_DAYS_BEFORE, send_scheduled_reminders


class Command(BaseCommand):
    help = "Remind units whose implementing plans are due soon or late (idempotent per day)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=REMIND_DAYS_BEFORE,
            help="remind this many days before the deadline (default 3)",
        )

    def handle(self, *args, days, **options):
        result = send_scheduled_reminders(days_before=days)
        self.stdout.write(f"Đã nhắc {result['units']} đơn vị về {result['plans']} kế hoạch.")
