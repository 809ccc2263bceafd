"""The calibration sheet for printing onto pre-printed certificate blanks.

Printers feed paper a millimetre or two off, and each printer differently.
Bodies print the sheet on plain paper, lay it over a blank against the light
and compare: the dashed boxes (shifted by the offsets, exactly as ``--blank``
text will be) should sit on the blank's fields; the rulers (never shifted)
measure how far off they are. The measured shift goes into ``--offset-x`` /
``--offset-y``.
"""

from __future__ import annotations

import io
import os

from reportlab.pdfgen.canvas import Canvas

from formgen.render.certificate.draw import plain_streams
from formgen.render.certificate.fonts import load_fonts
from formgen.render.certificate.geometry import CERTIFICATE, FIELD_NUMBERS, MM, PAGE_H, PAGE_W
from formgen.render.certificate.pdfjoin import ChunkPdf, PdfStreamWriter

__all__ = ["VARIABLE_ZONES", "write_calibration_sheet"]

# Zones the variable layer prints into (what --blank puts on paper).
VARIABLE_ZONES = (
    "number", "issue", "holder", "scope", "note", "registration_number", "registration_date",
    "valid_until", "qr", "head", "chairman", "register_number",
)
_FIELD_OF_ZONE = {"holder": "holder_name", "head": "head", "chairman": "chairman"}
_INSTRUCTIONS = (
    "Напечатайте лист на обычной бумаге тем же принтером и из того же лотка, что и бланки.",
    "Совместите лист с бланком на просвет: перекрестия — на углы внутренней рамки бланка,",
    "пунктирные рамки — на поля бланка.",
    "Сдвиг измерьте по линейкам и задайте параметрами --offset-x (плюс — вправо)",
    "и --offset-y (плюс — вниз) в миллиметрах; затем напечатайте лист ещё раз для проверки.",
)


def _ruler(c, horizontal: bool) -> None:
    length = PAGE_W if horizontal else PAGE_H
    for mm in range(0, int(length / MM) + 1):
        tick = 4 if mm % 10 == 0 else 2.5 if mm % 5 == 0 else 1.2
        pos = mm * MM
        if horizontal:
            c.line(pos, PAGE_H, pos, PAGE_H - tick * MM)
        else:
            c.line(0, PAGE_H - pos, tick * MM, PAGE_H - pos)
        if mm % 10 == 0 and mm:
            if horizontal:
                c.drawCentredString(pos, PAGE_H - 6.5 * MM, str(mm))
            else:
                c.drawString(5 * MM, PAGE_H - pos - 2, str(mm))


def write_calibration_sheet(
    path: str | os.PathLike,
    offset_mm: tuple[float, float] = (0.0, 0.0),
    font: str | None = None,
) -> None:
    """Write the one-page calibration sheet (zones shifted by ``offset_mm``) to ``path``."""
    fonts = load_fonts(font)
    regular, bold = fonts.names["regular"], fonts.names["bold"]
    buffer = io.BytesIO()
    with plain_streams():
        c = Canvas(buffer, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1,
                   initialFontName=regular)  # never reportlab's default Helvetica
        c.setLineWidth(0.3)
        c.setFont(regular, 6.5)
        _ruler(c, True)
        _ruler(c, False)
        c.setFont(bold, 12)
        c.drawCentredString(PAGE_W / 2, PAGE_H - 14 * MM, "Калибровка печати на бланках сертификатов")
        c.setFont(regular, 9)
        dx, dy = offset_mm
        c.drawCentredString(PAGE_W / 2, PAGE_H - 19 * MM,
                            f"Смещение: X = {dx:+.1f} мм (вправо), Y = {dy:+.1f} мм (вниз)")
        c.saveState()
        c.translate(dx * MM, -dy * MM)
        c.setStrokeColorRGB(0.15, 0.35, 0.85)
        c.setFillColorRGB(0.15, 0.35, 0.85)
        c.setDash(3, 2)
        c.setFont(regular, 7)
        for name in VARIABLE_ZONES:
            zone = CERTIFICATE[name]
            c.rect(zone.x, zone.bottom, zone.width, zone.height)
            number = FIELD_NUMBERS.get(_FIELD_OF_ZONE.get(name, name))
            label = f"{number}: {name}" if number else name
            c.drawString(zone.x + 1 * MM, zone.top - 2.8 * MM, label)
        c.setDash()
        # crosshairs on the corners of the blank's inner frame rule (see ornament.py)
        for x_mm, y_mm in ((17.4, 17.4), (192.6, 17.4), (17.4, 279.6), (192.6, 279.6)):
            x, y = x_mm * MM, PAGE_H - y_mm * MM
            c.line(x - 4 * MM, y, x + 4 * MM, y)
            c.line(x, y - 4 * MM, x, y + 4 * MM)
            c.circle(x, y, 1.5 * MM)
        c.restoreState()
        c.setFont(regular, 8.5)
        c.setFillColorRGB(0, 0, 0)
        for i, text in enumerate(_INSTRUCTIONS):
            fonts.check(text, "regular", "calibration")
            c.drawCentredString(PAGE_W / 2, PAGE_H - (27 + i * 4) * MM, text)
        c.showPage()
        c.save()
    with PdfStreamWriter(path, title="Калибровка бланков") as out:
        out.add(ChunkPdf(buffer.getvalue()))
