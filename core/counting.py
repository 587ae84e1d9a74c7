"""Counts that stop early: a list that says “more than 1,000” needs no more, and counting the
90,000 documents that say “kế hoạch” or a province's 500,000 members on every page is what costs."""

from django.db.models import QuerySet


def count_up_to(queryset: QuerySet, cap: int) -> int:
    """The number of rows, counted no further than cap + 1 (reading at most cap + 1 ids)."""
    return queryset.order_by().select_related(None).values("pk")[: cap + 1].count()


def count_at_most(queryset: QuerySet, cap: int) -> tuple[int, bool]:
    """(count, exact): the exact count up to `cap`, else (cap, False)."""
    found = count_up_to(queryset, cap)
    return (found, True) if found <= cap else (cap, False)
