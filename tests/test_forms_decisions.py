"""Decision forms Н, Ф, Х, Ц, Ш, Э and the mark permission Щ: content checks.

All six decision forms share one builder (``decisions:build_decision``) and
differ only in their templates; the samples ``full-cycle`` (Н, Ф, Щ),
``suspension-withdrawal`` (Н, Х, Э, Щ) and ``scope-change`` (Н, Ц, Ш) give
every form at least one real instance.
"""

from __future__ import annotations

import re

import pytest

from formgen.checks.rules import has_errors, run_rules
from formgen.checks.rules.timeline import add_months
from formgen.forms.context.common import HEAD_TITLE, decision_context
from formgen.forms.context.decisions import build_decision, build_mark_permission
from formgen.forms.registry import form_by_slug
from formgen.render.docx import template_variables
from formgen.render.templates import find_template
from tests.helpers import assert_no_leaks, docx_text, flat, render_form, sample

DECISION_FORMS = {
    "certification-decision": "issue",
    "confirmation-decision": "confirm",
    "suspension-decision": "suspend",
    "scope-extension-decision": "extend_scope",
    "scope-reduction-decision": "reduce_scope",
    "withdrawal-decision": "withdraw",
}
SAMPLES = ("full-cycle.yaml", "suspension-withdrawal.yaml", "scope-change.yaml")
DATE = re.compile(r"«\d{2}» [а-я]+ \d{4} г\.")
INITIALS = re.compile(r"[А-ЯЁ]\. [А-ЯЁ]\. [А-ЯЁ][а-яё]+")
CAPTIONS_COMMON = ("наименование органа по сертификации", "подпись", "инициалы, фамилия")


@pytest.fixture(scope="module")
def full():
    return sample()


@pytest.fixture(scope="module")
def suspension():
    return sample("suspension-withdrawal.yaml")


@pytest.fixture(scope="module")
def scope_change():
    return sample("scope-change.yaml")


def text_of(case, slug: str, index: int = 0) -> str:
    docs = render_form(case, slug)
    return flat(docx_text(docs[index].data))


def decision_of(case, kind: str):
    return next(d for d in case.decisions if d.kind == kind)


def with_decision(case, kind: str, **update):
    """The case with its (first) decision of ``kind`` changed."""
    decisions = [
        d.model_copy(update=update) if d is decision_of(case, kind) else d for d in case.decisions
    ]
    return case.model_copy(update={"decisions": decisions})


# -- instances ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("full-cycle.yaml", {"certification-decision": 1, "confirmation-decision": 1, "mark-permission": 1}),
        ("suspension-withdrawal.yaml",
         {"certification-decision": 1, "suspension-decision": 1, "withdrawal-decision": 1,
          "mark-permission": 1}),
        ("scope-change.yaml",
         {"certification-decision": 1, "scope-extension-decision": 1, "scope-reduction-decision": 1}),
    ],
)
def test_one_document_per_decision_of_the_kind(name, expected):
    case = sample(name)
    for slug in [*DECISION_FORMS, "mark-permission"]:
        docs = render_form(case, slug)
        assert len(docs) == expected.get(slug, 0), slug
        for doc in docs:
            assert_no_leaks(flat(docx_text(doc.data)))


def test_two_suspensions_give_two_forms(suspension):
    first = decision_of(suspension, "suspend")
    second = first.model_copy(update={"number": "Р-020/2026", "date": first.date.replace(year=2026, month=1)})
    case = suspension.model_copy(update={"decisions": [*suspension.decisions, second]})
    docs = render_form(case, "suspension-decision")
    assert [d.path for d in docs] == [
        "13-suspension-decision-r-187-2025.docx", "13-suspension-decision-r-020-2026.docx"
    ]
    assert "№ Р-020/2026" in flat(docx_text(docs[1].data))


# -- Н: решение о выдаче -------------------------------------------------------------
def test_certification_decision_prints_act_holder_scope_and_outcome(full):
    text = text_of(full, "certification-decision")
    assert_no_leaks(text)
    assert text.startswith("РЕШЕНИЕ О ВЫДАЧЕ СЕРТИФИКАТА СООТВЕТСТВИЯ СИСТЕМЫ ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА")
    assert "№ Р-014/2025" in text
    assert ("Орган по сертификации систем экологического менеджмента Общество с ограниченной "
            "ответственностью «Экостандарт-Сертификация» наименование органа по сертификации") in text
    assert ("рассмотрел акт о результатах аудита и оценки системы экологического менеджмента (СЭМ) "
            "от «21» апреля 2025 г. дата утверждения акта") in text
    assert ("Акционерного общества «Волжский завод строительных материалов», Сызрань "
            "наименование проверяемой организации, город") in text
    assert ("на соответствие требованиям ГОСТ Р ИСО 14001-2016 применительно к производству и "
            "реализации кирпича керамического рядового и лицевого, включая добычу глины "
            "область применения СЭМ (область сертификации)") in text
    assert ("и принял решение: выдать сертификат соответствия "
            "выдать (не выдать) сертификат соответствия") in text
    assert ("Основание для отрицательного решения заполняется при отрицательном решении "
            f"{HEAD_TITLE} С. В. Орлов подпись инициалы, фамилия м.п. Дата «19» июня 2025 г.") in text


def test_certification_decision_negative_prints_reason(full):
    reason = "не устранено критическое несоответствие № 1 (разлив нефтепродуктов на складе ГСМ)"
    case = with_decision(full, "issue", positive=False, negative_reason=reason)
    text = text_of(case, "certification-decision")
    assert_no_leaks(text)
    assert ("и принял решение: не выдать сертификат соответствия "
            "выдать (не выдать) сертификат соответствия") in text
    assert f"Основание для отрицательного решения {reason} заполняется при отрицательном решении" in text


def test_certification_decision_without_approval_date_uses_the_act_date(full):
    audits = [
        a.model_copy(update={"report": a.report.model_copy(update={"approved": None})})
        if a.id == "stage2" else a
        for a in full.audits
    ]
    text = text_of(full.model_copy(update={"audits": audits}), "certification-decision")
    assert "(СЭМ) от «17» апреля 2025 г. дата утверждения акта" in text


# -- Ф: подтверждение ----------------------------------------------------------------
def test_confirmation_decision_prints_act_certificate_and_deputy(full):
    text = text_of(full, "confirmation-decision")
    assert_no_leaks(text)
    assert text.startswith("РЕШЕНИЕ О ПОДТВЕРЖДЕНИИ ДЕЙСТВИЯ СЕРТИФИКАТА СООТВЕТСТВИЯ СИСТЕМЫ")
    assert "№ Р-014/2026" in text
    assert ("рассмотрел акт № А-014/3 от «25» марта 2026 г. по результатам инспекционного контроля "
            "системы экологического менеджмента Акционерного общества «Волжский завод строительных "
            "материалов» наименование организации - держателя сертификата") in text
    assert "на соответствие требованиям ГОСТ Р ИСО 14001-2016 применительно к производству" in text
    assert ("и принял решение: подтвердить действие сертификата соответствия системы экологического "
            "менеджмента № ЭС.RU.СЭМ.00123-25 от «20» июня 2025 г.") in text
    # signed by a deputy: her own position, not the head's title
    assert ("Заместитель руководителя органа по сертификации М. А. Белова подпись инициалы, фамилия "
            "м.п. Дата «24» апреля 2026 г.") in text
    assert HEAD_TITLE not in text


# -- Х: приостановление --------------------------------------------------------------
def test_suspension_decision_prints_term_corrective_due_and_basis(suspension):
    text = text_of(suspension, "suspension-decision")
    assert_no_leaks(text)
    assert text.startswith("РЕШЕНИЕ О ПРИОСТАНОВЛЕНИИ ДЕЙСТВИЯ СЕРТИФИКАТА СООТВЕТСТВИЯ")
    assert "№ Р-187/2025" in text
    assert ("рассмотрел акт № А-031/3 от «18» ноября 2025 г. по результатам инспекционного контроля "
            "системы экологического менеджмента") in text
    assert ("Общества с ограниченной ответственностью «Камский завод металлоконструкций», "
            "Набережные Челны наименование организации - держателя сертификата, город") in text
    assert ("применительно к производству и реализации стальных строительных конструкций, в том "
            "числе с горячим цинкованием и лакокрасочным покрытием область применения СЭМ") in text
    assert ("и принял решение: 1 Приостановить действие сертификата соответствия системы "
            "экологического менеджмента № ЭС.RU.СЭМ.00104-25 от «21» января 2025 г. "
            "до «25» февраля 2026 г.") in text
    assert ("2 Выполнить корректирующие мероприятия по устранению выявленных несоответствий "
            "в срок до «30» января 2026 г.") in text
    assert ("Основание для отрицательного решения Критическое несоответствие № 1 (акт № А-031/3 "
            "от 18.11.2025): сброс неочищенных промывных вод") in text
    assert ("Заместитель руководителя органа по сертификации М. А. Белова подпись инициалы, фамилия "
            "м.п. Дата «25» ноября 2025 г.") in text


def test_suspension_decision_without_dates_prints_hand_fill_blanks(suspension):
    case = with_decision(suspension, "suspend", corrective_due=None, reason=None)
    text = text_of(case, "suspension-decision")
    assert_no_leaks(text)
    assert "в срок до «___» ____________ 20___ г." in text
    assert "Основание для отрицательного решения Заместитель руководителя" in text


# -- Ц: расширение ------------------------------------------------------------------
def test_scope_extension_decision_prints_current_and_new_scope(scope_change):
    text = text_of(scope_change, "scope-extension-decision")
    assert_no_leaks(text)
    assert text.startswith("РЕШЕНИЕ О РАСШИРЕНИИ ОБЛАСТИ СЕРТИФИКАЦИИ № Р-142/2024")
    assert ("рассмотрел акт № А-006/3 от «13» ноября 2024 г. по результатам аудита системы "
            "экологического менеджмента Акционерного общества «Тверской завод железобетонных "
            "изделий», Тверь наименование организации - держателя сертификата, город") in text
    assert ("на соответствие требованиям ГОСТ Р ИСО 14001-2016 применительно к производству и "
            "реализации сборных железобетонных изделий для жилищного, промышленного и энергетического "
            "строительства (плиты перекрытий, стеновые панели, фундаментные блоки, сваи, стойки опор "
            "линий электропередачи) область применения СЭМ (область сертификации)") in text
    # the new scope stands on a blank captioned «новая область сертификации»: nominative (issue 7: 5)
    assert ("и принял решение: выдать сертификат соответствия выдать (не выдавать) сертификат "
            "соответствия производство и реализация сборных железобетонных изделий") in text
    assert ("электропередачи), товарного бетона и строительного раствора новая область "
            "сертификации") in text
    assert ("Основание для отрицательного решения: заполняется при отрицательном решении "
            f"{HEAD_TITLE} С. В. Орлов подпись инициалы, фамилия м.п. Дата «16» декабря 2024 г.") in text


def test_scope_extension_refused(scope_change):
    case = with_decision(scope_change, "extend_scope", positive=False,
                         negative_reason="деятельность новой площадки не охвачена СЭМ")
    text = text_of(case, "scope-extension-decision")
    assert ("и принял решение: не выдавать сертификат соответствия с расширенной областью "
            "сертификации; действующий сертификат № ЭС.RU.СЭМ.00117-24 сохраняет прежнюю область") in text
    assert "новая область сертификации" not in text
    assert ("Основание для отрицательного решения: деятельность новой площадки "
                                  "не охвачена СЭМ Руководитель") in text


# -- Ш: сужение ---------------------------------------------------------------------
def test_scope_reduction_decision_prints_excluded_and_new_scope(scope_change):
    text = text_of(scope_change, "scope-reduction-decision")
    assert_no_leaks(text)
    assert text.startswith("РЕШЕНИЕ О СУЖЕНИИ ОБЛАСТИ СЕРТИФИКАЦИИ № Р-058/2025")
    assert ("рассмотрел акт № А-006/4 от «10» апреля 2025 г. по результатам аудита системы "
            "экологического менеджмента") in text
    assert "на соответствие требованиям ГОСТ Р ИСО 14001-2016 и принял решение:" in text
    assert ("1 Исключить из области применения (области сертификации) следующие виды продукции "
            "(технологических процессов, площадок): сваи железобетонные и стойки опор линий "
            "электропередачи; производственная площадка «Полигон № 2»") in text
    assert ("деятельность прекращена с 01.03.2025 наименование исключаемой продукции "
            "(технологических процессов, производственных площадок)") in text
    assert "2 Выдать сертификат соответствия системы экологического менеджмента" in text
    assert ("Новая область применения (сертификации) в случае положительного решения: производство "
            "и реализация сборных железобетонных изделий для жилищного и промышленного строительства "
            "(плиты перекрытий, стеновые панели, фундаментные блоки), товарного бетона и строительного "
            "раствора новая область применения (сертификации)") in text
    assert ("Заместитель руководителя органа по сертификации М. А. Белова подпись инициалы, фамилия "
            "м.п. Дата «21» апреля 2025 г.") in text


def test_scope_reduction_refused(scope_change):
    case = with_decision(scope_change, "reduce_scope", positive=False, new_scope=None,
                         negative_reason="площадка продолжает работу")
    text = text_of(case, "scope-reduction-decision")
    assert_no_leaks(text)
    assert "Не выдавать сертификат соответствия системы экологического менеджмента с суженной" in text
    assert "в случае положительного решения" not in text
    assert "Исключить из области" not in text
    assert "Основание для отрицательного решения: площадка продолжает работу" in text


# -- Э: отмена ----------------------------------------------------------------------
def test_withdrawal_decision_prints_ems_title_act_and_certificate(suspension):
    text = text_of(suspension, "withdrawal-decision")
    assert_no_leaks(text)
    assert text.startswith("РЕШЕНИЕ ОБ ОТМЕНЕ ДЕЙСТВИЯ СЕРТИФИКАТА СООТВЕТСТВИЯ СИСТЕМЫ "
                           "ЭКОЛОГИЧЕСКОГО МЕНЕДЖМЕНТА № Р-032/2026")
    assert "КАЧЕСТВА" not in text  # the standard's stray word in the title of Э
    assert ("рассмотрел акт № А-031/4 от «16» февраля 2026 г. по результатам внепланового "
            "инспекционного контроля системы экологического менеджмента") in text
    assert ("на соответствие требованиям ГОСТ Р ИСО 14001-2016 применительно к области сертификации "
            "СЭМ производству и реализации стальных строительных конструкций") in text
    assert ("лакокрасочным покрытием наименование исключаемой продукции (услуги, технологических "
            "процессов, производственных площадок)") in text
    assert ("и принял решение отменить действие сертификата соответствия системы экологического "
            "менеджмента № ЭС.RU.СЭМ.00104-25 от «21» января 2025 г.") in text
    assert ("Основание для отрицательного решения: Корректирующие действия по критическому "
            "несоответствию № 1 акта № А-031/3 не выполнены") in text
    assert f"{HEAD_TITLE} С. В. Орлов подпись инициалы, фамилия м.п. Дата «26» февраля 2026 г." in text


@pytest.mark.parametrize(
    ("kind", "wording"),
    [("surveillance", "по результатам инспекционного контроля системы"),
     ("recertification", "по результатам ресертификации системы")],
)
def test_withdrawal_names_the_kind_of_audit(suspension, kind, wording):
    audits = [a.model_copy(update={"kind": kind}) if a.id == "check" else a for a in suspension.audits]
    text = text_of(suspension.model_copy(update={"audits": audits}), "withdrawal-decision")
    assert wording in text


# -- Щ: разрешение на знак ---------------------------------------------------------
def test_mark_permission_prints_decision_certificate_and_term(full):
    text = text_of(full, "mark-permission")
    assert_no_leaks(text)
    assert text.startswith("РАЗРЕШЕНИЕ НА ИСПОЛЬЗОВАНИЕ ЗНАКА СООТВЕТСТВИЯ СИСТЕМЫ ЭКОЛОГИЧЕСКОГО "
                           "МЕНЕДЖМЕНТА № З-0123")
    assert ("на основании решения № Р-014/2025 от «19» июня 2025 г. о выдаче сертификата соответствия "
            "системы экологического менеджмента Акционерного общества «Волжский завод строительных "
            "материалов», Сызрань наименование организации - держателя сертификата, город") in text
    assert ("разрешает использовать знак соответствия системы экологического менеджмента на период "
            "действия сертификата № ЭС.RU.СЭМ.00123-25 (срок действия с «20» июня 2025 г. по «19» июня "
            "2028 г.) указывается регистрационный номер сертификата в любой форме, исключающей "
            "возможность толкования его как знак соответствия продукции.") in text
    assert "Возможно использование знака соответствия в рекламных буклетах" in text
    assert "Не разрешается наносить знак соответствия на продукцию, тару, упаковку и этикетки" in text
    assert f"{HEAD_TITLE} С. В. Орлов подпись инициалы, фамилия м.п. Дата «20» июня 2025 г." in text


def test_mark_permission_prints_the_registration_number_when_it_differs(full):
    cert = full.certificates[0].model_copy(update={"registration_number": "RU.ЭС.0123"})
    case = full.model_copy(update={"certificates": [cert]})
    text = text_of(case, "mark-permission")
    assert "на период действия сертификата № RU.ЭС.0123 (срок действия" in text


def test_mark_permission_without_number_prints_no_number_line(full):
    permission = full.mark_permission.model_copy(update={"number": None})
    case = full.model_copy(update={"mark_permission": permission})
    text = text_of(case, "mark-permission")
    assert_no_leaks(text)
    assert "МЕНЕДЖМЕНТА Орган по сертификации" in text


# -- the context -------------------------------------------------------------------
def test_issue_decision_context_finds_the_certificate_it_issued(full):
    ctx = decision_context(full, decision_of(full, "issue"))
    assert ctx["certificate"]["number"] == "ЭС.RU.СЭМ.00123-25"
    assert ctx["issued"]["number"] == "ЭС.RU.СЭМ.00123-25"
    assert ctx["certificate"]["valid_until"] == "«19» июня 2028 г."
    assert ctx["act_approved"] == "«21» апреля 2025 г."


def test_issue_decision_without_certificate_gives_blanks(full):
    case = full.model_copy(update={"certificates": [], "mark_permission": None})
    ctx = decision_context(case, decision_of(case, "issue"))
    assert ctx["certificate"]["number"] == ""
    assert ctx["certificate_date"] == "«___» ____________ 20___ г."
    assert_no_leaks(text_of(case, "certification-decision"))


def test_scope_decisions_cite_the_old_certificate_and_the_reissued_one(scope_change):
    ctx = decision_context(scope_change, decision_of(scope_change, "extend_scope"))
    assert ctx["certificate"]["number"] == "ЭС.RU.СЭМ.00117-24"
    assert ctx["issued"]["number"] == "ЭС.RU.СЭМ.00208-24"
    assert ctx["issued"]["issue"] == "2"
    ctx = decision_context(scope_change, decision_of(scope_change, "reduce_scope"))
    assert ctx["certificate"]["number"] == "ЭС.RU.СЭМ.00208-24"
    assert ctx["issued"]["number"] == "ЭС.RU.СЭМ.00112-25"
    assert ctx["certificate_scope"].startswith("производству и реализации сборных")
    assert ctx["certificate_scope"].endswith("товарного бетона и строительного раствора")


@pytest.mark.parametrize("name", SAMPLES)
def test_dates_and_initials_are_printed_as_forms_print_them(name):
    case = sample(name)
    for slug in [*DECISION_FORMS, "mark-permission"]:
        for doc in render_form(case, slug):
            text = flat(docx_text(doc.data))
            day = re.search(r"Дата (\S+ \S+ \S+ \S+)", text).group(1)
            assert DATE.fullmatch(day), (slug, day)
            name_line = re.search(r"([А-ЯЁ]\. [А-ЯЁ]\. [А-ЯЁ][а-яё]+) подпись инициалы, фамилия", text)
            assert name_line and INITIALS.fullmatch(name_line.group(1)), slug


# -- templates against builders ----------------------------------------------------
@pytest.mark.parametrize("slug", [*DECISION_FORMS, "mark-permission"])
def test_every_template_variable_comes_from_the_builder(full, suspension, scope_change, slug):
    form = form_by_slug(slug)
    used = template_variables(find_template(form.template))
    if slug == "mark-permission":
        produced = build_mark_permission(full, full.mark_permission)
    else:
        case = next(c for c in (full, suspension, scope_change)
                    if any(d.kind == DECISION_FORMS[slug] for d in c.decisions))
        produced = build_decision(case, decision_of(case, DECISION_FORMS[slug]))
    assert used <= set(produced), used - set(produced)
    assert form.builder == ("decisions:build_mark_permission" if slug == "mark-permission"
                            else "decisions:build_decision")


def test_decision_context_values_are_strings_for_templates(suspension):
    ctx = decision_context(suspension, decision_of(suspension, "suspend"))

    def strings(value):
        if isinstance(value, dict):
            return all(strings(v) for v in value.values())
        return isinstance(value, str)

    assert all(strings(v) for k, v in ctx.items() if k != "positive")


# -- the samples -------------------------------------------------------------------
@pytest.mark.parametrize("name", ["suspension-withdrawal.yaml", "scope-change.yaml"])
def test_samples_are_valid_cases_without_rule_errors(name):
    findings = run_rules(sample(name))
    assert not has_errors(findings), [f.message for f in findings]
    assert not findings, [f.message for f in findings]


def test_suspension_sample_follows_the_standards_terms(suspension):
    surv = suspension.audit("surv1")
    suspend = decision_of(suspension, "suspend")
    withdraw = decision_of(suspension, "withdraw")
    assert any(nc.category == "К" and not nc.closed for nc in surv.nonconformities)
    assert suspend.date >= surv.report.approved
    assert suspend.until <= add_months(suspend.date, 3)  # 7.7.19.3
    assert withdraw.date > suspend.until  # withdrawn once the suspension ran out (7.7.19.4)
    signers = {suspend.signed_by, withdraw.signed_by}
    for audit in suspension.audits:
        assert signers.isdisjoint(m.person for m in audit.team)
