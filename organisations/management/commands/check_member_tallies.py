"""`manage.py check_member_tallies`: compare the stored per-unit member tallies with the members they
count; exits with status 1 and lists the units that differ (repair: `rebuild_member_tallies`)."""

from django.core.management.base import BaseCommand, CommandError

from organisations.tallies import member_tally_differences

SHOWN = 20


class Command(BaseCommand):
    help = "Compare the per-unit member tallies with the members; fail on any difference."

    def handle(self, *args, **options):
        differences = member_tally_differences()
        for unit, stored, counted in differences[:SHOWN]:
            self.stderr.write(
                f"đơn vị {unit}: lưu (đang sinh hoạt, nữ) {stored or (0, 0)}, đếm được {counted or (0, 0)}"
            )
        if differences:
            raise CommandError(f"{len(differences)} đơn vị sai khác; chạy rebuild_member_tallies để đếm lại.")
        self.stdout.write("Số đoàn viên lưu theo đơn vị khớp với danh sách đoàn viên.")
