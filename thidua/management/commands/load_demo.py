"""Build the realistic Cao Bằng demo: `manage.py load_demo [--seed N] [--units N] [--members N] [--if-empty]`."""

import importlib
import random
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.demo import DEMO_USERS
from accounts.models import RoleAssignment
from core.demo import DEMO_PASSWORD, DemoContext
from organisations.models import Unit


class Command(BaseCommand):
    help = "Load reproducible demo data (a province, its units, members, users, campaigns...)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2015)
        parser.add_argument("--units", type=int, default=320, help="about how many units in the province")
        parser.add_argument("--members", type=int, default=30000, help="about how many members")
        parser.add_argument("--if-empty", action="store_true", help="do nothing when units already exist")
        parser.add_argument("--only", nargs="*", help="run only these loaders (module names)")

    def handle(self, *args, seed, units, members, if_empty, only, **options):
        if if_empty and Unit.objects.exists():
            self.stdout.write("Dữ liệu đã có sẵn: bỏ qua việc nạp dữ liệu mẫu.")
            self.print_logins()
            return
        ctx = DemoContext(seed=seed, units=units, members=members, rng=random.Random(seed), out=self.stdout)
        # the demo's notifications stay in the app: hundreds of e-mails (printed by the console
        # backend) would bury the logins printed below
        notify_by_email = getattr(settings, "NOTIFY_BY_EMAIL", True)
        settings.NOTIFY_BY_EMAIL = False
        try:
            for module_name in settings.DEMO_LOADERS:
                if only and module_name not in only:
                    continue
                started = time.monotonic()
                module = importlib.import_module(module_name)
                with transaction.atomic():
                    module.load(ctx)
                self.stdout.write(f"  {module_name}: {time.monotonic() - started:.1f}s")
        finally:
            settings.NOTIFY_BY_EMAIL = notify_by_email
        self.print_logins(ctx.logins)

    def print_logins(self, logins=None):
        if logins is None:
            logins = [
                (r.user.username, r.get_role_display(), r.unit.name)
                for r in RoleAssignment.objects.select_related("user", "unit").filter(
                    user__username__in=_demo_usernames()
                )
            ]
        if not logins:
            return
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD} — hãy đổi ngay khi dùng thật):"
            )
        )
        for username, role, unit in logins:
            self.stdout.write(f"  {username:<16} {role} — {unit}")


def _demo_usernames():
    return [u[0] for u in DEMO_USERS]
