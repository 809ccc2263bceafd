"""Audit-time calculator: tables, rounding, cap, derived audits, personnel, refusals."""

from __future__ import annotations

import math
import re
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from formgen.checks.audittime import (
    FACTORS,
    AuditTimeInputError,
    AuditTimeRequest,
    EffectivePersonnel,
    RepetitiveGroup,
    compute_audit_time,
    effective_personnel,
    round_half_day,
)
from formgen.errors import InputError

# ---------------------------------------------------------------- expected
# Transcribed from the standards in their printed two-half layout (left band,
# values, right band, values), independently of the column layout the
# package uses. СМК-1 = А.1; СЭМ-1 = Б.1 (high, medium, low, limited);
# СМБТиОЗ-1 = the first three СЭМ-1 columns.
QMS_TABLE = """
1-5 1,5 | 626-875 12
6-10 2 | 876-1175 13
11-15 2,5 | 1176-1550 14
16-25 3 | 1551-2025 15
26-45 4 | 2026-2675 16
46-65 5 | 2676-3450 17
66-85 6 | 3451-4350 18
86-125 7 | 4351-5450 19
126-175 8 | 5451-6800 20
176-275 9 | 6801-8500 21
276-425 10 | 8501-10700 22
426-625 11
"""
EMS_TABLE = """
1-5 3 2,5 2,5 2,5 | 626-875 17 13 10 6,5
6-10 3,5 3 3 3 | 876-1175 19 15 11 7
11-15 4,5 3,5 3 3 | 1176-1550 20 16 12 7,5
16-25 5,5 4,5 3,5 3 | 1551-2025 21 17 12 8
26-45 7 5,5 4 3 | 2026-2675 23 18 13 8,5
46-65 8 6 4,5 3,5 | 2676-3450 25 19 14 9
66-85 9 7 5 3,5 | 3451-4350 27 20 15 10
86-125 11 8 5,5 4 | 4351-5450 28 21 16 11
126-175 12 9 6 4,5 | 5451-6800 30 23 17 12
176-275 13 10 7 5 | 6801-8500 32 25 19 13
276-425 15 11 8 5,5 | 8501-10700 34 27 20 14
426-625 16 12 9 6
"""
CATS = ("high", "medium", "low", "limited")


def _parse(text: str) -> list[tuple[int, int, list[float]]]:
    rows = []
    for line in text.strip().splitlines():
        for half in line.split("|"):
            band, *values = half.split()
            low, high = (int(x) for x in band.split("-"))
            rows.append((low, high, [float(v.replace(",", ".")) for v in values]))
    return sorted(rows)


def _expected(system: str) -> list[tuple[int, int, dict[str, float]]]:
    if system == "qms":
        return [(lo, hi, {"medium": v[0]}) for lo, hi, v in _parse(QMS_TABLE)]
    cats = CATS if system == "ems" else CATS[:3]
    return [(lo, hi, dict(zip(cats, v, strict=False))) for lo, hi, v in _parse(EMS_TABLE)]


def _days(system, personnel, complexity=None, method="54318-2021", **kw):
    return compute_audit_time(
        AuditTimeRequest(system, personnel, complexity, method=method, **kw)
    )


TABLE_CASES = [
    (method, system, cat)
    for method, systems in (("54318-2021", ("qms", "ems", "ohs")), ("54318-2011", ("qms", "ems")))
    for system in systems
    for cat in (("medium",) if system == "qms" else CATS if system == "ems" else CATS[:3])
]


@pytest.mark.parametrize(("method", "system", "cat"), TABLE_CASES)
def test_every_band_boundary_on_both_sides(method, system, cat):
    rows = _expected(system)
    assert len(rows) == 23 and rows[0][0] == 1 and rows[-1][1] == 10700
    complexity = None if system == "qms" else cat
    for low, high, values in rows:
        for people in {low, high}:
            res = _days(system, people, complexity, method)
            assert res.base_days == values[cat], (system, cat, people)
            assert res.initial_days == values[cat]
            assert res.band == f"{low}–{high}"
            assert not res.extrapolated
        if high < 10700:  # the first person of the next band gets the next value
            nxt = next(v for lo, _, v in rows if lo == high + 1)
            assert _days(system, high + 1, complexity, method).base_days == nxt[cat]


def test_table_source_is_cited_per_edition():
    assert _days("qms", 10).table == "ГОСТ Р 54318-2021, приложение А, таблица СМК-1"
    assert _days("ems", 10, "low").table == "ГОСТ Р 54318-2021, приложение В, таблица СЭМ-1"
    assert _days("ohs", 10, "low").table == "ГОСТ Р 54318-2021, приложение С, таблица СМБТиОЗ-1"
    assert _days("qms", 10, method="54318-2011").table.endswith("таблица А.1")
    assert _days("ems", 10, "high", "54318-2011").table.endswith("таблица Б.1")
    assert "ГОСТ Р 54318-2021, приложение В, таблица СЭМ-1" in _days("ems", 10, "high").clauses


STANDARDS = Path(__file__).resolve().parent / "standards"  # vendored rows (tests/standards/extract.py)


def test_tables_match_the_standard_texts():
    """Second, mechanical transcription: parse the rows of the shipped texts."""
    text21 = (STANDARDS / "gost-r-54318-2021-tables.txt").read_text("utf-8")
    qms_rows = re.findall(r"^(\d+)-(\d+) \| ([\d,]+) \| (\d+)-(\d+) \| ([\d,]+) \|$", text21, re.M)
    wide = re.findall(r"^(\d+)-(\d+) \| (.+)$", text21, re.M)
    seen = 0
    for lo1, _, v1, lo2, _, v2 in qms_rows:
        for lo, v in ((lo1, v1), (lo2, v2)):
            assert _days("qms", int(lo)).base_days == float(v.replace(",", "."))
            seen += 1
    assert seen == 22  # 11 printed lines with two halves; 426-625 has a ">10700" partner
    ems_checked = 0
    for lo1, _, rest in wide:
        cells = [c.strip() for c in rest.split("|") if c.strip()]
        if len(cells) == 9:  # СЭМ-1: 4 values, right band, 4 values
            groups = [(int(lo1), cells[:4]), (int(cells[4].split("-")[0]), cells[5:])]
            system, cats = "ems", CATS
        elif len(cells) == 7:  # СМБТиОЗ-1: 3 values, right band, 3 values
            groups = [(int(lo1), cells[:3]), (int(cells[3].split("-")[0]), cells[4:])]
            system, cats = "ohs", CATS[:3]
        else:
            continue
        for lo, vals in groups:
            for cat, v in zip(cats, vals, strict=True):
                assert _days(system, lo, cat).base_days == float(v.replace(",", "."))
                ems_checked += 1
    assert ems_checked == 22 * 4 + 22 * 3
    text11 = (STANDARDS / "gost-r-54318-2011-tables.txt").read_text("utf-8")
    rows11 = re.findall(r"^(\d+) - (\d+)\t([\d,]+(?:\t[\d,]+)*)$", text11, re.M)
    assert len(rows11) == 46
    for lo, _, vals in rows11:
        vals = vals.split("\t")
        system, cats = ("qms", ("medium",)) if len(vals) == 1 else ("ems", CATS)
        for cat, v in zip(cats, vals, strict=True):
            res = _days(system, int(lo), None if system == "qms" else cat, "54318-2011")
            assert res.base_days == float(v.replace(",", "."))


# ------------------------------------------------------ worked examples


def test_ea_example_ems_126_175_high_is_12_days():
    for people in (126, 150, 175):
        res = _days("ems", people, "high")
        assert res.initial_days == 12
        assert res.surveillance_days == 4
        assert res.recertification_days == 8


def test_qms_1_to_5_people_is_one_and_a_half_days():
    res = _days("qms", 3)
    assert res.initial_days == 1.5
    assert (res.stage1_days, res.stage2_days) == (0.5, 1.0)
    assert res.surveillance_days == 1  # 0.5 raised to the one-day minimum
    assert res.recertification_days == 1


def test_qms_takes_medium_or_nothing_as_complexity():
    assert _days("qms", 150, "medium").initial_days == 8
    assert _days("qms", 150, None).complexity is None


# ------------------------------------------------------------- rounding


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5.3", 5.5), ("5.2", 5), ("5.25", 5.5), ("5.75", 6), ("5.7", 5.5), ("5", 5), ("5.5", 5.5)],
)
def test_round_half_day(value, expected):
    """4.2.3's examples, and ties (5.25) go up: the tool's documented choice."""
    assert round_half_day(Fraction(value)) == Fraction(expected)


@pytest.mark.parametrize(("pct", "expected"), [(6, 5.5), (4, 5.0), (5, 5.5), (-5, 5.0)])
def test_rounding_through_the_calculation(pct, expected):
    # QMS 46-65 people = 5 days; +6 % = 5.3, +4 % = 5.2, +5 % = 5.25, −5 % = 4.75.
    res = _days("qms", 50, adjust=pct)
    assert res.base_days == 5
    assert res.adjusted_days == pytest.approx(5 * (1 + pct / 100))
    assert res.initial_days == expected
    assert "ГОСТ Р 54318-2021, 4.2.3" in res.clauses


def test_no_rounding_up_to_whole_days():
    res = _days("ems", 150, "high", factors={"maturity": -25})  # 12 × 0.75 = 9
    assert res.initial_days == 9
    res = _days("ems", 150, "high", factors={"languages": 10})  # 13.2 → 13, not 14
    assert res.initial_days == 13


# ------------------------------------------------------------------ cap


def test_reduction_capped_at_30_percent():
    res = _days("ems", 150, "high", factors={"maturity": -20, "readiness": -15})
    assert res.requested_percent == -35
    assert res.applied_percent == -30
    assert res.reduction_capped is True
    assert res.reduction_cap_percent == 30
    assert res.initial_days == 8.5  # 12 × 0.7 = 8.4 → 8.5
    assert "ГОСТ Р 54318-2021, 5.9" in res.clauses
    assert any("30 %" in line and "5.9" in line for line in res.justification)


def test_reduction_of_25_percent_is_not_capped_at_20():
    res = _days("ems", 150, "high", factors={"maturity": -15, "prior_knowledge": -10})
    assert res.reduction_capped is False
    assert res.initial_days == 9  # 12 × 0.75; a 20 % cap would give 9.5


def test_exactly_30_percent_is_allowed():
    res = _days("ems", 150, "high", adjust=-30)
    assert (res.reduction_capped, res.initial_days) == (False, 8.5)


def test_increases_offset_reductions_before_the_cap():
    res = _days("ems", 150, "high", factors={"maturity": -40, "languages": 15})
    assert res.requested_percent == -25 and not res.reduction_capped
    assert res.initial_days == 9


def test_rounding_may_not_undercut_the_cap():
    res = _days("qms", 3, factors={"maturity": -30})  # 1.05 would round to 1.0
    assert res.initial_days == 1.5
    assert res.reduction_capped is True
    assert res.reduction_floor_days == pytest.approx(1.05)


def test_cap_clause_follows_the_edition():
    res = _days("ems", 150, "high", "54318-2011", adjust=-50)
    assert "ГОСТ Р 54318-2011, 5.1.7" in res.clauses and res.initial_days == 8.5


# ------------------------------------------------ derived audits and stages


def test_onsite_is_at_least_80_percent_rounded_up():
    res = _days("ems", 150, "high")  # 0.8 × 12 = 9.6
    assert res.onsite_min_days == 10
    assert res.onsite_min_days >= 0.8 * res.initial_days
    assert "ГОСТ Р 54318-2021, 4.1.2" in res.clauses


def test_stage_split():
    res = _days("ems", 150, "high")
    assert (res.stage1_days, res.stage2_days) == (4, 8)
    res = _days("ems", 3, "low")  # 2.5
    assert (res.stage1_days, res.stage2_days) == (0.5, 2)


def test_surveillance_and_recertification_shares():
    res = _days("qms", 1000)  # 13
    assert res.surveillance_days == 4.5  # 4.33 → 4.5
    assert res.recertification_days == 8.5  # 8.67 → 8.5
    assert "ГОСТ Р 54318-2021, раздел 7" in res.clauses
    assert "ГОСТ Р 54318-2021, раздел 8" in res.clauses


def test_minimum_one_day_is_stated():
    res = _days("qms", 3)
    assert any("не менее 1 дня" in line for line in res.justification)


# ------------------------------------------------------ extrapolation


def test_beyond_10700_continues_the_progression():
    assert _days("qms", 10701).initial_days == 23
    assert _days("qms", 13375).initial_days == 23  # 10700 × 1.25
    assert _days("qms", 13376).initial_days == 24
    high = _days("ems", 10701, "high")
    assert high.initial_days == 36 and high.extrapolated
    assert _days("ems", 10701, "low").initial_days == 21.5  # 20 + 4/3 → 21.5
    assert _days("ems", 13376, "limited").initial_days == 16
    assert _days("ohs", 13376, "medium").initial_days == 31
    assert any("1,25" in line for line in high.justification)
    assert any("строка «>10700»" in c for c in high.clauses)


def test_10700_itself_is_still_in_the_table():
    res = _days("ems", 10700, "high")
    assert res.initial_days == 34 and not res.extrapolated


# ---------------------------------------------------- ГОСТ Р 54298-2010


@pytest.mark.parametrize(
    ("people", "cat", "value", "rng"),
    [
        (10, "high", 4, (3, 5)),
        (30, "high", 7, (5, 9)),
        (100, "high", 11, (8, 14)),
        (500, "high", 16, (11, 21)),
        (2000, "high", 23, (16, 30)),
        (10, "medium", 3, (2, 4)),
        (100, "medium", 8, (5, 11)),
        (2000, "medium", 18, (13, 23)),
        (30, "low", 4, (3, 5)),
        (500, "low", 9, (6, 12)),
        (2000, "limited", 8, (6, 10)),
        (5, "limited", 3, (2, 4)),  # below the first row: the first row
    ],
)
def test_annex_e_rows_and_ranges(people, cat, value, rng):
    res = _days("ems", people, cat, "54298-2010")
    assert res.base_days == value and res.base_range == rng
    assert res.table == "ГОСТ Р 54298-2010, приложение Е, таблица Е.1"
    assert res.within_range is True


def test_annex_e_between_rows_is_interpolated():
    res = _days("ems", 65, "high", "54298-2010")  # halfway 30 → 100: 9 ± 2.5
    assert res.base_days == 9 and res.base_range == (6.5, 11.5)
    assert any("интерполировано" in line for line in res.justification)


def test_annex_e_surveillance_is_half_and_extrapolates_beyond_2000():
    res = _days("ems", 500, "high", "54298-2010")
    assert res.surveillance_days == 8 and res.recertification_days == 10.5
    big = _days("ems", 8000, "high", "54298-2010")
    assert big.base_days == 30 and big.extrapolated and big.base_range == (21, 39)


def test_annex_e_reports_leaving_the_range():
    res = _days("ems", 10, "high", "54298-2010", adjust=30)  # 5.2 → 5 stays inside 3–5
    assert res.within_range is True
    res = _days("ems", 10, "high", "54298-2010", adjust=50)
    assert res.initial_days == 6 and res.within_range is False
    assert any("вне диапазона" in line for line in res.justification)


# ------------------------------------------------------------ special


def test_special_complexity_needs_days_and_reason():
    with pytest.raises(AuditTimeInputError, match="индивидуально") as exc:
        _days("ems", 50, "special")
    assert exc.value.field == "days"
    with pytest.raises(AuditTimeInputError) as exc:
        _days("ems", 50, "special", days=10)
    assert exc.value.field == "reason"
    res = _days("ems", 50, "special", days=10.2, reason="хранение опасных веществ")
    assert res.individual and res.initial_days == 10 and res.base_days == 10.2
    assert res.complexity == "special"
    assert "ГОСТ Р 54318-2021, приложение В, последний абзац" in res.clauses
    assert any("хранение опасных веществ" in line for line in res.justification)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"system": "qms", "complexity": "special"}, "complexity"),
        ({"system": "ohs", "complexity": "special"}, "complexity"),
        ({"complexity": "special", "factors": {"maturity": -10}}, "factors"),
        ({"complexity": "special", "days": 1, "reason": "x"}, "days"),
        ({"complexity": "high", "days": 10, "reason": "x"}, "days"),
    ],
)
def test_special_misuse_is_refused(kwargs, field):
    args = {"system": "ems", "personnel": 50, "days": 10, "reason": "обоснование"} | kwargs
    with pytest.raises(AuditTimeInputError) as exc:
        compute_audit_time(AuditTimeRequest(**args))
    assert exc.value.field == field


# ------------------------------------------------------------ refusals


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"personnel": 0}, "personnel", "не меньше 1"),
        ({"personnel": -5}, "personnel", "не меньше 1"),
        ({"personnel": 12.5}, "personnel", "целое"),
        ({"personnel": True}, "personnel", "целое"),
        ({"system": "isms"}, "system", "неизвестная система"),
        ({"method": "iso-9001"}, "method", "неизвестный метод"),
        ({"system": "ohs", "method": "54318-2011"}, "method", "не содержит таблицы"),
        ({"system": "qms", "method": "54298-2010", "complexity": None}, "method", "только СЭМ"),
        ({"complexity": None}, "complexity", "нужна категория"),
        ({"complexity": "extreme"}, "complexity", "не предусмотрена"),
        ({"system": "ohs", "complexity": "limited"}, "complexity", "не предусмотрена"),
        ({"system": "qms", "complexity": "high"}, "complexity", "high_risk"),
        ({"factors": {"maturty": -10}}, "factors", "maturity"),
        ({"factors": {"maturity": 10}}, "factors", "отрицательный"),
        ({"factors": {"languages": -10}}, "factors", "положительный"),
        ({"factors": {"high_risk": 10}}, "factors", "СМК"),
        ({"factors": {"automation": -10}, "system": "ohs"}, "factors", "не предусмотрен"),
        ({"factors": {"accident_risks": 5}, "method": "54318-2011"}, "factors", "2011"),
        ({"factors": {"languages": 150}}, "factors", "100"),
        ({"factors": {"languages": float("nan")}}, "factors", "конечное"),
        ({"factors": {"languages": 5}, "adjust": 5}, "adjust", "либо"),
        ({"adjust": -120}, "adjust", "100"),
    ],
)
def test_impossible_inputs_are_refused_in_russian(kwargs, field, words):
    args = {"system": "ems", "personnel": 50, "complexity": "high"} | kwargs
    with pytest.raises(AuditTimeInputError) as exc:
        compute_audit_time(AuditTimeRequest(**args))
    assert isinstance(exc.value, InputError)
    assert exc.value.exit_code == 2
    assert exc.value.field == field
    assert words in str(exc.value)
    assert re.search("[а-яё]", exc.value.reason)


def test_input_is_normalised():
    res = compute_audit_time(AuditTimeRequest(" EMS ", 150, "High", method=" 54318-2021"))
    assert (res.system, res.complexity, res.initial_days) == ("ems", "high", 12)


# ------------------------------------------------------------- factors


def test_factor_registry_is_well_formed():
    assert {"multiple_sites", "repetitive", "maturity", "high_risk", "outsourcing"} <= set(FACTORS)
    for slug, f in FACTORS.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", slug) and f.slug == slug
        assert f.direction in ("increase", "decrease")
        assert re.search("[А-Яа-я]", f.label)
        assert f.systems and set(f.systems) <= {"qms", "ems", "ohs"}
        for system in f.systems:
            clause = f.clause(system, "54318-2021")
            assert clause.startswith("ГОСТ Р 54318-2021, ")
            kind = clause.split(", ")[2] if clause.count(", ") > 1 else ""
            if f.direction == "decrease" and kind.startswith(("I ", "II", "III", "IV")):
                pytest.fail(f"{slug}: a decreasing factor cited from an increasing group")
        for system in f.clauses_2011:
            assert f.clause(system, "54318-2011").startswith("ГОСТ Р 54318-2011, 6")


def test_adjustments_carry_name_label_percent_clause_and_note():
    res = _days(
        "ems", 150, "high",
        factors={"multiple_sites": 10, "repetitive": -10},
        factor_notes={"multiple_sites": "три площадки в разных городах"},
    )  # fmt: skip
    first, second = res.adjustments
    assert (first.name, first.percent, first.clause) == (
        "multiple_sites", 10.0, "ГОСТ Р 54318-2021, 10, I a)")  # fmt: skip
    assert first.note == "три площадки в разных городах"
    assert second.direction == "decrease" and second.clause == "ГОСТ Р 54318-2021, 4.3.4"
    assert res.initial_days == 12
    assert any("три площадки" in line for line in res.justification)


def test_outsourcing_is_cited_per_system():
    assert _days("qms", 50, factors={"outsourcing": 5}).adjustments[0].clause.endswith("II h)")
    ems = _days("ems", 50, "low", factors={"outsourcing": 5})
    assert ems.adjustments[0].clause.endswith("III f)")


# ------------------------------------------------- effective personnel


def test_part_time_converted_by_hours_4_3_3_example():
    # 30 people working 4 hours a day are 15 full-time people.
    ep = effective_personnel(0, [(30, 4)], full_time_hours=8)
    assert ep.effective == 15 and ep.part_time_fte == 15
    assert any("4.3.3" in line for line in ep.justification)


def test_shifts_temporary_and_fraction_rounded_up():
    ep = effective_personnel(100, [(7, 10)], shifts=[20, 20, 5], temporary=3)
    # 100 + 45 + 3 + 7 × 10 / 40 = 149.75 → 150
    assert ep.exact == Fraction(59900, 400) and ep.effective == 150
    assert any("20 + 20 + 5 = 45" in line for line in ep.justification)
    assert any("округлена вверх" in line for line in ep.justification)
    n, lines = ep
    assert n == 150 and lines == ep.justification


def test_repetitive_default_rule_and_explicit_rule():
    ep = effective_personnel(240, repetitive=140)  # ⌈√140⌉ = 12
    assert ep.effective == 240 - 140 + 12
    assert any("⌈√140⌉ = 12" in line for line in ep.justification)
    ep = effective_personnel(240, repetitive=[RepetitiveGroup(140, 40, "сборщики")])
    assert ep.effective == 140 and any("«сборщики»" in line for line in ep.justification)
    assert effective_personnel(10, repetitive=[(4, 4)]).effective == 10
    assert effective_personnel(10, repetitive=10).effective == 4  # everyone: ⌈√10⌉


def test_effective_personnel_feeds_the_calculation():
    ep = effective_personnel(120, [(12, 20)])  # 126
    res = _days("ems", ep, "high")
    assert res.personnel == 126 and res.initial_days == 12
    assert res.justification[: len(ep.justification)] == ep.justification
    assert "ГОСТ Р 54318-2021, 4.3.3" in res.clauses
    assert res.to_dict()["personnel_breakdown"]["effective"] == 126


def test_repetitive_is_not_counted_twice():
    ep = effective_personnel(240, repetitive=140)
    with pytest.raises(AuditTimeInputError, match="второй раз"):
        _days("ems", ep, "high", factors={"repetitive": -10})


def test_case_model_part_time_objects_are_accepted():
    class PartTime:  # the shape of formgen.case.model.audit.PartTime
        count, hours_per_week = 10, 20

    assert effective_personnel(5, [PartTime()]).effective == 10


@pytest.mark.parametrize(
    ("args", "kwargs", "field"),
    [
        ((-1,), {}, "permanent"),
        ((0,), {}, "permanent"),
        ((10, [(5, 0)]), {}, "part_time"),
        ((10, [(5, 200)]), {}, "part_time"),
        ((10, [(0, 20)]), {}, "part_time"),
        ((10,), {"full_time_hours": 0}, "full_time_hours"),
        ((10,), {"shifts": [0]}, "shifts"),
        ((10,), {"repetitive": [(5, 6)]}, "repetitive"),
        ((10,), {"repetitive": 11}, "repetitive"),
        ((10,), {"repetitive": [(6,), (6,)]}, "repetitive"),
        ((10,), {"contractors": -2}, "contractors"),
    ],
)
def test_effective_personnel_refusals(args, kwargs, field):
    with pytest.raises(AuditTimeInputError) as exc:
        effective_personnel(*args, **kwargs)
    assert exc.value.field == field


def test_ohs_contractors_and_repetitive_notes():
    ep = effective_personnel(50, contractors=20, repetitive=30, system="ohs")
    text = " ".join(ep.justification)
    assert "СМБТиОЗ включается обязательно" in text and "оценкой рисков" in text


# ----------------------------------------------------------- invariants

SCOPES = [
    (m, s, c)
    for m, s, c in TABLE_CASES + [("54298-2010", "ems", c) for c in CATS]
]


def _half(x: float) -> bool:
    return (2 * x) == int(2 * x)


@settings(max_examples=300, deadline=None)
@given(
    scope=st.sampled_from(SCOPES),
    a=st.integers(1, 60000),
    b=st.integers(1, 60000),
)
def test_monotone_in_personnel(scope, a, b):
    method, system, cat = scope
    small, big = sorted((a, b))
    c = None if system == "qms" else cat
    assert _days(system, small, c, method).base_days <= _days(system, big, c, method).base_days


_FACTOR_VALUES = st.integers(1, 40)


@st.composite
def _factor_sets(draw, system: str, method: str):
    names = [
        s for s, f in FACTORS.items()
        if f.clause(system, method) is not None
    ]  # fmt: skip
    chosen = draw(st.lists(st.sampled_from(names), unique=True, max_size=5))
    return {
        n: draw(_FACTOR_VALUES) * (1 if FACTORS[n].direction == "increase" else -1)
        for n in chosen
    }


@settings(max_examples=300, deadline=None)
@given(data=st.data(), scope=st.sampled_from(SCOPES), people=st.integers(1, 30000))
def test_result_invariants(data, scope, people):
    method, system, cat = scope
    factors = data.draw(_factor_sets(system, method))
    res = _days(system, people, None if system == "qms" else cat, method, factors=factors)
    for value in (
        res.initial_days, res.stage1_days, res.stage2_days, res.onsite_min_days,
        res.surveillance_days, res.recertification_days,
    ):  # fmt: skip
        assert _half(value)
    assert res.initial_days >= 0.7 * res.base_days - 1e-9  # 5.9
    assert res.applied_percent >= -30
    assert res.reduction_capped == (
        res.requested_percent < -30 or round_half_day(
            Fraction(res.adjusted_days).limit_denominator(10**6)
        ) < Fraction(7, 10) * Fraction(res.base_days)
    )
    assert abs(res.initial_days - res.adjusted_days) <= 0.5
    assert 1 <= res.surveillance_days <= res.recertification_days <= res.initial_days
    assert 0.8 * res.initial_days <= res.onsite_min_days <= res.initial_days
    assert res.stage1_days + res.stage2_days == res.initial_days
    assert res.stage2_days > res.stage1_days and res.stage2_days >= 1
    assert len(res.clauses) == len(set(res.clauses))
    assert all(re.search("[а-яё]", line) for line in res.justification)


@given(st.fractions(min_value=0, max_value=1000, max_denominator=1000))
def test_round_half_day_is_nearest_half(x):
    r = round_half_day(x)
    assert (2 * r).denominator == 1
    assert abs(r - x) <= Fraction(1, 4)
    if abs(r - x) == Fraction(1, 4):
        assert r > x  # ties go up


@settings(max_examples=200, deadline=None)
@given(
    permanent=st.integers(0, 5000),
    part=st.lists(st.tuples(st.integers(1, 200), st.integers(1, 40)), max_size=4),
    shifts=st.lists(st.integers(1, 500), max_size=3),
)
def test_effective_personnel_is_the_ceiling_of_the_fte_sum(permanent, part, shifts):
    total = Fraction(permanent + sum(shifts)) + sum(
        (Fraction(c * h, 40) for c, h in part), Fraction(0)
    )
    if total <= 0:
        with pytest.raises(AuditTimeInputError):
            effective_personnel(permanent, part, shifts=shifts)
        return
    ep = effective_personnel(permanent, part, shifts=shifts)
    assert isinstance(ep, EffectivePersonnel)
    assert ep.effective == math.ceil(total)
