"""Form Е (audit-time calculation sheet) and the case → calculation mapping."""

from __future__ import annotations

import re

import pytest

from formgen.case.load import load_case
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
    ROOT,
    SAMPLES,
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
    # a nominative slot: the scope written in the dative («производству …») is declined (issue 7: 5)
    assert ("Область сертификации производство и реализация кирпича керамического рядового и "
            "лицевого, включая добычу глины Стандарт-критерий") in text
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
    # only stage 2 carries planned days: the note says they stand for both stages, as the table reads them
    assert ("Запланированные трудозатраты указаны в деле один раз — для аудита «второй этап "
            "сертификационного аудита, 14.04.2025–17.04.2025», 9,5 аудито-дня — и относятся к "
            "первоначальному аудиту в целом (этап 1 + этап 2)") in text
    assert "Запланировано: второй этап" not in text and "этап 2 6,5 9,5" not in text
    assert ("Руководитель аудиторской группы А. П. Кузнецов подпись инициалы, фамилия "
            "Руководитель органа по сертификации С. В. Орлов подпись инициалы, фамилия") in text
    assert "Дата «___»" in text


def test_sheet_prints_the_calculations_own_justification_and_clauses(case):
    audit = case.audit("stage2")
    result = compute_audit_time(request_from_estimate(audit.time))
    text = one(case, "stage2")
    for line in result.justification:
        assert flat(line) in text
    clauses = flat(text.split("Нормативные ссылки расчёта", 1)[1].split("Руководитель", 1)[0])
    assert clauses == (
        "Документ Пункты, таблицы, примечания "
        "ГОСТ Р 54318-2021 3.9; 4.3.3; приложение В, таблица СЭМ-2; приложение В, таблица СЭМ-1; "
        "10, I a); 4.2.3; 5.1, примечание; 4.1.2; раздел 7; раздел 8 "
        "ГОСТ Р 54318-2011 5.2.3, примечание 3 "
        "ГОСТ Р 54298-2010 приложение Е, таблица Е.1")
    for clause in result.clauses:  # every clause of the calculation is listed
        standard, _, where = clause.partition(", ")
        assert f"{standard} " in clauses and where in clauses, clause


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
        assert "этап 1 3 3 0 этап 2 6,5 8 +1,5" in text  # each stage beside its share
        assert ("Запланировано: на этап 1 (первый этап сертификационного аудита, 11.03.2025–12.03.2025) "
                "— 3 аудито-дня, на этап 2 (второй этап сертификационного аудита, "
                "14.04.2025–17.04.2025) — 8 аудито-дней; их сумма, 11 аудито-дней, сравнивается с "
                "расчётным временем первоначального аудита (этап 1 + этап 2).") in text


# -- Table Е.1 of ГОСТ Р 54298-2010 beside the ГОСТ Р 54318-2021 figure ---------------
def test_table_e1_is_printed_with_the_row_for_the_headcount(case):
    text = one(case, "stage2")
    section = text.split("3 Таблица Е.1 ГОСТ Р 54298-2010 и значение по ГОСТ Р 54318-2021", 1)[1]
    section = section.split("4 Сопоставление", 1)[0]
    # the whole table as the standard prints it (ГОСТ Р 54298-2010, Annex Е)
    for row in ["10 4±1 3±1 3±1 3±1", "30 7±2 6±2 4±1 3±1",
                "100 11±3 8±3 6±2 4±1 ◄ 164 чел., интерполяция",
                "500 16±5 12±3 9±3 6±2 ◄ 164 чел., интерполяция", "2000 23±7 18±5 13±4 8±2"]:
        assert row in section, row
    assert section.count("◄ 164") == 2  # only the two rows between which 164 lies
    assert ("По таблице Е.1 ГОСТ Р 54298-2010: 164 чел. (между строками 100 и 500), столбец «Средняя "
            "сложность» 8,64±3 → 8,5 человеко-дня; диапазон 5,5–11,5") in section
    assert ("По ГОСТ Р 54318-2021, приложение В, таблица СЭМ-1: 126–175 чел., сложность средняя "
            "9 аудито-дней") in section
    assert "по разделу 1 9,5 аудито-дня — в пределах диапазона таблицы Е.1" in section


@pytest.mark.parametrize(("personnel", "complexity", "rows", "figure"), [
    (8, "high", ["10 4±1 3±1 3±1 3±1 ◄ 8 чел."],
     "8 чел. (до 10), столбец «Высокая сложность» 4±1 человеко-дня; диапазон 3–5"),
    (500, "low", ["500 16±5 12±3 9±3 6±2 ◄ 500 чел."],
     "500 чел. (строка 500), столбец «Малая сложность» 9±3 человеко-дня; диапазон 6–12"),
    (3000, "limited", ["2000 23±7 18±5 13±4 8±2 ◄ 3000 чел. (примечание 3)"],
     "3000 чел. (свыше 2000: продолжение прогрессии таблицы, примечание 3), "
     "столбец «Ограниченная сложность» 8,33±2 → 8,5"),
])
def test_table_e1_row_follows_the_headcount(case, personnel, complexity, rows, figure):
    changed = with_time(case, "surv1", personnel=personnel, complexity=complexity, factors=[])
    text = one(changed, "surv1")
    assert_no_leaks(text)
    for row in rows:
        assert row in text
    assert text.count("◄ ") == 1 + len(rows)  # the legend and the marked row
    assert figure in text


def test_table_e1_method_sets_the_current_figure_beside_it(case):
    changed = with_time(case, "surv1", method="54298-2010")
    text = one(changed, "surv1")
    assert "Таблица трудозатрат ГОСТ Р 54298-2010, приложение Е, таблица Е.1" in text
    assert "таблица СЭМ-1: 126–175 чел., сложность средняя 9 аудито-дней" in text
    assert "по разделу 1 8,5 аудито-дня — в пределах диапазона таблицы Е.1" in text


def test_special_complexity_says_table_e1_does_not_apply(case):
    changed = with_time(case, "surv1", complexity="special", days=12, reason="опасные материалы")
    text = one(changed, "surv1")
    assert ("Особая категория сложности: таблица Е.1 не применяется (ГОСТ Р 54298-2010, приложение Е, "
            "таблица Е.1, примечание 1)") in text
    assert "◄ 161" not in text


# -- one citation per clause, under every method ------------------------------------------
def _clause_key(standard: str, where: str) -> tuple[str, str]:
    """A clause without the words that may vary around its number ("раздел 7" is "7")."""
    where = where.removeprefix("раздел ")
    return standard, where.split("таблица ")[-1] if "таблица " in where else where


@pytest.mark.parametrize("method", ["54318-2021", "54318-2011", "54298-2010"])
def test_each_clause_is_cited_once_in_one_spelling(case, method):
    changed = with_time(case, "stage2", method=method)
    context = build_effort(changed, changed.audit("stage2"))
    keys = [
        _clause_key(row["standard"], where)
        for row in context["effort"]["clauses"] for where in row["clauses"].split("; ")
    ]
    assert len(keys) == len(set(keys)), keys
    standards = [row["standard"] for row in context["effort"]["clauses"]]
    assert len(standards) == len(set(standards))
    # Table Е.1 and its notes: always «приложение Е, таблица Е.1», never a shorter spelling
    text = one(changed, "stage2")
    assert "ГОСТ Р 54298-2010, таблица Е.1" not in text


# -- every sample and case: the comparison, its table and its note agree ------------------
SHEET_CASES = sorted([*SAMPLES.glob("*.yaml"), *(ROOT / "tests" / "cases").glob("*.yaml")])


@pytest.mark.parametrize("path", SHEET_CASES, ids=lambda p: p.name)
def test_planned_figure_is_read_alike_in_table_and_note(path):
    loaded = load_case(path).case
    for name, text in form_texts(loaded, "audit-effort").items():
        assert_no_leaks(text)
        m = re.search(r"\(этап 1 \+ этап 2\), аудито-дни ([\d,]+) ([\d,]+) ([+−]?[\d,]+)", text)
        if m is None:  # a surveillance or recertification sheet, or nothing planned
            continue
        calc, planned, dev = (float(x.replace(",", ".").replace("−", "-")) for x in m.groups())
        assert planned - calc == pytest.approx(dev), name
        stages = re.search(r"этап 1 ([\d,]+) ([\d,]+) [+−]?[\d,]+ этап 2 ([\d,]+) ([\d,]+)", text)
        if stages:  # both stages planned: the rows add up to the total and the note names the sum
            c1, p1, c2, p2 = (float(x.replace(",", ".")) for x in stages.groups())
            assert (c1 + c2, p1 + p2) == (pytest.approx(calc), pytest.approx(planned)), name
            assert f"их сумма, {m.group(2)} аудито-д" in text, name
        else:  # one figure for the whole initial audit, said so
            assert f"— {m.group(2)} аудито-д" not in text.split("в том числе на месте")[0]
            assert "относятся к первоначальному аудиту в целом (этап 1 + этап 2)" in text, name
            assert f", {m.group(2)} аудито-д" in text, name


def test_scope_is_the_certification_scope_on_the_audit_date_not_a_partial_audits_own():
    case = load_case(ROOT / "tests" / "cases" / "negative-decisions.yaml").case
    assert "часть процессов" in case.audit("surv1").scope  # a surveillance of part of the processes
    text = one(case, "surv1")
    assert "пылеулавливающего" not in text
    # extended (Ц of 16.12.2024), not yet reduced (Ш of 21.04.2025) on 08.04.2025; nominative
    assert ("Область сертификации производство и реализация сборных железобетонных изделий для "
            "жилищного, промышленного и энергетического строительства (плиты перекрытий, стеновые "
            "панели, фундаментные блоки, сваи, стойки опор линий электропередачи), товарного бетона и "
            "строительного раствора Стандарт-критерий") in text


def test_table_e1_is_not_applied_to_another_system(case):
    changed = with_time(case, "surv1", system="qms", complexity=None)
    text = one(changed, "surv1")
    assert_no_leaks(text)
    assert "Таблица Е.1 относится только к СЭМ; для СМК не применяется." in text
    assert "◄ 161" not in text and "По таблице Е.1" not in text
