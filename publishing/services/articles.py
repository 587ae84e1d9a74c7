"""Articles: writing, images, and the editorial flow draft → submitted → approved → published
(or returned with a comment). Every step is an ArticleEvent; simple-history keeps the versions."""

import re
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import (
    can_edit_article,
    can_publish_article,
    can_review_article,
    can_write_article,
)
from core.text import normalize, slugify_vi
from publishing.images import process_image
from publishing.models import Article, ArticleEvent, ArticleImage
from publishing.sanitizer import plain_text, sanitize_html, text_to_html, unsafe_content

__all__ = [
    "add_article_image",
    "approve_article",
    "create_article",
    "publish_article",
    "remove_article_image",
    "return_article",
    "submit_article",
    "unique_slug",
    "update_article",
    "withdraw_article",
]

Status = Article.Status
# Paths under /tin-tuc/ that are not articles.
RESERVED_SLUGS = {"feed", "chuyen-muc", "don-vi"}
SLUG_BASE_LENGTH = 90
EDITABLE_FIELDS = (
    "title",
    "category",
    "unit",
    "byline",
    "lead",
    "body",
    "campaign_reference",
    "award_decision_reference",
)


def unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    """A clean Vietnamese slug for the title; a taken one gets -2, -3..."""
    base = slugify_vi(title, max_length=SLUG_BASE_LENGTH) or "bai-viet"
    # pk=None excludes nothing (Django reads it as IS NULL); django-stubs takes None for no lookup
    taken = set(
        Article.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)  # type: ignore[misc]
        .values_list("slug", flat=True)
    )
    taken |= RESERVED_SLUGS
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _save_with_unique_slug(article: Article, *, new_slug: bool) -> None:
    """Save; if another article took the slug meanwhile, take the next one."""
    for attempt in range(5):
        if new_slug or attempt:
            article.slug = unique_slug(article.title, exclude_pk=article.pk)
        try:
            with transaction.atomic():
                article.save()
            return
        except IntegrityError:
            if not Article.objects.filter(slug=article.slug).exclude(pk=article.pk).exists() or attempt == 4:
                raise


def _clean_fields(fields: dict, errors: dict) -> dict:
    """Normalise and check the writable fields; collect errors instead of stopping at the first."""
    cleaned = dict(fields)
    for name in ("title", "lead", "byline", "campaign_reference", "award_decision_reference"):
        if name in cleaned:
            cleaned[name] = normalize(cleaned[name] or "")
    if "title" in cleaned and not cleaned["title"]:
        errors["title"] = [_("Give the article a title.")]
    for name in ("title", "byline", "campaign_reference", "award_decision_reference"):
        model_field = Article._meta.get_field(name)
        assert isinstance(model_field, models.CharField) and model_field.max_length is not None
        limit = model_field.max_length
        if len(cleaned.get(name) or "") > limit:
            errors[name] = [
                _("At most %(limit)d characters; this has %(length)d.")
                % {"limit": limit, "length": len(cleaned[name])}
            ]
    if "lead" in cleaned and not cleaned["lead"]:
        errors["lead"] = [_("Write a lead: one or two sentences that say what the article is about.")]
    if "body" in cleaned:
        body = cleaned["body"] or ""
        problems = unsafe_content(body)
        if problems:
            errors["body"] = problems
        else:
            cleaned["body"] = sanitize_html(text_to_html(body))
            if not plain_text(cleaned["body"]):
                errors["body"] = [_("The body is empty.")]
    return cleaned


def _process(image, errors: dict):
    if image is None:
        return None
    try:
        return process_image(image)
    except ValidationError as exc:
        errors["image"] = exc.messages
        return None


def _store_image(article: Article, processed, *, actor, caption: str = "") -> ArticleImage:
    position = article.images.count()
    image = ArticleImage(
        article=article,
        caption=normalize(caption),
        position=position,
        uploaded_by=actor,
        width=processed.width,
        height=processed.height,
    )
    image.image.save(processed.image.name, processed.image, save=False)
    image.thumbnail.save(processed.thumbnail.name, processed.thumbnail, save=False)
    image.save()
    return image


def _record(article: Article, actor, from_status: str, to_status: str, comment: str = "") -> ArticleEvent:
    return ArticleEvent.objects.create(
        article=article, actor=actor, from_status=from_status, to_status=to_status, comment=normalize(comment)
    )


@transaction.atomic
def create_article(
    *,
    actor,
    unit,
    category,
    title: str,
    lead: str,
    body: str,
    byline: str = "",
    campaign_reference: str = "",
    award_decision_reference: str = "",
    related_units=(),
    advanced_models=(),
    image=None,
    image_caption: str = "",
) -> Article:
    """A new draft by `actor` for `unit`. Nothing is saved unless everything (image included) is valid."""
    if not can_write_article(actor, unit):
        raise PermissionDenied(_("You may not write articles for this unit."))
    errors: dict = {}
    fields = _clean_fields(
        {
            "title": title,
            "lead": lead,
            "body": body,
            "byline": byline,
            "campaign_reference": campaign_reference,
            "award_decision_reference": award_decision_reference,
        },
        errors,
    )
    processed = _process(image, errors)
    if errors:
        raise ValidationError(errors)
    article = Article(unit=unit, category=category, author=actor, status=Status.DRAFT, **fields)
    _save_with_unique_slug(article, new_slug=True)
    article.related_units.set(related_units)
    article.advanced_models.set(advanced_models)
    _record(article, actor, "", Status.DRAFT)
    if processed is not None:
        _store_image(article, processed, actor=actor, caption=image_caption)
    return article


@transaction.atomic
def update_article(
    article: Article,
    *,
    actor,
    related_units=None,
    advanced_models=None,
    image=None,
    image_caption: str = "",
    **fields,
) -> Article:
    """Change an article's content. Its address stays once it has been published."""
    article = _locked(article)
    if not can_edit_article(actor, article):
        raise PermissionDenied(_("You may not edit this article now."))
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    if "unit" in fields and fields["unit"] != article.unit and not can_write_article(actor, fields["unit"]):
        raise PermissionDenied(_("You may not write articles for this unit."))
    errors: dict = {}
    cleaned = _clean_fields(fields, errors)
    processed = _process(image, errors)
    if errors:
        raise ValidationError(errors)
    title_changed = "title" in cleaned and cleaned["title"] != article.title
    for name, value in cleaned.items():
        setattr(article, name, value)
    _save_with_unique_slug(article, new_slug=title_changed and article.publish_at is None)
    if related_units is not None:
        article.related_units.set(related_units)
    if advanced_models is not None:
        article.advanced_models.set(advanced_models)
    if processed is not None:
        _store_image(article, processed, actor=actor, caption=image_caption)
    return article


@transaction.atomic
def add_article_image(article: Article, *, actor, file, caption: str = "") -> ArticleImage:
    if not can_edit_article(actor, article):
        raise PermissionDenied(_("You may not edit this article now."))
    errors: dict = {}
    processed = _process(file, errors)
    if errors:
        raise ValidationError(errors)
    return _store_image(article, processed, actor=actor, caption=caption)


@transaction.atomic
def remove_article_image(image: ArticleImage, *, actor) -> None:
    """Delete an image and take it out of the body too, so no broken picture is left."""
    article = _locked(image.article)
    if not can_edit_article(actor, article):
        raise PermissionDenied(_("You may not edit this article now."))
    for url in (image.image.url, image.thumbnail.url):
        article.body = re.sub(r"<img[^>]*\ssrc=\"" + re.escape(url) + r"\"[^>]*>", "", article.body)
    article.save()
    storage, names = image.image.storage, [image.image.name, image.thumbnail.name]
    image.delete()

    def delete_files() -> None:
        for name in names:
            assert name is not None  # both images are required
            storage.delete(name)

    transaction.on_commit(delete_files)


# The editorial flow --------------------------------------------------------------------------


def _locked(article: Article) -> Article:
    return (
        Article.objects.select_for_update(of=("self",)).select_related("unit__unit_type").get(pk=article.pk)
    )


def _move(article: Article, actor, to_status: str, comment: str = "", **fields) -> Article:
    from_status = article.status
    article.status = to_status
    for name, value in fields.items():
        setattr(article, name, value)
    article.save()
    _record(article, actor, from_status, to_status, comment)
    return article


@transaction.atomic
def submit_article(article: Article, *, actor, comment: str = "") -> Article:
    """The writer sends a draft (or a corrected returned article) for approval."""
    article = _locked(article)
    if article.status not in (Status.DRAFT, Status.RETURNED):
        raise ValidationError({"status": _("Only a draft or a returned article can be submitted.")})
    if not can_edit_article(actor, article):
        raise PermissionDenied(_("You may not submit this article."))
    return _move(article, actor, Status.SUBMITTED, comment)


@transaction.atomic
def approve_article(article: Article, *, actor, comment: str = "") -> Article:
    """An editor of a federation above the article's unit approves it for publication."""
    article = _locked(article)
    if article.status != Status.SUBMITTED:
        raise ValidationError({"status": _("Only a submitted article can be approved.")})
    if not can_review_article(actor, article):
        raise PermissionDenied(
            _(
                "Only an editor of a federation above this unit may approve this article, "
                "and nobody may approve their own article."
            )
        )
    return _move(article, actor, Status.APPROVED, comment)


@transaction.atomic
def return_article(article: Article, *, actor, comment: str) -> Article:
    """Send the article back to its writer with what needs to change."""
    article = _locked(article)
    if article.status == Status.SUBMITTED:
        allowed = can_review_article(actor, article)
    elif article.status == Status.APPROVED:
        allowed = can_publish_article(actor, article) or can_review_article(actor, article)
    else:
        raise ValidationError({"status": _("Only a submitted or approved article can be returned.")})
    if not allowed:
        raise PermissionDenied(_("You may not return this article."))
    if not normalize(comment):
        raise ValidationError({"comment": _("Say what needs to change: the writer reads this comment.")})
    return _move(article, actor, Status.RETURNED, comment)


@transaction.atomic
def publish_article(
    article: Article, *, actor, publish_at: datetime | None = None, comment: str = ""
) -> Article:
    """Put an approved article on the provincial portal, now or at `publish_at` (it stays hidden
    until then)."""
    article = _locked(article)
    if article.status != Status.APPROVED:
        raise ValidationError(
            {
                "status": _(
                    "Only an approved article can be published; it must be submitted and approved first."
                )
            }
        )
    if not can_publish_article(actor, article):
        raise PermissionDenied(_("Only an editor of the provincial federation may publish to the portal."))
    return _move(article, actor, Status.PUBLISHED, comment, publish_at=publish_at or timezone.now())


@transaction.atomic
def withdraw_article(article: Article, *, actor, comment: str) -> Article:
    """Take an article off the portal (back to approved), saying why. Its address stays reserved."""
    article = _locked(article)
    if article.status != Status.PUBLISHED:
        raise ValidationError({"status": _("Only a published article can be taken off the portal.")})
    if not can_publish_article(actor, article):
        raise PermissionDenied(
            _("Only an editor of the provincial federation may take articles off the portal.")
        )
    if not normalize(comment):
        raise ValidationError({"comment": _("Say why the article is taken off the portal.")})
    return _move(article, actor, Status.APPROVED, comment)
