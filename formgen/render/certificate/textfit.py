"""Measured line breaking and shrink-to-fit for fixed fields.

A certificate is a form with fixed fields (the same positions a pre-printed
blank has), so each value must fit its box. reportlab's Paragraph would do it
but parses markup (``&`` and ``<`` in names would need escaping) and costs
more than the rest of the page; a greedy breaker over advance widths is all a
certificate needs. Sizes shrink in small steps down to a per-field legible
minimum; below it ``fit`` returns ``None`` and the caller decides (the scope
moves to the appendix, a name that cannot fit is an error).

Coordinates are PDF points, origin bottom-left; ``Zone.top`` is the top edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from formgen.render.certificate.fonts import Fonts

__all__ = ["LEADING", "Line", "Segment", "Zone", "fit", "line_box", "wrap"]

LEADING = 1.2  # line height as a multiple of the font size
_ASCENT = 0.93  # glyph top above the baseline (accented capitals), em
_DESCENT = 0.24  # glyph bottom below the baseline, em


@dataclass(frozen=True, slots=True)
class Zone:
    """A rectangular field: left x, top y, width, height (points)."""

    x: float
    top: float
    width: float
    height: float
    align: str = "center"  # left | center | right
    valign: str = "middle"  # top | middle

    @property
    def bottom(self) -> float:
        return self.top - self.height


@dataclass(frozen=True, slots=True)
class Segment:
    """One run of text in a zone, e.g. the holder's name (bold) or address."""

    text: str
    field: str
    style: str = "regular"
    size: float = 11.0
    min_size: float = 9.0
    space_before: float = 0.0  # extra gap above, in em of this segment
    color: str = "ink"


@dataclass(frozen=True, slots=True)
class Line:
    """A positioned line of text, ready to draw."""

    text: str
    x: float
    y: float  # baseline
    size: float
    style: str
    width: float
    field: str
    color: str = "ink"
    word_space: float = 0.0  # extra points per space, for justified lines


def line_box(line: Line) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) that the line's glyphs occupy, for overlap and page checks."""
    return (
        line.x,
        line.y - _DESCENT * line.size,
        line.x + line.width,
        line.y + _ASCENT * line.size,
    )


def _split_long(word: str, widths: dict, default: float, limit: float) -> list[tuple[str, float]]:
    """Break a word wider than the line (a long URL or code) between characters."""
    pieces: list[tuple[str, float]] = []
    start, acc = 0, 0.0
    for i, ch in enumerate(word):
        w = widths.get(ord(ch), default)
        if acc + w > limit and i > start:
            pieces.append((word[start:i], acc))
            start, acc = i, 0.0
        acc += w
    pieces.append((word[start:], acc))
    return pieces


def wrap(fonts: Fonts, text: str, style: str, size: float, width: float) -> list[tuple[str, float]]:
    """Greedy line breaking at spaces; returns (line, width in points) pairs.

    Line feeds are paragraph breaks; a no-break space never breaks.
    """
    widths, default = fonts.char_widths(style)
    limit = width * 1000.0 / size
    space = widths.get(32, default)
    scale = size / 1000.0
    out: list[tuple[str, float]] = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        current: list[str] = []
        acc = 0.0
        for word in words:
            if not word:
                continue
            w = sum([widths.get(code, default) for code in map(ord, word)])
            pieces = [(word, w)] if w <= limit else _split_long(word, widths, default, limit)
            for piece, pw in pieces:
                if current and acc + space + pw <= limit:
                    current.append(piece)
                    acc += space + pw
                    continue
                if current:
                    out.append((" ".join(current), acc * scale))
                current, acc = [piece], pw
        if current:
            out.append((" ".join(current), acc * scale))
    return out


def _place(
    zone: Zone, blocks: list[tuple[Segment, float, list[tuple[str, float]]]]
) -> list[Line]:
    total = sum(
        len(lines) * size * LEADING + seg.space_before * size for seg, size, lines in blocks
    )
    y = zone.top
    if zone.valign == "middle":
        y -= max(0.0, (zone.height - total) / 2)
    placed: list[Line] = []
    for seg, size, lines in blocks:
        y -= seg.space_before * size
        for text, w in lines:
            baseline = y - size * (LEADING + _ASCENT - _DESCENT) / 2
            if zone.align == "center":
                x = zone.x + (zone.width - w) / 2
            elif zone.align == "right":
                x = zone.x + zone.width - w
            else:
                x = zone.x
            placed.append(Line(text, x, baseline, size, seg.style, w, seg.field, seg.color))
            y -= size * LEADING
    return placed


def fit(fonts: Fonts, segments: list[Segment], zone: Zone, step: float = 0.04) -> list[Line] | None:
    """Lay segments out in the zone, shrinking all together; ``None`` if they never fit.

    Each segment stops shrinking at its own ``min_size``; the page stays
    legible or the caller is told it does not fit.
    """
    segments = [s for s in segments if s.text]
    if not segments:
        return []
    factor = 1.0
    while True:
        blocks = []
        height = 0.0
        for seg in segments:
            size = max(seg.min_size, round(seg.size * factor * 4) / 4)
            lines = wrap(fonts, seg.text, seg.style, size, zone.width)
            blocks.append((seg, size, lines))
            height += len(lines) * size * LEADING + seg.space_before * size
        if height <= zone.height + 0.01:
            return _place(zone, blocks)
        if all(size <= seg.min_size for seg, size, _ in blocks):
            return None
        factor -= step
