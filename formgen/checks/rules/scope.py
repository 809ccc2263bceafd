"""The scope of certification: one wording from application to certificate.

ГОСТ Р 54298-2010, 6.2.2, note 1: the wording of the scope is identical in the
application and in the certificate. It changes only by a decision to extend
(9.1.6, Annex Ц) or reduce (9.3.7, Annex Ш) the scope, whose ``new_scope`` is
then the wording. So a certificate's scope must be the one in force when it
was registered: the application's, or the latest such decision's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from formgen.case.history import scope_at
from formgen.case.model import Case
from formgen.checks.rules.finding import Finding, error, gost, warning
from formgen.checks.rules.registry import rule
from formgen.checks.rules.timeline import d, norm

_LANGS = {"": "", "en": " (англ.)", "de": " (нем.)"}


def scope_in_force(case: Case, day: dt.date, lang: str = "") -> tuple[str | None, str]:
    """(wording, where it comes from) of the scope on ``day`` in a language ('' = Russian)."""
    wording, decision = scope_at(case, day, lang)
    if decision is None:
        return wording, "заявка"
    return wording, f"решение № {decision.number} от {d(decision.date)}"


@rule("scope-identical")
def scope_identical(case: Case) -> Iterator[Finding]:
    """The certificate's scope is worded as in the application or a scope decision (6.2.2, 9.1.6, 9.3.7)."""
    for c, cert in enumerate(case.certificates):
        for lang, label in _LANGS.items():
            printed = case.certificate_scope(cert, lang or "ru")
            expected, source = scope_in_force(case, cert.registered, lang)
            field = f"scope_{lang}" if lang else "scope"
            if lang and printed and expected is None and source != "заявка":
                yield warning(
                    ("certificates", c, field), gost("6.2.2", "9.1.6", "9.3.7"),
                    f"в сертификате {cert.number} печатается прежняя область сертификации{label}: "
                    f"{source} не содержит её перевода (new_scope_{lang})",
                )
                continue
            if not printed or not expected or norm(printed) == norm(expected):
                continue
            message = (
                f"область сертификации{label} в сертификате {cert.number} («{_short(printed)}») "
                f"не совпадает с действующей на {d(cert.registered)} ({source}: «{_short(expected)}»); "
                f"формулировка должна быть идентична, изменение области — только решением о "
                f"расширении (Ц) или сужении (Ш) с новой областью (new_scope)"
            )
            make = error if not lang else warning
            yield make(("certificates", c, field), gost("6.2.2", "9.1.6", "9.3.7"), message)


def _short(text: str, limit: int = 80) -> str:
    text = norm(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@rule("scope-decision-changes-scope")
def scope_decision_changes_scope(case: Case) -> Iterator[Finding]:
    """An extend/reduce decision gives a wording different from the scope it changes (9.1.6, 9.3.7)."""
    for i, decision in enumerate(case.decisions):
        if decision.kind not in {"extend_scope", "reduce_scope"} or not decision.new_scope:
            continue
        before, source = scope_in_force(case, decision.date - dt.timedelta(days=1))
        if before and norm(before) == norm(decision.new_scope):
            yield warning(
                ("decisions", i, "new_scope"), gost("9.1.6", "9.3.7"),
                f"решение № {decision.number} не меняет формулировку области сертификации: "
                f"новая область совпадает с прежней ({source})",
            )
