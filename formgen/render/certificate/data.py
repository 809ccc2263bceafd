"""What one certificate page needs, already in the language it is printed in.

The renderer never looks at a case file or a register row: both are mapped
onto ``CertificateData`` first (``formgen.forms.certificate_data`` for cases,
``formgen.registertable`` for CSV/XLSX). One instance is one language version
of one certificate; a bilingual draft is two instances of the same certificate.
Keeping the input plain makes the renderer testable on its own and lets the
batch path ship instances to worker processes cheaply (they pickle).

Fields are numbered as in ГОСТ Р 54298-2010, Annex Р.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from formgen.languages import LANGUAGES
from formgen.text.names import initials, transliterate

__all__ = ["LANGUAGES", "CertificateData", "PersonName", "Site", "clean_text"]


_NBSP = "\u00a0"
# Invisible characters people paste from word processors; they must not reach
# the page (a soft hyphen would print mid-line, a zero-width space measures 0).
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_SPACES = re.compile(r"[ \t\u2000-\u200a\u202f\u205f\u3000]+")


def clean_text(value: str | None, *, paragraphs: bool = False) -> str:
    """Normalise typed text: one space between words, no invisible characters.

    With ``paragraphs`` line breaks survive as paragraph breaks (scopes are
    often typed as several paragraphs); otherwise they become spaces.
    """
    if not value:
        return ""
    text = value.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.translate(_INVISIBLE)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    if paragraphs:
        return "\n".join(line for line in lines if line)
    return " ".join(line for line in lines if line)


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonName:
    """A signatory (fields 11 and 12): Russian parts plus an optional Latin spelling."""

    surname: str
    given_name: str = ""
    patronymic: str = ""
    surname_latin: str = ""
    given_name_latin: str = ""

    def printed(self, lang: str) -> str:
        """«И. И. Иванов» on Russian pages, «I. Ivanov» on English and German ones.

        Without a Latin spelling the name is transliterated (ICAO Doc 9303, as in
        Russian passports); the initial keeps its whole Latin rendering, so
        Жанна gives «Zh.» rather than a misleading «Z.».
        """
        if lang == "ru":
            first = initials(self.given_name, self.patronymic)
            return f"{first}{_NBSP}{self.surname}" if first else self.surname
        surname = self.surname_latin or transliterate(self.surname)
        if self.given_name_latin:
            first = self.given_name_latin[:1].upper() + "."
        elif self.given_name:
            first = latin_initial(self.given_name)
        else:
            return surname
        return f"{first}{_NBSP}{surname}"

    @classmethod
    def parse(cls, full_name: str, latin: str = "") -> PersonName:
        """«Иванов Иван Иванович» (the order of Russian documents), Latin «Ivan Ivanov»."""
        parts = clean_text(full_name).split(" ")
        surname_latin = given_latin = ""
        if latin:
            latin_parts = clean_text(latin).split(" ")
            surname_latin = latin_parts[-1]
            given_latin = latin_parts[0] if len(latin_parts) > 1 else ""
        return cls(
            surname=parts[0],
            given_name=parts[1] if len(parts) > 1 else "",
            patronymic=" ".join(parts[2:]),
            surname_latin=surname_latin,
            given_name_latin=given_latin,
        )


def latin_initial(name: str) -> str:
    """Initial of a Russian given name in Latin letters: Жанна → «Zh.», Анна-Мария → «A.-M.»."""
    out = []
    for part in name.split("-"):
        if part:
            letters = transliterate(part[:1]) or part[:1]
            out.append(letters[:1].upper() + letters[1:].lower() + ".")
    return "-".join(out)


@dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    """A production site listed in the appendix (note to field 6)."""

    name: str
    address: str
    scope: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class CertificateData:
    """One language version of one certificate, every Annex Р field resolved.

    Text is printed as given (after ``clean_text``): typographic quotes, the
    dative case after «применительно к» and the English wording are the
    mapper's business, not the renderer's.
    """

    lang: str
    # 3 — the certification body; 1, 2 — logos (PNG or JPEG files, or None)
    body_name: str
    body_short_name: str = ""
    body_address: str
    body_registration_number: str = ""
    body_logo: Path | None = None
    accreditation_logo: Path | None = None
    system_name: str = ""  # the voluntary certification system, printed above the title
    # 4, 5
    number: str
    issue: int = 1
    first_certified_year: int | None = None
    # 6
    holder_name: str
    holder_address: str
    sites: tuple[Site, ...] = ()
    # 7 — the text that follows «…применительно к»; standard: the criterion
    scope: str
    standard: str = ""
    # 8, 9, 10
    registration_number: str
    registration_date: date
    valid_until: date
    # 11, 12 — head_title overrides the label (a deputy head signs, 7.6.4)
    head: PersonName
    head_title: str = ""
    chairman: PersonName
    # 14
    register_number: str = ""
    # QR: the body's verification URL pattern ({number}, {registration_number},
    # {register_number}); without one the code carries number, holder, validity.
    verification_url: str = ""
    # An archive copy of a certificate not in force: the status line printed across
    # every page of this version («АРХИВНАЯ КОПИЯ — действие отменено с …»); "" otherwise.
    status_mark: str = ""

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"language {self.lang!r} is not one of {', '.join(LANGUAGES)}")
        if self.issue < 1:
            raise ValueError("issue (field 5) starts at 1")
        if self.valid_until < self.registration_date:
            raise ValueError("valid_until (field 10) is earlier than the registration date")

    @property
    def certified_since(self) -> int:
        """Year of first certification (field 5); the registration year by default."""
        return self.first_certified_year or self.registration_date.year
