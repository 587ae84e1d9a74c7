"""The first administrator of a new installation, with the unit types and the root unit:

    manage.py create_first_admin --username admin --full-name "Nguyễn Văn A" --email a@ldld.vn \\
        --unit-code LDLD-CB --unit-name "Liên đoàn Lao động tỉnh Cao Bằng"

The password is asked twice (or read from THIDUA_ADMIN_PASSWORD, for scripts). The standard
unit types are created when missing; the root unit (a provincial federation by default) when
its code is not used yet. Refused once an administrator exists: later users are created in the
app (Người dùng → Thêm người dùng).
"""

import getpass
import os

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import Role, RoleAssignment, User
from organisations import services
from organisations.demo import UNIT_TYPES, ensure_unit_types
from organisations.models import Unit, UnitType


class Command(BaseCommand):
    help = "Create the first administrator, the standard unit types and the root unit of a new installation."

    def add_arguments(self, parser):
        parser.add_argument("--username", required=True)
        parser.add_argument("--full-name", required=True)
        parser.add_argument("--email", default="")
        parser.add_argument("--unit-code", required=True, help="code of the root unit, e.g. LDLD-CB")
        parser.add_argument("--unit-name", help="name of the root unit (when it does not exist yet)")
        parser.add_argument(
            "--unit-type",
            default="ldld-tinh",
            help="type of the root unit: " + ", ".join(code for code, *_ in UNIT_TYPES),
        )

    def handle(self, *args, username, full_name, email, unit_code, unit_name, unit_type, **options):
        if RoleAssignment.objects.filter(role=Role.ADMIN).exists():
            raise CommandError(
                "An administrator already exists: create users in the app (Người dùng → Thêm người dùng)."
            )
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"The username {username} is already taken.")
        password = os.environ.get("THIDUA_ADMIN_PASSWORD") or self._ask_password()
        user = User(username=username, full_name=full_name, email=email, is_staff=True, is_superuser=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        with transaction.atomic():
            ensure_unit_types()
            unit = Unit.objects.filter(code=unit_code).first()
            if unit is None:
                if not unit_name:
                    raise CommandError(f"No unit has the code {unit_code}: give --unit-name to create it.")
                try:
                    unit = services.create_unit(
                        unit_type=UnitType.objects.get(code=unit_type),
                        parent=None,
                        name=unit_name,
                        code=unit_code,
                    )
                except (UnitType.DoesNotExist, ValidationError) as error:
                    raise CommandError(f"The root unit cannot be created: {error}") from error
            user.home_unit = unit
            user.set_password(password)
            user.save()
            RoleAssignment.objects.create(user=user, unit=unit, role=Role.ADMIN)
        self.stdout.write(
            self.style.SUCCESS(
                f"Administrator {username} of {unit.name} ({unit.code}) created: log in at /tai-khoan/dang-nhap/."
            )
        )

    def _ask_password(self) -> str:
        first = getpass.getpass("Mật khẩu / password: ")
        if first != getpass.getpass("Nhập lại / again: "):
            raise CommandError("The two passwords differ.")
        return first
