"""Blanks left for the clerk: ``___`` in a case file means "not filled in yet".

``formgen new`` writes a starting case whose unknown values are ``___``. The
loader reports every such blank with its line — for text, numbers and dates
alike — so nothing "___" can reach a printed form, and a clerk sees the whole
to-do list at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["BLANK", "blank_paths"]

BLANK = "___"


def blank_paths(data: Any, path: tuple = ()) -> Iterator[tuple]:
    """Field paths whose value (text as typed) still holds the blank mark."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from blank_paths(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from blank_paths(value, (*path, i))
    elif isinstance(data, str) and BLANK in data:
        yield path
