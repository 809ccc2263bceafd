"""Planned audit days against the audit-time calculation (ГОСТ Р 54318-2021, 4.1.2, 5.9, sections 7–8).

In the sample the initial audit (stage 2 estimate: 158 + 12 part-time at 20 h =
164 people, EMS medium, +5 %) computes to a table value of 9 days and 9.5 days
after the factor; on site at least 8. The surveillance (161 people) computes to
3 days, at least 2.5 on site.
"""

from __future__ import annotations

from formgen.checks.rules.audit_days import estimate, planned_audits
from tests.rules_support import (
    STAGE1,
    STAGE2,
    SURV1,
    Break,
    assert_finding,
    break_tests,
    build,
    findings,
    sample_data,
    with_recertification,
)

T2 = ("audits", STAGE2, "time")
TS = ("audits", SURV1, "time")


def _time(index: int, **fields):
    def mutate(data: dict) -> None:
        time = data["audits"][index]["time"]
        for key, value in fields.items():
            if value is None:
                time.pop(key, None)
            else:
                time[key] = value
    return mutate


def _recert_time(planned: float):
    def mutate(data: dict) -> None:
        r = with_recertification(data)
        data["audits"][r]["time"] = {"personnel": 164, "complexity": "medium", "planned_days": planned}
    return mutate


BREAKS = {
    "audit-time-estimate": (
        "audit-time-estimate",
        Break(_time(STAGE2, complexity=None), "error", (*T2, "complexity"), "7.2.3")),
    "audit-time-estimate/unknown-factor": (
        "audit-time-estimate",
        Break(_time(STAGE2, factors=[{"name": "no_such_factor", "percent": 5}]), "error",
              (*T2, "factors"), "7.2.3")),
    "audit-days-reduction/initial": (
        "audit-days-reduction",
        Break(_time(STAGE2, planned_days=6, planned_onsite_days=5), "error", (*T2, "planned_days"), "5.9")),
    "audit-days-reduction/surveillance": (
        "audit-days-reduction",
        Break(_time(SURV1, planned_days=2, planned_onsite_days=2), "error", (*TS, "planned_days"), "5.9")),
    "audit-days-reduction/recertification": (
        "audit-days-reduction",
        Break(_recert_time(4), "error", ("audits", 5, "time", "planned_days"), "5.9")),
    "audit-days-below-estimate/initial": (
        "audit-days-below-estimate",
        Break(_time(STAGE2, planned_days=8, planned_onsite_days=7), "warning", (*T2, "planned_days"), "5.7")),
    "audit-days-below-estimate/surveillance": (
        "audit-days-below-estimate",
        Break(_time(SURV1, planned_days=2.5, planned_onsite_days=2), "warning", (*TS, "planned_days"),
              "раздел 7")),
    "audit-days-onsite/below-80-percent": (
        "audit-days-onsite",
        Break(_time(STAGE2, planned_onsite_days=6), "error", (*T2, "planned_onsite_days"), "4.1.2")),
    "audit-days-onsite/more-than-planned": (
        "audit-days-onsite",
        Break(_time(STAGE2, planned_onsite_days=10), "error", (*T2, "planned_onsite_days"), "4.1.1")),
    "audit-days-onsite/below-computed": (
        "audit-days-onsite",
        Break(_time(STAGE2, planned_days=8, planned_onsite_days=7), "warning", (*T2, "planned_onsite_days"),
              "4.1.2")),
}


test_rule_breaks, test_sample_has_no_error = break_tests(BREAKS, errors_only=True)


def test_sample_figures_match_the_calculator() -> None:
    case = build(sample_data())
    result = estimate(case.audits[STAGE2].time)
    assert (result.base_days, result.initial_days, result.onsite_min_days) == (9.0, 9.5, 8.0)
    surveillance = estimate(case.audits[SURV1].time)
    assert (surveillance.surveillance_days, surveillance.surveillance_onsite_min_days) == (3.0, 2.5)


def test_planned_as_computed_keeps_every_audit_days_rule() -> None:
    data = sample_data()
    _time(STAGE2, planned_days=9.5, planned_onsite_days=8)(data)
    for rule in ("audit-days-reduction", "audit-days-below-estimate", "audit-days-onsite"):
        assert findings(data, rule) == [], rule


def test_seventy_percent_of_the_table_value_is_allowed() -> None:
    data = sample_data()
    _time(STAGE2, planned_days=6.3, planned_onsite_days=5.1)(data)  # 70 % of 9; 80 % of 6.3 = 5.04
    assert findings(data, "audit-days-reduction") == []
    assert [f for f in findings(data, "audit-days-onsite") if f.is_error] == []


def test_stage1_and_stage2_days_are_added_up() -> None:
    data = sample_data()
    data["audits"][STAGE1]["time"] = {"personnel": 164, "complexity": "medium",
                                      "planned_days": 3, "planned_onsite_days": 2}
    _time(STAGE2, planned_days=6.5, planned_onsite_days=6)(data)
    plans = planned_audits(build(data))
    initial = [p for p in plans if p.kind == "initial"]
    assert len(initial) == 1
    assert (initial[0].days, initial[0].onsite, initial[0].stages) == (9.5, 8, "stage1 + stage2")
    assert findings(data, "audit-days-below-estimate") == []


def test_recertification_at_two_thirds_is_fine() -> None:
    data = sample_data()
    _recert_time(6.5)(data)  # 2/3 × 9 = 6 → planned 6.5
    assert [f for f in findings(data, "audit-days-reduction") if f.path[1] == 5] == []
    assert [f for f in findings(data, "audit-days-below-estimate") if f.path[1] == 5] == []


def test_without_planned_days_nothing_is_checked() -> None:
    data = sample_data()
    _time(STAGE2, planned_days=None, planned_onsite_days=None, complexity=None)(data)
    assert findings(data, "audit-time-estimate") == []
    assert [p.audit.id for p in planned_audits(build(data))] == ["surv1"]


def test_a_factor_listed_twice_is_an_estimate_error() -> None:
    data = sample_data()
    data["audits"][STAGE2]["time"]["factors"].append({"name": "multiple_sites", "percent": 5})
    found = findings(data, "audit-time-estimate")
    assert_finding(found, "audit-time-estimate", "error", (*T2, "factors"), "7.2.3")
