"""The vocabulary of a paper form, drawn with python-docx.

A form is a list of blocks: headings, lines of text, blanks with their small
caption underneath ("подпись", "инициалы, фамилия"), tables whose rows repeat
with docxtpl's ``{%tr %}`` tags, and signature blocks. Jinja tags are always
written inside a single run so Word's run splitting can never cut them.

Page breaks are decided here once for every form, because a clerk cannot sign
a page that ends with a heading or starts with a lone «м.п.»: a heading or a
label line keeps with what it introduces, a blank with its caption, no table
row splits across pages, and a signature block — signatures, «м.п.» and the
date — sits in one row that a page break cannot cut (LibreOffice and Word
both honour a row's ``cantSplit``; a paragraph's keep-with-next alone is not
enough for a table).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell

CAPTION_STYLE = "Подпись под полем"
TITLE_STYLE = "Заголовок формы"
TEXT_WIDTH_MM = 170


@dataclass
class Heading:
    text: str
    size: int = 13


@dataclass
class Line:
    """A paragraph of text (may hold Jinja expressions); ``bold``/``align`` as on paper.

    ``keep`` keeps it on the page of what follows: a form's lines are labels and
    section titles that introduce the next block; a line of running text that
    ends a thought sets ``keep=False``.
    """

    text: str
    align: str = "left"
    bold: bool = False
    size: int | None = None
    space_before: int = 0
    keep: bool = True


@dataclass
class Blank:
    """A value on an underlined blank, with its caption underneath.

    The value keeps with its caption; ``keep`` also keeps the blank with the
    block after it (the last section of an act, often empty, with the signatures).
    """

    value: str
    caption: str = ""
    align: str = "center"
    keep: bool = False


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
    """A table with one row per item of ``items`` (a list in the context).

    ``keep_rows`` (the default) stops a row breaking across pages; ``size`` sets the font
    size (pt) of headers and rows of a dense table.
    """

    columns: list[Column]
    items: str
    var: str = "row"
    numbers_row: bool = False
    keep_rows: bool = True
    size: int | None = None


@dataclass
class Sig:
    label: str
    name: str
    label_caption: str = ""
    date: str = ""  # printed in the «дата» column when the block is ``dated``


@dataclass
class Signatures:
    """Signature lines: label | ______ (подпись) | И. И. Иванов (инициалы, фамилия).

    ``dated`` adds a «дата» blank before the signature (Annex К). With
    ``items`` the rows repeat once per element of that list (named ``var``),
    e.g. one line per member of the commission. ``label_mm=0`` drops the
    label column (a signature under a label written above it).
    """

    rows: list[Sig]
    stamp: bool = False
    date: str | None = None
    dated: bool = False
    items: str | None = None
    var: str = "sig"
    label_mm: int = 70


@dataclass
class Box:
    """A long text in a ruled frame at least ``lines`` high (a description, an evaluation)."""

    value: str
    lines: int = 3


@dataclass
class Columns:
    """Blocks side by side in invisible columns: two signature columns, an УТВЕРЖДАЮ block
    at the right (an empty first column). Widths default to equal shares of the line.
    The row never breaks across pages, so one column keeps a signature block together."""

    columns: list[list]
    widths_mm: list[int] | None = None


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
    _draw_blocks(doc, layout.blocks, TEXT_WIDTH_MM)


def _draw_blocks(container, blocks: list, width: int) -> None:
    """Draw blocks into the document or a table cell ``width`` mm wide."""
    for block in blocks:
        _DRAWERS[type(block)](container, block, width)


def _para(container, text: str, align="left", bold=False, size=None, style=None, before=0,
          keep=False):
    p = container.add_paragraph(style=style)
    p.alignment = _ALIGN[align]
    p.paragraph_format.space_before = Pt(before)
    if keep:
        p.paragraph_format.keep_with_next = True
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
    return p


def _heading(doc, block: Heading, width: int = TEXT_WIDTH_MM) -> None:
    p = _para(doc, block.text, align="center", bold=True, style=TITLE_STYLE, before=6)
    p.paragraph_format.space_after = Pt(6)


def _line(doc, block: Line, width: int = TEXT_WIDTH_MM) -> None:
    _para(doc, block.text, align=block.align, bold=block.bold, size=block.size, before=block.space_before,
          keep=block.keep)


def _blank(doc, block: Blank, width: int = TEXT_WIDTH_MM) -> None:
    p = _para(doc, block.value, align=block.align, keep=bool(block.caption) or block.keep)
    _bottom_border(p)
    if block.caption:
        _para(doc, block.caption, align="center", style=CAPTION_STYLE, keep=block.keep)


def _field(doc, block: Field, width: int = TEXT_WIDTH_MM) -> None:
    table = _layout_table(doc, [block.label_mm, width - block.label_mm], rows=1)
    _cant_split(table.rows[0])
    label, value = table.rows[0].cells
    label.paragraphs[0].add_run(block.label)
    value.paragraphs[0].add_run(block.value)
    _cell_bottom_border(value)
    if block.caption:
        for cell in table.rows[0].cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = True  # the value with its caption
        row = table.add_row()
        _cant_split(row)
        _set_widths(table, [block.label_mm, width - block.label_mm])
        cap = row.cells[1].paragraphs[0]
        cap.style = CAPTION_STYLE
        cap.add_run(block.caption)


def _table(doc, block: Table, width: int = TEXT_WIDTH_MM) -> None:
    widths = [c.width_mm for c in block.columns]
    table = doc.add_table(rows=1, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _grid_borders(table)
    for cell, col in zip(table.rows[0].cells, block.columns, strict=True):
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(col.header)
        run.bold = True
        if block.size:
            run.font.size = Pt(block.size)
    _repeat_header(table.rows[0])
    if block.numbers_row:
        row = table.add_row()
        for i, cell in enumerate(row.cells, 1):
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            cell.paragraphs[0].add_run(str(i)).font.size = Pt(9)
    table.add_row().cells[0].paragraphs[0].add_run(f"{{%tr for {block.var} in {block.items} %}}")
    row = table.add_row()
    if block.keep_rows:
        _cant_split(row)
    for cell, col in zip(row.cells, block.columns, strict=True):
        run = cell.paragraphs[0].add_run(col.value)
        if block.size:
            run.font.size = Pt(block.size)
    table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
    _set_widths(table, widths)
    _para(doc, "")


def _signatures(doc, block: Signatures, width: int = TEXT_WIDTH_MM) -> None:
    if not isinstance(doc, _Cell):
        # Signatures, «м.п.» and the date in one unbreakable row: never split, never alone.
        _columns(doc, Columns([[block]]), width)
        return
    rest = width - block.label_mm
    date_mm = 42 if block.dated else 0  # room for «17» апреля 2025 г.
    sign_mm = min(40, (rest - date_mm) * 2 // 5) if not block.dated else 30
    widths = [block.label_mm, date_mm, sign_mm, rest - date_mm - sign_mm]
    keep = [i for i, w in enumerate(widths) if w]  # columns this block has
    widths = [widths[i] for i in keep]
    table = _layout_table(doc, widths, rows=0)
    if block.items:
        table.add_row().cells[0].paragraphs[0].add_run(f"{{%tr for {block.var} in {block.items} %}}")
    for sig in block.rows:
        values = [sig.label, sig.date, "", sig.name]
        captions = [sig.label_caption, "дата", "подпись", "инициалы, фамилия"]
        row = table.add_row()
        for cell, i in zip(row.cells, keep, strict=True):
            if values[i]:
                cell.paragraphs[0].add_run(values[i])
            if i in (1, 3):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            if i:
                _cell_bottom_border(cell)
                # The name sits on its line even when a long label wraps.
                cell.vertical_alignment = WD_ALIGN_VERTICAL.BOTTOM
        caption_row = table.add_row()
        for cell, i in zip(caption_row.cells, keep, strict=True):
            p = cell.paragraphs[0]
            p.style = CAPTION_STYLE
            if captions[i]:
                p.add_run(captions[i])
    if block.items:
        table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
    _set_widths(table, widths)
    if block.stamp:
        _para(doc, "м.п.", before=6)
    if block.date is not None:
        _para(doc, f"Дата {block.date}", before=6)


def _spacer(doc, block: Spacer, width: int = TEXT_WIDTH_MM) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(block.points)


def _box(doc, block: Box, width: int = TEXT_WIDTH_MM) -> None:
    table = _layout_table(doc, [width], rows=1)
    _grid_borders(table)
    trpr = table.rows[0]._tr.get_or_add_trPr()
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(int(block.lines * 14 * 20)))  # twips: lines of 12 pt text
    height.set(qn("w:hRule"), "atLeast")
    trpr.append(height)
    p = table.rows[0].cells[0].paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.add_run(block.value)
    _para(doc, "")


def _columns(doc, block: Columns, width: int = TEXT_WIDTH_MM) -> None:
    count = len(block.columns)
    widths = block.widths_mm or [width // count] * (count - 1) + [width - width // count * (count - 1)]
    table = _layout_table(doc, widths, rows=1)
    _no_side_margins(table)  # column content lines up with the text around it
    _cant_split(table.rows[0])
    for cell, blocks, cell_mm in zip(table.rows[0].cells, block.columns, widths, strict=True):
        start = cell.paragraphs[0]._p
        _draw_blocks(cell, blocks, cell_mm)
        if len(cell._tc.xpath("./w:p | ./w:tbl")) > 1:
            cell._tc.remove(start)  # the cell's own empty first paragraph
        if cell._tc[-1].tag != qn("w:p"):
            cell.add_paragraph()  # a cell must end with a paragraph


_DRAWERS = {
    Heading: _heading,
    Line: _line,
    Blank: _blank,
    Field: _field,
    Table: _table,
    Signatures: _signatures,
    Spacer: _spacer,
    Box: _box,
    Columns: _columns,
}


# -- low-level XML helpers -----------------------------------------------------
def _border(tag: str, val="single", sz="4") -> OxmlElement:
    el = OxmlElement(f"w:{tag}")
    el.set(qn("w:val"), val)
    el.set(qn("w:sz"), sz)
    el.set(qn("w:space"), "0")
    el.set(qn("w:color"), "000000")
    return el


_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
    "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)


def _bottom_border(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bdr.append(_border("bottom"))
    # CT_PPr is a sequence: pBdr comes before shd, tabs, spacing, ind, jc … (Word checks it).
    ppr.insert_element_before(bdr, *_AFTER_PBDR)


def _cell_bottom_border(cell) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    borders.append(_border("bottom"))
    existing = tcpr.find(qn("w:tcBorders"))
    if existing is not None:
        tcpr.remove(existing)
    tcpr.insert_element_before(borders, "w:shd", "w:noWrap", "w:tcMar", "w:textDirection",
                               "w:tcFitText", "w:vAlign", "w:hideMark")


def _grid_borders(table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_border(edge))
    tblpr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _no_side_margins(table) -> None:
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    # CT_TblPr is a sequence: tblCellMar comes before tblLook (Word checks the order).
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription",
                                           "w:tblPrChange")


def _cant_split(row) -> None:
    """The row stays whole on one page (a signature block, a register's entry)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


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
