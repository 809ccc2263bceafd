"""The rule machinery: registry, ordering, findings, report lines; the sample passes."""

from __future__ import annotations

import re

import pytest

from formgen.case.load import load_case
from formgen.checks.rules import RULES, Finding, has_errors, run_rules
from formgen.checks.rules.finding import error, gost, warning
from formgen.checks.rules.registry import rule
from formgen.checks.rules.report import format_findings, summary
from tests import (
    test_rules_audit_days,
    test_rules_deadlines,
    test_rules_decisions,
    test_rules_outcomes,
    test_rules_scope,
    test_rules_sequence,
    test_rules_sites,
    test_rules_surveillance,
    test_rules_validity,
)
from tests.helpers import SAMPLES
from tests.rules_support import build, sample_data

_TABLES = (test_rules_audit_days, test_rules_deadlines, test_rules_decisions, test_rules_outcomes,
           test_rules_scope, test_rules_sites,
           test_rules_sequence, test_rules_surveillance, test_rules_validity)


def test_sample_has_no_error_level_finding() -> None:
    found = run_rules(load_case(SAMPLES / "full-cycle.yaml").case)
    assert not has_errors(found), [f.text for f in found if f.is_error]


def test_every_rule_has_an_id_a_reason_and_a_breaking_test() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
    assert all(r.why for r in RULES)
    tested = {rule_id for module in _TABLES for rule_id, _ in module.BREAKS.values()}
    assert set(ids) == tested


def test_registering_an_id_twice_or_without_docstring_fails() -> None:
    with pytest.raises(ValueError, match="twice"):
        rule(RULES[0].id)(lambda case: [])

    def undocumented(case):
        return []

    with pytest.raises(ValueError, match="docstring"):
        rule("undocumented-rule")(undocumented)


def test_findings_are_sorted_deterministic_and_stamped() -> None:
    data = sample_data()
    data["decisions"][0]["signed_by"] = "kuznetsov"
    data["audits"][3]["nonconformities"][0]["due_date"] = "2026-06-30"
    data["certificates"][0]["scope"] = "другая область"
    case = build(data)
    first, second = run_rules(case), run_rules(case)
    assert first == second
    assert all(f.rule for f in first)
    tops = [f.path[0] for f in first]
    order = ["audits", "decisions", "certificates"]
    assert [t for t in order if t in tops] == sorted(set(tops), key=order.index)
    at_signer = [f for f in first if f.path == ("decisions", 0, "signed_by")]
    assert [f.severity for f in at_signer] == sorted((f.severity for f in at_signer),
                                                     key=lambda s: s != "error")


def test_finding_text_and_json() -> None:
    f = error(("decisions", 0, "signed_by"), gost("7.6.2.3"), "решение принимает член группы")
    assert f.text == "ГОСТ Р 54298-2010, 7.6.2.3: решение принимает член группы"
    assert f.as_dict()["path"] == ["decisions", 0, "signed_by"]
    assert warning((), gost("9.3.4"), "x").severity == "warning"
    with pytest.raises(AttributeError):
        f.message = "другое"  # type: ignore[misc]
    assert isinstance(f, Finding) and f.is_error


def test_report_lines_point_at_the_case_file() -> None:
    loaded = load_case(SAMPLES.parent / "tests" / "cases" / "rule-open-nc-issue.yaml")
    lines = format_findings(loaded, run_rules(loaded.case))
    pattern = (r".*rule-open-nc-issue\.yaml:\d+:\d+: [\w.\[\]]+: \[(error|warning)\] "
               r"ГОСТ Р 5\d{4}-20\d\d, .+: .+")
    assert lines and all(re.fullmatch(pattern, line) for line in lines), lines


def test_report_locates_absent_fields_at_their_parent() -> None:
    loaded = load_case(SAMPLES / "full-cycle.yaml")
    finding = error(("certificates", 0, "valid_until"), gost("7.6.4"), "срок")
    (line,) = format_findings(loaded, [finding])
    assert loaded.where(("certificates", 0))[1] == int(line.split(":")[1])


@pytest.mark.parametrize(("errors", "warnings", "text"), [
    (0, 0, "нарушений правил ГОСТ Р 54298-2010 не найдено"),
    (1, 0, "1 ошибка, 0 предупреждений"),
    (2, 1, "2 ошибки, 1 предупреждение"),
    (5, 3, "5 ошибок, 3 предупреждения"),
    (11, 21, "11 ошибок, 21 предупреждение"),
])
def test_summary_plurals(errors: int, warnings: int, text: str) -> None:
    found = [error((), "c", "m")] * errors + [warning((), "c", "m")] * warnings
    assert summary(found) == text
