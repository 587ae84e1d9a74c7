"""The public portal (no login): home, articles, categories, units, advanced models.

Only published articles whose time has come are ever read here, so nothing else can leak, from
the pages or from the cache. Every page answers conditional GETs (ETag / Last-Modified from the
portal's state) and is cached briefly under a key that includes that state: a newly visible
article (scheduled ones included) changes the key at once."""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import condition

from organisations.models import Unit
from publishing import selectors
from publishing.models import AdvancedModel, Article, Category

PORTAL_CACHE_SECONDS = 60
PAGE_SIZE = 12


def _state(request) -> dict:
    if not hasattr(request, "_portal_state"):
        request._portal_state = selectors.portal_state()
    return request._portal_state


def _etag(request, *args, **kwargs) -> str:
    return _state(request)["etag"]


def _last_modified(request, *args, **kwargs):
    return _state(request)["last_modified"]


def portal_page(view):
    """Conditional GET, then a short cache keyed by the URL, the language and the portal's state."""

    @wraps(view)
    def cached(request, *args, **kwargs):
        raw = f"{request.get_full_path()}|{get_language()}|{_state(request)['etag']}"
        key = "publishing:portal:" + hashlib.sha256(raw.encode()).hexdigest()
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200:
                patch_cache_control(response, public=True, max_age=PORTAL_CACHE_SECONDS)
                cache.set(key, response, PORTAL_CACHE_SECONDS)
        return response

    return condition(etag_func=_etag, last_modified_func=_last_modified)(cached)


def _render(request, template: str, context: dict):
    context.setdefault("categories", list(Category.objects.all()))
    context["organisation_name"] = settings.THIDUA_ORGANISATION_NAME
    return render(request, template, context)


@portal_page
def portal_home(request):
    latest = list(selectors.public_articles()[:13])
    return _render(request, "publishing/portal/home.html", {
        "featured": latest[0] if latest else None,
        "latest": latest[1:],
        "models": list(selectors.public_models()[:6]),
        "decisions": list(selectors.public_decisions()),
    })


@portal_page
def portal_articles(request):
    page = Paginator(selectors.public_articles(), PAGE_SIZE).get_page(request.GET.get("page"))
    return _render(request, "publishing/portal/list.html", {"page_obj": page})


@portal_page
def portal_category(request, slug):
    category = get_object_or_404(Category, slug=slug)
    page = Paginator(selectors.public_articles().filter(category=category), PAGE_SIZE).get_page(request.GET.get("page"))
    return _render(request, "publishing/portal/list.html", {"page_obj": page, "category": category})


@portal_page
def portal_unit(request, pk):
    unit = get_object_or_404(Unit, pk=pk)
    articles = selectors.public_articles().filter(
        Q(unit__path__startswith=unit.path) | Q(pk__in=Article.related_units.through.objects.filter(unit=unit).values("article"))
    )
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    return _render(request, "publishing/portal/list.html", {"page_obj": page, "unit": unit})


@portal_page
def portal_article(request, slug):
    article = get_object_or_404(selectors.public_articles().prefetch_related("related_units"), slug=slug)
    images = list(article.images.all())
    return _render(request, "publishing/portal/article.html", {
        "article": article,
        "cover": images[0] if images and images[0].image.url not in article.body else None,
        "models": list(article.advanced_models.public()),
        "more": list(selectors.public_articles().filter(category=article.category_id).exclude(pk=article.pk)[:4]),
        "canonical": request.build_absolute_uri(article.get_public_url()),
        "og_image": request.build_absolute_uri(images[0].image.url) if images else "",
    })


@portal_page
def portal_model(request, pk):
    model = get_object_or_404(
        AdvancedModel.objects.public().select_related("unit").prefetch_related("figures", "replications__unit"), pk=pk)
    return _render(request, "publishing/portal/model.html", {
        "model": model,
        "articles": list(selectors.public_articles().filter(advanced_models=model)[:6]),
    })
