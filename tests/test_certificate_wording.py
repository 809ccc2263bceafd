"""Certificate contents (issue 7, point 7, certificates): what a reader of each language sees.

Checked on the PDFs the real renderer makes from the full-cycle sample in
ru, en and de: appendix dates as on the face, the holder named on every
appendix sheet, idiomatic English and German signatory labels, no English
word on a German page, every font embedded (no Helvetica), and a scope too
long for the face in one language sent to the appendix in all of them.
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from formgen.case.load import load_case
from formgen.forms.certificate_data import render_case_certificates
from formgen.render.certificate.batch import render_certificate_pdf
from formgen.render.certificate.calibration import write_calibration_sheet
from formgen.render.certificate.fonts import load_fonts
from formgen.render.certificate.layout import layout_versions
from tests.certificate_support import ROOT, page_texts, sample

FACE_DATE = {"ru": "«20» июня 2025 г.", "en": "20 June 2025", "de": "20. Juni 2025"}
APPENDIX_DATE = {"ru": "от «20» июня 2025 г.", "en": "of 20 June 2025", "de": "vom 20. Juni 2025"}
HOLDER = {
    "ru": "Держатель сертификата: Акционерное общество «Волжский завод строительных материалов»",
    "en": "Certificate holder: Volzhsky Building Materials Plant JSC",
    "de": "Zertifikatsinhaber: Wolschski Baustoffwerk AG",
}
CHAIRMAN = {"ru": "Председатель комиссии", "en": "Lead Auditor", "de": "Leitender Auditor"}
# English words the body's profile and the wording could leak onto a German page.
ENGLISH = ("Certification", "Certificate", "System", "Voluntary", "Registration", "Sheet",
           "Appendix", "Seal", "Lead", "Chairman", "signature", "Valid", "Head", "holder")


@pytest.fixture(scope="module")
def pdfs():
    loaded = load_case(ROOT / "samples" / "full-cycle.yaml")
    case = loaded.case
    return dict(render_case_certificates(case, case.certificates[-1], ["ru", "en", "de"],
                                         at=case.certificates[-1].registered))


@pytest.mark.parametrize("lang", ["ru", "en", "de"])
def test_appendix_repeats_the_face_date_and_names_the_holder(pdfs, lang):
    face, *sheets = page_texts(pdfs[lang])
    assert sheets, "the sample's sites go to an appendix"
    assert FACE_DATE[lang] in face
    for sheet in sheets:
        assert APPENDIX_DATE[lang] in sheet
        assert HOLDER[lang] in sheet
        assert not re.search(r"\b20\.06\.2025\b", sheet)


@pytest.mark.parametrize("lang", ["ru", "en", "de"])
def test_the_chairman_is_labelled_as_the_language_says_it(pdfs, lang):
    face = page_texts(pdfs[lang])[0]
    assert CHAIRMAN[lang] in face
    assert "Chairman" not in face and "Vorsitzender der Kommission" not in face


def test_german_pages_hold_no_english_word(pdfs):
    for page in page_texts(pdfs["de"]):
        found = [w for w in ENGLISH if re.search(rf"\b{w}\b", page)]
        assert not found, found
    assert "Freiwilliges Zertifizierungssystem EcoStandard" in page_texts(pdfs["de"])[0]


def _fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(base font, embedded) of every font any page or form XObject uses."""
    reader = PdfReader(io.BytesIO(pdf))
    seen: dict[str, bool] = {}

    def walk(resources):
        if resources is None:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            seen[str(font["/BaseFont"])] = embedded
        for xobject in (resources.get("/XObject") or {}).values():
            walk(xobject.get_object().get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return sorted(seen.items())


def test_every_font_is_embedded_and_none_is_helvetica(pdfs, tmp_path):
    calibration = tmp_path / "calibration.pdf"
    write_calibration_sheet(calibration)
    draft = tmp_path / "draft.pdf"
    render_certificate_pdf([sample("ru"), sample("en")], draft, draft=True)
    blank = tmp_path / "blank.pdf"
    render_certificate_pdf([sample("ru")], blank, blank=True)
    documents = [*pdfs.values(), calibration.read_bytes(), draft.read_bytes(), blank.read_bytes()]
    for pdf in documents:
        assert b"Helvetica" not in pdf
        fonts = _fonts(pdf)
        assert fonts and all(embedded for _, embedded in fonts), fonts


def test_a_scope_too_long_for_one_language_goes_to_the_appendix_in_all(tmp_path):
    fonts = load_fonts()
    ru = sample("ru")
    en = sample("en", scope="manufacture and sale of ceramic common and facing bricks, " * 40)
    alone = layout_versions([ru], fonts)[0]
    assert len(alone) == 1  # the Russian scope fits the face by itself
    ru_pages, en_pages = layout_versions([ru, en], fonts)
    for pages in (ru_pages, en_pages):
        assert len(pages) >= 2
        assert {ln.field for ln in pages[1].variable.lines} >= {"scope"}
    face = " ".join(ln.text for ln in ru_pages[0].variable.lines if ln.field == "scope")
    assert face.startswith("области сертификации, приведённой в приложении")
    # the same holds when each language goes to its own file (render --lang ru,en)
    path = tmp_path / "ru.pdf"
    render_certificate_pdf([ru], path, siblings=[en])
    texts = page_texts(path)
    assert len(texts) == 2 and "Область сертификации" in texts[1]
