"""Users are listed the Vietnamese way: by given name (tên), then family and middle names, in
Vietnamese alphabetical order ("Đ…" after "D…", before "Z…"; tones after the base letter), on
SQLite and PostgreSQL alike."""

from accounts.models import Role, User
from accounts.testing import user_with_role

NAMES = [
    "Nông Văn Zũng",
    "Lê Thị Đào",
    "Hoàng Văn Dũng",
    "Lý Thị Cà",
    "Bế Văn Ca",
    "Ma Thị Ân",
    "Trần Thị Ánh",
]
ORDER = [
    "Trần Thị Ánh",
    "Ma Thị Ân",
    "Bế Văn Ca",
    "Lý Thị Cà",
    "Hoàng Văn Dũng",
    "Lê Thị Đào",
    "Nông Văn Zũng",
]


def test_the_user_list_sorts_people_by_given_name_in_vietnamese_order(tree, admin_user, client_as):
    for i, name in enumerate(NAMES):
        user_with_role(Role.OFFICER, tree.grassroots_a1, username=f"z{i}", full_name=name)
    page = client_as(admin_user).get("/tai-khoan/nguoi-dung/")
    listed = [u.full_name for u in page.context["page_obj"].object_list if u.full_name in NAMES]
    assert listed == ORDER
    text = page.content.decode()
    assert text.index("Lê Thị Đào") < text.index("Nông Văn Zũng")  # not after "Z…" as code points put it


def test_a_renamed_user_takes_its_new_place_and_a_user_without_a_name_sorts_by_login(tree):
    user = user_with_role(Role.OFFICER, tree.grassroots_a1, username="z1", full_name="Lục Văn Zơ")
    user.full_name = "Lục Văn Đông"
    user.save(update_fields=["full_name"])
    user_with_role(Role.OFFICER, tree.grassroots_a1, username="dung", full_name="")
    user_with_role(Role.OFFICER, tree.grassroots_a1, username="z2", full_name="Hà Thị Dịu")
    ordered = User.objects.filter(username__in=["z1", "dung", "z2"]).order_by("sort_name")
    assert [u.username for u in ordered] == ["z2", "dung", "z1"]
