"""Form Е (audit-time calculation sheet) and the case → calculation mapping."""

from __future__ import annotations

import pytest

from formgen.case.model import TimeEstimate, TimeFactor
from formgen.checks.audittime import (
    AuditTimeInputError,
    EffectivePersonnel,
    compute_audit_time,
)
from formgen.checks.audittime_case import request_from_estimate
from formgen.forms.context.effort import build_effort
from formgen.forms.registry import form_by_slug
from formgen.render.docx import template_variables
from formgen.render.templates import find_template
from tests.helpers import (
    assert_no_leaks,
    flat,
    form_texts,
    instance_text,
    sample,
    with_audit,
)


@pytest.fixture(scope="module")
def case():
    return sample()


def with_time(case, audit_id: str, **update):
    """The case with fields of one audit's time estimate changed."""
    return with_audit(case, audit_id, time=case.audit(audit_id).time.model_copy(update=update))


def one(case, audit_id: str) -> str:
    """The calculation sheet of one audit."""
    return instance_text(case, "audit-effort", audit_id)


# -- request_from_estimate --------------------------------------------------------
def test_request_keeps_plain_personnel_as_a_number():
    req = request_from_estimate(TimeEstimate(personnel=161, complexity="medium"))
    assert req.personnel == 161
    assert (req.system, req.method, req.complexity) == ("ems", "54318-2021", "medium")
    assert dict(req.factors) == {} and req.adjust is None


def test_request_converts_part_time_and_repetitive_staff(case):
    estimate = case.audit("stage2").time
    req = request_from_estimate(estimate)
    assert isinstance(req.personnel, EffectivePersonnel)
    assert req.personnel.effective == 164  # 158 + 12 × 20 / 40
    assert dict(req.factors) == {"multiple_sites": 5}
    assert dict(req.factor_notes) == {"multiple_sites": "карьер в 40 км от основной площадки"}
    rep = request_from_estimate(TimeEstimate(personnel=200, repetitive=100, complexity="low"))
    assert rep.personnel.effective == 200 - 100 + 10


def test_request_refuses_a_factor_named_twice():
    estimate = TimeEstimate(personnel=50, complexity="low", factors=[
        TimeFactor(name="maturity", percent=-5), TimeFactor(name="maturity", percent=-10)])
    with pytest.raises(AuditTimeInputError, match="дважды"):
        request_from_estimate(estimate)


# -- the form ------------------------------------------------------------------------
def test_one_sheet_per_audit_with_an_estimate(case):
    paths = sorted(form_texts(case, "audit-effort"))
    assert [p.rsplit("-", 1)[-1] for p in paths] == ["stage2.docx", "surv1.docx"]


def test_stage2_sheet_prints_every_step(case):
    text = one(case, "stage2")
    assert_no_leaks(text)
    assert text.startswith("Общество с ограниченной ответственностью «Экостандарт-Сертификация» "
                           "наименование органа по сертификации ОЦЕНКА ТРУДОЗАТРАТ")
    assert ("Акционерное общество «Волжский завод строительных материалов» "
            "наименование организации-заказчика") in text
    assert "Вид аудита второй этап сертификационного аудита" in text
    assert "Сроки проведения с «14» апреля 2025 г. по «17» апреля 2025 г." in text
    assert "Стандарт-критерий ГОСТ Р ИСО 14001-2016" in text
    assert "Метод расчёта ГОСТ Р 54318-2021" in text
    assert "Таблица трудозатрат ГОСТ Р 54318-2021, приложение В, таблица СЭМ-1" in text
    for row in [
        "Персонал с полной занятостью в области сертификации 158 чел.",
        "Персонал с частичной занятостью, в эквиваленте полной занятости 12 чел. × 20 ч/нед. → 6 чел.",
        "Эффективная численность персонала 164 чел. ГОСТ Р 54318-2021, 3.9; ГОСТ Р 54318-2021, 4.3.3",
        "Категория сложности средняя ГОСТ Р 54318-2021, приложение В, таблица СЭМ-2",
        "(126–175 чел.) 9 аудито-дней ГОСТ Р 54318-2021, приложение В, таблица СЭМ-1",
        "Поправка: Сложная логистика: несколько зданий или площадок, где проводится работа — карьер в "
        "40 км от основной площадки +5 % ГОСТ Р 54318-2021, 10, I a)",
        "Суммарная поправка +5 %",
        "9,45 → 9,5 аудито-дня ГОСТ Р 54318-2021, 4.2.3",
        "этап 1 + этап 2 9,5 аудито-дня",
        "этап 1 / этап 2 3 / 6,5",
        "на месте (этапы 1 и 2), не менее 8 аудито-дней ГОСТ Р 54318-2021, 4.1.2",
        "ежегодно 3 аудито-дня; на месте не менее 2,5 ГОСТ Р 54318-2021, раздел 7",
        "Ресертификационный аудит 6,5 аудито-дня; на месте не менее 5,5 ГОСТ Р 54318-2021, раздел 8",
    ]:
        assert row in text, row
    # planned vs calculated as the rules compare them: stages 1 + 2 against the initial time
    assert "Трудозатраты на первоначальный аудит (этап 1 + этап 2), аудито-дни 9,5 9,5 0" in text
    assert "в том числе на месте не менее 8 8 0" in text
    assert "Запланировано: второй этап сертификационного аудита — 9,5 аудито-дня." in text
    assert ("Руководитель аудиторской группы А. П. Кузнецов подпись инициалы, фамилия "
            "Руководитель органа по сертификации С. В. Орлов подпись инициалы, фамилия") in text
    assert "Дата «___»" in text


def test_sheet_prints_the_calculations_own_justification_and_clauses(case):
    audit = case.audit("stage2")
    result = compute_audit_time(request_from_estimate(audit.time))
    text = one(case, "stage2")
    for line in result.justification:
        assert flat(line) in text
    for clause in result.clauses:
        assert clause in text


def test_surveillance_sheet_compares_with_the_surveillance_figure(case):
    text = one(case, "surv1")
    assert_no_leaks(text)
    assert "Вид аудита инспекционный контроль" in text
    assert "Эффективная численность персонала 161 чел. ГОСТ Р 54318-2021, 3.9" in text
    assert "Персонал с частичной занятостью" not in text
    assert "Суммарная поправка" not in text
    assert "на инспекционный контроль (надзорный аудит), аудито-дни 3 3 0" in text
    assert "в том числе на месте не менее 2,5 2,5 0" in text


def test_reduction_cap_is_shown(case):
    changed = with_time(case, "surv1", factors=[
        TimeFactor(name="maturity", percent=-20), TimeFactor(name="small_site", percent=-15)])
    text = one(changed, "surv1")
    assert "Суммарная поправка −35 % → −30 % (сокращение не более 30 %) ГОСТ Р 54318-2021, 5.9" in text
    assert "Поправка: Зрелость системы менеджмента −20 %" in text


def test_table_e1_method_and_missing_plan(case):
    changed = with_time(case, "surv1", method="54298-2010", planned_days=None, planned_onsite_days=None)
    text = one(changed, "surv1")
    assert_no_leaks(text)
    assert "Метод расчёта ГОСТ Р 54298-2010" in text
    assert "Таблица трудозатрат ГОСТ Р 54298-2010, приложение Е, таблица Е.1" in text
    assert "(между строками 100 и 500) 8,5 аудито-дня (диапазон 5,5–11,5)" in text
    # nothing planned: the planned and deviation cells stay empty
    assert "(надзорный аудит), аудито-дни 4,5 в том числе на месте не менее 4" in text


def test_special_complexity_prints_the_individual_value(case):
    changed = with_time(case, "surv1", complexity="special", days=12,
                        reason="хранение больших количеств опасных материалов")
    text = one(changed, "surv1")
    assert_no_leaks(text)
    assert ("Категория сложности: особая; индивидуальное значение 12 аудито-дней "
            "(хранение больших количеств опасных материалов)") in text
    assert "Таблица трудозатрат не применяется (особая категория сложности)" in text


def test_template_variables_come_from_the_builder(case):
    spec = form_by_slug("audit-effort")
    assert spec.builder == "effort:build_effort"
    used = template_variables(find_template(spec.template))
    assert used <= set(build_effort(case, case.audit("stage2")))


def test_planned_days_of_both_stages_are_added_up(case):
    stage2 = case.audit("stage2")
    planned = {"stage1": {"planned_days": 3, "planned_onsite_days": 2.5},
               "stage2": {"planned_days": 8, "planned_onsite_days": 7}}
    audits = [
        a.model_copy(update={"time": stage2.time.model_copy(update=planned[a.id])}) if a.id in planned else a
        for a in case.audits
    ]
    changed = case.model_copy(update={"audits": audits})
    for audit_id in ("stage1", "stage2"):
        text = one(changed, audit_id)
        assert "Трудозатраты на первоначальный аудит (этап 1 + этап 2), аудито-дни 9,5 11 +1,5" in text
        assert "в том числе на месте не менее 8 9,5 +1,5" in text
        assert ("Запланировано: первый этап сертификационного аудита — 3 аудито-дня; второй этап "
                "сертификационного аудита — 8 аудито-дней.") in text
