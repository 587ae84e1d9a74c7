"""Demo: the live year's award round. The provincial federation calls for nominations for the year
the demo is loaded in (deadline a month ahead, the rules in force then). One grassroots union, now
directly under the province, has sent its batch: the province can review it, send it to the council,
convene a session, and the council members vote; then a decision can be issued. The grassroots union
of the demo user canbo.cdcs has not nominated yet (its first task)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

from awards import services
from awards.demo import BK_LDLD, GK_CD, _minutes
from awards.models import NominationBatch
from core.demo import DemoContext
from organisations.models import Member, Unit


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
    forms = {f.code: f for f in services.forms_for_round(round_)}
    form = forms.get(BK_LDLD) or forms.get(GK_CD) or next(iter(forms.values()), None)
    candidates = Unit.objects.current().filter(parent=province, unit_type__code="cdcs", members__isnull=False)
    own = users.get("canbo.cdcs")
    if own is not None and own.home_unit_id:
        candidates = candidates.exclude(pk=own.home_unit_id)  # nominating is that user's first task
    proposing = candidates.distinct().order_by("-code").first()
    if form is None or proposing is None:
        ctx.log(f"  live round “{round_.title}” open until {round_.deadline:%d/%m/%Y}, no batch")
        return
    batch = services.create_batch(
        actor=officer,
        round_=round_,
        proposing_unit=proposing,
        title=f"Hồ sơ đề nghị khen thưởng năm {today.year} của {proposing.name}",
    )
    for member in proposing.members.filter(status=Member.Status.ACTIVE).order_by("pk")[:2]:
        try:
            services.nominate(
                actor=officer,
                batch=batch,
                form=form,
                member=member,
                task_grade="excellent",
                achievement=f"Hoàn thành xuất sắc nhiệm vụ năm {today.year}; tích cực trong phong trào "
                "“Lao động giỏi, lao động sáng tạo” của đơn vị.",
            )
        except ValidationError:  # a demo nominee who does not qualify is left out
            continue
    if batch.nominations.exists():
        batch.minutes.save("bien-ban.pdf", _minutes(batch, "bien-ban.pdf", held_on=today), save=False)
        batch.minutes_name = "Biên bản họp bình xét.pdf"
        batch.save(update_fields=["minutes", "minutes_name"])
        batch = services.submit_batch(actor=officer, batch=batch, comment="Kính gửi LĐLĐ tỉnh xem xét.")
    ctx.data["awards_round_live"] = round_
    ctx.log(
        f"  live round “{round_.title}” open until {round_.deadline:%d/%m/%Y}; "
        f"{NominationBatch.objects.filter(round=round_).count()} batch waiting at {batch.at_unit.short_name or batch.at_unit}"
    )
