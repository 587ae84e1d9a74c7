"""Reads of the award rules: rule sets with their forms, base salaries."""

from django.db.models import QuerySet

from awards.models import AwardForm, BaseSalary, RuleSet

__all__ = ["award_form_names", "base_salaries", "rule_sets"]


def rule_sets() -> QuerySet[RuleSet]:
    return RuleSet.objects.prefetch_related("forms").order_by("-valid_from")


def base_salaries() -> QuerySet[BaseSalary]:
    return BaseSalary.objects.order_by("-effective_from")


def award_form_names() -> dict[str, str]:
    """Form code -> name over every rule set (a code keeps its meaning across rule sets)."""
    return dict(AwardForm.objects.values_list("code", "name").distinct().order_by("name"))
