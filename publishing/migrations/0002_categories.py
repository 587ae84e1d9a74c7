"""The news categories the federation uses; editors may add more in the admin."""

from django.db import migrations

CATEGORIES = [
    ("Người tốt, việc tốt", "nguoi-tot-viec-tot", "Những tấm gương bình dị mà cao đẹp trong đoàn viên, người lao động.", 1),
    ("Mô hình hay, điển hình tiên tiến", "mo-hinh-hay", "Cách làm hay, sáng kiến và điển hình tiên tiến được nhân rộng.", 2),
    ("Hoạt động công đoàn", "hoat-dong-cong-doan", "Tin hoạt động của các cấp công đoàn trong tỉnh.", 3),
    ("Thi đua, khen thưởng", "thi-dua-khen-thuong", "Phong trào thi đua và kết quả khen thưởng.", 4),
]


def add_categories(apps, schema_editor):
    Category = apps.get_model("publishing", "Category")
    for name, slug, description, order in CATEGORIES:
        Category.objects.get_or_create(slug=slug, defaults={"name": name, "description": description, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("publishing", "0001_initial")]

    operations = [migrations.RunPython(add_categories, migrations.RunPython.noop)]
