"""The laid-out page: a static layer (by key) and a variable layer.

Layout produces these plain records; drawing consumes them. Keeping them apart
from both lets tests check positions (nothing outside the page, no overlaps)
without parsing a PDF, and lets the static layer be keyed and drawn once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from formgen.render.certificate.textfit import Line

__all__ = ["Layer", "Page", "StaticKey"]


@dataclass(slots=True)
class Layer:
    """What to draw: text lines, rules (x0, y0, x1, y1, width), light fills, and
    images as (field, file, x, y, width, height)."""

    lines: list[Line] = field(default_factory=list)
    rules: list[tuple[float, float, float, float, float]] = field(default_factory=list)
    fills: list[tuple[float, float, float, float]] = field(default_factory=list)
    images: list[tuple[str, Path, float, float, float, float]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StaticKey:
    """Everything a static layer depends on; equal keys share one Form XObject."""

    kind: str  # certificate | appendix
    lang: str
    body_name: str
    body_short_name: str
    body_address: str
    body_registration_number: str
    body_logo: Path | None
    accreditation_logo: Path | None
    system_name: str
    standard: str
    head_title: str


@dataclass(slots=True)
class Page:
    """One page: its static layer's key, its variable layer and a QR code, if any.

    ``qr`` is (matrix, x, y, size): the module rows and the square it fills;
    ``mark`` the status line of an archive copy, drawn across the page.
    """

    lang: str
    static_key: StaticKey
    variable: Layer
    qr: tuple[tuple[tuple[int, ...], ...], float, float, float] | None = None
    mark: str = ""
