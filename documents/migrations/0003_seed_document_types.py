"""The document types thidua starts with (Nghị định 30/2020/NĐ-CP, Phụ lục III, and the
normative types the plans cite). Data, not code: administrators add or rename types later."""

from django.db import migrations

# name, abbreviation, may ask for implementing plans, abbreviation printed in the symbol
DOCUMENT_TYPES = [
    ("Chỉ thị", "CT", True, True),
    ("Kế hoạch", "KH", True, True),
    ("Chương trình", "CTr", True, True),
    ("Quyết định", "QĐ", False, True),
    ("Hướng dẫn", "HD", False, True),
    ("Thông báo", "TB", False, True),
    ("Công văn", "CV", False, False),  # 12/LĐLĐ-CSPL: issuer and drafting office, no type
    ("Báo cáo", "BC", False, True),
    ("Tờ trình", "TTr", False, True),
    ("Nghị quyết", "NQ", False, True),
    ("Nghị định", "NĐ", False, True),
    ("Biên bản", "BB", False, True),
]


def seed(apps, schema_editor):
    DocumentType = apps.get_model("documents", "DocumentType")
    for order, (name, code, is_plan, code_in_symbol) in enumerate(DOCUMENT_TYPES, start=1):
        DocumentType.objects.update_or_create(
            code=code, defaults={"name": name, "is_plan": is_plan, "code_in_symbol": code_in_symbol,
                                 "sort_order": order * 10})


def unseed(apps, schema_editor):
    DocumentType = apps.get_model("documents", "DocumentType")
    DocumentType.objects.filter(code__in=[code for _, code, _, _ in DOCUMENT_TYPES], documents__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("documents", "0002_types_symbols_readings")]

    operations = [migrations.RunPython(seed, unseed)]
