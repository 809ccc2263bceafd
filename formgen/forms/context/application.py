"""Annexes В, Г, Д, Ж: the application and its handling."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from formgen.case.model import ApplicationReview, Case, DocumentRequest, Notice
from formgen.forms.context.common import base_context, staff
from formgen.forms.values import date, join, short_date, text, yes_no
from formgen.wording import phrase

__all__ = [
    "DOCUMENT_LIST_CLAUSES",
    "build_application",
    "build_document_list",
    "build_notice",
    "build_review",
    "document_list_clauses",
    "lettered",
    "listed",
]

# Annex Ж cites the clauses of ГОСТ Р ИСО 14001-2007 (ISO 14001:2004). The form
# prints the clauses of the case's criterion: each edition (by year, the ISO
# year counting as its GOST R twin) maps the 2007 clause to its own.
_CLAUSES_2007 = MappingProxyType(
    {c: c for c in ("4.1", "4.2", "4.3.1", "4.3.2", "4.3.3", "4.4.1", "4.4.4", "4.5.1", "4.5.5")}
)
_CLAUSES_2016 = MappingProxyType(
    {
        "4.2": "5.2",  # экологическая политика
        "4.4.1": "5.3",  # роли, ответственность и полномочия
        "4.1": "4.3",  # область применения СЭМ
        "4.3.1": "6.1.2",  # экологические аспекты
        "4.4.4": "7.5",  # документированная информация
        "4.5.1": "9.1.1",  # мониторинг, измерение, анализ и оценка
        "4.3.2": "6.1.3",  # принятые обязательства (законодательные требования)
        "4.3.3": "6.2",  # экологические цели
        "4.5.5": "9.2",  # внутренний аудит
    }
)
DOCUMENT_LIST_CLAUSES: Mapping[int, Mapping[str, str]] = MappingProxyType(
    {2004: _CLAUSES_2007, 2007: _CLAUSES_2007, 2015: _CLAUSES_2016, 2016: _CLAUSES_2016}
)
_EDITION_YEAR = re.compile(r"14001\s*[-–—:]\s*(\d{4})")

_LETTERS = "абвгдежиклмнпрстуфхцшщэюя"  # ГОСТ 2.105: without ё, з, й, о, ч, ъ, ы, ь


def build_application(case: Case, _item: object = None) -> dict:
    """Annex В: the application carries the organisation's data as the form lists it."""
    return base_context(case)


def build_review(case: Case, review: ApplicationReview) -> dict:
    """Annex Г: the grounds for accepting (refusing) the application and the conclusion."""
    experts = [staff(case, ref) for ref in review.technical_experts]
    auditors = [staff(case, ref) for ref in review.competent_auditors]
    org = case.organisation.name
    return {
        **base_context(case, review.date),
        "review": {
            "number": case.application.number or "_____",
            "date": date(review.date),
            "in_scope": phrase("review.in_scope" if review.in_accreditation_scope else "review.not_in_scope"),
            "scope_code": text(review.accreditation_scope_code or case.body.accreditation.scope_code),
            "information_sufficient": yes_no(review.information_sufficient),
            "competent_staff": yes_no(review.competent_staff),
            "auditors": join(
                [join([a["surname_initials"], a["qualification"] and f"({a['qualification']})"], " ")
                 for a in auditors], "; "
            ),
            "experts": join(
                [review.technical_experts_note,
                 join([join([e["full_name"], e["position"]]) for e in experts], "; ")], "; "
            ),
            "capability": phrase("review.capability" if review.organisational_capability
                                 else "review.no_capability"),
            "capability_note": text(review.capability_note),
            "lack_reason": text(review.lack_reason),
            "accept_org": org if review.accepted else "",
            "refuse_org": "" if review.accepted else org,
            "refusal_reason": "" if review.accepted else text(review.refusal_reason),
        },
        "signer": staff(case, review.signed_by),
    }


def build_notice(case: Case, notice: Notice) -> dict:
    """Annex Д: the letter to the organisation's head with the decision on its application."""
    review = case.review
    if review is None:
        decision, reason = "", ""
    elif review.accepted:
        decision, reason = phrase("notice.accept"), ""
    else:
        decision, reason = phrase("notice.refuse"), text(review.refusal_reason)
    signer = staff(case, notice.signed_by)
    return {
        **base_context(case, notice.date),
        "notice": {
            "number_line": join([notice.number and f"№ {notice.number}", f"от {date(notice.date)}"], " "),
            "date": date(notice.date),
            "decision": decision,
            "refusal_reason": reason,
            "enclosures": lettered(notice.enclosures),
            "signer_position": signer["position"] or phrase("positions.body_head"),
        },
        "signer": signer,
    }


def build_document_list(case: Case, request: DocumentRequest | None) -> dict:
    """Annex Ж: the standard's list with the criterion's clauses, the body's extra items, dates.

    Produced when documents are requested, or when the application was
    accepted without a request on file (then the dates are hand-fill blanks).
    """
    return {
        **base_context(case, request.date if request else None),
        "clauses": dict(document_list_clauses(case.standard)),
        "document_list": {
            "date": date(request.date if request else None),
            "due_date": date(request.due_date if request else None),
            "short_date": short_date(request.date if request else None),
            "extra": [{"text": item} for item in listed(request.extra_items if request else [])],
        },
    }


def document_list_clauses(standard: str) -> Mapping[str, str]:
    """The 2007 clause → the clause of ``standard``'s edition (latest when the year is unknown)."""
    match = _EDITION_YEAR.search(standard)
    years = sorted(DOCUMENT_LIST_CLAUSES)
    year = int(match[1]) if match else years[-1]
    earlier = [y for y in years if y <= year]
    return DOCUMENT_LIST_CLAUSES[earlier[-1] if earlier else years[0]]


def listed(items: list[str]) -> list[str]:
    """The items of a list in a sentence: each ends with ";", the last with "." (kept as typed
    when it already ends with one, so "на 2025 г." is not cut)."""
    clean = [i.strip().rstrip(";").rstrip() for i in items if i and i.strip().rstrip(";")]
    return [
        item if (n == len(clean) - 1 and item.endswith(".")) else item + (";" if n < len(clean) - 1 else ".")
        for n, item in enumerate(clean)
    ]


def lettered(items: list[str]) -> list[dict]:
    """а) …; б) …; в) … . — a lettered list as the standard prints it."""
    return [
        {"letter": _LETTERS[n % len(_LETTERS)] * (n // len(_LETTERS) + 1), "text": item}
        for n, item in enumerate(listed(items))
    ]
