"""A new client at the desk in one screen: the organisation and its application.

What ``formgen new`` does for a file, for those who never write one: the
fields a first application cannot do without (generated from the
``Organisation`` and ``Application`` models, so their labels, kinds and
validation are the model's), the body profile the case refers to, and the
application number from the register's series. Saving validates and stores
the case like an uploaded file; the case page then leads on step by step
(review → notice → document review → stage 1 → stage 2 → decision →
certificate) through the generated section forms.
"""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import func, select

from formgen.case.model import Application, Organisation
from formgen.case.write import case_text
from formgen.errors import CaseValidationError, InputError
from formgen.register.accounts import record_change
from formgen.register.models import CaseRecord, Revision
from formgen.register.numbering import reserve_number
from formgen.web.auth import Staff, check_csrf, require_staff
from formgen.web.cases import save_case_text
from formgen.web.modelform import Widget, build_widgets, error_name, parse_form
from formgen.web.pages import body_roots, page

__all__ = ["router"]

router = APIRouter()

# The fields of a first application (Annex В); the rest is on the case page afterwards.
ORGANISATION_FIELDS = ("name", "short_name", "inn", "kpp", "ogrn", "legal_address", "actual_address",
                       "city", "phone_code", "phone", "email", "head", "contact", "headcount")
APPLICATION_FIELDS = ("number", "date", "scope", "products", "desired_dates")
_BODY_LINE = re.compile(r"^body:\s*['\"]?([^'\"#\n]+?)['\"]?\s*$", re.M)


def body_profiles(request: Request) -> list[str]:
    """Profiles a new case may refer to: the desk's own, then those the register's cases use."""
    found: list[str] = []
    if request.app.state.profile:
        found.append(str(request.app.state.profile))
    with request.app.state.register.transaction() as session:
        latest = select(func.max(Revision.id)).group_by(Revision.case_id)
        rows = session.execute(select(Revision.text, CaseRecord.base_dir)
                               .join(CaseRecord, CaseRecord.id == Revision.case_id)
                               .where(Revision.id.in_(latest))).all()
    for text, base in rows:
        match = _BODY_LINE.search(text)
        if match:
            path = (Path(base) / match.group(1).strip()).resolve()
            if path.is_file() and str(path) not in found:
                found.append(str(path))
    return found


def _widgets(data: dict, errors: dict[str, str]) -> tuple[list[Widget], list[Widget]]:
    org = [w for w in build_widgets(Organisation, data.get("organisation"), "organisation.", errors)
           if w.name.split(".")[-1] in ORGANISATION_FIELDS]
    app = [w for w in build_widgets(Application, data.get("application"), "application.", errors)
           if w.name.split(".")[-1] in APPLICATION_FIELDS]
    return org, app


def _page(request: Request, staff: Staff, data: dict, body: str = "", status_code: int = 200,
          errors: dict[str, str] | None = None, problems: list[str] | None = None, note: str = ""):
    organisation, application = _widgets(data, errors or {})
    return page(request, "wizard.html", staff, status_code=status_code, organisation=organisation,
                application=application, profiles=body_profiles(request), body=body,
                problems=problems or [], note=note,
                series_of=lambda name: "application" if name == "application.number" else None)


@router.get("/desk/new/client", response_class=HTMLResponse)
def wizard_form(request: Request, staff: Staff = Depends(require_staff)):
    if staff.role == "auditor":
        raise HTTPException(status_code=403, detail="Новое дело заводит делопроизводитель")
    return _page(request, staff, {})


@router.post("/desk/new/client")
async def wizard_save(request: Request, staff: Staff = Depends(require_staff)):
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    check_csrf(staff, form.get("csrf"))
    if staff.role == "auditor":
        raise HTTPException(status_code=403, detail="Новое дело заводит делопроизводитель")
    data = {"organisation": parse_form(Organisation, form, None, "organisation."),
            "application": parse_form(Application, form, None, "application.")}
    body = form.get("body", "")
    if body not in body_profiles(request):
        return _page(request, staff, data, body, 422, problems=["выберите профиль органа по сертификации"])
    action = form.get("__action", "save")
    if action == "reserve:application.number":
        with request.app.state.register.transaction() as session:
            number = reserve_number(session, "application")
            record_change(session, staff.login, "number-reserved", None, f"application: {number}")
        data["application"]["number"] = number
        return _page(request, staff, data, body,
                     note=f"Номер заявки {number} зарезервирован; сохраните дело.")
    raw = {"schema_version": 1, "body": body, **data}
    text = case_text(raw, f"Новое дело заведено на рабочем месте formgen ({staff.login}).")
    try:
        result = save_case_text(request.app.state.register, text.encode("utf-8"), staff.login,
                                request.app.state.cases_dir, f"рабочее место: новый заказчик ({staff.login})",
                                roots=body_roots(request))
    except CaseValidationError as exc:
        errors: dict[str, str] = {}
        others = []
        for problem in exc.problems:
            at = error_name(problem.path, "")
            if at and at.split(".")[0] in data:
                errors[at] = (errors.get(at, "") + " " + problem.message).strip()
            else:
                others.append(str(problem))
        shown = {w.name for group in _widgets(data, {}) for w in _flat(group)}
        others += [f"{name}: {message}" for name, message in errors.items() if name not in shown]
        return _page(request, staff, data, body, 422, errors=errors, problems=others)
    except InputError as exc:
        return _page(request, staff, data, body, 422, problems=[str(exc)])
    with request.app.state.register.transaction() as session:
        case_id = session.scalars(select(CaseRecord.id).where(CaseRecord.key == result.key)).one()
    return RedirectResponse(f"/desk/cases/{case_id}?saved={result.outcome}", status_code=303)


def _flat(widgets: list[Widget]) -> list[Widget]:
    out = []
    for w in widgets:
        out.append(w)
        out.extend(_flat(w.children))
        for item in w.items:
            out.extend(_flat(item.children))
    return out
