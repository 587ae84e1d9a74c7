"""Criteria sets: building the tree, checking it, copying templates and making new versions.

A version is frozen once a score exists under it: edits are refused and `new_criteria_version`
copies the tree into the next version instead, so scores keep the criteria they were given under.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from accounts import permissions
from campaigns.models import Campaign, CriteriaSet, Criterion
from core.text import decimal_vi

__all__ = [
    "add_criterion",
    "check_criteria_set",
    "copy_criteria_template",
    "create_criteria_set",
    "criteria_problems",
    "current_criteria_set",
    "delete_criterion",
    "new_criteria_version",
    "update_criteria_set",
    "update_criterion",
]

HUNDRED = Decimal(100)
# What an officer fills in for a criterion besides its parent, in the order the form shows it.
CRITERION_FIELDS = (
    "code",
    "name",
    "description",
    "kind",
    "max_points",
    "weight",
    "target_value",
    "unit_of_measure",
    "direction",
    "evidence_required",
    "order",
)


def _fmt(value: Decimal | int) -> str:
    """12.50 -> "12,5", 1234 -> "1.234" as Vietnamese readers write it."""
    return decimal_vi(value)


def _check_can_edit(actor, criteria_set: CriteriaSet) -> None:
    if criteria_set.is_template:
        allowed = permissions.can_manage_criteria_templates(actor)
    else:
        allowed = permissions.can_manage_campaign(actor, criteria_set.campaign)
    if not allowed:
        raise PermissionDenied(_("You may not change these criteria."))


def _check_not_frozen(criteria_set: CriteriaSet) -> None:
    if criteria_set.is_frozen:
        raise ValidationError(
            _(
                "Version %(version)s of these criteria is frozen because scores were given under it. "
                "Create a new version to change them."
            )
            % {"version": criteria_set.version}
        )


def _locked_for_editing(actor, pk: int, *, frozen_ok: bool = False) -> CriteriaSet:
    """The criteria set, locked against a concurrent edit, once the actor may change it and (unless
    `frozen_ok`) no score froze it."""
    criteria_set = (
        CriteriaSet.objects.select_for_update(of=("self",)).select_related("campaign__organiser").get(pk=pk)
    )
    _check_can_edit(actor, criteria_set)
    if not frozen_ok:
        _check_not_frozen(criteria_set)
    return criteria_set


def current_criteria_set(campaign: Campaign) -> CriteriaSet | None:
    return CriteriaSet.objects.filter(campaign=campaign).order_by("-version").first()


@transaction.atomic
def create_criteria_set(
    *,
    actor,
    name: str,
    campaign: Campaign | None = None,
    requires_points_sum: bool = True,
    requires_weights_sum: bool = False,
) -> CriteriaSet:
    """A campaign's first criteria set, or a template when `campaign` is None."""
    criteria_set = CriteriaSet(
        campaign=campaign,
        name=name.strip(),
        requires_points_sum=requires_points_sum,
        requires_weights_sum=requires_weights_sum,
        created_by=actor,
    )
    _check_can_edit(actor, criteria_set)
    if campaign is not None and CriteriaSet.objects.filter(campaign=campaign).exists():
        raise ValidationError(_("This campaign already has criteria; edit them or create a new version."))
    criteria_set._history_user = actor
    criteria_set.save()
    return criteria_set


@transaction.atomic
def update_criteria_set(
    *, actor, criteria_set: CriteriaSet, name: str, requires_points_sum: bool, requires_weights_sum: bool
) -> CriteriaSet:
    criteria_set = _locked_for_editing(actor, criteria_set.pk)
    criteria_set.name = name.strip()
    criteria_set.requires_points_sum = requires_points_sum
    criteria_set.requires_weights_sum = requires_weights_sum
    criteria_set._history_user = actor
    criteria_set.save()
    refresh_factors(criteria_set)
    return criteria_set


def _is_under(node: Criterion | None, ancestor: Criterion) -> bool:
    seen = set()
    while node is not None and node.pk not in seen:
        if node.pk == ancestor.pk:
            return True
        seen.add(node.pk)
        node = node.parent
    return False


def _validate_criterion(criterion: Criterion) -> None:
    errors = {}
    if criterion.max_points is None or criterion.max_points < 0:
        errors["max_points"] = _("The maximum points cannot be negative.")
    if criterion.weight is not None and not 0 <= criterion.weight <= 100:
        errors["weight"] = _("A weight is a percentage between 0 and 100.")
    if criterion.weight is not None and criterion.parent_id is not None:
        errors["weight"] = _("Only top-level criteria carry weights.")
    if criterion.target_value is not None and criterion.target_value < 0:
        errors["target_value"] = _("A target cannot be negative.")
    if criterion.target_value is not None and not criterion.unit_of_measure.strip():
        errors["unit_of_measure"] = _("Give the target's unit of measure (people, meetings, %...).")
    parent = criterion.parent
    if parent is not None:
        if parent.criteria_set_id != criterion.criteria_set_id:
            errors["parent"] = _("The parent criterion belongs to another criteria set.")
        elif parent.kind != Criterion.Kind.STANDARD:
            errors["parent"] = _("Bonus and penalty points cannot have sub-criteria.")
        elif criterion.pk and _is_under(parent, criterion):
            errors["parent"] = _("A criterion cannot sit under itself.")
        elif parent.scores.exists():
            errors["parent"] = _("“%(criterion)s” already has scores and cannot get sub-criteria.") % {
                "criterion": parent.label
            }
    if not criterion.code:
        errors["code"] = _("Give the criterion a code, e.g. 1.2.")
    elif (
        Criterion.objects.filter(criteria_set_id=criterion.criteria_set_id, code=criterion.code)
        .exclude(pk=criterion.pk)
        .exists()
    ):
        errors["code"] = _("Another criterion already has the code %(code)s.") % {"code": criterion.code}
    if errors:
        raise ValidationError(errors)


def _save_criterion(actor, criterion: Criterion, criteria_set: CriteriaSet) -> Criterion:
    """Save a valid criterion with its history entry, then the set's factors it changes."""
    _validate_criterion(criterion)
    criterion._history_user = actor
    criterion.save()
    refresh_factors(criteria_set)
    return criterion


@transaction.atomic
def add_criterion(
    *,
    actor,
    criteria_set: CriteriaSet,
    name: str,
    code: str,
    max_points: Decimal,
    parent: Criterion | None = None,
    **fields,
) -> Criterion:
    criteria_set = _locked_for_editing(actor, criteria_set.pk)
    unknown = set(fields) - set(CRITERION_FIELDS)
    if unknown:
        raise TypeError(f"not criterion fields: {unknown}")
    if "order" not in fields:
        fields["order"] = (criteria_set.criteria.aggregate(m=Max("order"))["m"] or 0) + 1
    criterion = Criterion(
        criteria_set=criteria_set,
        parent=parent,
        name=name,
        code=code.strip(),
        max_points=Decimal(max_points),
        **fields,
    )
    return _save_criterion(actor, criterion, criteria_set)


@transaction.atomic
def update_criterion(*, actor, criterion: Criterion, **fields) -> Criterion:
    criterion = Criterion.objects.select_related("criteria_set__campaign__organiser", "parent").get(
        pk=criterion.pk
    )
    criteria_set = _locked_for_editing(actor, criterion.criteria_set_id)
    for key, value in fields.items():
        if key != "parent" and key not in CRITERION_FIELDS:
            raise TypeError(f"not editable: {key}")
        setattr(criterion, key, value)
    return _save_criterion(actor, criterion, criteria_set)


@transaction.atomic
def delete_criterion(*, actor, criterion: Criterion) -> None:
    criteria_set = _locked_for_editing(actor, criterion.criteria_set_id)
    if criterion.registered_targets.exists():
        raise ValidationError(
            _("Units registered targets for “%(criterion)s”; it cannot be deleted.")
            % {"criterion": criterion.label}
        )
    criterion.delete()
    refresh_factors(criteria_set)


def _tops(criteria: list[Criterion]) -> list[Criterion]:
    return [c for c in criteria if c.parent_id is None and c.kind == Criterion.Kind.STANDARD]


def criteria_problems(criteria_set: CriteriaSet, criteria: list[Criterion] | None = None) -> list[str]:
    """What keeps a set from being scored, as messages that name the criterion concerned."""
    criteria = list(criteria_set.criteria.all()) if criteria is None else criteria
    problems = []
    if not criteria:
        return [_("The criteria set has no criteria yet.")]
    children: dict[int, list[Criterion]] = {}
    for c in criteria:
        if c.parent_id:
            children.setdefault(c.parent_id, []).append(c)
    if criteria_set.requires_points_sum:
        for c in criteria:
            kids = [k for k in children.get(c.pk, []) if k.kind == Criterion.Kind.STANDARD]
            if kids:
                total = sum((k.max_points for k in kids), Decimal(0))
                if total != c.max_points:
                    problems.append(
                        _(
                            "The sub-criteria of “%(criterion)s” add up to %(sum)s points; its maximum is "
                            "%(max)s."
                        )
                        % {"criterion": c.label, "sum": _fmt(total), "max": _fmt(c.max_points)}
                    )
    if criteria_set.requires_weights_sum:
        tops = _tops(criteria)
        for c in tops:
            if c.weight is None:
                problems.append(
                    _("“%(criterion)s” has no weight; every top-level criterion needs one.")
                    % {"criterion": c.label}
                )
        total = sum((c.weight or Decimal(0) for c in tops), Decimal(0))
        if total != HUNDRED:
            listing = "; ".join(f"{c.label}: {_fmt(c.weight or 0)}" for c in tops)
            problems.append(
                _("The weights of the top-level criteria add up to %(sum)s, not 100 (%(listing)s).")
                % {"sum": _fmt(total), "listing": listing}
            )
    elif not sum((c.max_points for c in _tops(criteria)), Decimal(0)):
        problems.append(_("The top-level criteria have no points to score."))
    return problems


def check_criteria_set(criteria_set: CriteriaSet) -> None:
    problems = criteria_problems(criteria_set)
    if problems:
        raise ValidationError(problems)


def refresh_factors(criteria_set: CriteriaSet) -> None:
    """Recompute each criterion's factor: points × factor is its share of the 100-point total.
    Weighted sets scale each top-level criterion to its weight; others scale the whole set to 100.
    Bonus and penalty points count as they are."""
    criteria = list(criteria_set.criteria.all())
    by_id = {c.pk: c for c in criteria}

    def top_of(c: Criterion) -> Criterion:
        while c.parent_id:
            c = by_id[c.parent_id]
        return c

    tops = _tops(criteria)
    overall = sum((c.max_points for c in tops), Decimal(0))
    changed = []
    for c in criteria:
        if c.kind != Criterion.Kind.STANDARD:
            factor = Decimal(1)
        elif criteria_set.requires_weights_sum:
            top = top_of(c)
            factor = (top.weight or Decimal(0)) / top.max_points if top.max_points else Decimal(0)
        else:
            factor = HUNDRED / overall if overall else Decimal(1)
        factor = factor.quantize(Decimal("0.00000001"))
        if factor != c.factor:
            c.factor = factor
            changed.append(c)
    Criterion.objects.bulk_update(changed, ["factor"])


def _parents_first(criteria: list[Criterion]) -> list[Criterion]:
    placed: set[int] = set()
    ordered: list[Criterion] = []
    pending = list(criteria)
    while pending:
        ready = [c for c in pending if c.parent_id is None or c.parent_id in placed]
        if not ready:  # a broken parent link: keep the rest at the top rather than loop
            ready = pending
        ordered.extend(ready)
        placed.update(c.pk for c in ready)
        pending = [c for c in pending if c.pk not in placed]
    return ordered


def _copy_tree(source: CriteriaSet, target: CriteriaSet) -> None:
    id_map: dict[int | None, Criterion] = {}
    for c in _parents_first(list(source.criteria.all())):
        copy = Criterion.objects.create(
            criteria_set=target,
            parent=id_map.get(c.parent_id),
            code=c.code,
            order=c.order,
            name=c.name,
            description=c.description,
            kind=c.kind,
            max_points=c.max_points,
            weight=c.weight,
            target_value=c.target_value,
            unit_of_measure=c.unit_of_measure,
            direction=c.direction,
            evidence_required=c.evidence_required,
            factor=c.factor,
        )
        id_map[c.pk] = copy


@transaction.atomic
def copy_criteria_template(*, actor, template: CriteriaSet, campaign: Campaign) -> CriteriaSet:
    """Copy a template (or another campaign's set) into a campaign as its next version."""
    if not permissions.can_manage_campaign(actor, campaign):
        raise PermissionDenied
    latest = (
        CriteriaSet.objects.select_for_update(of=("self",))
        .filter(campaign=campaign)
        .order_by("-version")
        .first()
    )
    if latest is not None and not latest.is_frozen and latest.criteria.exists():
        raise ValidationError(
            _("This campaign already has criteria being edited; delete them or continue editing.")
        )
    if latest is not None and not latest.is_frozen:
        latest.delete()
        latest = CriteriaSet.objects.filter(campaign=campaign).order_by("-version").first()
    target = CriteriaSet.objects.create(
        campaign=campaign,
        name=template.name,
        version=(latest.version + 1) if latest else 1,
        previous=latest,
        requires_points_sum=template.requires_points_sum,
        requires_weights_sum=template.requires_weights_sum,
        created_by=actor,
    )
    _copy_tree(template, target)
    return target


@transaction.atomic
def new_criteria_version(*, actor, criteria_set: CriteriaSet) -> CriteriaSet:
    """Copy a frozen version into the next one, which can be edited. Scores already given stay
    with the version they were given under; sheets started later use the new one."""
    criteria_set = _locked_for_editing(actor, criteria_set.pk, frozen_ok=True)
    if criteria_set.is_template:
        raise ValidationError(_("Templates are edited in place; they have no versions."))
    latest = CriteriaSet.objects.filter(campaign=criteria_set.campaign_id).order_by("-version").first()
    assert latest is not None  # criteria_set itself is one
    if latest.pk != criteria_set.pk:
        raise ValidationError(
            _("Version %(version)s already exists; edit that one.") % {"version": latest.version}
        )
    if not criteria_set.is_frozen:
        raise ValidationError(_("This version has no scores yet; edit it directly."))
    target = CriteriaSet.objects.create(
        campaign=criteria_set.campaign,
        name=criteria_set.name,
        version=criteria_set.version + 1,
        previous=criteria_set,
        requires_points_sum=criteria_set.requires_points_sum,
        requires_weights_sum=criteria_set.requires_weights_sum,
        created_by=actor,
    )
    _copy_tree(criteria_set, target)
    return target
