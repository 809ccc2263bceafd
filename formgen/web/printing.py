"""Batch printing at the desk: certificates of the register, or a register table, into one PDF.

The same path as ``formgen certificates --merge``: jobs come from
``certificate_data.certificate_job`` (a certificate of a stored case) or from
``registertable.register_jobs`` (an uploaded CSV/XLSX), and are drawn by
``render_batch`` with the CLI's ``RenderOptions`` (blanks or plain paper,
offsets, drafts). The rule is the CLI's too: a certificate not in force is
refused, naming its status, unless an archive copy is asked for; never as a
draft. The work runs on the print worker; the page shows its progress.

An uploaded table is stored under a fixed name (``table.csv`` / ``table.xlsx``)
in the job's own folder; its file name is only shown, never used as a path.
Its ``body`` and logo cells are read from the desk's cases folder, as the
``body: FILE`` of a case uploaded at the desk is.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from formgen.errors import InputError
from formgen.forms.certificate_data import certificate_job
from formgen.register.accounts import ROLES, record_change
from formgen.register.queries import find_certificate, list_certificates
from formgen.registertable import Table, open_table, parse_langs, register_jobs
from formgen.render.certificate.batch import JobFailure, RenderOptions, render_batch
from formgen.render.certificate.calibration import write_calibration_sheet
from formgen.web.app import templates
from formgen.web.auth import Staff, check_csrf, require_staff
from formgen.web.cases import latest
from formgen.web.jobs import Job
from formgen.web.services import services

__all__ = ["router"]

router = APIRouter()
TABLES = {".csv": "table.csv", ".xlsx": "table.xlsx"}
MAX_TABLE_BYTES = 3 * 1024 * 1024
TITLE = "Сертификаты соответствия СЭМ"
LANGS = ("ru", "en", "de")
PATH_CELLS = {"body": (".yaml", ".yml", ".json"), "body_logo": (".png", ".jpg", ".jpeg"),
              "accreditation_logo": (".png", ".jpg", ".jpeg")}


class _Options:
    """The form's printing options, as the CLI's flags."""

    def __init__(self, langs: list[str], paper: str, offset_x: float, offset_y: float, draft: bool,
                 archive: bool) -> None:
        if paper not in {"plain", "blank"}:
            raise HTTPException(status_code=422, detail="paper: plain или blank")
        picked = [x for x in LANGS if x in langs] or ["ru"]
        self.langs = parse_langs(",".join(picked))
        self.render = RenderOptions(draft=draft, blank=paper == "blank",
                                    offset_x=offset_x if paper == "blank" else 0.0,
                                    offset_y=offset_y if paper == "blank" else 0.0)
        self.draft, self.archive = draft, archive
        self.summary = ", ".join(filter(None, [
            "+".join(self.langs), "на бланках" if self.render.blank else "на чистой бумаге",
            "проект" if draft else "", "архивные копии" if archive else ""]))


def _for_desk(message: str) -> str:
    """A refusal of the CLI's batch code, its flags named as the page's choices."""
    return message.replace("— --archive", "— отметьте «архивная копия»").replace(" (--draft)", "")


def _options(langs: list[str] = Form([]), paper: str = Form("plain", max_length=10),
             offset_x: float = Form(0.0, ge=-20, le=20), offset_y: float = Form(0.0, ge=-20, le=20),
             draft: bool = Form(False), archive: bool = Form(False)) -> _Options:
    return _Options(langs, paper, offset_x, offset_y, draft, archive)


def _page(request: Request, staff: Staff, status_code: int = 200, **context):
    today = dt.date.today()
    with request.app.state.register.transaction() as session:
        certificates = list_certificates(session, today)
    return templates.TemplateResponse(request, "printing.html", {
        "staff": staff, "roles": ROLES, "today": today, "certificates": certificates, "problem": "",
        "job": None, "langs": LANGS, **context}, status_code=status_code)


@router.get("/desk/printing", response_class=HTMLResponse)
def printing(request: Request, staff: Staff = Depends(require_staff), job: str = ""):
    running = services(request).board.get(job) if job else None
    return _page(request, staff, job=running.status() if running else None)


def _start(request: Request, staff: Staff, items, total: int, options: _Options, what: str,
           shown: str | None = None, hidden: str | None = None,
           upload: Path | None = None) -> RedirectResponse:
    """Queue the batch on the print worker; the page follows its progress."""
    svc = services(request)
    job = svc.board.new("print", total)
    job.facts.update(what=what, options=options.summary)
    target = svc.folder / "print" / f"{job.id}.pdf"

    def work(job: Job) -> None:
        def failed(label: str, message: str) -> None:
            text = _for_desk(f"{label}: {message}")
            job.messages.append(text.replace(hidden, shown) if hidden and shown else text)

        def advance(n: int) -> None:
            job.done += n

        try:
            result = render_batch(items, merge=target, options=options.render, total=total,
                                  progress=advance, on_failure=failed, title=TITLE)
        finally:
            if upload is not None:  # the table is read; it is not kept
                shutil.rmtree(upload, ignore_errors=True)
        job.facts.update(printed=result.printed, pages=result.pages)
        if result.pages:
            job.result = target
            job.facts["pdf"] = f"/desk/printing/{job.id}.pdf"

    svc.printer.submit(job, work)
    with request.app.state.register.transaction() as session:
        record_change(session, staff.login, "batch-print", None, f"{what}: {total} ({options.summary})")
    return RedirectResponse(f"/desk/printing?job={job.id}", status_code=303)


@router.post("/desk/printing")
def print_selected(request: Request, number: list[str] = Form([]), csrf: str = Form(""),
                   options: _Options = Depends(_options), staff: Staff = Depends(require_staff)):
    """The ticked certificates of the register, in the register's order."""
    check_csrf(staff, csrf)
    if not number:
        return _page(request, staff, 422, problem="Отметьте хотя бы один сертификат.")
    today = dt.date.today()
    items = []
    with request.app.state.register.transaction() as session:
        for value in dict.fromkeys(number[:1000]):
            cert = find_certificate(session, value)
            if cert is None:
                items.append(JobFailure(f"№ {value}", "сертификат в реестре не найден"))
                continue
            record, _, case = latest(session, cert.case_id)
            entry = next((c for c in case.certificates if c.number == cert.number), None)
            if entry is None:
                items.append(JobFailure(f"№ {value}", "сертификата нет в последней редакции дела"))
                continue
            label = f"дело {record.key}"  # the refusal names the certificate itself
            items.append(certificate_job(case, entry, options.langs, label, draft=options.draft, day=today,
                                         archive=options.archive))
    return _start(request, staff, items, len(items), options, f"сертификаты реестра ({len(items)})")


def _foreign_files(table: Table, request: Request) -> list[str]:
    """Rows whose body or logo cell names a file the desk does not serve from, as messages.

    A cell is a path typed by a user: it may only name a profile (YAML/JSON)
    or a logo (PNG/JPEG) in the desk's cases folder or its body profile's
    folder (``serve --cases``, ``--profile``), never anything else on the
    server — reading ``/etc/…`` as a "profile" would show its first line.
    """
    base = request.app.state.cases_dir
    profile = getattr(request.app.state, "profile", None)
    roots = [base, *([profile.parent] if profile is not None else [])]
    found = []
    for row in table.rows():
        for column, suffixes in PATH_CELLS.items():
            value = str(row.cells.get(column) or "").strip()
            if not value:
                continue
            target = (base / value).resolve()
            if target.suffix.lower() not in suffixes or not any(target.is_relative_to(r) for r in roots):
                found.append(f"строка {row.number}, {column}: «{value[:80]}»")
    return found


@router.post("/desk/printing/table")
async def print_table(request: Request, upload: UploadFile = File(...), csrf: str = Form(""),
                      options: _Options = Depends(_options), staff: Staff = Depends(require_staff)):
    """An uploaded register table (CSV, XLSX), parsed as ``formgen certificates`` parses it."""
    check_csrf(staff, csrf)
    shown = Path(upload.filename or "таблица").name[:120]
    stored = TABLES.get(Path(shown.lower()).suffix)
    if stored is None:
        raise HTTPException(status_code=415, detail="Принимаются только таблицы CSV и XLSX (.csv, .xlsx)")
    data = await upload.read(MAX_TABLE_BYTES + 1)
    if len(data) > MAX_TABLE_BYTES:
        raise HTTPException(status_code=413, detail="Таблица больше 3 МБ")
    path = Path(tempfile.mkdtemp(prefix="upload-", dir=services(request).folder / "print")) / stored
    path.write_bytes(data)
    try:
        outside = _foreign_files(open_table(path), request)  # the header is checked too
        if outside:
            raise InputError("файлы из колонок body, body_logo, accreditation_logo берутся на рабочем "
                             "месте только из папки дел и папки профиля органа: " + "; ".join(outside[:5])
                             + (f" и ещё {len(outside) - 5}" if len(outside) > 5 else ""))
        total, items = register_jobs(path, options.langs, draft=options.draft, at=dt.date.today(),
                                     archive=options.archive, base=request.app.state.cases_dir)
    except InputError as exc:
        shutil.rmtree(path.parent, ignore_errors=True)
        message = str(exc).replace(str(path), shown).replace(stored, shown)
        return _page(request, staff, 422, problem=message)
    return _start(request, staff, items, total, options, f"таблица {shown}", shown=shown, hidden=stored,
                  upload=path.parent)


@router.get("/desk/printing/calibration.pdf")
def calibration(request: Request, offset_x: float = Query(0.0, ge=-20, le=20),
                offset_y: float = Query(0.0, ge=-20, le=20), staff: Staff = Depends(require_staff)):
    """The CLI's calibration sheet for blanks (``--calibration``), with the offsets to try."""
    with tempfile.TemporaryDirectory(prefix="formgen-calibration-") as tmp:
        target = Path(tmp) / "calibration.pdf"
        write_calibration_sheet(target, (offset_x, offset_y))
        data = target.read_bytes()
    return Response(data, media_type="application/pdf",
                    headers={"Content-Disposition": 'attachment; filename="calibration.pdf"'})


@router.get("/desk/printing/{job_id}.pdf")
def merged(request: Request, job_id: str, staff: Staff = Depends(require_staff)):
    job = services(request).board.get(job_id)
    if job is None or job.kind != "print" or job.result is None:
        raise HTTPException(status_code=404)
    return Response(job.result.read_bytes(), media_type="application/pdf",
                    headers={"Content-Disposition": 'attachment; filename="certificates.pdf"'})
