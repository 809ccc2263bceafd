"""File names from case values: one rule for every command.

A certificate number like «ЭС.RU.СЭМ.00123-25» becomes ``es-ru-sem-00123-25``
whether ``render`` or ``certificates`` writes it: transliterated (ICAO), every
run of other characters one hyphen, lower case. Latin-only names survive
every archive tool, mail system and Windows share a clerk sends them through.
"""

from __future__ import annotations

import re

from formgen.text.names import transliterate

__all__ = ["safe_stem"]


def safe_stem(text: str, fallback: str = "x") -> str:
    """``text`` as a portable file-name part (``fallback`` if nothing is left)."""
    return re.sub(r"[^A-Za-z0-9]+", "-", transliterate(text)).strip("-").lower() or fallback
