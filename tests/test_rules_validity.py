"""Certificates: decision, signatures, validity (7.6.4, 8.2.1, 8.2.2), recertification application (8.2)."""

from __future__ import annotations

import pytest

from tests.rules_support import (
    ISSUE,
    Break,
    assert_finding,
    break_tests,
    findings,
    sample_data,
    update_certificate,
    with_new_certificate,
    with_recertification,
)

C0 = ("certificates", 0)
C1 = ("certificates", 1)


def _negative_issue(data: dict) -> None:
    data["decisions"][ISSUE].update(positive=False, negative_reason="несоответствия не устранены")


def _recertified(valid_until: str | None = None, registered: str = "2028-06-10",
                 decision_date: str = "2028-06-05"):
    def mutate(data: dict) -> None:
        with_recertification(data)
        with_new_certificate(data, registered=registered, decision_date=decision_date,
                             valid_until=valid_until)
    return mutate


def _recert(**fields):
    def mutate(data: dict) -> None:
        r = with_recertification(data)
        data["audits"][r].update(fields)
    return mutate


def _recert_without_certificate(data: dict) -> None:
    r = with_recertification(data)
    data["audits"][r].update(start="2025-05-05", end="2025-05-06")


BREAKS = {
    "certificate-decision/confirm": (
        "certificate-decision",
        Break(update_certificate(decision="Р-014/2026"), "error", (*C0, "decision"), "7.6.4")),
    "certificate-decision/negative": (
        "certificate-decision",
        Break(_negative_issue, "error", (*C0, "decision"), "7.6.4")),
    "certificate-decision/registered-before": (
        "certificate-decision",
        Break(update_certificate(registered="2025-06-18"), "error", (*C0, "registered"), "7.6.4")),
    "certificate-signatures/chairman": (
        "certificate-signatures",
        Break(update_certificate(chairman="sokolova"), "error", (*C0, "chairman"), "7.6.4")),
    "certificate-signatures/signer": (
        "certificate-signatures",
        Break(update_certificate(signed_by="kuznetsov"), "warning", (*C0, "signed_by"), "7.6.4")),
    "certificate-validity/too-long": (
        "certificate-validity",
        Break(update_certificate(valid_until="2029-01-01"), "error", (*C0, "valid_until"), "7.6.4")),
    "certificate-validity/too-short": (
        "certificate-validity",
        Break(update_certificate(valid_until="2028-06-01"), "error", (*C0, "valid_until"), "7.6.4")),
    "certificate-validity/force-majeure": (
        "certificate-validity",
        Break(update_certificate(valid_until="2028-09-01"), "warning", (*C0, "valid_until"), "7.6.4")),
    "certificate-validity/recertified-before-expiry": (
        "certificate-validity",
        Break(_recertified(valid_until="2031-06-09"), "error", (*C1, "valid_until"), "8.2.1")),
    "certificate-validity/recertified-after-expiry": (
        "certificate-validity",
        Break(_recertified(valid_until="2031-07-09", registered="2028-07-10", decision_date="2028-07-01"),
              "error",
              (*C1, "valid_until"), "8.2.2")),
    "recertification-application/late": (
        "recertification-application",
        Break(_recert(basis="заявка № З-201/2028 от 01.04.2028"), "error", ("audits", 5, "basis"), "8.2")),
    "recertification-application/after-six-months": (
        "recertification-application",
        Break(_recert(basis="заявка № З-201/2028 от 20.12.2027"), "warning", ("audits", 5, "basis"), "8.2")),
    "recertification-application/structured-date": (
        "recertification-application",
        Break(_recert(application_date="2028-04-01"), "error", ("audits", 5, "application_date"), "9.3.8")),
    "recertification-application/unknown": (
        "recertification-application",
        Break(_recert(basis="договор № 27-С/2025"), "warning", ("audits", 5, "basis"), "8.2")),
    "recertification-before-expiry/late": (
        "recertification-before-expiry",
        Break(_recert(start="2028-07-01", end="2028-07-02"), "warning", ("audits", 5, "start"), "8.2")),
    "recertification-before-expiry/no-certificate": (
        "recertification-before-expiry",
        Break(_recert_without_certificate, "error", ("audits", 5, "kind"), "8.2")),
}


test_rule_breaks, test_sample_keeps_rule = break_tests(BREAKS)


@pytest.mark.parametrize("until", ["2028-06-19", "2028-06-20"])
def test_three_years_less_a_day_or_to_the_day(until: str) -> None:
    data = sample_data()
    update_certificate(valid_until=until)(data)
    assert findings(data, "certificate-validity") == []


@pytest.mark.parametrize("registered", ["2028-06-10", "2028-07-10"])
def test_recertified_certificate_runs_three_years_past_the_old_expiry(registered: str) -> None:
    data = sample_data()
    _recertified(valid_until="2031-06-19", registered=registered, decision_date=registered)(data)
    assert findings(data, "certificate-validity") == []


def test_recertified_validity_message_gives_the_expected_date() -> None:
    data = sample_data()
    _recertified(valid_until="2031-06-09")(data)
    (finding,) = findings(data, "certificate-validity")
    assert "19.06.2031" in finding.message and "19.06.2028" in finding.message


@pytest.mark.parametrize("basis", [
    "заявка № З-201/2027 от 10.12.2027, договор № 27-С/2025",
    "заявка от 2028-03-19",
])
def test_application_three_months_before_expiry_is_in_time(basis: str) -> None:
    data = sample_data()
    _recert(basis=basis)(data)
    assert [f for f in findings(data, "recertification-application") if f.is_error] == []


def test_application_six_months_before_expiry_is_quiet() -> None:
    data = sample_data()
    _recert(basis="заявка № З-201/2027 от 19.12.2027")(data)  # expiry 19.06.2028
    assert findings(data, "recertification-application") == []


def test_structured_application_date_wins_over_the_basis_text() -> None:
    data = sample_data()
    _recert(basis="заявка № З-201/2028 от 01.04.2028", application_date="2027-11-01")(data)
    assert findings(data, "recertification-application") == []


def test_application_date_is_read_from_the_basis() -> None:
    from formgen.checks.rules.validity import application_date

    assert str(application_date("Заявка № З-1 от 05.11.2027; договор от 01.01.2025")) == "2027-11-05"
    assert application_date("договор № 27-С/2025 от 05.02.2025") is None
    assert application_date("заявка от 31.02.2027") is None


def test_scope_certificate_keeps_the_cycle() -> None:
    data = sample_data()
    data["decisions"].append({"kind": "reduce_scope", "number": "Р-Ш-1", "date": "2026-05-10",
                              "audit": "surv1", "certificate": data["certificates"][0]["number"],
                              "excluded": "карьер", "new_scope": "производству кирпича",
                              "signed_by": "orlov"})
    data["certificates"].append({"number": "ЭС.RU.СЭМ.00150-26", "decision": "Р-Ш-1",
                                 "registered": "2026-05-12", "replaces": data["certificates"][0]["number"],
                                 "scope": "производству кирпича", "chairman": "kuznetsov",
                                 "valid_until": "2029-05-11"})
    found = findings(data, "certificate-validity")
    assert_finding(found, "certificate-validity", "warning", (*C1, "valid_until"), "9.3.7")
    data["certificates"][1]["valid_until"] = "2028-06-19"
    assert findings(data, "certificate-validity") == []
    assert findings(data, "certificate-decision") == []



def test_default_validity_follows_the_standard() -> None:
    """Without valid_until: recertified +3 years past the old expiry (8.2.1), re-issue keeps it."""
    data = sample_data()
    _recertified()(data)
    assert findings(data, "certificate-validity") == []
