"""The standing movements (phong trào thi đua thường xuyên) campaigns link to: data, not code."""

from django.db import migrations

MOVEMENTS = [
    ("lao-dong-gioi-sang-tao", "Lao động giỏi, lao động sáng tạo"),
    ("xanh-sach-dep-atvsld", "Xanh – Sạch – Đẹp, bảo đảm an toàn vệ sinh lao động"),
    ("gioi-viec-nuoc-dam-viec-nha", "Giỏi việc nước, đảm việc nhà"),
    ("hoc-tap-lam-theo-ho-chi-minh", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("cao-bang-nong-thon-moi", "Cao Bằng chung sức xây dựng nông thôn mới"),
]


def seed(apps, schema_editor):
    Movement = apps.get_model("campaigns", "Movement")
    for order, (code, name) in enumerate(MOVEMENTS, start=1):
        Movement.objects.get_or_create(code=code, defaults={"name": name, "sort_order": order, "is_standing": True})


def unseed(apps, schema_editor):
    apps.get_model("campaigns", "Movement").objects.filter(code__in=[code for code, _ in MOVEMENTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
