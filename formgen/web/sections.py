"""The sections of a case as the desk edits them, and the next step of the cycle.

A section is a top-level field of the case (``organisation``, ``application``,
``review`` …) or one item of a list (``audits/2``, ``decisions/0``). Its model
comes from the ``Case`` model, so the sections follow the model. ``next_steps``
reads where the cycle stands (application → review → document review →
stage 1 → stage 2 → decision → certificate → surveillance … recertification)
and offers the item to add, prefilled from what the case already says (the
team of the last audit, the audit a decision rests on, the decision a
certificate follows); the clerk completes it and the whole case is validated
on saving, as a file would be.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import BaseModel

from formgen.case.history import in_force
from formgen.case.model import AUDIT_KIND_LABELS, DECISION_KINDS, Case
from formgen.web.labels import SECTION_TITLES
from formgen.web.modelform import _strip

__all__ = ["SERIES_FIELDS", "Section", "Step", "next_steps", "section", "sections_of"]

# Which number series of the body fills which number field (the register's series).
SERIES_FIELDS: dict[tuple[str, str], str] = {
    ("application", "number"): "application",
    ("notice", "number"): "notice",
    ("audits", "report.number"): "act",
    ("decisions", "number"): "decision",
    ("certificates", "number"): "certificate",
    ("certificates", "register_number"): "register_number",
    ("mark_permission", "number"): "mark_permission",
}
_LISTS = ("audits", "decisions", "certificates")
_SINGLE = ("organisation", "application", "review", "notice", "document_request", "mark_permission")


@dataclass(frozen=True)
class Section:
    """One editable part of a case: its key, index in a list (None: new item), model."""

    key: str
    index: int | None
    model: type[BaseModel]
    many: bool

    @property
    def slug(self) -> str:
        if not self.many:
            return self.key
        return f"{self.key}/{'new' if self.index is None else self.index}"

    @property
    def problem_path(self) -> str:
        """How validation problems name this section (``audits[2]``)."""
        if not self.many:
            return self.key
        return f"{self.key}[{self.index}]" if self.index is not None else f"{self.key}[?]"

    def data(self, raw: dict[str, Any]) -> Any:
        value = raw.get(self.key)
        if not self.many:
            return value
        items = value if isinstance(value, list) else []
        return items[self.index] if self.index is not None and self.index < len(items) else None

    def put(self, raw: dict[str, Any], value: dict[str, Any] | None) -> dict[str, Any]:
        """``raw`` with this section replaced by ``value`` (None: removed)."""
        out = dict(raw)
        if not self.many:
            if value is None:
                out.pop(self.key, None)
            else:
                out[self.key] = value
            return out
        items = list(out.get(self.key) or [])
        if self.index is None:
            if value is not None:
                items.append(value)
        elif value is None:
            del items[self.index]
        else:
            items[self.index] = value
        out[self.key] = items
        return out

    def series(self, name: str) -> str | None:
        return SERIES_FIELDS.get((self.key, name))


def _model(key: str) -> type[BaseModel]:
    kind, _ = _strip(Case.model_fields[key].annotation)
    if key in _LISTS:
        (kind,) = get_args(kind)
    return kind


def section(slug: str, raw: dict[str, Any]) -> Section:
    """The section named by ``slug`` (``organisation``, ``audits/2``, ``audits/new``); KeyError if none."""
    key, _, index = slug.partition("/")
    if key in _SINGLE and not index:
        return Section(key, None, _model(key), False)
    if key in _LISTS and index:
        if index == "new":
            return Section(key, None, _model(key), True)
        if index.isdigit() and int(index) < len(raw.get(key) or []):
            return Section(key, int(index), _model(key), True)
    raise KeyError(slug)


def title(case: Case, sec: Section) -> str:
    """«Второй этап сертификационного аудита «stage2»», «Решение о выдаче … № Р-1» …"""
    if sec.many and sec.index is not None:
        if sec.key == "audits":
            a = case.audits[sec.index]
            return f"{AUDIT_KIND_LABELS[a.kind].capitalize()} «{a.id}»"
        if sec.key == "decisions":
            d = case.decisions[sec.index]
            return f"{DECISION_KINDS[d.kind].capitalize()} № {d.number}"
        return f"Сертификат № {case.certificates[sec.index].number}"
    base = SECTION_TITLES[sec.key]
    return f"{base}: новая запись" if sec.many else base


def sections_of(case: Case) -> list[tuple[str, str, bool]]:
    """(slug, title, present) of every section, in the order of the cycle."""
    out = []
    for key in _SINGLE[:5]:
        out.append((key, SECTION_TITLES[key], getattr(case, key) is not None))
    for key in _LISTS:
        for i in range(len(getattr(case, key))):
            sec = Section(key, i, _model(key), True)
            out.append((sec.slug, title(case, sec), True))
    out.append(("mark_permission", SECTION_TITLES["mark_permission"], case.mark_permission is not None))
    return out


@dataclass(frozen=True)
class Step:
    """An item the cycle asks for next: where it goes and what it starts with."""

    slug: str
    label: str
    prefill: dict[str, Any]


_NEXT_AUDIT = {"document_review": "stage1", "stage1": "stage2"}
_IDS = {"document_review": "docs", "stage1": "stage1", "stage2": "stage2", "surveillance": "surv",
        "recertification": "recert"}


def _free_id(case: Case, kind: str) -> str:
    base = _IDS.get(kind, kind)
    used = {a.id for a in case.audits}
    if kind in {"document_review", "stage1", "stage2"} and base not in used:
        return base
    n = 1
    while f"{base}{n}" in used:
        n += 1
    return f"{base}{n}"


def _audit(case: Case, kind: str, day: dt.date) -> Step:
    last = case.audits[-1] if case.audits else None
    team = [{"person": m.person, "role": m.role} for m in last.team] if last else []
    if not team and case.review is not None and case.review.competent_auditors:
        team = [{"person": case.review.competent_auditors[0], "role": "lead_auditor"}]
    prefill = {"id": _free_id(case, kind), "kind": kind, "start": day.isoformat(), "end": day.isoformat(),
               "team": team}
    return Step("audits/new", f"Добавить аудит: {AUDIT_KIND_LABELS[kind]}", prefill)


def next_steps(case: Case, day: dt.date) -> list[Step]:
    """What to add next, from where the cycle stands on ``day``."""
    if case.review is None:
        return [Step("review", "Рассмотреть заявку (приложение Г)",
                     {"date": day.isoformat(), "signed_by": "head"})]
    if not case.review.accepted:
        return []
    steps: list[Step] = []
    if case.notice is None:
        steps.append(Step("notice", "Извещение о приёме заявки (приложение Д)", {"date": day.isoformat()}))
    decided = {d.audit for d in case.decisions}
    kinds = [a.kind for a in case.audits]
    last = case.audits[-1] if case.audits else None
    if last is None:
        steps.append(_audit(case, "document_review", day))
        return steps
    if last.kind in _NEXT_AUDIT:
        steps.append(_audit(case, _NEXT_AUDIT[last.kind], day))
        return steps
    live = [c for c in case.certificates if in_force(case, c, day)]
    if last.id not in decided:
        kind = "issue" if last.kind in {"stage2", "recertification"} else "confirm"
        prefill: dict[str, Any] = {"kind": kind, "date": day.isoformat(), "audit": last.id,
                                   "signed_by": "head"}
        if kind == "confirm" and live:
            prefill["certificate"] = live[-1].number
        steps.append(Step("decisions/new", f"Принять {DECISION_KINDS[kind]}", prefill))
        return steps
    issued = {c.decision for c in case.certificates}
    for d in case.decisions:
        if d.kind == "issue" and d.positive and d.number not in issued:
            audit = next((a for a in case.audits if a.id == d.audit), None)
            prefill = {"decision": d.number, "registered": d.date.isoformat(), "signed_by": d.signed_by}
            if audit is not None and audit.lead:
                prefill["chairman"] = audit.lead
            if live and audit is not None and audit.kind == "recertification":
                prefill["replaces"] = live[-1].number
            steps.append(Step("certificates/new", f"Оформить сертификат по решению № {d.number}", prefill))
    if steps:
        return steps
    if live:
        start = max((i for i, k in enumerate(kinds) if k in {"stage2", "recertification"}), default=-1)
        done = kinds[start + 1:].count("surveillance")  # two per cycle (7.7.5), then recertification
        kind = "recertification" if done >= 2 else "surveillance"
        steps.append(_audit(case, kind, day))
    return steps
