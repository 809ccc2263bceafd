"""Russian grammar in the forms' fixed phrases (issue 7, 5): formgen.text.declension and its use."""

from __future__ import annotations

import pytest

from formgen.text.declension import (
    DATIVE,
    GENITIVE,
    PREPOSITIONAL,
    organisation,
    person_name,
    phrase,
    scope_forms,
)
from tests.helpers import docx_text, flat, render_form, sample


@pytest.mark.parametrize(
    ("title", "dative", "genitive"),
    [
        ("Генеральный директор", "Генеральному директору", "Генерального директора"),
        ("Управляющий", "Управляющему", "Управляющего"),
        ("Заведующая производством", "Заведующей производством", "Заведующей производством"),
        ("Начальник отдела МТС", "Начальнику отдела МТС", "Начальника отдела МТС"),
        ("Директор по экологии", "Директору по экологии", "Директора по экологии"),
    ],
)
def test_job_titles_decline_their_head_group_only(title, dative, genitive):
    assert phrase(title, DATIVE) == dative
    assert phrase(title, GENITIVE) == genitive


@pytest.mark.parametrize(
    ("name", "genitive", "prepositional"),
    [
        ("Акционерное общество «Тверской завод»", "Акционерного общества «Тверской завод»",
         "Акционерном обществе «Тверской завод»"),
        ("Общество с ограниченной ответственностью «Завод»", "Общества с ограниченной "
         "ответственностью «Завод»", "Обществе с ограниченной ответственностью «Завод»"),
        ("ООО «Ромашка»", "ООО «Ромашка»", "ООО «Ромашка»"),
    ],
)
def test_organisation_legal_form_declined_quoted_name_kept(name, genitive, prepositional):
    assert organisation(name, GENITIVE) == genitive
    assert organisation(name, PREPOSITIONAL) == prepositional


def test_person_genitive_by_petrovich():
    assert person_name("Сазонов", "Виктор", "Николаевич", "male", GENITIVE) == (
        "Сазонова", "Виктора", "Николаевича")
    assert person_name("Виноградова", "Елена", "Петровна", "female", DATIVE) == (
        "Виноградовой", "Елене", "Петровне")


@pytest.mark.parametrize(
    ("written", "nominative", "dative"),
    [
        ("производству и реализации кирпича", "производство и реализация кирпича",
         "производству и реализации кирпича"),
        ("проектирование, строительство и ремонт зданий", "проектирование, строительство и ремонт зданий",
         "проектированию, строительству и ремонту зданий"),
        ("услуги по ремонту", "услуги по ремонту", "услугам по ремонту"),
    ],
)
def test_scope_written_once_gives_both_cases(written, nominative, dative):
    assert scope_forms(written) == (nominative, dative)


def test_text_that_is_not_a_noun_group_is_left_alone():
    assert scope_forms("по ремонту зданий") == ("по ремонту зданий", "по ремонту зданий")
    assert phrase("ИП", DATIVE) == "ИП"


# -- in the forms ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def full():
    return sample()


def _text(case, slug: str) -> str:
    return flat(docx_text(render_form(case, slug)[0].data))


def test_application_names_the_head_in_the_genitive_and_proposes_a_nominative_scope(full):
    text = _text(full, "application")
    assert "В лице генерального директора Сазонова Виктора Николаевича" in text
    assert "Генеральный директор, Сазонов" not in text
    proposed = text.split("Предлагаемая запись в сертификате соответствия")[1]
    assert proposed.split(")", 1)[1].strip().startswith("производство и реализация")


def test_notice_addressee_title_dative_through_pymorphy(full):
    head = full.organisation.head.model_copy(update={"position": "Заведующая производством",
                                                       "position_dative": None})
    case = full.model_copy(update={"organisation": full.organisation.model_copy(update={"head": head})})
    text = _text(case, "acceptance-notice")
    assert text.startswith("Заведующей производством Акционерного общества «Волжский завод")
    assert "В. Н. Сазонову инициалы, фамилия" in text


def test_plan_and_act_decline_the_organisation(full):
    plan = flat(docx_text(next(d for d in render_form(full, "audit-plan") if "stage2" in d.path).data))
    assert "ДЕЙСТВУЮЩЕЙ В Акционерном обществе «Волжский завод строительных материалов»" in plan
    act = flat(docx_text(next(d for d in render_form(full, "audit-report") if "stage2" in d.path).data))
    assert "(СЭМ) Акционерного общества «Волжский завод строительных материалов»" in act
    assert "применительно к производству" in act
