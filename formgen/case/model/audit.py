"""Audits of the certification cycle and what they produce.

One ``Audit`` covers every kind (document review, stage 1, stage 2,
surveillance, recertification, special): its team, the audit-time estimate
(Annex Е), the plan (Annex И), nonconformities (Annex К), notices (Annex Л)
and the act (Annex М). Forms repeat per audit, per nonconformity.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator, model_validator

from formgen.case.model.base import NonEmpty, Person, PersonRef, Strict

__all__ = [
    "AUDIT_KIND_LABELS",
    "Audit",
    "AuditKind",
    "AuditPlan",
    "AuditReport",
    "Effectiveness",
    "Nonconformity",
    "NotificationItem",
    "PlanObject",
    "TeamMember",
    "TimeEstimate",
    "TimeFactor",
]

AuditKind = Literal[
    "document_review", "stage1", "stage2", "surveillance", "recertification", "special"
]
AUDIT_KIND_LABELS = {
    "document_review": "анализ документации",
    "stage1": "первый этап сертификационного аудита",
    "stage2": "второй этап сертификационного аудита",
    "surveillance": "инспекционный контроль",
    "recertification": "ресертификация",
    "special": "внеплановый (специальный) аудит",
}
Role = Literal["lead_auditor", "auditor", "technical_expert", "trainee"]
ROLE_LABELS = {
    "lead_auditor": "руководитель аудиторской группы",
    "auditor": "аудитор",
    "technical_expert": "технический эксперт",
    "trainee": "стажёр",
}


class TeamMember(Strict):
    """A member of the audit team: a staff id and a role."""

    person: PersonRef
    role: Role = "auditor"


class TimeFactor(Strict):
    """One adjustment factor of ГОСТ Р 54318-2021, section 10 (a slug and a percentage)."""

    name: NonEmpty = Field(description="Фактор (см. formgen audit-time --list-factors)")
    percent: float = Field(description="Увеличение (+) или сокращение (−), %")
    note: str | None = Field(None, description="Обоснование")


class PartTime(Strict):
    """A group of part-time staff converted by hours (ГОСТ Р 54318-2021, 4.3.3)."""

    count: int = Field(ge=1)
    hours_per_week: float = Field(gt=0, le=168)


class TimeEstimate(Strict):
    """Оценка трудозатрат на аудит (Annex Е; ГОСТ Р 54318-2021)."""

    method: Literal["54318-2021", "54318-2011", "54298-2010"] = "54318-2021"
    system: Literal["ems", "qms", "ohs"] = "ems"
    personnel: int = Field(ge=1, description="Постоянный персонал в области сертификации")
    part_time: list[PartTime] = Field(default_factory=list)
    repetitive: int | None = Field(
        None, ge=0, description="Из них выполняющих одинаковые простые операции"
    )
    complexity: Literal["high", "medium", "low", "limited", "special"] | None = None
    factors: list[TimeFactor] = Field(default_factory=list)
    adjust: float | None = Field(None, description="Чистая поправка, %, вместо факторов")
    days: float | None = Field(None, gt=0, description="Индивидуальное значение (особая сложность)")
    reason: str | None = Field(None, description="Обоснование индивидуального значения")
    planned_days: float | None = Field(None, gt=0, description="Запланировано, чел.-дней")
    planned_onsite_days: float | None = Field(None, gt=0, description="Из них на площадке")


class PlanObject(Strict):
    """One row of the objects table of the audit plan (Annex И, section 6)."""

    unit: NonEmpty = Field(description="Подразделение / процесс")
    clauses: str | None = Field(None, description="Элементы стандарта")
    date: dt.date | None = None
    time: str | None = Field(None, description="Время, например 10:00–12:00")
    auditors: list[PersonRef] = Field(default_factory=list)
    representatives: str | None = Field(None, description="Представители организации")


class AuditPlan(Strict):
    """План аудита (Annex И)."""

    approved: dt.date | None = Field(None, description="Дата утверждения руководителем ОС")
    approved_by: PersonRef = "head"
    objects: list[PlanObject] = Field(default_factory=list)
    language: str | None = Field("русский", description="Рабочий язык аудита")
    classification: str | None = Field(
        "несоответствия классифицируются по категориям К (критическое), 1 (значительное), "
        "2 (малозначительное) согласно ГОСТ Р 54298-2010, 7.5.6.4",
        description="Метод классификации несоответствий",
    )
    logistics: str | None = Field(None, description="Материально-техническое обеспечение")
    additional_info: str | None = None
    agreed_by: Person | None = Field(None, description="Представитель руководства организации")


class Effectiveness(Strict):
    """Оценка результативности корректирующих действий (проводит ОС)."""

    text: NonEmpty
    date: dt.date
    closed: bool = True
    evaluated_by: PersonRef | None = None


class Nonconformity(Strict):
    """Регистрация несоответствия (Annex К)."""

    number: NonEmpty
    category: Literal["К", "1", "2"] = Field(
        description="К — критическое, 1 — значительное, 2 — малозначительное (7.5.6.4)"
    )
    kind: str | None = Field(None, description="Вид несоответствия, для подсчёта повторов")
    unit: str | None = Field(None, description="Проверяемое подразделение")
    clause: NonEmpty = Field(description="Пункт(ы) стандарта-критерия")
    document_ref: str | None = Field(None, description="Документ СЭМ организации, пункт")
    description: NonEmpty
    recorded_by: PersonRef | None = Field(None, description="Эксперт, зарегистрировавший")
    corrective_action: str | None = None
    due_date: dt.date | None = None
    representative: Person | None = Field(None, description="Представитель организации")
    acknowledged: dt.date | None = Field(None, description="Дата ознакомления представителя")
    effectiveness: Effectiveness | None = None

    @field_validator("category", mode="before")
    @classmethod
    def _latin_k(cls, value: object) -> object:
        if isinstance(value, int):
            return str(value)
        if isinstance(value, str) and value.strip() in {"K", "k", "к"}:
            return "К"
        return value

    @property
    def closed(self) -> bool:
        return bool(self.effectiveness and self.effectiveness.closed)


class NotificationItem(Strict):
    """One notice (уведомление) of Annex Л: an observation, not a nonconformity."""

    number: NonEmpty
    description: NonEmpty
    clauses: str | None = None
    document_ref: str | None = None
    kind: str | None = None
    acknowledgment: str | None = Field(None, description="Подтверждение учёта уведомления")


class AuditReport(Strict):
    """Акт по результатам аудита (Annex М)."""

    number: NonEmpty = Field(description="Номер акта")
    date: dt.date = Field(description="Дата акта")
    approved: dt.date | None = Field(None, description="Дата утверждения акта")
    city: str | None = None
    results: NonEmpty = Field(description="Результаты аудита")
    conclusions: NonEmpty = Field(description="Выводы комиссии")
    distribution: list[str] = Field(default_factory=list, description="Адреса рассылки")
    additional_info: str | None = None
    acknowledged_by: Person | None = Field(None, description="Руководитель организации")
    attendance_records: bool = Field(
        True, description="Прилагаются протоколы присутствия на предварительном и заключительном "
        "совещаниях (примечание к приложению М)"
    )
    disagreements: str | None = Field(
        None, description="Протокол разногласий, если он составлен: его номер и дата, например «№ 1 от "
        "10.04.2025» (примечание к приложению М)"
    )


class Audit(Strict):
    """One audit of the cycle and its records."""

    id: NonEmpty = Field(description="Идентификатор аудита для ссылок (например, stage2)")
    kind: AuditKind
    start: dt.date
    end: dt.date
    basis: str | None = Field(None, description="Основание: заявка, договор и пр.")
    scope: str | None = Field(None, description="Область аудита, если отличается от заявки")
    criteria: list[str] = Field(default_factory=list, description="Нормативная база аудита")
    team: list[TeamMember] = Field(default_factory=list)
    time: TimeEstimate | None = None
    plan: AuditPlan | None = None
    nonconformities: list[Nonconformity] = Field(default_factory=list)
    notices: list[NotificationItem] = Field(default_factory=list)
    notices_representative: Person | None = None
    report: AuditReport | None = None
    conclusion_sent: dt.date | None = Field(
        None, description="Дата направления заключения по анализу документации (7.3.2)"
    )
    closing_meeting: dt.date | None = Field(None, description="Заключительное совещание")
    application_number: str | None = Field(
        None, description="Номер заявки на этот аудит (ресертификация 8.2, расширение области 9.1.2)"
    )
    application_date: dt.date | None = Field(
        None, description="Дата заявки на этот аудит (ресертификация 8.2, расширение области 9.1.2)"
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> Audit:
        if self.end < self.start:
            raise ValueError("дата окончания аудита раньше даты начала")
        return self

    @property
    def lead(self) -> str | None:
        for member in self.team:
            if member.role == "lead_auditor":
                return member.person
        return None

    @property
    def closing_date(self) -> dt.date:
        return self.closing_meeting or self.end
