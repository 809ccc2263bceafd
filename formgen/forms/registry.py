"""The forms of ГОСТ Р 54298-2010, Annexes В–Э, as data.

Each row names a form's slug (used on the command line and as its template's
file name), its annex letter, its title, which parts of a case produce an
instance of it, and the builder of its context. Adding a form means a
template, a row here and a builder — never a new branch in the renderer.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from formgen.case.model import Case

__all__ = ["FORMS", "FormSpec", "Instance", "form_by_slug"]


@dataclass(frozen=True)
class Instance:
    """One document to produce: ``key`` distinguishes repeats in file names."""

    key: str
    item: Any


@dataclass(frozen=True)
class FormSpec:
    slug: str
    annex: str
    title: str
    instances: Callable[[Case], Iterable[Instance]]
    builder: str  # "module:function" under formgen.forms.context
    output: str = "docx"

    @property
    def template(self) -> str:
        return f"{self.slug}.docx"

    def build(self, case: Case, item: Any) -> dict:
        """The template context of one instance of this form."""
        module, _, name = self.builder.partition(":")
        function = getattr(importlib.import_module(f"formgen.forms.context.{module}"), name)
        return function(case, item)


# -- instance rules ------------------------------------------------------------
def _once(case: Case) -> list[Instance]:
    return [Instance("", None)]


def _if(attr: str) -> Callable[[Case], list[Instance]]:
    def rule(case: Case) -> list[Instance]:
        value = getattr(case, attr)
        return [Instance("", value)] if value is not None else []

    return rule


def _document_list(case: Case) -> list[Instance]:
    wanted = case.document_request is not None or (case.review is not None and case.review.accepted)
    return [Instance("", case.document_request)] if wanted else []


def _audits_with(attr: str) -> Callable[[Case], list[Instance]]:
    def rule(case: Case) -> list[Instance]:
        return [Instance(a.id, a) for a in case.audits if getattr(a, attr)]

    return rule


def _nonconformities(case: Case) -> list[Instance]:
    return [
        Instance(f"{audit.id}-{nc.number}", (audit, nc))
        for audit in case.audits
        for nc in audit.nonconformities
    ]


def _decisions(kind: str) -> Callable[[Case], list[Instance]]:
    def rule(case: Case) -> list[Instance]:
        return [Instance(d.number, d) for d in case.decisions if d.kind == kind]

    return rule


def _certificates(case: Case) -> list[Instance]:
    return [Instance(c.number, c) for c in case.certificates]


FORMS: tuple[FormSpec, ...] = (
    FormSpec("application", "В", "Заявка на проведение сертификации СЭМ", _once,
             "application:build_application"),
    FormSpec("application-review", "Г", "Справка-обоснование о принятии (непринятии) заявки",
             _if("review"), "application:build_review"),
    FormSpec("acceptance-notice", "Д", "Извещение о результатах рассмотрения заявки",
             _if("notice"), "application:build_notice"),
    FormSpec("audit-effort", "Е", "Оценка трудозатрат на аудит", _audits_with("time"),
             "effort:build_effort"),
    FormSpec("document-list", "Ж", "Перечень документов и сведений для анализа документации СЭМ",
             _document_list, "application:build_document_list"),
    FormSpec("audit-plan", "И", "План аудита СЭМ", _audits_with("plan"), "audit:build_plan"),
    FormSpec("nonconformity", "К", "Регистрация несоответствия", _nonconformities,
             "audit:build_nonconformity"),
    FormSpec("notices", "Л", "Регистрация уведомлений", _audits_with("notices"),
             "audit:build_notices"),
    FormSpec("audit-report", "М", "Акт по результатам аудита СЭМ", _audits_with("report"),
             "audit:build_report"),
    FormSpec("certification-decision", "Н", "Решение о выдаче сертификата соответствия СЭМ",
             _decisions("issue"), "decisions:build_decision"),
    FormSpec("certificate", "П", "Сертификат соответствия СЭМ (ru — П, en — С)", _certificates,
             "certificate:build_certificate", output="pdf"),
    FormSpec("confirmation-decision", "Ф", "Решение о подтверждении действия сертификата",
             _decisions("confirm"), "decisions:build_decision"),
    FormSpec("suspension-decision", "Х", "Решение о приостановлении действия сертификата",
             _decisions("suspend"), "decisions:build_decision"),
    FormSpec("scope-extension-decision", "Ц", "Решение о расширении области сертификации",
             _decisions("extend_scope"), "decisions:build_decision"),
    FormSpec("scope-reduction-decision", "Ш", "Решение о сужении области сертификации",
             _decisions("reduce_scope"), "decisions:build_decision"),
    FormSpec("mark-permission", "Щ", "Разрешение на использование знака соответствия",
             _if("mark_permission"), "decisions:build_mark_permission"),
    FormSpec("withdrawal-decision", "Э", "Решение об отмене действия сертификата",
             _decisions("withdraw"), "decisions:build_decision"),
)


def form_by_slug(slug: str) -> FormSpec:
    for form in FORMS:
        if form.slug == slug:
            return form
    raise KeyError(slug)
