"""The columns of a certificate register table (CSV or XLSX), documented once.

Column names are Latin snake_case so they survive any spreadsheet locale.
Text columns marked "translatable" take ``_en`` and ``_de`` variants
(``holder_name_en``); the plain name is the Russian text. Body columns are
optional when a ``body`` column (or ``--body``) points at a body profile
(the YAML the case files use), and then override it.

``docs/certificates.md`` prints this table (``column_reference()``), so code
and documentation cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["COLUMNS", "Column", "column_reference", "known_columns"]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    field: str  # Annex Р field number(s), or "" for helpers
    description: str
    required: bool = False
    translatable: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("number", "4", "Номер сертификата (бланка)", required=True),
    Column("registration_number", "8", "Регистрационный номер; по умолчанию равен number"),
    Column("register_number", "14", "Учётный номер в сводном перечне Регистра"),
    Column("issue", "5", "Номер выпуска (целое, по умолчанию 1)"),
    Column("first_certified_year", "5", "Год первой сертификации СЭМ (по умолчанию год регистрации)"),
    Column("holder_name", "6", "Наименование организации — держателя сертификата", required=True,
           translatable=True),
    Column("holder_address", "6", "Юридический адрес держателя", required=True, translatable=True),
    Column("sites", "6", "Производственные площадки: «наименование | адрес | область», "
           "площадки через перевод строки или «;;»", translatable=True),
    Column("scope", "7", "Область сертификации — текст после «…применительно к» (дательный падеж)",
           required=True, translatable=True),
    Column("registration_date", "9", "Дата регистрации: 2025-04-18 или 18.04.2025", required=True),
    Column("valid_until", "10", "Действителен до; по умолчанию 3 года без дня (7.6.4)"),
    Column("head", "11", "Руководитель ОС (или заместитель): «Фамилия Имя Отчество»; "
           "по умолчанию из профиля органа"),
    Column("head_latin", "11", "Латинское написание: «Sergey Orlov»; иначе транслитерация"),
    Column("head_title", "11", "Должность подписывающего, если это не руководитель",
           translatable=True),
    Column("chairman", "12", "Председатель комиссии (руководитель группы аудита)", required=True),
    Column("chairman_latin", "12", "Латинское написание председателя"),
    Column("languages", "", "Языки этой строки через запятую (ru,de); иначе --lang"),
    Column("body", "3", "Файл профиля органа (YAML), путь относительно таблицы"),
    Column("body_name", "3", "Полное наименование органа", translatable=True),
    Column("body_short_name", "3", "Сокращённое наименование органа", translatable=True),
    Column("body_address", "3", "Адрес органа", translatable=True),
    Column("body_registration_number", "3", "Регистрационный номер органа"),
    Column("body_logo", "1", "Логотип органа (PNG/JPEG), путь относительно таблицы"),
    Column("accreditation_logo", "2", "Логотип органа по аккредитации (PNG/JPEG)"),
    Column("system_name", "", "Система добровольной сертификации (над заголовком)",
           translatable=True),
    Column("standard", "", "Стандарт-критерий; по умолчанию ГОСТ Р ИСО 14001-2016",
           translatable=True),
    Column("status", "", "Статус на сегодня: active, suspended, withdrawn, expired, replaced "
           "(или «действует», «приостановлен», «отменён», «истёк», «заменён»); по умолчанию — по "
           "датам регистрации и valid_until. Недействующий печатается только с --archive"),
    Column("status_date", "", "С какой даты действует статус (дата решения)"),
    Column("status_decision", "", "Номер решения, установившего статус"),
    Column("replaced_by", "", "Номер сертификата, заменившего этот (статус replaced)"),
    Column("verification_url", "QR", "Шаблон адреса проверки: https://…/{number}"),
)

_BY_NAME = {c.name: c for c in COLUMNS}


def known_columns() -> set[str]:
    """Every accepted header, language variants included."""
    names = set(_BY_NAME)
    for column in COLUMNS:
        if column.translatable:
            names |= {f"{column.name}_en", f"{column.name}_de"}
    return names


def column_reference() -> str:
    """The columns as a Markdown table (for docs/certificates.md)."""
    rows = ["| column | Annex Р field | required | content |", "|---|---|---|---|"]
    for c in COLUMNS:
        name = f"`{c.name}`" + (" (+ `_en`, `_de`)" if c.translatable else "")
        text = c.description.replace("|", "\\|")
        rows.append(f"| {name} | {c.field} | {'yes' if c.required else ''} | {text} |")
    return "\n".join(rows)
