"""`manage.py rebuild_member_tallies`: recount every unit's active members and women from the members
(after rows were written around the ORM: a bulk load, a restore, a repair)."""

from django.core.management.base import BaseCommand

from organisations.tallies import rebuild_member_tallies


class Command(BaseCommand):
    help = "Recount the per-unit member tallies from the members."

    def handle(self, *args, **options):
        units = rebuild_member_tallies()
        self.stdout.write(f"Đã đếm lại số đoàn viên của {units} đơn vị.")
