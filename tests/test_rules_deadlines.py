"""Corrective-action deadlines, suspension for К, repeated nonconformities (7.5.6, 7.7.15–7.7.17, 8.2.7)."""

from __future__ import annotations

from tests.rules_support import (
    CERT,
    STAGE2,
    SURV1,
    Break,
    add_decision,
    break_tests,
    findings,
    sample_data,
    with_recertification,
)

S2 = ("audits", STAGE2, "nonconformities")
SV = ("audits", SURV1, "nonconformities")


def _stage2_nc(n: int, **fields):
    def mutate(data: dict) -> None:
        data["audits"][STAGE2]["nonconformities"][n].update(fields)
    return mutate


def _only_minor(data: dict) -> None:
    """Stage 2 with the category 2 nonconformity alone (due 2025-05-29 = closing + 6 weeks)."""
    ncs = data["audits"][STAGE2]["nonconformities"]
    data["audits"][STAGE2]["nonconformities"] = [ncs[2]]


def _surv_nc(**fields):
    def mutate(data: dict) -> None:
        data["audits"][SURV1]["nonconformities"][0].update(fields)
    return mutate


def _critical_at_surveillance(data: dict) -> None:
    nc = data["audits"][SURV1]["nonconformities"][0]
    nc["category"] = "К"


def _recert_nc_after_expiry(data: dict) -> None:
    r = with_recertification(data, start="2028-05-20", end="2028-05-22",
                             basis="заявка № З-201/2027 от 10.12.2027")
    data["audits"][r]["nonconformities"] = [{
        "number": "1", "category": "1", "clause": "9.2", "description": "внутренний аудит не проведён",
        "due_date": "2028-07-01",
    }]


def _repeats(count: int, category: str = "2"):
    def mutate(data: dict) -> None:
        ncs = data["audits"][STAGE2]["nonconformities"]
        for i in range(count):
            ncs.append({"number": f"R{i}", "category": category, "kind": "Маркировка отходов",
                        "clause": "8.1", "description": f"тара без маркировки, место {i}",
                        "due_date": "2025-05-29",
                        "effectiveness": {"text": "устранено", "date": "2025-05-20"}})
    return mutate


BREAKS = {
    "deadline/12-weeks": (
        "corrective-action-deadline",
        Break(_stage2_nc(1, due_date="2025-07-11"), "error", (*S2, 1, "due_date"), "7.5.6.6")),
    "deadline/6-weeks-only-minor": (
        "corrective-action-deadline",
        Break(lambda d: (_only_minor(d), _stage2_nc(0, due_date="2025-05-30")(d)), "error",
              (*S2, 0, "due_date"), "7.5.6.6")),
    "deadline/surveillance-minor": (
        "corrective-action-deadline",
        Break(_surv_nc(due_date="2026-05-07"), "error", (*SV, 0, "due_date"), "7.7.17")),
    "deadline/surveillance-significant": (
        "corrective-action-deadline",
        Break(_surv_nc(category="1", due_date="2026-05-07"), "error", (*SV, 0, "due_date"), "7.7.16")),
    "deadline/missing": (
        "corrective-action-deadline",
        Break(_surv_nc(due_date=None), "warning", (*SV, 0), "7.7.17")),
    "deadline/before-audit": (
        "corrective-action-deadline",
        Break(_stage2_nc(2, due_date="2025-04-01"), "error", (*S2, 2, "due_date"), "7.5.6.6")),
    "recertification-corrections-before-expiry": (
        "recertification-corrections-before-expiry",
        Break(_recert_nc_after_expiry, "error", ("audits", 5, "nonconformities", 0, "due_date"), "8.2.7")),
    "critical-suspends-certificate": (
        "critical-suspends-certificate",
        Break(_critical_at_surveillance, "error", (*SV, 0, "category"), "7.5.6.6")),
    "repeated-nonconformities/minor": (
        "repeated-nonconformities",
        Break(_repeats(6), "warning", (*S2, 3), "7.5.6.4")),
    "repeated-nonconformities/significant": (
        "repeated-nonconformities",
        Break(_repeats(6, "1"), "warning", (*S2, 3), "7.5.6.4")),
}


test_rule_breaks, test_sample_keeps_rule = break_tests(BREAKS)


def test_twelve_weeks_to_the_day_is_in_time() -> None:
    data = sample_data()
    _stage2_nc(1, due_date="2025-07-10")(data)
    assert findings(data, "corrective-action-deadline") == []


def test_only_minor_six_weeks_to_the_day_is_in_time() -> None:
    data = sample_data()
    _only_minor(data)
    assert data["audits"][STAGE2]["nonconformities"][0]["due_date"] == "2025-05-29"
    assert findings(data, "corrective-action-deadline") == []


def test_minor_may_take_twelve_weeks_when_a_significant_one_exists() -> None:
    data = sample_data()
    _stage2_nc(2, due_date="2025-07-10")(data)
    assert findings(data, "corrective-action-deadline") == []


def test_critical_has_no_fixed_term() -> None:
    data = sample_data()
    _stage2_nc(0, due_date="2025-12-01")(data)
    assert findings(data, "corrective-action-deadline") == []


def test_deadline_counts_from_the_closing_meeting() -> None:
    data = sample_data()
    data["audits"][SURV1]["closing_meeting"] = "2026-03-24"
    found = findings(data, "corrective-action-deadline")
    assert found == []  # 2026-04-30 is within 6 weeks of 24.03 too
    _surv_nc(due_date="2026-05-06")(data)
    assert findings(data, "corrective-action-deadline")


def test_critical_at_surveillance_followed_by_suspension_is_fine() -> None:
    data = sample_data()
    _critical_at_surveillance(data)
    add_decision(data, kind="suspend", number="Р-П-1", date="2026-03-30", audit="surv1",
                 until="2026-06-30", reason="критическое несоответствие")
    assert findings(data, "critical-suspends-certificate") == []


def test_critical_eliminated_during_the_audit_needs_no_suspension() -> None:
    data = sample_data()
    _critical_at_surveillance(data)
    _surv_nc(effectiveness={"text": "устранено в ходе аудита", "date": "2026-03-25"})(data)
    assert findings(data, "critical-suspends-certificate") == []


def test_critical_at_initial_certification_has_no_certificate_to_suspend() -> None:
    data = sample_data()
    assert any(nc["category"] == "К" for nc in data["audits"][STAGE2]["nonconformities"])
    assert findings(data, "critical-suspends-certificate") == []


def test_critical_message_names_the_certificate() -> None:
    data = sample_data()
    _critical_at_surveillance(data)
    (finding,) = findings(data, "critical-suspends-certificate")
    assert CERT in finding.message and "9.3.1" in finding.clause


def test_five_repeats_are_not_enough() -> None:
    data = sample_data()
    _repeats(5)(data)
    assert findings(data, "repeated-nonconformities") == []


def test_repeats_group_by_clause_when_kind_is_missing() -> None:
    data = sample_data()
    _repeats(6)(data)
    for nc in data["audits"][STAGE2]["nonconformities"][3:]:
        del nc["kind"]
    (finding,) = findings(data, "repeated-nonconformities")
    assert "пункт 8.1" in finding.message


def test_recertification_nonconformity_before_expiry_is_fine() -> None:
    data = sample_data()
    _recert_nc_after_expiry(data)
    data["audits"][5]["nonconformities"][0]["due_date"] = "2028-06-19"
    assert findings(data, "recertification-corrections-before-expiry") == []
