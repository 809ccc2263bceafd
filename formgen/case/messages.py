"""pydantic's validation errors as messages a Russian-speaking clerk can act on.

pydantic speaks English and in type codes; a clerk needs "неверная дата
«2025-02-30»: ожидается ГГГГ-ММ-ДД". Each error type maps to a phrase; for an
unknown key the nearest allowed field name is suggested (typos are the usual
cause).
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from formgen.case.lookalike import explain_lookalike

__all__ = ["describe_error"]

_PLAIN = {
    "missing": "обязательное поле не заполнено",
    "int_parsing": "ожидается целое число, указано «{input}»",
    "int_type": "ожидается целое число, указано «{input}»",
    "int_from_float": "ожидается целое число, указано «{input}»",
    "float_parsing": "ожидается число, указано «{input}»",
    "float_type": "ожидается число, указано «{input}»",
    "bool_parsing": "ожидается true или false, указано «{input}»",
    "bool_type": "ожидается true или false, указано «{input}»",
    "string_type": "ожидается текст, указано «{input}»",
    "string_too_short": "поле не может быть пустым",
    "list_type": "ожидается список (строки, начинающиеся с «- »)",
    "dict_type": "ожидается раздел с полями, указано «{input}»",
    "model_type": "ожидается раздел с полями, указано «{input}»",
    "model_attributes_type": "ожидается раздел с полями, указано «{input}»",
    "date_type": "ожидается дата ГГГГ-ММ-ДД, указано «{input}»",
    "date_parsing": "неверная дата «{input}»: ожидается ГГГГ-ММ-ДД (например, 2025-03-15)",
    "date_from_datetime_parsing": "неверная дата «{input}»: такой даты нет или формат не "
    "ГГГГ-ММ-ДД (например, 2025-03-15)",
    "date_from_datetime_inexact": "ожидается дата без времени, указано «{input}»",
    "greater_than_equal": "значение должно быть не меньше {ge}, указано «{input}»",
    "greater_than": "значение должно быть больше {gt}, указано «{input}»",
    "less_than_equal": "значение должно быть не больше {le}, указано «{input}»",
    "less_than": "значение должно быть меньше {lt}, указано «{input}»",
    "literal_error": "недопустимое значение «{input}»; допустимые: {expected}",
    "string_pattern_mismatch": "неверный формат «{input}»",
}


def describe_error(error: Mapping[str, Any], root: type[BaseModel]) -> str:
    """One Russian sentence for one pydantic error (``ValidationError.errors()`` item)."""
    kind = error["type"]
    ctx = dict(error.get("ctx") or {})
    value = error.get("input")
    if kind == "extra_forbidden":
        return _unknown_key(error["loc"], root)
    if kind in {"value_error", "assertion_error"}:
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        hint = explain_lookalike(value, allowed)
        if hint:
            return f"недопустимое значение «{_short(value)}»: {hint}"
    template = _PLAIN.get(kind)
    if template is None:
        return error["msg"]
    shown = value if not isinstance(value, dict | list) else "…"
    text = template.format(input=_short(shown), **{k: str(v) for k, v in ctx.items()})
    if kind == "string_pattern_mismatch":
        hint = _field_description(error["loc"], root)
        if hint:
            text += f": {hint}"
    return text


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _unknown_key(loc: tuple, root: type[BaseModel]) -> str:
    model = _model_at(loc[:-1], root)
    key = str(loc[-1])
    text = f"неизвестное поле «{key}»"
    if model is not None:
        allowed = list(model.model_fields)
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        if close:
            text += f" — возможно, имелось в виду «{close[0]}»"
        else:
            text += f"; допустимые поля: {', '.join(allowed)}"
    return text


def _field_description(loc: tuple, root: type[BaseModel]) -> str | None:
    model = _model_at(loc[:-1], root)
    if model is None or loc[-1] not in model.model_fields:
        return None
    return model.model_fields[loc[-1]].description


def _model_at(loc: tuple, root: type[BaseModel]) -> type[BaseModel] | None:
    """The model class that validates the value at ``loc`` (None if not a model)."""
    current: Any = root
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(str(part))
            current = info.annotation if info else None
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Optional[X] → X; list[X] stays (indexed by the next int in the path)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        return models[0] if models else (args[0] if args else annotation)
    return annotation
