"""The desk's background services (converter, print worker, jobs) and their routes.

Nothing starts with the app: the first request that needs a PDF or a batch
print starts the services, so a desk that only verifies certificates never
runs LibreOffice. The app's lifespan (this router's, merged by FastAPI into
the app's) stops them on shutdown: the current soffice run and print job are
let finish, the threads end, the working folder (cached PDFs, previews,
merged prints, the LibreOffice profile) is removed.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse

from formgen.web.auth import Staff, require_staff
from formgen.web.converter import Converter
from formgen.web.jobs import JobBoard, Worker

__all__ = ["DeskServices", "router", "services"]

_LOCK = threading.Lock()


@dataclass
class DeskServices:
    folder: Path
    board: JobBoard
    converter: Converter
    printer: Worker
    # case revision sha256 → document name → sha256 its PDF is cached under
    sources: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def start(cls) -> DeskServices:
        folder = Path(tempfile.mkdtemp(prefix="formgen-desk-work-"))
        board = JobBoard()
        (folder / "print").mkdir()
        return cls(folder, board, Converter(folder / "convert", board), Worker("formgen-print"))

    def stop(self) -> None:
        self.printer.stop()
        self.converter.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def services(request: Request) -> DeskServices:
    """The app's services, started on first use."""
    state = request.app.state
    with _LOCK:
        if getattr(state, "desk_services", None) is None:
            state.desk_services = DeskServices.start()
        return state.desk_services


@asynccontextmanager
async def _lifespan(app):
    yield
    running = getattr(app.state, "desk_services", None)
    if running is not None:
        app.state.desk_services = None
        running.stop()


def _routers() -> APIRouter:
    from formgen.web.documents import router as documents
    from formgen.web.printing import router as printing

    router = APIRouter(lifespan=_lifespan)

    @router.get("/desk/jobs/{job_id}")
    def job_status(request: Request, job_id: str, staff: Staff = Depends(require_staff)):
        job = services(request).board.get(job_id)
        if job is None:
            raise HTTPException(status_code=404)
        return JSONResponse(job.status(), headers={"Cache-Control": "no-store"})

    router.include_router(documents)
    router.include_router(printing)
    return router


router = _routers()
