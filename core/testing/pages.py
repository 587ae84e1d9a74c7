"""Reading a rendered form the way a user (and a screen reader) meets it: the message under a
field, the messages at the top, and the ids the inputs are described by."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None
    children: list[Element | str] = field(default_factory=list)

    def walk(self) -> Iterator[Element]:
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.walk()

    def text(self) -> str:
        return " ".join(
            " ".join((c if isinstance(c, str) else c.text()).split()) for c in self.children
        ).strip()

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.at = Element("#document", {}, None)

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: v or "" for k, v in attrs}, self.at)
        self.at.children.append(element)
        if tag not in VOID:
            self.at = element

    def handle_startendtag(self, tag, attrs):
        self.at.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.at))

    def handle_endtag(self, tag):
        open_ = self.at
        while open_.parent is not None and open_.tag != tag:
            open_ = open_.parent
        if open_.parent is not None:
            self.at = open_.parent

    def handle_data(self, data):
        self.at.children.append(data)


def parse(page: str) -> Element:
    builder = _Builder()
    builder.feed(page)
    return builder.root


def field_message(page: str, name: str) -> str:
    """The text shown under the input named `name`, in the field's own box (its div.field or table
    cell): what its aria-describedby points at, each of which must exist there."""
    root = parse(page)
    [box] = [
        e for e in root.walk() if e.attrs.get("name") == name and e.tag in ("input", "textarea", "select")
    ]
    holder = box.parent
    while holder is not None and holder.tag != "td" and "field" not in holder.classes():
        holder = holder.parent
    assert holder is not None, f"the input {name} is in no field"
    beside = {e.attrs.get("id"): e for e in holder.walk()}
    texts = []
    for each in box.attrs.get("aria-describedby", "").split():
        assert each in beside, f"#{each} is not beside the input {name}"
        texts.append(beside[each].text())
    return " ".join(texts)


def top_messages(page: str) -> str:
    """The messages at the top of the form (what refuses it as a whole)."""
    return " ".join(e.text() for e in parse(page).walk() if "form-errors" in e.classes())


def missing_descriptions(page: str) -> list[str]:
    """The ids some element's aria-describedby names that no element of the page has."""
    elements = list(parse(page).walk())
    present = {e.attrs["id"] for e in elements if "id" in e.attrs}
    return sorted(
        f"{e.attrs.get('name') or e.tag}: #{each}"
        for e in elements
        for each in e.attrs.get("aria-describedby", "").split()
        if each not in present
    )
