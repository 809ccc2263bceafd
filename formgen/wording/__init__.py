"""Printed wording chosen by the data of a case, in one catalogue a clerk can change.

Where printed text lives, and why:

* text that is the same in every copy of a form — headings, captions under
  blanks, fixed sentences — is in the form's template (``templates/*.docx``,
  exported by ``formgen templates export``), where a clerk edits it in Word;
* text that formgen *chooses* from the case — the verb of a decision by its
  kind and outcome, «по результатам …» by the kind of audit, the act's
  attachment lines with their numbers, a default position when the case
  names none — is in this catalogue (``wording.yaml`` beside this module).
  In a template it would be if/else chains repeated in every form printing
  it; here each wording is written once and the code only picks and fills it.

A body changes wording by putting a ``wording.yaml`` in its templates folder
(``render --templates DIR``) with only the entries it changes. An entry is a
``str.format`` text: an override may drop or move the placeholders of the
default entry (``{number}``) but not invent new ones. ``formgen templates
check DIR`` reports unknown keys (with the nearest), unknown placeholders and
YAML mistakes, with the line.

Builders stay ``(case, item) -> dict``: the catalogue of the current render is
set around it (``using``), as a locale is, and read with ``phrase``.
"""

from __future__ import annotations

import contextvars
import difflib
import functools
import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from formgen.errors import TemplateError

__all__ = ["WORDING_FILE", "catalogue", "check_wording_file", "default_catalogue", "default_wording_file",
           "phrase", "using"]

WORDING_FILE = "wording.yaml"
_DEFAULT = Path(__file__).with_name(WORDING_FILE)


def _flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    if not isinstance(data, dict):
        return {prefix: data}
    out: dict[str, Any] = {}
    for key, value in data.items():
        out.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    return out


def default_wording_file() -> Path:
    """The shipped catalogue (``formgen templates export`` copies it for a body to edit)."""
    return _DEFAULT


@functools.cache
def default_catalogue() -> Mapping[str, str]:
    """The shipped wording, by dotted key (``attachments.plan``)."""
    with _DEFAULT.open(encoding="utf-8") as handle:
        return MappingProxyType(_flatten(yaml.safe_load(handle)))


_ACTIVE: contextvars.ContextVar[Mapping[str, str] | None] = contextvars.ContextVar("wording", default=None)


def phrase(key: str, **values: object) -> str:
    """The wording of ``key`` in the current catalogue, its placeholders filled from ``values``."""
    text = (_ACTIVE.get() or default_catalogue())[key]
    return text.format(**values) if values else text


def catalogue(folder: Path | None) -> Mapping[str, str]:
    """The default catalogue with the entries of ``folder/wording.yaml`` (if any) put over it."""
    base = default_catalogue()
    path = folder / WORDING_FILE if folder is not None else None
    if path is None or not path.is_file():
        return base
    problems = check_wording_file(path)
    if problems:
        raise TemplateError("\n".join(problems))
    return MappingProxyType({**base, **_override(path)})


@contextmanager
def using(folder: Path | None) -> Iterator[None]:
    """Render with the catalogue of ``folder`` (the ``--templates`` folder) for the duration."""
    token = _ACTIVE.set(catalogue(folder))
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def _override(path: Path) -> dict[str, str]:
    """The entries of a checked override file, by dotted key."""
    from formgen.case.source import read_located

    return {key: str(value) for key, value in _flatten(read_located(path).data).items()}


def check_wording_file(path: Path) -> list[str]:
    """Every problem of an override wording file: YAML, unknown keys, unknown placeholders."""
    from formgen.case.source import read_located

    located = read_located(path)
    if located.problems:
        return [str(p) for p in located.problems]
    if not isinstance(located.data, dict):
        return [f"{path.name}: ожидались разделы «имя: текст», как в файле formgen templates export"]
    base = default_catalogue()
    problems = []
    for key, value in _flatten(located.data).items():
        position = located.source.locate(tuple(key.split(".")), str(path))
        where = f"{path.name}:{position[1]}: {key}"
        if key not in base:
            near = difflib.get_close_matches(key, list(base), n=1)
            hint = f"; возможно, {near[0]}" if near else ""
            problems.append(f"{where}: такой формулировки нет{hint}")
            continue
        if not isinstance(value, str):
            problems.append(f"{where}: нужен текст (строка), а не {_kind(value)}")
            continue
        allowed = _placeholders(base[key])
        try:
            used = _placeholders(value)
        except ValueError:
            problems.append(f"{where}: непарная фигурная скобка — подстановки пишутся {{имя}}")
            continue
        extra = sorted(used - allowed)
        if extra:
            may = ", ".join(f"{{{p}}}" for p in sorted(allowed)) or "никаких подстановок"
            problems.append(f"{where}: неизвестная подстановка {', '.join(f'{{{p}}}' for p in extra)}; "
                            f"здесь можно: {may}")
    return problems


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _kind(value: object) -> str:
    return "список" if isinstance(value, list) else "пусто" if value is None else type(value).__name__
