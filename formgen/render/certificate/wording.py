"""Every fixed word printed on a certificate, per language, in one place.

Annex П (Russian) and Annex С (English) give the forms; section 14 of
ГОСТ Р 54298-2010 allows English or German documents on request, so German
follows the English form. A dataclass rather than a loose dict: a wording that
forgets a label fails when the module is imported, not when a page is drawn.
Placeholders are ``str.format`` fields. The Russian wording is written here;
English and German come from gettext catalogues in ``locales/`` (Babel reads
the ``.po`` files directly, so there is no compiled ``.mo`` to keep in step).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from babel.messages.pofile import read_po

from formgen.resources import resource_dir

__all__ = ["WORDING", "Wording", "wording"]


@dataclass(frozen=True, slots=True)
class Wording:
    title: str
    subtitle: str
    number: str  # {number}
    issue: str  # {issue} {year}
    body_registration: str  # {number}
    issued_to: str
    sites_note: str
    scope_lead: str
    scope_in_appendix: str
    conforms: str  # {standard}
    default_standard: str
    registration_number: str
    registration_date: str
    valid_until: str
    head: str
    deputy_head: str
    chairman: str
    signature: str
    seal: str
    register_number: str
    clarification: str
    appendix_note: str  # {sheets} {sheet_word}
    sheet_words: tuple[str, str]  # after 1, after other numbers
    appendix_title: str
    appendix_to: str  # {number}
    appendix_registration: str  # {number} {date}
    appendix_holder: str  # {holder}
    sheet: str  # {page} {pages}
    appendix_scope: str
    appendix_sites: str
    column_no: str
    column_site: str
    column_scope: str
    continued: str
    draft: str
    archive_copy: str
    status_since: str  # {status} {date}
    status_decision: str  # {number} {date}
    status_certificate: str  # {number}
    qr_caption: str
    qr_text: str  # {number} {registration_number} {holder} {start} {end}


RU = Wording(
    title="СЕРТИФИКАТ СООТВЕТСТВИЯ",
    subtitle="системы экологического менеджмента",
    number="№ {number}",
    issue="Выпуск {issue}. СЭМ сертифицирована с {year} года",
    body_registration="Регистрационный номер {number}",
    issued_to="Выдан",
    sites_note="Наименования и адреса производственных площадок приведены в приложении "
    "к настоящему сертификату.",
    scope_lead="Система экологического менеджмента организации применительно к",
    scope_in_appendix="области сертификации, приведённой в приложении к настоящему сертификату",
    conforms="соответствует требованиям {standard}",
    default_standard="ГОСТ Р ИСО 14001-2016",
    registration_number="Регистрационный номер",
    registration_date="Дата регистрации",
    valid_until="Действителен до",
    head="Руководитель органа по сертификации",
    deputy_head="Заместитель руководителя органа по сертификации",
    chairman="Председатель комиссии",
    signature="подпись",
    seal="М. П.",
    register_number="Учётный номер в сводном перечне Регистра систем добровольной сертификации",
    clarification="Разъяснения, касающиеся области сертификации СЭМ, могут быть получены путём "
    "консультаций с организацией — держателем настоящего сертификата.",
    appendix_note="Приложение на {sheets} {sheet_word} является неотъемлемой частью настоящего "
    "сертификата.",
    sheet_words=("л.", "л."),
    appendix_title="ПРИЛОЖЕНИЕ",
    appendix_to="к сертификату соответствия № {number}",
    appendix_registration="Регистрационный номер {number} от {date}",
    appendix_holder="Держатель сертификата: {holder}",
    sheet="Лист {page} из {pages}",
    appendix_scope="Область сертификации",
    appendix_sites="Производственные площадки",
    column_no="№ п/п",
    column_site="Наименование и адрес площадки",
    column_scope="Область сертификации",
    continued="(продолжение)",
    draft="ПРОЕКТ",
    archive_copy="АРХИВНАЯ КОПИЯ",
    status_since="{status} с {date}",
    status_decision="решение № {number} от {date}",
    status_certificate="сертификатом № {number}",
    qr_caption="Проверка сертификата",
    qr_text="Сертификат соответствия СЭМ № {number}\nРегистрационный номер: {registration_number}"
    "\nДержатель: {holder}\nДействителен с {start} по {end}",
)


def _translated(lang: str) -> Wording:
    """The Russian wording translated through ``locales/<lang>/LC_MESSAGES/formgen.po``.

    Each entry's ``msgctxt`` names the field (``sheet_words.0`` for tuple items),
    so a translator edits a standard gettext catalogue; a missing or empty
    translation is an error when the module loads, never a Russian word on an
    English certificate.
    """
    path = resource_dir("locales") / lang / "LC_MESSAGES" / "formgen.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    texts = {m.context: m.string for m in catalog if m.id and m.context}
    values = {}
    for field in dataclasses.fields(Wording):
        source = getattr(RU, field.name)
        many = isinstance(source, tuple)
        keys = [f"{field.name}.{i}" for i in range(len(source))] if many else [field.name]
        missing = [k for k in keys if not texts.get(k)]
        if missing:
            raise RuntimeError(f"{path}: нет перевода для {', '.join(missing)}")
        found = [texts[k] for k in keys]
        values[field.name] = tuple(found) if many else found[0]
    return Wording(**values)


WORDING: dict[str, Wording] = {"ru": RU, "en": _translated("en"), "de": _translated("de")}


def wording(lang: str) -> Wording:
    """The fixed wording of one language (ru, en, de)."""
    try:
        return WORDING[lang]
    except KeyError:
        raise ValueError(f"no certificate wording for language {lang!r}") from None
