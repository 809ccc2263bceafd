"""The documents page of a case: every form as DOCX and PDF, a ZIP, a page preview.

DOCX forms become PDF through the desk's one converter (``web.converter``):
a click submits a job and the page shows its progress (``static/jobs.js``
polls ``/desk/jobs/{id}``), then the PDF and a preview of its pages.
Certificates are PDF already (reportlab) and are previewed as they are.

Names in URLs are only looked up in ``document_names`` of the case's latest
revision; files on disk are named by sha256, never by anything a user sent.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from formgen.register.accounts import ROLES
from formgen.render.convert import add_pdf_copies
from formgen.web.app import templates
from formgen.web.auth import Staff, check_csrf, require_staff
from formgen.web.cases import case_documents, document_names, latest, render_document, zip_documents
from formgen.web.converter import page_count
from formgen.web.services import DeskServices, services

__all__ = ["router"]

router = APIRouter()
PDF = "application/pdf"


def _case(request: Request, case_id: int):
    with request.app.state.register.transaction() as session:
        try:
            record, revision, case = latest(session, case_id)
        except KeyError:
            raise HTTPException(status_code=404) from None
        return {"id": record.id, "key": record.key, "holder": record.holder}, revision.sha256, case


def _known(case, name: str) -> dict:
    """The listed document called ``name``, or 404: a name is looked up, never used as a path."""
    for entry in document_names(case):
        if entry["name"] == name:
            return entry
    raise HTTPException(status_code=404)


def _shas(svc: DeskServices, revision: str) -> dict[str, str]:
    """Document name → sha256 of its PDF source, per case revision, as far as known."""
    return svc.sources.setdefault(revision, {})


def _pdf_sha(svc: DeskServices, revision: str, case, name: str) -> str | None:
    """The sha256 the PDF of ``name`` is kept under, when it is converted (or a certificate)."""
    known = _shas(svc, revision)
    if name.endswith(".pdf") and name not in known:
        known[name] = svc.converter.keep_pdf(render_document(case, name).data)
    sha = known.get(name)
    return sha if sha and svc.converter.cached(sha) else None


@router.get("/desk/cases/{case_id}/papers", response_class=HTMLResponse)
def papers(request: Request, case_id: int, staff: Staff = Depends(require_staff), job: str = "",
           show: str = "", page: int = 1):
    record, revision, case = _case(request, case_id)
    svc = services(request)
    known = _shas(svc, revision)
    rows = []
    for entry in document_names(case):
        sha = known.get(entry["name"])
        ready = entry["name"].endswith(".pdf") or bool(sha and svc.converter.cached(sha))
        rows.append({**entry, "ready": ready, "docx": entry["name"].endswith(".docx")})
    preview = None
    if show:
        _known(case, show)
        sha = _pdf_sha(svc, revision, case, show)
        if sha is not None:
            pages = page_count(svc.converter.pdf_path(sha))
            preview = {"name": show, "page": min(max(page, 1), pages), "pages": pages}
    running = svc.board.get(job) if job else None
    return templates.TemplateResponse(request, "papers.html", {
        "staff": staff, "roles": ROLES, "record": record, "rows": rows, "preview": preview,
        "job": running.status() if running else None, "show": show,
        "all_ready": all(r["ready"] for r in rows),
    })


@router.post("/desk/cases/{case_id}/papers/pdf")
def convert(request: Request, case_id: int, name: str = Form("", max_length=300), csrf: str = Form(""),
            staff: Staff = Depends(require_staff)):
    """Queue the conversion of one DOCX form (``name``) or, without a name, of all of them."""
    check_csrf(staff, csrf)
    _, revision, case = _case(request, case_id)
    svc = services(request)
    if name:
        if not _known(case, name)["name"].endswith(".docx"):
            raise HTTPException(status_code=404)
        job = svc.converter.submit({name: render_document(case, name).data})
        _shas(svc, revision).update(job.facts["shas"])
        show = name
    else:  # rendered on the converter's thread: the page shows the job at once
        names = [d["name"] for d in document_names(case) if d["name"].endswith(".docx")]
        job = svc.converter.submit_later(
            len(names), lambda: {d.path: d.data for d in case_documents(case) if d.format == "docx"},
            _shas(svc, revision).update)
        show = next(iter(names), "")
    return RedirectResponse(f"/desk/cases/{case_id}/papers?job={job.id}&show={show}", status_code=303)


@router.get("/desk/cases/{case_id}/pdf/{name}")
def download_pdf(request: Request, case_id: int, name: str, staff: Staff = Depends(require_staff)):
    """The PDF of a listed document (a converted DOCX form, or a certificate)."""
    _, revision, case = _case(request, case_id)
    _known(case, name)
    svc = services(request)
    sha = _pdf_sha(svc, revision, case, name)
    if sha is None:
        raise HTTPException(status_code=409, detail="PDF ещё не сделан: нажмите «В PDF»")
    filename = Path(name).stem + ".pdf"
    return Response(svc.converter.pdf_path(sha).read_bytes(), media_type=PDF,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/desk/cases/{case_id}/preview/{name}")
def preview(request: Request, case_id: int, name: str, page: int = 1, staff: Staff = Depends(require_staff)):
    """One page of the document's PDF as a PNG at 60 dpi."""
    _, revision, case = _case(request, case_id)
    _known(case, name)
    svc = services(request)
    sha = _pdf_sha(svc, revision, case, name)
    if sha is None:
        raise HTTPException(status_code=409, detail="PDF ещё не сделан")
    try:
        png = svc.converter.preview(sha, page)
    except KeyError:
        raise HTTPException(status_code=404) from None
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


@router.get("/desk/cases/{case_id}/papers.zip")
def download_zip(request: Request, case_id: int, staff: Staff = Depends(require_staff)):
    """Every document, each DOCX followed by its PDF, and the manifest — as ``formgen render --pdf``."""
    _, _, case = _case(request, case_id)
    documents = add_pdf_copies(case_documents(case), services(request).converter.convert)
    filename = f"case-{case_id}-documents-pdf.zip"
    return Response(zip_documents(documents), media_type="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
