"""Order of the certification: application, review, documents, stage 1, stage 2; team and plan (7.2–7.5)."""

from __future__ import annotations

from tests.rules_support import (
    DOCS,
    STAGE1,
    STAGE2,
    Break,
    break_tests,
    findings,
    sample_data,
    set_at,
)


def _drop_audit(index: int):
    def mutate(data: dict) -> None:
        del data["audits"][index]
    return mutate


def _refused(data: dict) -> None:
    data["review"].update(accepted=False, refusal_reason="вне области аккредитации")


def _two_leads(data: dict) -> None:
    data["audits"][STAGE2]["team"][1]["role"] = "lead_auditor"


BREAKS = {
    "dates-in-order/review-before-application": (
        "dates-in-order",
        Break(set_at("review", "date", "2025-01-19"), "error", ("review", "date"), "7.2.2")),
    "dates-in-order/notice-before-review": (
        "dates-in-order",
        Break(set_at("notice", "date", "2025-01-26"), "error", ("notice", "date"), "7.2.2")),
    "dates-in-order/audit-before-notice": (
        "dates-in-order",
        Break(set_at("audits", DOCS, "start", "2025-01-27"), "error", ("audits", DOCS, "start"), "7.2.2")),
    "dates-in-order/request-before-review": (
        "dates-in-order",
        Break(set_at("document_request", "date", "2025-01-21"), "error", ("document_request", "date"),
              "7.2.5")),
    "review-accepted": (
        "review-accepted",
        Break(_refused, "error", ("audits", DOCS, "kind"), "7.2.2")),
    "stage-order/no-stage1": (
        "stage-order",
        Break(_drop_audit(STAGE1), "error", ("audits", STAGE2 - 1, "kind"), "7.5")),
    "stage-order/no-document-review": (
        "stage-order",
        Break(_drop_audit(DOCS), "error", ("audits", STAGE1 - 1, "kind"), "7.4.1")),
    "document-review-conclusion/late": (
        "document-review-conclusion",
        Break(set_at("audits", DOCS, "conclusion_sent", "2025-02-26"), "error",
              ("audits", DOCS, "conclusion_sent"), "7.3.2")),
    "document-review-conclusion/missing": (
        "document-review-conclusion",
        Break(set_at("audits", DOCS, "conclusion_sent", None), "warning",
              ("audits", DOCS, "conclusion_sent"), "7.3.2")),
    "audit-team-lead/none": (
        "audit-team-lead",
        Break(set_at("audits", STAGE1, "team", 0, "role", "auditor"), "error", ("audits", STAGE1, "team"),
              "7.2.6")),
    "audit-team-lead/two": (
        "audit-team-lead",
        Break(_two_leads, "error", ("audits", STAGE2, "team", 1, "role"), "7.2.6")),
    "plan-approved-before-audit": (
        "plan-approved-before-audit",
        Break(set_at("audits", STAGE1, "plan", "approved", "2025-03-12"), "error",
              ("audits", STAGE1, "plan", "approved"), "7.4.2.3")),
    "audit-records-dates/closing-meeting": (
        "audit-records-dates",
        Break(set_at("audits", STAGE2, "closing_meeting", "2025-04-18"), "error",
              ("audits", STAGE2, "closing_meeting"), "7.4.4.4")),
    "audit-records-dates/act-before-audit": (
        "audit-records-dates",
        Break(set_at("audits", STAGE2, "report", "date", "2025-04-10"), "error",
              ("audits", STAGE2, "report", "date"), "7.4.4.3")),
    "audit-records-dates/effectiveness-before-audit": (
        "audit-records-dates",
        Break(set_at("audits", STAGE2, "nonconformities", 2, "effectiveness", "date", "2025-04-01"), "error",
              ("audits", STAGE2, "nonconformities", 2, "effectiveness", "date"), "7.6.3")),
}


test_rule_breaks, test_sample_keeps_rule = break_tests(BREAKS)


def test_conclusion_exactly_two_weeks_before_stage1_is_in_time() -> None:
    data = sample_data()
    set_at("audits", DOCS, "conclusion_sent", "2025-02-25")(data)  # stage 1 starts 11.03.2025
    assert findings(data, "document-review-conclusion") == []


def test_plan_approved_on_the_first_day_is_in_time() -> None:
    data = sample_data()
    set_at("audits", STAGE1, "plan", "approved", "2025-03-11")(data)
    assert findings(data, "plan-approved-before-audit") == []


def test_conclusion_message_gives_the_latest_date() -> None:
    data = sample_data()
    set_at("audits", DOCS, "conclusion_sent", "2025-03-01")(data)
    (finding,) = findings(data, "document-review-conclusion")
    assert "25.02.2025" in finding.message and "две недели" in finding.message
