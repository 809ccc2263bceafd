"""Surveillance timing, suspensions and the mark permission (7.7.1, 7.7.5, 7.7.19.3, 9.3.4, 11.1)."""

from __future__ import annotations

from tests.rules_support import (
    SURV1,
    Break,
    add_audit,
    add_decision,
    break_tests,
    findings,
    report,
    sample_data,
)


def _surv1(**fields):
    def mutate(data: dict) -> None:
        data["audits"][SURV1].update(fields)
    return mutate


def _surv2(start: str, end: str | None = None):
    def mutate(data: dict) -> None:
        add_audit(data, id="surv2", kind="surveillance", start=start, end=end or start,
                  report=report("А-014/4", end or start))
    return mutate


def _early_surveillance(data: dict) -> None:
    add_audit(data, id="early", kind="surveillance", start="2025-05-05", end="2025-05-06")


def _suspend(date: str, until: str, audit: str = "surv1", number: str = "Р-П-1"):
    def mutate(data: dict) -> None:
        add_decision(data, kind="suspend", number=number, date=date, audit=audit, until=until,
                     reason="корректирующие действия не выполнены")
    return mutate


def _three_suspensions(data: dict) -> None:
    _suspend("2025-07-01", "2025-08-01", "stage2", "Р-П-1")(data)
    _suspend("2025-09-01", "2025-10-01", "stage2", "Р-П-2")(data)
    _suspend("2025-11-01", "2025-12-01", "stage2", "Р-П-3")(data)


def _mark(date: str):
    def mutate(data: dict) -> None:
        data["mark_permission"]["date"] = date
    return mutate


BREAKS = {
    "first-surveillance-deadline/late": (
        "first-surveillance-deadline",
        Break(_surv1(start="2026-04-18", end="2026-04-19"), "error", ("audits", SURV1, "start"), "7.7.5")),
    "first-surveillance-deadline/ends-late": (
        "first-surveillance-deadline",
        Break(_surv1(start="2026-04-17", end="2026-04-18", closing_meeting="2026-04-18"), "warning",
              ("audits", SURV1, "end"), "7.7.5")),
    "surveillance-yearly": (
        "surveillance-yearly",
        Break(_surv2("2027-03-26", "2027-03-27"), "error", ("audits", 4, "start"), "7.7.5")),
    "surveillance-needs-certificate": (
        "surveillance-needs-certificate",
        Break(_early_surveillance, "error", ("audits", 4, "start"), "7.7.1")),
    "suspension-after-surveillance": (
        "suspension-after-surveillance",
        Break(_suspend("2026-04-24", "2026-08-01"), "error", ("decisions", 2, "until"), "7.7.19.3")),
    "suspension-period/long": (
        "suspension-period",
        Break(_suspend("2025-07-01", "2026-02-01", "stage2"), "warning", ("decisions", 2, "until"), "9.3.4")),
    "suspension-period/backwards": (
        "suspension-period",
        Break(_suspend("2025-07-01", "2025-07-01", "stage2"), "error", ("decisions", 2, "until"), "9.3.4")),
    "suspension-at-most-twice": (
        "suspension-at-most-twice",
        Break(_three_suspensions, "error", ("decisions", 4, "kind"), "9.3.4")),
    "mark-permission/before-certificate": (
        "mark-permission-valid-certificate",
        Break(_mark("2025-06-19"), "error", ("mark_permission", "date"), "11.1")),
    "mark-permission/suspended": (
        "mark-permission-valid-certificate",
        Break(lambda d: (_suspend("2025-07-01", "2025-09-01", "stage2")(d), _mark("2025-08-01")(d)),
              "error", ("mark_permission", "date"), "9.3.4")),
}


test_rule_breaks, test_sample_keeps_rule = break_tests(BREAKS)


def test_first_surveillance_on_the_anniversary_is_in_time() -> None:
    data = sample_data()
    _surv1(start="2026-04-16", end="2026-04-17", closing_meeting="2026-04-17")(data)
    assert findings(data, "first-surveillance-deadline") == []


def test_second_surveillance_within_a_year_is_in_time() -> None:
    data = sample_data()
    _surv2("2027-03-24", "2027-03-25")(data)
    assert findings(data, "surveillance-yearly") == []


def test_no_surveillance_due_after_withdrawal() -> None:
    data = sample_data()
    add_decision(data, kind="withdraw", number="Р-О-1", date="2026-05-10", audit="surv1",
                 reason="прекращение деятельности")
    _surv2("2027-06-01")(data)
    assert findings(data, "surveillance-yearly") == []


def test_three_month_suspension_after_surveillance_is_in_time() -> None:
    data = sample_data()
    _suspend("2026-04-24", "2026-07-24")(data)
    assert findings(data, "suspension-after-surveillance") == []


def test_suspension_for_critical_finding_is_not_capped_at_three_months() -> None:
    data = sample_data()
    data["audits"][SURV1]["nonconformities"][0]["category"] = "К"
    _suspend("2026-04-24", "2026-08-01")(data)
    assert findings(data, "suspension-after-surveillance") == []


def test_two_suspensions_are_allowed() -> None:
    data = sample_data()
    _suspend("2025-07-01", "2025-08-01", "stage2", "Р-П-1")(data)
    _suspend("2025-09-01", "2025-10-01", "stage2", "Р-П-2")(data)
    assert findings(data, "suspension-at-most-twice") == []


def test_mark_after_suspension_lifted_by_confirm_is_fine() -> None:
    data = sample_data()
    _suspend("2025-07-01", "2025-12-01", "stage2")(data)
    add_decision(data, kind="confirm", number="Р-Ф-2", date="2025-08-01", audit="surv1")
    _mark("2025-08-15")(data)
    assert findings(data, "mark-permission-valid-certificate") == []


def test_mark_after_withdrawal_is_an_error() -> None:
    data = sample_data()
    add_decision(data, kind="withdraw", number="Р-О-1", date="2025-06-20", audit="stage2",
                 reason="по заявлению держателя")
    (finding,) = findings(data, "mark-permission-valid-certificate")
    assert "отменено" in finding.message
