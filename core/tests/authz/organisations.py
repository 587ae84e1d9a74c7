"""organisations: the tree, unit types, members, member import and export, and their API.

Own objects: district A and its grassroots union A1 (a member, an import); foreign: B and B1."""

from core.tests.authz import ADMINS, ANY_ROLE, ANY_USER, MANAGERS, NOBODY, Api, Page


def _member_body(world, side):
    return {
        "code": "API-NEW-1",
        "full_name": "Hà Thị Api",
        "gender": "F",
        "unit_id": side.grassroots.pk,
        "birth_date": "1990-01-02",
        "joined_on": "2012-05-01",
    }


ENTRIES = [
    # Units
    Page("organisations:unit_list", allow=ANY_USER, scoped=False, note="shows only the user's scope roots"),
    Page("organisations:unit_list", query=lambda s: {"q": "Đoàn"}, allow=ANY_USER, scoped=False),
    Page("organisations:unit_detail", kwargs=lambda s: {"pk": s.grassroots.pk}, allow=ANY_ROLE),
    Page("organisations:unit_children", kwargs=lambda s: {"pk": s.district.pk}, allow=ANY_ROLE),
    Page("organisations:unit_create", kwargs=lambda s: {"parent_pk": s.district.pk}, allow=ADMINS),
    Page(
        "organisations:unit_create",
        kwargs=lambda s: {"parent_pk": s.district.pk},
        method="post",
        allow=ADMINS,
        data=lambda w, s: {
            "unit_type": s.grassroots.unit_type_id,
            "name": "CĐCS Mới",
            "code": "NEW-UNIT",
            "sort_order": 0,
        },
    ),
    Page("organisations:unit_edit", kwargs=lambda s: {"pk": s.grassroots.pk}, allow=MANAGERS),
    Page("organisations:unit_move", kwargs=lambda s: {"pk": s.grassroots.pk}, allow=ADMINS),
    Page("organisations:unit_end", kwargs=lambda s: {"pk": s.grassroots.pk}, allow=ADMINS),
    Page("organisations:unit_history", kwargs=lambda s: {"pk": s.grassroots.pk}, allow=ADMINS),
    # Unit types are shared by the whole tree: only administrators of its root (the matrix's admin
    # holds a district; organisations/tests/test_shared_settings.py checks the root's admin and a superuser).
    Page("organisations:unittype_list", allow=NOBODY, scoped=False),
    Page("organisations:unittype_create", allow=NOBODY, scoped=False),
    Page(
        "organisations:unittype_edit",
        kwargs=lambda s: {"pk": s.grassroots.unit_type_id},
        allow=NOBODY,
        scoped=False,
    ),
    Page(
        "organisations:unittype_edit",
        kwargs=lambda s: {"pk": s.district.unit_type_id},
        method="post",
        allow=NOBODY,
        scoped=False,
        data=lambda w, s: {
            "name": "LĐLĐ huyện",
            "code": "district",
            "level": 2,
            "may_have_members": "False",
            "may_have_children": "True",
            "is_grassroots": "False",
            "is_active": "True",
        },
    ),
    # Members
    Page("organisations:member_list", allow=ANY_USER, scoped=False, note="only members of the scope"),
    Page("organisations:member_list", query=lambda s: {"unit": s.grassroots.pk}, allow=ANY_ROLE),
    Page(
        "organisations:member_list",
        query=lambda s: {"unit": s.district.pk, "export": "xlsx"},
        allow=ANY_ROLE,
        note="personal data columns only for managers (test_personal_data_*)",
    ),
    Page("organisations:member_detail", kwargs=lambda s: {"pk": s.member.pk}, allow=ANY_ROLE),
    Page(
        "organisations:member_import_template", kwargs=lambda s: {"unit_pk": s.grassroots.pk}, allow=MANAGERS
    ),
    # Pickers' suggestions: only the user's own scope; a foreign `within` answers 404
    Page("organisations:unit_search", query=lambda s: {"q": "cdcs"}, allow=ANY_USER, scoped=False),
    Page("organisations:unit_search", query=lambda s: {"q": "cdcs", "within": s.district.pk}, allow=ANY_ROLE),
    Page("organisations:member_search", query=lambda s: {"q": "a"}, allow=ANY_USER, scoped=False),
    Page(
        "organisations:member_search", query=lambda s: {"q": "a", "within": s.grassroots.pk}, allow=ANY_ROLE
    ),
    Page("organisations:member_create", kwargs=lambda s: {"unit_pk": s.grassroots.pk}, allow=MANAGERS),
    Page(
        "organisations:member_create",
        kwargs=lambda s: {"unit_pk": s.grassroots.pk},
        method="post",
        allow=MANAGERS,
        data=lambda w, s: {
            "code": "NEW-MEMBER",
            "full_name": "Nông Thị Mới",
            "gender": "F",
            "category": "worker",
            "status": "active",
        },
    ),
    Page("organisations:member_edit", kwargs=lambda s: {"pk": s.member.pk}, allow=MANAGERS),
    Page(
        "organisations:member_edit",
        kwargs=lambda s: {"pk": s.member.pk},
        method="post",
        allow=MANAGERS,
        data=lambda w, s: {
            "code": s.member.code,
            "full_name": "Tên Đã Sửa",
            "gender": "M",
            "category": "worker",
            "status": "active",
        },
    ),
    Page("organisations:member_history", kwargs=lambda s: {"pk": s.member.pk}, allow=ADMINS),
    Page("organisations:member_import", kwargs=lambda s: {"unit_pk": s.grassroots.pk}, allow=MANAGERS),
    Page(
        "organisations:member_import_confirm",
        kwargs=lambda s: {"pk": s.member_import.pk},
        method="post",
        allow=MANAGERS,
    ),
    Page(
        "organisations:member_import_retry",
        kwargs=lambda s: {"pk": s.member_import.pk},
        method="post",
        allow=MANAGERS,
    ),
    Page(
        "organisations:member_import_status",
        kwargs=lambda s: {"pk": s.member_import.pk},
        allow=ANY_ROLE,
        note="every role of the subtree sees an import's status and row errors",
    ),
    # API
    Api("GET", "/api/v1/organisations/units", allow=ANY_USER, scoped=False),
    Api(
        "GET",
        "/api/v1/organisations/units/{unit_id}",
        params=lambda s: {"unit_id": s.grassroots.pk},
        allow=ANY_ROLE,
    ),
    Api("GET", "/api/v1/organisations/members", allow=ANY_USER, scoped=False),
    Api("GET", "/api/v1/organisations/members", query=lambda s: {"unit_id": s.grassroots.pk}, allow=ANY_ROLE),
    Api(
        "GET",
        "/api/v1/organisations/members/{member_id}",
        params=lambda s: {"member_id": s.member.pk},
        allow=ANY_ROLE,
    ),
    Api("POST", "/api/v1/organisations/members", body=_member_body, allow=MANAGERS),
]
