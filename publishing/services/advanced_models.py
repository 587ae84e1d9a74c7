"""Advanced models: found, nurtured, recognised, replicated (item 3 of the seed plan). Each stage
change is a ModelStage row with its date and who made it; simple-history keeps the versions."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import can_manage_models
from core.text import normalize
from core.uploads import DOCX, JPEG, PDF, PNG, WEBP, XLSX, check_upload
from publishing.models import AdvancedModel, ModelEvidence, ModelFigure, ModelStage, Replication

__all__ = ["add_evidence", "advance_model", "create_model", "record_replication", "update_model"]

Stage = AdvancedModel.Stage
MAX_EVIDENCE_MB = 20
EVIDENCE_TYPES = {PDF, DOCX, XLSX, JPEG, PNG, WEBP}
MODEL_FIELDS = AdvancedModel.EDITABLE_FIELDS


def _check(fields: dict) -> dict:
    errors: dict = {}
    kind, member, unit = fields.get("kind"), fields.get("member"), fields.get("unit")
    if member is not None:
        if unit is not None and not member.unit.path.startswith(unit.path):
            errors["member"] = [
                _("The member “%(name)s” does not belong to %(unit)s.")
                % {"name": member.full_name, "unit": unit.name}
            ]
        if not fields.get("person_name"):
            fields["person_name"] = member.full_name
        if not fields.get("person_position"):
            fields["person_position"] = member.position
    if kind == AdvancedModel.Kind.INDIVIDUAL and not normalize(fields.get("person_name")):
        errors["person_name"] = [_("Give the person's name (or choose the member).")]
    if kind == AdvancedModel.Kind.COLLECTIVE:
        fields["member"], fields["person_name"], fields["person_position"] = None, "", ""
    start, end = fields.get("period_start"), fields.get("period_end")
    if start and end and end < start:
        errors["period_end"] = [_("The end of the period cannot be before its start.")]
    if not normalize(fields.get("title")):
        errors["title"] = [_("Name the model or initiative.")]
    if errors:
        raise ValidationError(errors)
    return fields


def _set_figures(model: AdvancedModel, figures) -> None:
    model.figures.all().delete()
    ModelFigure.objects.bulk_create(
        [
            ModelFigure(
                model=model,
                label=normalize(label),
                value=value,
                unit_of_measure=normalize(unit_of_measure),
                position=index,
            )
            for index, (label, value, unit_of_measure) in enumerate(figures)
            if normalize(label)
        ]
    )


@transaction.atomic
def create_model(
    *,
    actor,
    unit,
    title: str,
    summary: str,
    period_start: date,
    field_of_work: str,
    kind: str = AdvancedModel.Kind.COLLECTIVE,
    found_on: date | None = None,
    figures=(),
    **fields,
) -> AdvancedModel:
    """Record a newly found model; its first stage is "found"."""
    if not can_manage_models(actor, unit):
        raise PermissionDenied(_("You may not record advanced models for this unit."))
    fields = _check(
        {
            "unit": unit,
            "title": title,
            "summary": summary,
            "period_start": period_start,
            "field_of_work": field_of_work,
            "kind": kind,
            **fields,
        }
    )
    found_on = found_on or timezone.localdate()
    model = AdvancedModel.objects.create(
        created_by=actor, stage=Stage.FOUND, stage_changed_on=found_on, **fields
    )
    ModelStage.objects.create(model=model, stage=Stage.FOUND, on=found_on, moved_by=actor)
    _set_figures(model, figures)
    return model


@transaction.atomic
def update_model(model: AdvancedModel, *, actor, figures=None, **fields) -> AdvancedModel:
    if not can_manage_models(actor, model.unit):
        raise PermissionDenied(_("You may not change this advanced model."))
    unknown = set(fields) - set(MODEL_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    if "unit" in fields and fields["unit"] != model.unit and not can_manage_models(actor, fields["unit"]):
        raise PermissionDenied(_("You may not record advanced models for this unit."))
    current = {name: getattr(model, name) for name in MODEL_FIELDS}
    fields = _check({**current, **fields})
    for name, value in fields.items():
        setattr(model, name, value)
    model.save()
    if figures is not None:
        _set_figures(model, figures)
    return model


@transaction.atomic
def advance_model(model: AdvancedModel, *, actor, on: date | None = None, note: str = "") -> AdvancedModel:
    """Move the model to its next stage (found → nurtured → recognised → being replicated)."""
    model = AdvancedModel.objects.select_for_update(of=("self",)).select_related("unit").get(pk=model.pk)
    if not can_manage_models(actor, model.unit):
        raise PermissionDenied(_("You may not change this advanced model."))
    next_stage = model.next_stage
    if next_stage is None:
        raise ValidationError({"stage": _("The model is already at its last stage.")})
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError({"on": _("The date cannot be in the future.")})
    if on < model.stage_changed_on:
        raise ValidationError(
            {
                "on": _("The date cannot be before the previous stage (%(date)s).")
                % {"date": model.stage_changed_on.strftime("%d/%m/%Y")}
            }
        )
    ModelStage.objects.create(model=model, stage=next_stage, on=on, moved_by=actor, note=normalize(note))
    model.stage, model.stage_changed_on = next_stage, on
    model.save()
    return model


@transaction.atomic
def record_replication(
    model: AdvancedModel, *, actor, unit, adopted_on: date, results: str = ""
) -> Replication:
    """A unit adopted the model. The first replication moves a recognised model to "being replicated"."""
    model = AdvancedModel.objects.select_for_update(of=("self",)).select_related("unit").get(pk=model.pk)
    if not can_manage_models(actor, model.unit):
        raise PermissionDenied(_("You may not change this advanced model."))
    if model.stage not in AdvancedModel.PUBLIC_STAGES:
        raise ValidationError({"unit": _("Only a recognised model can be replicated; recognise it first.")})
    if unit.pk == model.unit_id:
        raise ValidationError({"unit": _("The model's own unit cannot replicate it.")})
    if model.replications.filter(unit=unit).exists():
        raise ValidationError({"unit": _("%(unit)s has already adopted this model.") % {"unit": unit.name}})
    if adopted_on > timezone.localdate():
        raise ValidationError({"adopted_on": _("The date cannot be in the future.")})
    if adopted_on < model.period_start:
        raise ValidationError({"adopted_on": _("The date cannot be before the model itself began.")})
    replication = Replication.objects.create(
        model=model, unit=unit, adopted_on=adopted_on, results=results.strip(), recorded_by=actor
    )
    if model.stage == Stage.RECOGNISED:
        on = max(adopted_on, model.stage_changed_on)
        ModelStage.objects.create(
            model=model,
            stage=Stage.REPLICATING,
            on=on,
            moved_by=actor,
            note=_("First replication: %(unit)s") % {"unit": unit.name},
        )
        model.stage, model.stage_changed_on = Stage.REPLICATING, on
        model.save()
    return replication


@transaction.atomic
def add_evidence(model: AdvancedModel, *, actor, file, description: str = "") -> ModelEvidence:
    """Attach a document or photo, checked by its content (not its name)."""
    if not can_manage_models(actor, model.unit):
        raise PermissionDenied(_("You may not change this advanced model."))
    size = getattr(file, "size", 0) or 0
    if size == 0:
        raise ValidationError({"file": _("The file is empty.")})
    if size > MAX_EVIDENCE_MB * 1024 * 1024:
        raise ValidationError(
            {
                "file": _("The file is %(size).1f MB; evidence files may be at most %(limit)d MB.")
                % {"size": size / 1024 / 1024, "limit": MAX_EVIDENCE_MB}
            }
        )
    try:
        kind = check_upload(file, EVIDENCE_TYPES, max_mb=MAX_EVIDENCE_MB)
    except ValidationError as exc:
        raise ValidationError(
            {
                "file": _(
                    "Evidence must be a PDF, Word (.docx) or Excel (.xlsx) document or a "
                    "JPEG, PNG or WebP photo; this file is none of these."
                )
            }
        ) from exc
    name = (getattr(file, "name", "") or "tep").rsplit("/", 1)[-1][:255]
    return ModelEvidence.objects.create(
        model=model,
        file=file,
        original_name=name,
        content_type=kind,
        description=normalize(description),
        uploaded_by=actor,
    )
