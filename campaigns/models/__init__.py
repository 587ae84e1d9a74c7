"""Campaign models, one module per concept: the campaign itself, its criteria, registration,
dissemination, scoring, clusters and periodic reviews."""

from campaigns.models.campaign import Campaign, ContentItem, GradeBand, Movement, Participant, TieBreaker
from campaigns.models.clusters import Cluster, ClusterFlagProposal, ClusterMembership
from campaigns.models.criteria import CriteriaSet, Criterion
from campaigns.models.outreach import DisseminationSession
from campaigns.models.registration import AimedTitle, Registration, RegistrationTarget
from campaigns.models.reviews import ReviewIndicator, ReviewReport, ReviewRound, ReviewValue
from campaigns.models.scoring import PeerScore, Score, ScoreEvidence, ScoreSheet

__all__ = [
    "AimedTitle",
    "Campaign",
    "Cluster",
    "ClusterFlagProposal",
    "ClusterMembership",
    "ContentItem",
    "CriteriaSet",
    "Criterion",
    "DisseminationSession",
    "GradeBand",
    "Movement",
    "Participant",
    "PeerScore",
    "Registration",
    "RegistrationTarget",
    "ReviewIndicator",
    "ReviewReport",
    "ReviewRound",
    "ReviewValue",
    "Score",
    "ScoreEvidence",
    "ScoreSheet",
    "TieBreaker",
]
