"""Campaigns over the JSON API (/api/v1/campaigns/): the same scope, predicates, services and
selectors as the pages. Broken rules answer 400 with the Vietnamese messages by field
(thidua/api.py); ids outside the caller's scope answer 404."""

import base64
import binascii

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import File, Router, UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from accounts import permissions
from campaigns import selectors, services
from campaigns.api.schemas import (
    BelowOut,
    CampaignDetailOut,
    CampaignIn,
    CampaignOut,
    ConfirmIn,
    CriteriaSetOut,
    DecisionIn,
    EvidenceIn,
    LaunchIn,
    LeaderboardOut,
    MovementOut,
    PeerScoreIn,
    ProgressOut,
    RegistrationIn,
    RegistrationOut,
    ReportIn,
    RollupOut,
    ScoreOut,
    SelfScoreIn,
    SessionIn,
    SessionOut,
    SheetOut,
)
from campaigns.models import (
    Campaign,
    Criterion,
    DisseminationSession,
    Movement,
    Registration,
    ReviewRound,
    Score,
)
from core.text import clean_text
from documents.models import Document
from documents.selectors import visible_documents
from organisations.models import Member, UnitType

router = Router()


# Lookups inside the caller's scope ---------------------------------------------------------


def _campaign(request, campaign_id) -> Campaign:
    return get_object_or_404(
        selectors.visible_campaigns(request.user).select_related("organiser", "root_unit"), pk=campaign_id
    )


def _unit(request, campaign, unit_id):
    return get_object_or_404(
        selectors.campaign_units(request.user, campaign).select_related("unit_type"), pk=unit_id
    )


def _root(request, campaign, unit_id):
    if unit_id is not None:
        return _unit(request, campaign, unit_id)
    root = selectors.scope_root(request.user, campaign)
    if root is None:
        raise PermissionDenied
    return root


def _score(request, campaign, score_id) -> Score:
    return get_object_or_404(
        Score.objects.filter(
            sheet__campaign=campaign, sheet__unit__in=selectors.scoring_units(request.user, campaign)
        ).select_related("sheet__unit", "criterion"),
        pk=score_id,
    )


# Campaigns ---------------------------------------------------------------------------------


@router.get("/movements", response=list[MovementOut], summary="Standing movements")
def list_movements(request):
    return Movement.objects.filter(is_active=True)


@router.get("", response=list[CampaignOut], summary="Campaigns in my scope")
@paginate(LimitOffsetPagination)
def list_campaigns(request, status: str = ""):
    campaigns = selectors.visible_campaigns(request.user).order_by("-starts_on", "-pk")
    return campaigns.filter(status=status) if status else campaigns


@router.post("", response={201: CampaignDetailOut}, summary="Create a draft campaign")
def create_campaign(request, payload: CampaignIn):
    units = permissions.visible_units(request.user)
    organiser = get_object_or_404(units, pk=payload.organiser_id)
    root = get_object_or_404(units, pk=payload.root_unit_id) if payload.root_unit_id else None
    document = (
        get_object_or_404(
            Document.objects.filter(issuer_unit__in=units.values("pk")), pk=payload.launching_document_id
        )
        if payload.launching_document_id
        else None
    )
    campaign = services.create_campaign(
        actor=request.user,
        organiser=organiser,
        root_unit=root,
        name=payload.name,
        theme=payload.theme,
        kind=payload.kind,
        slogan=payload.slogan,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        registration_deadline=payload.registration_deadline,
        launching_document=document,
        included_unit_types=list(UnitType.objects.filter(code__in=payload.included_unit_types)),
        movements=list(Movement.objects.filter(code__in=payload.movements)),
        reach_threshold=payload.reach_threshold,
        content_items=[(item.title, item.text) for item in payload.content_items],
    )
    return Status(201, campaign)


@router.get("/{campaign_id}", response=CampaignDetailOut)
def get_campaign(request, campaign_id: int):
    return _campaign(request, campaign_id)


@router.post(
    "/{campaign_id}/launch", response=CampaignOut, summary="Launch: every unit of the subtree takes part"
)
def launch_campaign(request, campaign_id: int, payload: LaunchIn):
    return services.launch_campaign(
        actor=request.user, campaign=_campaign(request, campaign_id), issued_on=payload.issued_on
    )


@router.get(
    "/{campaign_id}/progress",
    response=ProgressOut,
    summary="Registration, reach, scoring and reviews per child unit of a subtree",
)
def progress(request, campaign_id: int, unit_id: int | None = None):
    campaign = _campaign(request, campaign_id)
    root = _root(request, campaign, unit_id)
    result = selectors.campaign_progress(campaign, root)
    return {
        "unit_id": root.pk,
        "review_round_id": result.review_round.pk if result.review_round else None,
        "total": {**_row(result.total), "is_root": True},
        "rows": [_row(r) for r in result.rows],
    }


def _row(row) -> dict:
    data = {"unit_id": row.unit.pk, "unit_name": row.unit.name}
    data |= {
        name: getattr(row, name)
        for name in (
            "is_root",
            "participants",
            "registered",
            "approved",
            "returned",
            "individuals",
            "sheets_submitted",
            "scores",
            "confirmed",
            "reports_submitted",
        )
    }
    reach = row.reach
    data["reach"] = {
        "scope": reach.scope,
        "reported": reach.reported,
        "reached": reach.reached,
        "sessions": reach.sessions,
        "below_threshold": reach.below_threshold,
        "ratio": reach.ratio,
    }
    return data


@router.get(
    "/{campaign_id}/reach/below-threshold",
    response=list[BelowOut],
    summary="Participating units of a subtree below the reach threshold, lowest first",
)
def below_threshold(request, campaign_id: int, unit_id: int | None = None, limit: int = 100):
    campaign = _campaign(request, campaign_id)
    return selectors.units_below_threshold(
        campaign, _root(request, campaign, unit_id), limit=max(1, min(limit, 500))
    )


@router.get("/{campaign_id}/criteria", response=CriteriaSetOut | None, summary="The current criteria version")
def criteria(request, campaign_id: int):
    return services.current_criteria_set(_campaign(request, campaign_id))


# Registration ---------------------------------------------------------------------------------


@router.get("/{campaign_id}/registrations", response=list[RegistrationOut])
@paginate(LimitOffsetPagination)
def list_registrations(request, campaign_id: int, unit_id: int | None = None, status: str = ""):
    campaign = _campaign(request, campaign_id)
    root = _root(request, campaign, unit_id)
    registrations = (
        Registration.objects.filter(campaign=campaign, unit__path__startswith=root.path)
        .prefetch_related("targets")
        .order_by("unit__path", "pk")
    )
    return registrations.filter(status=status) if status else registrations


@router.post("/{campaign_id}/registrations", response={201: RegistrationOut})
def register(request, campaign_id: int, payload: RegistrationIn):
    campaign = _campaign(request, campaign_id)
    unit = _unit(request, campaign, payload.unit_id)
    member = (
        get_object_or_404(Member.objects.filter(unit=unit), pk=payload.member_id)
        if payload.member_id
        else None
    )
    registration = services.register(
        actor=request.user,
        campaign=campaign,
        unit=unit,
        member=member,
        aimed_title=payload.aimed_title,
        aimed_title_other=payload.aimed_title_other,
        commitments=payload.commitments,
        targets=payload.targets,
    )
    return Status(201, registration)


def _registration(request, campaign, registration_id):
    return get_object_or_404(
        Registration.objects.filter(
            campaign=campaign, unit__in=selectors.campaign_units(request.user, campaign)
        ),
        pk=registration_id,
    )


@router.post("/{campaign_id}/registrations/{registration_id}/approve", response=RegistrationOut)
def approve(request, campaign_id: int, registration_id: int, payload: DecisionIn):
    campaign = _campaign(request, campaign_id)
    return services.approve_registration(
        actor=request.user,
        registration=_registration(request, campaign, registration_id),
        comment=payload.comment,
    )


@router.post("/{campaign_id}/registrations/{registration_id}/return", response=RegistrationOut)
def return_(request, campaign_id: int, registration_id: int, payload: DecisionIn):
    campaign = _campaign(request, campaign_id)
    return services.return_registration(
        actor=request.user,
        registration=_registration(request, campaign, registration_id),
        comment=payload.comment,
    )


# Dissemination --------------------------------------------------------------------------------


@router.get("/{campaign_id}/sessions", response=list[SessionOut])
@paginate(LimitOffsetPagination)
def list_sessions(request, campaign_id: int, unit_id: int | None = None):
    campaign = _campaign(request, campaign_id)
    root = _root(request, campaign, unit_id)
    return DisseminationSession.objects.filter(
        campaign=campaign, unit__path__startswith=root.path
    ).prefetch_related("documents")


@router.post("/{campaign_id}/sessions", response={201: SessionOut})
def record_session(request, campaign_id: int, payload: SessionIn):
    campaign = _campaign(request, campaign_id)
    unit = _unit(request, campaign, payload.unit_id)
    documents = list(visible_documents(request.user).filter(pk__in=payload.document_ids))
    data = payload.dict(exclude={"unit_id", "document_ids"})
    session = services.record_session(
        actor=request.user, campaign=campaign, unit=unit, documents=documents, **data
    )
    return Status(201, session)


# Scoring -------------------------------------------------------------------------------------------


@router.get("/{campaign_id}/sheets/{unit_id}", response=SheetOut, summary="A unit's score sheet")
def sheet(request, campaign_id: int, unit_id: int):
    campaign = _campaign(request, campaign_id)
    unit = get_object_or_404(selectors.scoring_units(request.user, campaign), pk=unit_id)
    view = selectors.sheet_view(campaign, unit)
    return {
        "unit_id": unit.pk,
        "status": view.sheet.status if view.sheet else "not_started",
        "submitted_at": view.sheet.submitted_at if view.sheet else None,
        "criteria_version": view.lines[0].criterion.criteria_set.version if view.lines else None,
        "self_total": view.self_total,
        "confirmed_total": view.confirmed_total,
        "leaves": view.leaves,
        "scored": view.scored,
        "confirmed": view.confirmed,
        "lines": view.lines,
    }


@router.post("/{campaign_id}/scores", response={201: ScoreOut}, summary="Self-score one criterion")
def self_score(request, campaign_id: int, payload: SelfScoreIn):
    campaign = _campaign(request, campaign_id)
    unit = _unit(request, campaign, payload.unit_id)
    criterion = get_object_or_404(Criterion, criteria_set__campaign=campaign, pk=payload.criterion_id)
    score = services.self_score(
        actor=request.user,
        campaign=campaign,
        unit=unit,
        criterion=criterion,
        points=payload.points,
        actual_value=payload.actual_value,
        note=payload.note,
    )
    return Status(201, score)


@router.post(
    "/{campaign_id}/scores/{score_id}/evidence",
    response={201: ScoreOut},
    summary="Attach an evidence file (PDF, DOCX, XLSX, PNG, JPEG), its content in base64",
    description="For small files only: a JSON body is limited to 5 MB in all (413 above it), and "
    "base64 adds a third. Send larger files as a multipart upload to "
    "`/{campaign_id}/scores/{score_id}/evidence/upload`.",
)
def attach_evidence(request, campaign_id: int, score_id: int, payload: EvidenceIn):
    campaign = _campaign(request, campaign_id)
    score = _score(request, campaign, score_id)
    try:
        content = base64.b64decode(payload.content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError({"content_base64": _("The file's content is not valid base64.")}) from None
    upload = SimpleUploadedFile(payload.name[:255] or "minh-chung", content)
    services.attach_evidence(actor=request.user, score=score, upload=upload)
    return Status(201, score)


@router.post(
    "/{campaign_id}/scores/{score_id}/evidence/upload",
    response={201: ScoreOut},
    summary="Attach an evidence file (PDF, DOCX, XLSX, PNG, JPEG) as a multipart upload",
    description="`multipart/form-data` with the file in the field `file`; up to the upload limit "
    "(MAX_UPLOAD_MB, 20 MB by default), the type decided by content.",
)
def upload_evidence(request, campaign_id: int, score_id: int, file: File[UploadedFile]):
    campaign = _campaign(request, campaign_id)
    score = _score(request, campaign, score_id)
    file.name = clean_text(file.name or "", label=_("file name"), max_length=255) or "minh-chung"
    services.attach_evidence(actor=request.user, score=score, upload=file)
    return Status(201, score)


@router.post("/{campaign_id}/sheets/{unit_id}/submit", response=SheetOut)
def submit_sheet(request, campaign_id: int, unit_id: int):
    campaign = _campaign(request, campaign_id)
    unit = _unit(request, campaign, unit_id)
    services.submit_sheet(actor=request.user, campaign=campaign, unit=unit)
    return sheet(request, campaign_id, unit_id)


@router.post(
    "/{campaign_id}/scores/{score_id}/confirm",
    response=ScoreOut,
    summary="Confirm and lock a score (the first of two concurrent confirmations wins)",
)
def confirm(request, campaign_id: int, score_id: int, payload: ConfirmIn):
    campaign = _campaign(request, campaign_id)
    return services.confirm_score(
        actor=request.user,
        score=_score(request, campaign, score_id),
        points=payload.points,
        reason=payload.reason,
    )


@router.post(
    "/{campaign_id}/scores/{score_id}/peer", response=ScoreOut, summary="Cross-score as a cluster member"
)
def peer(request, campaign_id: int, score_id: int, payload: PeerScoreIn):
    campaign = _campaign(request, campaign_id)
    score = _score(request, campaign, score_id)
    scorer = get_object_or_404(permissions.visible_units(request.user), pk=payload.scorer_unit_id)
    services.peer_score(
        actor=request.user, score=score, scorer_unit=scorer, points=payload.points, note=payload.note
    )
    return Score.objects.get(pk=score.pk)


@router.get(
    "/{campaign_id}/leaderboards",
    response=list[LeaderboardOut],
    summary="Rankings of the clusters with units in a subtree",
)
def leaderboards(request, campaign_id: int, unit_id: int | None = None):
    campaign = _campaign(request, campaign_id)
    root = _root(request, campaign, unit_id)
    return selectors.leaderboards(campaign, selectors.campaign_clusters(campaign, root))


# Reviews ------------------------------------------------------------------------------------------


def _round(campaign, round_id) -> ReviewRound:
    return get_object_or_404(ReviewRound, campaign=campaign, pk=round_id)


@router.get(
    "/{campaign_id}/reviews/{round_id}/rollup",
    response=RollupOut,
    summary="Review indicators summed over the subtree, per child unit",
)
def rollup(request, campaign_id: int, round_id: int, unit_id: int | None = None):
    campaign = _campaign(request, campaign_id)
    result = selectors.review_rollup(_round(campaign, round_id), _root(request, campaign, unit_id))
    codes = {i.pk: i.code for i in result.indicators}
    return {
        "round_id": result.review_round.pk,
        "title": result.review_round.title,
        "indicators": {i.code: i.name for i in result.indicators},
        "totals": {codes[k]: v for k, v in result.totals.items()},
        "rows": [
            {
                "unit_id": row.unit.pk,
                "unit_name": row.unit.name,
                "participants": row.participants,
                "submitted": row.submitted,
                "values": {codes[k]: v for k, v in row.values.items()},
            }
            for row in result.rows
        ],
    }


@router.post("/{campaign_id}/reviews/{round_id}/reports", response={201: dict})
def save_report(request, campaign_id: int, round_id: int, payload: ReportIn):
    campaign = _campaign(request, campaign_id)
    review_round = _round(campaign, round_id)
    unit = _unit(request, campaign, payload.unit_id)
    by_code = {i.code: i.pk for i in campaign.indicators.all()}
    unknown = set(payload.values) - set(by_code)
    if unknown:
        raise ValidationError({"values": _("Unknown indicator.")})
    report = services.save_review_report(
        actor=request.user,
        review_round=review_round,
        unit=unit,
        values={by_code[code]: value for code, value in payload.values.items()},
        results=payload.results,
        shortcomings=payload.shortcomings,
        lessons=payload.lessons,
        submit=payload.submit,
    )
    return Status(201, {"id": report.pk, "status": report.status})
