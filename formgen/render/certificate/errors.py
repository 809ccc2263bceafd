"""Why a certificate could not be drawn, said so a clerk can fix the input.

All are ``RenderError`` (exit code 2 for a single document); in a batch each
failure is reported against its row and the others still print. Messages are
Russian, like the rest of formgen's messages; ``field`` names the input field
(a column of the register table or an attribute of ``CertificateData``).
Every class can be re-created from its message alone (``type(exc)(str(exc))``),
which is how callers add context.
"""

from __future__ import annotations

from formgen.errors import InputError, RenderError

__all__ = [
    "CertificateError",
    "FieldOverflowError",
    "FontNotFoundError",
    "MissingGlyphError",
    "missing_glyph",
    "overflow",
]

_LANG_NAMES = {"ru": "русский", "en": "английский", "de": "немецкий"}


class CertificateError(RenderError):
    """A certificate's data cannot be put on the page."""

    def __init__(self, message: str, *, field: str = "", lang: str | None = None):
        self.field = field
        self.lang = lang
        where = ""
        if field:
            where = f"{field} ({_LANG_NAMES.get(lang, lang)}): " if lang else f"{field}: "
        super().__init__(where + message)


class MissingGlyphError(CertificateError):
    """The font has no glyph for a character: it would print as a box, so refuse."""


class FieldOverflowError(CertificateError):
    """Text does not fit its field even at the smallest legible size."""


class FontNotFoundError(InputError):
    """The configured font family or file cannot be found or used."""


def missing_glyph(field: str, char: str, font: str, lang: str | None = None) -> MissingGlyphError:
    """The error for a character the font cannot draw (or that is not text at all)."""
    if not char.isprintable() or (char.isspace() and char != " "):
        message = f"недопустимый управляющий символ (U+{ord(char):04X}); удалите его из текста"
    else:
        message = (f"символ «{char}» (U+{ord(char):04X}) отсутствует в шрифте {font}; "
                   "исправьте текст или выберите другой шрифт (--font)")
    error = MissingGlyphError(message, field=field, lang=lang)
    error.char = char
    return error


def overflow(field: str, text: str, min_size: float, lang: str | None = None) -> FieldOverflowError:
    shown = text if len(text) <= 60 else text[:60] + "…"
    return FieldOverflowError(
        f"«{shown}» не помещается в поле даже при кегле {min_size:g} пт; сократите текст",
        field=field,
        lang=lang,
    )
