"""``formgen audit-time``: the audit-time estimate of one organisation.

A thin shell over ``formgen.checks.audittime``: it parses the options,
builds the effective-personnel breakdown when part-time, shift, contractor
or repetitive staff are given, and prints the result as a table with its
justification or as JSON. Bad input raises ``AuditTimeInputError`` restated
with the option the user typed, which ``formgen.cli`` turns into exit code 2.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from formgen.checks.audittime import (
    COMPLEXITY_LABELS,
    FACTORS,
    SYSTEM_LABELS,
    SYSTEMS,
    AuditTimeInputError,
    AuditTimeRequest,
    AuditTimeResult,
    RepetitiveGroup,
    collect_factor_options,
    compute_audit_time,
    effective_personnel,
)
from formgen.checks.audittime.tables import fmt_num

__all__ = ["audit_time", "register"]

# Request / helper field → the option that sets it, for error messages.
_OPTION = {
    "system": "--system",
    "personnel": "--personnel",
    "permanent": "--personnel",
    "complexity": "--complexity",
    "factors": "--factor",
    "factor_notes": "--factor",
    "adjust": "--adjust",
    "method": "--method",
    "days": "--days",
    "reason": "--reason",
    "part_time": "--part-time",
    "full_time_hours": "--full-time-hours",
    "shifts": "--shift",
    "temporary": "--temporary",
    "contractors": "--contractors",
    "repetitive": "--repetitive",
}


def register(app: typer.Typer) -> None:
    """Add the ``audit-time`` command to the formgen application."""
    app.command(
        "audit-time",
        help="Время аудита СМК/СЭМ/СМБТиОЗ по ГОСТ Р 54318-2021 (IAF MD 5:2019) "
        "с обоснованием; методы 54318-2011 и 54298-2010 (таблица Е.1) на выбор.",
    )(audit_time)


def _int_pair(text: str, option: str, what: str) -> list[str]:
    parts = [p.strip() for p in text.split(":")]
    if len(parts) < 2 or not all(parts[:2]):
        raise AuditTimeInputError(f"ожидается {what}, получено «{text}»", option)
    return parts


def _part_time(items: list[str]) -> list[tuple[int, str]]:
    out = []
    for item in items:
        count, hours, *rest = _int_pair(item, "--part-time", "ЧИСЛО:ЧАСОВ_В_НЕДЕЛЮ (30:20)")
        if rest or not count.isdigit():
            raise AuditTimeInputError(
                f"ожидается ЧИСЛО:ЧАСОВ_В_НЕДЕЛЮ (30:20), получено «{item}»", "--part-time"
            )
        out.append((int(count), hours))
    return out


def _repetitive(items: list[str]) -> list[RepetitiveGroup]:
    groups = []
    for item in items:
        count, _, rest = item.partition(":")
        kept, _, role = rest.partition(":")
        if not count.strip().isdigit() or (kept.strip() and not kept.strip().isdigit()):
            raise AuditTimeInputError(
                f"ожидается ЧИСЛО[:УЧИТЫВАТЬ_КАК[:ДОЛЖНОСТЬ]] (140 или 140:20:сборщики), "
                f"получено «{item}»",
                "--repetitive",
            )
        groups.append(
            RepetitiveGroup(
                int(count), int(kept) if kept.strip() else None, role.strip() or None
            )
        )
    return groups


def _list_factors(system: str | None, as_json: bool, console: Console) -> None:
    factors = [f for f in FACTORS.values() if system is None or system in f.systems]
    if as_json:
        data = [
            {
                "name": f.slug,
                "label": f.label,
                "direction": f.direction,
                "systems": list(f.systems),
                "clauses": {s: f.clause(s, "54318-2021") for s in f.systems},
                "clauses_2011": {s: f.clause(s, "54318-2011") for s in f.clauses_2011},
            }
            for f in factors
        ]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = Table(title="Факторы корректировки времени аудита (ГОСТ Р 54318-2021, раздел 10)")
    for column in ("Имя", "", "Системы", "Пункт", "Фактор"):
        table.add_column(column)
    for f in factors:
        items = sorted(set(f.clauses.values()))
        table.add_row(
            f.slug,
            "↑" if f.direction == "increase" else "↓",
            ", ".join(SYSTEM_LABELS[s] for s in f.systems),
            "; ".join(items),
            f.label,
        )
    console.print(table)
    console.print("↑ — процент положительный, ↓ — отрицательный: --factor maturity=-10")


def _print(res: AuditTimeResult, console: Console) -> None:
    def d(x: float) -> str:
        return fmt_num(x)

    table = Table(
        title=f"Время аудита {SYSTEM_LABELS[res.system]} (метод {res.method}), аудито-дни",
        show_header=False,
    )
    table.add_column("Показатель")
    table.add_column("Значение", justify="right")
    table.add_row("Эффективная численность персонала", f"{res.personnel} чел.")
    if res.complexity:
        table.add_row("Категория сложности", COMPLEXITY_LABELS[res.complexity])
    if res.table:
        table.add_row("Таблица", f"{res.table}; {res.band}")
    base = d(res.base_days)
    if res.base_range:
        base += f" (диапазон {d(res.base_range[0])}–{d(res.base_range[1])})"
    table.add_row("Индивидуальное значение" if res.individual else "Табличное значение", base)
    for a in res.adjustments:
        table.add_row(f"  {a.name}", f"{'+' if a.percent > 0 else ''}{fmt_num(a.percent)} %")
    if res.adjustments:
        cap = " (ограничено 5.9)" if res.reduction_capped else ""
        sign = "+" if res.applied_percent > 0 else ""
        table.add_row("Поправка итого", f"{sign}{fmt_num(res.applied_percent)} %{cap}")
    table.add_row("Первоначальный аудит (этап 1 + этап 2)", d(res.initial_days))
    table.add_row("  этап 1 / этап 2", f"{d(res.stage1_days)} / {d(res.stage2_days)}")
    table.add_row("  на месте, не менее", d(res.onsite_min_days))
    table.add_row(
        "Надзорный аудит (ежегодно)",
        f"{d(res.surveillance_days)} (на месте ≥ {d(res.surveillance_onsite_min_days)})",
    )
    table.add_row(
        "Ресертификационный аудит",
        f"{d(res.recertification_days)} (на месте ≥ {d(res.recertification_onsite_min_days)})",
    )
    console.print(table)
    console.print("[bold]Обоснование[/bold]")
    for i, line in enumerate(res.justification, 1):
        console.print(f"{i}. {line}", markup=False, highlight=False)
    console.print("[bold]Пункты стандартов[/bold]")
    for clause in res.clauses:
        console.print(f"— {clause}", markup=False, highlight=False)


def _restated(exc: AuditTimeInputError) -> AuditTimeInputError:
    option = _OPTION.get(exc.field or "", exc.field)
    return AuditTimeInputError(exc.reason, option)


def audit_time(
    system: Annotated[str | None, typer.Option("--system", "-s", help="qms, ems или ohs")] = None,
    personnel: Annotated[
        int | None,
        typer.Option(
            "--personnel",
            "-n",
            help="Персонал с полной занятостью в области сертификации (без сменного, если "
            "он указан через --shift); без других опций — эффективная численность",
        ),
    ] = None,
    complexity: Annotated[
        str | None,
        typer.Option("--complexity", "-c", help="high, medium, low, limited или special"),
    ] = None,
    adjust: Annotated[
        str | None, typer.Option("--adjust", help="Итоговая поправка, % (вместо --factor)")
    ] = None,
    factor: Annotated[
        list[str] | None,
        typer.Option("--factor", "-f", help="ИМЯ=ПРОЦЕНТ, например maturity=-10 (повторяемая)"),
    ] = None,
    method: Annotated[
        str, typer.Option("--method", "-m", help="54318-2021, 54318-2011 или 54298-2010")
    ] = "54318-2021",
    days: Annotated[
        str | None, typer.Option("--days", help="Индивидуальное время (особая сложность)")
    ] = None,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Обоснование индивидуального времени")
    ] = None,
    part_time: Annotated[
        list[str] | None,
        typer.Option("--part-time", help="ЧИСЛО:ЧАСОВ_В_НЕДЕЛЮ, частичная занятость (4.3.3)"),
    ] = None,
    full_time_hours: Annotated[
        str, typer.Option("--full-time-hours", help="Часов в неделю при полной занятости")
    ] = "40",
    shift: Annotated[
        list[int] | None,
        typer.Option("--shift", help="Численность одной смены (повторяемая, по сменам)"),
    ] = None,
    temporary: Annotated[int, typer.Option("--temporary", help="Временный персонал")] = 0,
    contractors: Annotated[
        int, typer.Option("--contractors", help="Персонал подрядчиков в области")
    ] = 0,
    repetitive: Annotated[
        list[str] | None,
        typer.Option(
            "--repetitive",
            help="ЧИСЛО[:УЧИТЫВАТЬ_КАК[:ДОЛЖНОСТЬ]] — повторяющиеся функции (4.3.4); "
            "без УЧИТЫВАТЬ_КАК — ⌈√ЧИСЛО⌉",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Вывести результат в JSON")] = False,
    list_factors: Annotated[
        bool, typer.Option("--list-factors", help="Перечислить факторы и выйти")
    ] = False,
) -> None:
    """Compute and print the audit time (see the module docstring)."""
    console = Console()
    try:
        norm_system = system.strip().lower() if system else None
        if list_factors:
            if norm_system is not None and norm_system not in SYSTEMS:
                raise AuditTimeInputError(
                    f"неизвестная система «{system}»; допустимо: qms, ems, ohs", "system"
                )
            _list_factors(norm_system, as_json, console)
            return
        if system is None:
            raise AuditTimeInputError("укажите систему менеджмента: qms, ems или ohs", "system")
        if personnel is None:
            raise AuditTimeInputError(
                "укажите численность персонала в области сертификации", "personnel"
            )
        helpers = part_time or shift or temporary or contractors or repetitive
        if helpers:
            staff: object = effective_personnel(
                personnel,
                _part_time(part_time or []),
                full_time_hours=full_time_hours,  # type: ignore[arg-type]
                shifts=shift or [],
                temporary=temporary,
                contractors=contractors,
                repetitive=_repetitive(repetitive or []),
                system=norm_system if norm_system in SYSTEMS else None,
                method=method.strip().lower(),
            )
        else:
            staff = personnel
        request = AuditTimeRequest(
            system=system,
            personnel=staff,  # type: ignore[arg-type]
            complexity=complexity,
            factors=collect_factor_options(factor or []),
            adjust=adjust,  # type: ignore[arg-type]
            method=method,
            days=days,  # type: ignore[arg-type]
            reason=reason,
        )
        result = compute_audit_time(request)
    except AuditTimeInputError as exc:
        raise _restated(exc) from None
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print(result, console)
