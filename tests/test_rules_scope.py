"""Scope wording identical from application to certificate, changed only by Ц/Ш (6.2.2, 9.1.6, 9.3.7)."""

from __future__ import annotations

from tests.rules_support import (
    CERT,
    Break,
    break_tests,
    findings,
    sample_data,
    update_certificate,
)

NEW_SCOPE = "производству и реализации кирпича керамического рядового и лицевого"


def _reduced(with_decision: bool = True, new_scope: str = NEW_SCOPE, cert_scope: str = NEW_SCOPE,
             decision_date: str = "2026-05-10"):
    """A reduce-scope decision (optional) and the new certificate for the reduced scope."""
    def mutate(data: dict) -> None:
        if with_decision:
            data["decisions"].append({
                "kind": "reduce_scope", "number": "Р-Ш-1", "date": decision_date, "audit": "surv1",
                "certificate": CERT, "excluded": "добыча глины", "new_scope": new_scope,
                "signed_by": "orlov"})
        data["certificates"].append({
            "number": "ЭС.RU.СЭМ.00150-26", "decision": "Р-Ш-1" if with_decision else "Р-014/2025",
            "registered": "2026-05-12", "replaces": CERT, "valid_until": "2028-06-19",
            "scope": cert_scope, "chairman": "kuznetsov"})
    return mutate


BREAKS = {
    "scope-identical/changed-wording": (
        "scope-identical",
        Break(update_certificate(scope="производству кирпича"), "error", ("certificates", 0, "scope"),
              "6.2.2")),
    "scope-identical/no-decision": (
        "scope-identical",
        Break(_reduced(with_decision=False), "error", ("certificates", 1, "scope"), "6.2.2")),
    "scope-identical/other-than-decision": (
        "scope-identical",
        Break(_reduced(cert_scope="производству кирпича"), "error", ("certificates", 1, "scope"), "9.3.7")),
    "scope-identical/decision-after-certificate": (
        "scope-identical",
        Break(_reduced(decision_date="2026-05-13"), "error", ("certificates", 1, "scope"), "6.2.2")),
    "scope-identical/english": (
        "scope-identical",
        Break(update_certificate(scope_en="bricks"), "warning", ("certificates", 0, "scope_en"), "6.2.2")),
    "scope-identical/stale-translation": (
        "scope-identical",
        Break(_reduced(), "warning", ("certificates", 1, "scope_en"), "9.3.7")),
    "scope-decision-changes-scope": (
        "scope-decision-changes-scope",
        Break(lambda d: _reduced(new_scope=d["application"]["scope"],
                                 cert_scope=d["application"]["scope"])(d),
              "warning", ("decisions", 2, "new_scope"), "9.3.7")),
}


test_rule_breaks, test_sample_keeps_rule = break_tests(BREAKS)


def test_reduced_scope_by_decision_is_fine() -> None:
    data = sample_data()
    _reduced()(data)
    for lang, text in {"en": "ceramic bricks", "de": "Keramikziegel"}.items():
        data["decisions"][2][f"new_scope_{lang}"] = text
        data["certificates"][1][f"scope_{lang}"] = text
    assert findings(data, "scope-identical") == []


def test_same_wording_with_other_line_breaks_is_identical() -> None:
    data = sample_data()
    words = data["application"]["scope"].split()
    update_certificate(scope="\n".join(words))(data)
    assert findings(data, "scope-identical") == []


def test_error_only_for_the_russian_wording() -> None:
    data = sample_data()
    update_certificate(scope="производству кирпича", scope_en="bricks")(data)
    severities = {f.path[-1]: f.severity for f in findings(data, "scope-identical")}
    assert severities == {"scope": "error", "scope_en": "warning"}
