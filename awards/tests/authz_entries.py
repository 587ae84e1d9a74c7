"""awards: the entries of the authorisation matrix (core/tests/authz) for the commendation pages and
API. `core/tests/authz/awards.py` takes them with `from awards.tests.authz_entries import ENTRIES, build`.

Each side's district runs its own rounds (so its officers review at the deciding level and its
council votes): a draft batch of its grassroots union (round 1), a submitted one waiting at the
district (round 2), and a decided one (round 3) with a closed council session, a decision, plus an
open session with a nomination on its agenda."""

from core.tests.authz import ANY_ROLE, ANY_USER, COUNCIL, MANAGERS, NOBODY, PUBLIC, Api, Page


def _rules():
    import datetime as dt
    from decimal import Decimal

    from awards.models import AwardForm, BaseSalary, RuleSet

    rule_set = RuleSet.objects.create(
        code="AUTHZ", name="Quy định (ma trận quyền)", valid_from=dt.date(2010, 1, 1), rounding_to=10_000
    )
    BaseSalary.objects.create(effective_from=dt.date(2013, 7, 1), amount=1_150_000, source="NĐ 66/2013/NĐ-CP")
    return AwardForm.objects.create(
        rule_set=rule_set,
        code="giay-khen",
        name="Giấy khen",
        kind="commendation",
        recipient="both",
        level="grassroots",
        coefficient_individual=Decimal("0.3"),
        coefficient_collective=Decimal("0.6"),
    )


def _side(world, side, form, suffix: str) -> None:
    import datetime as dt

    from django.core.files.base import ContentFile

    from accounts.models import Role
    from accounts.testing import user_with_role
    from awards import services
    from awards.models import AwardImport, AwardRecord, NominationAttachment, PublicConsultation
    from organisations.testing import MemberFactory

    district, grassroots = side.district, side.grassroots
    if suffix == "A":
        officer, council = world.users["officer"], [world.users["council"]]
    else:
        officer = user_with_role(Role.OFFICER, district, username=f"awards.officer.{suffix.lower()}")
        council = [user_with_role(Role.COUNCIL, district, username=f"awards.council.{suffix.lower()}")]
    district.doc_symbol = f"LĐ{suffix}"
    district.save()
    future = dt.date.today() + dt.timedelta(days=30)

    def round_(year):
        return services.open_round(
            actor=officer,
            deciding_unit=district,
            title=f"Khen thưởng {year} {suffix}",
            year=year,
            deadline=future,
            rule_set=form.rule_set,
        )

    def batch_with_nominee(year, member):
        batch = services.create_batch(actor=officer, round_=round_(year), proposing_unit=grassroots)
        nomination = services.nominate(
            actor=officer,
            batch=batch,
            form=form,
            member=member,
            achievement=f"Hoàn thành tốt nhiệm vụ năm {year}",
        )
        batch.minutes.save("bien-ban.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
        return batch, nomination

    side.draft_batch, side.draft_nomination = batch_with_nominee(2013, side.member)
    side.nomination_attachment = NominationAttachment(
        nomination=side.draft_nomination,
        original_name="thanh-tich.pdf",
        kind="pdf",
        size=20,
        uploaded_by=officer,
    )
    side.nomination_attachment.file.save(
        "thanh-tich.pdf", ContentFile(f"%PDF-1.4 evidence {suffix}".encode()), save=True
    )
    side.consultation = PublicConsultation.objects.create(
        nomination=side.draft_nomination,
        opened_on=dt.date.today(),
        closes_on=dt.date.today() + dt.timedelta(days=14),
    )
    side.awards_round = side.draft_batch.round
    side.review_batch, side.review_nomination = batch_with_nominee(2014, side.member)
    services.submit_batch(actor=officer, batch=side.review_batch)

    decided_batch, decided = batch_with_nominee(2015, side.member)
    pending = services.nominate(
        actor=officer,
        batch=decided_batch,
        form=form,
        unit=grassroots,
        achievement="Tập thể hoàn thành tốt nhiệm vụ năm 2015",
    )
    services.submit_batch(actor=officer, batch=decided_batch)
    services.forward_batch(actor=officer, batch=decided_batch)
    closed = services.open_session(
        actor=officer,
        deciding_unit=district,
        title=f"Phiên họp {suffix}",
        held_on=dt.date(2015, 12, 10),
        members=council,
        nominations=[decided],
    )
    services.cast_vote(actor=council[0], item=closed.items.get(), choice="yes")
    services.close_session(actor=officer, session=closed)
    side.closed_session = closed
    side.decision = services.issue_decision(
        actor=officer,
        deciding_unit=district,
        nominations=[decided],
        decided_on=dt.date(2015, 12, 20),
        signer_name="Nông Văn Quản",
    )
    side.open_session = services.open_session(
        actor=officer,
        deciding_unit=district,
        title=f"Phiên họp 2 {suffix}",
        held_on=dt.date(2015, 12, 28),
        members=council,
        nominations=[pending],
    )
    side.open_item = side.open_session.items.get()
    side.award_import = AwardImport.objects.create(
        unit=grassroots,
        file=ContentFile(b"x", name="lich-su.xlsx"),
        original_name="lich-su.xlsx",
        status=AwardImport.Status.INVALID,
        created_by=officer,
    )
    side.record = AwardRecord.objects.get(decision=side.decision)
    side.award_member = MemberFactory(
        unit=grassroots, code=f"AWARD-{suffix}", full_name=f"Khen Thưởng {suffix}"
    )
    side.markers.append(side.award_member.code)


def build(world) -> None:
    form = _rules()
    world.extra["award_form"] = form
    _side(world, world.own, form, "A")
    _side(world, world.foreign, form, "B")
    world.own.rules_form = world.foreign.rules_form = form


def _nomination_body(world, side):
    return {"form": "giay-khen", "member_id": side.award_member.pk, "achievement": "Hoàn thành tốt nhiệm vụ"}


ENTRIES = [
    Page("awards:index", allow=ANY_USER, scoped=False),
    Page("awards:round_create", allow=MANAGERS, scoped=False, note="rounds of the units the user manages"),
    Page("awards:round_detail", kwargs=lambda s: {"pk": s.awards_round.pk}, allow=ANY_ROLE),
    Page(
        "awards:batch_create",
        kwargs=lambda s: {"pk": s.review_batch.round_id},
        method="post",
        allow=MANAGERS,
        data=lambda w, s: {"proposing_unit": s.district.pk},
        note="a refused unit answers with a message",
    ),
    Page("awards:batch_detail", kwargs=lambda s: {"pk": s.draft_batch.pk}, allow=ANY_ROLE),
    Page("awards:nomination_create", kwargs=lambda s: {"pk": s.draft_batch.pk}, allow=MANAGERS),
    Page("awards:batch_minutes", kwargs=lambda s: {"pk": s.draft_batch.pk}, method="post", allow=MANAGERS),
    Page(
        "awards:batch_minutes_file",
        kwargs=lambda s: {"pk": s.draft_batch.pk},
        allow=ANY_ROLE,
        note="the roles of the proposing unit's subtree (can_view_batch)",
    ),
    Page("awards:batch_submit", kwargs=lambda s: {"pk": s.draft_batch.pk}, method="post", allow=MANAGERS),
    Page("awards:batch_forward", kwargs=lambda s: {"pk": s.review_batch.pk}, method="post", allow=MANAGERS),
    Page("awards:batch_return", kwargs=lambda s: {"pk": s.review_batch.pk}, allow=MANAGERS),
    Page(
        "awards:consultation_list", allow=ANY_USER, anonymous=PUBLIC, scoped=False, note="the public portal"
    ),
    Page(
        "awards:consultation_detail",
        kwargs=lambda s: {"pk": s.consultation.pk},
        allow=ANY_USER,
        foreign=ANY_USER,
        anonymous=PUBLIC,
        note="public while the comment period runs (name, unit, form, achievement only)",
    ),
    Page(
        "awards:suggestion_list",
        query=lambda s: {"round": s.awards_round.pk, "unit": s.grassroots.pk},
        allow=MANAGERS,
        note="the round and unit must be the user's",
    ),
    Page(
        "awards:suggestion_nominate",
        method="post",
        allow=MANAGERS,
        data=lambda w, s: {"round": s.awards_round.pk, "unit": s.grassroots.pk},
        note="nothing chosen answers with a message",
    ),
    Page("awards:nomination_list", allow=ANY_USER, scoped=False, note="only nominations of the scope"),
    Page("awards:nomination_detail", kwargs=lambda s: {"pk": s.draft_nomination.pk}, allow=ANY_ROLE),
    Page(
        "awards:nomination_attachment",
        allow=ANY_ROLE,
        kwargs=lambda s: {"pk": s.draft_nomination.pk, "attachment_pk": s.nomination_attachment.pk},
    ),
    Page("awards:nomination_cut", kwargs=lambda s: {"pk": s.review_nomination.pk}, allow=MANAGERS),
    Page(
        "awards:nomination_withdraw",
        kwargs=lambda s: {"pk": s.draft_nomination.pk},
        method="post",
        allow=MANAGERS,
    ),
    Page(
        "awards:session_create", allow=MANAGERS, scoped=False, note="the council of the unit the user manages"
    ),
    Page("awards:session_detail", kwargs=lambda s: {"pk": s.open_session.pk}, allow=ANY_ROLE),
    Page("awards:session_close", kwargs=lambda s: {"pk": s.open_session.pk}, method="post", allow=MANAGERS),
    Page("awards:session_minutes", kwargs=lambda s: {"pk": s.closed_session.pk}, allow=ANY_ROLE),
    Page("awards:decision_create", kwargs=lambda s: {"pk": s.closed_session.pk}, allow=MANAGERS),
    Page(
        "awards:vote",
        kwargs=lambda s: {"pk": s.open_item.pk},
        method="post",
        allow=frozenset({COUNCIL}),
        data=lambda w, s: {"choice": "yes"},
        note="members of the session only",
    ),
    Page("awards:decision_list", allow=ANY_USER, scoped=False),
    Page("awards:decision_detail", kwargs=lambda s: {"pk": s.decision.pk}, allow=ANY_ROLE),
    Page("awards:decision_docx", kwargs=lambda s: {"pk": s.decision.pk}, allow=ANY_ROLE),
    Page("awards:decision_pdf", kwargs=lambda s: {"pk": s.decision.pk}, allow=ANY_ROLE),
    Page("awards:decision_certificates", kwargs=lambda s: {"pk": s.decision.pk}, allow=ANY_ROLE),
    Page(
        "awards:decision_revoke",
        kwargs=lambda s: {"pk": s.decision.pk},
        method="post",
        allow=MANAGERS,
        data=lambda w, s: {"reason": "Khai sai thành tích"},
    ),
    Page("awards:decision_correct", kwargs=lambda s: {"pk": s.decision.pk}, allow=MANAGERS),
    Page("awards:certificate_templates", allow=MANAGERS, scoped=False),
    Page("awards:history", allow=ANY_USER, scoped=False, note="only awards of the scope"),
    Page("awards:member_history", kwargs=lambda s: {"pk": s.member.pk}, allow=ANY_ROLE),
    Page("awards:unit_history", kwargs=lambda s: {"pk": s.grassroots.pk}, allow=ANY_ROLE),
    Page("awards:history_import", allow=MANAGERS, scoped=False),
    Page("awards:history_import_status", kwargs=lambda s: {"pk": s.award_import.pk}, allow=MANAGERS),
    Page(
        "awards:history_import_confirm",
        kwargs=lambda s: {"pk": s.award_import.pk},
        method="post",
        allow=MANAGERS,
    ),
    Page(
        "awards:history_import_retry",
        kwargs=lambda s: {"pk": s.award_import.pk},
        method="post",
        allow=MANAGERS,
    ),
    Page("awards:rules", allow=ANY_USER, scoped=False, note="adding a base salary: administrators"),
    Page(
        "awards:form_money",
        kwargs=lambda s: {"pk": s.rules_form.pk},
        allow=NOBODY,
        scoped=False,
        note="administrators of the tree's root only; the matrix's admin holds a district (test_shared_settings.py)",
    ),
    Api(
        "GET",
        "/api/v1/awards/eligibility",
        allow=ANY_ROLE,
        query=lambda s: {"form": "giay-khen", "member_id": s.member.pk, "year": 2015},
    ),
    Api("GET", "/api/v1/awards/batches", allow=ANY_USER, scoped=False),
    Api(
        "GET",
        "/api/v1/awards/batches/{batch_id}/nominations",
        params=lambda s: {"batch_id": s.draft_batch.pk},
        allow=ANY_ROLE,
    ),
    Api(
        "POST",
        "/api/v1/awards/batches/{batch_id}/nominations",
        params=lambda s: {"batch_id": s.draft_batch.pk},
        allow=MANAGERS,
        body=_nomination_body,
    ),
    Api(
        "POST",
        "/api/v1/awards/batches/{batch_id}/submit",
        params=lambda s: {"batch_id": s.draft_batch.pk},
        allow=MANAGERS,
        body=lambda w, s: {"comment": ""},
    ),
    Api(
        "POST",
        "/api/v1/awards/batches/{batch_id}/forward",
        params=lambda s: {"batch_id": s.review_batch.pk},
        allow=MANAGERS,
        body=lambda w, s: {"comment": ""},
    ),
    Api(
        "POST",
        "/api/v1/awards/batches/{batch_id}/return",
        params=lambda s: {"batch_id": s.review_batch.pk},
        allow=MANAGERS,
        body=lambda w, s: {"comment": "Bổ sung hồ sơ"},
    ),
    Api(
        "GET",
        "/api/v1/awards/nominations/{nomination_id}",
        params=lambda s: {"nomination_id": s.draft_nomination.pk},
        allow=ANY_ROLE,
    ),
    Api(
        "POST",
        "/api/v1/awards/nominations/{nomination_id}/cut",
        params=lambda s: {"nomination_id": s.review_nomination.pk},
        allow=MANAGERS,
        body=lambda w, s: {"reason": "Chưa đủ điều kiện"},
    ),
    Api(
        "GET",
        "/api/v1/awards/sessions/{session_id}",
        params=lambda s: {"session_id": s.open_session.pk},
        allow=ANY_ROLE,
    ),
    Api(
        "POST",
        "/api/v1/awards/items/{item_id}/vote",
        params=lambda s: {"item_id": s.open_item.pk},
        allow=frozenset({COUNCIL}),
        body=lambda w, s: {"choice": "yes"},
    ),
    Api("GET", "/api/v1/awards/decisions", allow=ANY_USER, scoped=False),
    Api(
        "GET",
        "/api/v1/awards/decisions/{decision_id}",
        params=lambda s: {"decision_id": s.decision.pk},
        allow=ANY_ROLE,
    ),
    Api("GET", "/api/v1/awards/history", allow=ANY_ROLE, query=lambda s: {"member_id": s.member.pk}),
    Api("GET", "/api/v1/awards/statistics", allow=ANY_ROLE, query=lambda s: {"unit_id": s.district.pk}),
]
