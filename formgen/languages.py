"""The certificate languages and their annexes, in one place.

ГОСТ Р 54298-2010 prints the certificate in Russian on Annex П and in
English on Annex С; German uses the English form (section 14). Every part
that accepts ``--lang`` or a ``languages`` column, and every part that names
an annex for a language, reads it from here.
"""

from __future__ import annotations

import re

from formgen.errors import InputError

__all__ = ["ANNEX_BY_LANG", "LANGUAGES", "parse_langs"]

LANGUAGES = ("ru", "en", "de")
ANNEX_BY_LANG = {"ru": "П", "en": "С", "de": "С"}


def parse_langs(value: str, where: str = "--lang") -> list[str]:
    """``ru,en`` (or ``ru; en``) → ["ru", "en"]; repeats count once; unknown ones are an input error."""
    langs = list(dict.fromkeys(x.lower() for x in re.split(r"[,;\s]+", value) if x))
    bad = [x for x in langs if x not in LANGUAGES]
    if bad or not langs:
        raise InputError(f"{where}: неизвестный язык {', '.join(bad) or repr(value)}; "
                         f"допустимы {', '.join(LANGUAGES)}")
    return langs
