"""The FastAPI application: the register it reads, its templates, and headers every answer carries."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from formgen.register.db import Register, open_register

__all__ = ["create_app", "templates"]

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))

# No script, no frame, nothing from elsewhere: a verification page is read, not run.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


MAX_REQUEST_BYTES = 3 * 1024 * 1024


def create_app(
    db: str | None = None, register: Register | None = None, cases_dir: str | None = None,
    profile: str | None = None,
) -> FastAPI:
    """The application on the register at ``db`` (or an already open ``register``).

    ``cases_dir`` is the folder a case uploaded at the desk reads its
    ``body: FILE`` from (the folder of the body's case files; default: here);
    ``profile`` is the body profile a new client's case started at the desk
    refers to (besides the profiles the register's cases already use).
    """
    from formgen.web.auth import LoginRequired, Throttle
    from formgen.web.desk import router as desk_router
    from formgen.web.editing import router as editing_router
    from formgen.web.verify import router as verify_router
    from formgen.web.wizard import router as wizard_router

    app = FastAPI(title="formgen", docs_url=None, redoc_url=None, openapi_url="/api/v1/openapi.json")
    app.state.register = register or open_register(db)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.state.throttle = Throttle()
    app.state.cases_dir = Path(cases_dir or ".").resolve()
    app.state.profile = Path(profile).resolve() if profile else None
    app.include_router(verify_router)
    app.include_router(desk_router)
    app.include_router(editing_router)
    app.include_router(wizard_router)

    @app.middleware("http")
    async def _limit_size(request: Request, call_next):
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > MAX_REQUEST_BYTES:
            return templates.TemplateResponse(request, "error.html", {"status": 413}, status_code=413)
        return await call_next(request)

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc: LoginRequired):
        from urllib.parse import quote

        from fastapi.responses import RedirectResponse

        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/"):
            from fastapi.responses import JSONResponse

            return JSONResponse({"detail": "not found" if exc.status_code == 404 else exc.detail},
                                status_code=exc.status_code)
        return templates.TemplateResponse(request, "error.html",
                                          {"status": exc.status_code, "detail": exc.detail},
                                          status_code=exc.status_code)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request):
        return templates.TemplateResponse(request, "verify_form.html", {})

    return app
