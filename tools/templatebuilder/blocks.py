"""The vocabulary of a paper form, drawn with python-docx.

A form is a list of blocks: headings, lines of text, blanks with their small
caption underneath ("подпись", "инициалы, фамилия"), tables whose rows repeat
with docxtpl's ``{%tr %}`` tags, and signature blocks. Jinja tags are always
written inside a single run so Word's run splitting can never cut them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

CAPTION_STYLE = "Подпись под полем"
TITLE_STYLE = "Заголовок формы"
TEXT_WIDTH_MM = 170


@dataclass
class Heading:
    text: str
    size: int = 13


@dataclass
class Line:
    """A paragraph of text (may hold Jinja expressions); ``bold``/``align`` as on paper."""

    text: str
    align: str = "left"
    bold: bool = False
    size: int | None = None
    space_before: int = 0


@dataclass
class Blank:
    """A value on an underlined blank, with its caption underneath."""

    value: str
    caption: str = ""
    align: str = "center"


@dataclass
class Field:
    """A label followed on the same line by an underlined value (+ optional caption)."""

    label: str
    value: str
    caption: str = ""
    label_mm: int = 60


@dataclass
class Column:
    header: str
    value: str
    width_mm: int


@dataclass
class Table:
    """A table with one row per item of ``items`` (a list in the context)."""

    columns: list[Column]
    items: str
    var: str = "row"
    numbers_row: bool = False


@dataclass
class Sig:
    label: str
    name: str
    label_caption: str = ""


@dataclass
class Signatures:
    """Signature lines: label | ______ (подпись) | И. И. Иванов (инициалы, фамилия)."""

    rows: list[Sig]
    stamp: bool = False
    date: str | None = None


@dataclass
class Spacer:
    points: int = 6


@dataclass
class Layout:
    """A whole form: its blocks and a top-right note such as «Приложение 1 к акту»."""

    blocks: list = field(default_factory=list)
    corner: str | None = None


# -- drawing -----------------------------------------------------------------
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def draw(doc, layout: Layout) -> None:
    if layout.corner:
        _para(doc, layout.corner, align="right", size=10)
    for block in layout.blocks:
        _DRAWERS[type(block)](doc, block)


def _para(container, text: str, align="left", bold=False, size=None, style=None, before=0):
    p = container.add_paragraph(style=style)
    p.alignment = _ALIGN[align]
    p.paragraph_format.space_before = Pt(before)
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
    return p


def _heading(doc, block: Heading) -> None:
    p = _para(doc, block.text, align="center", bold=True, style=TITLE_STYLE, before=6)
    p.paragraph_format.space_after = Pt(6)


def _line(doc, block: Line) -> None:
    _para(doc, block.text, align=block.align, bold=block.bold, size=block.size, before=block.space_before)


def _blank(doc, block: Blank) -> None:
    p = _para(doc, block.value, align=block.align)
    _bottom_border(p)
    if block.caption:
        _para(doc, block.caption, align="center", style=CAPTION_STYLE)


def _field(doc, block: Field) -> None:
    table = _layout_table(doc, [block.label_mm, TEXT_WIDTH_MM - block.label_mm], rows=1)
    label, value = table.rows[0].cells
    label.paragraphs[0].add_run(block.label)
    value.paragraphs[0].add_run(block.value)
    _cell_bottom_border(value)
    if block.caption:
        row = table.add_row()
        _set_widths(table, [block.label_mm, TEXT_WIDTH_MM - block.label_mm])
        cap = row.cells[1].paragraphs[0]
        cap.style = doc.styles[CAPTION_STYLE]
        cap.add_run(block.caption)


def _table(doc, block: Table) -> None:
    widths = [c.width_mm for c in block.columns]
    table = doc.add_table(rows=1, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _grid_borders(table)
    for cell, col in zip(table.rows[0].cells, block.columns, strict=True):
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(col.header).bold = True
    _repeat_header(table.rows[0])
    if block.numbers_row:
        row = table.add_row()
        for i, cell in enumerate(row.cells, 1):
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            cell.paragraphs[0].add_run(str(i)).font.size = Pt(9)
    table.add_row().cells[0].paragraphs[0].add_run(f"{{%tr for {block.var} in {block.items} %}}")
    row = table.add_row()
    for cell, col in zip(row.cells, block.columns, strict=True):
        cell.paragraphs[0].add_run(col.value)
    table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
    _set_widths(table, widths)
    _para(doc, "")


def _signatures(doc, block: Signatures) -> None:
    widths = [70, 40, 60]
    table = _layout_table(doc, widths, rows=0)
    for sig in block.rows:
        row = table.add_row()
        row.cells[0].paragraphs[0].add_run(sig.label)
        _cell_bottom_border(row.cells[1])
        row.cells[2].paragraphs[0].add_run(sig.name)
        row.cells[2].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _cell_bottom_border(row.cells[2])
        captions = table.add_row()
        for cell, text in zip(captions.cells, (sig.label_caption, "подпись", "инициалы, фамилия"),
                              strict=True):
            p = cell.paragraphs[0]
            p.style = doc.styles[CAPTION_STYLE]
            if text:
                p.add_run(text)
    _set_widths(table, widths)
    if block.stamp:
        _para(doc, "м.п.", before=6)
    if block.date is not None:
        _para(doc, f"Дата {block.date}", before=6)


def _spacer(doc, block: Spacer) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(block.points)


_DRAWERS = {
    Heading: _heading,
    Line: _line,
    Blank: _blank,
    Field: _field,
    Table: _table,
    Signatures: _signatures,
    Spacer: _spacer,
}


# -- low-level XML helpers -----------------------------------------------------
def _border(tag: str, val="single", sz="4") -> OxmlElement:
    el = OxmlElement(f"w:{tag}")
    el.set(qn("w:val"), val)
    el.set(qn("w:sz"), sz)
    el.set(qn("w:space"), "0")
    el.set(qn("w:color"), "000000")
    return el


def _bottom_border(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bdr.append(_border("bottom"))
    ppr.append(bdr)


def _cell_bottom_border(cell) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    borders.append(_border("bottom"))
    tcpr.append(borders)


def _grid_borders(table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_border(edge))
    tblpr.append(borders)


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _layout_table(doc, widths_mm: list[int], rows: int):
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_widths(table, widths_mm)
    return table


def _set_widths(table, widths_mm: list[int]) -> None:
    # Word reads cell widths, LibreOffice the table grid: set both.
    for col, width in zip(table._tbl.tblGrid.gridCol_lst, widths_mm, strict=True):
        col.w = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
