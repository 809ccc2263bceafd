"""A case as of a date: certificate statuses from the decisions, sites and facts by their dates."""

from __future__ import annotations

import datetime as dt

import pytest

from formgen.case.history import (
    certificate_sites,
    organisation_at,
    sites_at,
    status_at,
    status_history,
)
from tests.helpers import sample
from tests.rules_support import CERT, CONFIRM, build, sample_data

D = dt.date


def statuses(case, cert):
    return [(p.status, p.start, p.end, p.decision or p.by_certificate) for p in status_history(case, cert)]


def test_full_cycle_certificate_is_active_until_it_expires():
    case = sample("full-cycle.yaml")
    cert = case.certificate(CERT)
    assert statuses(case, cert) == [
        ("pending", None, D(2025, 6, 19), None),
        ("active", D(2025, 6, 20), D(2028, 6, 19), "Р-014/2025"),
        ("expired", D(2028, 6, 20), None, None),
    ]
    assert status_at(case, cert, D(2025, 6, 19)).status == "pending"
    assert status_at(case, cert, D(2028, 6, 19)).status == "active"
    assert status_at(case, cert, D(2028, 6, 20)).status == "expired"


def test_suspension_then_withdrawal_sample():
    case = sample("suspension-withdrawal.yaml")
    cert = case.certificates[0]
    assert [p.status for p in status_history(case, cert)] == ["pending", "active", "suspended", "withdrawn"]
    on = status_at(case, cert, D(2026, 1, 10))
    assert (on.status, on.decision, on.start) == ("suspended", "Р-187/2025", D(2025, 11, 25))
    gone = status_at(case, cert, D(2026, 12, 2))
    assert gone.status == "withdrawn"
    assert gone.describe() == "действие отменено с 26.02.2026 (решение № Р-032/2026)"


def test_reissued_certificates_are_replaced_by_their_successors():
    case = sample("scope-change.yaml")
    first, second, third = case.certificates
    assert status_at(case, first, D(2024, 12, 16)).status == "active"
    replaced = status_at(case, first, D(2024, 12, 17))
    assert (replaced.status, replaced.by_certificate) == ("replaced", second.number)
    assert status_at(case, second, D(2025, 4, 22)).by_certificate == third.number
    assert status_at(case, third, D(2026, 12, 2)).status == "active"
    assert status_at(case, third, D(2027, 7, 16)).status == "expired"


def _suspended(until="2026-01-31", **extra):
    data = sample_data()
    data["decisions"].append({
        "kind": "suspend", "number": "Р-200/2025", "date": "2025-11-01", "audit": "surv1",
        "certificate": CERT, "until": until, "signed_by": "orlov", **extra,
    })
    return data


def test_suspension_outlives_its_term_until_a_decision_ends_it():
    """Past ``until`` the certificate stays suspended: restoring or withdrawing takes a decision."""
    data = _suspended()
    data["decisions"][CONFIRM]["date"] = "2025-10-01"  # the confirmation comes before the suspension
    case = build(data)
    cert = case.certificate(CERT)
    assert status_at(case, cert, D(2026, 3, 1)).status == "suspended"


def test_confirmation_after_suspension_restores_the_certificate():
    data = _suspended()
    data["decisions"].append({
        "kind": "confirm", "number": "Р-010/2026", "date": "2026-01-20", "audit": "surv1",
        "certificate": CERT, "signed_by": "orlov",
    })
    case = build(data)
    cert = case.certificate(CERT)
    restored = status_at(case, cert, D(2026, 1, 20))
    assert (restored.status, restored.decision) == ("active", "Р-010/2026")
    assert status_at(case, cert, D(2026, 1, 19)).status == "suspended"


def test_negative_decisions_change_nothing():
    data = _suspended(positive=False, negative_reason="корректирующие действия выполнены в срок")
    case = build(data)
    cert = case.certificate(CERT)
    assert status_at(case, cert, D(2025, 12, 1)).status == "active"


def test_withdrawal_during_suspension_and_same_day_events():
    data = _suspended()
    data["decisions"].append({
        "kind": "withdraw", "number": "Р-011/2026", "date": "2025-11-01", "audit": "surv1",
        "certificate": CERT, "reason": "отказ от инспекционного контроля", "signed_by": "orlov",
    })
    case = build(data)
    cert = case.certificate(CERT)
    assert status_at(case, cert, D(2025, 11, 1)).status == "withdrawn"
    assert [p.status for p in status_history(case, cert)] == ["pending", "active", "withdrawn"]


def test_sites_enter_and_leave_the_scope_by_their_decisions():
    case = sample("scope-change.yaml")
    first, second, third = case.certificates
    names = lambda cert: [b.name.split(" (")[0] for b in certificate_sites(case, cert)]  # noqa: E731
    assert names(first) == ["Склад готовой продукции", "Полигон № 2"]
    assert names(second) == ["Бетонно-растворный узел «Мигалово»", "Склад готовой продукции", "Полигон № 2"]
    assert names(third) == ["Бетонно-растворный узел «Мигалово»", "Склад готовой продукции"]
    assert [b.name for b in sites_at(case, D(2025, 3, 1))][-1].startswith("Склад")  # closed that day


def test_site_never_in_scope_is_never_listed():
    data = sample_data()
    data["organisation"]["branches"][0]["in_scope"] = False
    case = build(data)
    assert data["organisation"]["branches"][0]["name"] not in [
        b.name for b in certificate_sites(case, case.certificates[0])]


def test_organisation_facts_by_date():
    case = sample("scope-change.yaml")
    assert organisation_at(case, case.application.date).headcount == 238
    later = organisation_at(case, D(2025, 3, 1))
    assert later.headcount == 214
    assert [b.in_scope for b in later.branches] == [True, True]  # the closed site is gone


@pytest.mark.parametrize("field", ["added_by", "removed_by"])
def test_site_decision_reference_must_exist(tmp_path, field):
    from formgen.case.references import broken_references

    data = sample_data()
    data["organisation"]["branches"][0][field] = "Р-999/2099"
    problems = broken_references(build(data))
    assert (("organisation", "branches", 0, field), "решение «Р-999/2099» не найдено в decisions") in problems
