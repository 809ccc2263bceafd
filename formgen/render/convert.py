"""DOCX → PDF through LibreOffice, the optional real client.

One ``soffice`` process converts a whole batch (about 1 s of start-up per
process otherwise), with a private profile folder (a user's running
LibreOffice or a stale lock cannot block it) and a time-out (soffice can hang
forever on a broken file). Used by ``formgen render --pdf`` and by the test
that proves every DOCX opens in a real word processor.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from formgen.errors import RenderError
from formgen.output.writer import Document

__all__ = ["add_pdf_copies", "docx_to_pdf", "soffice_path"]


def soffice_path() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(documents: dict[str, bytes], timeout: float = 300,
                profile: Path | None = None) -> dict[str, bytes]:
    """Convert ``{name.docx: bytes}`` to ``{name.pdf: bytes}`` in one soffice run.

    ``profile`` is a LibreOffice profile folder kept between runs (the desk's
    converter): made once, it spares every later run the profile's first-start
    set-up. Without it each run gets a fresh private one.
    """
    exe = soffice_path()
    if exe is None:
        raise RenderError("LibreOffice (soffice) не найден: установите libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory(prefix="formgen-soffice-") as tmp:
        work = Path(tmp)
        src, out = work / "in", work / "out"
        profile = profile or work / "profile"
        src.mkdir()
        for name, data in documents.items():
            (src / name).write_bytes(data)
        command = [
            exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", str(out), *sorted(str(p) for p in src.iterdir()),
        ]
        env = {**os.environ, "HOME": str(work)}
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired as exc:
            raise RenderError(f"LibreOffice не ответил за {timeout:.0f} с") from exc
        except subprocess.CalledProcessError as exc:
            detail = exc.stderr.decode(errors="replace")
            raise RenderError(f"LibreOffice завершился с ошибкой: {detail}") from exc
        result = {}
        for name in documents:
            pdf = out / (Path(name).stem + ".pdf")
            if not pdf.is_file():
                raise RenderError(f"LibreOffice не смог открыть {name}")
            result[pdf.name] = pdf.read_bytes()
        return result


def add_pdf_copies(documents: list[Document],
                   convert: Callable[[dict[str, bytes]], dict[str, bytes]] = docx_to_pdf) -> list[Document]:
    """Each DOCX followed by its PDF made by LibreOffice (same name, ``.pdf``).

    ``convert`` is ``docx_to_pdf`` or a caller's own route to it (the desk's
    queued, cached converter).
    """
    docx = {Path(d.path).name: d for d in documents if d.format == "docx"}
    if not docx:
        return documents
    pdfs = convert({name: d.data for name, d in docx.items()})
    out: list[Document] = []
    for doc in documents:
        out.append(doc)
        if doc.format == "docx":
            pdf_name = Path(doc.path).stem + ".pdf"
            out.append(Document(doc.form, doc.annex, doc.lang, "pdf",
                                str(Path(doc.path).with_suffix(".pdf")), pdfs[pdf_name]))
    return out
