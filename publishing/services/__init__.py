"""Writes of the publishing area, one verb per use case, each in one transaction:
articles and their editorial flow, advanced models, bulletin issues."""

from publishing.services.advanced_models import (
    add_evidence,
    advance_model,
    create_model,
    record_replication,
    update_model,
)
from publishing.services.articles import (
    add_article_image,
    approve_article,
    create_article,
    publish_article,
    remove_article_image,
    return_article,
    submit_article,
    unique_slug,
    update_article,
    withdraw_article,
)
from publishing.services.bulletins import (
    create_bulletin,
    move_bulletin_entry,
    period_bounds,
    remove_bulletin_entry,
    request_bulletin_pdf,
)

__all__ = [
    "add_article_image", "add_evidence", "advance_model", "approve_article", "create_article", "create_bulletin",
    "create_model", "move_bulletin_entry", "period_bounds", "publish_article",
    "record_replication", "remove_article_image", "remove_bulletin_entry", "request_bulletin_pdf", "return_article",
    "submit_article", "unique_slug", "update_article", "update_model", "withdraw_article",
]
