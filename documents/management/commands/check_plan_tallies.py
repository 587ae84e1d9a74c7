"""`manage.py check_plan_tallies`: compare the stored tallies of implementing plans with the obligations
they count, the units' and their subtrees'; exits with status 1 and lists the cells that differ
(repair: `rebuild_plan_tallies`)."""

from django.core.management.base import BaseCommand, CommandError

from documents.tallies import plan_tally_differences, subtree_tally_differences

SHOWN = 20


class Command(BaseCommand):
    help = "Compare the implementing-plan tallies with the obligations; fail on any difference."

    def handle(self, *args, **options):
        differences = plan_tally_differences()
        for (unit, year), stored, counted in differences[:SHOWN]:
            self.stderr.write(
                f"đơn vị {unit}, năm {year}: lưu (giao, đã ban hành) {stored or (0, 0)}, đếm được {counted or (0, 0)}"
            )
        subtrees = subtree_tally_differences()
        for (unit, year), stored, counted in subtrees[:SHOWN]:
            self.stderr.write(
                f"cây đơn vị {unit}, năm {year}: lưu (giao, đã ban hành) {stored or (0, 0)}, đếm được {counted or (0, 0)}"
            )
        if differences or subtrees:
            raise CommandError(
                f"{len(differences) + len(subtrees)} ô sai khác; chạy rebuild_plan_tallies để đếm lại."
            )
        self.stdout.write("Số liệu kế hoạch thực hiện khớp với nghĩa vụ.")
