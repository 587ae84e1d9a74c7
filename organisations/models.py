"""The organisation tree: unit types (data, not code), units with a materialised path, members."""

from collections.abc import Iterable
from datetime import date
from typing import Self

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import ImportBatch, optional_self_link
from core.text import collation_key, fold, normalize, person_sort_key, search_words
from core.uploads import RandomName

PATH_SEPARATOR = "/"


class UnitType(models.Model):
    """A kind of unit (LĐLĐ tỉnh, LĐLĐ huyện, CĐ ngành, CĐCS...). Reorganisations add,
    retire or re-level types; units keep the type they had."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    level = models.PositiveSmallIntegerField(
        _("level"), help_text=_("1 is the top of the organisation; larger numbers are lower levels.")
    )
    may_have_members = models.BooleanField(_("may have members"), default=False)
    may_have_children = models.BooleanField(_("may have child units"), default=True)
    is_grassroots = models.BooleanField(_("is a grassroots union"), default=False)
    is_active = models.BooleanField(_("in use"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["level", "name"]
        verbose_name = _("unit type")
        verbose_name_plural = _("unit types")

    def __str__(self) -> str:
        return self.name


def current_units(on: date | None = None) -> Q:
    """The condition of a unit in existence on a date (today by default): a filter, or the
    condition of an aggregate over units."""
    on = on or timezone.localdate()
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=on)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gt=on)
    )


class UnitQuerySet(models.QuerySet["Unit"]):
    def current(self, on: date | None = None) -> Self:
        """Units in existence on a date (today by default)."""
        return self.filter(current_units(on))

    def in_subtree(self, unit: "Unit") -> Self:
        """The unit and everything below it, in one query at any depth."""
        return self.filter(path__startswith=unit.path)

    def in_subtrees(self, paths: Iterable[str]) -> Self:
        """Units under any of the given paths (a user's scopes)."""
        query = Q(pk__in=[])
        for path in paths:
            query |= Q(path__startswith=path)
        return self.filter(query)

    def search(self, text: str) -> Self:
        words = search_words(text)
        if not words:
            return self
        query = Q()
        for word in words:
            query &= Q(search_text__startswith=word) | Q(search_text__contains=f" {word}")
        return self.filter(query)


UnitManager = models.Manager.from_queryset(UnitQuerySet)


class TitleWording(models.TextChoices):
    """How a unit's award decisions confer an emulation title: offices differ in practice."""

    AWARD = "award", _("Award the title … (Tặng danh hiệu …)")
    RECOGNISE = "recognise", _("Recognise the title … (Công nhận danh hiệu …)")


class Unit(models.Model):
    """A union unit in the tree. `path` holds the ids from the root ("/1/7/42/"), so a
    subtree is one `startswith` and ancestors are known without a query."""

    unit_type = models.ForeignKey(
        UnitType, on_delete=models.PROTECT, related_name="units", verbose_name=_("unit type")
    )
    parent = optional_self_link(_("parent unit"), related_name="children")
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    code = models.CharField(_("code"), max_length=40, unique=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(
        _("valid to"), null=True, blank=True, help_text=_("Empty while the unit exists.")
    )
    merged_into = optional_self_link(_("merged into"), related_name="merged_units")
    doc_symbol = models.CharField(
        _("document symbol"),
        max_length=20,
        blank=True,
        help_text=_("The issuer part of document symbols, e.g. LĐLĐ in 01/KH-LĐLĐ."),
    )
    title_wording = models.CharField(
        _("titles in award decisions"),
        max_length=12,
        choices=TitleWording.choices,
        default=TitleWording.AWARD,
        help_text=_(
            "How this unit's award decisions confer an emulation title: “Tặng danh hiệu …”, or "
            "“Công nhận danh hiệu …” where the unit's practice says so. Forms of commendation are always "
            "“Tặng …”."
        ),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    publishes_awards = models.BooleanField(
        _("publish its awards on the portal"),
        default=True,
        help_text=_(
            "Anyone may look up the awardees of this unit's award decisions in force on the public portal "
            "(name, form or title, decision; nothing else)."
        ),
    )
    path = models.CharField(max_length=255, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    search_text = models.CharField(max_length=400, editable=False, default="")
    # the name's Vietnamese sort key (core.text.collation_key): lists order by it on every database
    sort_name = models.CharField(max_length=1000, editable=False, default="")
    history = HistoricalRecords(excluded_fields=["search_text", "sort_name"])

    objects = UnitManager()
    _history_user: AbstractBaseUser | None  # the actor, set before a save for its history row

    class Meta:
        ordering = ["path"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_to_after_valid_from",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = normalize(self.name)
        self.short_name = normalize(self.short_name)
        self.search_text = fold(f"{self.name} {self.short_name} {self.code}")
        self.sort_name = collation_key(self.name)
        super().save(*args, **kwargs)

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip(PATH_SEPARATOR).split(PATH_SEPARATOR) if part][:-1]

    def ancestors(self):
        """Ancestors from the root down, in one query."""
        return Unit.objects.filter(pk__in=self.ancestor_ids).select_related("unit_type").order_by("depth")

    def is_descendant_of(self, other: "Unit") -> bool:
        return self.path.startswith(other.path)

    def is_current(self, on=None) -> bool:
        on = on or timezone.localdate()
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or self.valid_to > on
        )

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


# A member as the tallies count it: (unit id, status, gender)
MemberCell = tuple[int, str, str]
TALLIED_FIELDS = ("unit", "unit_id", "status", "gender")


class MemberTallyManager(models.Manager["MemberTally"]):
    def add(self, changes: dict[MemberCell, int]) -> None:
        """Count members in (+n) or out (-n) of their units' tallies: one `UPDATE … SET active =
        active + n` per change, so two transactions counting into one unit wait for each other."""
        deltas: dict[int, list[int]] = {}
        for (unit, status, gender), n in changes.items():
            if n and status == Member.Status.ACTIVE:
                delta = deltas.setdefault(unit, [0, 0])
                delta[0] += n
                delta[1] += n if gender == Member.Gender.FEMALE else 0
        deltas = {unit: delta for unit, delta in deltas.items() if any(delta)}
        if not deltas:
            return
        self.bulk_create([MemberTally(unit_id=unit) for unit in deltas], ignore_conflicts=True)
        units_by_change: dict[tuple[int, int], list[int]] = {}
        for unit, (active, women) in deltas.items():
            units_by_change.setdefault((active, women), []).append(unit)
        for (active, women), units in sorted(units_by_change.items()):
            self.filter(unit_id__in=units).update(active=F("active") + active, women=F("women") + women)


class MemberTally(models.Model):
    """A unit's own active members and the women among them, kept as members are written (every
    save and delete of a member, and the bulk writers: `MemberQuerySet`, the import writer), so
    the roll-ups sum one row per unit instead of counting 500,000 members. A subtree's figure is
    the sum over its units' rows (`unit__path__startswith`): moving a unit moves nothing here.
    `manage.py check_member_tallies` compares them with the members; `rebuild_member_tallies`
    recounts them (organisations/tallies.py)."""

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, primary_key=True, related_name="member_tally")
    active = models.PositiveIntegerField(default=0)
    women = models.PositiveIntegerField(default=0)

    objects = MemberTallyManager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(women__lte=models.F("active")), name="member_tally_women_within_active"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}: {self.active} ({self.women})"


def member_cells(members: models.QuerySet["Member"]) -> dict[MemberCell, int]:
    """How many of `members` stand in each (unit, status, gender)."""
    rows = members.order_by().values_list("unit_id", "status", "gender").annotate(n=Count("pk"))
    return {(unit, status, gender): n for unit, status, gender, n in rows}


def _difference(after: dict[MemberCell, int], before: dict[MemberCell, int]) -> dict[MemberCell, int]:
    return {cell: after.get(cell, 0) - before.get(cell, 0) for cell in after.keys() | before.keys()}


class MemberQuerySet(models.QuerySet["Member"]):
    """Bulk writes of members that keep the tallies: what they add, remove or move is counted in the
    same transaction (the rows are locked first, so a concurrent write waits). `bulk_update` writes
    through `update`, and is counted there."""

    def bulk_create(self, objs, *args, **kwargs):
        assert not kwargs.get("ignore_conflicts") and not kwargs.get("update_conflicts"), (
            "the tallies count every member given as written"
        )
        with transaction.atomic(using=self.db, savepoint=False):
            created = super().bulk_create(objs, *args, **kwargs)
            cells: dict[MemberCell, int] = {}
            for member in created:
                cell = (member.unit_id, member.status, member.gender)
                cells[cell] = cells.get(cell, 0) + 1
            MemberTally.objects.add(cells)
        return created

    def delete(self):
        with transaction.atomic(using=self.db, savepoint=False):
            before = member_cells(
                Member.objects.filter(pk__in=list(self.select_for_update().values_list("pk", flat=True)))
            )
            result = super().delete()
            MemberTally.objects.add({cell: -n for cell, n in before.items()})
        return result

    delete.alters_data = True  # type: ignore[attr-defined]
    delete.queryset_only = True  # type: ignore[attr-defined]

    def update(self, **kwargs):
        if not any(name in kwargs for name in TALLIED_FIELDS):
            return super().update(**kwargs)
        with transaction.atomic(using=self.db, savepoint=False):
            pks = list(self.select_for_update().values_list("pk", flat=True))
            before = member_cells(Member.objects.filter(pk__in=pks))
            result = super().update(**kwargs)
            MemberTally.objects.add(_difference(member_cells(Member.objects.filter(pk__in=pks)), before))
        return result

    update.alters_data = True  # type: ignore[attr-defined]


def leaving_date_error(joined_on: date | None, left_on: date | None) -> str | None:
    """A member cannot leave the union before joining it: the message when `left_on` is before
    `joined_on`, else None. The one rule behind the form and `services.save_member` (through
    `Member.clean`), the import's row check, and the database's `member_left_after_joined`."""
    if left_on and joined_on and left_on < joined_on:
        return _("The leaving date cannot be before the union membership date (%(joined)s).") % {
            "joined": joined_on.strftime("%d/%m/%Y")
        }
    return None


class Member(models.Model):
    """A union member (đoàn viên) of a unit that may hold members. Every write counts it in its
    unit's `MemberTally` (save, delete and `MemberQuerySet`'s bulk writes)."""

    class Gender(models.TextChoices):
        MALE = "M", _("Male")
        FEMALE = "F", _("Female")

    class Category(models.TextChoices):
        OFFICER = "officer", _("Officer")
        CIVIL_SERVANT = "civil_servant", _("Civil servant")
        PUBLIC_EMPLOYEE = "public_employee", _("Public employee")
        WORKER = "worker", _("Worker")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        TRANSFERRED = "transferred", _("Transferred")
        LEFT = "left", _("Left the union")
        RETIRED = "retired", _("Retired")
        DECEASED = "deceased", _("Deceased")

    code = models.CharField(_("member code"), max_length=40, unique=True)
    full_name = models.CharField(_("full name"), max_length=120)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    ethnicity = models.CharField(_("ethnicity"), max_length=40, blank=True)
    position = models.CharField(_("position"), max_length=120, blank=True)
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.WORKER
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="members", verbose_name=_("unit"))
    joined_on = models.DateField(_("union membership date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    search_text = models.CharField(max_length=200, editable=False, default="")
    # the Vietnamese order of people: given name, then family and middle names (core.text.person_sort_key)
    sort_name = models.CharField(max_length=1000, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["search_text", "sort_name", "updated_at"])

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["unit_id", "sort_name", "id"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        indexes = [
            models.Index(fields=["unit", "status"]),
            # the member list's order, and its keyset pages: (sort_name, id) > (after's, after)
            models.Index(fields=["sort_name", "id"], name="member_sort_order_idx"),
            # the name search: search_text LIKE 'word%' (PostgreSQL needs the pattern operators for LIKE)
            models.Index(
                fields=["search_text"], name="member_search_prefix_idx", opclasses=["varchar_pattern_ops"]
            ),
            # a campaign's members of its period: the few who joined after it or left since it
            # started are found by these before any join (campaigns.selectors.reach)...
            models.Index(fields=["joined_on"], name="member_joined_on_idx"),
            models.Index(fields=["left_on"], name="member_left_on_idx"),
            # ...or unit by unit, when the plan starts from the participating units (SQLite always
            # does: it has no statistics on a date range), so each unit reads only those few too;
            # status before joined_on: the active who joined after it (a unit's members counted
            # by date, as the bench's hand SQL does, keep reading in the order of the unit's index)
            models.Index(fields=["unit", "status", "joined_on"], name="member_unit_joined_on_idx"),
            models.Index(fields=["unit", "left_on"], name="member_unit_left_on_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(birth_date__isnull=True)
                | Q(joined_on__isnull=True)
                | Q(joined_on__gt=models.F("birth_date")),
                name="member_joined_after_birth",
            ),
            # leaving_date_error's rule, kept by the database against every writer (bulk writes,
            # the import's COPY, raw SQL); migration 0014 cleared the leaving dates that broke it
            models.CheckConstraint(
                condition=Q(left_on__isnull=True)
                | Q(joined_on__isnull=True)
                | Q(left_on__gte=models.F("joined_on")),
                name="member_left_after_joined",
                violation_error_message=_("The leaving date cannot be before the union membership date."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = normalize(self.full_name)
        self.position = normalize(self.position)
        self.ethnicity = normalize(self.ethnicity)
        self.search_text = fold(f"{self.full_name} {self.code}")
        self.sort_name = person_sort_key(self.full_name)
        with transaction.atomic(using=kwargs.get("using"), savepoint=False):
            before = self._stored_cell()
            super().save(*args, **kwargs)
            after = self._stored_cell() if kwargs.get("update_fields") else self._cell()
            if after != before:
                MemberTally.objects.add(
                    _difference({after: 1} if after else {}, {before: 1} if before else {})
                )

    save.alters_data = True  # type: ignore[attr-defined]

    def clean(self) -> None:
        """A member cannot leave before joining (run by the member form and by services.save_member,
        which the API and every other write go through; `leaving_date_error`). An active member has
        no leaving date: one given is dropped here, before the check and the database's constraint."""
        if self.status == self.Status.ACTIVE:
            self.left_on = None
        message = leaving_date_error(self.joined_on, self.left_on)
        if message:
            raise ValidationError({"left_on": ValidationError(message, code="left_before_joined")})

    def delete(self, *args, **kwargs):
        with transaction.atomic(using=kwargs.get("using"), savepoint=False):
            before = self._stored_cell()
            result = super().delete(*args, **kwargs)
            if before:
                MemberTally.objects.add({before: -1})
        return result

    delete.alters_data = True  # type: ignore[attr-defined]

    def _cell(self) -> MemberCell:
        return (self.unit_id, self.status, self.gender)

    def _stored_cell(self) -> MemberCell | None:
        """The member as the database holds it, locked until the transaction ends (None: not yet written)."""
        if self.pk is None:
            return None
        row = Member.objects.select_for_update().filter(pk=self.pk).values_list("unit_id", "status", "gender")
        return next(iter(row), None)

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class MemberImport(ImportBatch):
    """An uploaded member spreadsheet: checked in full first, then applied all at once."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="member_imports")
    file = models.FileField(upload_to=RandomName("imports/members"))
