"""Where templates and catalogs live, installed or in a source checkout.

A wheel carries ``templates/`` and ``locales/`` inside the package under
``formgen/_resources/`` (see pyproject's force-include); a source checkout or
an editable install keeps them at the repository's top level. Looking in both
places lets ``pip install .`` and ``pip install -e .`` behave the same.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["resource_dir"]

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Return the folder of a shipped resource kind (``templates``, ``locales``)."""
    for candidate in (_PACKAGE / "_resources" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"formgen is installed without its {name}/ folder")
