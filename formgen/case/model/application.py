"""The application and its handling: Annexes В (application), Г (review),
Д (notice of the result) and Ж (documents requested for the review).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from formgen.case.model.base import NonEmpty, PersonRef, Strict

__all__ = ["Application", "ApplicationReview", "DocumentRequest", "Notice"]

DEFAULT_ENCLOSURES = [
    "проект договора на сертификацию",
    "правила апелляции",
    "перечень документов и сведения, которые необходимо представить в ОС "
    "для предварительного анализа СЭМ",
    "права и обязанности Заявителей и держателей сертификатов",
    "положение о Знаке соответствия",
]


class Application(Strict):
    """Заявка на проведение сертификации (Annex В)."""

    number: str | None = Field(None, description="Регистрационный номер заявки в ОС")
    date: dt.date = Field(description="Дата заявки")
    scope: NonEmpty = Field(
        description="Область сертификации: продукция (услуги), виды деятельности — "
        "предлагаемая запись в сертификате"
    )
    scope_en: str | None = None
    scope_de: str | None = None
    products: str | None = Field(
        None, description="Наименование продукции (услуги), видов деятельности, если отличается"
    )
    standard: str | None = Field(None, description="Стандарт-критерий, если не тот, что у ОС")
    desired_dates: str | None = Field(None, description="Желательные сроки проведения сертификации")
    additional_info: str | None = None


class ApplicationReview(Strict):
    """Справка-обоснование о принятии (непринятии) заявки (Annex Г)."""

    date: dt.date
    in_accreditation_scope: bool = True
    accreditation_scope_code: str | None = None
    information_sufficient: bool = True
    competent_staff: bool = True
    competent_auditors: list[PersonRef] = Field(default_factory=list)
    technical_experts: list[PersonRef] = Field(
        default_factory=list, description="Привлекаемые технические эксперты (id)"
    )
    technical_experts_note: str | None = Field(
        None, description="Необходимость привлечения технических экспертов (текст)"
    )
    organisational_capability: bool = True
    capability_note: str | None = Field(
        None, description="Язык аудита, возможный срок, отсутствие конфликта интересов"
    )
    lack_reason: str | None = Field(None, description="Причина отсутствия возможностей")
    accepted: bool = True
    refusal_reason: str | None = None
    signed_by: PersonRef = "head"

    @model_validator(mode="after")
    def _refusal_has_reason(self) -> ApplicationReview:
        if not self.accepted and not self.refusal_reason:
            raise ValueError("при отказе в приёме заявки нужна причина (refusal_reason)")
        return self


class Notice(Strict):
    """Извещение о результатах рассмотрения заявки (Annex Д)."""

    number: str | None = None
    date: dt.date
    enclosures: list[str] = Field(default_factory=lambda: list(DEFAULT_ENCLOSURES))
    signed_by: PersonRef = "head"


class DocumentRequest(Strict):
    """Перечень документов и сведений для анализа документации (Annex Ж)."""

    date: dt.date | None = None
    due_date: dt.date | None = Field(None, description="Срок представления документов")
    extra_items: list[str] = Field(
        default_factory=list, description="Дополнительные документы, которые запрашивает ОС"
    )
