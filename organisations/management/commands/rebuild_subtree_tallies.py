"""`manage.py rebuild_subtree_tallies`: recount every subtree tally from the records it counts (after
rows were written around the models: a bulk load, a restore, a repair)."""

from django.core.management.base import BaseCommand

from organisations import subtree_tallies


class Command(BaseCommand):
    help = "Recount every subtree tally (plans, participations, published articles) from the records."

    def handle(self, *args, **options):
        for label, rows in subtree_tallies.rebuild_all().items():
            self.stdout.write(f"{label}: đã đếm lại {rows} dòng (cây đơn vị × năm).")
