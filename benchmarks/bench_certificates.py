"""How fast formgen prints certificates, against the two usual routes.

    .venv/bin/python benchmarks/bench_certificates.py              # everything, ~5 minutes
    .venv/bin/python benchmarks/bench_certificates.py --quick      # smaller counts
    .venv/bin/python benchmarks/bench_certificates.py --json r.json

What is measured, all in one run so the ratios compare like with like:

1. **Straightforward reportlab loop**: one canvas, one merged PDF; every page
   redraws its frame, logos and labels; one ``Paragraph`` per field; the QR
   code by reportlab's own ``QrCodeWidget``. Default reportlab settings.
2. **formgen, one core**: ``render_batch(..., jobs=1)`` into one merged PDF.
3. **formgen, --jobs 2**: the same with two worker processes.
4. **docxtpl + LibreOffice**: docxtpl renders a one-page DOCX certificate (with
   logos and a segno QR image); ``soffice --headless --convert-to pdf``
   converts them, once one process per document and once one process for a
   batch. The route's rate is 1 / (docxtpl time + batch conversion time per
   document). Without ``soffice`` on PATH the issue's reference figures are
   printed, labelled as such.
5. **Peak memory** of a one-core batch of 100 and of 10,000 certificates, each
   run in its own wrapper process that reads
   ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` after its child exits.

Every certificate is a full one-page certificate of the sample register
(Cyrillic TrueType text, two logos, a QR code with the verification URL),
with a unique number. Timings are wall-clock, best of ``--repeat`` interleaved
runs; the load average and the cores the ``--jobs 2`` run actually kept busy
(CPU seconds / wall seconds) are printed, because other work on the machine
changes them, and, before each ``--jobs 2`` run, the speed-up two plain busy
loops get from two processes at that moment — the ceiling for any program.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from formgen.registertable import register_jobs  # noqa: E402
from formgen.render.certificate.batch import CertificateJob, render_batch  # noqa: E402
from formgen.render.certificate.data import CertificateData  # noqa: E402
from formgen.render.certificate.fonts import load_fonts  # noqa: E402
from formgen.render.certificate.qr import qr_payload  # noqa: E402
from formgen.render.certificate.wording import wording  # noqa: E402
from formgen.text.dates import long_date  # noqa: E402

SAMPLE = ROOT / "samples" / "certificates.csv"
REFERENCE = {  # the issue's figures for a 2-core machine, used when soffice is absent
    "docxtpl_ms": 35.0,
    "soffice_single_s": 1.0,
    "soffice_batch_s": 0.17,
}


# -- data --------------------------------------------------------------------
def _base_records() -> list[CertificateData]:
    _, jobs = register_jobs(SAMPLE, ["ru"])
    return [dataclasses.replace(j.versions[0], sites=()) for j in jobs
            if isinstance(j, CertificateJob)]


def records(count: int) -> Iterator[CertificateData]:
    """``count`` one-page certificates, cycling through the sample register."""
    base = _base_records()
    for i in range(count):
        data = base[i % len(base)]
        number = f"ЭС.RU.СЭМ.{10000 + i:05d}-25"
        yield dataclasses.replace(data, number=number, registration_number=number,
                                  register_number=f"РОСС RU.З1234.04ЭСТ0.СЭМ.{i:05d}")


def jobs_of(items) -> Iterator[CertificateJob]:
    for i, data in enumerate(items):
        yield CertificateJob(f"row {i + 2}", (data,), f"c{i}")


# -- 1. the straightforward reportlab loop -----------------------------------
def baseline(items: list[CertificateData], path: Path) -> float:
    """One Paragraph per field, reportlab's QR widget, static parts redrawn per page."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.enums import TA_CENTER, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph

    fonts = load_fonts()  # the same Liberation Serif TTFs, registered with reportlab
    regular, bold, italic = (fonts.names[s] for s in ("regular", "bold", "italic"))

    def style(name, font, size, align=TA_CENTER):
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.2,
                              alignment=align)

    styles = {
        "small": style("small", regular, 8.5), "body": style("body", bold, 10),
        "title": style("title", bold, 22), "sub": style("sub", italic, 13),
        "number": style("number", bold, 16), "italic": style("italic", italic, 11),
        "holder": style("holder", bold, 14), "text": style("text", regular, 11),
        "scope": style("scope", bold, 12.5), "label": style("label", regular, 10.5, TA_LEFT),
        "value": style("value", bold, 11.5, TA_LEFT),
    }
    width, height = A4
    w = wording("ru")

    def para(c, text, name, x, top, box):
        p = Paragraph(escape(text), styles[name])
        _, h = p.wrapOn(c, box, 400)
        p.drawOn(c, x, height - top - h)

    start = time.perf_counter()
    c = Canvas(str(path), pagesize=A4, invariant=1)
    for d in items:
        c.setLineWidth(1.2)
        c.rect(9 * mm, 9 * mm, width - 18 * mm, height - 18 * mm)
        c.setLineWidth(0.5)
        c.rect(16 * mm, 16 * mm, width - 32 * mm, height - 32 * mm)
        for logo, x in ((d.body_logo, 24), (d.accreditation_logo, 161)):
            c.drawImage(str(logo), x * mm, height - 47 * mm, 25 * mm, 25 * mm,
                        preserveAspectRatio=True, mask="auto")
        para(c, d.system_name, "small", 52 * mm, 21 * mm, 106 * mm)
        para(c, f"{d.body_name} ({d.body_short_name})", "body", 52 * mm, 25 * mm, 106 * mm)
        para(c, f"{d.body_address}. {w.body_registration.format(number=d.body_registration_number)}",
             "small", 52 * mm, 38 * mm, 106 * mm)
        para(c, w.title, "title", 24 * mm, 54 * mm, 162 * mm)
        para(c, w.subtitle, "sub", 24 * mm, 65 * mm, 162 * mm)
        para(c, w.number.format(number=d.number), "number", 24 * mm, 74 * mm, 162 * mm)
        para(c, w.issue.format(issue=d.issue, year=d.certified_since), "italic", 24 * mm,
             83 * mm, 162 * mm)
        para(c, w.issued_to, "italic", 24 * mm, 91 * mm, 162 * mm)
        para(c, d.holder_name, "holder", 29 * mm, 98 * mm, 152 * mm)
        para(c, d.holder_address, "text", 29 * mm, 113 * mm, 152 * mm)
        para(c, w.scope_lead, "italic", 24 * mm, 127 * mm, 162 * mm)
        para(c, d.scope, "scope", 29 * mm, 140 * mm, 152 * mm)
        para(c, w.conforms.format(standard=d.standard or w.default_standard), "body", 24 * mm,
             180 * mm, 162 * mm)
        para(c, w.clarification, "small", 29 * mm, 188 * mm, 152 * mm)
        for i, (label, value) in enumerate((
            (w.registration_number, d.registration_number),
            (w.registration_date, long_date(d.registration_date, "ru")),
            (w.valid_until, long_date(d.valid_until, "ru")),
        )):
            para(c, label, "label", 24 * mm, (202 + 7 * i) * mm, 60 * mm)
            para(c, value, "value", 86 * mm, (202 + 7 * i) * mm, 70 * mm)
        para(c, w.head, "label", 24 * mm, 234 * mm, 62 * mm)
        para(c, d.head.printed("ru"), "value", 133 * mm, 236 * mm, 53 * mm)
        para(c, w.chairman, "label", 24 * mm, 248 * mm, 62 * mm)
        para(c, d.chairman.printed("ru"), "value", 133 * mm, 249 * mm, 53 * mm)
        para(c, w.seal, "label", 40 * mm, 259 * mm, 40 * mm)
        para(c, w.register_number, "small", 24 * mm, 267 * mm, 96 * mm)
        para(c, d.register_number, "value", 122 * mm, 268 * mm, 64 * mm)
        size = 26 * mm
        widget = QrCodeWidget(qr_payload(d), barWidth=size, barHeight=size, barLevel="M")
        drawing = Drawing(size, size)
        drawing.add(widget)
        renderPDF.draw(drawing, c, 160 * mm, height - 225.5 * mm)
        c.showPage()
    c.save()
    return time.perf_counter() - start


# -- 2, 3. formgen -----------------------------------------------------------
def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def ours(items, count: int, path: Path, jobs: int, cpu: list | None = None) -> float:
    """Seconds for ``count`` certificates into one merged PDF; appends CPU seconds to ``cpu``."""
    cpu_start, start = _cpu(), time.perf_counter()
    result = render_batch(jobs_of(items), merge=path, total=count, jobs=jobs)
    elapsed = time.perf_counter() - start
    if cpu is not None:
        cpu.append(_cpu() - cpu_start)
    if result.failures or result.printed != count:
        raise SystemExit(f"formgen failed: {result.failures[:3]}")
    return elapsed


# -- 4. docxtpl + LibreOffice --------------------------------------------------
def _docx_template(path: Path) -> None:
    """A one-page certificate template with Jinja fields, as a body would make it in Word."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    doc.styles["Normal"].font.name = "Liberation Serif"
    doc.styles["Normal"].font.size = Pt(11)

    def line(text, size=11, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER):
        p = doc.add_paragraph()
        p.alignment = align
        p.paragraph_format.space_after = Pt(3)
        run = p.add_run(text)
        run.font.size, run.bold, run.italic = Pt(size), bold, italic

    line("{{ logo1 }}    {{ body_name }}    {{ logo2 }}", 9, True)
    line("{{ body_address }}", 8.5)
    w = wording("ru")
    line(w.title, 22, True)
    line(w.subtitle, 13, italic=True)
    line("№ {{ number }}", 16, True)
    line("{{ issue }}", 11, italic=True)
    line(w.issued_to, 11, italic=True)
    line("{{ holder_name }}", 14, True)
    line("{{ holder_address }}")
    line(w.scope_lead, 11, italic=True)
    line("{{ scope }}", 12.5, True)
    line(w.conforms.format(standard="ГОСТ Р ИСО 14001-2016"), 11, True)
    line(w.clarification, 8.5, italic=True)
    left = WD_ALIGN_PARAGRAPH.LEFT
    line(f"{w.registration_number}: {{{{ registration_number }}}}", align=left)
    line(f"{w.registration_date}: {{{{ registration_date }}}}", align=left)
    line(f"{w.valid_until}: {{{{ valid_until }}}}          {{{{ qr }}}}", align=left)
    line(f"{w.head} ____________ {{{{ head }}}}", align=left)
    line(f"{w.chairman} ____________ {{{{ chairman }}}}", align=left)
    line(f"{w.seal}        {w.register_number}: {{{{ register_number }}}}", 8.5, align=left)
    doc.save(path)


def docx_route(items: list[CertificateData], work: Path, single: int, batch: int) -> dict:
    import segno
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage

    template = work / "certificate.docx"
    _docx_template(template)
    docs = work / "docx"
    docs.mkdir()
    times = []
    for i, d in enumerate(items[:batch]):
        start = time.perf_counter()
        tpl = DocxTemplate(template)
        qr = io.BytesIO()
        segno.make_qr(qr_payload(d), error="m").save(qr, kind="png", scale=6)
        qr.seek(0)
        context = {
            "logo1": InlineImage(tpl, str(d.body_logo), width=Mm(22)),
            "logo2": InlineImage(tpl, str(d.accreditation_logo), width=Mm(22)),
            "qr": InlineImage(tpl, qr, width=Mm(24)),
            "body_name": d.body_name, "body_address": d.body_address, "number": d.number,
            "issue": wording("ru").issue.format(issue=d.issue, year=d.certified_since),
            "holder_name": d.holder_name, "holder_address": d.holder_address, "scope": d.scope,
            "registration_number": d.registration_number,
            "registration_date": long_date(d.registration_date, "ru"),
            "valid_until": long_date(d.valid_until, "ru"), "head": d.head.printed("ru"),
            "chairman": d.chairman.printed("ru"), "register_number": d.register_number,
        }
        tpl.render(context, autoescape=True)
        tpl.save(docs / f"c{i:04d}.docx")
        times.append(time.perf_counter() - start)
    result = {"docxtpl_ms": statistics.median(times) * 1000, "source": "measured"}
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        result.update({k: v for k, v in REFERENCE.items() if k != "docxtpl_ms"},
                      source="docxtpl measured; LibreOffice: the issue's reference figures")
        return result
    profile = f"-env:UserInstallation=file://{work / 'lo-profile'}"

    def convert(files, outdir):
        outdir.mkdir(exist_ok=True)
        start = time.perf_counter()
        subprocess.run([soffice, profile, "--headless", "--convert-to", "pdf", "--outdir",
                        str(outdir), *map(str, files)], check=True, capture_output=True,
                       timeout=1800)
        return time.perf_counter() - start

    files = sorted(docs.glob("*.docx"))
    convert(files[:1], work / "warmup")  # the first start creates the user profile
    per_doc = [convert([f], work / f"single{i}") for i, f in enumerate(files[:single])]
    batch_time = convert(files, work / "batch")
    if len(list((work / "batch").glob("*.pdf"))) != len(files):
        raise SystemExit("LibreOffice did not convert every document")
    result.update(soffice_single_s=statistics.median(per_doc),
                  soffice_batch_s=batch_time / len(files))
    return result


# -- the machine's own headroom ----------------------------------------------
def _burn(n: int) -> float:
    start, x = time.perf_counter(), 0
    for i in range(n):
        x += i * i
    return time.perf_counter() - start


def machine_parallelism(n: int = 6_000_000) -> float:
    """Speed-up of two busy loops in two processes over one: ~2 on an idle 2-core machine."""
    import multiprocessing

    single = _burn(n)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_burn, [n, n])
        both = time.perf_counter() - start
    return 2 * single / both


# -- 5. peak memory ----------------------------------------------------------
def peak_memory_kb(count: int) -> int:
    """Peak RSS of a one-core batch of ``count``, read by a wrapper from RUSAGE_CHILDREN."""
    child = [sys.executable, str(Path(__file__).resolve()), "--child-render", str(count)]
    wrapper = (
        "import resource, subprocess, sys\n"
        f"subprocess.run({child!r}, check=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", wrapper], check=True, capture_output=True,
                         text=True, timeout=7200)
    return int(out.stdout.split()[-1])


def child_render(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ours(records(count), count, Path(tmp) / "batch.pdf", 1)


# -- report ------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="certificates per formgen run")
    parser.add_argument("--baseline-count", type=int, default=300,
                        help="certificates for the straightforward loop")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing (best kept)")
    parser.add_argument("--docx-batch", type=int, default=20)
    parser.add_argument("--soffice-single", type=int, default=3)
    parser.add_argument("--memory", default="100,10000", help="batch sizes for peak memory")
    parser.add_argument("--quick", action="store_true", help="smaller counts, no 10,000 run")
    parser.add_argument("--skip-soffice", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--child-render", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_render:
        child_render(args.child_render)
        return
    if args.quick:
        args.count, args.baseline_count, args.memory, args.docx_batch = 300, 100, "100,1000", 8

    load_before = os.getloadavg()
    print(f"cores: {os.cpu_count()}, load average before: {load_before[0]:.2f}", flush=True)
    items = list(records(args.count))
    load_fonts()
    figures: dict = {"count": args.count, "baseline_count": args.baseline_count}
    with tempfile.TemporaryDirectory(prefix="bench-cert-") as tmp:
        work = Path(tmp)
        ours(items[:50], 50, work / "warm.pdf", 1)  # import and cache fonts, logos, frame
        runs = {"baseline": [], "ours1": [], "ours2": []}
        cores_used, headroom = [], []
        for r in range(args.repeat):  # interleaved, so a busy moment hits all routes alike
            t = baseline(items[:args.baseline_count], work / f"baseline{r}.pdf")
            runs["baseline"].append(args.baseline_count / t)
            runs["ours1"].append(args.count / ours(items, args.count, work / f"o1{r}.pdf", 1))
            headroom.append(machine_parallelism())
            cpu: list = []
            t2 = ours(items, args.count, work / f"o2{r}.pdf", 2, cpu)
            runs["ours2"].append(args.count / t2)
            cores_used.append(cpu[0] / t2)
            print(f"run {r + 1}: baseline {runs['baseline'][-1]:.1f}/s, formgen "
                  f"{runs['ours1'][-1]:.1f}/s, --jobs 2 {runs['ours2'][-1]:.1f}/s "
                  f"(using {cores_used[-1]:.2f} cores; two busy loops got "
                  f"{headroom[-1]:.2f}×; load {os.getloadavg()[0]:.2f})", flush=True)
        for key, rates in runs.items():
            figures[f"{key}_per_s"] = max(rates)
        best = runs["ours2"].index(max(runs["ours2"]))
        figures["jobs2_cores_used"] = cores_used[best]
        figures["machine_parallelism"] = headroom[best]
        figures["merged_mb_per_1000"] = (work / "o10.pdf").stat().st_size / args.count / 1000
        if not args.skip_soffice:
            figures["docx"] = docx_route(items, work, args.soffice_single, args.docx_batch)
    if "docx" in figures:
        d = figures["docx"]
        figures["docx_route_per_s"] = 1 / (d["docxtpl_ms"] / 1000 + d["soffice_batch_s"])
    memory = [int(n) for n in args.memory.split(",") if n]
    figures["peak_rss_kb"] = {n: peak_memory_kb(n) for n in memory}
    figures["load_after"] = os.getloadavg()[0]
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False))


def report(f: dict) -> None:
    one, two, base = f["ours1_per_s"], f["ours2_per_s"], f["baseline_per_s"]
    print()
    print("| route | certificates/s | formgen (1 core) is |")
    print("|---|---:|---:|")
    print(f"| straightforward reportlab loop ({f['baseline_count']}) | {base:.1f} | "
          f"{one / base:.1f}× faster |")
    if "docx" in f:
        d = f["docx"]
        print(f"| docxtpl + LibreOffice, batch conversion ({d['source']}) | "
              f"{f['docx_route_per_s']:.1f} | {one / f['docx_route_per_s']:.0f}× faster |")
    print(f"| formgen, one core ({f['count']}) | {one:.1f} | — |")
    print(f"| formgen, --jobs 2 ({f['count']}) | {two:.1f} | {two / one:.2f}× (jobs 2 vs 1) |")
    print(f"\n--jobs 2 kept {f['jobs2_cores_used']:.2f} cores busy in its best run; just before "
          f"it, two plain busy loops ran {f['machine_parallelism']:.2f}× faster than one "
          "(2.0 on an idle two-core machine): the ceiling the machine's other work left.")
    if "docx" in f:
        d = f["docx"]
        print(f"\ndocxtpl render {d['docxtpl_ms']:.0f} ms/document; LibreOffice "
              f"{d['soffice_single_s']:.2f} s/document as one process each, "
              f"{d['soffice_batch_s']:.2f} s/document in one process for a batch")
    rss = f["peak_rss_kb"]
    if len(rss) >= 2:
        small, large = min(rss), max(rss)
        print(f"peak memory: {small} certificates {rss[small] / 1024:.0f} MB, {large} "
              f"certificates {rss[large] / 1024:.0f} MB (ratio {rss[large] / rss[small]:.2f})")
    print(f"merged PDF: {f['merged_mb_per_1000']:.2f} MB per 1,000 certificates; "
          f"load average after: {f['load_after']:.2f}")


if __name__ == "__main__":
    main()
