"""The authorisation matrix: who may open which page and call which API operation.

Every URL pattern and every API operation must have an entry in the module of its app
(`core/tests/authz/<app>.py`, a list `ENTRIES`); `core/tests/test_authorization_matrix.py`
fails naming any pattern or operation without one.

The world the entries are checked in: a province with district A (the "own" side) and
district B (the "foreign" side). One user per role holds that role over district A, plus a
user with no role at all. An entry builds its URL from one side (`kwargs=lambda side: ...`),
so the same entry is requested with A's objects (expected: the roles in `allow`) and with
B's objects (expected: the roles in `foreign`, normally none: 403 or 404). Without login a
page redirects to the login page and the API answers 401, unless the entry is public.

An app that needs objects of its own in the world adds them in `build(world)` of its module:
`world.own.document = ...` and `world.foreign.document = ...`, and may add strings that
must never appear to users of A (`world.foreign.markers.append(...)`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

ADMIN, OFFICER, COUNCIL, EDITOR, VIEWER, NOROLE = "admin", "officer", "council", "editor", "viewer", "norole"
ROLES = (ADMIN, OFFICER, COUNCIL, EDITOR, VIEWER)
USERS = (*ROLES, NOROLE)  # NOROLE: logged in, holds no role anywhere

MANAGERS = frozenset({ADMIN, OFFICER})
ADMINS = frozenset({ADMIN})
ANY_ROLE = frozenset(ROLES)
ANY_USER = frozenset(USERS)  # every logged-in user, roles or not (lists that show only the scope)
NOBODY: frozenset[str] = frozenset()

# What an anonymous visitor gets.
LOGIN = "login"  # pages: redirect to the login page; API: 401
PUBLIC = "public"  # 2xx/3xx
REFUSED = "refused"  # 401, 403 or 404, like everybody else (a URL that answers nothing)

APPS = [
    "core",
    "accounts",
    "organisations",
    "documents",
    "campaigns",
    "awards",
    "publishing",
    "reports",
    "signing",
]

Side = SimpleNamespace  # one side of the world: the objects of district A or of district B
Builder = Callable[[Side], dict]


@dataclass(frozen=True)
class Page:
    """A URL pattern, requested with kwargs built from one side of the world."""

    name: str  # namespaced URL name, "organisations:unit_detail"
    kwargs: Builder | None = None
    allow: frozenset[str] = NOBODY  # users allowed with their own side's objects
    foreign: frozenset[str] = NOBODY  # users allowed with the foreign side's objects
    anonymous: str = LOGIN
    method: str = "get"
    query: Builder | None = None  # GET parameters, e.g. a unit filter
    data: Callable[[Any, Side], dict] | None = None  # POST body
    scoped: bool = True  # False: nothing of a side in the request (lists, global pages)
    note: str = ""

    @property
    def key(self) -> str:
        return self.name


@dataclass(frozen=True)
class Api:
    """An API operation: METHOD and the path as in the OpenAPI document."""

    method: str  # "GET"
    path: str  # "/api/v1/organisations/units/{unit_id}"
    params: Builder | None = None  # path parameters
    allow: frozenset[str] = NOBODY
    foreign: frozenset[str] = NOBODY
    anonymous: str = LOGIN
    query: Builder | None = None
    body: Callable[[Any, Side], dict] | None = None
    scoped: bool = True
    note: str = ""
    multipart: bool = False  # the body is sent as multipart/form-data (file uploads)

    @property
    def key(self) -> str:
        return f"{self.method.upper()} {self.path}"


class AppSide:
    """One side as one app's `build` and entries see it: the common objects (district,
    grassroots, member...) plus the app's own, so two apps may both call theirs `draft`."""

    def __init__(self, common: Side):
        object.__setattr__(self, "_common", common)
        object.__setattr__(self, "_own", {})

    def __getattr__(self, name):
        own = object.__getattribute__(self, "_own")
        if name in own:
            return own[name]
        return getattr(object.__getattribute__(self, "_common"), name)

    def __setattr__(self, name, value):
        object.__getattribute__(self, "_own")[name] = value


@dataclass
class World:
    users: dict[str, Any]
    own: Side
    foreign: Side
    tree: Any
    extra: dict = field(default_factory=dict)
    apps: dict = field(default_factory=dict)  # app -> World whose sides are that app's AppSides

    def side(self, name: str, app: str | None = None) -> Side:
        world = self.apps.get(app, self)
        return world.own if name == "own" else world.foreign


def app_modules() -> dict[str, Any]:
    modules = {}
    for app in APPS:
        try:
            modules[app] = importlib.import_module(f"core.tests.authz.{app}")
        except ModuleNotFoundError as exc:
            if exc.name != f"core.tests.authz.{app}":
                raise
    return modules


def all_entries() -> list[Page | Api]:
    return [entry for _app, entry in entries_with_apps()]


def entries_with_apps() -> list[tuple[str, Page | Api]]:
    return [(app, entry) for app, module in app_modules().items() for entry in getattr(module, "ENTRIES", [])]


def _side(unit, grassroots, name_suffix: str) -> Side:
    import datetime as dt

    from django.core.files.base import ContentFile

    from accounts.models import Role
    from accounts.testing import user_with_role
    from organisations.models import MemberImport
    from organisations.testing import MemberFactory

    member = MemberFactory(
        unit=grassroots,
        code=f"MEMBER-{name_suffix}",
        full_name=f"Đoàn Viên {name_suffix}",
        birth_date=dt.date(1985, 3, 12),
        ethnicity="Tày",
    )
    colleague = user_with_role(Role.OFFICER, grassroots, username=f"colleague.{name_suffix.lower()}")
    member_import = MemberImport.objects.create(
        unit=grassroots,
        file=ContentFile(member_workbook(grassroots.code), name="doan-vien.xlsx"),
        original_name="doan-vien.xlsx",
        status=MemberImport.Status.CHECKED,
        row_count=1,
        created_by=colleague,
    )
    return Side(
        district=unit,
        grassroots=grassroots,
        member=member,
        colleague=colleague,
        role_assignment=colleague.role_assignments.get(),
        member_import=member_import,
        markers=[member.code, colleague.username],
    )


def member_workbook(unit_code: str, rows: int = 1) -> bytes:
    """A small valid member import workbook."""
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Mã đoàn viên", "Họ và tên", "Giới tính", "Ngày sinh", "Mã đơn vị"])
    for n in range(rows):
        sheet.append([f"IMP-{unit_code}-{n}", "Lý Văn Nhập", "Nam", "01/02/1990", unit_code])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def build_world(tree) -> World:
    from accounts.models import Role
    from accounts.testing import UserFactory, user_with_role

    users = {role: user_with_role(Role(role), tree.district_a, username=f"{role}.a") for role in ROLES}
    users[NOROLE] = UserFactory(username="norole")
    world = World(
        users=users,
        own=_side(tree.district_a, tree.grassroots_a1, "A"),
        foreign=_side(tree.district_b, tree.grassroots_b1, "B"),
        tree=tree,
    )
    for app, module in app_modules().items():
        build = getattr(module, "build", None)
        app_world = World(
            users=users, own=AppSide(world.own), foreign=AppSide(world.foreign), tree=tree, extra=world.extra
        )
        world.apps[app] = app_world
        if build is not None:
            build(app_world)
        # also on the common sides, first come first served, for tests that read them there
        for app_side, common in ((app_world.own, world.own), (app_world.foreign, world.foreign)):
            for name, value in object.__getattribute__(app_side, "_own").items():
                if not hasattr(common, name):
                    setattr(common, name, value)
    return world
