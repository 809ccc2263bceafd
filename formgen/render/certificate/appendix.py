"""The appendix to a certificate: the full scope and the table of sites.

Annex Р sends production sites (note to field 6) and a scope too long for the
page (note to field 7) to an appendix. Its content flows over as many sheets
as it needs: headings keep with what follows, table rows move whole to the
next sheet when they fit there, and only a row taller than a whole sheet is
split, line by line, with the table header repeated. Nothing is shrunk.
"""

from __future__ import annotations

from formgen.render.certificate.data import CertificateData, clean_text
from formgen.render.certificate.errors import overflow
from formgen.render.certificate.fonts import Fonts
from formgen.render.certificate.geometry import APPENDIX, MM
from formgen.render.certificate.pages import Layer, Page, StaticKey
from formgen.render.certificate.textfit import LEADING, Line, Segment, fit, wrap
from formgen.render.certificate.wording import Wording
from formgen.text.dates import long_date

__all__ = ["layout_appendix"]

_TEXT = 11.0  # scope paragraph size
_CELL = 9.5  # table text size
_HEAD = 9.0  # table header size
_HEADING = 11.5
_COLUMNS_MM = (14.0, 70.0, 78.0)
_PAD_X = 1.6 * MM
_PAD_Y = 1.3 * MM
_BASE = (LEADING + 0.93 - 0.24) / 2  # baseline below a line's top, em (see textfit)


class _Flow:
    """Places content top-down over as many sheets as needed."""

    def __init__(self, fonts: Fonts, lang: str):
        self.fonts = fonts
        self.lang = lang
        self.box = APPENDIX["content"]
        self.pages: list[Layer] = []
        self.new_page()

    def new_page(self) -> None:
        self.pages.append(Layer())
        self.y = self.box.top

    @property
    def layer(self) -> Layer:
        return self.pages[-1]

    def room(self) -> float:
        return self.y - self.box.bottom

    def text_line(self, text: str, style: str, size: float, x: float, field: str,
                  color: str = "ink", justify: float | None = None) -> None:
        """A line at the current position; ``justify`` stretches it to that width."""
        self.fonts.check(text, style, field, self.lang)
        width = self.fonts.width(text, style, size)
        baseline = self.y - size * _BASE
        spaces = text.count(" ")
        word_space = 0.0
        if justify is not None and spaces and justify > width:
            word_space = (justify - width) / spaces
            width = justify
        self.layer.lines.append(
            Line(text, x, baseline, size, style, width, field, color, word_space)
        )

    def heading(self, text: str, keep: float) -> None:
        """A section heading, kept on the same sheet as ``keep`` points of what follows."""
        gap = 0.0 if self.y == self.box.top else 3 * MM
        height = gap + _HEADING * LEADING + 1 * MM
        if self.room() < height + keep:
            self.new_page()
            gap, height = 0.0, _HEADING * LEADING + 1 * MM
        self.y -= gap
        self.text_line(text, "bold", _HEADING, self.box.x, "appendix_heading", "accent")
        self.y -= height - gap

    def paragraph(self, text: str, field: str) -> None:
        """Justified text (the last line of each paragraph left-aligned), over sheets."""
        pitch = _TEXT * LEADING
        for paragraph in text.split("\n"):
            lines = wrap(self.fonts, paragraph, "regular", _TEXT, self.box.width)
            for i, (line, _) in enumerate(lines):
                if self.room() < pitch:
                    self.new_page()
                last = i == len(lines) - 1
                self.text_line(line, "regular", _TEXT, self.box.x, field,
                               justify=None if last else self.box.width)
                self.y -= pitch

    # -- the table of sites ---------------------------------------------------
    def _columns(self) -> list[tuple[float, float]]:
        x = self.box.x
        cols = []
        for width_mm in _COLUMNS_MM:
            cols.append((x, width_mm * MM))
            x += width_mm * MM
        return cols

    def _cell(self, parts: list[tuple[str, str]], width: float) -> list[tuple[str, str]]:
        lines: list[tuple[str, str]] = []
        for text, style in parts:
            lines += [(t, style) for t, _ in wrap(self.fonts, text, style, _CELL, width)]
        return lines

    def _row(self, cells: list[list[tuple[str, str]]], size: float, fill: bool,
             field: str) -> None:
        """Draw one (part of a) row whose lines all fit in the room left."""
        pitch = size * LEADING
        height = max(len(c) for c in cells) * pitch + 2 * _PAD_Y
        top, bottom = self.y, self.y - height
        cols = self._columns()
        left, right = cols[0][0], cols[-1][0] + cols[-1][1]
        if fill:
            self.layer.fills.append((left, bottom, right - left, height))
        for (x, width), lines in zip(cols, cells, strict=True):
            self.y = top - _PAD_Y
            for text, style in lines:
                self.text_line(text, style, size, x + _PAD_X, field)
                self.y -= pitch
            self.layer.rules.append((x, top, x, bottom, 0.5))
            del width
        self.layer.rules += [(right, top, right, bottom, 0.5), (left, top, right, top, 0.5),
                             (left, bottom, right, bottom, 0.5)]
        self.y = bottom

    def table(self, w: Wording, rows: list[list[list[tuple[str, str]]]]) -> None:
        cols = self._columns()
        header = [self._cell([(t, "bold")], width - 2 * _PAD_X) for (_, width), t in
                  zip(cols, (w.column_no, w.column_site, w.column_scope), strict=True)]
        header_h = max(len(c) for c in header) * _HEAD * LEADING + 2 * _PAD_Y
        pitch = _CELL * LEADING
        self._row(header, _HEAD, True, "appendix_table_header")
        for row in rows:
            while row:
                need = max(len(c) for c in row) * pitch + 2 * _PAD_Y
                if need <= self.room():
                    self._row(row, _CELL, False, "sites")
                    break
                fresh = self.box.height - (_HEADING * LEADING + 1 * MM) - header_h
                fits_lines = int((self.room() - 2 * _PAD_Y) // pitch)
                if need <= fresh or fits_lines < 2:
                    self._continue(w, header)
                    continue
                head = [c[:fits_lines] for c in row]
                row = [c[fits_lines:] for c in row]
                self._row(head, _CELL, False, "sites")
                self._continue(w, header)

    def _continue(self, w: Wording, header) -> None:
        self.new_page()
        self.heading(f"{w.appendix_sites} {w.continued}", 0)
        self._row(header, _HEAD, True, "appendix_table_header")


def layout_appendix(
    data: CertificateData, fonts: Fonts, w: Wording, scope: str | None, key: StaticKey
) -> list[Page]:
    """Appendix sheets for the sites and, if it did not fit field 7, the scope."""
    if not data.sites and scope is None:
        return []
    lang = data.lang
    flow = _Flow(fonts, lang)
    if scope is not None:
        flow.heading(w.appendix_scope, 3 * _TEXT * LEADING)
        flow.paragraph(f"{w.scope_lead} {scope}", "scope")
    if data.sites:
        cols = flow._columns()
        rows = []
        for i, site in enumerate(data.sites, 1):
            name, address = clean_text(site.name), clean_text(site.address)
            site_scope = clean_text(site.scope, paragraphs=True) or "—"
            rows.append([
                flow._cell([(f"{i}", "regular")], cols[0][1] - 2 * _PAD_X),
                flow._cell([(name, "bold"), (address, "regular")], cols[1][1] - 2 * _PAD_X),
                flow._cell([(site_scope, "regular")], cols[2][1] - 2 * _PAD_X),
            ])
        flow.heading(w.appendix_sites, 4 * _CELL * LEADING + 4 * _PAD_Y)
        flow.table(w, rows)
    pages = []
    total = len(flow.pages)
    number = clean_text(data.number)
    for index, layer in enumerate(flow.pages, 1):
        header = [
            ("sheet", w.sheet.format(page=index, pages=total), "regular", 9.0, "label"),
            ("appendix_to", w.appendix_to.format(number=number), "bold", 11.5, "accent"),
            ("appendix_registration", w.appendix_registration.format(
                number=clean_text(data.registration_number),
                date=long_date(data.registration_date, lang)), "regular", 10.0, "ink"),
            ("holder", w.appendix_holder.format(holder=clean_text(data.holder_name)), "bold",
             10.0, "ink"),
            ("head", data.head.printed(lang), "bold", 11.5, "ink"),
        ]
        for name, text, style, size, color in header:
            lines = fit(fonts, [Segment(text, name, style, size, 8.0, color=color)],
                        APPENDIX[name])
            if lines is None:
                raise overflow(name, text, 8.0, lang)
            for line in lines:
                fonts.check(line.text, line.style, line.field, lang)
            layer.lines.extend(lines)
        pages.append(Page(lang, key, layer, None))
    return pages
