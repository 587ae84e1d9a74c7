"""Demo: the live year's award round. The provincial federation calls for nominations for the year
the demo is loaded in (deadline a month ahead, the rules in force then). Two grassroots unions, now
directly under the province, have sent their batches: the first waits at the province for review
(send it to the council, or return it); the second is already at the council, which is convened to a
session a week ahead with its members (hoidong1–3) notified, so they can open the vote page, read each
nominee's achievements and evidence and vote; then a decision can be issued. The grassroots union of
the demo user canbo.cdcs has not nominated yet (its first task)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from awards import services
from awards.demo import BK_LDLD, GK_CD, _minutes, imported_record
from awards.models import (
    AwardForm,
    AwardRecord,
    Nomination,
    NominationBatch,
    NominationRound,
    PublicConsultation,
)
from core.demo import DemoContext
from organisations.models import Member, Unit

COUNCIL_IN_DAYS = 7  # the live session meets a week after the load: its members vote before


def _achievement_report(member: Member, year: int) -> ContentFile:
    """The nominee's achievement report (báo cáo thành tích), the evidence the council reads."""
    from documents.official import header_name
    from documents.rendering import OfficialDocument, Section, render_pdf

    unit = member.unit
    document = OfficialDocument(
        superior_body=header_name(unit.parent, abbreviate=True) if unit.parent_id else "",
        issuer=header_name(unit, abbreviate=False),
        number_symbol="",
        place="",
        date=timezone.localdate(),
        type_name="BÁO CÁO",
        summary=f"Thành tích năm {year} của {member.full_name}",
        preamble=[f"Đồng chí {member.full_name}, {member.position or 'đoàn viên'} tại {unit.name}."],
        items=[
            Section("1.", ["Hoàn thành xuất sắc nhiệm vụ được giao; không có cá nhân bị kỷ luật."]),
            Section("2.", ["Có sáng kiến cải tiến được Hội đồng sáng kiến cơ sở công nhận."]),
            Section("3.", ["Tích cực tham gia các hoạt động do công đoàn tổ chức."]),
        ],
        recipients=["Lưu: VT"],
        signer_authority="XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ",
        signer_position="",
        signer_name="",
    )
    return ContentFile(render_pdf(document), name="bao-cao-thanh-tich.pdf")


def _submitted_batch(
    officer, round_: NominationRound, unit: Unit, form: AwardForm, today: dt.date, *, evidence: bool
) -> NominationBatch:
    """A grassroots union's batch of two members, its minutes attached, sent to the province."""
    batch = services.create_batch(
        actor=officer,
        round_=round_,
        proposing_unit=unit,
        title=f"Hồ sơ đề nghị khen thưởng năm {today.year} của {unit.name}",
    )
    for member in unit.members.filter(status=Member.Status.ACTIVE).order_by("pk")[:2]:
        try:
            services.nominate(
                actor=officer,
                batch=batch,
                form=form,
                member=member,
                task_grade="excellent",
                achievement=f"Hoàn thành xuất sắc nhiệm vụ năm {today.year}; tích cực trong phong trào "
                "“Lao động giỏi, lao động sáng tạo” của đơn vị.",
                evidence_links=["https://ldldcaobang.example/tin-tuc/lao-dong-gioi-lao-dong-sang-tao"]
                if evidence
                else None,
                files=[_achievement_report(member, today.year)] if evidence else (),
            )
        except ValidationError:  # a demo nominee who does not qualify is left out
            continue
    if batch.nominations.exists():
        batch.minutes.save("bien-ban.pdf", _minutes(batch, "bien-ban.pdf", held_on=today), save=False)
        batch.minutes_name = "Biên bản họp bình xét.pdf"
        batch.save(update_fields=["minutes", "minutes_name"])
        batch = services.submit_batch(actor=officer, batch=batch, comment="Kính gửi LĐLĐ tỉnh xem xét.")
    return batch


def _convene(
    ctx: DemoContext, officer, round_: NominationRound, batch: NominationBatch, today: dt.date
) -> None:
    """Send the batch to the council and convene its session: the members are notified."""
    council = [
        u for name in ("hoidong1", "hoidong2", "hoidong3") if (u := ctx.data.get("users", {}).get(name))
    ]
    if not council or batch.status != NominationBatch.Status.SUBMITTED:
        return
    services.forward_batch(actor=officer, batch=batch, comment="Hồ sơ đầy đủ, trình Hội đồng.")
    nominations = list(batch.nominations.filter(status=Nomination.Status.PROPOSED).order_by("pk"))
    held_on = today + dt.timedelta(days=COUNCIL_IN_DAYS)
    closes = PublicConsultation.objects.filter(nomination__in=nominations).order_by("-closes_on").first()
    if closes is not None:  # a form that asks for public comment: the council meets after it
        held_on = max(held_on, closes.closes_on + dt.timedelta(days=1))
    session = services.open_session(
        actor=officer,
        deciding_unit=round_.deciding_unit,
        title=f"Phiên họp Hội đồng Thi đua - Khen thưởng năm {today.year}",
        held_on=held_on,
        place="Hội trường LĐLĐ tỉnh Cao Bằng",
        members=council,
        nominations=nominations,
        round_=round_,
        chair=council[0],
    )
    ctx.data["awards_session_live"] = session


RECENT_YEARS = 2  # the years before the live one that the demo's imported history covers
RECENT_SHARE = 6  # about one active member in this many holds a Giấy khen in each of those years


def _recent_history(ctx: DemoContext, round_: NominationRound, today: dt.date) -> None:
    """The years just before the live one, as the federation's import of its records brings them:
    the upper-level union's Giấy khen for about one member in six of every unit, decided on 28
    December by the unit's parent. The live year then has years to compare on the dashboard (its
    trends) and the members' histories have recent entries, as a real installation would."""
    form = AwardForm.objects.filter(rule_set=round_.rule_set, code=GK_CD).first()
    if form is None:
        return
    province = round_.deciding_unit
    members = list(
        Member.objects.filter(status=Member.Status.ACTIVE, unit__path__startswith=province.path)
        .exclude(unit=province)
        .select_related("unit__parent")
        .order_by("pk")
    )
    records = []
    for year in range(today.year - RECENT_YEARS, today.year):
        chosen = [m for m in members if ctx.rng.randrange(RECENT_SHARE) == 0]
        records += [imported_record(form, year, member=m, number=40 + m.unit_id % 50) for m in chosen]
    bulk_create_with_history(records, AwardRecord, batch_size=1000)
    ctx.log(f"  {len(records)} awards of {today.year - RECENT_YEARS}–{today.year - 1} imported")


def load(ctx: DemoContext) -> None:
    users = ctx.data.get("users", {})
    officer = users.get("canbo.tinh")
    if officer is None:
        ctx.log("  awards.demo_live: the demo users are missing, no live round")
        return
    province: Unit = ctx.data.get("province") or Unit.objects.get(code="LDLD-CB")
    today = timezone.localdate()
    campaign = ctx.data.get("campaign_live")
    round_ = services.open_round(
        actor=officer,
        deciding_unit=province,
        title=f"Khen thưởng năm {today.year}",
        year=today.year,
        deadline=today + dt.timedelta(days=30),
        campaign=campaign,
    )
    ctx.data["awards_round_live"] = round_
    forms = {f.code: f for f in services.forms_for_round(round_)}
    form = forms.get(BK_LDLD) or forms.get(GK_CD) or next(iter(forms.values()), None)
    candidates = Unit.objects.current().filter(parent=province, unit_type__code="cdcs", members__isnull=False)
    own = users.get("canbo.cdcs")
    if own is not None and own.home_unit_id:
        candidates = candidates.exclude(pk=own.home_unit_id)  # nominating is that user's first task
    proposing = list(candidates.distinct().order_by("-code")[:2])
    if form is None or not proposing:
        ctx.log(f"  live round “{round_.title}” open until {round_.deadline:%d/%m/%Y}, no batch")
        return
    waiting = _submitted_batch(officer, round_, proposing[0], form, today, evidence=False)
    if len(proposing) > 1:
        at_council = _submitted_batch(officer, round_, proposing[1], form, today, evidence=True)
        _convene(ctx, officer, round_, at_council, today)
    _recent_history(ctx, round_, today)
    session = ctx.data.get("awards_session_live")
    ctx.log(
        f"  live round “{round_.title}” open until {round_.deadline:%d/%m/%Y}; "
        f"{NominationBatch.objects.filter(round=round_).count()} batches, one waiting at "
        f"{waiting.at_unit.short_name or waiting.at_unit}"
        + (f"; council session on {session.held_on:%d/%m/%Y}" if session else "")
    )
