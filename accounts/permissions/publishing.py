"""Publishing: advanced models, news articles, the public portal and the internal bulletin."""

from django.db.models import Q

from accounts.models import Role, RoleAssignment
from accounts.permissions.organisations import can_view_unit
from accounts.permissions.roles import has_role, once_per_user, scope_paths, visible_units
from organisations.models import Unit, UnitQuerySet

__all__ = [
    "DEFAULT_PORTAL_LEVEL",
    "REVIEW_ROLES",
    "WRITE_ROLES",
    "article_publish_scope",
    "article_review_scope",
    "article_reviewers",
    "can_edit_article",
    "can_make_bulletin",
    "can_manage_models",
    "can_publish_article",
    "can_publish_articles",
    "can_review_article",
    "can_review_articles",
    "can_view_article",
    "can_write_article",
    "editing_paths",
    "writing_units",
]


WRITE_ROLES = {Role.ADMIN, Role.OFFICER, Role.EDITOR}
REVIEW_ROLES = {Role.ADMIN, Role.EDITOR}
# Editors on units of this unit-type level or higher (1 = the top) run the provincial portal.
DEFAULT_PORTAL_LEVEL = 2


def writing_units(user) -> UnitQuerySet:
    """Where the user may write articles and advanced models (admin, officer or editor)."""
    return visible_units(user, WRITE_ROLES)


def editing_paths(user) -> list[str]:
    """The paths of the units the user's editor or admin roles are given on (articles to review,
    bulletins to make)."""
    return scope_paths(user, REVIEW_ROLES)


def can_write_article(user, unit: Unit | None = None) -> bool:
    """Write news for a unit (for any unit when `unit` is None): its officers and editors."""
    return has_role(user, WRITE_ROLES, unit)


def _portal_level() -> int:
    from django.conf import settings

    return getattr(settings, "THIDUA_PORTAL_LEVEL", DEFAULT_PORTAL_LEVEL)


def _portal_paths(user) -> list[str]:
    """Paths where the user may publish to the portal: editors on a provincial (or higher)
    unit, and administrators. Read once per request object."""
    if not getattr(user, "is_authenticated", False):
        return []

    def compute() -> list[str]:
        editors = user.role_assignments.filter(role=Role.EDITOR, unit__unit_type__level__lte=_portal_level())
        return list(editors.values_list("unit__path", flat=True)) + scope_paths(user, {Role.ADMIN})

    return once_per_user(user, "_thidua_portal_paths", compute)


def can_view_article(user, article) -> bool:
    """See an article and its images: anyone once it is public, before that the roles of its unit's
    subtree (as the article pages: `visible_articles`)."""
    return article.is_public or can_view_unit(user, article.unit)


def can_review_article(user, article) -> bool:
    """Approve or return a submitted article. A grassroots union's article goes to an editor of a
    federation above it (its nearest one or higher); any other unit's article to an editor of
    that unit or above. Administrators count as editors; an officer of the provincial federation
    (a unit at the portal's level or higher) approves that level's articles. Nobody approves their
    own article."""
    if getattr(user, "pk", None) is not None and user.pk == article.author_id:
        return False
    unit = article.unit
    paths = scope_paths(user, REVIEW_ROLES)
    if unit.unit_type.level <= _portal_level() and any(
        unit.path.startswith(path) for path in scope_paths(user, {Role.OFFICER})
    ):
        return True  # a provincial officer approves the provincial federation's own articles
    if unit.unit_type.is_grassroots:
        return any(unit.path.startswith(path) and unit.path != path for path in paths)
    return any(unit.path.startswith(path) for path in paths)


def can_publish_article(user, article) -> bool:
    """Publish an approved article to the provincial portal (or take it down): only an editor
    of the provincial federation (or higher) whose scope covers the article, or an administrator."""
    return any(article.unit.path.startswith(path) for path in _portal_paths(user))


def can_edit_article(user, article) -> bool:
    """Drafts and returned articles: the unit's writers. Submitted ones: their reviewers (editorial
    corrections). Approved and published ones: the portal's editors."""
    if article.status in ("draft", "returned"):
        return can_write_article(user, article.unit)
    if article.status == "submitted":
        return can_review_article(user, article)
    return can_publish_article(user, article)


def article_review_scope(user):
    """A Q over articles (`unit__path`, `unit__unit_type`) that `can_review_article` allows, for lists."""
    from django.db.models import Q

    query = Q(pk__in=[])
    for path in scope_paths(user, REVIEW_ROLES):
        query |= Q(unit__path__startswith=path) & (
            ~Q(unit__path=path) | Q(unit__unit_type__is_grassroots=False)
        )
    for path in scope_paths(user, {Role.OFFICER}):
        query |= Q(unit__path__startswith=path, unit__unit_type__level__lte=_portal_level())
    return query & ~Q(author_id=getattr(user, "pk", None))


def article_reviewers(article) -> list[tuple[Unit, list]]:
    """Who may approve an article, level by level from its own unit up (the units whose editors,
    administrators or, at the provincial level, officers `can_review_article` lets approve it), each
    with the users holding such a role there; the author is left out. For the editor's page."""
    unit = article.unit
    chain = list(unit.ancestors()) + [unit]
    if unit.unit_type.is_grassroots:
        chain = chain[:-1]  # a grassroots union's article goes up
    level = _portal_level()
    eligible = Q(role__in=REVIEW_ROLES)
    if unit.unit_type.level <= level:
        eligible |= Q(role=Role.OFFICER, unit__unit_type__level__lte=level)
    assignments = (
        RoleAssignment.objects.filter(eligible, unit__in=chain)
        .exclude(user_id=article.author_id)
        .filter(user__is_active=True)
        .select_related("user")
        .order_by("user__sort_name", "user__username")
    )
    by_unit: dict[int, list] = {}
    for assignment in assignments:
        users = by_unit.setdefault(assignment.unit_id, [])
        if assignment.user not in users:
            users.append(assignment.user)
    return [(each, by_unit.get(each.pk, [])) for each in reversed(chain)]


def article_publish_scope(user):
    """A Q over articles that `can_publish_article` allows, for lists."""
    from django.db.models import Q

    query = Q(pk__in=[])
    for path in _portal_paths(user):
        query |= Q(unit__path__startswith=path)
    return query


def can_manage_models(user, unit: Unit | None = None) -> bool:
    """Record advanced models of a unit, move them through their stages, add evidence and
    replications: officers and editors of the unit (or above) and administrators."""
    return has_role(user, WRITE_ROLES, unit)


def can_make_bulletin(user, unit: Unit | None = None) -> bool:
    """Put together and print the internal bulletin of a unit: its editors and administrators."""
    return has_role(user, REVIEW_ROLES, unit)


def can_review_articles(user) -> bool:
    """Whether the user reviews anyone's articles at all (for showing the review queue)."""
    return has_role(user, REVIEW_ROLES)


def can_publish_articles(user) -> bool:
    """Whether the user publishes to the portal at all (for showing the publication queue)."""
    return bool(_portal_paths(user))
