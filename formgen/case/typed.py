"""Validate loaded data against a model, giving text fields the text the clerk typed.

YAML 1.1 reads ``inn: 0101123456`` as an octal number, ``okved: 11.10`` as
11.1, ``number: 1`` as an int and ``yes`` as true. Where the model asks for
text there, pydantic refuses the number; instead of telling the clerk to add
quotes, the value is replaced by the scalar exactly as written (kept by
``SourceMap.texts``) and validation runs again. Fields that want numbers
still get numbers, so ``personnel: 120`` stays an int.
"""

from __future__ import annotations

import copy
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from formgen.case.source import SourceMap

__all__ = ["validate_as_typed"]

M = TypeVar("M", bound=BaseModel)

_WANTS_TEXT = {"string_type", "str_type"}


def validate_as_typed(model: type[M], data: Any, source: SourceMap, prefix: tuple = ()) -> M:
    """``model.model_validate(data)`` with typed text restored where text was wanted.

    ``prefix`` is where ``data`` stands in ``source`` (a body profile grafted
    under ``body``). Raises the last ``ValidationError`` when problems remain.
    """
    restored = False
    for _ in range(3):  # a restored value can only reveal errors deeper in the same branch
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            fixes = [
                (tuple(e["loc"]), source.texts[prefix + tuple(e["loc"])])
                for e in exc.errors()
                if e["type"] in _WANTS_TEXT and prefix + tuple(e["loc"]) in source.texts
            ]
            if not fixes:
                raise
            if not restored:
                data = copy.deepcopy(data)
                restored = True
            for loc, text in fixes:
                _put(data, loc, text)
    return model.model_validate(data)


def _put(data: Any, loc: tuple, value: str) -> None:
    target = data
    for part in loc[:-1]:
        target = target[part]
    target[loc[-1]] = value
