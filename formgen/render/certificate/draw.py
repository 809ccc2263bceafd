"""Drawing laid-out pages with reportlab, the static layer once per document.

The static layer of each key (frame, logos, labels) becomes one Form XObject
the first time a page needs it and is placed with ``doForm`` afterwards: a
batch draws the frame's thousands of curve points once per PDF, not once per
page. Variable text goes into one text object per page; the QR code is a
single filled path. Output is ``invariant`` (no dates, fixed IDs) and its
streams are Flate-compressed without ASCII85 (which only makes them larger).

``--blank`` draws the variable layer alone, shifted by the calibration offset,
for pre-printed certificate blanks. ``--draft`` puts ПРОЕКТ / DRAFT across the
page, and an archive copy of a certificate not in force its status line, in a
pale colour under the content (an opaque colour, not transparency: reportlab
does not carry a transparency state into a Form XObject's resources) and in
the margins.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from contextlib import contextmanager

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from formgen.render.certificate.fonts import Fonts
from formgen.render.certificate.geometry import MM, PAGE_H, PAGE_W, PALETTE
from formgen.render.certificate.layout import static_layer
from formgen.render.certificate.logos import logo_image
from formgen.render.certificate.ornament import frame_operators, rosette_operators
from formgen.render.certificate.pages import Layer, Page, StaticKey
from formgen.render.certificate.qr import qr_operators
from formgen.render.certificate.wording import wording

__all__ = ["CertificateCanvas", "ornament_operators", "plain_streams"]


@contextmanager
def plain_streams() -> Iterator[None]:
    """Flate without ASCII85 while a document is drawn and saved.

    reportlab reads this switch from its global config when streams are
    formatted; it is restored afterwards so other PDFs in the process are
    unaffected.
    """
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def ornament_operators(kind: str) -> str:
    """Frame (and, on the certificate itself, the rosette) as PDF operators; cached."""
    frame = frame_operators(PAGE_W, PAGE_H, PALETTE["frame"], PALETTE["frame_light"])
    if kind != "certificate":
        return frame
    return rosette_operators(PAGE_W / 2, PAGE_H * 0.47, 72 * MM, PALETTE["rosette"]) + "\n" + frame


def _draft_mark(lang: str) -> str:
    own = wording(lang).draft
    other = wording("en" if lang == "ru" else "ru").draft
    return f"{own} / {other}"


class CertificateCanvas:
    """A reportlab canvas that draws ``Page``s; ``getvalue()`` saves and returns the PDF."""

    def __init__(self, fonts: Fonts, *, draft: bool = False, blank: bool = False,
                 offset_mm: tuple[float, float] = (0.0, 0.0), title: str = ""):
        self.fonts = fonts
        self.draft = draft
        self.blank = blank
        # positive x moves print right, positive y moves it down (as measured on paper)
        self.offset = (offset_mm[0] * MM, -offset_mm[1] * MM)
        self._buffer = io.BytesIO()
        # The initial font is ours: reportlab's default would put a reference to the
        # non-embedded Helvetica into every page (PDF/A checkers and print shops refuse it).
        self.canvas = Canvas(self._buffer, pagesize=(PAGE_W, PAGE_H), invariant=1,
                             pageCompression=1, initialFontName=fonts.names["regular"])
        self.canvas.setCreator("formgen")
        self.canvas.setProducer("formgen")
        if title:
            self.canvas.setTitle(title)
        self._forms: dict[object, str] = {}
        self.pages = 0

    # -- layers ---------------------------------------------------------------
    def _text(self, layer: Layer) -> None:
        if not layer.lines:
            return
        c = self.canvas
        text = c.beginText()
        names = self.fonts.names
        font = color = None
        word_space = 0.0
        for line in layer.lines:
            if (line.style, line.size) != font:
                font = (line.style, line.size)
                text.setFont(names[line.style], line.size)
            if line.color != color:
                color = line.color
                # on blanks everything prints black: office printers, security paper
                text.setFillColorRGB(*PALETTE["ink" if self.blank else color])
            if line.word_space != word_space:
                word_space = line.word_space
                text.setWordSpace(word_space)
            text.setTextOrigin(line.x, line.y)
            text.textOut(line.text)
        c.drawText(text)

    def _shapes(self, layer: Layer) -> None:
        c = self.canvas
        if layer.fills:
            c.setFillColorRGB(*PALETTE["fill"])
            for x, y, w, h in layer.fills:
                c.rect(x, y, w, h, stroke=0, fill=1)
        if layer.rules:
            c.setStrokeColorRGB(*PALETTE["label"])
            for x0, y0, x1, y1, width in layer.rules:
                c.setLineWidth(width)
                c.line(x0, y0, x1, y1)

    def _static_form(self, key: StaticKey) -> str:
        name = self._forms.get(key)
        if name is not None:
            return name
        layer = static_layer(key, self.fonts)
        name = "S" + hashlib.sha1(repr(key).encode("utf-8")).hexdigest()[:12]
        c = self.canvas
        c.beginForm(name)
        c.addLiteral(ornament_operators(key.kind))
        for field_name, path, x, y, w, h in layer.images:
            c.drawImage(logo_image(path, w, h, field_name), x, y, w, h, preserveAspectRatio=True,
                        anchor="c", mask="auto")
        self._shapes(layer)
        self._text(layer)
        c.endForm()
        self._forms[key] = name
        return name

    def _mark_form(self, mark: str, across: str) -> str:
        """A mark across the page (pale, under the content) and in both margins.

        Serves the draft (ПРОЕКТ / DRAFT) and the status of an archive copy;
        ``across`` is the short text of the diagonal, ``mark`` the margin line.
        """
        key = ("mark", mark, across)
        name = self._forms.get(key)
        if name is not None:
            return name
        name = "M" + hashlib.sha1(repr(key).encode("utf-8")).hexdigest()[:12]
        self.fonts.check(mark, "bold", "draft", None)
        self.fonts.check(across, "bold", "draft", None)
        c = self.canvas
        c.beginForm(name)
        c.saveState()
        c.setFillColorRGB(*PALETTE["draft_light"])  # opaque: drawn under the page's content
        c.translate(PAGE_W / 2, PAGE_H / 2)
        c.rotate(54.7)  # the A4 diagonal
        size = 66.0
        while self.fonts.width(across, "bold", size) > PAGE_H * 1.05 and size > 20:
            size -= 2
        c.setFont(self.fonts.names["bold"], size)
        c.drawCentredString(0, -size * 0.35, across)
        c.restoreState()
        c.saveState()
        c.setFillColorRGB(*PALETTE["draft"])
        size = 9.0
        while self.fonts.width(mark, "bold", size) > PAGE_W - 16 * MM and size > 6:
            size -= 0.5
        c.setFont(self.fonts.names["bold"], size)
        c.drawCentredString(PAGE_W / 2, PAGE_H - 6 * MM, mark)
        c.drawCentredString(PAGE_W / 2, 4 * MM, mark)
        c.restoreState()
        c.endForm()
        self._forms[key] = name
        return name

    # -- pages ----------------------------------------------------------------
    def draw(self, page: Page) -> None:
        """Draw one page and start the next."""
        c = self.canvas
        if self.draft:
            mark = _draft_mark(page.lang)
            c.doForm(self._mark_form(mark, mark))
        if page.mark:
            c.doForm(self._mark_form(page.mark, wording(page.lang).archive_copy))
        if not self.blank:
            c.doForm(self._static_form(page.static_key))
        shifted = self.blank and self.offset != (0.0, 0.0)
        if shifted:
            c.saveState()
            c.translate(*self.offset)
        self._shapes(page.variable)
        self._text(page.variable)
        if page.qr is not None:
            matrix, x, y, size = page.qr
            c.addLiteral(qr_operators(matrix, x, y, size))
        if shifted:
            c.restoreState()
        c.showPage()
        self.pages += 1

    def getvalue(self) -> bytes:
        """Save the document and return its bytes (call once)."""
        self.canvas.save()
        return self._buffer.getvalue()
