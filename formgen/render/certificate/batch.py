"""Printing certificates by the hundred: chunks, worker processes, one stream out.

Input arrives as an iterable of ``CertificateJob`` (one certificate in its
languages) or ``JobFailure`` (a row that could not even be read). It is cut
into chunks whose size depends only on the batch size, never on ``--jobs``,
so the merged PDF is byte-identical however many processes drew it. Each
chunk is one small reportlab document (drawn in-process, or by a worker);
chunks are joined in input order by ``PdfStreamWriter`` as they come back.
At most two chunks per worker are in flight, so neither the input nor the
output is ever held whole: peak memory does not grow with the batch.

A certificate that fails (a missing glyph, a name too long for its field) is
reported with its label and skipped; the others print.
"""

from __future__ import annotations

import itertools
import math
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from formgen.errors import FormgenError
from formgen.render.certificate.data import CertificateData
from formgen.render.certificate.draw import CertificateCanvas, ornament_operators, plain_streams
from formgen.render.certificate.fonts import load_fonts
from formgen.render.certificate.layout import layout_versions, static_key, static_layer
from formgen.render.certificate.pdfjoin import ChunkPdf, PdfStreamWriter

__all__ = [
    "BatchResult",
    "CertificateJob",
    "JobFailure",
    "RenderOptions",
    "chunk_size",
    "render_batch",
    "render_certificate_pdf",
]


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to print: draft mark, variable text only (blanks), offsets in mm, font."""

    draft: bool = False
    blank: bool = False
    offset_x: float = 0.0
    offset_y: float = 0.0
    font: str | None = None


@dataclass(frozen=True, slots=True)
class CertificateJob:
    """One certificate in the languages to print, in order.

    ``label`` says where it came from (``certificates.csv:7``) for messages;
    ``stem`` names its files under ``--out``.
    """

    label: str
    versions: tuple[CertificateData, ...]
    stem: str = "certificate"


@dataclass(frozen=True, slots=True)
class JobFailure:
    """An input item that could not be turned into a certificate."""

    label: str
    message: str


@dataclass(slots=True)
class BatchResult:
    printed: int = 0
    pages: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


@dataclass(slots=True)
class _ChunkOut:
    pdf: bytes
    printed: int
    failures: list[tuple[str, str]]
    files: list[Path]
    done: int
    pages: int


def chunk_size(total: int | None) -> int:
    """Certificates per chunk: about eight chunks for small batches, at most 100.

    Depends on the batch size only, so output does not depend on ``--jobs``.
    """
    if total is None:
        return 100
    return max(8, min(100, math.ceil(total / 8)))


def _file_names(job: CertificateJob, draft: bool) -> list[tuple[str, list[int]]]:
    """(file name, version indices) for ``--out``: one per language, or one draft."""
    if draft:
        return [(f"{job.stem}.draft.pdf", list(range(len(job.versions))))]
    return [(f"{job.stem}.{v.lang}.pdf", [i]) for i, v in enumerate(job.versions)]


def render_chunk(
    items: Sequence[CertificateJob | JobFailure],
    options: RenderOptions,
    out_dir: str | None = None,
    keep_pdf: bool = True,
    on_item: Callable[[], None] | None = None,
    on_failure: Callable[[str, str], None] | None = None,
) -> _ChunkOut:
    """Draw one chunk into one reportlab document; write per-certificate files if asked."""
    fonts = load_fonts(options.font)
    failures: list[tuple[str, str]] = []
    placed: list[tuple[CertificateJob, list[int]]] = []
    with plain_streams():
        canvas = CertificateCanvas(fonts, draft=options.draft, blank=options.blank,
                                   offset_mm=(options.offset_x, options.offset_y))
        for item in items:
            failure = None
            if isinstance(item, JobFailure):
                failure = (item.label, item.message)
            else:
                try:
                    laid = layout_versions(item.versions, fonts)
                    for pages in laid:
                        for page in pages:
                            canvas.draw(page)
                    placed.append((item, [len(p) for p in laid]))
                except (FormgenError, ValueError, OSError) as exc:
                    failure = (item.label, str(exc))
            if failure is not None:
                failures.append(failure)
                if on_failure is not None:
                    on_failure(*failure)
            if on_item is not None:
                on_item()
        pdf = canvas.getvalue() if placed else b""
        pages = canvas.pages
    files: list[Path] = []
    if out_dir is not None and placed:
        chunk = ChunkPdf(pdf)
        first = 0
        for job, counts in placed:
            starts = [first + sum(counts[:i]) for i in range(len(counts))]
            for name, versions in _file_names(job, options.draft):
                indices = [p for v in versions for p in range(starts[v], starts[v] + counts[v])]
                with PdfStreamWriter(Path(out_dir) / name, title=job.versions[0].number) as out:
                    out.add(chunk, indices)
                files.append(Path(out_dir) / name)
            first += sum(counts)
    return _ChunkOut(pdf if keep_pdf else b"", len(placed), failures, files, len(items), pages)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _warm(options: RenderOptions, items: Sequence[CertificateJob | JobFailure]) -> None:
    """Fill the per-process caches (font, frame, static layers, logos) before forking.

    Forked workers inherit them instead of each building its own.
    """
    fonts = load_fonts(options.font)
    ornament_operators("certificate")
    for item in items[:1]:
        if isinstance(item, CertificateJob):
            for version in item.versions:
                try:
                    static_layer(static_key(version, "certificate"), fonts)
                    static_layer(static_key(version, "appendix"), fonts)
                except FormgenError:
                    pass  # reported when the item is drawn


def _pool_context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def render_batch(
    items: Iterable[CertificateJob | JobFailure],
    *,
    merge: str | os.PathLike | None = None,
    out_dir: str | os.PathLike | None = None,
    options: RenderOptions = RenderOptions(),
    jobs: int = 1,
    total: int | None = None,
    progress: Callable[[int], None] | None = None,
    on_failure: Callable[[str, str], None] | None = None,
    title: str = "",
) -> BatchResult:
    """Print every item; join them into ``merge`` and/or one file each under ``out_dir``.

    ``progress(n)`` is called as n more items are done and ``on_failure(label,
    message)`` as an item fails. Failures are collected in the result, never
    raised; the merged file is written (atomically) with the certificates
    that printed.
    """
    if merge is None and out_dir is None:
        raise ValueError("render_batch needs merge= or out_dir=")
    result = BatchResult()
    size = chunk_size(total)
    out = str(out_dir) if out_dir is not None else None
    if out is not None:
        Path(out).mkdir(parents=True, exist_ok=True)
    writer = PdfStreamWriter(merge, title=title) if merge is not None else None
    keep = writer is not None

    def collect(chunk: _ChunkOut) -> None:
        result.printed += chunk.printed
        result.failures += chunk.failures
        result.files += chunk.files
        result.pages += chunk.pages
        if writer is not None and chunk.pdf:
            writer.add(ChunkPdf(chunk.pdf))
        if jobs > 1:
            if on_failure is not None:
                for failure in chunk.failures:
                    on_failure(*failure)
            if progress is not None:
                progress(chunk.done)

    try:
        if jobs <= 1:
            tick = (lambda: progress(1)) if progress is not None else None
            for batch in _chunks(items, size):
                collect(render_chunk(batch, options, out, keep, tick, on_failure))
        else:
            chunks = _chunks(items, size)
            first = next(chunks, None)
            if first is not None:
                _warm(options, first)
                chunks = itertools.chain([first], chunks)
            with _pool_context().Pool(jobs) as pool:
                pending: deque = deque()
                for batch in chunks:
                    pending.append(pool.apply_async(render_chunk, (batch, options, out, keep)))
                    if len(pending) >= 2 * jobs:
                        collect(pending.popleft().get())
                while pending:
                    collect(pending.popleft().get())
        if writer is not None:
            if writer.page_count:
                writer.close()
            else:
                writer.abort()
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    return result


def render_certificate_pdf(
    versions: Sequence[CertificateData],
    path: str | os.PathLike,
    *,
    draft: bool = False,
    blank: bool = False,
    offset_mm: tuple[float, float] = (0.0, 0.0),
    font: str | None = None,
    siblings: Sequence[CertificateData] = (),
) -> int:
    """Render one certificate (its languages page after page) into ``path``; returns pages.

    ``siblings`` are its other language versions printed into other files: the
    scope goes to the appendix in all of them if it does in one.

    Raises the ``CertificateError`` of the first version that cannot be drawn;
    no file is left behind then.
    """
    fonts = load_fonts(font)
    with plain_streams():
        canvas = CertificateCanvas(fonts, draft=draft, blank=blank, offset_mm=offset_mm)
        for pages in layout_versions(versions, fonts, siblings=siblings):  # raises before drawing
            for page in pages:
                canvas.draw(page)
        pdf = canvas.getvalue()
    title = versions[0].number if versions else ""
    with PdfStreamWriter(path, title=title) as out:
        out.add(ChunkPdf(pdf))
    return canvas.pages
