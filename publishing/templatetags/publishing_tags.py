from django import template
from django.utils.functional import Promise
from django.utils.html import format_html

from publishing.models import AdvancedModel, Article, BulletinIssue

register = template.Library()

_ARTICLE_BADGES: dict[str, str] = {
    Article.Status.DRAFT: "badge-grey",
    Article.Status.SUBMITTED: "badge-amber",
    Article.Status.RETURNED: "badge-red",
    Article.Status.APPROVED: "badge-blue",
    Article.Status.PUBLISHED: "badge-green",
}
_STAGE_BADGES: dict[str, str] = {
    AdvancedModel.Stage.FOUND: "badge-grey",
    AdvancedModel.Stage.NURTURED: "badge-amber",
    AdvancedModel.Stage.RECOGNISED: "badge-blue",
    AdvancedModel.Stage.REPLICATING: "badge-green",
}
_ISSUE_BADGES: dict[str, str] = {
    BulletinIssue.Status.DRAFT: "badge-grey",
    BulletinIssue.Status.QUEUED: "badge-amber",
    BulletinIssue.Status.READY: "badge-green",
    BulletinIssue.Status.FAILED: "badge-red",
}


@register.filter
def article_badge(article: Article) -> str:
    from django.utils.translation import gettext as _

    if article.is_scheduled:
        return format_html('<span class="badge badge-amber">{}</span>', _("Scheduled"))
    return format_html(
        '<span class="badge {}">{}</span>',
        _ARTICLE_BADGES.get(article.status, ""),
        article.get_status_display(),
    )


@register.filter
def stage_badge(model: AdvancedModel) -> str:
    return format_html(
        '<span class="badge {}">{}</span>', _STAGE_BADGES.get(model.stage, ""), model.get_stage_display()
    )


@register.filter
def issue_badge(issue: BulletinIssue) -> str:
    return format_html(
        '<span class="badge {}">{}</span>', _ISSUE_BADGES.get(issue.status, ""), issue.get_status_display()
    )


@register.filter
def status_label(value: str) -> str | Promise:
    return Article.Status(value).label if value in Article.Status.values else value


@register.filter
def is_link(value: str) -> bool:
    return str(value).startswith(("http://", "https://"))


@register.filter
def number_vi(value) -> str:
    """1234567.50 -> "1.234.567,5" (Vietnamese grouping and decimal comma)."""
    if value is None:
        return "—"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
