"""Pick, do not type codes: a model choice (a unit, a member) chosen by typing part of its name,
with or without diacritics. One widget and one field for every such choice.

`PickerInput` renders a text box (what the officer types and sees) beside a hidden input (the id).
With JavaScript, htmx asks the kind's search endpoint (`search_url`, answering only what the user
may see) for suggestions while typing, and `core/js/picker.js` puts the chosen one's id in the
hidden input. Without JavaScript it is a plain text box: `PickerField` looks the text up on submit
in its own queryset (the user's scope for that form) and takes the one match, or says that nothing
or several matched, leaving the text in its box.

`MultiPickerField` is the same for a choice of several (a cluster's member units, the units an
article mentions): the chosen ones are ticked boxes (untick to drop one) and the text box adds more;
without JavaScript the text box takes several names separated by semicolons, each looked up alone."""

from __future__ import annotations

from typing import Any, NamedTuple

from django import forms
from django.db.models import Model, Q, QuerySet
from django.utils.functional import Promise as StrPromise
from django.utils.translation import gettext_lazy

from core.text import NAME_TEXT_LIMIT, fold, is_id, search_words

__all__ = [
    "MultiPickerField",
    "MultiPickerInput",
    "Picked",
    "PickedMany",
    "PickerField",
    "PickerInput",
    "search_folded",
    "SELECT_UP_TO",
    "SUGGESTIONS",
]

SUGGESTIONS = 12  # suggestions shown while typing; more typing narrows them
SELECT_UP_TO = 20  # a choice among this many or fewer stays a plain select


def search_folded(queryset: QuerySet, text: str, field: str = "search_text") -> QuerySet:
    """Rows whose folded text (name and code, `core.text.fold`) has a word starting with each typed
    word: "hoa an", "Hòa An" and "LĐLĐ Hòa" find "LĐLĐ huyện Hòa An"."""
    query = Q()
    for word in search_words(text):
        query &= Q(**{f"{field}__startswith": word}) | Q(**{f"{field}__contains": f" {word}"})
    return queryset.filter(query)


class Picked(NamedTuple):
    """What came back from the form: the chosen id (empty when only text was typed) and the text."""

    pk: str
    text: str


class PickedMany(NamedTuple):
    """What came back from a multiple picker: the ticked ids and the text typed to add more."""

    pks: tuple[str, ...]
    text: str


def lookup_typed(scope: QuerySet, text: str, label, messages) -> Model:
    """The one row of `scope` the typed text names (a word start of each word, or the exact label),
    or a ValidationError naming the text: nothing or several matched, or longer than any name."""
    if len(text) > NAME_TEXT_LIMIT:
        shown = f"{text[:40]}…"  # the start of it: the whole would fill the page
        raise forms.ValidationError(
            messages["too_long"] % {"text": shown, "limit": NAME_TEXT_LIMIT}, code="too_long"
        )
    matches = list(search_folded(scope, text)[:6])
    if len(matches) == 1:
        return matches[0]
    exact = [m for m in matches if fold(label(m)) == fold(text)]
    if len(exact) == 1:
        return exact[0]
    if not matches:
        raise forms.ValidationError(messages["none"] % {"text": text}, code="none")
    names = ", ".join(label(m) for m in matches[:3])
    raise forms.ValidationError(messages["several"] % {"text": text, "names": names}, code="several")


class SearchBoxInput(forms.Widget):
    """What both pickers' widgets share: the text box asking `search_url`, its placeholder, and
    `few_choices` (set by the field: [(pk, label)] when a select or boxes will do instead)."""

    def __init__(
        self, search_url: str | StrPromise = "", attrs: dict[str, Any] | None = None, placeholder: str = ""
    ):
        super().__init__(attrs)
        self.search_url = search_url
        self.placeholder = placeholder
        self.few_choices: Any = lambda: None

    def value_omitted_from_data(self, data, files, name) -> bool:
        return name not in data and f"{name}_text" not in data


class PickerInput(SearchBoxInput):
    template_name = "core/widgets/picker.html"
    label_for: Any = staticmethod(str)  # set by PickerField: the label of an initial value

    def value_from_datadict(self, data, files, name) -> Picked:
        return Picked(str(data.get(name, "") or "").strip(), str(data.get(f"{name}_text", "") or ""))

    def get_context(self, name, value, attrs) -> dict[str, Any]:
        context = super().get_context(name, None, attrs)
        if isinstance(value, Picked):
            picked = value
        elif value in (None, ""):
            picked = Picked("", "")
        else:
            picked = Picked(str(getattr(value, "pk", value)), self.label_for(value))
        context["widget"].update(
            {
                "options": self.few_choices(),
                "pk": picked.pk,
                "text": picked.text,
                "search_url": self.search_url,
                "placeholder": self.placeholder,
            }
        )
        return context


class ScopedPickerField(forms.ModelChoiceField):
    """What the single and multiple pickers share: the scope the choice must fall in, the search
    address their widget asks, and the whole list when it is short."""

    def _scope(self) -> QuerySet:
        assert self.queryset is not None, "a picker is given its scope by the form"
        return self.queryset

    @property
    def search_url(self) -> str | StrPromise:
        return self.widget.search_url

    @search_url.setter
    def search_url(self, url: str | StrPromise) -> None:
        self.widget.search_url = url

    def few_choices(self) -> list[tuple[str, str]] | None:
        """The choices, when there are few enough to list them all (a select, or ticked boxes);
        one query of at most 21 rows."""
        rows = list(self._scope()[: SELECT_UP_TO + 1])
        if len(rows) > SELECT_UP_TO:
            return None
        return [(str(row.pk), self.label_from_instance(row)) for row in rows]


class PickerField(ScopedPickerField):
    """A ModelChoiceField whose choices are never listed: `queryset` is the scope the choice must
    fall in (checked on submit whatever was sent), `search_url` the endpoint suggesting from it."""

    default_error_messages = {
        "none": gettext_lazy("Nothing in your scope matches “%(text)s”: type part of the name."),
        "several": gettext_lazy("Several match “%(text)s” (%(names)s…): type more of the name, or pick one."),
        "too_long": gettext_lazy(
            "“%(text)s” is longer than any name (at most %(limit)d characters): type part of the name."
        ),
        "invalid_choice": gettext_lazy(
            "That choice is not in your scope: type part of the name and pick again."
        ),
    }

    def __init__(self, queryset, *, search_url: str | StrPromise = "", placeholder: str = "", **kwargs):
        kwargs.setdefault("widget", PickerInput(search_url=search_url, placeholder=placeholder))
        super().__init__(queryset, **kwargs)
        self.widget.label_for = self.label_for
        self.widget.few_choices = self.few_choices

    def __deepcopy__(self, memo):
        # each form gets a copy of the declared field: its widget must ask the copy (its queryset)
        result = super().__deepcopy__(memo)
        result.widget.label_for = result.label_for
        result.widget.few_choices = result.few_choices
        return result

    def label_for(self, value) -> str:
        if isinstance(value, Model):
            return self.label_from_instance(value)
        found = self._scope().filter(pk=value).first() if is_id(value) else None
        return self.label_from_instance(found) if found is not None else ""

    def clean(self, value):
        if not isinstance(value, Picked):
            value = Picked(str(value or ""), "")
        if value.pk:
            return super().clean(value.pk)
        text = value.text.strip()
        if not text:
            return super().clean("")  # required, or None
        return lookup_typed(self._scope(), text, self.label_from_instance, self.error_messages)

    def has_changed(self, initial, data) -> bool:
        pk = data.pk if isinstance(data, Picked) else data
        return str(getattr(initial, "pk", initial) or "") != str(pk or "")


class MultiPickerInput(SearchBoxInput):
    template_name = "core/widgets/multi_picker.html"
    labels_for: Any = staticmethod(lambda pks: [])  # set by MultiPickerField: [(pk, label)] of chosen ids

    def value_from_datadict(self, data, files, name) -> PickedMany:
        values = data.getlist(name) if hasattr(data, "getlist") else data.get(name) or []
        if isinstance(values, str):
            values = [values]
        pks = tuple(dict.fromkeys(str(v).strip() for v in values if str(v).strip()))
        return PickedMany(pks, str(data.get(f"{name}_text", "") or ""))

    def get_context(self, name, value, attrs) -> dict[str, Any]:
        context = super().get_context(name, None, attrs)
        if isinstance(value, PickedMany):
            picked = value
        else:
            values = [] if value in (None, "") else list(value)
            picked = PickedMany(tuple(str(getattr(v, "pk", v)) for v in values), "")
        options = self.few_choices()
        context["widget"].update(
            {
                "options": options,
                "chosen": [] if options is not None else self.labels_for(picked.pks),
                "pks": picked.pks,
                "text": picked.text,
                "search_url": self.search_url,
                "placeholder": self.placeholder,
            }
        )
        return context


class MultiPickerField(ScopedPickerField, forms.ModelMultipleChoiceField):
    """Several rows of `queryset` (the scope, checked on submit), ticked or typed: the multiple
    `PickerField`. Cleans to a list in the order chosen (a cluster's rotation order)."""

    default_error_messages = {
        **PickerField.default_error_messages,
        "invalid_choice": PickerField.default_error_messages["invalid_choice"],
    }

    def __init__(self, queryset, *, search_url: str | StrPromise = "", placeholder: str = "", **kwargs):
        kwargs.setdefault("widget", MultiPickerInput(search_url=search_url, placeholder=placeholder))
        super().__init__(queryset, **kwargs)
        self._wire()

    def _wire(self) -> None:
        self.widget.labels_for = self.labels_for
        self.widget.few_choices = self.few_choices

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result._wire()
        return result

    def prepare_value(self, value):
        if isinstance(value, PickedMany):
            return value  # ids and typed text go back to the widget as they came
        return super().prepare_value(value)

    def labels_for(self, pks) -> list[tuple[str, str]]:
        ids = [pk for pk in pks if is_id(pk)]
        found = {str(row.pk): row for row in self._scope().filter(pk__in=ids)} if ids else {}
        return [(pk, self.label_from_instance(found[pk])) for pk in map(str, ids) if pk in found]

    def clean(self, value):
        if not isinstance(value, PickedMany):
            value = PickedMany(tuple(str(v) for v in (value or [])), "")
        chosen: list[Model] = []
        if value.pks:
            ids = [pk for pk in value.pks if is_id(pk)]
            by_pk = {str(row.pk): row for row in self._scope().filter(pk__in=ids)}
            if len(by_pk) != len(value.pks):  # a forged, foreign or ended id
                raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
            chosen = [by_pk[pk] for pk in value.pks]
        errors = []
        for piece in filter(None, (p.strip() for p in value.text.replace("\n", ";").split(";"))):
            try:
                chosen.append(
                    lookup_typed(self._scope(), piece, self.label_from_instance, self.error_messages)
                )
            except forms.ValidationError as exc:
                errors.append(exc)
        if errors:
            raise forms.ValidationError(errors)
        chosen = list({row.pk: row for row in chosen}.values())
        if self.required and not chosen:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        self.run_validators(chosen)
        return chosen

    def has_changed(self, initial, data) -> bool:
        pks = data.pks if isinstance(data, PickedMany) else tuple(map(str, data or ()))
        return {str(getattr(v, "pk", v)) for v in (initial or ())} != set(pks)
