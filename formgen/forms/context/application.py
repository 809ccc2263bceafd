"""Annexes В, Г, Д, Ж: the application and its handling."""

from __future__ import annotations

from formgen.case.model import Case
from formgen.forms.context.common import base_context

__all__ = ["build_application"]


def build_application(case: Case, _item: object = None) -> dict:
    """Annex В: the application carries the organisation's data as the form lists it."""
    return base_context(case)
