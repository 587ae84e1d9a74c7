"""`manage.py check_subtree_tallies`: compare every subtree tally (core/subtree_tallies.py: plans,
participations, published articles) with the records it counts; exits with status 1 and lists the
rows that differ (repair: `rebuild_subtree_tallies`)."""

from django.core.management.base import BaseCommand, CommandError

from organisations import subtree_tallies

SHOWN = 20


class Command(BaseCommand):
    help = "Compare every subtree tally with the records it counts; fail on any difference."

    def handle(self, *args, **options):
        wrong = 0
        for model in subtree_tallies.tally_models():
            differences = subtree_tallies.differences(model)
            wrong += len(differences)
            counts = ", ".join(model.COUNTS)
            for (unit, year), stored, counted in differences[:SHOWN]:
                self.stderr.write(
                    f"{model._meta.label} — cây đơn vị {unit}, năm {year}: lưu ({counts}) {stored}, "
                    f"đếm được {counted}"
                )
        if wrong:
            raise CommandError(f"{wrong} dòng sai khác; chạy rebuild_subtree_tallies để đếm lại.")
        self.stdout.write("Số liệu cộng dồn theo cây đơn vị khớp với hồ sơ.")
