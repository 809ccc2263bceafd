"""Every fixed word printed on a certificate, per language, in one place.

Annex П (Russian) and Annex С (English) give the forms; section 14 of
ГОСТ Р 54298-2010 allows English or German documents on request, so German
follows the English form. A dataclass rather than a loose dict: a wording that
forgets a label fails when the module is imported, not when a page is drawn.
Placeholders are ``str.format`` fields.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    sheet: str  # {page} {pages}
    appendix_scope: str
    appendix_sites: str
    column_no: str
    column_site: str
    column_scope: str
    continued: str
    draft: str
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
    sheet="Лист {page} из {pages}",
    appendix_scope="Область сертификации",
    appendix_sites="Производственные площадки",
    column_no="№ п/п",
    column_site="Наименование и адрес площадки",
    column_scope="Область сертификации",
    continued="(продолжение)",
    draft="ПРОЕКТ",
    qr_caption="Проверка сертификата",
    qr_text="Сертификат соответствия СЭМ № {number}\nРегистрационный номер: {registration_number}"
    "\nДержатель: {holder}\nДействителен с {start} по {end}",
)

EN = Wording(
    title="CERTIFICATE OF CONFORMITY",
    subtitle="of the Environmental Management System",
    number="No. {number}",
    issue="Issue {issue}. EMS certified since {year}",
    body_registration="Registration No. {number}",
    issued_to="Issued to",
    sites_note="The names and addresses of the production sites are given in the appendix "
    "to this certificate.",
    scope_lead="The environmental management system of the organization as applied to",
    scope_in_appendix="the scope of certification given in the appendix to this certificate",
    conforms="conforms to the requirements of {standard}",
    default_standard="GOST R ISO 14001-2016 (ISO 14001:2015)",
    registration_number="Registration No.",
    registration_date="Date of registration",
    valid_until="Valid until",
    head="Head of the Certification Body",
    deputy_head="Deputy Head of the Certification Body",
    chairman="Chairman of the Commission",
    signature="signature",
    seal="Seal",
    register_number="Record No. in the Consolidated List of the Register "
    "of Voluntary Certification Systems",
    clarification="Clarifications regarding the scope of EMS certification may be obtained "
    "by consulting the organization holding this certificate.",
    appendix_note="The appendix of {sheets} {sheet_word} is an integral part of this certificate.",
    sheet_words=("sheet", "sheets"),
    appendix_title="APPENDIX",
    appendix_to="to Certificate of Conformity No. {number}",
    appendix_registration="Registration No. {number} of {date}",
    sheet="Sheet {page} of {pages}",
    appendix_scope="Scope of certification",
    appendix_sites="Production sites",
    column_no="No.",
    column_site="Site name and address",
    column_scope="Scope of certification",
    continued="(continued)",
    draft="DRAFT",
    qr_caption="Verify certificate",
    qr_text="EMS certificate No. {number}\nRegistration No.: {registration_number}"
    "\nHolder: {holder}\nValid from {start} to {end}",
)

DE = Wording(
    title="KONFORMITÄTSZERTIFIKAT",
    subtitle="für das Umweltmanagementsystem",
    number="Nr. {number}",
    issue="Ausgabe {issue}. UMS zertifiziert seit {year}",
    body_registration="Registriernummer {number}",
    issued_to="Ausgestellt für",
    sites_note="Namen und Anschriften der Produktionsstandorte sind in der Anlage "
    "zu diesem Zertifikat aufgeführt.",
    scope_lead="Das Umweltmanagementsystem der Organisation in Bezug auf",
    scope_in_appendix="den in der Anlage zu diesem Zertifikat angegebenen Geltungsbereich",
    conforms="erfüllt die Anforderungen der Norm {standard}",
    default_standard="GOST R ISO 14001-2016 (ISO 14001:2015)",
    registration_number="Registriernummer",
    registration_date="Registrierungsdatum",
    valid_until="Gültig bis",
    head="Leiter der Zertifizierungsstelle",
    deputy_head="Stellvertretender Leiter der Zertifizierungsstelle",
    chairman="Vorsitzender der Kommission",
    signature="Unterschrift",
    seal="Siegel",
    register_number="Eintragsnummer im Gesamtverzeichnis des Registers "
    "der freiwilligen Zertifizierungssysteme",
    clarification="Erläuterungen zum Geltungsbereich der UMS-Zertifizierung sind bei der "
    "Organisation erhältlich, die Inhaberin dieses Zertifikats ist.",
    appendix_note="Die Anlage ({sheets} {sheet_word}) ist Bestandteil dieses Zertifikats.",
    sheet_words=("Blatt", "Blatt"),
    appendix_title="ANLAGE",
    appendix_to="zum Konformitätszertifikat Nr. {number}",
    appendix_registration="Registriernummer {number} vom {date}",
    sheet="Blatt {page} von {pages}",
    appendix_scope="Geltungsbereich der Zertifizierung",
    appendix_sites="Produktionsstandorte",
    column_no="Nr.",
    column_site="Name und Anschrift des Standorts",
    column_scope="Geltungsbereich",
    continued="(Fortsetzung)",
    draft="ENTWURF",
    qr_caption="Zertifikat prüfen",
    qr_text="UMS-Zertifikat Nr. {number}\nRegistriernummer: {registration_number}"
    "\nInhaber: {holder}\nGültig vom {start} bis {end}",
)

WORDING: dict[str, Wording] = {"ru": RU, "en": EN, "de": DE}


def wording(lang: str) -> Wording:
    """The fixed wording of one language (ru, en, de)."""
    try:
        return WORDING[lang]
    except KeyError:
        raise ValueError(f"no certificate wording for language {lang!r}") from None
