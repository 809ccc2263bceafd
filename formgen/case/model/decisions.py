"""Decisions of the body, certificates and the permission to use the mark.

Decision forms: Н (issue), Ф (confirm), Х (suspend), Ц (extend scope),
Ш (reduce scope), Э (withdraw); certificates: П/С with content per Annex Р;
permission to use the mark: Щ. A decision refers to the audit whose act it
considered; a certificate refers to the decision that issued it.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from formgen.case.model.base import NonEmpty, PersonRef, Strict

__all__ = ["DECISION_KINDS", "Certificate", "Decision", "MarkPermission"]

DecisionKind = Literal["issue", "confirm", "suspend", "extend_scope", "reduce_scope", "withdraw"]
DECISION_KINDS: dict[str, str] = {
    "issue": "решение о выдаче сертификата",
    "confirm": "решение о подтверждении действия сертификата",
    "suspend": "решение о приостановлении действия сертификата",
    "extend_scope": "решение о расширении области сертификации",
    "reduce_scope": "решение о сужении области сертификации",
    "withdraw": "решение об отмене действия сертификата",
}
# Fields a decision of each kind cannot do without (besides the common ones).
_REQUIRED_BY_KIND: dict[str, tuple[str, ...]] = {
    "suspend": ("until",),
    "extend_scope": ("new_scope",),
    "reduce_scope": ("excluded",),
}


class Decision(Strict):
    """A decision of the certification body."""

    kind: DecisionKind
    number: NonEmpty = Field(description="Номер решения")
    date: dt.date
    audit: NonEmpty = Field(description="id аудита, акт которого рассмотрен")
    certificate: str | None = Field(
        None, description="Номер сертификата (для решений по выданному сертификату)"
    )
    positive: bool = Field(True, description="Положительное (выдать/подтвердить) или нет")
    negative_reason: str | None = Field(None, description="Основание для отрицательного решения")
    reason: str | None = Field(None, description="Основание приостановления или отмены")
    until: dt.date | None = Field(None, description="Приостановить до")
    corrective_due: dt.date | None = Field(None, description="Срок корректирующих мероприятий")
    new_scope: str | None = Field(None, description="Новая область сертификации")
    new_scope_en: str | None = None
    new_scope_de: str | None = None
    excluded: str | None = Field(None, description="Исключаемая продукция, процессы, площадки")
    signed_by: PersonRef = "head"

    @model_validator(mode="after")
    def _kind_fields(self) -> Decision:
        missing = [f for f in _REQUIRED_BY_KIND.get(self.kind, ()) if getattr(self, f) is None]
        if missing and self.positive:
            raise ValueError(f"для решения вида {self.kind} нужно поле {', '.join(missing)}")
        if not self.positive and not self.negative_reason:
            raise ValueError("для отрицательного решения нужно основание (negative_reason)")
        if self.kind == "reduce_scope" and self.positive and not self.new_scope:
            raise ValueError("при сужении области нужна новая область (new_scope)")
        if self.kind in {"confirm", "suspend", "extend_scope", "reduce_scope", "withdraw"} and (
            not self.certificate
        ):
            raise ValueError("укажите номер сертификата, к которому относится решение (certificate)")
        return self


class Certificate(Strict):
    """Сертификат соответствия (Annexes П, С; content per Annex Р)."""

    number: NonEmpty = Field(description="Номер сертификата (поле 4)")
    registration_number: str | None = Field(
        None, description="Регистрационный номер (поле 8), если отличается от номера"
    )
    register_number: str | None = Field(
        None, description="Учётный номер в сводном перечне Регистра (поле 14)"
    )
    issue: int = Field(1, ge=1, description="Номер выпуска (поле 5)")
    first_certified_year: int | None = Field(
        None, ge=1990, le=2100, description="Год первой сертификации СЭМ (поле 5)"
    )
    decision: NonEmpty = Field(description="Номер решения о выдаче")
    registered: dt.date = Field(description="Дата регистрации (поле 9)")
    valid_until: dt.date | None = Field(
        None, description="Действителен до (поле 10); по умолчанию 3 года с регистрации (7.6.4)"
    )
    scope: str | None = Field(None, description="Область сертификации, если не из заявки")
    scope_en: str | None = None
    scope_de: str | None = None
    chairman: PersonRef | None = Field(
        None, description="Председатель комиссии (руководитель группы аудита решения)"
    )
    signed_by: PersonRef = "head"
    replaces: str | None = Field(
        None, description="Номер прежнего сертификата, который заменяет этот (ресертификация, новый выпуск)"
    )
    sites: list[str] | None = Field(
        None,
        description="Площадки (organisation.branches[].name) в приложении к сертификату; "
        "по умолчанию все филиалы с in_scope: true",
    )

    @property
    def reg_number(self) -> str:
        return self.registration_number or self.number


class MarkPermission(Strict):
    """Разрешение на использование знака соответствия (Annex Щ)."""

    number: str | None = None
    date: dt.date
    certificate: NonEmpty = Field(description="Номер сертификата")
    signed_by: PersonRef = "head"
