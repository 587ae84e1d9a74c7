"""Scoring: self-scores with evidence, cross-scoring inside a cluster, confirmation that locks.

Confirming takes the score's row lock (SELECT ... FOR UPDATE) and checks its status inside the
lock, so of two reviewers confirming the same score at once the first wins and the second is
told it is already locked. Every change is kept by simple-history.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from campaigns.models import Campaign, Cluster, Criterion, PeerScore, Score, ScoreEvidence, ScoreSheet
from campaigns.services.campaign import require_participant, require_running
from campaigns.services.criteria import _fmt, check_criteria_set, current_criteria_set
from core.uploads import DOCX, JPEG, PDF, PNG, XLSX, check_upload
from organisations.models import Unit

__all__ = [
    "attach_evidence",
    "check_points",
    "confirm_score",
    "confirm_scores",
    "peer_score",
    "self_score",
    "submit_sheet",
    "suggested_points",
]

EVIDENCE_TYPES = {PDF, DOCX, XLSX, PNG, JPEG}
CENT = Decimal("0.01")
MAX_VALUE = Decimal(10) ** 12  # results hold 14 digits, 2 after the point


def _decimal(value, field: str, label: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).replace(",", ".")).quantize(CENT, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        raise ValidationError(
            {field: _("%(criterion)s: “%(value)s” is not a number.") % {"criterion": label, "value": value}}
        ) from None
    if abs(number) >= MAX_VALUE:
        raise ValidationError({field: _("%(criterion)s: the number is too large.") % {"criterion": label}})
    return number


def check_points(criterion: Criterion, points: Decimal, field: str = "points") -> None:
    """The rule every score obeys: never above the criterion's maximum, never negative unless the
    criterion deducts penalty points, and never deducting more than its maximum."""
    if criterion.allows_penalty:
        if points > 0:
            raise ValidationError(
                {
                    field: _("%(criterion)s: penalty points are entered as a deduction (0 or below).")
                    % {"criterion": criterion.label}
                }
            )
        if points < -criterion.max_points:
            raise ValidationError(
                {
                    field: _("%(criterion)s: at most %(max)s points can be deducted.")
                    % {"criterion": criterion.label, "max": _fmt(criterion.max_points)}
                }
            )
        return
    if points < 0:
        raise ValidationError(
            {
                field: _("%(criterion)s: a score cannot be negative; this criterion has no penalty points.")
                % {"criterion": criterion.label}
            }
        )
    if points > criterion.max_points:
        raise ValidationError(
            {
                field: _("%(criterion)s: %(points)s points is above the maximum of %(max)s.")
                % {"criterion": criterion.label, "points": _fmt(points), "max": _fmt(criterion.max_points)}
            }
        )


def suggested_points(criterion: Criterion, actual: Decimal) -> Decimal:
    """Points for a quantitative result: full marks at or beyond the target, in proportion below it."""
    target = criterion.target_value
    if target is None or criterion.allows_penalty:
        return Decimal(0)
    if criterion.direction == Criterion.Direction.HIGHER:
        ratio = Decimal(1) if target == 0 else min(actual / target, Decimal(1))
    else:
        ratio = Decimal(1) if actual <= target else (target / actual if actual else Decimal(1))
    return (criterion.max_points * max(ratio, Decimal(0))).quantize(CENT, rounding=ROUND_HALF_UP)


def cluster_of(unit: Unit, year: int) -> Cluster | None:
    return (
        Cluster.objects.filter(year=year, memberships__unit=unit)
        .select_related("lead_unit", "deputy_unit", "organiser")
        .first()
    )


def _sheet_for(campaign: Campaign, unit: Unit) -> ScoreSheet:
    """The unit's sheet, locked; created on the current criteria version the first time. A sheet
    without scores follows the current version; one with scores keeps its own."""
    sheet = ScoreSheet.objects.select_for_update(of=("self",)).filter(campaign=campaign, unit=unit).first()
    current = current_criteria_set(campaign)
    if current is None:
        raise ValidationError(_("The campaign has no criteria to score yet."))
    if sheet is None:
        ScoreSheet.objects.get_or_create(campaign=campaign, unit=unit, defaults={"criteria_set": current})
        sheet = ScoreSheet.objects.select_for_update(of=("self",)).get(campaign=campaign, unit=unit)
    elif sheet.criteria_set_id != current.pk and not sheet.scores.exists():
        sheet.criteria_set = current
        sheet.save(update_fields=["criteria_set"])
    return sheet


def _freeze(sheet: ScoreSheet) -> None:
    criteria_set = sheet.criteria_set
    if criteria_set.frozen_at is None:
        check_criteria_set(criteria_set)
        criteria_set.frozen_at = timezone.now()
        criteria_set.save(update_fields=["frozen_at"])


@transaction.atomic
def self_score(
    *,
    actor,
    campaign: Campaign,
    unit: Unit,
    criterion: Criterion,
    points=None,
    actual_value=None,
    note: str = "",
    evidence=(),
) -> Score:
    """A unit scores itself on one criterion, with the result achieved for a quantitative target
    (points follow from it when not given) and evidence files (PDF, Word, Excel, PNG, JPEG)."""
    require_running(campaign)
    if not permissions.can_act_for_unit(actor, unit):
        raise PermissionDenied(_("You may only score units in your scope."))
    require_participant(campaign, unit)
    for upload in evidence:  # every file is checked before anything is written
        check_upload(upload, EVIDENCE_TYPES, field_label=upload.name)
    sheet = _sheet_for(campaign, unit)
    if sheet.status == ScoreSheet.Status.SUBMITTED:
        raise ValidationError(
            _("The score sheet was submitted on %(date)s; self-scores can no longer change.")
            % {"date": timezone.localtime(sheet.submitted_at).strftime("%d/%m/%Y")}
        )
    if criterion.criteria_set_id != sheet.criteria_set_id:
        raise ValidationError(
            _("“%(criterion)s” is not in version %(version)s of the criteria this sheet uses.")
            % {"criterion": criterion.label, "version": sheet.criteria_set.version}
        )
    if criterion.children.exists():
        raise ValidationError(
            _("“%(criterion)s” is scored through its sub-criteria.") % {"criterion": criterion.label}
        )
    actual = _decimal(actual_value, "actual_value", criterion.label)
    value = _decimal(points, "points", criterion.label)
    if criterion.is_quantitative and actual is None:
        raise ValidationError(
            {
                "actual_value": _("%(criterion)s: enter the result achieved (%(uom)s).")
                % {"criterion": criterion.label, "uom": criterion.unit_of_measure}
            }
        )
    if value is None:
        if not criterion.is_quantitative:
            raise ValidationError(
                {"points": _("%(criterion)s: enter the points.") % {"criterion": criterion.label}}
            )
        assert actual is not None  # required for a quantitative criterion above
        value = suggested_points(criterion, actual)
    check_points(criterion, value)
    _freeze(sheet)
    score = Score.objects.select_for_update(of=("self",)).filter(sheet=sheet, criterion=criterion).first()
    if score is None:
        score = Score(
            sheet=sheet,
            criterion=criterion,
            max_points=criterion.upper_points,
            min_points=criterion.min_points,
            allows_penalty=criterion.allows_penalty,
        )
    elif score.is_confirmed:
        raise ValidationError(
            _("%(criterion)s: the score was confirmed and is locked.") % {"criterion": criterion.label}
        )
    score.self_points = value
    score.actual_value = actual
    score.self_note = note.strip()
    score.scored_by = actor
    score.scored_at = timezone.now()
    score._history_user = actor
    score.save()
    for upload in evidence:
        _store_evidence(score, upload, actor)
    return score


def _store_evidence(score: Score, upload, actor) -> ScoreEvidence:
    kind = check_upload(upload, EVIDENCE_TYPES, field_label=upload.name)
    return ScoreEvidence.objects.create(
        score=score,
        file=upload,
        original_name=upload.name[:255],
        kind=kind,
        size=upload.size,
        uploaded_by=actor,
    )


@transaction.atomic
def attach_evidence(*, actor, score: Score, upload) -> ScoreEvidence:
    score = (
        Score.objects.select_for_update(of=("self",))
        .select_related("sheet__unit", "sheet__campaign")
        .get(pk=score.pk)
    )
    if not permissions.can_act_for_unit(actor, score.sheet.unit):
        raise PermissionDenied
    check_upload(upload, EVIDENCE_TYPES, field_label=upload.name)
    if score.is_confirmed or score.sheet.status == ScoreSheet.Status.SUBMITTED:
        raise ValidationError(_("Evidence can only be added before the sheet is submitted."))
    return _store_evidence(score, upload, actor)


@transaction.atomic
def submit_sheet(*, actor, campaign: Campaign, unit: Unit) -> ScoreSheet:
    """Send the self-scores for review: every criterion scored, evidence where it is required."""
    require_running(campaign)
    if not permissions.can_act_for_unit(actor, unit):
        raise PermissionDenied
    sheet = _sheet_for(campaign, unit)
    if sheet.status == ScoreSheet.Status.SUBMITTED:
        raise ValidationError(_("The score sheet was already submitted."))
    leaves = [c for c in sheet.criteria_set.criteria.prefetch_related("children") if not c.children.all()]
    scores = {s.criterion_id: s for s in sheet.scores.prefetch_related("evidence")}
    problems = []
    for criterion in leaves:
        score = scores.get(criterion.pk)
        if score is None or score.self_points is None:
            if criterion.kind == Criterion.Kind.STANDARD:
                problems.append(_("“%(criterion)s” has no self-score yet.") % {"criterion": criterion.label})
        elif criterion.evidence_required and not score.evidence.all():
            problems.append(
                _("“%(criterion)s” requires evidence; attach a file.") % {"criterion": criterion.label}
            )
    if problems:
        raise ValidationError(problems)
    sheet.status = ScoreSheet.Status.SUBMITTED
    sheet.submitted_at = timezone.now()
    sheet.submitted_by = actor
    sheet._history_user = actor
    sheet.save(update_fields=["status", "submitted_at", "submitted_by"])
    return sheet


def _cluster_unit_ids(cluster: Cluster | None) -> set[int]:
    return set(cluster.memberships.values_list("unit_id", flat=True)) if cluster else set()


@transaction.atomic
def peer_score(*, actor, score: Score, scorer_unit: Unit, points, note: str = "") -> PeerScore:
    """Another unit of the same cluster scores this criterion (chấm chéo)."""
    score = (
        Score.objects.select_for_update(of=("self",))
        .select_related("sheet__unit", "sheet__campaign", "criterion")
        .get(pk=score.pk)
    )
    sheet = score.sheet
    require_running(sheet.campaign)
    cluster = cluster_of(sheet.unit, sheet.campaign.year)
    if not permissions.can_peer_score(actor, scorer_unit, sheet.unit, _cluster_unit_ids(cluster)):
        raise PermissionDenied(_("Only other units of the same cluster can cross-score."))
    if sheet.status != ScoreSheet.Status.SUBMITTED:
        raise ValidationError(_("The unit has not submitted its score sheet yet."))
    if score.is_confirmed:
        raise ValidationError(
            _("%(criterion)s: the score was confirmed and is locked.") % {"criterion": score.criterion.label}
        )
    value = _decimal(points, "points", score.criterion.label)
    if value is None:
        raise ValidationError(
            {"points": _("%(criterion)s: enter the points.") % {"criterion": score.criterion.label}}
        )
    check_points(score.criterion, value)
    peer = PeerScore.objects.filter(score=score, scorer_unit=scorer_unit).first() or PeerScore(
        score=score,
        scorer_unit=scorer_unit,
        max_points=score.max_points,
        min_points=score.min_points,
        allows_penalty=score.allows_penalty,
    )
    peer.points = value
    peer.note = note.strip()
    peer.scored_by = actor
    peer._history_user = actor
    peer.save()
    return peer


def peer_mean(score: Score) -> Decimal | None:
    values = [p.points for p in score.peer_scores.all()]
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(CENT, rounding=ROUND_HALF_UP)


@transaction.atomic
def confirm_score(*, actor, score: Score, points=None, reason: str = "") -> Score:
    """Set the confirmed score and lock it. In a cluster scoring by peers' mean, the confirmed
    score is the mean of the peers' scores; otherwise it is the reviewer's. A confirmed score
    that differs from the self-score needs a reason. A score already confirmed is refused."""
    locked = Score.objects.select_for_update(of=("self",)).get(pk=score.pk)
    score = Score.objects.select_related("sheet__unit", "sheet__campaign", "criterion", "confirmed_by").get(
        pk=locked.pk
    )
    label = score.criterion.label
    sheet = score.sheet
    cluster = cluster_of(sheet.unit, sheet.campaign.year)
    if not permissions.can_confirm_score(actor, sheet.unit, cluster):
        raise PermissionDenied(_("Only the level above or the cluster's lead unit can confirm these scores."))
    if score.is_confirmed:
        raise ValidationError(
            _(
                "%(criterion)s: this score was already confirmed by %(who)s at %(when)s; it is locked "
                "and your confirmation was not recorded."
            )
            % {
                "criterion": label,
                "who": score.confirmed_by or "—",
                "when": timezone.localtime(score.confirmed_at).strftime("%H:%M %d/%m/%Y"),
            }
        )
    require_running(sheet.campaign)
    if sheet.status != ScoreSheet.Status.SUBMITTED:
        raise ValidationError(_("The unit has not submitted its score sheet yet."))
    assert score.self_points is not None  # a score is created with its self-score
    if cluster is not None and cluster.scoring_mode == Cluster.ScoringMode.PEER_MEAN:
        value = peer_mean(score)
        if value is None:
            raise ValidationError(
                _("%(criterion)s: no peer in the cluster has scored this yet.") % {"criterion": label}
            )
    else:
        value = _decimal(points, "points", label)
        if value is None:
            value = score.self_points
    check_points(score.criterion, value)
    reason = reason.strip()
    if value != score.self_points and not reason:
        raise ValidationError(
            {
                "reason": _(
                    "%(criterion)s: give the reason why the confirmed score (%(confirmed)s) "
                    "differs from the self-score (%(self)s)."
                )
                % {"criterion": label, "confirmed": _fmt(value), "self": _fmt(score.self_points)}
            }
        )
    score.confirmed_points = value
    score.confirm_reason = reason
    score.status = Score.Status.CONFIRMED
    score.confirmed_by = actor
    score.confirmed_at = timezone.now()
    score._history_user = actor
    score.save()
    return score


@transaction.atomic
def confirm_scores(*, actor, decisions: list[tuple[Score, object, str]]) -> list[Score]:
    """Confirm several scores of a sheet at once: all of them, or none if one is refused."""
    return [
        confirm_score(actor=actor, score=score, points=points, reason=reason)
        for score, points, reason in decisions
    ]
