"""Article pages: the list (with what waits for me), writing, images and the editorial buttons."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.permissions import (
    article_reviewers,
    can_edit_article,
    can_publish_article,
    can_publish_articles,
    can_review_article,
    can_review_articles,
    can_view_history,
    can_write_article,
    visible_units,
)
from accounts.selectors import object_history
from core.forms import filter_status
from core.view_helpers import apply_errors
from publishing import selectors, services
from publishing.forms import ArticleFilterForm, ArticleForm, ImageForm, TransitionForm
from publishing.models import Article, ArticleImage

Status = Article.Status


@login_required
def article_list(request):
    user = request.user
    queues = {
        queue
        for queue, allowed in (
            ("review", can_review_articles(user)),
            ("publish", can_publish_articles(user)),
            ("mine", can_write_article(user)),
        )
        if allowed
    }
    form = ArticleFilterForm(request.GET or None, queues=queues)
    filters = form.cleaned_data if form.is_valid() else {}
    unit = get_object_or_404(visible_units(request.user), pk=filters["unit"]) if filters.get("unit") else None
    queue = filters.get("queue", "")
    articles = selectors.filter_articles(
        request.user,
        q=filters.get("q", ""),
        status=filters.get("status", ""),
        category=filters.get("category"),
        unit=unit,
        queue=queue if queue in ("review", "publish") else "",
        mine=queue == "mine",
    )
    context = {
        "form": form,
        "unit": unit,
        "page_obj": Paginator(articles, 30).get_page(request.GET.get("page")),
        "counts": selectors.work_counts(request.user),
        "returned": list(selectors.returned_to(request.user)[:20]),
        "can_write": "mine" in queues,
        "reviews": "review" in queues,
        "publishes": "publish" in queues,
    }
    if request.htmx and request.htmx.target == "article-table":
        return render(request, "publishing/partials/article_table.html", context, status=filter_status(form))
    return render(request, "publishing/article_list.html", context, status=filter_status(form))


def _article_form(request, data=None, files=None, initial=None) -> ArticleForm:
    return ArticleForm(
        data,
        files,
        initial=initial,
        units=selectors.writable_units(request.user),
        models=selectors.linkable_models(request.user),
    )


def _form_fields(form: ArticleForm) -> dict:
    data = dict(form.cleaned_data)
    data["image"] = data.get("image") or None
    return data


@login_required
def article_create(request):
    if not can_write_article(request.user):
        raise PermissionDenied
    form = _article_form(
        request,
        request.POST or None,
        request.FILES or None,
        initial={"unit": request.user.home_unit_id, "byline": str(request.user)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            article = services.create_article(actor=request.user, **_form_fields(form))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The draft was saved. Submit it for approval when it is ready."))
            return redirect(article)
    return render(request, "publishing/article_form.html", {"form": form})


@login_required
def article_edit(request, pk):
    article = selectors.article_detail(request.user, pk)
    if not can_edit_article(request.user, article):
        raise PermissionDenied
    form = _article_form(
        request, request.POST or None, request.FILES or None, initial=ArticleForm.initial_from(article)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_article(article, actor=request.user, **_form_fields(form))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The article was saved."))
            return redirect(article)
    return render(
        request,
        "publishing/article_form.html",
        {"form": form, "article": article, "images": article.images.all()},
    )


@login_required
def article_detail(request, pk):
    article = selectors.article_detail(request.user, pk)
    user = request.user
    status = article.status
    may_review = status == Status.SUBMITTED and can_review_article(user, article)
    may_publish = status in (Status.APPROVED, Status.PUBLISHED) and can_publish_article(user, article)
    context = {
        "article": article,
        "images": article.images.all(),
        "events": article.events.all(),
        "can_edit": can_edit_article(user, article),
        "can_submit": status in (Status.DRAFT, Status.RETURNED) and can_edit_article(user, article),
        "can_approve": may_review,
        "can_return": may_review
        or (status == Status.APPROVED and (may_publish or can_review_article(user, article))),
        "can_publish": may_publish and status == Status.APPROVED,
        "can_withdraw": may_publish and status == Status.PUBLISHED,
        "can_view_history": can_view_history(user),
        # who approves it, level by level, while it is still to be approved
        "reviewers": article_reviewers(article)
        if status in (Status.DRAFT, Status.RETURNED, Status.SUBMITTED)
        else [],
        "transition_form": TransitionForm(),
        "image_form": ImageForm(),
        "last_return": next(
            (e for e in reversed(article.events.all()) if e.to_status == Status.RETURNED), None
        ),
    }
    return render(request, "publishing/article_detail.html", context)


TRANSITIONS: dict[str, tuple[Callable[..., Article], Promise]] = {
    "submit": (services.submit_article, gettext_lazy("The article was submitted for approval.")),
    "approve": (services.approve_article, gettext_lazy("The article was approved.")),
    "return": (
        services.return_article,
        gettext_lazy("The article was returned to its writer with your comment."),
    ),
    "publish": (services.publish_article, gettext_lazy("The article was published.")),
    "withdraw": (services.withdraw_article, gettext_lazy("The article was taken off the portal.")),
}


@login_required
@require_POST
def article_transition(request, pk, action):
    article = selectors.article_detail(request.user, pk)
    if action not in TRANSITIONS:
        raise PermissionDenied
    form = TransitionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)  # type: ignore[arg-type]  # an ErrorList gives messages (stub: errors)
        return redirect(article)
    service, done = TRANSITIONS[action]
    kwargs = {"actor": request.user, "comment": form.cleaned_data["comment"]}
    if action == "publish":
        kwargs["publish_at"] = form.cleaned_data["publish_at"]
    try:
        article = service(article, **kwargs)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        if article.is_scheduled:
            assert article.publish_at is not None  # scheduled: published at a later time
            messages.success(
                request,
                _("The article will appear on the portal at %(time)s.")
                % {"time": timezone.localtime(article.publish_at).strftime("%H:%M %d/%m/%Y")},
            )
        else:
            messages.success(request, str(done))
    return redirect(article)


@login_required
@require_POST
def article_image_add(request, pk):
    article = selectors.article_detail(request.user, pk)
    if not can_edit_article(request.user, article):
        raise PermissionDenied
    form = ImageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_article_image(
                article,
                actor=request.user,
                file=form.cleaned_data["image"],
                caption=form.cleaned_data["caption"],
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The image was added."))
    else:
        messages.error(request, _("Choose an image to upload."))
    return redirect(article)


@login_required
@require_POST
def article_image_delete(request, pk, image_pk):
    article = selectors.article_detail(request.user, pk)
    image = get_object_or_404(ArticleImage, pk=image_pk, article=article)
    services.remove_article_image(image, actor=request.user)
    messages.success(request, _("The image was removed."))
    return redirect(article)


@login_required
def article_history(request, pk):
    article = selectors.article_detail(request.user, pk)
    if not can_view_history(request.user):
        raise PermissionDenied
    return render(
        request,
        "publishing/history.html",
        {"object": article, "changes": object_history(article), "back_url": article.get_absolute_url()},
    )
