"""Shared helpers of the rule tests: the full-cycle sample as mutable data.

Each test loads ``samples/full-cycle.yaml`` as plain data (the body profile
inlined), changes what the rule is about and validates it into a ``Case``;
``findings(data, rule_id)`` runs all rules and keeps that rule's findings.
Indexes in the sample: audits 0 docs, 1 stage1, 2 stage2, 3 surv1;
decisions 0 issue (Р-014/2025), 1 confirm (Р-014/2026); certificates 0
(ЭС.RU.СЭМ.00123-25, registered 2025-06-20, valid to 2028-06-19).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pytest

from formgen.case.model import Case
from formgen.case.source import read_located
from formgen.checks.rules import Finding, run_rules
from tests.helpers import ROOT, SAMPLES

CERT = "ЭС.RU.СЭМ.00123-25"
DOCS, STAGE1, STAGE2, SURV1 = 0, 1, 2, 3
ISSUE, CONFIRM = 0, 1


@cache
def _sample() -> dict:
    data = read_located(SAMPLES / "full-cycle.yaml").data
    data["body"] = read_located(ROOT / "profiles" / "ecostandard-body.yaml").data
    return data


def sample_data() -> dict:
    """A fresh deep copy of the sample, safe to mutate."""
    return copy.deepcopy(_sample())


def build(data: dict) -> Case:
    return Case.model_validate(data)


def findings(data: dict, rule_id: str | None = None) -> list[Finding]:
    found = run_rules(build(data))
    return [f for f in found if rule_id is None or f.rule == rule_id]


def errors(data: dict) -> list[Finding]:
    return [f for f in findings(data) if f.is_error]


def assert_finding(found: list[Finding], rule: str, severity: str, path: tuple, clause: str) -> Finding:
    """The finding of ``rule`` at ``path``: its severity and clause as expected, the clause in its text."""
    at = [f for f in found if f.rule == rule and f.path == path]
    assert at, f"no {rule} at {path}; found: {[(f.rule, f.path, f.severity) for f in found]}"
    finding = at[0]
    assert finding.severity == severity, finding
    assert clause in finding.clause, finding
    assert finding.text.startswith(finding.clause) and clause in finding.text
    return finding


# -- scenario builders --------------------------------------------------------------
def add_audit(data: dict, **fields) -> int:
    """Append an audit (team: kuznetsov as lead unless given) and return its index."""
    audit = {"team": [{"person": "kuznetsov", "role": "lead_auditor"}], **fields}
    audit.setdefault("end", audit["start"])
    data["audits"].append(audit)
    return len(data["audits"]) - 1


def add_decision(data: dict, **fields) -> int:
    decision = {"signed_by": "orlov", **fields}
    if decision.get("kind") != "issue":
        decision.setdefault("certificate", CERT)
    data["decisions"].append(decision)
    return len(data["decisions"]) - 1


def report(number: str, date: str) -> dict:
    return {"number": number, "date": date, "results": "результаты", "conclusions": "выводы"}


def with_recertification(data: dict, *, start: str = "2028-03-20", end: str = "2028-03-22",
                         basis: str = "заявка № З-201/2027 от 10.12.2027") -> int:
    """The rest of the cycle: a second surveillance and a recertification audit; returns its index."""
    add_audit(data, id="surv2", kind="surveillance", start="2027-03-23", end="2027-03-24",
              report=report("А-014/4", "2027-03-24"))
    return add_audit(data, id="recert", kind="recertification", start=start, end=end, basis=basis,
                     report=report("А-014/5", end))


def with_new_certificate(data: dict, *, registered: str, decision_date: str,
                         valid_until: str | None = None, audit: str = "recert") -> dict:
    """A positive issue decision on ``audit`` and the certificate it issues (replacing the first)."""
    add_decision(data, kind="issue", number="Р-201/2028", date=decision_date, audit=audit)
    cert = {"number": "ЭС.RU.СЭМ.00201-28", "decision": "Р-201/2028", "registered": registered,
            "replaces": CERT, "chairman": "kuznetsov", "signed_by": "orlov"}
    if valid_until:
        cert["valid_until"] = valid_until
    data["certificates"].append(cert)
    return cert


@dataclass(frozen=True)
class Break:
    """A mutation that breaks one rule, and the finding it must produce."""

    mutate: Callable[[dict], object]
    severity: str
    path: tuple
    clause: str


# -- mutations used by several rule modules -------------------------------------------
def set_at(*path_and_value):
    """A mutation setting one value: ``set_at("audits", 1, "start", "2025-03-12")``.

    The last argument is the value, the ones before it the keys and indexes
    leading to it.
    """
    *path, value = path_and_value

    def mutate(data: dict) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return mutate


def update_certificate(**fields):
    """A mutation changing fields of the sample's certificate (``certificates[0]``)."""
    def mutate(data: dict) -> None:
        data["certificates"][0].update(fields)
    return mutate


# -- the tests every rule module runs over its BREAKS table ----------------------------
Breaks = dict[str, tuple[str, Break]]
"""A rule module's table: case name → (rule id, the break that must trigger it)."""


def check_break(breaks: Breaks, name: str) -> None:
    """Apply the break ``name`` to a fresh sample: its rule reports the expected finding."""
    rule, brk = breaks[name]
    data = sample_data()
    brk.mutate(data)
    assert_finding(findings(data, rule), rule, brk.severity, brk.path, brk.clause)


def assert_sample_keeps(rule: str, *, errors_only: bool = False) -> None:
    """The untouched sample gives no finding of ``rule`` (with ``errors_only``: no error)."""
    found = findings(sample_data(), rule)
    if errors_only:
        found = [f for f in found if f.is_error]
    assert found == [], found


def break_tests(breaks: Breaks, *, errors_only: bool = False):
    """The two parametrized tests over a ``BREAKS`` table, for a rule module to name.

    The first applies each break and expects its finding; the second runs every
    rule of the table on the untouched sample, so a break cannot pass only because
    the rule fires anyway. A module binds them to its test names, which pytest then
    collects as its own::

        test_rule_breaks, test_sample_keeps_rule = break_tests(BREAKS)

    ``errors_only`` is for rules that may warn on the sample: it must give no error.
    """

    @pytest.mark.parametrize("name", sorted(breaks))
    def rule_breaks(name: str) -> None:
        check_break(breaks, name)

    @pytest.mark.parametrize("rule", sorted({rule for rule, _ in breaks.values()}))
    def sample_keeps_rule(rule: str) -> None:
        assert_sample_keeps(rule, errors_only=errors_only)

    return rule_breaks, sample_keeps_rule
