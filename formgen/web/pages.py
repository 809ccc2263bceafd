"""One way to answer with a desk page: the template, the signed-in user, the role names."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request

from formgen.register.accounts import ROLES
from formgen.web.app import templates
from formgen.web.auth import Staff

__all__ = ["body_roots", "page"]


def page(request: Request, name: str, staff: Staff | None, status_code: int = 200, **context):
    return templates.TemplateResponse(request, name, {"staff": staff, "roles": ROLES, **context},
                                      status_code=status_code)


def body_roots(request: Request) -> tuple:
    """Folders a desk text's ``body: FILE`` may name: the cases' folder and the desk's profile's."""
    from formgen.web.wizard import body_profiles

    return (request.app.state.cases_dir, *{Path(p).parent for p in body_profiles(request)})
