"""Issue 20's page targets: what each HTTP line of the report is held to."""

from bench.http_steps.common import LAYOUT
from bench.http_steps.pages import page_targets


def test_the_portal_is_held_to_four_fifths_of_the_bare_view():
    assert page_targets({"kind": "public", "path": "/"}) == (0.8, 300)


def test_only_the_signed_in_floor_has_a_ratio_target_and_every_signed_in_page_a_150_ms_p95():
    assert page_targets({"kind": "signed_in", "path": LAYOUT}) == (0.5, 150)
    assert page_targets({"kind": "signed_in", "path": "/thanh-vien/"}) == (None, 150)


def test_the_fresh_dashboard_keeps_its_own_300_ms():
    assert page_targets({"kind": "signed_in", "path": "/bao-cao/?fresh=1"}) == (None, 300)


def test_the_campaign_page_computed_afresh_keeps_the_150_ms_of_every_signed_in_page():
    assert page_targets({"kind": "signed_in", "path": "/phong-trao/1/don-vi/2/?fresh=1"}) == (None, 150)
