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

from formgen.case.history import scope_at, sites_at
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


@rule("certificate-sites")
def certificate_sites_agree(case: Case) -> Iterator[Finding]:
    """A certificate's sites are the ones in its scope on its registration date (6.2.2, 9.1.5, 9.3.7).

    Sites enter the scope by an extension and leave it by a reduction or a
    closure (history.sites_at); a certificate that lists a site then out of
    the scope — not yet added, closed, removed or ``in_scope: false`` — or
    leaves out one then in it, certifies another scope than the decision did.
    """
    for c, cert in enumerate(case.certificates):
        if cert.sites is None:
            continue
        in_scope = {b.name for b in sites_at(case, cert.registered)}
        listed = set(cert.sites)
        for name in [s for s in cert.sites if s not in in_scope]:
            yield warning(
                ("certificates", c, "sites"), gost("6.2.2", "9.1.5", "9.3.7"),
                f"сертификат {cert.number} указывает площадку «{name}», которая на "
                f"{d(cert.registered)} не входит в область сертификации (не добавлена решением "
                f"о расширении, закрыта, исключена или in_scope: false)",
            )
        for name in sorted(in_scope - listed):
            yield warning(
                ("certificates", c, "sites"), gost("6.2.2", "9.1.5", "9.3.7"),
                f"сертификат {cert.number} не указывает площадку «{name}», которая на "
                f"{d(cert.registered)} входит в область сертификации",
            )
    kinds = {"added_by": "extend_scope", "removed_by": "reduce_scope"}
    for b, branch in enumerate(case.organisation.branches):
        for field, kind in kinds.items():
            number = getattr(branch, field)
            decision = next((x for x in case.decisions if x.number == number), None) if number else None
            if decision is not None and (decision.kind != kind or not decision.positive):
                yield warning(
                    ("organisation", "branches", b, field), gost("9.1.5", "9.3.7"),
                    f"площадка «{branch.name}»: {field} ссылается на решение № {decision.number}, "
                    f"которое не является положительным решением о "
                    f"{'расширении' if kind == 'extend_scope' else 'сужении'} области",
                )
