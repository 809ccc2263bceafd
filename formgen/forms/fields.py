"""The variables a form's template may use, read off real contexts.

``formgen templates fields`` lists them and ``formgen templates check`` tests
an override template against them. Neither keeps a list of its own: the
shape of a form's context (which keys, which of them are lists, what an
element of a list holds) is taken from the contexts the form's builder makes
for every instance in the shipped sample cases, so it cannot drift from the
code. What each variable holds comes from ``formgen.forms.context.descriptions``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from formgen.forms.context.descriptions import DESCRIPTIONS, SHAPES
from formgen.forms.registry import FORMS, FormSpec
from formgen.resources import resource_dir

__all__ = ["LOOP_VARS", "Field", "Node", "describe", "form_fields", "form_shape", "sample_cases"]

# The loop variable a listing suggests, by depth of nesting (the templates' own is ``row``).
LOOP_VARS = ("row", "item", "sub")


@dataclass
class Node:
    """The shape of one context value: a dict (``keys``), a list (``item``) or a text leaf."""

    keys: dict[str, Node] = field(default_factory=dict)
    item: Node | None = None
    is_dict: bool = False
    is_list: bool = False

    def add(self, value: Any) -> None:
        if isinstance(value, dict):
            self.is_dict = True
            for key, sub in value.items():
                self.keys.setdefault(str(key), Node()).add(sub)
        elif isinstance(value, list | tuple):
            self.is_list = True
            if self.item is None:
                self.item = Node()
            for sub in value:
                self.item.add(sub)

    def shape_name(self) -> str | None:
        """«лицо», «сертификат» when the dict has every key of a shared shape."""
        for name, (keys, _) in SHAPES.items():
            if self.is_dict and keys <= self.keys.keys():
                return name
        return None


@dataclass(frozen=True)
class Field:
    """One line of the listing: how a template writes it and what it holds."""

    path: str  # the table's path: ``audit.team[].role``
    expression: str  # what a template writes: ``row.role`` (inside ``for row in audit.team``)
    description: str
    depth: int
    is_list: bool


@functools.cache
def sample_cases() -> tuple:
    """The shipped sample cases; together they have every DOCX form at least once."""
    from formgen.case.load import load_case

    return tuple(load_case(path).case for path in sorted(resource_dir("samples").glob("*.yaml")))


@functools.cache
def form_shape(slug: str) -> Node:
    """The union of the contexts of every instance of ``slug`` in the samples."""
    form = _form(slug)
    root = Node()
    for case in sample_cases():
        for instance in form.instances(case):
            root.add(form.build(case, instance.item))
    if not root.keys:
        raise LookupError(f"{slug}: ни в одном образце дела нет этой формы")
    return root


def describe(path: str, parent: Node | None = None, parent_path: str = "") -> str | None:
    """The description of ``path``; a key of a shared shape reads its parent's and the shape's."""
    if path in DESCRIPTIONS:
        return DESCRIPTIONS[path]
    shape = parent.shape_name() if parent is not None else None
    if shape is not None:
        key = path.rsplit(".", 1)[-1]
        own = SHAPES[shape][1].get(key)
        whose = DESCRIPTIONS.get(parent_path)
        if own is not None and whose is not None:
            return f"{whose}: {own}"
    return None


def form_fields(slug: str) -> list[Field]:
    """Every variable of the form's context, in the order the builder makes them."""
    out: list[Field] = []
    _walk(form_shape(slug), "", "", 0, out)
    return out


def _walk(node: Node, path: str, expr: str, depth: int, out: list[Field]) -> None:
    for key, child in node.keys.items():
        child_path = f"{path}.{key}" if path else key
        child_expr = _attribute(expr, key)
        description = describe(child_path, node, path) or ""
        out.append(Field(child_path, child_expr, description, depth, child.is_list))
        if child.is_list and child.item is not None:
            var = LOOP_VARS[min(depth, len(LOOP_VARS) - 1)]
            item_path = child_path + "[]"
            if child.item.is_dict:
                _walk(child.item, item_path, var, depth + 1, out)
        elif child.is_dict:
            _walk(child, child_path, child_expr, depth, out)


def _attribute(expr: str, key: str) -> str:
    if not key.isidentifier():
        return f'{expr}["{key}"]'
    return f"{expr}.{key}" if expr else key


def _form(slug: str) -> FormSpec:
    for form in FORMS:
        if form.slug == slug and form.output == "docx":
            return form
    raise KeyError(slug)
