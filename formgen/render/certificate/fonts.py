"""Fonts with Cyrillic that work on a fresh machine, and a guard against "■".

Liberation Serif (metric-compatible with Times New Roman, SIL OFL) ships in
``formgen/render/fonts`` so ``pip install`` needs no manual step. A body may
prefer another Times-like face (PT Astra Serif, the Russian state standard
font): give a family name, a folder or a ``.ttf`` file; family names are
looked up among the shipped fonts and the system's font folders by file name.

reportlab silently draws a missing glyph as the font's "notdef" box, so every
string is checked against the font's character map before it is drawn and a
missing character is an error naming the field (``Fonts.check``).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from formgen.render.certificate.errors import FontNotFoundError, missing_glyph

__all__ = ["DEFAULT_FAMILY", "STYLES", "FontFamily", "Fonts", "find_family", "load_fonts"]

STYLES = ("regular", "bold", "italic", "bolditalic")
DEFAULT_FAMILY = "Liberation Serif"
SHIPPED_DIR = Path(__file__).resolve().parent.parent / "fonts"

# File-name suffixes (after the family name) that mean each style.
_STYLE_SUFFIXES = {
    "regular": ("", "regular", "roman", "book", "normal", "r"),
    "bold": ("bold", "b", "bd"),
    "italic": ("italic", "oblique", "it", "i"),
    "bolditalic": ("bolditalic", "boldoblique", "bi", "z", "italicbold"),
}
_FONT_EXTENSIONS = (".ttf", ".TTF")


def _system_font_dirs() -> list[Path]:
    home = Path.home()
    dirs = [
        home / ".local/share/fonts",
        home / ".fonts",
        Path("/usr/local/share/fonts"),
        Path("/usr/share/fonts"),
        home / "Library/Fonts",
        Path("/Library/Fonts"),
        Path("/System/Library/Fonts"),
    ]
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs.insert(0, windir / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.insert(0, Path(local) / "Microsoft/Windows/Fonts")
    extra = os.environ.get("FORMGEN_FONT_PATH")
    if extra:
        dirs[:0] = [Path(p) for p in extra.split(os.pathsep) if p]
    return [d for d in dirs if d.is_dir()]


def _norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


@dataclass(frozen=True, slots=True)
class FontFamily:
    """Files of one family; styles the family lacks fall back to regular."""

    name: str
    regular: Path
    bold: Path
    italic: Path
    bolditalic: Path

    def file(self, style: str) -> Path:
        return getattr(self, style)


def _family_from_files(name: str, found: dict[str, Path]) -> FontFamily:
    regular = found["regular"]
    bold = found.get("bold", regular)
    italic = found.get("italic", regular)
    return FontFamily(name, regular, bold, italic, found.get("bolditalic", bold))


def _scan(folder: Path, family: str, recursive: bool) -> dict[str, Path]:
    """Files in ``folder`` named «<family><style>.ttf», keyed by style."""
    want = _norm(family)
    found: dict[str, Path] = {}
    walker = folder.rglob("*") if recursive else folder.glob("*")
    for path in sorted(walker):
        if path.suffix not in _FONT_EXTENSIONS or not path.is_file():
            continue
        stem = _norm(path.stem)
        if not stem.startswith(want):
            continue
        rest = stem[len(want):]
        for style, suffixes in _STYLE_SUFFIXES.items():
            if rest in suffixes and style not in found:
                found[style] = path
    return found


def _siblings(regular: Path) -> dict[str, Path]:
    """Bold and italic files next to a given regular file (FooSerif-Regular → -Bold…)."""
    stem = regular.stem
    base = re.sub(r"[-_ ]?(regular|roman|book|normal)$", "", stem, flags=re.IGNORECASE)
    found = _scan(regular.parent, base, recursive=False) if base else {}
    found["regular"] = regular
    return found


def find_family(spec: str | os.PathLike | None = None) -> FontFamily:
    """Resolve a family name, folder or ``.ttf`` file to the files of four styles.

    ``None`` means the shipped Liberation Serif. Raises ``FontNotFoundError``
    listing where it looked.
    """
    if spec is None or str(spec).strip() == "":
        spec = DEFAULT_FAMILY
    path = Path(spec).expanduser()
    if path.suffix.lower() in {".ttf", ".otf", ".ttc"} or path.is_file():
        if not path.is_file():
            raise FontNotFoundError(f"файл шрифта {path} не найден")
        if path.suffix.lower() != ".ttf":
            raise FontNotFoundError(
                f"{path}: встраиваются только шрифты TrueType (.ttf); укажите файл .ttf"
            )
        return _family_from_files(path.stem, _siblings(path))
    if path.is_dir():
        for candidate in sorted(path.glob("*")):
            if candidate.suffix in _FONT_EXTENSIONS and re.search(
                r"(regular|roman)$", candidate.stem, re.IGNORECASE
            ):
                return _family_from_files(candidate.stem, _siblings(candidate))
        raise FontNotFoundError(f"в папке {path} нет файла шрифта «…-Regular.ttf»")
    family = str(spec).strip()
    searched = [SHIPPED_DIR, *_system_font_dirs()]
    for folder in searched:
        found = _scan(folder, family, recursive=folder != SHIPPED_DIR)
        if "regular" in found:
            return _family_from_files(family, found)
    raise FontNotFoundError(
        f"шрифт «{family}» не найден (искали {family.replace(' ', '')}-Regular.ttf "
        f"в {', '.join(str(d) for d in searched)}); установите его, укажите папку в "
        "FORMGEN_FONT_PATH или путь к файлу .ttf"
    )


class Fonts:
    """A family registered with reportlab, with widths and the glyph check.

    Widths are summed from the font's own advance table (what reportlab does,
    without a call per string), so the layout measures exactly what is drawn.
    """

    def __init__(self, family: FontFamily):
        self.family = family
        self.names: dict[str, str] = {}
        self._widths: dict[str, dict[int, float]] = {}
        self._default: dict[str, float] = {}
        self._cmaps: dict[str, frozenset[int]] = {}
        self._ok: dict[str, set[str]] = {}
        for style in STYLES:
            path = family.file(style)
            digest = hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:8]
            name = f"FG{_norm(path.stem)[:24]}{digest}"
            if name not in pdfmetrics.getRegisteredFontNames():
                try:
                    pdfmetrics.registerFont(TTFont(name, str(path)))
                except (TTFError, OSError) as exc:
                    raise FontNotFoundError(f"{path}: шрифт не подходит: {exc}") from None
            face = pdfmetrics.getFont(name).face
            widths = dict(face.charWidths)
            if 0x20 in widths:
                widths[0xA0] = widths[0x20]  # reportlab prints a no-break space as a space
            self.names[style] = name
            self._widths[style] = widths
            self._default[style] = face.defaultWidth or 0.0
            self._cmaps[style] = frozenset(face.charToGlyph) | {0xA0}
            self._ok[style] = set()

    def width(self, text: str, style: str, size: float) -> float:
        """Advance width of ``text`` in points."""
        get = self._widths[style].get
        default = self._default[style]
        return sum([get(code, default) for code in map(ord, text)]) * size / 1000.0

    def char_widths(self, style: str) -> tuple[dict[int, float], float]:
        """The advance table (1/1000 em) and its default, for tight loops."""
        return self._widths[style], self._default[style]

    def check(self, text: str, style: str, field: str, lang: str | None = None) -> None:
        """Raise ``MissingGlyphError`` if the font cannot draw a character of ``text``."""
        ok = self._ok[style]
        chars = set(text)
        if chars <= ok:
            return
        cmap = self._cmaps[style]
        for char in sorted(chars - ok, key=text.index):
            if ord(char) not in cmap or (ord(char) < 0x20):
                raise missing_glyph(field, char, self.describe(style), lang)
            ok.add(char)

    def describe(self, style: str) -> str:
        return f"«{self.family.name}» ({self.family.file(style).name})"


@lru_cache(maxsize=8)
def _load(key: str) -> Fonts:
    return Fonts(find_family(key or None))


def load_fonts(spec: str | os.PathLike | None = None) -> Fonts:
    """The registered ``Fonts`` for a family spec (cached per process)."""
    return _load(str(spec) if spec else "")
