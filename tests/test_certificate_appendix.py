"""The appendix: a long scope and many sites flow over sheets; nothing leaves the page."""

from __future__ import annotations

import itertools

import pytest

from formgen.render.certificate.batch import render_certificate_pdf
from formgen.render.certificate.fonts import load_fonts
from formgen.render.certificate.geometry import MM, PAGE_H, PAGE_W
from formgen.render.certificate.layout import layout_certificate, static_layer
from formgen.render.certificate.textfit import line_box
from tests.certificate_support import page_texts, sample, sites, text_origins

INNER = 17.4 * MM  # the inner rule of the frame: text stays inside it
LEGIBLE = 6.5  # pt; the smallest size anything is printed at (the «подпись» caption)

_WORDS = ("производству керамического кирпича, черепицы и крупноформатных блоков, добыче и "
          "переработке глины, транспортированию продукции, хранению сырья и топлива; ")


def long_scope(chars: int = 5000) -> str:
    return (_WORDS * (chars // len(_WORDS) + 1))[:chars].rsplit(" ", 1)[0]


def _boxes_inside_and_apart(lines):
    for line in lines:
        x0, y0, x1, y1 = line_box(line)
        assert INNER <= x0 and x1 <= PAGE_W - INNER, f"{line.field}: {line.text!r} leaves the frame"
        assert INNER <= y0 and y1 <= PAGE_H - INNER, f"{line.field}: {line.text!r} leaves the frame"
        assert line.size >= LEGIBLE, f"{line.field} printed at {line.size} pt"
    for a, b in itertools.combinations(lines, 2):
        ax0, ay0, ax1, ay1 = line_box(a)
        bx0, by0, bx1, by1 = line_box(b)
        overlap = min(ax1, bx1) - max(ax0, bx0) > 0.5 and min(ay1, by1) - max(ay0, by0) > 0.5
        assert not overlap, f"{a.field} {a.text!r} overlaps {b.field} {b.text!r}"


@pytest.fixture(scope="module")
def big():
    return sample("ru", scope=long_scope(), sites=sites(30))


def test_long_scope_and_thirty_sites_go_to_the_appendix(big):
    fonts = load_fonts()
    pages = layout_certificate(big, fonts)
    assert len(pages) >= 3
    main = pages[0].variable.lines
    scope_lines = [ln for ln in main if ln.field == "scope"]
    assert " ".join(ln.text for ln in scope_lines).startswith("области сертификации, приведённой")
    appendix_text = " ".join(ln.text for page in pages[1:] for ln in page.variable.lines)
    assert "Производственная площадка № 30" in appendix_text
    assert long_scope()[-40:].split(" ", 1)[1] in " ".join(appendix_text.split())


def test_every_line_stays_inside_the_frame_and_apart(big):
    fonts = load_fonts()
    pages = layout_certificate(big, fonts)
    for page in pages:
        static = static_layer(page.static_key, fonts).lines
        _boxes_inside_and_apart(static + page.variable.lines)
        for x0, y0, x1, y1, _ in page.variable.rules:
            assert INNER <= min(x0, x1) and max(x0, x1) <= PAGE_W - INNER
            assert INNER <= min(y0, y1) and max(y0, y1) <= PAGE_H - INNER


@pytest.mark.parametrize("lang", ["ru", "en", "de"])
def test_each_language_fits_without_overlaps(lang):
    fonts = load_fonts()
    site_list = sites(4, "ru" if lang == "ru" else "en")
    for page in layout_certificate(sample(lang, sites=site_list), fonts):
        lines = static_layer(page.static_key, fonts).lines + page.variable.lines
        _boxes_inside_and_apart(lines)
        if page.qr is not None:
            _, qx, qy, size = page.qr
            for line in lines:
                x0, y0, x1, y1 = line_box(line)
                apart = x1 <= qx or x0 >= qx + size or y1 <= qy or y0 >= qy + size
                assert apart, f"{line.text!r} overlaps the QR code"


def test_appendix_pdf_text_is_on_the_page_and_complete(tmp_path, big):
    path = tmp_path / "big.pdf"
    count = render_certificate_pdf([big], path)
    texts = page_texts(path)
    assert len(texts) == count
    assert "Приложение на" in texts[0] and f"{count - 1} л." in texts[0]
    for i in range(1, count):
        assert f"Лист {i} из {count - 1}" in texts[i]
        assert "к сертификату соответствия № ЭС.RU.СЭМ.00123-25" in texts[i]
    whole = " ".join(texts[1:])
    for n in range(1, 31):
        assert f"Производственная площадка № {n} " in whole
    assert "(продолжение)" in whole  # the table went on over a sheet break, header repeated
    for page in text_origins(path):
        for x, y, text in page:
            assert INNER - 1 <= x <= PAGE_W - INNER and INNER - 1 <= y <= PAGE_H - INNER, text


def test_a_site_taller_than_a_sheet_is_split_not_lost():
    fonts = load_fonts()
    huge = sites(1)[0].__class__(name="Площадка", address="г. Сызрань",
                                 scope=long_scope(9000))
    pages = layout_certificate(sample("ru", sites=(huge,)), fonts)
    assert len(pages) >= 3
    text = " ".join(ln.text for p in pages[1:] for ln in p.variable.lines if ln.field == "sites")
    assert " ".join(text.split()).endswith(long_scope(9000)[-30:].split(" ", 1)[1])
    for page in pages:
        _boxes_inside_and_apart(static_layer(page.static_key, fonts).lines + page.variable.lines)


def test_no_appendix_means_the_clarification_note():
    fonts = load_fonts()
    pages = layout_certificate(sample("ru"), fonts)
    assert len(pages) == 1
    note = " ".join(ln.text for ln in pages[0].variable.lines if ln.field == "note")
    assert note.startswith("Разъяснения, касающиеся области сертификации СЭМ")
