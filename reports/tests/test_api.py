"""The dashboard's figures as JSON, scoped like the page."""

from accounts.models import ApiToken


def test_the_api_gives_the_dashboards_sections_and_tables(world, federation_officer, client):
    _, key = ApiToken.issue(federation_officer, "test")
    data = client.get(
        "/api/v1/reports/dashboard",
        {"unit_id": world.province.pk, "year": 2015},
        HTTP_AUTHORIZATION=f"Bearer {key}",
    ).json()
    assert data["year"] == 2015
    sections = {s["key"]: s for s in data["sections"]}
    organisation = sections["organisation"]["tables"][0]
    assert organisation["key"] == "organisation"
    assert organisation["totals"][2] == sum(row[2] for row in organisation["rows"])


def test_the_api_answers_404_for_a_unit_outside_the_scope(tree, officer_a, client):
    _, key = ApiToken.issue(officer_a, "test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert client.get("/api/v1/reports/dashboard", {"unit_id": tree.district_a.pk}, **auth).status_code == 200
    assert client.get("/api/v1/reports/dashboard", {"unit_id": tree.province.pk}, **auth).status_code == 404
    assert client.get("/api/v1/reports/dashboard", {"unit_id": tree.district_a.pk}).status_code == 401
