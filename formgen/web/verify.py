"""The public check of a certificate (ГОСТ Р 54298-2010, 9.3.10: the body informs about status).

The number is matched exactly as printed on the certificate (Cyrillic letters
arrive URL-encoded and are decoded by the framework); the status is the one
on today's date. An unknown number is a plain 404 that says nothing about
which numbers exist. The page and the JSON carry the same public record.
"""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from formgen.register.queries import certificate_record, find_certificate
from formgen.text.dates import numeric_date

__all__ = ["router"]

router = APIRouter()


def _record(request: Request, number: str) -> dict:
    with request.app.state.register.transaction() as session:
        cert = find_certificate(session, number)
        if cert is None:
            raise HTTPException(status_code=404)
        return certificate_record(cert, dt.date.today())


@router.get("/verify", include_in_schema=False)
def verify_query(number: str = Query("", max_length=200)):
    """The search form of the home page: ``/verify?number=…`` → ``/verify/{number}``."""
    from urllib.parse import quote

    if not number.strip():
        return RedirectResponse("/", status_code=303)
    return RedirectResponse(f"/verify/{quote(number.strip(), safe='')}", status_code=303)


@router.get("/verify/{number:path}", response_class=HTMLResponse)
def verify_page(request: Request, number: str):
    record = _record(request, number)
    dates = {key: numeric_date(dt.date.fromisoformat(record[key]))
             for key in ("valid_from", "valid_until", "status_since") if record[key]}
    return _page(request, record, dates)


def _page(request: Request, record: dict, dates: dict):
    from formgen.web.app import templates

    today = numeric_date(dt.date.today())
    return templates.TemplateResponse(request, "verify.html",
                                      {"c": record, "dates": dates, "today": today})


@router.get("/api/v1/certificates/{number:path}")
def certificate_api(request: Request, number: str) -> JSONResponse:
    return JSONResponse(_record(request, number))
