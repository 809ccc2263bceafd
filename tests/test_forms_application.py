"""Forms Г (application review), Д (acceptance notice) and Ж (document list): content checks."""

from __future__ import annotations

import re

import pytest

from formgen.forms.context.application import (
    DOCUMENT_LIST_CLAUSES,
    build_document_list,
    build_notice,
    build_review,
    document_list_clauses,
    lettered,
    listed,
)
from formgen.forms.registry import form_by_slug
from formgen.render.docx import template_variables
from formgen.render.templates import find_template
from tests.helpers import ROOT, assert_no_leaks, docx_text, flat, render_form, sample

DATE = re.compile(r"«\d{2}» [а-я]+ \d{4} г\.")
REFUSAL = "деятельность заказчика не относится к области аккредитации органа"


def text_of(case, slug: str) -> str:
    docs = render_form(case, slug)
    assert len(docs) == 1
    return flat(docx_text(docs[0].data))


def refused(case):
    review = case.review.model_copy(update={"accepted": False, "refusal_reason": REFUSAL})
    return case.model_copy(update={"review": review})


def with_standard(case, standard: str):
    return case.model_copy(
        update={"application": case.application.model_copy(update={"standard": standard})}
    )


@pytest.fixture(scope="module")
def case():
    return sample()


# -- Г: справка-обоснование ------------------------------------------------------
def test_review_prints_the_grounds_and_the_acceptance(case):
    text = text_of(case, "application-review")
    assert_no_leaks(text)
    assert "о принятии (непринятии) заявки № З-014/2025" in text
    assert "Наименование организации-заказчика Акционерное общество «Волжский завод" in text
    assert "к области аккредитации ОС СЭМ относится" in text
    assert "ИАФ 15 (производство неметаллических минеральных продуктов) код области аккредитации ОС" in text
    assert "Достаточность информации об организации-заявителе и ее СЭМ да да, нет" in text
    assert "в данной области да да, нет" in text
    assert "Кузнецов А. П. (Эксперт-аудитор СЭМ, рег. № ЭС-0412); Соколова Е. И." in text
    assert ("Морозов Дмитрий Олегович, Технический эксперт (производство строительных материалов) "
            "Ф.И.О. и должность") in text
    assert "и т.п.) имеются имеются, не имеются язык аудита — русский" in text
    assert ("Принять заявку Акционерное общество «Волжский завод строительных материалов» "
            "наименование организации Отказать в приеме заявки наименование организации по причине") in text
    assert "Заместитель руководителя органа по сертификации М. А. Белова подпись инициалы, фамилия" in text
    assert "Дата «27» января 2025 г." in text


def test_review_refusal_fills_the_refusal_blanks(case):
    text = text_of(refused(case), "application-review")
    assert_no_leaks(text)
    assert "Принять заявку наименование организации Отказать в приеме заявки Акционерное общество" in text
    assert f"по причине {REFUSAL}" in text


def test_review_negative_answers_and_empty_options(case):
    review = case.review.model_copy(update={
        "in_accreditation_scope": False, "information_sufficient": False, "competent_staff": False,
        "organisational_capability": False, "competent_auditors": [], "technical_experts": [],
        "capability_note": None, "lack_reason": "нет аудиторов с компетенцией в ИАФ 15",
        "accreditation_scope_code": None,
    })
    changed = case.model_copy(update={"review": review})
    text = text_of(changed, "application-review")
    assert_no_leaks(text)
    assert "к области аккредитации ОС СЭМ не относится" in text
    # the body's own scope code stands in for the review's
    assert "ИАФ 15, 16, 17, 22, 28 код области аккредитации ОС" in text
    assert "ее СЭМ нет да, нет" in text
    assert "не имеются имеются, не имеются" in text
    assert "Причина отсутствия возможностей нет аудиторов с компетенцией в ИАФ 15" in text
    ctx = build_review(changed, review)
    assert ctx["review"]["auditors"] == "" and ctx["review"]["experts"] == ""


def test_review_needs_a_review(case):
    assert render_form(case.model_copy(update={"review": None}), "application-review") == []


# -- Д: извещение ------------------------------------------------------------------
def test_notice_addressee_in_dative_and_decision(case):
    text = text_of(case, "acceptance-notice")
    assert_no_leaks(text)
    assert text.startswith("Генеральному директору Акционерного общества «Волжский завод строительных "
                           "материалов» наименование организации-заказчика В. Н. Сазонову инициалы, фамилия")
    assert "№ И-014/2025 от «28» января 2025 г." in text
    assert ("ИЗВЕЩЕНИЕ О РЕЗУЛЬТАТАХ РАССМОТРЕНИЯ ЗАЯВКИ НА СЕРТИФИКАЦИЮ СИСТЕМЫ "
            "ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА") in text
    assert ("Орган по сертификации Общество с ограниченной ответственностью «Экостандарт-Сертификация» "
            "наименование органа по сертификации рассмотрел заявку и представленные документы") in text
    assert ("требованиями стандарта ГОСТ Р ИСО 14001-2016 и принял решение принять заявку "
            "принять или не принять заявку") in text
    assert "2007" not in text
    assert "Основание для отрицательного решения: заполняется при отрицательном решении" in text
    assert ("Одновременно высылаем Вам следующие документы: а) проект договора на сертификацию; "
            "б) правила апелляции; в) перечень документов") in text
    assert ("г) права и обязанности Заявителей и держателей сертификатов; "
            "д) положение о Знаке соответствия.") in text
    assert ("Руководитель органа по сертификации ООО «Экостандарт-Сертификация» «28» января 2025 г. "
            "С. В. Орлов наименование органа по сертификации дата подпись инициалы, фамилия") in text


def test_notice_refusal_prints_reason_and_custom_enclosures(case):
    changed = refused(case)
    changed = changed.model_copy(update={"notice": changed.notice.model_copy(
        update={"enclosures": ["правила апелляции;", "копия справки-обоснования"], "signed_by": "belova"})})
    text = text_of(changed, "acceptance-notice")
    assert_no_leaks(text)
    assert "принял решение не принять заявку принять или не принять заявку" in text
    assert f"Основание для отрицательного решения: {REFUSAL} заполняется при отрицательном решении" in text
    assert "а) правила апелляции; б) копия справки-обоснования." in text
    assert "проект договора" not in text
    assert "о Знаке" not in text
    assert "Заместитель руководителя органа по сертификации ООО «Экостандарт-Сертификация»" in text
    assert "М. А. Белова" in text


def test_notice_without_enclosures_or_review(case):
    changed = case.model_copy(update={
        "review": None, "notice": case.notice.model_copy(update={"enclosures": [], "number": None})})
    text = text_of(changed, "acceptance-notice")
    assert_no_leaks(text)
    assert "Одновременно высылаем" not in text
    assert "и принял решение принять или не принять заявку" in text  # decision left blank
    assert "от «28» января 2025 г." in text
    assert build_notice(changed, changed.notice)["notice"]["decision"] == ""


def test_lettered_list_follows_gost_letters():
    items = lettered([f"п{i}" for i in range(9)])
    assert [i["letter"] for i in items] == list("абвгдежик")
    assert items[0]["text"] == "п0;" and items[-1]["text"] == "п8."
    assert listed(["на 2025 г.", "акт."]) == ["на 2025 г.;", "акт."]
    assert listed(["", " a; ", "b"]) == ["a;", "b."]


# -- Ж: перечень документов -----------------------------------------------------------
def test_document_list_prints_2016_clauses_extra_items_and_dates(case):
    text = text_of(case, "document-list")
    assert_no_leaks(text)
    for expected in [
        "1 Экологическая политика (5.2).",
        "в системе экологического менеджмента (5.3).",
        "ответственным лицом за систему экологического менеджмента (5.3).",
        "описание области применения системы экологического менеджмента (4.3);",
        "значимых экологических аспектов (6.1.2);",
        "руководство по экологическому менеджменту (7.5);",
        "производственного экологического мониторинга (9.1.1);",
        "рационального использования природных ресурсов (6.1.3);",
        "экологические цели и задачи (6.2);",
        "внутренних экологических аудитов (9.2).",
    ]:
        assert expected in text
    assert "(4.4.1)" not in text and "(4.2)" not in text
    assert "Стандарт-критерий: ГОСТ Р ИСО 14001-2016" in text
    assert ("5 Дополнительно запрашиваемые органом по сертификации документы: "
            "- программа производственного экологического контроля (ПЭК) на 2025 г.; "
            "- разрешение на выбросы загрязняющих веществ в атмосферный воздух.") in text
    assert "Срок представления документов «14» февраля 2025 г." in text
    assert "Дата «28» января 2025 г." in text
    assert "наименование органа по сертификации" in text and "наименование организации-заказчика" in text
    assert "3 Орган по сертификации вправе затребовать" in text


def test_document_list_under_the_2007_edition_keeps_the_standards_clauses(case):
    text = text_of(with_standard(case, "ГОСТ Р ИСО 14001-2007"), "document-list")
    assert "1 Экологическая политика (4.2)." in text
    assert "ответственным лицом за систему экологического менеджмента (4.4.1)." in text
    assert "внутренних экологических аудитов (4.5.5)." in text
    assert "Стандарт-критерий: ГОСТ Р ИСО 14001-2007" in text


def test_document_list_without_request_after_acceptance(case):
    changed = case.model_copy(update={"document_request": None})
    text = text_of(changed, "document-list")
    assert_no_leaks(text)
    assert "Дополнительно запрашиваемые" not in text
    assert "Срок представления документов «___»" in text
    assert "Дата «___»" in text
    # refused and no request on file: no list
    gone = refused(case).model_copy(update={"document_request": None})
    assert render_form(gone, "document-list") == []


def test_document_list_clause_editions():
    assert document_list_clauses("ГОСТ Р ИСО 14001-2016")["4.2"] == "5.2"
    assert document_list_clauses("ISO 14001:2015")["4.5.5"] == "9.2"
    assert document_list_clauses("ISO 14001:2004")["4.2"] == "4.2"
    assert document_list_clauses("ГОСТ Р ИСО 14001")["4.2"] == "5.2"  # no year: the latest
    assert document_list_clauses("ГОСТ Р ИСО 14001-1998")["4.2"] == "4.2"  # older: the earliest known
    # every clause the layout cites is mapped in every edition
    layout = (ROOT / "tools" / "templatebuilder" / "layouts" / "document_list.py").read_text(encoding="utf-8")
    cited = set(re.findall(r"_c\('([\d.]+)'\)", layout))
    assert cited
    for mapping in DOCUMENT_LIST_CLAUSES.values():
        assert cited <= set(mapping)


# -- every form ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("slug", "builder", "item"),
    [
        ("application-review", build_review, lambda c: c.review),
        ("acceptance-notice", build_notice, lambda c: c.notice),
        ("document-list", build_document_list, lambda c: c.document_request),
    ],
)
def test_template_variables_come_from_the_builder(case, slug, builder, item):
    spec = form_by_slug(slug)
    assert spec.builder.endswith(builder.__name__)
    used = template_variables(find_template(spec.template))
    assert used <= set(builder(case, item(case)))


@pytest.mark.parametrize("slug", ["application-review", "acceptance-notice", "document-list"])
def test_dates_and_names_are_formatted(case, slug):
    text = text_of(case, slug)
    assert DATE.search(text)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
