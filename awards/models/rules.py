"""Award rules as data: dated rule sets, the award forms they define and the base salary prize
money is computed from. Loaded from `awards/rule_texts/` (`awards/rules.py`)."""

import datetime as dt
from dataclasses import dataclass
from typing import Self

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from awards.rule_texts.schema import article_text
from core.text import fold

__all__ = [
    "AwardForm",
    "BaseSalary",
    "CitationView",
    "Confidence",
    "RuleSet",
    "RuleSetManager",
    "RuleSetQuerySet",
]


class RuleSetQuerySet(models.QuerySet["RuleSet"]):
    def in_force(self, on: dt.date) -> Self:
        """Rule sets whose validity covers `on` (valid_to is the last day in force)."""
        return self.filter(valid_from__lte=on).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))


RuleSetManager = models.Manager.from_queryset(RuleSetQuerySet)


class RuleSet(models.Model):
    """A dated set of award rules (a law and its decree, e.g. Nghị định 91/2017/NĐ-CP)."""

    class RoundingMode(models.TextChoices):
        UP = "up", _("Round up")
        NEAREST = "nearest", _("Round to nearest")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=300)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(
        _("valid to"), null=True, blank=True, help_text=_("Last day in force; empty while in force.")
    )
    legal_basis = models.JSONField(_("legal basis"), default=list, blank=True)
    rounding_to = models.PositiveIntegerField(_("round prize money to"), default=1000)
    rounding_mode = models.CharField(
        _("rounding"), max_length=10, choices=RoundingMode.choices, default=RoundingMode.UP
    )
    rounding_source = models.TextField(_("rounding source"), blank=True)
    verified = models.BooleanField(_("verified against the text"), default=False)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    objects = RuleSetManager()

    class Meta:
        ordering = ["valid_from"]
        verbose_name = _("rule set")
        verbose_name_plural = _("rule sets")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="ruleset_valid_to_after_valid_from",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Confidence(models.TextChoices):
    """How sure the reading of a rule is (docs/award-rules.md, "Confidence")."""

    VERBATIM = "V", _("Read verbatim")
    SECONDARY = "S", _("Read in a secondary source")
    NOT_READ = "N", _("Not read in the text")


@dataclass(frozen=True)
class CitationView:
    """A citation as the pages show it (awards/templates/awards/partials/citation.html)."""

    legal_text: str
    article: int | None
    clause: int | None
    point: str
    effective_from: dt.date | None
    effective_to: dt.date | None
    confidence: str

    def get_confidence_display(self) -> str:
        return str(Confidence(self.confidence).label)

    @property
    def text(self) -> str:
        """'Nghị định 98/2023/NĐ-CP, Điều 55 khoản 2' (the text alone when its article is not verified)."""
        article = article_text(self.article, self.clause, self.point)
        return f"{self.legal_text}, {article}" if article else self.legal_text


class AwardForm(models.Model):
    """A title or form of commendation under one rule set. `code` is stable across rule sets, so
    history under old rules counts for prerequisites under new ones."""

    class Kind(models.TextChoices):
        TITLE = "title", _("Emulation title")
        COMMENDATION = "commendation", _("Form of commendation")
        UNION = "union", _("Trade-union form")
        GRADING = "grading", _("Yearly grading")

    class Recipient(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        COLLECTIVE = "collective", _("Collective")
        BOTH = "both", _("Individual or collective")

    class Level(models.TextChoices):
        GRASSROOTS = "grassroots", _("Grassroots")
        UPPER_UNION = "upper_union", _("Upper-level union")
        PROVINCE = "province", _("Province")
        CONFEDERATION = "confederation", _("Confederation")
        GOVERNMENT = "government", _("Government")
        STATE = "state", _("State")

    rule_set = models.ForeignKey(
        RuleSet, on_delete=models.PROTECT, related_name="forms", verbose_name=_("rule set")
    )
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    recipient = models.CharField(_("for"), max_length=20, choices=Recipient.choices)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    decided_here = models.BooleanField(_("decided in this system"), default=True)
    criteria_text = models.TextField(_("criteria"), blank=True)
    prerequisites = models.JSONField(_("prerequisites"), default=list, blank=True)
    quota = models.JSONField(_("quota"), null=True, blank=True)
    vote = models.JSONField(_("council vote"), null=True, blank=True)
    coefficient_individual = models.DecimalField(
        _("coefficient (individual)"), max_digits=7, decimal_places=3, null=True, blank=True
    )
    coefficient_collective = models.DecimalField(
        _("coefficient (collective)"), max_digits=7, decimal_places=3, null=True, blank=True
    )
    coefficient_is_cap = models.BooleanField(_("coefficient is an upper limit"), default=False)
    equivalent_to = models.CharField(_("equivalent to"), max_length=60, blank=True)
    source = models.TextField(_("source"), blank=True)
    verified = models.BooleanField(_("verified against the text"), default=False)
    note = models.TextField(_("note"), blank=True)
    # where the criteria come from, field by field (awards/rule_texts/schema.py: Citation)
    legal_text = models.CharField(_("legal text"), max_length=200, blank=True)
    article = models.PositiveSmallIntegerField(
        _("article"), null=True, blank=True, help_text=_("Empty when the article's number is not verified.")
    )
    clause = models.PositiveSmallIntegerField(_("clause"), null=True, blank=True)
    point = models.CharField(_("point"), max_length=5, blank=True)
    effective_from = models.DateField(_("text in force from"), null=True, blank=True)
    effective_to = models.DateField(_("text in force until"), null=True, blank=True)
    confidence = models.CharField(
        _("confidence"), max_length=1, choices=Confidence.choices, default=Confidence.NOT_READ
    )
    # where the prize money comes from, field by field (the decree's text, article, clause, point, its
    # period in force, the confidence of the reading); a collective's amount may come from another clause
    money_legal_text = models.CharField(_("prize money: legal text"), max_length=200, blank=True)
    money_article = models.PositiveSmallIntegerField(
        _("prize money: article"),
        null=True,
        blank=True,
        help_text=_("Empty when the article's number is not verified."),
    )
    money_clause = models.PositiveSmallIntegerField(_("prize money: clause"), null=True, blank=True)
    money_point = models.CharField(_("prize money: point"), max_length=5, blank=True)
    money_effective_from = models.DateField(_("prize money: text in force from"), null=True, blank=True)
    money_effective_to = models.DateField(_("prize money: text in force until"), null=True, blank=True)
    money_confidence = models.CharField(
        _("prize money: confidence"), max_length=1, choices=Confidence.choices, default=Confidence.NOT_READ
    )
    collective_money_article = models.PositiveSmallIntegerField(
        _("collective prize money: article"), null=True, blank=True
    )
    collective_money_clause = models.PositiveSmallIntegerField(
        _("collective prize money: clause"), null=True, blank=True
    )
    collective_money_point = models.CharField(_("collective prize money: point"), max_length=5, blank=True)
    collective_money_confidence = models.CharField(
        _("collective prize money: confidence"),
        max_length=1,
        choices=Confidence.choices,
        default=Confidence.NOT_READ,
    )
    sort_order = models.PositiveSmallIntegerField(default=0)
    # Set when an administrator entered the prize money from the regulation in hand: the loader of
    # awards/rule_texts/ then keeps these coefficients instead of overwriting them.
    money_entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("prize money entered by"),
    )
    money_entered_at = models.DateTimeField(_("prize money entered at"), null=True, blank=True)
    history = HistoricalRecords()
    _history_user: AbstractBaseUser | None  # the actor, set before a save for its history row
    _change_reason: str  # why, set before a save for its history row

    class Meta:
        ordering = ["rule_set__valid_from", "sort_order", "name"]
        verbose_name = _("award form")
        verbose_name_plural = _("award forms")
        constraints = [
            models.UniqueConstraint(fields=["rule_set", "code"], name="awardform_code_once_per_ruleset")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def for_individuals(self) -> bool:
        return self.recipient in (self.Recipient.INDIVIDUAL, self.Recipient.BOTH)

    @property
    def for_collectives(self) -> bool:
        return self.recipient in (self.Recipient.COLLECTIVE, self.Recipient.BOTH)

    @property
    def money_unknown(self) -> bool:
        """Whether some coefficient this form needs is missing while the rules are not confirmed
        to give it no money: decisions then cannot state every amount."""
        if self.verified:
            return False
        return (self.for_individuals and self.coefficient_individual is None) or (
            self.for_collectives and self.coefficient_collective is None
        )

    @property
    def citation(self) -> str:
        """The article the criteria come from, as an office writes it ("Luật TĐKT 2022, Điều 23")."""
        article = article_text(self.article, self.clause, self.point)
        return f"{self.legal_text}, {article}" if article else self.legal_text

    @property
    def criteria_cite(self) -> CitationView:
        """The citation of the criteria, for the citation partial."""
        return CitationView(
            self.legal_text,
            self.article,
            self.clause,
            self.point,
            self.effective_from,
            self.effective_to,
            self.confidence,
        )

    @property
    def money_cites(self) -> list[tuple[str, CitationView]]:
        """Where each amount of prize money comes from: one citation, or one per recipient when the
        collective's amount comes from another clause (empty when no source of money is recorded)."""
        if not self.money_legal_text:
            return []
        individual = CitationView(
            self.money_legal_text,
            self.money_article,
            self.money_clause,
            self.money_point,
            self.money_effective_from,
            self.money_effective_to,
            self.money_confidence,
        )
        collective = CitationView(
            self.money_legal_text,
            self.collective_money_article,
            self.collective_money_clause,
            self.collective_money_point,
            self.money_effective_from,
            self.money_effective_to,
            self.collective_money_confidence,
        )
        if not self.for_individuals:
            return [("", collective)]
        if not self.for_collectives or collective == individual:
            return [("", individual)]
        return [(str(_("Individual")), individual), (str(_("Collective")), collective)]

    @property
    def money_citation_text(self) -> str:
        """The prize money's citation as one line ("Nghị định …, Điều 55 khoản 1 điểm h (…)")."""
        return "; ".join(
            f"{label + ': ' if label else ''}{cite.text} ({cite.get_confidence_display()})"
            for label, cite in self.money_cites
        )

    @property
    def certificate_title(self) -> str:
        """The heading printed on its certificate (legal format: stays Vietnamese)."""
        folded = fold(self.name)
        if "giay khen" in folded:
            return "GIẤY KHEN"
        if "bang khen" in folded:
            return "BẰNG KHEN"
        return "GIẤY CHỨNG NHẬN"


class BaseSalary(models.Model):
    """The base salary (mức lương cơ sở) from a date on. Rows are added, never edited: a decision
    made under an amount must keep it."""

    effective_from = models.DateField(_("effective from"), unique=True)
    amount = models.PositiveBigIntegerField(_("amount (VND)"))
    source = models.TextField(_("source"))
    verified = models.BooleanField(_("verified against the text"), default=False)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["effective_from"]
        verbose_name = _("base salary")
        verbose_name_plural = _("base salaries")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="base_salary_positive")]

    def __str__(self) -> str:
        return f"{self.amount:,} đ từ {self.effective_from:%d/%m/%Y}".replace(",", ".")

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValidationError(
                _("A base salary row is never edited: add a new row with its effective date.")
            )
        super().save(*args, **kwargs)

    @classmethod
    def on(cls, date) -> "BaseSalary | None":
        return cls.objects.filter(effective_from__lte=date).order_by("-effective_from").first()
