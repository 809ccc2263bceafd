"""The certificate page: every Annex Р field in ru, en, de, read back from the PDF."""

from __future__ import annotations

import dataclasses

import pytest
from pypdf import PdfReader

from formgen.render.certificate.batch import render_certificate_pdf
from formgen.render.certificate.data import PersonName, clean_text
from formgen.render.certificate.errors import FieldOverflowError, MissingGlyphError
from formgen.render.certificate.fonts import FontNotFoundError, find_family, load_fonts
from formgen.render.certificate.layout import layout_certificate
from formgen.render.certificate.qr import qr_payload
from formgen.render.certificate.wording import WORDING
from tests.certificate_support import page_texts, sample, sites

# What each Annex Р field prints, per language (values from tests.certificate_support).
EXPECTED = {
    "ru": {
        3: ["Общество с ограниченной ответственностью «Экостандарт-Сертификация»",
            "(ООО «Экостандарт-Сертификация»)",
            "119334, г. Москва, Ленинский проспект, д. 45, стр. 2, офис 310",
            "Регистрационный номер РОСС RU.З1234.04ЭСТ0"],
        4: ["№ ЭС.RU.СЭМ.00123-25"],
        5: ["Выпуск 2. СЭМ сертифицирована с 2019 года"],
        6: ["Выдан", "Акционерное общество «Волжский завод строительных материалов»",
            "446001, Самарская область, г. Сызрань, ул. Заводская, д. 12"],
        7: ["Система экологического менеджмента организации применительно к",
            "производству и реализации кирпича керамического рядового и лицевого, включая "
            "добычу глины"],
        8: ["Регистрационный номер", "РОСС RU.З1234.04ЭСТ0.СЭМ.0123"],
        9: ["Дата регистрации", "«20» июня 2025 г."],
        10: ["Действителен до", "«19» июня 2028 г."],
        11: ["Руководитель органа по сертификации", "С. В. Орлов", "подпись"],
        12: ["Председатель комиссии", "А. П. Кузнецов"],
        13: ["М. П."],
        14: ["Учётный номер в сводном перечне Регистра систем добровольной сертификации",
             "РСДС.0217.2025.00123"],
        15: ["Разъяснения, касающиеся области сертификации СЭМ, могут быть получены путём "
             "консультаций с организацией — держателем настоящего сертификата."],
    },
    "en": {
        3: ["Ecostandard Certification LLC", "(Ecostandard Certification)",
            "45 Leninsky Prospekt, bldg. 2, office 310, Moscow, 119334, Russia",
            "Registration No. РОСС RU.З1234.04ЭСТ0"],
        4: ["No. ЭС.RU.СЭМ.00123-25"],
        5: ["Issue 2. EMS certified since 2019"],
        6: ["Issued to", "Volzhsky Building Materials Plant JSC",
            "12 Zavodskaya St., Syzran, Samara Region, 446001, Russia"],
        7: ["The environmental management system of the organization as applied to",
            "manufacture and sale of ceramic common and facing bricks, including clay extraction"],
        8: ["Registration No.", "РОСС RU.З1234.04ЭСТ0.СЭМ.0123"],
        9: ["Date of registration", "20 June 2025"],
        10: ["Valid until", "19 June 2028"],
        11: ["Head of the Certification Body", "S. Orlov", "signature"],
        12: ["Lead Auditor", "A. Kuznetsov"],
        13: ["Seal"],
        14: ["Record No. in the Consolidated List of the Register of Voluntary Certification "
             "Systems", "РСДС.0217.2025.00123"],
        15: ["Clarifications regarding the scope of EMS certification may be obtained by "
             "consulting the organization holding this certificate."],
    },
    "de": {
        3: ["Ecostandard Zertifizierung GmbH", "Leninski-Prospekt 45, Geb. 2, Büro 310",
            "Registriernummer РОСС RU.З1234.04ЭСТ0"],
        4: ["Nr. ЭС.RU.СЭМ.00123-25"],
        5: ["Ausgabe 2. UMS zertifiziert seit 2019"],
        6: ["Ausgestellt für", "Wolschski Baustoffwerk AG",
            "Sawodskaja-Str. 12, 446001 Sysran, Gebiet Samara, Russland"],
        7: ["Das Umweltmanagementsystem der Organisation in Bezug auf",
            "Herstellung und Vertrieb von keramischen Mauer- und Vormauerziegeln einschließlich "
            "Tonabbau"],
        8: ["Registriernummer", "РОСС RU.З1234.04ЭСТ0.СЭМ.0123"],
        9: ["Registrierungsdatum", "20. Juni 2025"],
        10: ["Gültig bis", "19. Juni 2028"],
        11: ["Leiter der Zertifizierungsstelle", "S. Orlov", "Unterschrift"],
        12: ["Leitender Auditor", "A. Kuznetsov"],
        13: ["Siegel"],
        14: ["Eintragsnummer im Gesamtverzeichnis des Registers der freiwilligen "
             "Zertifizierungssysteme", "РСДС.0217.2025.00123"],
        15: ["Erläuterungen zum Geltungsbereich der UMS-Zertifizierung sind bei der "
             "Organisation erhältlich"],
    },
}


def _plain(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["ru", "en", "de"])
def test_every_annex_r_field_is_printed(tmp_path, lang):
    path = tmp_path / f"{lang}.pdf"
    assert render_certificate_pdf([sample(lang)], path) == 1
    text = page_texts(path)[0]
    for field, values in EXPECTED[lang].items():
        for value in values:
            assert _plain(value) in text, f"field {field}: {value!r} not on the page"
    title = WORDING[lang].title
    assert title in text


@pytest.mark.parametrize("lang", ["ru", "en", "de"])
def test_logos_and_qr_are_drawn(tmp_path, lang):
    """Fields 1 and 2 are images in the static form; the QR code is a filled path."""
    path = tmp_path / "c.pdf"
    render_certificate_pdf([sample(lang)], path)
    page = PdfReader(path).pages[0]
    forms = page["/Resources"]["/XObject"]
    (form,) = [f.get_object() for f in forms.values()]
    images = [x for x in form["/Resources"]["/XObject"].values()
              if x.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 2
    content = page.get_contents().get_data()
    assert content.count(b" 1 re") > 100  # QR modules as rectangles in module units


def test_qr_carries_the_verification_address_or_a_summary():
    data = sample("ru")
    assert qr_payload(data) == (
        "https://ecostandard-cert.example/verify/"
        "%D0%AD%D0%A1.RU.%D0%A1%D0%AD%D0%9C.00123-25"
    )
    summary = qr_payload(dataclasses.replace(data, verification_url=""))
    assert "№ ЭС.RU.СЭМ.00123-25" in summary
    assert "Акционерное общество «Волжский завод строительных материалов»" in summary
    assert "20.06.2025 по 19.06.2028" in summary
    english = qr_payload(dataclasses.replace(sample("en"), verification_url=""))
    assert "Valid from 20.06.2025 to 19.06.2028" in english


def test_output_is_byte_identical(tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    versions = [sample("ru", sites=sites(3)), sample("en", sites=sites(3, "en"))]
    render_certificate_pdf(versions, first, draft=True)
    render_certificate_pdf(versions, second, draft=True)
    assert first.read_bytes() == second.read_bytes()
    assert b"CreationDate" not in first.read_bytes()


def test_special_characters_survive(tmp_path):
    holder = 'ООО «Смит & Вессон» <Test> "кавычки" {{ name }} {% raw %} 100% \\ (скобки)'
    path = tmp_path / "c.pdf"
    render_certificate_pdf([sample("ru", holder_name=holder, scope="резке & сварке <металла>")],
                           path)
    text = page_texts(path)[0]
    assert _plain(holder) in text
    assert "резке & сварке <металла>" in text


def test_draft_marks_every_page_and_puts_languages_page_after_page(tmp_path):
    path = tmp_path / "draft.pdf"
    versions = [sample("ru", sites=sites(2)), sample("en", sites=sites(2, "en"))]
    pages = render_certificate_pdf(versions, path, draft=True)
    texts = page_texts(path)
    assert pages == len(texts) == 4
    assert "СЕРТИФИКАТ СООТВЕТСТВИЯ" in texts[0] and "ПРИЛОЖЕНИЕ" in texts[1]
    assert "CERTIFICATE OF CONFORMITY" in texts[2] and "APPENDIX" in texts[3]
    for i, text in enumerate(texts):
        mark = "ПРОЕКТ / DRAFT" if i < 2 else "DRAFT / ПРОЕКТ"
        assert mark in text, f"page {i + 1} has no draft mark"
    plain = tmp_path / "final.pdf"
    render_certificate_pdf(versions[:1], plain)
    assert all("ПРОЕКТ" not in t for t in page_texts(plain))


def test_missing_glyph_is_an_error_naming_field_and_character():
    fonts = load_fonts()
    with pytest.raises(MissingGlyphError) as caught:
        layout_certificate(sample("ru", holder_name="ООО «Чайный дом 漢»"), fonts)
    message = str(caught.value)
    assert "holder_name" in message and "U+6F22" in message and "漢" in message


def test_control_character_is_an_error():
    with pytest.raises(MissingGlyphError, match=r"scope.*U\+0007"):
        layout_certificate(sample("ru", scope="производству\x07 кирпича"), load_fonts())


def test_value_too_long_for_its_field_is_an_error():
    with pytest.raises(FieldOverflowError, match="holder_name"):
        layout_certificate(sample("ru", holder_name="Очень длинное наименование " * 40),
                           load_fonts())


def test_people_are_printed_as_initials_and_transliterated():
    ivanova = PersonName(surname="Жукова", given_name="Юлия", patronymic="Сергеевна")
    assert ivanova.printed("ru") == "Ю.\u00a0С.\u00a0Жукова"
    assert ivanova.printed("en") == "Iu.\u00a0Zhukova"
    spelled = PersonName.parse("Орлов Сергей Викторович", "Sergey Orlov")
    assert spelled.printed("de") == "S.\u00a0Orlov"
    assert spelled.printed("ru") == "С.\u00a0В.\u00a0Орлов"


def test_text_is_cleaned_of_invisible_characters():
    assert clean_text("ООО\u00ad «Ромашка»\u200b\t\r\nг. Тверь") == "ООО «Ромашка» г. Тверь"
    assert clean_text("один\r\n\r\nдва", paragraphs=True) == "один\nдва"


def test_font_family_by_name_and_by_path(tmp_path):
    family = find_family("DejaVu Serif")
    assert family.regular.name == "DejaVuSerif.ttf"
    assert family.bold.name == "DejaVuSerif-Bold.ttf"
    path = tmp_path / "dejavu.pdf"
    render_certificate_pdf([sample("ru")], path, font=str(family.regular))
    fonts = PdfReader(path).pages[0]["/Resources"]["/Font"]
    names = {str(f.get_object()["/BaseFont"]) for f in fonts.values()}
    assert any("DejaVuSerif" in n for n in names)
    assert find_family(None).regular.name == "LiberationSerif-Regular.ttf"


def test_unknown_font_is_an_input_error():
    with pytest.raises(FontNotFoundError, match="No Such Serif"):
        find_family("No Such Serif")


def test_a_family_is_found_by_name_in_font_path_folders(tmp_path, monkeypatch):
    import shutil

    dejavu = find_family("DejaVu Serif")
    shutil.copy(dejavu.regular, tmp_path / "PTAstraSerif-Regular.ttf")
    shutil.copy(dejavu.bold, tmp_path / "PTAstraSerif-Bold.ttf")
    monkeypatch.setenv("FORMGEN_FONT_PATH", str(tmp_path))
    family = find_family("PT Astra Serif")
    assert family.regular == tmp_path / "PTAstraSerif-Regular.ttf"
    assert family.bold == tmp_path / "PTAstraSerif-Bold.ttf"
    assert family.italic == family.regular  # a missing style falls back to regular
