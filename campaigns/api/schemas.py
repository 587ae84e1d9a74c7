"""The shapes of the campaigns API (/api/v1/campaigns/): what each operation answers (`...Out`)
and takes (`...In`, checked as the forms check text through `core.schemas.CleanInput`)."""

from datetime import date, datetime
from decimal import Decimal

from ninja import Field, Schema

from campaigns import services
from campaigns.models import (
    Campaign,
    ContentItem,
    DisseminationSession,
    PeerScore,
    Registration,
    ReviewReport,
)
from core.schemas import CleanInput

__all__ = [
    "BelowOut",
    "CampaignDetailOut",
    "CampaignIn",
    "CampaignOut",
    "ConfirmIn",
    "ContentItemIn",
    "ContentItemOut",
    "CriteriaSetOut",
    "CriterionOut",
    "DecisionIn",
    "EvidenceIn",
    "GradeBandOut",
    "LaunchIn",
    "LeaderboardOut",
    "MovementOut",
    "PeerScoreIn",
    "ProgressOut",
    "ProgressRowOut",
    "ReachOut",
    "RegistrationIn",
    "RegistrationOut",
    "ReportIn",
    "RollupOut",
    "RollupRowOut",
    "ScoreOut",
    "SelfScoreIn",
    "SessionIn",
    "SessionOut",
    "SheetLineOut",
    "SheetOut",
    "StandingOut",
]


class MovementOut(Schema):
    id: int
    code: str
    name: str
    is_standing: bool


class ContentItemOut(Schema):
    order: int
    title: str
    text: str


class GradeBandOut(Schema):
    name: str
    min_score: Decimal


class CampaignOut(Schema):
    id: int
    name: str
    kind: str
    status: str
    theme: str
    slogan: str
    starts_on: date
    ends_on: date
    registration_deadline: date | None
    organiser_id: int
    root_unit_id: int
    launching_document_id: int | None
    reach_threshold: int


class CampaignDetailOut(CampaignOut):
    content_items: list[ContentItemOut]
    movements: list[str]
    included_unit_types: list[str]
    grade_bands: list[GradeBandOut]
    tie_breakers: list[str]

    @staticmethod
    def resolve_content_items(obj):
        return list(obj.content_items.all())

    @staticmethod
    def resolve_movements(obj):
        return list(obj.movements.values_list("name", flat=True))

    @staticmethod
    def resolve_included_unit_types(obj):
        return list(obj.included_unit_types.values_list("code", flat=True))

    @staticmethod
    def resolve_grade_bands(obj):
        return list(obj.grade_bands.all())


class ContentItemIn(CleanInput):
    text_models = (ContentItem,)
    order: int
    title: str
    text: str = ""


class CampaignIn(CleanInput):
    text_models = (Campaign,)
    organiser_id: int
    name: str
    theme: str
    starts_on: date
    ends_on: date
    included_unit_types: list[str] = Field(..., description="Unit type codes, e.g. ldld-huyen, cdcs")
    kind: Campaign.Kind = Campaign.Kind.SPECIAL
    slogan: str = ""
    root_unit_id: int | None = None
    registration_deadline: date | None = None
    launching_document_id: int | None = None
    movements: list[str] = Field(default_factory=list, description="Movement codes")
    reach_threshold: int = 80
    content_items: list[ContentItemIn] = Field(default_factory=list)


class LaunchIn(CleanInput):
    issued_on: date | None = None


class ReachOut(Schema):
    scope: int
    reported: int
    reached: int
    sessions: int
    below_threshold: int
    ratio: float | None


class ProgressRowOut(Schema):
    unit_id: int
    unit_name: str
    is_root: bool
    participants: int
    registered: int
    approved: int
    returned: int
    individuals: int
    reach: ReachOut
    sheets_submitted: int
    scores: int
    confirmed: int
    reports_submitted: int


class ProgressOut(Schema):
    unit_id: int
    review_round_id: int | None
    total: ProgressRowOut
    rows: list[ProgressRowOut]


class BelowOut(Schema):
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    scope: int = Field(..., alias="unit_scope")
    reached: int = Field(..., alias="unit_reached")
    ratio: float = Field(..., alias="reach_ratio")


class CriterionOut(Schema):
    id: int
    parent_id: int | None
    code: str
    name: str
    kind: str
    max_points: Decimal
    weight: Decimal | None
    target_value: Decimal | None
    unit_of_measure: str
    direction: str
    evidence_required: bool


class CriteriaSetOut(Schema):
    id: int
    name: str
    version: int
    frozen: bool = Field(..., alias="is_frozen")
    requires_points_sum: bool
    requires_weights_sum: bool
    problems: list[str]
    criteria: list[CriterionOut]

    @staticmethod
    def resolve_problems(obj):
        return services.criteria_problems(obj)

    @staticmethod
    def resolve_criteria(obj):
        return list(obj.criteria.order_by("order", "pk"))


class RegistrationOut(Schema):
    id: int
    unit_id: int
    member_id: int | None
    aimed_title: str
    aimed_title_other: str
    commitments: str
    status: str
    submitted_at: datetime
    reviewed_at: datetime | None
    review_comment: str
    targets: dict[int, Decimal]

    @staticmethod
    def resolve_targets(obj):
        return {t.criterion_id: t.target_value for t in obj.targets.all()}


class RegistrationIn(CleanInput):
    text_models = (Registration,)
    unit_id: int
    member_id: int | None = None
    aimed_title: str = ""
    aimed_title_other: str = ""
    commitments: str = ""
    targets: dict[int, Decimal] = Field(default_factory=dict, description="criterion id -> registered target")


class DecisionIn(CleanInput):
    comment: str = ""


class SessionOut(Schema):
    id: int
    unit_id: int
    held_on: date
    form: str
    topic: str
    officers: int
    members: int
    civil_servants: int
    public_employees: int
    workers: int
    participants: int
    document_ids: list[int]

    @staticmethod
    def resolve_document_ids(obj):
        return [d.pk for d in obj.documents.all()]


class SessionIn(CleanInput):
    text_models = (DisseminationSession,)
    unit_id: int
    held_on: date
    topic: str
    form: DisseminationSession.Form = DisseminationSession.Form.MEETING
    officers: int = 0
    members: int = 0
    civil_servants: int = 0
    public_employees: int = 0
    workers: int = 0
    document_ids: list[int] = Field(default_factory=list)
    note: str = ""


class ScoreOut(Schema):
    id: int
    criterion_id: int
    status: str
    actual_value: Decimal | None
    self_points: Decimal | None
    confirmed_points: Decimal | None
    confirm_reason: str
    max_points: Decimal
    min_points: Decimal
    evidence: list[str]

    @staticmethod
    def resolve_evidence(obj):
        return [e.original_name for e in obj.evidence.all()]


class SheetLineOut(Schema):
    criterion: CriterionOut
    depth: int
    is_leaf: bool
    score: ScoreOut | None
    self_subtotal: Decimal | None
    confirmed_subtotal: Decimal | None


class SheetOut(Schema):
    unit_id: int
    status: str
    submitted_at: datetime | None
    criteria_version: int | None
    self_total: Decimal
    confirmed_total: Decimal
    leaves: int
    scored: int
    confirmed: int
    lines: list[SheetLineOut]


class SelfScoreIn(CleanInput):
    unit_id: int
    criterion_id: int
    points: Decimal | None = None
    actual_value: Decimal | None = None
    note: str = ""


class EvidenceIn(CleanInput):
    text_limits = {"name": 255, "content_base64": None}
    name: str = Field(..., description="The file name, e.g. bien-ban.pdf")
    content_base64: str


class ConfirmIn(CleanInput):
    points: Decimal | None = None
    reason: str = ""


class PeerScoreIn(CleanInput):
    text_models = (PeerScore,)
    scorer_unit_id: int
    points: Decimal
    note: str = ""


class StandingOut(Schema):
    position: int
    unit_id: int = Field(..., alias="standing.unit_id")
    unit_name: str = Field(..., alias="standing.name")
    total: Decimal = Field(..., alias="standing.total")
    self_total: Decimal = Field(..., alias="standing.self_total")
    criteria_at_max: int = Field(..., alias="standing.at_max")
    confirmed: int = Field(..., alias="standing.confirmed")
    expected: int = Field(..., alias="standing.expected")
    grade: str
    tied: bool
    decided_by: str


class LeaderboardOut(Schema):
    cluster_id: int = Field(..., alias="cluster.pk")
    cluster_name: str = Field(..., alias="cluster.name")
    kind: str = Field(..., alias="cluster.kind")
    lead_unit_id: int | None = Field(None, alias="cluster.lead_unit_id")
    flag_proposal_unit_id: int | None = Field(None, alias="proposal.unit_id")
    rows: list[StandingOut]


class RollupRowOut(Schema):
    unit_id: int
    unit_name: str
    participants: int
    submitted: int
    values: dict[str, Decimal]


class RollupOut(Schema):
    round_id: int
    title: str
    indicators: dict[str, str]
    totals: dict[str, Decimal]
    rows: list[RollupRowOut]


class ReportIn(CleanInput):
    text_models = (ReviewReport,)
    unit_id: int
    values: dict[str, Decimal] = Field(default_factory=dict, description="indicator code -> value")
    results: str = ""
    shortcomings: str = ""
    lessons: str = ""
    submit: bool = False
