"""Nominations up the tree, the council's vote and the decision, with every bad input refused
cleanly (a clear message, nothing half-saved)."""

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from awards import services
from awards.models import (
    AgendaItem,
    AwardRecord,
    Ballot,
    BallotCast,
    Decision,
    Nomination,
    NominationBatch,
)
from awards.tests.conftest import (
    BK_TINH,
    CSTD_CS,
    CSTD_TINH,
    GIAY_KHEN,
    LDTT,
    approve_all,
    nominate,
    pdf,
    record,
)
from organisations.testing import MemberFactory


@pytest.fixture
def batch(tree, round_2015, officer_a):
    return services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.district_a)


def submitted(officer, batch):
    services.attach_minutes(actor=officer, batch=batch, upload=pdf())
    return services.submit_batch(actor=officer, batch=batch)


# Nominating ---------------------------------------------------------------------------------


def test_nominating_someone_outside_ones_subtree_is_refused(rules, batch, officer_a, members):
    outsider = members["b1"][0]
    with pytest.raises(ValidationError) as error:
        nominate(officer_a, batch, rules.forms[LDTT], member=outsider, task_grade="good")
    assert outsider.full_name in str(error.value)
    assert not Nomination.objects.exists()


def test_an_officer_cannot_fill_another_districts_batch(rules, batch, officer_b, members):
    with pytest.raises(PermissionDenied):
        nominate(officer_b, batch, rules.forms[LDTT], member=members["a1"][0], task_grade="good")


def test_nominating_twice_for_the_same_form_and_year_is_refused(
    rules, tree, batch, officer_a, person, round_2015
):
    nominate(officer_a, batch, rules.forms[LDTT], member=person, task_grade="good")
    with pytest.raises(ValidationError) as error:
        nominate(officer_a, batch, rules.forms[LDTT], member=person, task_grade="good")
    assert "2015" in str(error.value)
    other = services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.grassroots_a1)
    with pytest.raises(ValidationError):
        nominate(officer_a, other, rules.forms[LDTT], member=person, task_grade="good")
    assert Nomination.objects.count() == 1


def test_a_missing_prerequisite_needs_a_written_justification(rules, batch, officer_a, person):
    """Chiến sĩ thi đua cấp tỉnh without three consecutive years of Chiến sĩ thi đua cơ sở: refused, unless
    the proposer writes why; the justification is kept for the council."""
    form = rules.forms[CSTD_TINH]
    fields = dict(
        member=person,
        task_grade="excellent",
        initiative="Đề tài cấp tỉnh",
        initiative_scope="province",
        evidence_links=["https://ldld.example/bai-viet/1"],
    )
    with pytest.raises(ValidationError) as error:
        nominate(officer_a, batch, form, **fields)
    assert "override_justification" in error.value.message_dict
    assert not Nomination.objects.exists()
    nomination = nominate(
        officer_a, batch, form, override_justification="Thành tích đột xuất cứu người trong lũ.", **fields
    )
    assert nomination.override_justification.startswith("Thành tích đột xuất")
    assert nomination.check_status == "failed"


def test_a_bad_evidence_file_saves_nothing(rules, batch, officer_a, person):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("minh-chung.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError):
        nominate(officer_a, batch, rules.forms[LDTT], member=person, task_grade="good", files=[fake])
    assert not Nomination.objects.exists()


def test_a_number_of_initiatives_below_one_is_refused_by_name(rules, batch, officer_a, person):
    with pytest.raises(ValidationError) as error:
        nominate(officer_a, batch, rules.forms[LDTT], member=person, task_grade="good", initiative_count=0)
    assert "Nhập số sáng kiến được công nhận, từ 1 đến 99." in error.value.message_dict["initiative_count"]
    assert not Nomination.objects.exists()


def test_the_number_of_initiatives_is_kept_on_the_nomination(rules, batch, officer_a, person):
    nomination = nominate(
        officer_a,
        batch,
        rules.forms[LDTT],
        member=person,
        task_grade="good",
        initiative="Sổ tay điện tử; Phần mềm đoàn phí",
        initiative_scope="grassroots",
        initiative_count=2,
    )
    nomination.refresh_from_db()
    assert nomination.initiative_count == 2
    assert nomination.history.first().initiative_count == 2


def test_a_batch_needs_its_meeting_minutes_before_submission(rules, batch, officer_a, person):
    nominate(officer_a, batch, rules.forms[LDTT], member=person, task_grade="good")
    with pytest.raises(ValidationError) as error:
        services.submit_batch(actor=officer_a, batch=batch)
    assert "minutes" in error.value.message_dict


# Up the tree ---------------------------------------------------------------------------------


def test_a_batch_goes_up_level_by_level_and_can_be_returned(
    rules, tree, round_2015, officer_a, province_officer, person
):
    grassroots = services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.grassroots_a1)
    nominate(officer_a, grassroots, rules.forms[LDTT], member=person, task_grade="good")
    grassroots = submitted(officer_a, grassroots)
    assert grassroots.at_unit == tree.district_a and grassroots.status == NominationBatch.Status.SUBMITTED
    grassroots = services.forward_batch(actor=officer_a, batch=grassroots, comment="Đủ hồ sơ")
    assert grassroots.at_unit == tree.province
    with pytest.raises(PermissionDenied):  # the district no longer holds it
        services.return_batch(actor=officer_a, batch=grassroots, comment="x")
    with pytest.raises(ValidationError):
        services.return_batch(actor=province_officer, batch=grassroots, comment="  ")
    grassroots = services.return_batch(
        actor=province_officer, batch=grassroots, comment="Thiếu biên bản họp bình xét"
    )
    assert grassroots.status == NominationBatch.Status.RETURNED and grassroots.at_unit == tree.grassroots_a1
    grassroots = services.submit_batch(actor=officer_a, batch=grassroots)
    grassroots = services.forward_batch(actor=officer_a, batch=grassroots)
    grassroots = services.forward_batch(actor=province_officer, batch=grassroots)
    assert grassroots.status == NominationBatch.Status.AT_COUNCIL
    assert [e.action for e in grassroots.events.all()] == [
        "submit",
        "forward",
        "return",
        "submit",
        "forward",
        "to_council",
    ]


def test_a_reviewing_level_cuts_a_nominee_with_a_reason(
    rules, batch, officer_a, province_officer, person, members
):
    kept = nominate(officer_a, batch, rules.forms[LDTT], member=person, task_grade="good")
    cut = nominate(officer_a, batch, rules.forms[LDTT], member=members["a1"][0], task_grade="good")
    batch = submitted(officer_a, batch)
    with pytest.raises(ValidationError):
        services.cut_nomination(actor=province_officer, nomination=cut, reason="")
    services.cut_nomination(actor=province_officer, nomination=cut, reason="Chưa đủ 10 tháng công tác")
    cut.refresh_from_db()
    assert cut.status == Nomination.Status.CUT and cut.cut_at_unit == batch.at_unit
    kept.refresh_from_db()
    assert kept.status == Nomination.Status.PROPOSED


# Council --------------------------------------------------------------------------------------


@pytest.fixture
def at_council(rules, batch, officer_a, province_officer, person, members):
    record(rules.forms[CSTD_CS], 2013, member=person)
    record(rules.forms[CSTD_CS], 2014, member=person)
    record(rules.forms[CSTD_CS], 2015, member=person)
    nominations = [
        nominate(
            officer_a,
            batch,
            rules.forms[CSTD_TINH],
            member=person,
            task_grade="excellent",
            initiative="Đề tài cấp tỉnh",
            initiative_scope="province",
            evidence_links=["https://x.example/1"],
        ),
        nominate(officer_a, batch, rules.forms[LDTT], member=members["a1"][0], task_grade="good"),
    ]
    batch = submitted(officer_a, batch)
    services.forward_batch(actor=province_officer, batch=batch)
    return nominations


@pytest.fixture
def session(tree, province_officer, council, at_council):
    return services.open_session(
        actor=province_officer,
        deciding_unit=tree.province,
        title="Phiên họp tháng 12/2015",
        held_on=dt.date(2015, 12, 10),
        members=council,
        nominations=at_council,
    )


def test_only_council_members_of_the_deciding_unit_sit(
    tree, province_officer, officer_a, at_council, council
):
    with pytest.raises(ValidationError) as error:
        services.open_session(
            actor=province_officer,
            deciding_unit=tree.province,
            title="x",
            held_on=dt.date(2015, 12, 1),
            members=[*council, officer_a],
            nominations=at_council,
        )
    assert str(officer_a) in str(error.value)


def test_secret_ballot_keeps_no_link_to_the_voter_but_one_vote_each(session, council):
    secret = session.items.get(nomination__form_code=CSTD_TINH)
    assert secret.secret_ballot and secret.threshold_percent == 90 and secret.threshold_of == "members"
    services.cast_vote(actor=council[0], item=secret, choice="yes")
    assert Ballot.objects.get(item=secret).voter is None
    assert BallotCast.objects.filter(item=secret, voter=council[0]).exists()
    with pytest.raises(ValidationError):
        services.cast_vote(actor=council[0], item=secret, choice="no")
    assert Ballot.objects.filter(item=secret).count() == 1
    open_item = session.items.get(nomination__form_code=LDTT)
    services.cast_vote(actor=council[1], item=open_item, choice="no")
    assert Ballot.objects.get(item=open_item).voter == council[1]


def test_ninety_percent_of_all_members_for_the_province_title(session, council, province_officer):
    """Nghị định 91/2017/NĐ-CP, Điều 45 khoản 8: 'tỷ lệ phiếu đồng ý từ 90% trở lên tính trên tổng số thành viên
    của Hội đồng': 2 of 3 (66.7%) is not enough, even if the third is absent."""
    secret = session.items.get(nomination__form_code=CSTD_TINH)
    majority = session.items.get(nomination__form_code=LDTT)
    services.set_presence(actor=province_officer, session=session, user=council[2], present=False)
    for member in council[:2]:
        services.cast_vote(actor=member, item=secret, choice="yes")
        services.cast_vote(actor=member, item=majority, choice="yes")
    services.close_session(actor=province_officer, session=session)
    secret.refresh_from_db()
    majority.refresh_from_db()
    assert (secret.yes, secret.base_count, secret.result) == (2, 3, AgendaItem.Result.REJECTED)
    assert (majority.yes, majority.base_count, majority.result) == (2, 2, AgendaItem.Result.APPROVED)
    assert secret.nomination.status == Nomination.Status.REJECTED


def test_a_vote_after_the_session_closed_is_refused(session, council, province_officer):
    services.close_session(actor=province_officer, session=session)
    item = session.items.first()
    with pytest.raises(ValidationError) as error:
        services.cast_vote(actor=council[0], item=item, choice="yes")
    assert "Phiên họp đã kết thúc" in str(error.value)
    assert not Ballot.objects.filter(item=item).exists()


def test_someone_not_on_the_session_cannot_vote(session, officer_a):
    with pytest.raises(PermissionDenied):
        services.cast_vote(actor=officer_a, item=session.items.first(), choice="yes")


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent transactions need PostgreSQL")
def test_members_voting_at_once_lose_nothing(session, council):
    item = session.items.first()
    barrier = threading.Barrier(len(council))
    errors = []

    def vote(user):
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            services.cast_vote(actor=user, item=item, choice="yes")
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=vote, args=(user,)) for user in council]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Ballot.objects.filter(item=item).count() == len(council)
    assert BallotCast.objects.filter(item=item).count() == len(council)


# Decision -------------------------------------------------------------------------------------


def test_a_decision_without_council_approval_is_refused(tree, province_officer, at_council, rules):
    with pytest.raises(ValidationError) as error:
        services.issue_decision(
            actor=province_officer,
            deciding_unit=tree.province,
            nominations=at_council,
            decided_on=dt.date(2015, 12, 20),
        )
    assert at_council[0].nominee_name in str(error.value)
    assert not Decision.objects.exists() and not AwardRecord.objects.filter(source="decided").exists()
    from documents.models import Document

    assert not Document.objects.exists()


def test_a_missing_base_salary_for_the_decision_date_saves_nothing(
    tree, province_officer, council, at_council, rules
):
    from awards.models import BaseSalary
    from documents.models import Document

    approve_all(province_officer, council, tree, at_council)
    BaseSalary.objects.filter(effective_from=dt.date(2013, 7, 1)).delete()
    with pytest.raises(ValidationError) as error:
        services.issue_decision(
            actor=province_officer,
            deciding_unit=tree.province,
            nominations=at_council,
            decided_on=dt.date(2015, 12, 20),
        )
    assert "20/12/2015" in str(error.value)
    assert not Decision.objects.exists() and not Document.objects.exists()


def test_the_decision_is_numbered_computes_money_and_writes_history(
    tree, province_officer, council, at_council, rules
):
    tree.province.doc_symbol = "LĐLĐ"
    tree.province.save()
    approve_all(province_officer, council, tree, at_council)
    decision = services.issue_decision(
        actor=province_officer,
        deciding_unit=tree.province,
        nominations=at_council,
        decided_on=dt.date(2015, 12, 20),
        signer_position="CHỦ TỊCH",
        signer_name="Nông Văn Quản",
    )
    assert decision.document.number_symbol == "01/QĐ-LĐLĐ"
    assert decision.rule_set == rules.old and decision.base_salary_amount == 1_150_000
    amounts = dict(decision.records.values_list("form_code", "amount"))
    # 3,0 × 1.150.000 = 3.450.000; 0,3 × 1.150.000 = 345.000 → 350.000 (rounded up to the ten thousand)
    assert amounts == {CSTD_TINH: 3_450_000, LDTT: 350_000}
    assert decision.total_amount == 3_800_000
    assert {n.status for n in Nomination.objects.all()} == {Nomination.Status.AWARDED}
    second = services.create_batch(
        actor=province_officer, round_=at_council[0].batch.round, proposing_unit=tree.sector
    )
    member = MemberFactory(unit=tree.grassroots_s1)
    nominate(province_officer, second, rules.forms[GIAY_KHEN], member=member)
    nominate(province_officer, second, rules.forms[BK_TINH], unit=tree.grassroots_s1, task_grade="excellent")
    submitted(province_officer, second)
    services.forward_batch(actor=province_officer, batch=second)
    later = list(second.nominations.all())
    approve_all(province_officer, council, tree, later)
    decision2 = services.issue_decision(
        actor=province_officer,
        deciding_unit=tree.province,
        nominations=later,
        decided_on=dt.date(2020, 1, 10),
    )
    assert decision2.document.number_symbol == "01/QĐ-LĐLĐ" and decision2.document.year == 2020
    # Giấy khen 0,3 × 1.490.000 = 447.000 → 450.000; Bằng khen for a collective 2,0 × 1.490.000 = 2.980.000
    assert dict(decision2.records.values_list("form_code", "amount")) == {
        GIAY_KHEN: 450_000,
        BK_TINH: 2_980_000,
    }


def test_revoking_a_decision_marks_its_awards_revoked(tree, province_officer, council, at_council, rules):
    approve_all(province_officer, council, tree, at_council)
    decision = services.issue_decision(
        actor=province_officer,
        deciding_unit=tree.province,
        nominations=at_council,
        decided_on=dt.date(2015, 12, 20),
    )
    with pytest.raises(ValidationError):
        services.revoke_decision(actor=province_officer, decision=decision, reason="")
    services.revoke_decision(actor=province_officer, decision=decision, reason="Hồ sơ khai sai thành tích")
    decision.refresh_from_db()
    assert decision.status == Decision.Status.REVOKED
    assert decision.document.status == "revoked"
    assert not AwardRecord.objects.counting().filter(decision=decision).exists()
    assert AwardRecord.objects.filter(decision=decision).count() == 2  # kept, not deleted


def test_correcting_a_decision_issues_a_new_one_that_replaces_it(
    tree, province_officer, council, at_council, rules
):
    approve_all(province_officer, council, tree, at_council)
    first = services.issue_decision(
        actor=province_officer,
        deciding_unit=tree.province,
        nominations=at_council,
        decided_on=dt.date(2015, 12, 20),
    )
    corrected = services.correct_decision(
        actor=province_officer,
        decision=first,
        nominations=at_council[1:],
        decided_on=dt.date(2015, 12, 28),
        reason="Bỏ tên trùng",
    )
    first.refresh_from_db()
    assert first.status == Decision.Status.REPLACED and corrected.replaces == first
    assert corrected.document.number == first.document.number + 1
    assert AwardRecord.objects.counting().filter(source="decided").count() == 1
    assert at_council[0].__class__.objects.get(pk=at_council[0].pk).status == Nomination.Status.APPROVED


def test_certificate_template_with_an_unknown_placeholder_is_refused(tree, province_officer):
    from awards.models import CertificateTemplate

    with pytest.raises(ValidationError) as error:
        services.save_certificate_template(
            actor=province_officer,
            unit=tree.province,
            name="Mẫu 2015",
            html="<h1>{{ recipient_name }}</h1><p>{{ so_tien }}</p>",
        )
    assert "so_tien" in str(error.value)
    assert not CertificateTemplate.objects.exists()
    template = services.save_certificate_template(
        actor=province_officer,
        unit=tree.province,
        name="Mẫu 2015",
        html="<h1>{{ title }}</h1><p>{{ recipient_name }}</p>",
    )
    assert template.pk


def test_a_unit_sees_the_decision_that_commends_its_own_people(
    tree, province_officer, council, at_council, rules
):
    from accounts.models import Role
    from accounts.testing import user_with_role
    from awards import selectors

    approve_all(province_officer, council, tree, at_council)
    decision = services.issue_decision(
        actor=province_officer,
        deciding_unit=tree.province,
        nominations=at_council,
        decided_on=dt.date(2015, 12, 20),
    )
    record = decision.records.select_related("member__unit", "unit").first()
    awarded_unit = record.member.unit if record.member_id else record.unit
    insider = user_with_role(Role.VIEWER, awarded_unit, username="xem.noi-bo")
    assert decision in selectors.visible_decisions(insider)
    awarded_paths = [
        r.member.unit.path if r.member_id else r.unit.path
        for r in decision.records.select_related("member__unit", "unit")
    ]
    outside = next(
        u
        for u in (tree.grassroots_s1, tree.grassroots_b1, tree.grassroots_a2)
        if not any(p.startswith(u.path) for p in awarded_paths)
    )
    outsider = user_with_role(Role.VIEWER, outside, username="xem.ngoai")
    assert decision not in selectors.visible_decisions(outsider)


def test_a_decision_in_force_shows_on_the_public_portal_without_names_until_revoked(
    tree, province_officer, council, at_council, rules, client
):
    tree.province.doc_symbol = "LĐLĐ"
    tree.province.save()
    approve_all(province_officer, council, tree, at_council)
    decision = services.issue_decision(
        actor=province_officer,
        deciding_unit=tree.province,
        nominations=at_council,
        decided_on=dt.date(2015, 12, 20),
    )
    page = client.get("/cong-thong-tin/").content.decode()
    assert "Quyết định số 01/QĐ-LĐLĐ ngày 20/12/2015" in page
    for award in decision.records.select_related("member"):
        if award.member_id:
            assert award.member.full_name not in page
    services.revoke_decision(actor=province_officer, decision=decision, reason="Sai đối tượng")
    assert "01/QĐ-LĐLĐ" not in client.get("/cong-thong-tin/").content.decode()


# Prize money entered by an administrator --------------------------------------------------------


def _without_money(form):
    form.coefficient_individual = None
    form.verified = False
    form.save()
    return form


def test_an_unknown_coefficient_is_shown_as_unknown_and_left_out_of_the_total(
    tree, province_officer, council, at_council, rules, client_as
):
    _without_money(rules.forms[LDTT])
    approve_all(province_officer, council, tree, at_council)
    decision = services.issue_decision(
        actor=province_officer,
        deciding_unit=tree.province,
        nominations=at_council,
        decided_on=dt.date(2015, 12, 20),
        issue_without_money=True,
    )
    assert decision.total_amount == 3_450_000 and decision.unknown_amount_count == 1
    page = (
        client_as(province_officer)
        .get(reverse("awards:decision_detail", args=[decision.pk]))
        .content.decode()
    )
    assert "3.450.000" in page
    assert "Tổng tiền thưởng chưa gồm 1 trường hợp" in page
    from awards import printing

    article = " ".join(
        p for section in printing.decision_document(decision).items for p in section.paragraphs
    )
    assert "chưa gồm tiền thưởng của 1 trường hợp" in article


def test_an_administrator_enters_the_prize_money_and_a_correcting_decision_states_it(
    tree, province_officer, council, at_council, rules, admin_user, client_as
):
    form = _without_money(rules.forms[LDTT])
    approve_all(province_officer, council, tree, at_council)
    first = services.issue_decision(
        actor=province_officer,
        deciding_unit=tree.province,
        nominations=at_council,
        decided_on=dt.date(2015, 12, 20),
        issue_without_money=True,
    )
    response = client_as(admin_user).post(
        reverse("awards:form_money", args=[form.pk]),
        {"coefficient_individual": "0.3", "source": "QĐ 1564/QĐ-TLĐ, Điều 40 khoản 1", "verified": "on"},
    )
    assert response.status_code == 302
    form.refresh_from_db()
    assert (
        form.coefficient_individual == Decimal("0.3")
        and form.verified
        and form.money_entered_by == admin_user
    )
    latest = form.history.latest()
    assert latest.history_user == admin_user and latest.coefficient_individual == Decimal("0.3")
    first.refresh_from_db()
    assert first.total_amount == 3_450_000  # an issued decision keeps what it stated
    corrected = services.correct_decision(
        actor=province_officer,
        decision=first,
        nominations=at_council,
        decided_on=dt.date(2015, 12, 28),
        reason="Bổ sung tiền thưởng",
    )
    assert corrected.total_amount == 3_450_000 + 350_000 and corrected.unknown_amount_count == 0


def test_entering_prize_money_needs_a_source_and_sensible_numbers(rules, admin_user, client_as):
    form = rules.forms[LDTT]  # for individuals only
    url = reverse("awards:form_money", args=[form.pk])
    response = client_as(admin_user).post(url, {"coefficient_individual": "-1", "source": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Hãy ghi rõ văn bản và điều khoản quy định mức tiền thưởng này." in page
    assert "Nhập bội số của mức lương cơ sở trong khoảng từ 0 đến 1000." in page
    with pytest.raises(ValidationError) as error:
        services.set_award_form_money(
            actor=admin_user,
            form=form,
            coefficient_individual=None,
            coefficient_collective=Decimal("2"),
            source="QĐ 1564",
        )
    assert "coefficient_collective" in error.value.error_dict
    form.refresh_from_db()
    assert form.coefficient_individual == Decimal("0.3") and form.money_entered_by is None


def test_only_an_administrator_of_the_province_or_above_enters_prize_money(tree, rules, officer_a, client_as):
    from accounts.models import Role
    from accounts.testing import user_with_role

    district_admin = user_with_role(Role.ADMIN, tree.district_a, username="admin.huyen")
    url = reverse("awards:form_money", args=[rules.forms[LDTT].pk])
    for user in (officer_a, district_admin):
        assert client_as(user).post(url, {"coefficient_individual": "9", "source": "x"}).status_code == 403
    rules.forms[LDTT].refresh_from_db()
    assert rules.forms[LDTT].coefficient_individual == Decimal("0.3")


def test_reloading_the_seeded_rules_keeps_prize_money_an_administrator_entered(db, admin_user):
    from awards.models import AwardForm
    from awards.rules import load_award_rules

    load_award_rules()
    form = (
        AwardForm.objects.filter(
            coefficient_individual__isnull=True, recipient__in=["individual", "both"], verified=False
        )
        .order_by("pk")
        .first()
    )
    services.set_award_form_money(
        actor=admin_user,
        form=form,
        coefficient_individual=Decimal("1.5"),
        coefficient_collective=Decimal("3") if form.for_collectives else None,
        source="Văn bản đơn vị đang áp dụng, Điều 5",
    )
    report = load_award_rules()
    form.refresh_from_db()
    assert (
        form.coefficient_individual == Decimal("1.5") and form.source == "Văn bản đơn vị đang áp dụng, Điều 5"
    )
    assert any(form.code in conflict for conflict in report.conflicts)
