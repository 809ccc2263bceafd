"""Rules of formgen/checks/rules/outcomes.py and the harder checks of issue 7 (points 4, 8).

Each rule: a break (with its clause) and a near-miss that must stay quiet.
Sample indexes: see tests/rules_support.py (audits 1 stage1, 2 stage2, 3 surv1;
decisions 0 issue, 1 confirm on surv1; surv1 has one category 2 finding closed 20.04.2026).
"""

from __future__ import annotations

import pytest

from tests.rules_support import (
    CERT,
    CONFIRM,
    STAGE1,
    STAGE2,
    SURV1,
    Break,
    add_decision,
    break_tests,
    findings,
    sample_data,
    set_at,
)

NC = ("audits", SURV1, "nonconformities", 0)


def _critical_at_surveillance(closed_on: str = "2026-04-20"):
    def mutate(data: dict) -> None:
        nc = data["audits"][SURV1]["nonconformities"][0]
        nc["category"] = "К"
        nc["effectiveness"]["date"] = closed_on
    return mutate


def _extension(date: str, category: str = "2", kind: str = "extend_scope"):
    def mutate(data: dict) -> None:
        data["audits"][SURV1]["nonconformities"][0]["category"] = category
        add_decision(data, kind=kind, number="Р-Ц-1", date=date, audit="surv1",
                     new_scope="производству кирпича и черепицы", excluded="добыча глины")
        data["certificates"].append({
            "number": "ЭС.RU.СЭМ.00150-26", "decision": "Р-Ц-1", "registered": date,
            "replaces": CERT, "valid_until": "2028-06-19", "scope": "производству кирпича и черепицы",
            "chairman": "kuznetsov"})
    return mutate


def _reduction_without_certificate(data: dict) -> None:
    add_decision(data, kind="reduce_scope", number="Р-Ш-1", date="2026-05-10", audit="surv1",
                 excluded="добыча глины", new_scope="производству кирпича")


def _withdrawn_later(on_audit: str):
    def mutate(data: dict) -> None:
        _critical_at_surveillance()(data)
        data["decisions"].pop(CONFIRM)
        add_decision(data, kind="withdraw", number="Р-Э-1", date="2026-06-01", audit=on_audit,
                     reason="критическое несоответствие")
    return mutate


BREAKS = {
    "confirm-after-failed-surveillance": (
        "confirm-after-failed-surveillance",
        Break(_critical_at_surveillance(), "error", ("decisions", CONFIRM, "positive"), "7.7.15")),
    "reissue-with-open-nonconformity/extension": (
        "reissue-with-open-nonconformity",
        Break(_extension("2026-04-10"), "error", NC, "9.1.4")),
    "reissue-with-open-nonconformity/reduction": (
        "reissue-with-open-nonconformity",
        Break(_extension("2026-04-10", category="1", kind="reduce_scope"), "warning", NC, "9.1.4")),
    "reduction-needs-certificate": (
        "reduction-needs-certificate",
        Break(_reduction_without_certificate, "error", ("decisions", 2), "9.3.7")),
    "certificate-by-management": (
        "certificate-by-management",
        Break(set_at("certificates", 0, "signed_by", "kuznetsov"), "error",
              ("certificates", 0, "signed_by"), "7.6.4")),
    "plan-approved-by-management": (
        "plan-approved-by-management",
        Break(set_at("audits", STAGE1, "plan", "approved_by", "kuznetsov"), "error",
              ("audits", STAGE1, "plan", "approved_by"), "7.4.2.3")),
    "audit-records-dates/act-before-last-day": (
        "audit-records-dates",
        Break(set_at("audits", STAGE2, "report", "date", "2025-04-16"), "error",
              ("audits", STAGE2, "report", "date"), "7.4.4.3")),
    "critical-suspends-certificate/withdrawn-later": (
        "critical-suspends-certificate",
        Break(_withdrawn_later("stage2"), "error", (*NC, "category"), "7.7.15")),
}

test_rule_breaks, test_sample_keeps_rule = break_tests(BREAKS)


# -- near-misses ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("rule", "mutate"),
    [
        # A critical finding eliminated during the audit (its last day, 25.03.2026).
        ("confirm-after-failed-surveillance", _critical_at_surveillance("2026-03-25")),
        # The extension decided once the finding is closed (20.04.2026).
        ("reissue-with-open-nonconformity", _extension("2026-04-20")),
        # A reduction with a minor finding still running on its own term.
        ("reissue-with-open-nonconformity", _extension("2026-04-10", kind="reduce_scope")),
        ("reduction-needs-certificate", _extension("2026-05-10", kind="reduce_scope")),
        ("certificate-by-management", set_at("certificates", 0, "signed_by", "belova")),
        ("plan-approved-by-management", set_at("audits", STAGE1, "plan", "approved_by", "belova")),
        ("audit-records-dates", set_at("audits", STAGE2, "report", "date", "2025-04-17")),
        ("critical-suspends-certificate", _withdrawn_later("surv1")),
    ],
)
def test_near_miss_is_quiet(rule, mutate):
    data = sample_data()
    mutate(data)
    assert findings(data, rule) == []
