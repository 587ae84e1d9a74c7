"""Every permission in thidua is decided here.

A user holds roles over units (`RoleAssignment`); a role over a unit covers its whole
subtree. Views, templates and the API ask these predicates and scope their querysets
with `visible_units`; objects outside the scope answer 404, so ids of other units reveal
nothing.
"""

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from accounts.models import Role, RoleAssignment
from organisations.models import Member, Unit, UnitQuerySet

MANAGE_ROLES = {Role.ADMIN, Role.OFFICER}
ALL_ROLES = set(Role)


def _scopes(user) -> list[tuple[str, str]]:
    """(role, unit path) pairs of the user, read once per request object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_thidua_scopes", None)
    if cached is None:
        cached = list(user.role_assignments.values_list("role", "unit__path"))
        user._thidua_scopes = cached
    return cached


def remember_scopes(user, scopes: list[tuple[str, str]]) -> None:
    """The user's (role, unit path) pairs, read together with the user (accounts.auth), so that
    `_scopes` needs no query of its own."""
    user._thidua_scopes = list(scopes)


def scope_paths(user, roles: Iterable[str] = ALL_ROLES) -> list[str]:
    roles = set(roles)
    return [path for role, path in _scopes(user) if role in roles]


def has_role(user, roles: Iterable[str], unit: Unit | None = None) -> bool:
    """The user holds one of `roles` over `unit` (over any unit when `unit` is None)."""
    paths = scope_paths(user, roles)
    if unit is None:
        return bool(paths)
    return any(unit.path.startswith(path) for path in paths)


def is_admin(user) -> bool:
    return has_role(user, {Role.ADMIN})


def visible_units(user, roles: Iterable[str] = ALL_ROLES) -> UnitQuerySet:
    return Unit.objects.in_subtrees(scope_paths(user, roles))


# Named scopes: the units a user's roles open for one kind of work. Views, selectors and the API
# ask for them by name, so the role sets stay in this module.


def managed_units(user) -> UnitQuerySet:
    """Where the user acts for a unit (admin or officer), with the subtrees below."""
    return visible_units(user, MANAGE_ROLES)


def acting_units(user) -> UnitQuerySet:
    """Where the user may start new work (organise a campaign or a report, open a round, propose,
    form a cluster): the managed units that exist today. An ended unit keeps its records and is
    never offered for new ones."""
    return managed_units(user).current()


def managed_paths(user) -> list[str]:
    """The paths of the units the user's admin or officer roles are given on."""
    return scope_paths(user, MANAGE_ROLES)


def visible_members(user) -> QuerySet[Member]:
    paths = scope_paths(user)
    return Member.objects.filter(unit__in=Unit.objects.in_subtrees(paths).values("pk"))


def can_view_unit(user, unit: Unit) -> bool:
    return has_role(user, ALL_ROLES, unit)


def can_manage_unit(user, unit: Unit) -> bool:
    """Edit a unit's details and its members: administrators and officers of the subtree."""
    return has_role(user, MANAGE_ROLES, unit)


def can_restructure_unit(user, unit: Unit) -> bool:
    """Move, end or merge a unit, or add units under it: administrators only."""
    return has_role(user, {Role.ADMIN}, unit)


def can_set_award_publishing(user, unit: Unit) -> bool:
    """Whether the unit's awardees appear in the public lookup of awards: administrators only."""
    return has_role(user, {Role.ADMIN}, unit)


def can_manage_shared_settings(user) -> bool:
    """What the whole tree shares (unit types, award rule sets, award forms and their prize
    money, the base salary, criteria templates): only administrators of the installation's top,
    i.e. an administrator role on the tree's root unit (the unit without a parent), or a
    superuser. Decided by position in the tree, never by a unit type's level, which these very
    administrators may edit."""
    if not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "is_superuser", False):
        return True
    # a root unit's path has a single segment ("/1/"): no query, and nothing a lower admin edits
    return any(path.strip("/").count("/") == 0 for path in scope_paths(user, {Role.ADMIN}))


def can_manage_award_rules(user) -> bool:
    """Award rules, prize money and the base salary apply to every unit: shared settings."""
    return can_manage_shared_settings(user)


def can_manage_unit_types(user) -> bool:
    """Unit types are shared by the whole tree (their level decides who reviews whom)."""
    return can_manage_shared_settings(user)


def can_view_personal_data(user, unit: Unit) -> bool:
    """Birth dates, ethnicity and the like: only those who manage the member's unit."""
    return can_manage_unit(user, unit)


def can_manage_members(user, unit: Unit) -> bool:
    return can_manage_unit(user, unit) and unit.unit_type.may_have_members


def can_view_history(user) -> bool:
    """The change history of units in the user's scope (a unit's own history page)."""
    return is_admin(user)


def can_view_tree_history(user) -> bool:
    """The change history of the whole tree (every unit, member, user and role): administrators
    of its root only; a district administrator saw other districts' members there."""
    return can_manage_shared_settings(user)


def can_manage_account(actor, subject) -> bool:
    """Grant or remove roles of `subject`: an administrator whose subtrees hold every
    administrator role of `subject`. A lower administrator never changes the roles of a
    superuser or of an administrator above or beside them."""
    if getattr(actor, "is_superuser", False):
        return True
    if getattr(subject, "is_superuser", False):
        return False
    actor_paths = scope_paths(actor, {Role.ADMIN})
    subject_paths = subject.role_assignments.filter(role=Role.ADMIN).values_list("unit__path", flat=True)
    return bool(actor_paths) and all(
        any(path.startswith(own) for own in actor_paths) for path in subject_paths
    )


def can_manage_users(user, unit: Unit | None = None) -> bool:
    return has_role(user, {Role.ADMIN}, unit)


# Documents ---------------------------------------------------------------------------


def can_manage_documents(user, unit: Unit | None) -> bool:
    """Draft, edit and issue documents in a unit's name: its administrators and officers."""
    return unit is not None and has_role(user, MANAGE_ROLES, unit)


def can_act_for_unit(user, unit: Unit) -> bool:
    """Acknowledge what was sent to a unit, record its work: officers over it."""
    return has_role(user, MANAGE_ROLES, unit)


def officers_by_unit(units) -> dict[int, list]:
    """For each unit, the users holding an officer or administrator role on that unit
    itself, in one query. A unit without its own officers gets nobody: reminders are for
    the people who must act, not for the level above that sent them."""
    from accounts.models import RoleAssignment

    units = list(units)
    result: dict[int, list] = {u.pk: [] for u in units}
    assignments = RoleAssignment.objects.filter(unit_id__in=result, role__in=MANAGE_ROLES).select_related(
        "user"
    )
    for assignment in assignments:
        result[assignment.unit_id].append(assignment.user)
    return result


def officers_of_units(units) -> list:
    return [user for users in officers_by_unit(units).values() for user in users]


# Publishing: advanced models, news articles, the public portal and the internal bulletin --------

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
    cached = getattr(user, "_thidua_portal_paths", None)
    if cached is None:
        from django.conf import settings

        level = getattr(settings, "THIDUA_PORTAL_LEVEL", DEFAULT_PORTAL_LEVEL)
        editors = user.role_assignments.filter(role=Role.EDITOR, unit__unit_type__level__lte=level)
        cached = list(editors.values_list("unit__path", flat=True)) + scope_paths(user, {Role.ADMIN})
        user._thidua_portal_paths = cached
    return cached


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


# Awards ------------------------------------------------------------------------------


def can_nominate(user, unit: Unit) -> bool:
    """Propose members and collectives of a unit's subtree for commendation: its officers."""
    return has_role(user, MANAGE_ROLES, unit)


def can_view_batch(user, batch) -> bool:
    """See a nomination batch, its nominations and their files (minutes, evidence): the roles of the
    proposing unit's subtree, which includes the units above it that review and decide."""
    return can_view_unit(user, batch.proposing_unit)


def can_review_batch(user, batch) -> bool:
    """Return, cut or forward a nomination batch: officers over the unit now holding it."""
    return has_role(user, MANAGE_ROLES, batch.at_unit)


def can_manage_awards(user, unit: Unit) -> bool:
    """Open rounds, run council sessions, issue and revoke award decisions of a unit."""
    return has_role(user, MANAGE_ROLES, unit)


def can_sign_decision(user, unit: Unit) -> bool:
    """Have a unit's award decisions signed with its certificates (the keys stay in its token):
    those who issue them."""
    return can_manage_awards(user, unit)


def can_sit_on_council(user, unit: Unit) -> bool:
    """Be a member of a unit's emulation and commendation council."""
    return has_role(user, {Role.COUNCIL}, unit)


def can_vote(user, session) -> bool:
    """Vote in a council session: its listed members only."""
    return bool(getattr(user, "is_authenticated", False)) and session.memberships.filter(user=user).exists()


# Documents: the registry, legal bases and the cascade ---------------------------------


def can_record_documents(user) -> bool:
    """Record documents issued outside the union tree (legal bases): any officer or administrator."""
    return has_role(user, MANAGE_ROLES)


def can_edit_document(user, document) -> bool:
    """Change a document's bases and attachments: officers of its issuing unit; for a document
    recorded from elsewhere (an outside body, a unit above), also the officer who recorded it."""
    if document.issuer_unit_id and can_manage_documents(user, document.issuer_unit):
        return True
    if document.status != "recorded":
        return False
    return has_role(user, MANAGE_ROLES) and (
        document.created_by_id == getattr(user, "pk", None) or is_admin(user)
    )


def can_remind(user, document) -> bool:
    """Send reminders about a plan to the units that have not acted: officers of its issuer."""
    return document.status == "issued" and can_manage_documents(user, document.issuer_unit)


# Campaigns ---------------------------------------------------------------------------


def _parent_path(unit) -> str:
    """The parent's path from the unit's own ("/1/7/42/" -> "/1/7/"), without a query."""
    return unit.path[: unit.path.rstrip("/").rfind("/") + 1]


def can_organise_campaigns(user, unit) -> bool:
    """Create campaigns and clusters in a unit's name: its officers and administrators."""
    return has_role(user, MANAGE_ROLES, unit)


def can_manage_campaign(user, campaign) -> bool:
    """Edit and launch a campaign, its criteria and review rounds: officers of the organiser."""
    return can_organise_campaigns(user, campaign.organiser)


def can_open_review_round(user, campaign) -> bool:
    """Open a periodic review round: the campaign's managers, once it is launched."""
    return campaign.is_launched and can_manage_campaign(user, campaign)


def can_write_review_report(user, campaign, unit, report) -> bool:
    """Write a unit's review report (`report` is None before the first draft): officers over the
    unit, while the campaign runs and the report is still a draft."""
    return (
        campaign.is_launched
        and can_act_for_unit(user, unit)
        and (report is None or report.status == report.Status.DRAFT)
    )


def can_manage_criteria_templates(user) -> bool:
    """Criteria templates are shared by every campaign: administrators of the tree's top."""
    return can_manage_shared_settings(user)


def can_view_campaign(user, campaign) -> bool:
    """Anyone with a role over the organiser or over part of the participating subtree."""
    root = campaign.root_unit.path
    return has_role(user, ALL_ROLES, campaign.organiser) or any(
        root.startswith(path) or path.startswith(root) for path in scope_paths(user)
    )


def can_review_unit_work(user, unit) -> bool:
    """Approve a unit's registration and confirm its scores: the level above (officers over its
    parent), never the unit's own officers."""
    parent_path = _parent_path(unit)
    return bool(parent_path) and any(parent_path.startswith(path) for path in scope_paths(user, MANAGE_ROLES))


def can_review_registration(user, registration) -> bool:
    """A unit's registration goes to the level above; a member's to the officers of the member's unit."""
    if registration.member_id:
        return can_act_for_unit(user, registration.unit)
    return can_review_unit_work(user, registration.unit)


def can_peer_score(user, scorer_unit, scored_unit, cluster_unit_ids) -> bool:
    """Cross-scoring: an officer acting for one member of the cluster scores another member."""
    return (
        scorer_unit.pk != scored_unit.pk
        and scorer_unit.pk in cluster_unit_ids
        and scored_unit.pk in cluster_unit_ids
        and can_act_for_unit(user, scorer_unit)
        and not can_act_for_unit(user, scored_unit)  # nobody scores their own unit as a peer
    )


def can_confirm_score(user, unit, cluster=None) -> bool:
    """Confirm (and lock) a unit's scores: the level above, or the officers of its cluster's
    lead unit when the unit is not the lead itself."""
    if can_review_unit_work(user, unit):
        return True
    lead = getattr(cluster, "lead_unit", None)
    return (
        lead is not None
        and lead.pk != unit.pk
        and can_act_for_unit(user, lead)
        and not can_act_for_unit(user, unit)
    )


def can_manage_cluster(user, cluster) -> bool:
    """Set a cluster's members, lead and rotation: officers of the unit that organises it."""
    return can_organise_campaigns(user, cluster.organiser)


def can_propose_cluster_flag(user, cluster) -> bool:
    """The lead unit proposes its cluster's emulation flag; the organiser may do it for it."""
    lead = cluster.lead_unit
    return (lead is not None and can_act_for_unit(user, lead)) or can_manage_cluster(user, cluster)


def can_record_documents_of(user, unit: Unit) -> bool:
    """Record a document a unit of ours issued earlier on paper: officers over the unit, and
    officers below it (a plan from above is a public act for the units that carry it out)."""
    if can_manage_documents(user, unit):
        return True
    return any(path.startswith(unit.path) for path in scope_paths(user, MANAGE_ROLES))


# Reports: dashboards, drill-downs and the review report ---------------------------------


def can_view_reports(user, unit: Unit) -> bool:
    """Open a unit's dashboard, the records behind its figures and its review report: every
    role over the unit (figures are aggregates; the lists show no personal data)."""
    return has_role(user, ALL_ROLES, unit)


def can_download_report(user, job) -> bool:
    """Download a generated review report: the person who asked for it, while the unit is still
    in their scope."""
    return getattr(user, "pk", None) == job.requested_by_id and can_view_reports(user, job.unit)


def can_review_articles(user) -> bool:
    """Whether the user reviews anyone's articles at all (for showing the review queue)."""
    return has_role(user, REVIEW_ROLES)


def can_publish_articles(user) -> bool:
    """Whether the user publishes to the portal at all (for showing the publication queue)."""
    return bool(_portal_paths(user))
