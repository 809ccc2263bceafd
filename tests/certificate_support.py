"""Shared helpers of the certificate tests: sample data and reading PDFs back."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from pypdf import PdfReader

from formgen.render.certificate.data import CertificateData, PersonName, Site

ROOT = Path(__file__).resolve().parent.parent
LOGOS = ROOT / "samples" / "logos"

_TEXT = {
    "ru": dict(
        body_name="Общество с ограниченной ответственностью «Экостандарт-Сертификация»",
        body_short_name="ООО «Экостандарт-Сертификация»",
        body_address="119334, г. Москва, Ленинский проспект, д. 45, стр. 2, офис 310",
        system_name="Система добровольной сертификации «ЭкоСтандарт»",
        holder_name="Акционерное общество «Волжский завод строительных материалов»",
        holder_address="446001, Самарская область, г. Сызрань, ул. Заводская, д. 12",
        scope="производству и реализации кирпича керамического рядового и лицевого, "
        "включая добычу глины",
    ),
    "en": dict(
        body_name="Ecostandard Certification LLC",
        body_short_name="Ecostandard Certification",
        body_address="45 Leninsky Prospekt, bldg. 2, office 310, Moscow, 119334, Russia",
        system_name="EcoStandard Voluntary Certification System",
        holder_name="Volzhsky Building Materials Plant JSC",
        holder_address="12 Zavodskaya St., Syzran, Samara Region, 446001, Russia",
        scope="manufacture and sale of ceramic common and facing bricks, including clay "
        "extraction",
    ),
    "de": dict(
        body_name="Ecostandard Zertifizierung GmbH",
        body_short_name="Ecostandard Zertifizierung",
        body_address="Leninski-Prospekt 45, Geb. 2, Büro 310, 119334 Moskau, Russland",
        system_name="Freiwilliges Zertifizierungssystem EcoStandard",
        holder_name="Wolschski Baustoffwerk AG",
        holder_address="Sawodskaja-Str. 12, 446001 Sysran, Gebiet Samara, Russland",
        scope="Herstellung und Vertrieb von keramischen Mauer- und Vormauerziegeln "
        "einschließlich Tonabbau",
    ),
}


def sample(lang: str = "ru", **changes) -> CertificateData:
    """A complete certificate in one language; ``changes`` replace fields."""
    data = CertificateData(
        lang=lang,
        **_TEXT[lang],
        body_registration_number="РОСС RU.З1234.04ЭСТ0",
        body_logo=LOGOS / "body-logo.png",
        accreditation_logo=LOGOS / "accreditation-logo.png",
        number="ЭС.RU.СЭМ.00123-25",
        issue=2,
        first_certified_year=2019,
        registration_number="РОСС RU.З1234.04ЭСТ0.СЭМ.0123",
        registration_date=dt.date(2025, 6, 20),
        valid_until=dt.date(2028, 6, 19),
        head=PersonName(surname="Орлов", given_name="Сергей", patronymic="Викторович",
                        surname_latin="Orlov", given_name_latin="Sergey"),
        chairman=PersonName(surname="Кузнецов", given_name="Андрей", patronymic="Павлович"),
        register_number="РСДС.0217.2025.00123",
        verification_url="https://ecostandard-cert.example/verify/{number}",
    )
    return dataclasses.replace(data, **changes)


def sites(count: int, lang: str = "ru") -> tuple[Site, ...]:
    if lang == "ru":
        return tuple(
            Site(name=f"Производственная площадка № {i}",
                 address=f"446070, Самарская область, Сызранский район, с. Усинское, "
                         f"промзона, участок {i}",
                 scope="добыча глины открытым способом, её транспортирование и хранение")
            for i in range(1, count + 1)
        )
    return tuple(
        Site(name=f"Production site No. {i}",
             address=f"Industrial zone, plot {i}, Usinskoye, Syzran District, Samara Region",
             scope="open-pit clay extraction, transport and storage")
        for i in range(1, count + 1)
    )


def page_texts(path: Path | bytes) -> list[str]:
    """Text of each page with whitespace collapsed (wrapped lines join with a space)."""
    import io

    reader = PdfReader(io.BytesIO(path) if isinstance(path, bytes) else path)
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def text_origins(path: Path) -> list[list[tuple[float, float, str]]]:
    """Per page, the (x, y, text) origin of every piece of text pypdf sees."""
    reader = PdfReader(path)
    pages = []
    for page in reader.pages:
        found: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, font, size, found=found):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append((x, y, text))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages
