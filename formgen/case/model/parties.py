"""The two parties of every case: the certification body and the organisation.

The body's profile is the same for all its cases, so a case may reference it
as a separate file (``body: bodies/ecostandard.yaml``); the organisation holds
every field of the application form (ГОСТ Р 54298-2010, Annex В).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, field_validator, model_validator

from formgen.case.model.base import NonEmpty, Person, Strict

__all__ = [
    "Accreditation",
    "BankDetails",
    "Body",
    "Branch",
    "CertificationSystem",
    "ImplementationOrder",
    "Organisation",
    "OrganisationChange",
    "ParentOrganisation",
    "PreviousCertificate",
]


class Accreditation(Strict):
    """Accreditation (or registration) of the body: who accredited it and under what number."""

    body_name: str | None = Field(None, description="Орган по аккредитации")
    body_name_en: str | None = None
    number: str | None = Field(None, description="Номер аттестата аккредитации")
    date: dt.date | None = None
    scope: str | None = Field(None, description="Область аккредитации (текст)")
    scope_code: str | None = Field(None, description="Код области аккредитации")
    logo: str | None = Field(None, description="Файл логотипа органа по аккредитации")


class CertificationSystem(Strict):
    """The voluntary certification system the body works in (forms К, Л)."""

    name: NonEmpty = Field(description="Наименование системы добровольной сертификации")
    name_en: str | None = None
    name_de: str | None = None
    registration_number: str | None = Field(
        None, description="Регистрационный номер системы в едином реестре"
    )


class Body(Strict):
    """The certification body (орган по сертификации)."""

    name: NonEmpty = Field(description="Полное наименование органа по сертификации")
    short_name: str | None = None
    name_en: str | None = None
    short_name_en: str | None = None
    name_de: str | None = None
    short_name_de: str | None = None
    address: NonEmpty
    address_en: str | None = None
    address_de: str | None = None
    city: NonEmpty
    city_en: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    registration_number: str | None = Field(
        None, description="Регистрационный номер органа по сертификации"
    )
    accreditation: Accreditation = Field(default_factory=Accreditation)
    system: CertificationSystem
    standard: NonEmpty = Field(
        "ГОСТ Р ИСО 14001-2016",
        description="Стандарт-критерий, печатаемый на формах (например, ГОСТ Р ИСО 14001-2016)",
    )
    standard_en: str | None = Field(None, description="Criterion as printed in English")
    head: Person = Field(description="Руководитель органа по сертификации")
    management: list[str] = Field(
        default_factory=list,
        description="id руководства ОС, уполномоченного принимать решения и подписывать сертификаты "
        "(руководитель уполномочен всегда)",
    )
    staff: list[Person] = Field(
        default_factory=list,
        description="Аудиторы, эксперты и лица, принимающие решения; на них ссылаются по id",
    )
    logo: str | None = Field(None, description="Файл логотипа органа (PNG/JPEG)")
    verification_url: str | None = Field(
        None,
        description="Шаблон адреса проверки сертификата, например https://os.example/verify/{number}",
    )
    numbering: dict[str, str] = Field(
        default_factory=dict,
        description="Серии номеров реестра: вид номера (certificate, register_number, decision, act, "
        "application, mark_permission, notice) → шаблон, например «ЭС.RU.СЭМ.{n:05d}-{yy}»; "
        "{n} — счётчик (по годам, если в шаблоне есть {year} или {yy})",
    )

    @field_validator("verification_url")
    @classmethod
    def _url_has_number(cls, value: str | None) -> str | None:
        if value and "{number}" not in value:
            raise ValueError("шаблон адреса должен содержать {number}")
        return value

    @field_validator("numbering")
    @classmethod
    def _patterns(cls, value: dict[str, str]) -> dict[str, str]:
        from formgen.case.numbering import check_pattern

        for kind, pattern in value.items():
            check_pattern(kind, pattern)
        return value

    @model_validator(mode="after")
    def _unique_staff_ids(self) -> Body:
        seen: set[str] = set()
        for person in self.staff:
            if not person.id:
                raise ValueError(f"у сотрудника {person.full_name} нет id")
            if person.id in seen:
                raise ValueError(f"id сотрудника «{person.id}» повторяется")
            seen.add(person.id)
        return self

    def may_decide(self, ref: str) -> bool:
        """Whether this person may take decisions and sign certificates (7.6.2.3, 7.6.4)."""
        return ref in ("head", self.head.id) or ref in self.management

    def person(self, ref: str) -> Person:
        """The staff member with this id (the head counts as ``head``)."""
        if ref == "head" or ref == self.head.id:
            return self.head
        for person in self.staff:
            if person.id == ref:
                return person
        raise KeyError(ref)

    def has_person(self, ref: str) -> bool:
        try:
            self.person(ref)
        except KeyError:
            return False
        return True


class BankDetails(Strict):
    """Банковские реквизиты."""

    account: str | None = Field(None, description="Расчётный счёт")
    bank: str | None = None
    bank_city: str | None = None
    correspondent_account: str | None = None
    bik: str | None = Field(None, pattern=r"^\d{9}$", description="БИК (9 цифр)")


class Branch(Strict):
    """A branch or production site (филиал / производственная площадка)."""

    name: NonEmpty
    address: NonEmpty
    headcount: int | None = Field(None, ge=0)
    activities: str | None = Field(None, description="Виды продукции (услуг) и деятельность")
    in_scope: bool = Field(
        True, description="Входит в область сертификации (false — не входит никогда)"
    )
    added: dt.date | None = Field(
        None, description="Дата включения в область сертификации (по умолчанию — с начала цикла)"
    )
    added_by: str | None = Field(
        None, description="Номер решения о расширении области, включившего площадку (вместо added)"
    )
    removed: dt.date | None = Field(
        None, description="Дата исключения из области сертификации (с этого дня не входит)"
    )
    removed_by: str | None = Field(
        None, description="Номер решения о сужении области, исключившего площадку (вместо removed)"
    )
    closed: dt.date | None = Field(
        None, description="Дата закрытия площадки (с этого дня не работает и не входит в область)"
    )
    name_en: str | None = None
    address_en: str | None = None
    activities_en: str | None = None
    name_de: str | None = None
    address_de: str | None = None
    activities_de: str | None = None


class ParentOrganisation(Strict):
    """The larger organisation (holding) the applicant belongs to."""

    name: NonEmpty
    functions: str | None = Field(None, description="Выполняемые функции в головной организации")


class PreviousCertificate(Strict):
    """A certificate of the EMS issued earlier (Annex В)."""

    system: str | None = None
    body: str | None = None
    number: str | None = None
    date: dt.date | None = None


class ImplementationOrder(Strict):
    """The order that put the EMS into effect (номер и дата распорядительного документа)."""

    number: str | None = None
    date: dt.date | None = None


class OrganisationChange(Strict):
    """A dated change of the organisation's facts: from ``date`` on, these values hold.

    The fields of ``organisation`` are the state at the application; each
    change applies from its date, so every document prints the organisation
    as it stood on the document's own date.
    """

    date: dt.date = Field(description="С какой даты действуют изменения")
    note: str | None = Field(None, description="Основание (письмо, приказ)")
    name: str | None = None
    short_name: str | None = None
    name_en: str | None = None
    short_name_en: str | None = None
    name_de: str | None = None
    legal_address: str | None = None
    actual_address: str | None = None
    legal_address_en: str | None = None
    legal_address_de: str | None = None
    city: str | None = None
    city_en: str | None = None
    phone_code: str | None = None
    phone: str | None = None
    fax: str | None = None
    email: str | None = None
    website: str | None = None
    head: Person | None = None
    chief_accountant: Person | None = None
    contact: Person | None = None
    management_representative: Person | None = None
    headcount: int | None = Field(None, ge=1)


class Organisation(Strict):
    """The applicant / certificate holder, every field of the application form (Annex В)."""

    name: NonEmpty = Field(description="Полное наименование организации")
    short_name: str | None = None
    name_en: str | None = Field(None, description="Name in English (for the certificate)")
    short_name_en: str | None = None
    name_de: str | None = None
    legal_address: NonEmpty
    actual_address: str | None = None
    legal_address_en: str | None = None
    legal_address_de: str | None = None
    city: NonEmpty
    city_en: str | None = None
    phone_code: str | None = Field(None, description="Телефонный код города")
    phone: str | None = None
    fax: str | None = None
    email: str | None = None
    website: str | None = None
    bank: BankDetails = Field(default_factory=BankDetails)
    inn: str | None = Field(None, pattern=r"^(\d{10}|\d{12})$", description="ИНН (10 или 12 цифр)")
    kpp: str | None = Field(None, pattern=r"^\d{4}[\dA-Z]{2}\d{3}$", description="КПП (9 знаков)")
    ogrn: str | None = Field(None, pattern=r"^(\d{13}|\d{15})$")
    okved: str | None = None
    okpo: str | None = Field(None, pattern=r"^(\d{8}|\d{10})$")
    head: Person = Field(description="Руководитель организации (с должностью)")
    chief_accountant: Person | None = None
    contact: Person | None = Field(None, description="Лицо, назначенное для контакта")
    management_representative: Person | None = Field(
        None, description="Представитель руководства по СЭМ"
    )
    headcount: int = Field(ge=1, description="Общая численность работающих")
    branches: list[Branch] = Field(default_factory=list)
    parent: ParentOrganisation | None = None
    implementation: ImplementationOrder = Field(default_factory=ImplementationOrder)
    consultant: str | None = Field(None, description="Консалтинговая компания")
    previous_certificates: list[PreviousCertificate] = Field(default_factory=list)
    product_documents: str | None = Field(
        None, description="Документация, по которой выпускается продукция (стандарты, ТУ…)"
    )
    processes: str | None = Field(None, description="Основные технологические процессы")
    significant_aspects: str | None = Field(None, description="Значимые экологические аспекты")
    outsourcing: str | None = Field(None, description="Процессы аутсорсинга")
    changes: list[OrganisationChange] = Field(
        default_factory=list,
        description="Изменения сведений об организации с датами (руководитель, численность, адреса)",
    )
