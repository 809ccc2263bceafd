"""Rules about decisions: independence, closed nonconformities, basis, signer (ГОСТ Р 54298-2010, 7.6.2.3)."""

from __future__ import annotations

from tests.rules_support import (
    CERT,
    CONFIRM,
    ISSUE,
    STAGE2,
    SURV1,
    Break,
    add_decision,
    break_tests,
    findings,
    sample_data,
    set_at,
)


def _open_nc(field: str, value):
    def mutate(data: dict) -> None:
        data["audits"][STAGE2]["nonconformities"][1]["effectiveness"][field] = value
    return mutate


def _drop_effectiveness(data: dict) -> None:
    del data["audits"][STAGE2]["nonconformities"][1]["effectiveness"]


def _surveillance_cat1_open(data: dict) -> None:
    nc = data["audits"][SURV1]["nonconformities"][0]
    nc["category"] = "1"
    nc["effectiveness"]["date"] = "2026-05-01"


def _withdraw_before_confirm(data: dict) -> None:
    add_decision(data, kind="withdraw", number="Р-О-1", date="2026-01-10", audit="stage2",
                 reason="отказ от инспекционного контроля")


NC = ("audits", STAGE2, "nonconformities", 1)
BREAKS = {
    "decision-independence/lead": (
        "decision-independence",
        Break(set_at("decisions", ISSUE, "signed_by", "kuznetsov"), "error",
              ("decisions", ISSUE, "signed_by"), "7.6.2.3")),
    "decision-independence/trainee": (
        "decision-independence",
        Break(set_at("decisions", ISSUE, "signed_by", "lebedeva"), "error",
              ("decisions", ISSUE, "signed_by"), "7.6.2.3")),
    "decision-independence/stage1-member": (
        "decision-independence",
        Break(lambda d: d["audits"][1]["team"].append({"person": "orlov", "role": "auditor"}), "error",
              ("decisions", ISSUE, "signed_by"), "7.6.2.3")),
    "issue-needs-closed/no-evaluation": (
        "issue-needs-closed-nonconformities",
        Break(_drop_effectiveness, "error", NC, "7.6.2.3")),
    "issue-needs-closed/not-closed": (
        "issue-needs-closed-nonconformities",
        Break(_open_nc("closed", False), "error", (*NC, "effectiveness", "closed"), "7.6.2.3")),
    "issue-needs-closed/closed-after-decision": (
        "issue-needs-closed-nonconformities",
        Break(_open_nc("date", "2025-06-20"), "error", (*NC, "effectiveness", "date"), "7.6.2.3")),
    "confirm-with-open-nonconformities": (
        "confirm-with-open-nonconformities",
        Break(_surveillance_cat1_open, "warning", ("audits", SURV1, "nonconformities", 0), "7.7.16")),
    "decision-audit-kind/confirm-on-stage2": (
        "decision-audit-kind",
        Break(set_at("decisions", CONFIRM, "audit", "stage2"), "error",
              ("decisions", CONFIRM, "audit"), "7.7.19.2")),
    "decision-audit-kind/issue-on-surveillance": (
        "decision-audit-kind",
        Break(set_at("decisions", ISSUE, "audit", "surv1"), "error",
              ("decisions", ISSUE, "audit"), "7.6.2.3")),
    "decision-after-report/before-act": (
        "decision-after-report",
        Break(set_at("decisions", ISSUE, "date", "2025-04-16"), "error",
              ("decisions", ISSUE, "date"), "7.6.2.3")),
    "decision-after-report/before-approval": (
        "decision-after-report",
        Break(set_at("decisions", ISSUE, "date", "2025-04-18"), "warning",
              ("decisions", ISSUE, "date"), "7.6.2.3")),
    "decision-by-management": (
        "decision-by-management",
        Break(set_at("decisions", CONFIRM, "signed_by", "morozov"), "error",
              ("decisions", CONFIRM, "signed_by"), "7.6.2.3")),
    "decision-on-certificate-in-force/before-registration": (
        "decision-on-certificate-in-force",
        Break(set_at("certificates", 0, "registered", "2026-05-01"), "error",
              ("decisions", CONFIRM, "certificate"), "9.3")),
    "decision-on-certificate-in-force/withdrawn": (
        "decision-on-certificate-in-force",
        Break(_withdraw_before_confirm, "error", ("decisions", CONFIRM, "certificate"), "9.3")),
}


test_rule_breaks, test_sample_keeps_rule = break_tests(BREAKS)


def test_independence_message_names_the_person_and_role() -> None:
    data = sample_data()
    data["decisions"][ISSUE]["signed_by"] = "kuznetsov"
    (finding,) = findings(data, "decision-independence")
    assert "Кузнецов А. П. (kuznetsov)" in finding.message
    assert "руководитель аудиторской группы" in finding.message
    assert finding.text.startswith("ГОСТ Р 54298-2010, 7.6.2.3: ")


def test_head_referred_to_as_head_is_the_same_person() -> None:
    data = sample_data()
    data["audits"][STAGE2]["team"].append({"person": "orlov", "role": "auditor"})
    data["decisions"][ISSUE]["signed_by"] = "head"
    assert findings(data, "decision-independence")


def test_negative_issue_decision_needs_no_closed_nonconformities() -> None:
    data = sample_data()
    _drop_effectiveness(data)
    data["decisions"][ISSUE].update(positive=False, negative_reason="несоответствия не устранены")
    assert findings(data, "issue-needs-closed-nonconformities") == []


def test_evaluation_on_the_decision_day_is_in_time() -> None:
    data = sample_data()
    _open_nc("date", "2025-06-19")(data)
    assert findings(data, "issue-needs-closed-nonconformities") == []


def test_confirm_with_open_minor_nonconformity_is_fine() -> None:
    data = sample_data()
    data["audits"][SURV1]["nonconformities"][0]["effectiveness"]["date"] = "2026-05-01"
    assert findings(data, "confirm-with-open-nonconformities") == []


def test_withdraw_on_the_day_of_an_earlier_withdraw_is_not_reported_twice() -> None:
    data = sample_data()
    _withdraw_before_confirm(data)
    found = findings(data, "decision-on-certificate-in-force")
    assert [f.path for f in found] == [("decisions", CONFIRM, "certificate")]
    assert CERT in found[0].message
