"""The federation's review report (báo cáo sơ kết, tổng kết) as an official document: built
from the rolled-up figures of a review round and rendered to DOCX by documents.rendering.

The document is always Vietnamese whatever the interface language: its strings go through
gettext (English msgids, like every string) inside `translation.override("vi")`.
"""

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from campaigns.models import ReviewRound
from campaigns.selectors.progress import campaign_progress
from campaigns.selectors.reviews import review_rollup, submitted_reports
from core.text import decimal_vi
from documents.rendering import Annex, OfficialDocument, Section, render_docx
from organisations.models import Unit


def _percent(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%".replace(".", ",") if whole else "—"


def review_official_document(review_round: ReviewRound, root: Unit, *, date=None) -> OfficialDocument:
    with translation.override("vi"):
        return _build(review_round, root, date)


def _build(review_round: ReviewRound, root: Unit, date) -> OfficialDocument:
    campaign = review_round.campaign
    rollup = review_rollup(review_round, root)
    progress = campaign_progress(campaign, root)
    total = progress.total
    parent = root.parent
    symbol = root.doc_symbol or root.short_name or root.code
    plan = campaign.launching_document

    preamble = []
    if plan is not None and plan.number_symbol:
        preamble.append(
            _(
                "Implementing Plan No. %(plan)s on %(name)s, %(issuer)s reports the results up to "
                "%(date)s as follows:"
            )
            % {
                "plan": plan.number_symbol,
                "name": campaign.name,
                "issuer": root.name,
                "date": review_round.period_end.strftime("%d/%m/%Y"),
            }
        )
    else:
        preamble.append(
            _("%(issuer)s reports the results of %(name)s up to %(date)s as follows:")
            % {
                "issuer": root.name,
                "name": campaign.name,
                "date": review_round.period_end.strftime("%d/%m/%Y"),
            }
        )

    figures = [
        _(
            "%(n)s units take part; %(registered)s registered (%(share)s), %(approved)s registrations approved."
        )
        % {
            "n": decimal_vi(total.participants),
            "registered": decimal_vi(total.registered),
            "share": _percent(total.registered, total.participants),
            "approved": decimal_vi(total.approved),
        },
        _(
            "Dissemination: %(sessions)s meetings and sessions reached %(reached)s of %(scope)s people in scope "
            "(%(share)s); %(below)s units are below the %(threshold)s%% threshold."
        )
        % {
            "sessions": decimal_vi(total.reach.sessions),
            "reached": decimal_vi(total.reach.reached),
            "scope": decimal_vi(total.reach.scope),
            "share": _percent(total.reach.reached, total.reach.scope),
            "below": decimal_vi(total.reach.below_threshold),
            "threshold": campaign.reach_threshold,
        },
        _("%(submitted)s of %(n)s units have submitted their review reports.")
        % {"submitted": decimal_vi(rollup.submitted), "n": decimal_vi(rollup.participants)},
    ]
    figures += [
        f"- {indicator.name}: {decimal_vi(value)} {indicator.unit_of_measure}".rstrip()
        for indicator, value in zip(rollup.indicators, rollup.total_values, strict=True)
    ]

    reports = list(submitted_reports(review_round, root))
    child_ids = {row.unit.pk for row in rollup.rows}
    leading = [r for r in reports if r.unit_id in child_ids] or reports[:10]

    def excerpts(attr: str) -> list[str]:
        return [
            f"- {r.unit.display_name}: {getattr(r, attr)}" for r in leading if getattr(r, attr).strip()
        ] or [_("No unit has reported on this yet.")]

    items = [
        Section(_("I. RESULTS"), [*figures, *excerpts("results")]),
        Section(_("II. SHORTCOMINGS AND LIMITATIONS"), excerpts("shortcomings")),
        Section(_("III. LESSONS LEARNT"), excerpts("lessons")),
    ]
    columns = [_("No."), _("Unit"), *[i.name for i in rollup.indicators], _("Reports")]
    rows = [
        [
            str(n),
            row.unit.name,
            *[decimal_vi(v) for v in rollup.row_values(row)],
            f"{row.submitted}/{row.participants}",
        ]
        for n, row in enumerate(rollup.rows, start=1)
    ]
    annex = Annex(
        title=_("FIGURES BY UNIT"),
        subtitle=_("(rolled up from the units' submitted reports, up to %(date)s)")
        % {"date": review_round.period_end.strftime("%d/%m/%Y")},
        columns=columns,
        rows=rows,
        column_widths=[1, 5, *[2] * len(rollup.indicators), 2],
        totals=[
            "",
            _("Total"),
            *[decimal_vi(v) for v in rollup.total_values],
            f"{rollup.submitted}/{rollup.participants}",
        ],
    )
    return OfficialDocument(
        superior_body=parent.name.upper() if parent else "",
        issuer=root.name.upper(),
        number_symbol=f"/BC-{symbol}",
        place=root.address.split(",")[-1].strip() if root.address else "",
        date=date or timezone.localdate(),
        type_name=_("REPORT"),
        summary=f"{review_round.title} — {campaign.name}",
        preamble=preamble,
        items=items,
        recipients=[_("As above"), _("Archive")],
        signer_authority=_("ON BEHALF OF THE STANDING COMMITTEE"),
        signer_position=_("CHAIR"),
        annexes=[annex],
    )


def review_report_docx(review_round: ReviewRound, root: Unit) -> bytes:
    return render_docx(review_official_document(review_round, root))
