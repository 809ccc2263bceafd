"""One way to answer with a desk page: the template, the signed-in user, the role names."""

from __future__ import annotations

from fastapi import Request

from formgen.register.accounts import ROLES
from formgen.web.app import templates
from formgen.web.auth import Staff

__all__ = ["page"]


def page(request: Request, name: str, staff: Staff | None, status_code: int = 200, **context):
    return templates.TemplateResponse(request, name, {"staff": staff, "roles": ROLES, **context},
                                      status_code=status_code)
