"""Decisions print the certification scope (issue 7, 3) and read as decisions when negative (4).

The case ``tests/cases/negative-decisions.yaml`` has the site history of the
scope-change sample, a surveillance of part of the processes and a negative
decision of every kind, each with grounds marked «ОТКАЗ-<letter>».
"""

from __future__ import annotations

from pathlib import Path

import pytest

from formgen.case.load import load_case
from tests.helpers import assert_no_leaks, docx_text, flat, render_form

CASE = Path(__file__).parent / "cases" / "negative-decisions.yaml"
PARTIAL = "контролю пылеулавливающего оборудования склада цемента"
REDUCED = "для жилищного и промышленного строительства"


@pytest.fixture(scope="module")
def case():
    return load_case(CASE).case


def _text(case, slug: str, number: str) -> str:
    stem = number.lower().replace("/", "-").replace("н", "n").replace("р", "r")
    docs = [d for d in render_form(case, slug) if d.path.endswith(f"-{stem}.docx")]
    assert len(docs) == 1, [d.path for d in render_form(case, slug)]
    text = flat(docx_text(docs[0].data))
    assert_no_leaks(text)
    return text


@pytest.mark.parametrize(
    ("slug", "number", "letter"),
    [
        ("certification-decision", "Н-001", "Н"),
        ("confirmation-decision", "Н-002", "Ф"),
        ("suspension-decision", "Н-003", "Х"),
        ("scope-extension-decision", "Н-004", "Ц"),
        ("scope-reduction-decision", "Н-005", "Ш"),
        ("withdrawal-decision", "Н-006", "Э"),
    ],
)
def test_negative_decision_prints_its_own_grounds(case, slug, number, letter):
    text = _text(case, slug, number)
    assert "Основание для отрицательного решения" in text
    assert f"ОТКАЗ-{letter}:" in text
    assert "в случае положительного решения" not in text
    assert "Выполнить корректирующие мероприятия" not in text
    assert "новая область" not in text.lower()
    assert PARTIAL not in text  # the audit's own scope is never the certification scope


def test_refused_suspension_has_no_term_and_no_corrective_actions(case):
    text = _text(case, "suspension-decision", "Н-003")
    assert "Не приостанавливать действие сертификата" in text
    assert "сертификат сохраняет действие" in text
    assert " до «" not in text.split("и принял решение")[1].split("Основание")[0]


def test_refused_reduction_keeps_the_certificate_scope(case):
    text = _text(case, "scope-reduction-decision", "Н-005")
    assert "Исключить из области" not in text
    assert "Не выдавать сертификат" in text
    assert REDUCED not in text.split("сохраняет действие в области:")[0]
    assert "энергетического строительства" in text  # the scope of certificate 00208, issue 2


@pytest.mark.parametrize(
    ("slug", "number"),
    [("confirmation-decision", "Н-002"), ("suspension-decision", "Н-003"),
     ("withdrawal-decision", "Н-006")],
)
def test_surveillance_decisions_print_the_certificate_scope_not_the_audit_scope(case, slug, number):
    text = _text(case, slug, number)
    assert PARTIAL not in text
    # Certificate 00208 (issue 2) was extended to ready-mixed concrete; that is its scope.
    assert "товарного бетона и строительного раствора" in text
    assert "энергетического строительства" in text


def test_positive_reduction_prints_its_grounds(case):
    text = _text(case, "scope-reduction-decision", "Р-058/2025")
    assert "Основание решения: Прекращение деятельности на производственной площадке" in text
    assert "Основание для отрицательного решения: заполняется при отрицательном решении" in text


def test_positive_forms_keep_the_hand_fill_caption(case):
    text = _text(case, "certification-decision", "Р-071/2024")
    assert "выдать сертификат соответствия" in text
    assert "заполняется при отрицательном решении" in text
    assert "ОТКАЗ" not in text


def test_act_lists_attendance_records_and_disagreements_numbered_with_the_others(case):
    """The note of Annex М: attendance records of both meetings and the protocol of disagreements."""
    (doc,) = [d for d in render_form(case, "audit-report") if d.path.endswith("-surv1.docx")]
    text = flat(docx_text(doc.data))
    assert ("Приложение 3 — протоколы со сведениями о работниках, присутствовавших на предварительном "
            "и заключительном совещаниях") in text
    assert "Приложение 4 — протокол разногласий № 1 от 10.04.2025" in text


def test_a_trainee_is_named_but_never_a_member_of_the_commission(case):
    """Stage 2 of the case has the trainee О. С. Лебедева in its team."""
    (act,) = [d for d in render_form(case, "audit-report") if d.path.endswith("-stage2.docx")]
    text = flat(docx_text(act.data))
    assert "Стажёр (в состав комиссии не входит) — О. С. Лебедева" in text
    members = text[text.index("Члены комиссии:"):text.index("С актом ознакомлен")]
    assert "Е. И. Соколова" in members and "Лебедева" not in members and "Стажёр" not in members
