"""Writes of the campaigns app, one verb per use case, each in a transaction; grouped by concept."""

from campaigns.services.campaign import (
    close_campaign,
    create_campaign,
    launch_campaign,
    set_content_items,
    set_grade_bands,
    set_tie_breakers,
    update_campaign,
)
from campaigns.services.clusters import (
    create_cluster,
    next_leaders,
    propose_cluster_flag,
    roll_cluster_forward,
    set_cluster_leaders,
    withdraw_flag_proposal,
)
from campaigns.services.criteria import (
    add_criterion,
    check_criteria_set,
    copy_criteria_template,
    create_criteria_set,
    criteria_problems,
    current_criteria_set,
    delete_criterion,
    new_criteria_version,
    update_criteria_set,
    update_criterion,
)
from campaigns.services.outreach import delete_session, record_session
from campaigns.services.registration import approve_registration, register, return_registration
from campaigns.services.reviews import open_review_round, save_review_report
from campaigns.services.scoring import (
    attach_evidence,
    check_points,
    confirm_score,
    confirm_scores,
    peer_score,
    self_score,
    submit_sheet,
    suggested_points,
)

__all__ = [
    "add_criterion", "approve_registration", "attach_evidence", "check_criteria_set", "check_points",
    "close_campaign", "confirm_score", "confirm_scores", "copy_criteria_template", "create_campaign",
    "create_cluster", "create_criteria_set", "criteria_problems", "current_criteria_set", "delete_criterion",
    "delete_session", "launch_campaign", "new_criteria_version", "next_leaders", "open_review_round", "peer_score",
    "propose_cluster_flag", "record_session", "register", "return_registration", "roll_cluster_forward",
    "save_review_report", "self_score", "set_cluster_leaders", "set_content_items", "set_grade_bands",
    "set_tie_breakers", "submit_sheet", "suggested_points", "update_campaign", "update_criteria_set",
    "update_criterion", "withdraw_flag_proposal",
]
