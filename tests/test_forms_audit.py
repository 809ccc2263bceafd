"""Forms И (audit plan), К (nonconformity), Л (notices) and М (audit report): content checks."""

from __future__ import annotations

import datetime as dt
import io
import re

import jinja2
import pytest
from docx import Document
from docxtpl import DocxTemplate
from jinja2 import nodes

from formgen.case.model import Person
from formgen.forms.context.audit import appendices, attachment_lines
from formgen.forms.registry import form_by_slug
from formgen.render.docx import template_variables
from formgen.render.templates import find_template
from tests.helpers import (
    assert_no_leaks,
    form_texts,
    instance_text,
    render_form,
    sample,
    with_audit,
)

SLUGS = ("audit-plan", "nonconformity", "notices", "audit-report")
DATE = re.compile(r"«\d{2}» [а-я]+ \d{4} г\.")
BLANK_DATE = "«___» ____________ 20___ г."
ATTENDANCE = ("Приложение {} — протоколы со сведениями о работниках, присутствовавших на предварительном "
              "и заключительном совещаниях")


@pytest.fixture(scope="module")
def case():
    return sample()


def one(case, slug: str, audit_id: str, nc: str | None = None) -> str:
    """The form of one audit, or of one nonconformity ``nc`` of it."""
    return instance_text(case, slug, f"{audit_id}-{nc}" if nc else audit_id)


def assert_no_leaks_or_iso_dates(text: str) -> None:
    """These forms print booleans and dates too: no "False", no ISO date."""
    assert_no_leaks(text, "False")
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text), "ISO date leaked"


def audit(case, audit_id: str):
    return case.audit(audit_id)


# -- instances ------------------------------------------------------------------
def test_one_document_per_plan_nonconformity_notices_and_act(case):
    assert len(render_form(case, "audit-plan")) == sum(a.plan is not None for a in case.audits) == 3
    assert len(render_form(case, "nonconformity")) == sum(len(a.nonconformities) for a in case.audits) == 4
    assert len(render_form(case, "notices")) == sum(bool(a.notices) for a in case.audits) == 1
    assert len(render_form(case, "audit-report")) == sum(a.report is not None for a in case.audits) == 3
    names = sorted(d.path for d in render_form(case, "nonconformity"))
    assert names == ["07-nonconformity-stage2-1.docx", "07-nonconformity-stage2-2.docx",
                     "07-nonconformity-stage2-3.docx", "07-nonconformity-surv1-1.docx"]


@pytest.mark.parametrize("slug", SLUGS)
def test_no_leaks_and_dates_in_long_form(case, slug):
    for text in form_texts(case, slug).values():
        assert_no_leaks_or_iso_dates(text)
        assert DATE.search(text)


# -- appendix numbering ------------------------------------------------------------
def test_appendix_numbers_follow_the_plan(case):
    stage2 = audit(case, "stage2")
    numbers = appendices(stage2)
    assert numbers.plan == 1
    assert numbers.nonconformities == (2, 3, 4)
    assert numbers.notices == 5
    assert numbers.attendance == 6 and numbers.disagreements is None  # note of Annex М
    assert appendices(audit(case, "surv1")).nonconformities == (2,)
    assert appendices(audit(case, "surv1")).notices is None
    assert appendices(audit(case, "stage1")) == type(numbers)(1, (), None, 2, None)


def test_appendix_numbers_without_a_plan_stay_consecutive(case):
    bare = audit(with_audit(case, "stage2", plan=None), "stage2")
    assert appendices(bare).plan is None
    assert appendices(bare).nonconformities == (1, 2, 3)
    assert appendices(bare).notices == 4
    assert attachment_lines(bare) == ["Приложения 1–3 — регистрация несоответствий № 1–3",
                                      "Приложение 4 — регистрация уведомлений", ATTENDANCE.format(5)]


def test_attachment_numbers_of_two_or_scattered_nonconformities(case):
    ncs = audit(case, "stage2").nonconformities
    two = audit(with_audit(case, "stage2", nonconformities=ncs[:2], notices=[]), "stage2")
    assert attachment_lines(two) == ["Приложение 1 — план аудита",
                                     "Приложения 2, 3 — регистрация несоответствий № 1, 2",
                                     ATTENDANCE.format(4)]
    scattered = [ncs[0], ncs[1].model_copy(update={"number": "4"}), ncs[2].model_copy(update={"number": "7"})]
    odd = audit(with_audit(case, "stage2", nonconformities=scattered), "stage2")
    assert attachment_lines(odd)[1] == "Приложения 2–4 — регистрация несоответствий № 1, 4, 7"


def test_corner_notes_and_the_acts_list_agree(case):
    """К and Л print the numbers the act lists — both come from ``appendices``."""
    for a in case.audits:
        if a.report is None:
            continue
        act = one(case, "audit-report", a.id)
        for nc, number in zip(a.nonconformities, appendices(a).nonconformities, strict=True):
            assert one(case, "nonconformity", a.id, nc.number).startswith(f"Приложение {number} к акту")
            assert str(number) in act.split("Приложения к акту:")[1]
        if a.notices:
            notices = one(case, "notices", a.id)
            assert notices.startswith(f"Приложение {appendices(a).notices} к акту")
            assert f"Приложение {appendices(a).notices} — регистрация уведомлений" in act


# -- И: план аудита --------------------------------------------------------------------
def test_plan_prints_approval_purpose_and_sections(case):
    text = one(case, "audit-plan", "stage2")
    assert text.startswith("Приложение 1 к акту УТВЕРЖДАЮ Руководитель органа по сертификации "
                           "ООО «Экостандарт-Сертификация» наименование органа по сертификации "
                           "С. В. Орлов подпись инициалы, фамилия «02» апреля 2025 г.")
    assert ("ДЕЙСТВУЮЩЕЙ В Акционерном обществе «Волжский завод строительных материалов» "
            "наименование проверяемой организации") in text
    assert ("1 ЦЕЛЬ И ОБЛАСТЬ АУДИТА Сертификация (второй этап сертификационного аудита) системы "
            "экологического менеджмента (СЭМ) применительно к производству и реализации кирпича "
            "керамического рядового и лицевого, включая добычу глины область применения СЭМ "
            "(область сертификации) на соответствие требованиям ГОСТ Р ИСО 14001-2016.") in text
    assert "Примечание — При инспекционном контроле проводят обязательную проверку" in text
    assert ("2 ОСНОВАНИЕ заявка № З-014/2025 от 20.01.2025, договор № 27-С/2025 от 05.02.2025 "
            "заявка, договор и пр.") in text
    assert "3 СРОКИ ПРОВЕДЕНИЯ АУДИТА с «14» апреля 2025 г. по «17» апреля 2025 г." in text
    for line in ("Руководитель аудиторской группы — А. П. Кузнецов", "Аудитор — Е. И. Соколова",
                 "Технический эксперт — Д. О. Морозов",
                 "Стажёр (в состав комиссии не входит) — О. С. Лебедева"):
        assert line in text
    assert "Федеральный закон от 10.01.2002 № 7-ФЗ «Об охране окружающей среды»" in text
    assert "2007" not in text


def test_plan_objects_table_has_one_row_per_object(case):
    text = one(case, "audit-plan", "stage2")
    assert ("№ п/п Подразделения/ Процессы Элементы ГОСТ Р ИСО 14001-2016 Дата аудита Аудитор (эксперт) "
            "Представители проверяемой организации 1 2 3 4 5 6 1 Высшее руководство") in text
    plan = audit(case, "stage2").plan
    rendered = Document(io.BytesIO(render_form(case, "audit-plan")[1].data))
    tables = [t for t in rendered.tables if t.rows[0].cells[-1].text.startswith("Представители")]
    assert len(tables) == 1
    rows = [[c.text for c in row.cells] for row in tables[0].rows[2:]]  # after the header rows
    assert len(rows) == len(plan.objects)
    assert rows[0] == ["1", "Высшее руководство", "4.1–4.4, 5, 6.2, 9.3, 10", "14.04.2025\n09:00–11:00",
                       "А.\u00a0П.\u00a0Кузнецов", "Сазонов В. Н., Ершова Т. В."]
    # one auditor a line; the trainee who goes along is named as a trainee, not as an auditor (expert)
    assert rows[1][4] == "А.\u00a0П.\u00a0Кузнецов,\nО.\u00a0С.\u00a0Лебедева (стажёр)"
    assert tables[0].rows[0].cells[4].text == "Аудитор (эксперт)"
    assert rows[5][:2] == ["6", "Служба закупок и логистики"]


def test_plan_confidentiality_additional_info_and_agreement(case):
    text = one(case, "audit-plan", "stage2")
    assert ("7 ТРЕБОВАНИЯ КОНФИДЕНЦИАЛЬНОСТИ Комиссия (пункт 4 настоящего плана) обязуется не "
            "разглашать конфиденциальную информацию, полученную в ходе аудита системы экологического "
            "менеджмента Акционерного общества «Волжский завод строительных материалов» наименование "
            "проверяемой организации и не передавать") in text
    assert "8 ДОПОЛНИТЕЛЬНЫЕ СВЕДЕНИЯ Рабочий язык аудита: русский" in text
    assert "Метод классификации несоответствий: несоответствия классифицируются по категориям" in text
    assert "Материально-техническое обеспечение: помещение для работы комиссии" in text
    assert ("в случае необходимости указываются: рабочий язык аудита; методы классификации "
            "несоответствий; материально-техническое обеспечение деятельности по аудиту") in text
    assert ("СОГЛАСОВАНО Представитель руководства АО «ВЗСМ» наименование проверяемой организации "
            "Т. В. Ершова подпись инициалы, фамилия Руководитель аудиторской группы "
            "ООО «Экостандарт-Сертификация» наименование органа по сертификации А. П. Кузнецов "
            "подпись инициалы, фамилия") in text


def test_surveillance_plan_confirms_conformity_and_names_the_previous_act(case):
    text = one(case, "audit-plan", "surv1")
    assert "Инспекционный контроль системы экологического менеджмента (СЭМ) применительно к" in text
    assert "на подтверждение соответствия требованиям ГОСТ Р ИСО 14001-2016." in text
    assert ("зарегистрированных в акте по результатам предыдущего аудита "
            "(акт № А-014/2 от «17» апреля 2025 г.).") in text
    assert "«10» марта 2026 г." in text
    assert "Сертификация (первый этап сертификационного аудита)" in one(case, "audit-plan", "stage1")


def test_plan_with_empty_optional_fields_prints_blanks(case):
    plan = audit(case, "stage2").plan.model_copy(update={
        "approved": None, "approved_by": "belova", "objects": [], "agreed_by": None,
        "language": None, "classification": None, "logistics": None,
    })
    modified = with_audit(case, "stage2", plan=plan, basis=None)
    text = one(modified, "audit-plan", "stage2")
    assert_no_leaks_or_iso_dates(text)
    assert ("УТВЕРЖДАЮ Заместитель руководителя органа по сертификации ООО «Экостандарт-Сертификация» "
            "наименование органа по сертификации М. А. Белова подпись инициалы, фамилия "
            f"{BLANK_DATE}") in text
    assert "2 ОСНОВАНИЕ заявка, договор и пр." in text
    assert "1 2 3 4 5 6 7 ТРЕБОВАНИЯ" in text  # three empty rows to fill by hand
    assert "8 ДОПОЛНИТЕЛЬНЫЕ СВЕДЕНИЯ в случае необходимости" in text
    # No agreed_by: the organisation's management representative.
    assert "Представитель руководства АО «ВЗСМ» наименование проверяемой организации Т. В. Ершова" in text


# -- К: регистрация несоответствия ---------------------------------------------------------
def test_nonconformity_prints_identification_and_category(case):
    text = one(case, "nonconformity", "stage2", "1")
    assert text.startswith("Приложение 2 к акту Система добровольной сертификации «ЭкоСтандарт» "
                           "наименование системы сертификации СЭМ РЕГИСТРАЦИЯ НЕСООТВЕТСТВИЯ")
    assert ("Наименование органа по сертификации (ОС) СЭМ Общество с ограниченной ответственностью "
            "«Экостандарт-Сертификация» Наименование проверяемой организации: Акционерное общество "
            "«Волжский завод строительных материалов» Номер акта А-014/2 Дата «17» апреля 2025 г.") in text
    assert "Номер и категория несоответствия № 1, категория К (критическое)" in text
    assert "Проверяемое подразделение Склад ГСМ" in text
    assert "Номера пунктов ГОСТ Р ИСО 14001-2016 8.2" in text
    assert ("Обозначение документа СЭМ организации, номер пункта ИЭ-08-02 «Действия при аварийных "
            "разливах нефтепродуктов», п. 4.3") in text
    assert "№ 2, категория 1 (значительное)" in one(case, "nonconformity", "stage2", "2")
    assert "№ 3, категория 2 (малозначительное)" in one(case, "nonconformity", "stage2", "3")
    assert one(case, "nonconformity", "stage2", "3").startswith("Приложение 4 к акту")
    assert one(case, "nonconformity", "surv1", "1").startswith("Приложение 2 к акту")


def test_nonconformity_prints_description_actions_and_signatures(case):
    text = one(case, "nonconformity", "stage2", "1")
    assert "Описание несоответствия: На площадке склада ГСМ выявлен разлив отработанного масла" in text
    assert ("Руководитель аудиторской группы А. П. Кузнецов подпись инициалы, фамилия "
            "Эксперт Д. О. Морозов подпись инициалы, фамилия") in text
    assert "Планируемые корректирующие действия: Ликвидация разлива и вывоз загрязнённого грунта" in text
    assert "Срок выполнения «16» мая 2025 г." in text
    assert ("Представитель проверяемой организации «17» апреля 2025 г. П. А. Гусев "
            "дата подпись инициалы, фамилия") in text
    assert ("Оценка результативности корректирующих действий (проводит ОС): Разлив ликвидирован, "
            "грунт вывезен (акт № 45 от 28.04.2025)") in text
    assert ("Руководитель аудиторской группы (эксперт) «20» мая 2025 г. А. П. Кузнецов "
            "дата подпись инициалы, фамилия") in text
    surv = one(case, "nonconformity", "surv1", "1")
    assert "Эксперт Е. И. Соколова подпись" in surv
    assert "(эксперт) «20» апреля 2026 г. Е. И. Соколова" in surv


def test_nonconformity_recorded_by_the_lead_leaves_the_expert_line_to_fill(case):
    text = one(case, "nonconformity", "stage2", "3")
    assert "Руководитель аудиторской группы А. П. Кузнецов подпись инициалы, фамилия Эксперт подпись" in text


def test_nonconformity_before_evaluation_prints_blanks(case):
    nc = audit(case, "stage2").nonconformities[1].model_copy(update={
        "effectiveness": None, "representative": None, "acknowledged": None, "due_date": None,
        "corrective_action": None, "document_ref": None, "unit": None, "recorded_by": None,
    })
    ncs = list(audit(case, "stage2").nonconformities)
    ncs[1] = nc
    text = one(with_audit(case, "stage2", nonconformities=ncs), "nonconformity", "stage2", "2")
    assert_no_leaks_or_iso_dates(text)
    assert "Проверяемое подразделение Номера пунктов" in text
    assert f"Срок выполнения {BLANK_DATE}" in text
    assert f"Представитель проверяемой организации {BLANK_DATE} дата подпись" in text
    assert f"(проводит ОС): Руководитель аудиторской группы (эксперт) {BLANK_DATE} дата подпись" in text


# -- Л: регистрация уведомлений -----------------------------------------------------------
def test_notices_table_and_signatures(case):
    text = one(case, "notices", "stage2")
    assert text.startswith("Приложение 5 к акту Система добровольной сертификации «ЭкоСтандарт» "
                           "наименование системы сертификации СЭМ РЕГИСТРАЦИЯ УВЕДОМЛЕНИЙ")
    assert ("Наименование проверяемой организации: Акционерное общество «Волжский завод строительных "
            "материалов» Номер акта А-014/2 Дата «17» апреля 2025 г.") in text
    assert ("№ Описание уведомлений Номера пунктов ГОСТ Р ИСО 14001-2016 Обозначение документа СЭМ "
            "организации Подтверждение учета уведомлений 1 2 3 4 5") in text
    assert ("1 Рекомендуется установить целевые показатели по снижению удельного расхода природного газа "
            "на 1000 шт. кирпича. 6.2.1 Экологическая политика, п. 3 Принято к учёту, Ершова Т. В.") in text
    assert ("2 Журнал учёта движения отходов ведётся в бумажном виде; рекомендуется электронный учёт. "
            "7.5.3 Принято к учёту") in text
    assert ("Руководитель аудиторской группы А. П. Кузнецов подпись инициалы, фамилия "
            "Представитель проверяемой организации Т. В. Ершова подпись инициалы, фамилия") in text
    assert ("Эксперты Аудитор Е. И. Соколова подпись инициалы, фамилия Технический эксперт "
            "Д. О. Морозов подпись инициалы, фамилия") in text
    assert "Лебедева" not in text  # a trainee is not an expert (issue 7, 7)


def test_notices_follow_the_nonconformities_and_keep_room_for_two_experts(case):
    notices = [n.model_copy(update={"clauses": None, "document_ref": None, "acknowledgment": None})
               for n in audit(case, "stage2").notices]
    team = [m for m in audit(case, "stage2").team if m.role in ("lead_auditor", "auditor")]
    modified = with_audit(case, "stage2", nonconformities=[], notices=notices, team=team,
                          notices_representative=None, report=None)
    text = one(modified, "notices", "stage2")
    assert_no_leaks_or_iso_dates(text)
    assert text.startswith("Приложение 2 к акту")
    assert f"Номер акта Дата {BLANK_DATE}" in text
    assert "Представитель проверяемой организации подпись инициалы, фамилия" in text
    assert ("Эксперты Аудитор Е. И. Соколова подпись инициалы, фамилия подпись инициалы, фамилия"
            in text)


# -- М: акт ---------------------------------------------------------------------------------
def test_report_prints_title_sections_and_results(case):
    text = one(case, "audit-report", "stage2")
    assert text.startswith("АКТ ПО РЕЗУЛЬТАТАМ АУДИТА СИСТЕМЫ ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА "
                           "НА СООТВЕТСТВИЕ ТРЕБОВАНИЯМ ГОСТ Р ИСО 14001-2016 "
                           "№ А-014/2 от «17» апреля 2025 г. "
                           "Акционерное общество «Волжский завод строительных материалов» наименование "
                           "организации-заказчика (держателя сертификата)")
    assert ("1 ЦЕЛЬ И ОБЛАСТЬ АУДИТА Сертификация (второй этап сертификационного аудита) системы "
            "экологического менеджмента (СЭМ) Акционерного общества «Волжский завод строительных "
            "материалов» наименование организации-заказчика (держателя сертификата) применительно к "
            "производству и реализации кирпича") in text
    assert "на соответствие требованиям ГОСТ Р ИСО 14001-2016 2 ОСНОВАНИЕ заявка № З-014/2025" in text
    assert "3 СРОКИ ПРОВЕДЕНИЯ АУДИТА с «14» апреля 2025 г. по «17» апреля 2025 г." in text
    assert "4 СОСТАВ АУДИТОРСКОЙ ГРУППЫ Руководитель аудиторской группы — А. П. Кузнецов" in text
    assert "5 НОРМАТИВНАЯ БАЗА АУДИТА ГОСТ Р ИСО 14001-2016" in text
    assert "6 РЕЗУЛЬТАТЫ АУДИТА Проверены все процессы и площадки области сертификации." in text
    assert "7 ВЫВОДЫ КОМИССИИ СЭМ АО «ВЗСМ» соответствует требованиям" in text
    assert "8 АДРЕСА РАССЫЛКИ ООО «Экостандарт-Сертификация» (подлинник) АО «ВЗСМ» (копия)" in text
    assert ("9 ДОПОЛНИТЕЛЬНЫЕ СВЕДЕНИЯ (при необходимости) Аудит проведён при работающей туннельной "
            "печи") in text
    assert "на подтверждение соответствия требованиям" in one(case, "audit-report", "surv1")


def test_report_signatures_date_city_and_attachments(case):
    text = one(case, "audit-report", "stage2")
    assert ("Руководитель аудиторской группы Общество с ограниченной ответственностью "
            "«Экостандарт-Сертификация» наименование органа по сертификации А. П. Кузнецов "
            "подпись инициалы, фамилия") in text
    assert ("Члены комиссии: Аудитор Е. И. Соколова подпись инициалы, фамилия Технический эксперт "
            "Д. О. Морозов подпись инициалы, фамилия С актом ознакомлен:") in text
    assert ("С актом ознакомлен: Руководитель проверяемой организации Акционерное общество «Волжский "
            "завод строительных материалов» наименование проверяемой организации Генеральный директор "
            "В. Н. Сазонов подпись инициалы, фамилия") in text
    assert "Дата «17» апреля 2025 г. Город Сызрань" in text
    assert text.endswith("Приложения к акту: Приложение 1 — план аудита "
                         "Приложения 2–4 — регистрация несоответствий № 1–3 "
                         "Приложение 5 — регистрация уведомлений " + ATTENDANCE.format(6))
    assert one(case, "audit-report", "stage1").endswith("Приложения к акту: Приложение 1 — план аудита "
                                                        + ATTENDANCE.format(2))
    assert one(case, "audit-report", "surv1").endswith(
        "Приложение 1 — план аудита Приложение 2 — регистрация несоответствия № 1 " + ATTENDANCE.format(3))
    # Only one member besides the lead: one line each, none padded in.
    assert ("Члены комиссии: Аудитор Е. И. Соколова подпись инициалы, фамилия С актом ознакомлен:"
            in one(case, "audit-report", "surv1"))


def test_report_falls_back_to_the_organisation_head_and_city(case):
    report = audit(case, "stage2").report.model_copy(update={
        "acknowledged_by": None, "city": None, "distribution": [], "additional_info": None,
    })
    org = case.organisation.model_copy(update={"head": Person(name="Иванова Анна Петровна")})
    modified = with_audit(case, "stage2", report=report, team=audit(case, "stage2").team[:1])
    modified = modified.model_copy(update={"organisation": org})
    text = one(modified, "audit-report", "stage2")
    assert_no_leaks_or_iso_dates(text)
    assert "наименование проверяемой организации Руководитель проверяемой организации А. П. Иванова" in text
    assert "Город Сызрань" in text
    assert "8 АДРЕСА РАССЫЛКИ 9 ДОПОЛНИТЕЛЬНЫЕ СВЕДЕНИЯ (при необходимости) Руководитель" in text
    assert "Члены комиссии: подпись инициалы, фамилия С актом ознакомлен:" in text


# -- templates and builders ------------------------------------------------------------------
def _template(slug: str):
    return find_template(form_by_slug(slug).template)


def _paths(node, scope: dict, out: set) -> None:
    """Dotted names a template reads (``plan.objects[].unit``), loop variables resolved."""
    if isinstance(node, nodes.For):
        _paths(node.iter, scope, out)
        inner = dict(scope)
        inner[node.target.name] = (*_path(node.iter, scope), "[]")
        for child in node.body + node.else_:
            _paths(child, inner, out)
        return
    if isinstance(node, nodes.Getattr | nodes.Name):
        path = _path(node, scope)
        if path:
            out.add(path)
        return
    for child in node.iter_child_nodes():
        _paths(child, scope, out)


def _path(node, scope: dict) -> tuple:
    if isinstance(node, nodes.Name):
        if node.name == "loop":
            return ()
        return scope.get(node.name, (node.name,))
    if isinstance(node, nodes.Getattr):
        base = _path(node.node, scope)
        return (*base, node.attr) if base else ()
    return ()


def _resolve(value, path: tuple) -> bool:
    if not path:
        return True
    head, rest = path[0], path[1:]
    if head == "[]":
        assert isinstance(value, list)
        return all(_resolve(item, rest) for item in value)
    return isinstance(value, dict) and head in value and _resolve(value[head], rest)


def template_paths(slug: str) -> set[tuple]:
    tpl = DocxTemplate(str(_template(slug)))
    doc = Document(str(_template(slug)))
    xml = tpl.patch_xml(tpl.xml_to_string(doc._element.body))
    ast = jinja2.Environment().parse(xml)
    out: set[tuple] = set()
    _paths(ast, {}, out)
    return out


@pytest.mark.parametrize("slug", SLUGS)
def test_every_template_variable_comes_from_the_builder(case, slug):
    form = form_by_slug(slug)
    names = template_variables(_template(slug))
    paths = template_paths(slug)
    assert {p[0] for p in paths} == names
    for instance in form.instances(case):
        context = form.build(case, instance.item)
        assert names <= set(context)
        for path in paths:
            assert _resolve(context, path), (slug, instance.key, ".".join(path))


@pytest.mark.parametrize("slug", SLUGS)
def test_builders_hand_templates_only_strings(case, slug):
    def check(value):
        if isinstance(value, dict):
            for v in value.values():
                check(v)
        elif isinstance(value, list):
            for v in value:
                check(v)
        else:
            assert isinstance(value, str), value

    form = form_by_slug(slug)
    for instance in form.instances(case):
        check(form.build(case, instance.item))


def test_standard_edition_comes_from_the_case(case):
    application = case.application.model_copy(update={"standard": "ГОСТ Р ИСО 14001-2099"})
    other = case.model_copy(update={"application": application})
    for slug in SLUGS:
        for text in form_texts(other, slug).values():
            assert "ГОСТ Р ИСО 14001-2099" in text
            assert "2007" not in text


def test_dates_are_long_russian_dates(case):
    text = one(case, "nonconformity", "stage2", "2")
    found = DATE.findall(text)
    assert found and all(d.startswith("«") for d in found)
    assert dt.date(2025, 7, 4).strftime("%d.%m.%Y") not in text
    assert "Срок выполнения «04» июля 2025 г." in text
