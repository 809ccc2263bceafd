"""Editing a case section by section, signing, the differences between revisions.

Each section's form is generated from the case model (``web.modelform``);
what is posted is merged into the stored case data, written back as YAML
text (``case.write``) and saved through ``web.cases.save_case_text`` — the
loader, the model, the cross-references and the register's number claims,
in one transaction, exactly as a file given to ``formgen register import``.
A refused save shows each problem at its field and keeps what was typed.

Buttons of a form post ``__action``: ``save``, ``add:NAME`` (one more row in
the list NAME, e.g. a nonconformity), ``reserve:NAME`` (the next number of
the body's series for the field NAME), ``delete`` (remove the item). Only
``save`` and ``delete`` write; the others show the form again with the row or
number in place.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select

from formgen.case.model import Case
from formgen.case.source import read_located_text
from formgen.case.write import case_text
from formgen.errors import CaseValidationError, InputError
from formgen.register.accounts import record_change
from formgen.register.models import Revision, SignatureRecord
from formgen.register.numbering import reserve_number
from formgen.web.auth import Staff, check_csrf, require_staff
from formgen.web.cases import latest, save_case_text
from formgen.web.labels import SECTION_TITLES
from formgen.web.modelform import build_widgets, error_name, field_labels, parse_form, person_choices
from formgen.web.pages import body_roots, page
from formgen.web.roles import may_edit, may_sign
from formgen.web.sections import Section, next_steps, section, title

__all__ = ["router"]

router = APIRouter()
HEADER = ("Дело сохранено на рабочем месте formgen (раздел «{title}», {who}).\n"
          "Комментарии файла, если были, остались в прежних редакциях.")


def _stored(request: Request, case_id: int) -> tuple[Any, Case, dict[str, Any], str]:
    """The case record, the latest revision as a case and as plain data, and that revision's sha256."""
    with request.app.state.register.transaction() as session:
        try:
            record, revision, case = latest(session, case_id)
        except KeyError:
            raise HTTPException(status_code=404) from None
        text, sha = revision.text, revision.sha256
        session.expunge(record)
    raw = read_located_text(text, "дело").data
    return record, case, raw if isinstance(raw, dict) else {}, sha


def _changed_meanwhile(request: Request, case_id: int, opened_on: str, sec: Section,
                       raw: dict[str, Any]) -> str | None:
    """Who changed this section after the form was opened on revision ``opened_on``, if anybody.

    Saves replace one section of the latest revision, so two people editing
    different sections never undo each other; the same section edited twice
    would, and the second save is refused instead (optimistic locking).
    """
    with request.app.state.register.transaction() as session:
        rows = session.scalars(select(Revision).where(Revision.case_id == case_id)
                               .order_by(Revision.id)).all()
        shas = [r.sha256 for r in rows]
        if opened_on not in shas or opened_on == shas[-1]:
            return None
        old = read_located_text(rows[shas.index(opened_on)].text, "дело").data
        later = rows[shas.index(opened_on) + 1:]
        if sec.data(old if isinstance(old, dict) else {}) == sec.data(raw):
            return None
        return ", ".join(f"{r.source_path} в {r.imported_at.strftime('%H:%M')}" for r in later)


def _section(slug: str, raw: dict[str, Any]) -> Section:
    try:
        return section(slug, raw)
    except KeyError:
        raise HTTPException(status_code=404) from None


def _form_page(request: Request, staff: Staff, record, case: Case, sec: Section, data: Any,
               opened_on: str, status_code: int = 200, errors: dict[str, str] | None = None,
               problems: list | None = None, note: str = ""):
    widgets = build_widgets(sec.model, data, "", errors or {})
    return page(request, "section.html", staff, status_code=status_code, record=record,
                opened_on=opened_on,
                sec=sec, heading=title(case, sec), widgets=widgets, people=person_choices(case),
                problems=problems or [], note=note, series_of=sec.series, errors=errors or {},
                labels=field_labels(widgets))


@router.get("/desk/cases/{case_id}/edit/{slug:path}", response_class=HTMLResponse)
def edit_form(request: Request, case_id: int, slug: str, step: int = -1,
              staff: Staff = Depends(require_staff)):
    record, case, raw, sha = _stored(request, case_id)
    sec = _section(slug, raw)
    if not may_edit(staff, case, sec):
        raise HTTPException(status_code=403, detail="Этот раздел вам править нельзя (роль)")
    data = sec.data(raw)
    if data is None:
        steps = [s for s in next_steps(case, dt.date.today()) if s.slug == sec.slug]
        data = steps[step].prefill if 0 <= step < len(steps) else (steps[0].prefill if steps else {})
    return _form_page(request, staff, record, case, sec, data, sha)


def _append_row(data: dict[str, Any], name: str) -> None:
    """One empty row more in the list at the dotted ``name`` (``plan.objects``)."""
    target: Any = data
    parts = name.split(".")
    for part in parts[:-1]:
        target = target[int(part)] if part.isdigit() else target.setdefault(part, {})
    target.setdefault(parts[-1], []).append({})


def _set(data: dict[str, Any], name: str, value: str) -> None:
    target: Any = data
    parts = name.split(".")
    for part in parts[:-1]:
        target = target[int(part)] if part.isdigit() else target.setdefault(part, {})
    target[parts[-1]] = value


@router.post("/desk/cases/{case_id}/edit/{slug:path}")
async def edit_save(request: Request, case_id: int, slug: str, staff: Staff = Depends(require_staff)):
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    check_csrf(staff, form.get("csrf"))
    record, case, raw, sha = _stored(request, case_id)
    opened_on = form.get("__revision") or sha
    sec = _section(slug, raw)
    if not may_edit(staff, case, sec):
        raise HTTPException(status_code=403, detail="Этот раздел вам править нельзя (роль)")
    data = parse_form(sec.model, form, sec.data(raw))
    action = form.get("__action", "save")
    if action.startswith("add:"):
        _append_row(data, action[4:])
        return _form_page(request, staff, record, case, sec, data, opened_on)
    if action.startswith("reserve:"):
        name = action[8:]
        series = sec.series(name)
        if series is None:
            raise HTTPException(status_code=400, detail="у этого поля нет серии номеров")
        try:
            with request.app.state.register.transaction() as session:
                number = reserve_number(session, series)
                record_change(session, staff.login, "number-reserved", case_id, f"{series}: {number}")
        except InputError as exc:
            return _form_page(request, staff, record, case, sec, data, opened_on, 422, problems=[str(exc)])
        _set(data, name, number)
        return _form_page(request, staff, record, case, sec, data, opened_on,
                          note=f"Номер {number} зарезервирован в реестре; сохраните раздел.")
    meanwhile = _changed_meanwhile(request, case_id, opened_on, sec, raw)
    if meanwhile:
        return _form_page(request, staff, record, case, sec, data, opened_on, 409, problems=[
            f"раздел изменили после того, как вы открыли форму ({meanwhile}); ваши значения ниже не "
            "сохранены — откройте раздел заново и внесите их в новую редакцию"])
    heading = title(case, sec)
    if sec.index is None and sec.many:
        what = data.get("number") or data.get("id") or ""
        heading = f"{SECTION_TITLES[sec.key]} {what} (новая запись)".replace("  ", " ")
    if action == "delete":
        if not sec.many or sec.index is None:
            raise HTTPException(status_code=400)
        changed = sec.put(raw, None)
    else:
        changed = sec.put(raw, data)
    text = case_text(changed, HEADER.format(title=heading, who=staff.login))
    label = f"рабочее место: {heading} ({staff.login})"
    try:
        result = save_case_text(request.app.state.register, text.encode("utf-8"), staff.login,
                                request.app.state.cases_dir, label, case_id, roots=body_roots(request))
    except CaseValidationError as exc:
        where = sec.problem_path if sec.index is not None or not sec.many else \
            f"{sec.key}[{len(raw.get(sec.key) or [])}]"
        errors: dict[str, str] = {}
        others = []
        for problem in exc.problems:
            at = error_name(problem.path, where)
            if at is None or action == "delete":
                others.append(f"{problem.path or 'дело'}: {problem.message}")
            else:
                errors[at] = (errors.get(at, "") + " " + problem.message).strip()
        if "" in errors:
            others.insert(0, errors.pop(""))
        return _form_page(request, staff, record, case, sec, data, opened_on, 422, errors=errors,
                          problems=others)
    except InputError as exc:
        return _form_page(request, staff, record, case, sec, data, opened_on, 422, problems=[str(exc)])
    return RedirectResponse(f"/desk/cases/{case_id}?saved={result.outcome}", status_code=303)


# -- signatures -----------------------------------------------------------------------
def signatures(request: Request, case_id: int) -> dict[tuple[str, str], SignatureRecord]:
    with request.app.state.register.transaction() as session:
        rows = session.scalars(select(SignatureRecord).where(SignatureRecord.case_id == case_id)).all()
        for row in rows:
            session.expunge(row)
    return {(r.kind, r.number): r for r in rows}


@router.post("/desk/cases/{case_id}/sign")
async def sign(request: Request, case_id: int, staff: Staff = Depends(require_staff)):
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    check_csrf(staff, form.get("csrf"))
    _, case, _, _ = _stored(request, case_id)
    if not may_sign(staff, case):
        raise HTTPException(status_code=403, detail="Подписывает руководство ОС (7.6.2.3)")
    kind, number = form.get("kind", ""), form.get("number", "")
    known = {"decision": {d.number for d in case.decisions},
             "certificate": {c.number for c in case.certificates}}
    if number not in known.get(kind, set()):
        raise HTTPException(status_code=404)
    with request.app.state.register.transaction() as session:
        exists = session.scalars(select(SignatureRecord).where(
            SignatureRecord.case_id == case_id, SignatureRecord.kind == kind,
            SignatureRecord.number == number)).first()
        if exists is None:
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            session.add(SignatureRecord(case_id=case_id, kind=kind, number=number, who=staff.login, at=now))
            record_change(session, staff.login, f"{kind}-signed", case_id, number)
    return RedirectResponse(f"/desk/cases/{case_id}#signatures", status_code=303)


# -- revisions ------------------------------------------------------------------------
@router.get("/desk/cases/{case_id}/revisions/{revision_id}", response_class=HTMLResponse)
def revision_diff(request: Request, case_id: int, revision_id: int, staff: Staff = Depends(require_staff)):
    """What a revision changed against the one before it, line by line."""
    with request.app.state.register.transaction() as session:
        revisions = session.scalars(select(Revision).where(Revision.case_id == case_id)
                                    .order_by(Revision.id)).all()
        ids = [r.id for r in revisions]
        if revision_id not in ids:
            raise HTTPException(status_code=404)
        i = ids.index(revision_id)
        new = revisions[i]
        old_text = revisions[i - 1].text if i else ""
        info = {"at": new.imported_at, "source": new.source_path, "sha": new.sha256[:12], "n": i + 1}
        new_text = new.text
        record = latest(session, case_id)[0]
        session.expunge(record)
    lines = list(difflib.unified_diff(old_text.splitlines(), new_text.splitlines(),
                                      "прежняя редакция", "эта редакция", n=2, lineterm=""))[2:]
    rows = [("add" if s.startswith("+") else "del" if s.startswith("-") else
             "hunk" if s.startswith("@@") else "same", s) for s in lines]
    return page(request, "revision.html", staff, record=record, info=info, rows=rows, first=i == 0)
