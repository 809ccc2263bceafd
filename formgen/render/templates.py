"""Find a form's template: the body's own (``--templates DIR``) before the default.

A body overrides any template by putting a file of the same name in its own
folder (with its letterhead, say); forms it has not overridden keep working.
"""

from __future__ import annotations

from pathlib import Path

from formgen.errors import InputError
from formgen.resources import resource_dir

__all__ = ["default_templates", "find_template"]


def default_templates() -> Path:
    return resource_dir("templates")


def find_template(name: str, override: Path | None = None) -> Path:
    if override is not None:
        if not override.is_dir():
            raise InputError(f"{override}: папка шаблонов не найдена")
        own = override / name
        if own.is_file():
            return own
    default = default_templates() / name
    if not default.is_file():
        raise InputError(f"шаблон {name} не найден среди шаблонов formgen")
    return default
