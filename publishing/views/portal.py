"""The public portal (no login): home, articles, categories, units, advanced models.

Only published articles whose time has come are ever read here, so nothing else can leak, from
the pages or from the cache. Every page answers conditional GETs (ETag / Last-Modified from the
portal's state) and is cached briefly together with the state it was made under: a newly visible
article (scheduled ones included) or any saved change to articles, categories, models or
decisions makes the next request render afresh. The state itself is kept in the shared cache
(publishing.portal_cache), so a cached page costs one cache round trip and no query of its own, and
none at all when this process served it in the last PORTAL_LOCAL_SECONDS (portal_cache.recent); an
anonymous visitor is then answered before the rest of the request's work (publishing.middleware)."""

import hashlib
from functools import wraps
from typing import cast

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import condition

from core.forms import filter_status
from organisations.models import Unit
from publishing import portal_cache, selectors
from publishing.forms import PortalSearchForm
from publishing.models import AdvancedModel, AdvancedModelQuerySet, Article, ArticleQuerySet, Category

PORTAL_CACHE_SECONDS = 60
PAGE_SIZE = 12


def _etag(request, *args, **kwargs) -> str:
    """The state's fingerprint and the generation: a change the fingerprint does not see (a
    category renamed, an image replaced) still gives browsers and proxies a new page."""
    made_under = f"{request._portal_state['etag']}|{request._portal_generation}"
    return hashlib.sha256(made_under.encode()).hexdigest()[:32]


def _last_modified(request, *args, **kwargs):
    times = [request._portal_state["last_modified"], portal_cache.generation_time(request._portal_generation)]
    times = [time for time in times if time is not None]
    return max(times) if times else None


def page_key(full_path: str, language: str) -> str:
    return "publishing:portal:page:" + hashlib.sha256(f"{full_path}|{language}".encode()).hexdigest()


def portal_page(view):
    """The state and the cached page in one cache round trip, then the conditional GET, then the
    page: from the cache when it was made under the current state, else rendered and kept."""

    @condition(etag_func=_etag, last_modified_func=_last_modified)
    def serve(request, *args, **kwargs):
        state, generation = request._portal_state, request._portal_generation
        made_under = (state["etag"], generation)
        entry = request._portal_cached
        if entry is not None and entry["made_under"] == made_under:
            # remembered once: the memory's time is not extended
            request._portal_remembered = request._portal_from_memory or portal_cache.remember(
                request._portal_local_key, state, generation, entry
            )
            return HttpResponse(entry["content"], headers=entry["headers"])
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            patch_cache_control(response, public=True, max_age=PORTAL_CACHE_SECONDS)
            entry = {"made_under": made_under, "content": response.content, "headers": dict(response.headers)}
            cache.set(request._portal_key, entry, PORTAL_CACHE_SECONDS)
            request._portal_remembered = portal_cache.remember(
                request._portal_local_key, state, generation, entry
            )
        return response

    @wraps(view)
    def page(request, *args, **kwargs):
        language = get_language()
        request._portal_key = page_key(request.get_full_path(), language)
        request._portal_local_key = portal_cache.local_key(
            request.path, request.META.get("QUERY_STRING", ""), language
        )
        remembered = portal_cache.recent(request._portal_local_key)
        entry: dict | None
        if remembered is not None:
            state, generation, entry = remembered.state, remembered.generation, remembered.entry
        else:
            state, generation, found = portal_cache.current_state((request._portal_key,))
            entry = found.get(request._portal_key)
        request._portal_state, request._portal_generation = state, generation
        request._portal_cached = entry
        request._portal_from_memory = remembered
        return serve(request, *args, **kwargs)

    return page


def _render(request, template: str, context: dict, status: int = 200):
    context.setdefault("categories", list(Category.objects.all()))
    context["organisation_name"] = settings.THIDUA_ORGANISATION_NAME
    return render(request, template, context, status=status)


@portal_page
def portal_home(request):
    latest = list(selectors.public_articles()[:13])
    return _render(
        request,
        "publishing/portal/home.html",
        {
            "featured": latest[0] if latest else None,
            "latest": latest[1:],
            "models": list(selectors.public_models()[:6]),
            "decisions": list(selectors.public_decisions()),
        },
    )


@portal_page
def portal_articles(request):
    page = Paginator(selectors.public_articles(), PAGE_SIZE).get_page(request.GET.get("page"))
    return _render(request, "publishing/portal/list.html", {"page_obj": page})


SEARCH_LIMIT = 30


def portal_search(request):
    """Search the published news and the portal's advanced models, with or without diacritics ("hoa an"
    finds "Hòa An"). Not kept in the page cache: every typed text would make an entry of its own."""
    form = PortalSearchForm(request.GET or None)
    q = form.cleaned_data["q"].strip() if form.is_valid() else ""
    articles, models = [], []
    if q:
        # the selectors' querysets are the models' own (typed as plain querysets there)
        articles = list(cast(ArticleQuerySet, selectors.public_articles()).search(q)[:SEARCH_LIMIT])
        models = list(cast(AdvancedModelQuerySet, selectors.public_models()).search(q)[:SEARCH_LIMIT])
    context = {"form": form, "q": q, "articles": articles, "models": models}
    return _render(request, "publishing/portal/search.html", context, status=filter_status(form))


@portal_page
def portal_category(request, slug):
    category = get_object_or_404(Category, slug=slug)
    page = Paginator(selectors.public_articles().filter(category=category), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return _render(request, "publishing/portal/list.html", {"page_obj": page, "category": category})


@portal_page
def portal_unit(request, pk):
    unit = get_object_or_404(Unit, pk=pk)
    articles = selectors.public_articles().filter(
        Q(unit__path__startswith=unit.path)
        | Q(pk__in=Article.related_units.through.objects.filter(unit=unit).values("article"))
    )
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    return _render(request, "publishing/portal/list.html", {"page_obj": page, "unit": unit})


@portal_page
def portal_article(request, slug):
    article = get_object_or_404(selectors.public_articles().prefetch_related("related_units"), slug=slug)
    images = list(article.images.all())
    return _render(
        request,
        "publishing/portal/article.html",
        {
            "article": article,
            "cover": images[0] if images and images[0].image.url not in article.body else None,
            "models": list(article.advanced_models.public()),
            "more": list(
                selectors.public_articles().filter(category=article.category_id).exclude(pk=article.pk)[:4]
            ),
            "canonical": request.build_absolute_uri(article.get_public_url()),
            "og_image": request.build_absolute_uri(images[0].image.url) if images else "",
        },
    )


@portal_page
def portal_model(request, pk):
    model = get_object_or_404(
        AdvancedModel.objects.public()
        .select_related("unit")
        .prefetch_related("figures", "replications__unit"),
        pk=pk,
    )
    return _render(
        request,
        "publishing/portal/model.html",
        {
            "model": model,
            "articles": list(selectors.public_articles().filter(advanced_models=model)[:6]),
        },
    )
