"""HTML forms generated from the case model, and the posted form read back into case data.

The desk has no hand-written form per section: a section's fields, their
kinds (text, date, number, yes/no, choice, one-per-line list, nested group,
repeated rows) and their labels come from the pydantic model itself, so a
field added to the model appears in the desk at once, and what the desk saves
is validated by exactly that model (through the loader, like any case file).

Input names are dotted paths relative to the section (``report.number``,
``nonconformities.0.effectiveness.closed``); a validation problem's path
(``audits[2].report.number``) is turned into the same name so the message is
shown at its field. Values the form does not show (a ``dict`` field, a union)
are carried over from the stored data untouched.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from formgen.case.model.base import Person
from formgen.web.labels import CHOICE_LABELS, FIELD_LABELS

__all__ = ["Widget", "build_widgets", "error_name", "field_labels", "parse_form", "person_choices"]

_LONG = re.compile(r"scope|description|text|note|reason|results|conclusions|info|action|"
                   r"activities|excluded|logistics|classification|basis|functions")
_PERSON_REF = "id сотрудника"
# Fields of the body's staff records, meaningless for the client's people the desk edits;
# kept as stored (``parse_form`` carries unshown fields over).
_HIDDEN = {("Person", "id"), ("Person", "qualification")}


@dataclass
class Widget:
    """One input (or a group of inputs) of a generated form."""

    name: str                 # dotted input name relative to the section
    label: str
    kind: str                 # text textarea date number bool choice lines ref group rows
    help: str = ""
    value: str = ""
    required: bool = False
    optional_group: bool = False
    choices: list[tuple[str, str]] = field(default_factory=list)
    children: list[Widget] = field(default_factory=list)   # group: its fields
    items: list[Widget] = field(default_factory=list)      # rows: one group per item
    error: str = ""
    filled: bool = True       # an optional group with data in it


# -- types --------------------------------------------------------------------------
def _strip(annotation: Any) -> tuple[Any, bool]:
    """(inner type, optional) of ``X | None`` / ``Optional[X]`` / ``Annotated[X, ...]``."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            if len(args) != 1:
                return None, optional  # a real union (Body | path): not shown, kept as it is
            annotation = args[0]
        else:
            return annotation, optional


def _is_person_ref(info: FieldInfo | None, annotation: Any) -> bool:
    if info is not None and (info.description or "").startswith(_PERSON_REF):
        return True
    if get_origin(annotation) is Annotated:
        return any(isinstance(m, FieldInfo) and (m.description or "").startswith(_PERSON_REF)
                   for m in get_args(annotation)[1:])
    return False


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def _label(owner: type[BaseModel], name: str, info: FieldInfo) -> tuple[str, str]:
    description = info.description or ""
    label = (FIELD_LABELS.get(f"{name}@{owner.__name__}") or FIELD_LABELS.get(name)
             or re.split(r"[;(]", description)[0].strip() or name)
    return label, "" if description.startswith(label) and len(description) <= len(label) + 2 else description


def _choices(name: str, owner: type[BaseModel], values: tuple) -> list[tuple[str, str]]:
    labels = CHOICE_LABELS.get(f"{name}@{owner.__name__}") or CHOICE_LABELS.get(name) or {}
    return [(str(v), labels.get(str(v), str(v))) for v in values]


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _person_dict(value: Any) -> Any:
    """A person typed as one string «Фамилия Имя Отчество» (or ``name:``) as its parts."""
    if isinstance(value, dict) and "name" in value and "surname" not in value:
        rest = {k: v for k, v in value.items() if k != "name"}
        return {**_person_dict(value["name"]), **rest} if isinstance(value["name"], str) else value
    if isinstance(value, str):
        parts = value.split()
        return {"surname": parts[0] if parts else "", "given_name": parts[1] if len(parts) > 1 else "",
                "patronymic": " ".join(parts[2:])}
    return value


# -- building ------------------------------------------------------------------------
def build_widgets(model: type[BaseModel], data: Mapping[str, Any] | None, prefix: str = "",
                  errors: Mapping[str, str] | None = None) -> list[Widget]:
    """The widgets of every field ``model`` has, filled from ``data``."""
    errors = errors or {}
    if model is Person:
        data = _person_dict(data)
    data = data if isinstance(data, Mapping) else {}
    out = []
    for name, info in model.model_fields.items():
        if (model.__name__, name) in _HIDDEN:
            continue
        widget = _widget(model, name, info, data.get(name), f"{prefix}{name}", errors)
        if widget is not None:
            out.append(widget)
    return out


def _widget(owner: type[BaseModel], name: str, info: FieldInfo, value: Any, full: str,
            errors: Mapping[str, str]) -> Widget | None:
    kind, optional = _strip(info.annotation)
    if kind is None or name == "schema_version":
        return None
    label, help_text = _label(owner, name, info)
    required = info.is_required()
    base: dict[str, Any] = {"name": full, "label": label, "help": help_text, "required": required,
            "error": errors.get(full, "")}
    if _is_model(kind):
        children = build_widgets(kind, value, f"{full}.", errors)
        return Widget(kind="group", children=children, optional_group=optional or not required,
                      filled=value is not None, **base)
    origin = get_origin(kind)
    if origin is list:
        (item,) = get_args(kind) or (str,)
        inner, _ = _strip(item)
        if _is_model(inner):
            rows = value if isinstance(value, list) else []
            items = [Widget(name=f"{full}.{i}", label=f"{label} — {i + 1}", kind="group",
                            children=build_widgets(inner, row, f"{full}.{i}.", errors),
                            error=errors.get(f"{full}.{i}", ""))
                     for i, row in enumerate(rows)]
            return Widget(kind="rows", items=items, **base)
        lines = "\n".join(_shown(v) for v in value) if isinstance(value, list) else _shown(value)
        if _is_person_ref(None, item):
            base["help"] = (base["help"] + " " if base["help"] else "") + "id сотрудников, по одному в строке"
        return Widget(kind="lines", value=lines, **base)
    if origin is dict:
        return None
    if origin is Literal:
        return Widget(kind="choice", value=_shown(value), choices=_choices(name, owner, get_args(kind)),
                      **base)
    shown = _shown(value if value is not None or required else None)
    if kind is bool:
        default = info.default if info.default is not PydanticUndefined else None
        return Widget(kind="bool", value=_shown(value if value is not None else default), **base)
    if kind is dt.date:
        return Widget(kind="date", value=shown, **base)
    if kind in (int, float):
        return Widget(kind="number", value=shown, **base)
    if _is_person_ref(info, info.annotation):
        return Widget(kind="ref", value=shown, **base)
    long = bool(_LONG.search(name)) or len(shown) > 90 or "\n" in shown
    return Widget(kind="textarea" if long else "text", value=shown, **base)


def field_labels(widgets: list[Widget], trail: str = "") -> dict[str, str]:
    """Input name → «Несоответствия — 1 › Пункт стандарта», for the list of errors above a form."""
    out = {}
    for w in widgets:
        here = f"{trail} › {w.label}" if trail else w.label
        out[w.name] = here
        out.update(field_labels(w.children, here))
        for item in w.items:
            out[item.name] = f"{trail} › {item.label}" if trail else item.label
            out.update(field_labels(item.children, out[item.name]))
    return out


def person_choices(case: Any) -> list[tuple[str, str]]:
    """(id, «Фамилия И. О. — должность») of the body's staff, for the id fields' list."""
    body = case.body
    people = [("head", body.head), *((p.id, p) for p in body.staff)]
    return [(ref, f"{p.surname_initials}{' — ' + p.position if p.position else ''}")
            for ref, p in people if ref]


# -- reading back ----------------------------------------------------------------------
def parse_form(model: type[BaseModel], form: Mapping[str, str], original: Mapping[str, Any] | None,
               prefix: str = "") -> dict[str, Any]:
    """The section's data from a posted form: shown fields from the form, others as stored.

    An emptied optional field is left out (the model's default applies); a
    value equal to the default is only written if the stored data had it.
    """
    if model is Person:
        original = _person_dict(original)
    original = original if isinstance(original, Mapping) else {}
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        full = f"{prefix}{name}"
        kind, optional = _strip(info.annotation)
        present = name in original
        if (kind is None or name == "schema_version" or get_origin(kind) is dict
                or (model.__name__, name) in _HIDDEN):
            if present:
                out[name] = original[name]
            continue
        value = _read(kind, info, form, full, original.get(name), optional)
        if value is _ABSENT:
            continue
        default = info.get_default(call_default_factory=True) if not info.is_required() else _ABSENT
        if not present and value == default:
            continue
        out[name] = value
    return out


_ABSENT: Any = object()


def _read(kind: Any, info: FieldInfo, form: Mapping[str, str], full: str, stored: Any,
          optional: bool) -> Any:
    if _is_model(kind):
        data = parse_form(kind, form, stored if isinstance(stored, Mapping) else None, f"{full}.")
        if (optional or not info.is_required()) and not _filled(kind, data):
            return _ABSENT
        return data
    origin = get_origin(kind)
    if origin is list:
        (item,) = get_args(kind) or (str,)
        inner, _ = _strip(item)
        if _is_model(inner):
            count = _int(form.get(f"{full}.__count"), 0)
            rows = stored if isinstance(stored, list) else []
            out = []
            for i in range(count):
                if form.get(f"{full}.{i}.__delete"):
                    continue
                old = rows[i] if i < len(rows) and isinstance(rows[i], Mapping) else None
                out.append(parse_form(inner, form, old, f"{full}.{i}."))
            return out if out or stored is not None else _ABSENT
        if full not in form:
            return stored if stored is not None else _ABSENT
        lines = [line.strip() for line in form[full].splitlines() if line.strip()]
        return lines if lines or stored is not None else _ABSENT
    if full not in form:
        return stored if stored is not None else _ABSENT
    raw = form[full].replace("\r\n", "\n").strip()
    if raw == "":
        return _ABSENT
    if kind is bool:
        return raw == "true"
    if kind is int:
        return int(raw) if re.fullmatch(r"-?\d+", raw) else raw
    if kind is float:
        number = raw.replace(",", ".").replace("\u00a0", "").replace(" ", "")
        try:
            return int(number) if re.fullmatch(r"-?\d+", number) else float(number)
        except ValueError:
            return raw
    return raw  # dates as typed (ISO from the date input), texts as typed


def _filled(model: type[BaseModel], data: Mapping[str, Any]) -> bool:
    """Whether a group holds anything besides yes/no fields left at their defaults."""
    for name, value in data.items():
        info = model.model_fields.get(name)
        kind = _strip(info.annotation)[0] if info is not None else None
        if kind is bool and not info.is_required():  # type: ignore[union-attr]
            continue
        if value not in (None, "", [], {}):
            return True
    return False


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() and len(text) < 5 else default


def error_name(problem_path: str, section_path: str) -> str | None:
    """``audits[2].report.number`` → ``report.number`` for the section ``audits[2]``."""
    if problem_path == section_path:
        return ""
    if not section_path:
        return re.sub(r"\[(\d+)\]", r".\1", problem_path)
    if not problem_path.startswith(section_path + "."):
        if problem_path.startswith(section_path + "[") and section_path:
            rest = problem_path[len(section_path):]
        else:
            return None
    else:
        rest = problem_path[len(section_path) + 1:]
    return re.sub(r"\[(\d+)\]", r".\1", rest).lstrip(".")
