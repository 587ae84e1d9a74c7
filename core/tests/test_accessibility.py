"""Accessibility: axe-core (npm, package-lock.json, read from node_modules by `make install`) over the main
page of each area for each role, with zero serious or critical violations. The script is injected in a
browser context that bypasses the content security policy (the pages themselves never need that).
Once per CI run: on SQLite only, the pages being the same on PostgreSQL."""

import json
import os
import time
from pathlib import Path

import pytest

from accounts.models import Role
from accounts.testing import user_with_role
from core.testing.browser import chromium_page
from core.testing.live import FACTORY_PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
ONCE_PER_RUN = "the accessibility check runs once per CI run, on SQLite"

# (role, pages): the main page of each area that role works in; None is a visitor of the portal
PAGES: list[tuple[str | None, list[str]]] = [
    (None, ["/tai-khoan/dang-nhap/", "/cong-thong-tin/", "/tin-tuc/"]),
    (
        Role.OFFICER,
        [
            "/bao-cao/",
            "/to-chuc/don-vi/",
            "/to-chuc/doan-vien/",
            "/van-ban/",
            "/phong-trao/",
            "/khen-thuong/",
            "/bao-cao/so-ket-tong-ket/",
            "/thong-bao/",
        ],
    ),
    (Role.ADMIN, ["/tai-khoan/nguoi-dung/", "/to-chuc/loai-don-vi/"]),
    (Role.EDITOR, ["/tin-bai/", "/tin-bai/viet-bai/", "/dien-hinh/"]),
    (Role.COUNCIL, ["/khen-thuong/"]),
    (Role.VIEWER, ["/bao-cao/"]),
]


def _violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def test_the_main_pages_have_no_serious_or_critical_accessibility_violations(live_server, tree, members):
    from core.testing.skips import current_engine

    if current_engine() == "postgresql":
        pytest.skip(ONCE_PER_RUN)
    assert AXE.exists(), "axe-core is installed by `make install` (npm ci)"
    started = time.monotonic()
    checked, failures = 0, {}
    for role, paths in PAGES:
        with chromium_page(bypass_csp=True) as page:
            if role is not None:
                user = user_with_role(role, tree.province, username=f"a11y.{role}")
                page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
                page.fill("input[name=username]", user.username)
                page.fill("input[name=password]", FACTORY_PASSWORD)
                page.click("button[type=submit]")
                page.wait_for_load_state()
            for path in paths:
                response = page.goto(f"{live_server.url}{path}")
                assert response is not None and response.status == 200, (role, path)
                checked += 1
                if found := _violations(page):
                    failures[f"{role or 'visitor'} {path}"] = found
    assert checked >= 15
    print(f"axe-core: {checked} pages in {time.monotonic() - started:.1f} s")
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=1)
