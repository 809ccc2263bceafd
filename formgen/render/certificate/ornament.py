"""The certificate's frame: a guilloche band and a pale rosette, as PDF operators.

Certificates are framed documents; a fine interlaced band (the pattern of
banknotes and diplomas) makes a page look like one and is hard to imitate on
an office printer. The band runs around a rounded rectangle, parametrised by
arc length, with a whole number of waves so the curves close seamlessly.
It is drawn once per document as part of the static Form XObject, so its
thousands of points cost nothing per certificate; the operator strings are
computed once per process.
"""

from __future__ import annotations

import math
from functools import lru_cache

__all__ = ["frame_operators", "rosette_operators"]

MM = 72.0 / 25.4


def _rounded_rect_point(s: float, x0: float, y0: float, w: float, h: float, r: float):
    """Point and outward normal at arc length ``s`` along a rounded rectangle (CCW)."""
    straight_w, straight_h = w - 2 * r, h - 2 * r
    arc = math.pi * r / 2
    legs = [
        ("line", (x0 + r, y0), (1, 0), straight_w, (0, -1)),
        ("arc", (x0 + w - r, y0 + r), -math.pi / 2, arc, None),
        ("line", (x0 + w, y0 + r), (0, 1), straight_h, (1, 0)),
        ("arc", (x0 + w - r, y0 + h - r), 0.0, arc, None),
        ("line", (x0 + w - r, y0 + h), (-1, 0), straight_w, (0, 1)),
        ("arc", (x0 + r, y0 + h - r), math.pi / 2, arc, None),
        ("line", (x0, y0 + h - r), (0, -1), straight_h, (-1, 0)),
        ("arc", (x0 + r, y0 + r), math.pi, arc, None),
    ]
    for kind, origin, direction, length, normal in legs:
        if s <= length:
            if kind == "line":
                return origin[0] + direction[0] * s, origin[1] + direction[1] * s, normal
            angle = direction + s / r
            nx, ny = math.cos(angle), math.sin(angle)
            return origin[0] + r * nx, origin[1] + r * ny, (nx, ny)
        s -= length
    return x0 + r, y0, (0, -1)


def _perimeter(w: float, h: float, r: float) -> float:
    return 2 * (w - 2 * r) + 2 * (h - 2 * r) + 2 * math.pi * r


@lru_cache(maxsize=4)
def frame_operators(page_w: float, page_h: float, color: tuple, light: tuple) -> str:
    """Outer rule, guilloche band and inner double rule of the certificate frame."""
    inset_mid = 12.5 * MM
    x0, y0 = inset_mid, inset_mid
    w, h = page_w - 2 * inset_mid, page_h - 2 * inset_mid
    r = 6 * MM
    perimeter = _perimeter(w, h, r)
    waves = round(perimeter / (7.5 * MM))
    steps = round(perimeter / (1.25 * MM))
    amp = 2.6 * MM
    ops = ["q 1 J 1 j"]
    curves = []
    for k in range(6):
        phase = k * math.pi / 3
        curves.append((light if k % 2 else color, 0.35, phase, 1.0))
    for k in range(3):
        curves.append((color, 0.25, k * 2 * math.pi / 3, -1.0))
    for rgb, width, phase, sign in curves:
        ops.append(f"{rgb[0]:.3f} {rgb[1]:.3f} {rgb[2]:.3f} RG {width} w")
        pts = []
        for i in range(steps + 1):
            s = perimeter * i / steps
            px, py, (nx, ny) = _rounded_rect_point(s, x0, y0, w, h, r)
            t = 2 * math.pi * waves * s / perimeter
            d = amp * (0.62 * math.sin(t + phase) + 0.38 * sign * math.sin(3 * t - phase))
            pts.append(f"{px + nx * d:.2f} {py + ny * d:.2f}")
        ops.append(pts[0] + " m " + " l ".join(pts[1:]) + " l s")
    ops.append(f"{color[0]:.3f} {color[1]:.3f} {color[2]:.3f} RG")
    outer = 8.5 * MM
    ops.append(f"1.2 w {outer:.2f} {outer:.2f} {page_w - 2 * outer:.2f} {page_h - 2 * outer:.2f} re S")
    for inset, width in ((16.5 * MM, 0.9), (17.4 * MM, 0.35)):
        ops.append(
            f"{width} w {inset:.2f} {inset:.2f} {page_w - 2 * inset:.2f} "
            f"{page_h - 2 * inset:.2f} re S"
        )
    ops.append("Q")
    return "\n".join(ops)


@lru_cache(maxsize=4)
def rosette_operators(cx: float, cy: float, radius: float, rgb: tuple) -> str:
    """A pale hypotrochoid rosette behind the text (drawn very light)."""
    big, small, pen = 1.0, 0.28, 0.62
    turns = 7  # (big - small) / small = 18/7: the curve closes after 7 turns
    steps = 2100
    pts = []
    for i in range(steps + 1):
        t = 2 * math.pi * turns * i / steps
        x = (big - small) * math.cos(t) + pen * math.cos((big - small) / small * t)
        y = (big - small) * math.sin(t) - pen * math.sin((big - small) / small * t)
        scale = radius / (big - small + pen)
        pts.append(f"{cx + x * scale:.2f} {cy + y * scale:.2f}")
    return (
        f"q {rgb[0]:.3f} {rgb[1]:.3f} {rgb[2]:.3f} RG 0.3 w 1 j\n"
        + pts[0]
        + " m "
        + " l ".join(pts[1:])
        + " l S Q"
    )
