"""Logos (Annex Р, fields 1 and 2), read once and scaled to print resolution.

A logo file may be a 3000-pixel export; embedding it in every chunk of a
batch would cost time and megabytes. Each logo is decoded once per process,
reduced to 300 dpi at the size of its box (as fine as print needs at
25 mm) and kept as a reportlab ``ImageReader``, whose decoded pixels reportlab
reuses in every document.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from reportlab.lib.utils import ImageReader

from formgen.render.certificate.errors import CertificateError

__all__ = ["logo_image"]

_DPI = 300


@lru_cache(maxsize=16)
def _load(path: str, width_pt: float, height_pt: float, field: str) -> ImageReader:
    try:
        with Image.open(path) as source:
            image = source.convert("RGBA" if "A" in source.getbands() or
                                   source.info.get("transparency") is not None else "RGB")
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        raise CertificateError(f"не удалось прочитать логотип {path}: {exc}",
                               field=field) from None
    limit = (round(width_pt / 72 * _DPI), round(height_pt / 72 * _DPI))
    if image.width > limit[0] or image.height > limit[1]:
        image.thumbnail(limit, Image.Resampling.LANCZOS)
    return ImageReader(image)


def logo_image(path: Path | str, width_pt: float, height_pt: float, field: str) -> ImageReader:
    """The logo as an ``ImageReader`` fit for a box of the given size (points)."""
    return _load(str(path), round(width_pt, 2), round(height_pt, 2), field)
