"""A certificate's sites agree with its scope on its registration date (issue 7, 1; 6.2.2, 9.1.5, 9.3.7)."""

from __future__ import annotations

from tests.rules_support import Break, break_tests, findings, sample_data, update_certificate

QUARRY = "Карьер «Усинский» (производственная площадка)"
STORE = "Склад готовой продукции"


def _branch(**fields):
    def mutate(data: dict) -> None:
        data["organisation"]["branches"][0].update(fields)
    return mutate


def _both(*mutations):
    def mutate(data: dict) -> None:
        for m in mutations:
            m(data)
    return mutate


BREAKS = {
    "certificate-sites/out-of-scope-site-listed": (
        "certificate-sites",
        Break(_both(_branch(in_scope=False), update_certificate(sites=[QUARRY, STORE])),
              "warning", ("certificates", 0, "sites"), "6.2.2")),
    "certificate-sites/site-added-later": (
        "certificate-sites",
        Break(_both(_branch(added="2025-09-01"), update_certificate(sites=[QUARRY, STORE])),
              "warning", ("certificates", 0, "sites"), "9.1.5")),
    "certificate-sites/site-left-out": (
        "certificate-sites",
        Break(update_certificate(sites=[STORE]), "warning", ("certificates", 0, "sites"), "9.3.7")),
    "certificate-sites/added-by-not-an-extension": (
        "certificate-sites",
        Break(_branch(added_by="Р-014/2026"), "warning", ("organisation", "branches", 0, "added_by"),
              "9.1.5")),
}

test_rule_breaks, test_sample_keeps_rule = break_tests(BREAKS)


def test_sites_as_in_scope_on_the_registration_date_are_fine():
    data = sample_data()
    # Added before the registration (2025-06-20) and closed after it: listed, and rightly so.
    _both(_branch(added="2025-01-10", closed="2026-01-01"), update_certificate(sites=[QUARRY, STORE]))(data)
    assert findings(data, "certificate-sites") == []


def test_out_of_scope_site_left_out_is_fine():
    data = sample_data()
    _both(_branch(in_scope=False), update_certificate(sites=[STORE]))(data)
    assert findings(data, "certificate-sites") == []
