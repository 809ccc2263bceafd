"""The staff desk: sign-in, the dashboard, clients, a case, its documents.

Every route but the login page needs a signed-in user (``require_staff``);
every POST checks the CSRF token; texts from cases reach the pages only
through Jinja2's autoescaping. Writes go through ``web.cases`` and so through
the same validation and the same one-transaction import as the command line.
"""

from __future__ import annotations

import datetime as dt
import secrets
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from formgen.case.history import STATUS_LABELS, status_at
from formgen.checks.rules import run_rules
from formgen.errors import CaseValidationError, InputError
from formgen.register.accounts import authenticate, record_change
from formgen.register.agenda import case_agenda, register_agenda
from formgen.register.models import CaseRecord, CertificateRecord, ChangeRecord, SeriesRecord
from formgen.register.numbering import reserve_number
from formgen.register.queries import status_counts, status_on
from formgen.web.auth import (
    COOKIE,
    LOGIN_CSRF_COOKIE,
    SESSION_HOURS,
    Staff,
    check_csrf,
    end_session,
    require_staff,
    start_session,
)
from formgen.web.cases import (
    MAX_CASE_BYTES,
    case_events,
    document_names,
    latest,
    render_document,
    render_zip,
    save_case_text,
)
from formgen.web.editing import signatures
from formgen.web.pages import body_roots, page
from formgen.web.roles import may_sign
from formgen.web.sections import next_steps, sections_of

__all__ = ["router"]

router = APIRouter()
ACCEPTED = (".yaml", ".yml", ".json")
MEDIA = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "pdf": "application/pdf", "zip": "application/zip"}


_page = page


def _cookie_flags(request: Request) -> dict:
    return {"httponly": True, "samesite": "strict", "secure": request.url.scheme == "https", "path": "/"}


# -- signing in and out -----------------------------------------------------------
@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, error: str = ""):
    token = secrets.token_urlsafe(24)
    response = _page(request, "login.html", None, error=error, login_csrf=token)
    response.set_cookie(LOGIN_CSRF_COOKIE, token, max_age=3600, **_cookie_flags(request))
    return response


@router.post("/login")
def login(request: Request, login: str = Form(..., max_length=80), password: str = Form(..., max_length=200),
          csrf: str = Form("")):
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not secrets.compare_digest(cookie, csrf):
        raise HTTPException(status_code=403, detail="csrf")
    throttle = request.app.state.throttle
    keys = (f"login:{login.lower()}", f"ip:{request.client.host if request.client else '-'}")
    if throttle.blocked(*keys):
        return _page(request, "login.html", None, status_code=429, login_csrf=csrf,
                     error="Слишком много неудачных попыток входа. Подождите 15 минут.")
    with request.app.state.register.transaction() as session:
        user = authenticate(session, login, password)
        if user is None:
            throttle.failed(*keys)
            return _page(request, "login.html", None, status_code=401, login_csrf=csrf,
                         error="Неверный логин или пароль.")
        token, _ = start_session(session, user)
        record_change(session, user.login, "login", None)
    throttle.succeeded(keys[0])
    response = RedirectResponse("/desk", status_code=303)
    response.set_cookie(COOKIE, token, max_age=SESSION_HOURS * 3600, **_cookie_flags(request))
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request, csrf: str = Form(""), staff: Staff = Depends(require_staff)):
    check_csrf(staff, csrf)
    with request.app.state.register.transaction() as session:
        end_session(session, request.cookies.get(COOKIE))
        record_change(session, staff.login, "logout", None)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


# -- dashboard and clients ------------------------------------------------------------
@router.get("/desk", response_class=HTMLResponse)
def dashboard(request: Request, staff: Staff = Depends(require_staff), number: str = ""):
    today = dt.date.today()
    with request.app.state.register.transaction() as session:
        agenda = register_agenda(session, today, 60)
        counts = status_counts(session, today)
        changes = session.scalars(select(ChangeRecord).order_by(ChangeRecord.id.desc()).limit(15)).all()
        series = session.scalars(select(SeriesRecord).order_by(SeriesRecord.name)).all()
    return _page(request, "dashboard.html", staff, agenda=agenda, today=today, changes=changes,
                 counts=[(s, STATUS_LABELS["ru"][s], counts.get(s, 0)) for s in STATUS_LABELS["ru"]
                         if s != "pending"],
                 series=series, reserved=number)


@router.post("/desk/numbers")
def reserve(request: Request, series: str = Form(..., max_length=40), csrf: str = Form(""),
            staff: Staff = Depends(require_staff)):
    check_csrf(staff, csrf)
    with request.app.state.register.transaction() as session:
        number = reserve_number(session, series)
        record_change(session, staff.login, "number-reserved", None, f"{series}: {number}")
    return RedirectResponse(f"/desk?number={quote(number)}", status_code=303)


@router.get("/desk/cases", response_class=HTMLResponse)
def cases(request: Request, q: str = "", staff: Staff = Depends(require_staff)):
    q = q.strip()[:200]
    today = dt.date.today()
    with request.app.state.register.transaction() as session:
        query = (select(CaseRecord).order_by(CaseRecord.holder)
                 .options(selectinload(CaseRecord.certificates)
                          .selectinload(CertificateRecord.statuses)))  # 3 queries, not 1 per case
        if q:
            like = f"%{q}%"
            with_cert = select(CertificateRecord.case_id).where(CertificateRecord.number.ilike(like))
            query = query.where(or_(CaseRecord.holder.ilike(like), CaseRecord.inn.ilike(like),
                                    CaseRecord.key.ilike(like), CaseRecord.id.in_(with_cert)))
        rows = []
        for record in session.scalars(query.limit(200)):
            certs = []
            for c in record.certificates:
                certs.append((c.number, STATUS_LABELS["ru"][status_on(c, today).status]))
            rows.append({"id": record.id, "key": record.key, "holder": record.holder, "inn": record.inn,
                         "certificates": certs})
    return _page(request, "cases.html", staff, rows=rows, q=q)


# -- one case ---------------------------------------------------------------------------
def _case_context(request: Request, case_id: int) -> dict:
    today = dt.date.today()
    with request.app.state.register.transaction() as session:
        try:
            record, revision, case = latest(session, case_id)
        except KeyError:
            raise HTTPException(status_code=404) from None
        revisions = [(r.id, r.imported_at, r.source_path, r.sha256[:12]) for r in record.revisions]
        changes = session.scalars(select(ChangeRecord).where(ChangeRecord.case_id == case_id)
                                  .order_by(ChangeRecord.id.desc()).limit(20)).all()
        text = revision.text
    findings = run_rules(case)
    return {
        "record": record, "case": case, "text": text, "revisions": revisions, "changes": changes,
        "events": case_events(case, today), "due": [i for i in case_agenda(case, record.key, today)
                if i.date <= today + dt.timedelta(days=365)],
        "findings": findings, "errors": sum(1 for f in findings if f.is_error),
        "documents": document_names(case),
        "certificates": [(c, status_at(case, c, today)) for c in case.certificates],
        "sections": sections_of(case), "steps": next_steps(case, today),
        "signatures": signatures(request, case_id),
        "signer": lambda ref: case.body.person(ref).initials_surname if case.body.has_person(ref) else ref,
    }


@router.get("/desk/cases/{case_id}", response_class=HTMLResponse)
def case_page(request: Request, case_id: int, staff: Staff = Depends(require_staff), saved: str = ""):
    context = _case_context(request, case_id)
    return _page(request, "case.html", staff, saved=saved, problems=[],
                 can_sign=may_sign(staff, context["case"]), **context)


async def _read_upload(upload: UploadFile) -> bytes:
    name = (upload.filename or "").lower()
    if not name.endswith(ACCEPTED):
        raise HTTPException(status_code=415,
                            detail="Принимаются только файлы YAML и JSON (.yaml, .yml, .json)")
    data = await upload.read(MAX_CASE_BYTES + 1)
    if len(data) > MAX_CASE_BYTES:
        raise HTTPException(status_code=413, detail="Файл больше 2 МБ")
    return data


def _save(request: Request, staff: Staff, data: bytes, case_id: int | None, label: str):
    base = request.app.state.cases_dir
    try:
        result = save_case_text(request.app.state.register, data, staff.login, base, label, case_id,
                                roots=body_roots(request))
    except CaseValidationError as exc:
        return None, exc.problems
    except InputError as exc:
        return None, [str(exc)]
    with request.app.state.register.transaction() as session:
        record = session.scalars(select(CaseRecord).where(CaseRecord.key == result.key)).one()
    return (record.id, result.outcome), []


@router.post("/desk/cases/{case_id}/text")
def save_text(request: Request, case_id: int, text: str = Form(..., max_length=MAX_CASE_BYTES),
              csrf: str = Form(""), staff: Staff = Depends(require_staff)):
    check_csrf(staff, csrf)
    saved, problems = _save(request, staff, text.encode("utf-8"), case_id, f"правка на сайте ({staff.login})")
    if problems:
        context = _case_context(request, case_id)
        context["text"] = text
        return _page(request, "case.html", staff, status_code=422, saved="", problems=problems,
                     can_sign=may_sign(staff, context["case"]), **context)
    return RedirectResponse(f"/desk/cases/{case_id}?saved={saved[1]}", status_code=303)


@router.get("/desk/new", response_class=HTMLResponse)
def new_case_form(request: Request, staff: Staff = Depends(require_staff)):
    return _page(request, "new_case.html", staff, problems=[])


@router.post("/desk/new")
async def new_case(request: Request, upload: UploadFile = File(...), csrf: str = Form(""),
                   staff: Staff = Depends(require_staff)):
    check_csrf(staff, csrf)
    data = await _read_upload(upload)
    saved, problems = _save(request, staff, data, None, f"загрузка на сайте ({staff.login})")
    if problems:
        return _page(request, "new_case.html", staff, status_code=422, problems=problems)
    return RedirectResponse(f"/desk/cases/{saved[0]}?saved={saved[1]}", status_code=303)


@router.get("/desk/cases/{case_id}/case.yaml")
def download_text(request: Request, case_id: int, staff: Staff = Depends(require_staff)):
    text = _case_context(request, case_id)["text"]
    return Response(text.encode("utf-8"), media_type="application/x-yaml",
                    headers={"Content-Disposition": f'attachment; filename="case-{case_id}.yaml"'})


@router.get("/desk/cases/{case_id}/documents.zip")
def download_zip(request: Request, case_id: int, staff: Staff = Depends(require_staff)):
    case = _case_context(request, case_id)["case"]
    try:
        data = render_zip(case)
    except InputError as exc:
        raise HTTPException(status_code=422, detail=f"Документы не собраны: {exc}") from None
    return Response(data, media_type=MEDIA["zip"],
                    headers={"Content-Disposition": f'attachment; filename="case-{case_id}-documents.zip"'})


@router.get("/desk/cases/{case_id}/documents/{name}")
def download_document(request: Request, case_id: int, name: str, staff: Staff = Depends(require_staff)):
    case = _case_context(request, case_id)["case"]
    try:
        document = render_document(case, name)  # a name from the list, never a path
    except KeyError:
        raise HTTPException(status_code=404) from None
    except InputError as exc:  # e.g. an English certificate without the English texts
        raise HTTPException(status_code=422, detail=f"Документ {name} не собран: {exc}") from None
    return Response(document.data, media_type=MEDIA[document.format],
                    headers={"Content-Disposition": f'attachment; filename="{document.path}"'})

