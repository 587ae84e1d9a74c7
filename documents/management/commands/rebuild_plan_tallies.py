"""`manage.py rebuild_plan_tallies`: recount the per-unit, per-year tallies of implementing plans from
the obligations, and their subtrees' sums (after rows were written without the services: a bulk load,
a restore, a repair)."""

from django.core.management.base import BaseCommand

from documents.tallies import rebuild_plan_tallies


class Command(BaseCommand):
    help = "Recount the implementing-plan tallies of every unit and year from the obligations."

    def handle(self, *args, **options):
        cells = rebuild_plan_tallies()
        self.stdout.write(f"Đã đếm lại {cells} ô (đơn vị × năm).")
