"""Russian labels of case-model fields and choices, for the desk's generated forms.

A field's label is taken from here by its name; a field not named here is
labelled by its own ``description`` in the model (so a new field shows up in
the desk without a change here, only less tersely). The same names mean the
same things across the model (``date``, ``number``, ``signed_by``), which is
why one table by name serves every section.
"""

from __future__ import annotations

from formgen.case.model import AUDIT_KIND_LABELS, DECISION_KINDS
from formgen.case.model.audit import ROLE_LABELS

__all__ = ["CHOICE_LABELS", "FIELD_LABELS", "SECTION_TITLES"]

FIELD_LABELS: dict[str, str] = {
    "name": "Наименование", "short_name": "Сокращённое наименование",
    "name_en": "Наименование (англ.)", "short_name_en": "Сокращённое наименование (англ.)",
    "name_de": "Наименование (нем.)", "short_name_de": "Сокращённое наименование (нем.)",
    "legal_address": "Юридический адрес", "actual_address": "Фактический адрес",
    "legal_address_en": "Юридический адрес (англ.)", "legal_address_de": "Юридический адрес (нем.)",
    "address": "Адрес", "address_en": "Адрес (англ.)", "address_de": "Адрес (нем.)",
    "city": "Город", "city_en": "Город (англ.)", "phone_code": "Код города", "phone": "Телефон",
    "fax": "Факс", "email": "Эл. почта", "website": "Сайт", "inn": "ИНН", "kpp": "КПП", "ogrn": "ОГРН",
    "okved": "ОКВЭД", "okpo": "ОКПО", "headcount": "Численность персонала",
    "head": "Руководитель", "chief_accountant": "Главный бухгалтер", "contact": "Контактное лицо",
    "management_representative": "Представитель руководства по СЭМ",
    "surname": "Фамилия", "given_name": "Имя", "patronymic": "Отчество", "gender": "Пол",
    "position": "Должность", "position_dative": "Должность в дательном падеже",
    "surname_latin": "Фамилия латиницей", "given_name_latin": "Имя латиницей",
    "qualification": "Квалификация (аттестат)",
    "account": "Расчётный счёт", "bank": "Банк", "bank_city": "Город банка",
    "correspondent_account": "Корр. счёт", "bik": "БИК",
    "number": "Номер", "date": "Дата", "scope": "Область сертификации", "scope@Audit": "Область аудита",
    "scope_en": "Область сертификации (англ.)", "scope_de": "Область сертификации (нем.)",
    "standard": "Стандарт-критерий", "additional_info": "Дополнительные сведения",
    "signed_by": "Подписывает", "kind": "Вид", "start": "Начало", "end": "Окончание",
    "id": "Идентификатор", "team": "Аудиторская группа", "person": "Сотрудник", "role": "Роль",
    "nonconformities": "Несоответствия", "notices": "Уведомления", "report": "Акт (приложение М)",
    "plan": "План аудита (приложение И)", "time": "Трудоёмкость (приложение Е)",
    "objects": "Объекты аудита", "category": "Категория", "description": "Описание",
    "clause": "Пункт стандарта", "effectiveness": "Результативность корректирующих действий",
    "text": "Текст", "closed": "Закрыто", "evaluated_by": "Оценил", "accepted": "Заявка принята",
    "refusal_reason": "Причина отказа", "in_accreditation_scope": "В области аккредитации",
    "accreditation_scope_code": "Код области аккредитации",
    "information_sufficient": "Сведений достаточно", "competent_staff": "Компетентный персонал есть",
    "competent_auditors": "Компетентные эксперты (id)",
    "organisational_capability": "Организационные возможности есть",
    "enclosures": "Приложения", "extra_items": "Дополнительные документы",
    "due_date": "Срок", "positive": "Положительное", "audit": "Аудит (id)",
    "certificate": "Сертификат (номер)", "until": "Приостановить до", "registered": "Дата регистрации",
    "issue": "Выпуск", "replaces": "Заменяет сертификат", "sites": "Площадки в приложении",
    "branches": "Филиалы и площадки", "activities": "Виды деятельности",
    "in_scope": "Входит в область сертификации", "added": "Включена с", "removed": "Исключена с",
    "closed_on": "Закрыта с", "changes": "Изменения сведений", "approved": "Дата утверждения",
    "approved_by": "Утверждает", "agreed_by": "Согласовано (представитель организации)",
    "language": "Рабочий язык", "results": "Результаты аудита", "conclusions": "Выводы комиссии",
    "acknowledged_by": "С актом ознакомлен", "acknowledged": "Дата ознакомления",
    "representative": "Представитель организации", "recorded_by": "Зарегистрировал",
    "corrective_action": "Корректирующие действия", "unit": "Подразделение / процесс",
    "auditors": "Эксперты (id)", "representatives": "Представители организации",
    "criteria": "Нормативная база", "basis": "Основание", "personnel": "Персонал в области сертификации",
    "planned_days": "Запланировано, чел.-дней", "planned_onsite_days": "Из них на площадке, чел.-дней",
    "method": "Методика", "system": "Система менеджмента", "complexity": "Сложность",
    "notices_representative": "Представитель организации (уведомления)",
    "acknowledgment": "Подтверждение учёта", "clauses": "Элементы стандарта",
    "document_ref": "Документ СЭМ", "new_scope": "Новая область сертификации",
    "negative_reason": "Основание отрицательного решения", "reason": "Основание",
    "corrective_due": "Срок корректирующих мероприятий", "excluded": "Исключаемое из области",
    "chairman": "Председатель комиссии", "valid_until": "Действителен до",
    "register_number": "Учётный номер в Регистре", "registration_number": "Регистрационный номер",
    "first_certified_year": "Год первой сертификации", "distribution": "Адреса рассылки",
    "products": "Продукция (услуги)", "desired_dates": "Желательные сроки",
}

CHOICE_LABELS: dict[str, dict[str, str]] = {
    "kind@Audit": AUDIT_KIND_LABELS,
    "kind@Decision": DECISION_KINDS,
    "role": ROLE_LABELS,
    "category": {"К": "К — критическое", "1": "1 — значительное", "2": "2 — малозначительное"},
    "gender": {"male": "мужской", "female": "женский"},
}

SECTION_TITLES: dict[str, str] = {
    "organisation": "Организация (заявитель)",
    "application": "Заявка (приложение В)",
    "review": "Рассмотрение заявки (приложение Г)",
    "notice": "Извещение (приложение Д)",
    "document_request": "Перечень документов (приложение Ж)",
    "audits": "Аудит",
    "decisions": "Решение",
    "certificates": "Сертификат",
    "mark_permission": "Разрешение на знак (приложение Щ)",
}
