"""DOCX → PDF for the desk: one warm LibreOffice, queued, cached by the document's sha256.

* One worker thread converts; requests queue up behind it. Whatever is
  waiting when it picks up work goes into one ``soffice`` run (up to
  ``BATCH`` documents), through ``formgen.render.convert.docx_to_pdf`` — the
  command line's converter — with a LibreOffice profile folder made once and
  kept, so no run pays the profile's first start again (that is what makes a
  cold soffice slow).
* PDFs are kept under the sha256 of the DOCX they came from: rendering is
  deterministic, so the same form of the same case revision is the same DOCX
  and a second click finds its PDF at once; a changed case is a new sha.
* Page previews are PNG (``pdftoppm -r 60``) of one page, cached beside.

Files are named by hashes and page numbers only; a name a user typed never
becomes a path.
"""

from __future__ import annotations

import hashlib
import os
import queue
import shutil
import signal
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from formgen.errors import RenderError
from formgen.render.convert import docx_to_pdf
from formgen.web.jobs import Job, JobBoard

__all__ = ["BATCH", "Converter", "page_count", "sha256"]

BATCH = 12  # documents per soffice run: one start-up for many, progress still moves


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def page_count(pdf: Path) -> int:
    """Pages of a PDF (``pdfinfo``, from poppler like ``pdftoppm``)."""
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60, check=True)
    for line in out.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise RenderError(f"pdfinfo не назвал число страниц {pdf.name}")


class Converter:
    """The desk's converter; started by the first request that needs it, stopped with the app."""

    def __init__(self, folder: Path, board: JobBoard, timeout: float = 300) -> None:
        self.folder = folder
        self.board = board
        self.timeout = timeout
        self.profile = folder / "libreoffice-profile"
        self.pdfs = folder / "pdf"
        self.pngs = folder / "png"
        for path in (self.profile, self.pdfs, self.pngs):
            path.mkdir(parents=True, exist_ok=True)
        self._queue: queue.Queue[tuple[Job, Any] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="formgen-soffice", daemon=True)
        self._thread.start()
        self.runs = 0  # soffice runs so far (for tests and the log)

    # -- the cache -----------------------------------------------------------------
    def pdf_path(self, sha: str) -> Path:
        return self.pdfs / f"{sha}.pdf"

    def cached(self, sha: str) -> Path | None:
        path = self.pdf_path(sha)
        return path if path.is_file() else None

    def keep_pdf(self, data: bytes) -> str:
        """A PDF made elsewhere (a certificate) kept for previews; returns its sha256."""
        sha = sha256(data)
        if self.cached(sha) is None:
            _write(self.pdf_path(sha), data)
        return sha

    def preview(self, sha: str, page: int) -> bytes:
        """PNG of ``page`` (from 1) of the cached PDF ``sha`` at 60 dpi."""
        pdf = self.cached(sha)
        if pdf is None:
            raise KeyError(sha)
        png = self.pngs / f"{sha}-{page}.png"
        if not png.is_file():
            if not 1 <= page <= page_count(pdf):
                raise KeyError(page)
            tmp = self.pngs / f".{sha}-{page}-{threading.get_ident()}"
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile",
                            str(pdf), str(tmp)], capture_output=True, timeout=60, check=True)
            Path(f"{tmp}.png").replace(png)
        return png.read_bytes()

    # -- converting ----------------------------------------------------------------
    def submit(self, documents: dict[str, bytes]) -> Job:
        """A job converting ``{name: docx bytes}``; cached ones count as done at once.

        ``job.facts["shas"]`` maps each name to the sha256 its PDF is kept under.
        """
        job = self.board.new("pdf", len(documents))
        missing = self._prepare(job, documents)
        if missing:
            self._queue.put((job, missing))
        return job

    def submit_later(self, total: int, render: Callable[[], dict[str, bytes]],
                     known: Callable[[dict[str, str]], None] | None = None) -> Job:
        """A job whose ``total`` documents ``render()`` makes on the converter's thread first.

        Rendering a whole case takes seconds; the request answers at once and the
        page shows the job queued. ``known(shas)`` is told the names' sha256s.
        """
        job = self.board.new("pdf", total)
        job.facts.update(shas={}, ready=[])
        self._queue.put((job, (render, known)))
        return job

    def _prepare(self, job: Job, documents: dict[str, bytes]) -> dict[str, bytes]:
        """Set the job's names and progress; the documents still to convert, by sha256."""
        shas = {name: sha256(data) for name, data in documents.items()}
        missing = {shas[n]: data for n, data in documents.items() if self.cached(shas[n]) is None}
        job.total = len(documents)
        job.facts["shas"] = shas
        job.facts["ready"] = [n for n in documents if shas[n] not in missing]
        job.done = len(job.facts["ready"])
        job.facts["converting"] = len(missing)  # the rest came from the cache
        if not missing:
            job.finish()
        return missing

    def convert(self, documents: dict[str, bytes]) -> dict[str, bytes]:
        """``{name.docx: bytes}`` → ``{name.pdf: bytes}`` through the queue, waiting for it.

        The signature of ``docx_to_pdf``, so ``add_pdf_copies`` can use either.
        """
        job = self.submit(documents)
        job.over.wait(self.timeout * (1 + len(documents) // BATCH) + 60)
        if job.state != "done":
            raise RenderError(job.error or "LibreOffice не успел преобразовать документы")
        return {Path(name).stem + ".pdf": self.pdf_path(sha).read_bytes()
                for name, sha in job.facts["shas"].items()}

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            waiting = [item]
            while True:  # everything queued meanwhile joins this round
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    self._queue.put(None)
                    break
                waiting.append(more)
            self._round([(job, missing) for job, payload in waiting
                         if (missing := self._rendered(job, payload))])

    def _rendered(self, job: Job, payload) -> dict[str, bytes]:
        """The documents a queued job still needs converted (rendering them first if asked)."""
        if isinstance(payload, dict):
            return payload
        render, known = payload
        job.state = "running"
        try:
            documents = render()
        except Exception as exc:  # shown on the page; the converter lives on
            job.finish(str(exc) or type(exc).__name__)
            return {}
        missing = self._prepare(job, documents)
        if known is not None:
            known(job.facts["shas"])
        return missing

    def _round(self, waiting: list[tuple[Job, dict[str, bytes]]]) -> None:
        todo: dict[str, bytes] = {}
        for job, missing in waiting:
            job.state = "running"
            todo.update(missing)
        order = sorted(todo)
        for start in range(0, len(order), BATCH):
            chunk = [sha for sha in order[start:start + BATCH] if self.cached(sha) is None]
            error = ""
            if chunk:
                try:
                    pdfs = docx_to_pdf({f"{sha}.docx": todo[sha] for sha in chunk}, self.timeout,
                                       profile=self.profile)
                    self.runs += 1
                    for sha in chunk:
                        _write(self.pdf_path(sha), pdfs[f"{sha}.pdf"])
                except RenderError as exc:
                    error = str(exc)
            for job, missing in waiting:
                mine = [sha for sha in chunk if sha in missing]
                if not mine:
                    continue
                if error:
                    job.error = error
                    continue
                job.done += len(mine)
                job.facts["ready"] = [n for n, s in job.facts["shas"].items() if self.cached(s)]
        for job, _ in waiting:
            job.finish(job.error)

    def stop(self, timeout: float = 15) -> None:
        """Let the current soffice run finish (``timeout`` s at most), end the thread, remove the folder.

        A run that does not finish in time is ended: its processes are found by
        this converter's own profile folder on their command line (no other
        LibreOffice has it), so nobody else's soffice is touched.
        """
        self._queue.put(None)
        self._thread.join(timeout)
        if self._thread.is_alive():
            _end_processes_with(self.profile.as_uri())
            self._thread.join(10)
        shutil.rmtree(self.folder, ignore_errors=True)


def _end_processes_with(marker: str) -> None:
    """SIGKILL the processes whose command line holds ``marker`` (Linux /proc; elsewhere nothing)."""
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if marker.encode() in (entry / "cmdline").read_bytes():
                os.kill(int(entry.name), signal.SIGKILL)
        except (OSError, ValueError):
            continue


def _write(target: Path, data: bytes) -> None:
    tmp = target.with_name(f".{target.name}.{threading.get_ident()}")
    tmp.write_bytes(data)
    tmp.replace(target)
