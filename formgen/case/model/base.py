"""Shared pieces of the case model: strict base class and people.

Every model forbids unknown keys: a typo in a case file (``lead_auditr``)
must be an error, never a silently ignored field. Strings are stripped so a
stray space does not make two scopes "different".
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from formgen.text.declension import person_name
from formgen.text.names import dative, guess_gender, initials, transliterate

__all__ = ["NonEmpty", "Person", "PersonRef", "Strict"]

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
PersonRef = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    Field(description="id сотрудника органа по сертификации (body.staff[].id)"),
]


class Strict(BaseModel):
    """Base of every case-file model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Person(Strict):
    """A person, stored once and printed as each blank asks.

    Accepts either the parts or one string "Фамилия Имя Отчество" (the order of
    Russian official documents).
    """

    id: str | None = Field(None, description="Ссылка на сотрудника из других разделов дела")
    surname: NonEmpty
    given_name: NonEmpty
    patronymic: str | None = None
    gender: Literal["male", "female"] | None = None
    position: str | None = Field(None, description="Должность (именительный падеж)")
    position_dative: str | None = Field(
        None, description="Должность в дательном падеже, если автоматическое склонение неверно"
    )
    surname_latin: str | None = None
    given_name_latin: str | None = None
    phone: str | None = None
    email: str | None = None
    qualification: str | None = Field(None, description="Аттестат/номер в реестре экспертов")

    @model_validator(mode="before")
    @classmethod
    def _split_full_name(cls, data: Any) -> Any:
        if isinstance(data, str):
            parts = data.split()
            if len(parts) < 2:
                raise ValueError("ожидается «Фамилия Имя Отчество» или поля surname, given_name")
            return {"surname": parts[0], "given_name": parts[1],
                    "patronymic": " ".join(parts[2:]) or None}
        if isinstance(data, dict) and "name" in data and "surname" not in data:
            data = dict(data)
            full = data.pop("name")
            if not isinstance(full, str) or len(full.split()) < 2:
                raise ValueError("name: ожидается «Фамилия Имя Отчество»")
            parts = full.split()
            data.update(surname=parts[0], given_name=parts[1],
                        patronymic=" ".join(parts[2:]) or None)
        return data

    # -- printed forms -------------------------------------------------------
    @property
    def sex(self) -> str:
        return self.gender or guess_gender(self.patronymic, self.given_name)

    @property
    def full_name(self) -> str:
        """Иванов Иван Иванович."""
        return " ".join(p for p in (self.surname, self.given_name, self.patronymic) if p)

    @property
    def initials_surname(self) -> str:
        """И. И. Иванов — what «инициалы, фамилия» asks for."""
        return f"{initials(self.given_name, self.patronymic)}\u00a0{self.surname}"

    @property
    def surname_initials(self) -> str:
        """Иванов И. И. — lists and tables."""
        return f"{self.surname}\u00a0{initials(self.given_name, self.patronymic)}"

    @property
    def dative_surname_initials(self) -> str:
        """Иванову И. И. — the addressee line of a letter."""
        surname, _, _ = dative(self.surname, self.given_name, self.patronymic, self.sex)
        return f"{surname}\u00a0{initials(self.given_name, self.patronymic)}"

    @property
    def dative_initials_surname(self) -> str:
        """И. И. Иванову — the addressee of Annex Д, initials first as its caption says."""
        surname, _, _ = dative(self.surname, self.given_name, self.patronymic, self.sex)
        return f"{initials(self.given_name, self.patronymic)}\u00a0{surname}"

    def full_name_in(self, case: str) -> str:
        """The full name in a grammatical case: «в лице … Сазонова Виктора Николаевича»."""
        parts = person_name(self.surname, self.given_name, self.patronymic, self.sex, case)
        return " ".join(p for p in parts if p)

    @property
    def latin_initials_surname(self) -> str:
        """I. Ivanov — English and German certificates (ICAO transliteration if not given)."""
        surname = self.surname_latin or transliterate(self.surname)
        given = self.given_name_latin or transliterate(self.given_name)
        return f"{given[:1]}.\u00a0{surname}"
