"""Advanced models: the life cycle found → nurtured → recognised → being replicated, evidence
checked by content, replication, and the registry's accent-insensitive search and filters."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from organisations.testing import MemberFactory
from publishing import selectors, services
from publishing.models import AdvancedModel, ModelEvidence, Movement

Stage = AdvancedModel.Stage


@pytest.fixture
def model(officer_a, tree):
    return services.create_model(
        actor=officer_a,
        unit=tree.grassroots_a2,
        title="Mô hình “Dân vận khéo” xây dựng nông thôn mới",
        summary="Vận động đoàn viên hiến đất, góp ngày công làm đường bê tông.",
        period_start=dt.date(2025, 3, 1),
        period_end=dt.date(2026, 6, 30),
        movement=Movement.NEW_RURAL_AREAS,
        field_of_work="agriculture",
        found_on=dt.date(2025, 4, 1),
        figures=[("Đường bê tông", 3.2, "km"), ("Ngày công", 1250, "ngày công")],
    )


def test_a_new_model_is_found_and_the_stage_is_recorded_with_who_and_when(model, officer_a):
    assert model.stage == Stage.FOUND
    stage = model.stages.get()
    assert (stage.stage, stage.on, stage.moved_by) == (Stage.FOUND, dt.date(2025, 4, 1), officer_a)
    assert [(f.label, float(f.value), f.unit_of_measure) for f in model.figures.all()] == [
        ("Đường bê tông", 3.2, "km"),
        ("Ngày công", 1250.0, "ngày công"),
    ]


def test_the_model_moves_one_stage_at_a_time_and_each_move_is_recorded(model, officer_a):
    for expected, day in [
        (Stage.NURTURED, dt.date(2025, 6, 1)),
        (Stage.RECOGNISED, dt.date(2025, 12, 20)),
        (Stage.REPLICATING, dt.date(2026, 2, 1)),
    ]:
        model = services.advance_model(model, actor=officer_a, on=day, note="Họp xét")
        assert model.stage == expected and model.stage_changed_on == day
    assert list(model.stages.values_list("stage", flat=True)) == [
        Stage.FOUND,
        Stage.NURTURED,
        Stage.RECOGNISED,
        Stage.REPLICATING,
    ]
    with pytest.raises(ValidationError):
        services.advance_model(model, actor=officer_a)
    assert model.history.count() >= 4


def test_a_stage_cannot_be_dated_before_the_previous_one_or_in_the_future(model, officer_a):
    with pytest.raises(ValidationError):
        services.advance_model(model, actor=officer_a, on=dt.date(2025, 3, 1))
    with pytest.raises(ValidationError):
        services.advance_model(model, actor=officer_a, on=dt.date.today() + dt.timedelta(days=3))


def test_only_a_recognised_model_is_replicated_and_the_first_replication_moves_it(model, officer_a, tree):
    with pytest.raises(ValidationError):
        services.record_replication(
            model, actor=officer_a, unit=tree.grassroots_a1, adopted_on=dt.date(2026, 1, 5)
        )
    services.advance_model(model, actor=officer_a, on=dt.date(2025, 6, 1))
    services.advance_model(model, actor=officer_a, on=dt.date(2025, 12, 1))
    replication = services.record_replication(
        model,
        actor=officer_a,
        unit=tree.grassroots_a1,
        adopted_on=dt.date(2026, 1, 5),
        results="1,5 km đường mới",
    )
    model.refresh_from_db()
    assert model.stage == Stage.REPLICATING and replication.unit == tree.grassroots_a1
    assert model.stages.last().note.endswith(tree.grassroots_a1.name)
    with pytest.raises(ValidationError):
        services.record_replication(
            model, actor=officer_a, unit=tree.grassroots_a1, adopted_on=dt.date(2026, 2, 1)
        )
    with pytest.raises(ValidationError):
        services.record_replication(
            model, actor=officer_a, unit=tree.grassroots_a2, adopted_on=dt.date(2026, 2, 1)
        )


def test_officers_of_another_district_may_not_change_the_model(model, officer_b):
    with pytest.raises(PermissionDenied):
        services.advance_model(model, actor=officer_b)
    with pytest.raises(PermissionDenied):
        services.create_model(
            actor=officer_b,
            unit=model.unit,
            title="x",
            summary="x",
            period_start=dt.date(2025, 1, 1),
            field_of_work="union",
        )


def test_an_individual_model_needs_a_name_and_takes_it_from_the_member(officer_a, tree):
    with pytest.raises(ValidationError) as error:
        services.create_model(
            actor=officer_a,
            unit=tree.grassroots_a1,
            title="Gương sáng",
            kind="individual",
            summary="x",
            period_start=dt.date(2025, 1, 1),
            field_of_work="education",
        )
    assert "person_name" in error.value.message_dict
    member = MemberFactory(unit=tree.grassroots_a1, full_name="Nông Thị Hoa", position="Giáo viên")
    model = services.create_model(
        actor=officer_a,
        unit=tree.grassroots_a1,
        title="Cô giáo dắt trò qua suối",
        kind="individual",
        member=member,
        summary="x",
        period_start=dt.date(2025, 1, 1),
        field_of_work="education",
    )
    assert (model.person_name, model.person_position) == ("Nông Thị Hoa", "Giáo viên")


def test_a_member_of_another_unit_cannot_be_the_person(officer_a, tree):
    member = MemberFactory(unit=tree.grassroots_b1)
    with pytest.raises(ValidationError) as error:
        services.create_model(
            actor=officer_a,
            unit=tree.grassroots_a1,
            title="x",
            kind="individual",
            member=member,
            summary="x",
            period_start=dt.date(2025, 1, 1),
            field_of_work="education",
        )
    assert "member" in error.value.message_dict


def test_the_period_must_be_in_order(officer_a, tree):
    with pytest.raises(ValidationError):
        services.create_model(
            actor=officer_a,
            unit=tree.grassroots_a1,
            title="x",
            summary="x",
            period_start=dt.date(2025, 5, 1),
            period_end=dt.date(2025, 1, 1),
            field_of_work="union",
        )


# Evidence ---------------------------------------------------------------------------------------------


def test_evidence_is_checked_by_content(model, officer_a):
    pdf = SimpleUploadedFile(
        "bien-ban.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\n%%EOF", content_type="application/pdf"
    )
    evidence = services.add_evidence(model, actor=officer_a, file=pdf, description="Biên bản nghiệm thu")
    assert (evidence.content_type, evidence.original_name) == ("pdf", "bien-ban.pdf")
    disguised = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 a program", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        services.add_evidence(model, actor=officer_a, file=disguised)
    assert "PDF" in " ".join(error.value.messages)
    assert ModelEvidence.objects.count() == 1


def test_evidence_downloads_only_within_scope(client_as, model, officer_a, officer_b):
    pdf = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4\n%%EOF", content_type="application/pdf")
    evidence = services.add_evidence(model, actor=officer_a, file=pdf)
    assert client_as(officer_b).get(f"/dien-hinh/{model.pk}/minh-chung/{evidence.pk}/").status_code == 404
    response = client_as(officer_a).get(f"/dien-hinh/{model.pk}/minh-chung/{evidence.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


# The registry -----------------------------------------------------------------------------------------


@pytest.fixture
def registry(officer_a, admin_user, tree, model):
    other = services.create_model(
        actor=admin_user,
        unit=tree.grassroots_b1,
        title="Sáng kiến tiết kiệm xi măng",
        summary="Cải tiến máy nghiền",
        period_start=dt.date(2023, 1, 1),
        period_end=dt.date(2023, 12, 31),
        movement=Movement.LABOUR_CREATIVITY,
        field_of_work="production",
    )
    teacher = services.create_model(
        actor=admin_user,
        unit=tree.grassroots_s1,
        title="Cô giáo Bảo Lạc dắt học trò đến trường",
        kind="individual",
        person_name="Hoàng Thị Mến",
        summary="Học tập và làm theo Bác",
        period_start=dt.date(2024, 9, 1),
        movement=Movement.HO_CHI_MINH,
        field_of_work="education",
    )
    return {"rural": model, "cement": other, "teacher": teacher}


def _titles(models) -> set[str]:
    return {m.title for m in models}


def test_the_registry_search_ignores_diacritics(registry, admin_user):
    assert _titles(selectors.filter_models(admin_user, q="nong thon moi")) == {registry["rural"].title}
    assert _titles(selectors.filter_models(admin_user, q="XI MANG")) == {"Sáng kiến tiết kiệm xi măng"}
    assert _titles(selectors.filter_models(admin_user, q="hoang thi men")) == {registry["teacher"].title}


def test_the_registry_filters_by_movement_unit_subtree_field_and_year(registry, admin_user, tree):
    assert _titles(selectors.filter_models(admin_user, movement=Movement.HO_CHI_MINH)) == {
        registry["teacher"].title
    }
    assert _titles(selectors.filter_models(admin_user, unit=tree.district_a)) == {registry["rural"].title}
    assert _titles(selectors.filter_models(admin_user, field_of_work="production")) == {
        "Sáng kiến tiết kiệm xi măng"
    }
    assert _titles(selectors.filter_models(admin_user, year=2023)) == {"Sáng kiến tiết kiệm xi măng"}
    assert _titles(selectors.filter_models(admin_user, year=2025)) == {
        registry["rural"].title,
        registry["teacher"].title,
    }


def test_the_registry_page_filters(client_as, registry, admin_user, tree):
    html = client_as(admin_user).get("/dien-hinh/", {"q": "xi mang", "year": 2023}).content.decode()
    assert "Sáng kiến tiết kiệm xi măng" in html and "Dân vận khéo" not in html


def test_the_registry_shows_only_the_users_units(registry, officer_a):
    assert _titles(selectors.filter_models(officer_a)) == {registry["rural"].title}


def test_creating_a_model_through_the_page_with_figures(client_as, officer_a, tree):
    response = client_as(officer_a).post(
        "/dien-hinh/them/",
        {
            "title": "Bếp ăn bán trú cho học sinh vùng cao",
            "kind": "collective",
            "unit": tree.grassroots_a1.pk,
            "summary": "Nấu ăn trưa miễn phí",
            "period_start": "2025-09-01",
            "field_of_work": "education",
            "movement": Movement.HO_CHI_MINH,
            "figures-TOTAL_FORMS": "3",
            "figures-INITIAL_FORMS": "0",
            "figures-MIN_NUM_FORMS": "0",
            "figures-MAX_NUM_FORMS": "12",
            "figures-0-label": "Suất ăn mỗi ngày",
            "figures-0-value": "120",
            "figures-0-unit_of_measure": "suất",
        },
    )
    model = AdvancedModel.objects.get()
    assert response.status_code == 302 and model.figures.get().label == "Suất ăn mỗi ngày"
    assert model.stages.get().stage == Stage.FOUND
