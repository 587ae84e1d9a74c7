"""`manage.py load_award_rules`: load or refresh the award rules from awards/rule_texts/."""

from django.core.management.base import BaseCommand

from awards.rules import load_award_rules


class Command(BaseCommand):
    help = "Load rule sets, award forms and base salaries from awards/rule_texts/ (idempotent)."

    def handle(self, *args, **options):
        report = load_award_rules()
        self.stdout.write(
            f"{report.rule_sets} bộ quy tắc, {report.forms} hình thức, "
            f"{report.salaries_added} mức lương cơ sở mới."
        )
        for conflict in report.conflicts:
            self.stderr.write(f"Không sửa mức lương cơ sở đã có: {conflict}")
