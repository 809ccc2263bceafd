"""A certificate's status as printing needs it: refuse, or mark an archive copy.

The status itself is decided elsewhere — ``formgen.case.history`` for case
files, the ``status`` columns for register tables; this record only carries
what was decided (status, since when, the decision or the replacing
certificate) to the two places that speak of it: the clerk's message when a
certificate not in force is refused, and the mark an archive copy carries on
every page (face and appendix, in the page's language), so a copy of a
withdrawn certificate can never pass for a valid one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from formgen.case.history import STATUS_LABELS
from formgen.errors import FormgenError
from formgen.render.certificate.wording import wording
from formgen.text.dates import numeric_date

__all__ = ["NotInForceError", "StatusNote"]


@dataclass(frozen=True, slots=True)
class StatusNote:
    """The status of a certificate on a date, with its cause.

    ``status`` is one of ``formgen.case.history.STATUSES``; ``decision`` and
    ``decision_date`` name the decision that set it, ``by_certificate`` the
    certificate that replaced it.
    """

    status: str
    since: dt.date | None = None
    decision: str = ""
    decision_date: dt.date | None = None
    by_certificate: str = ""

    @property
    def in_force(self) -> bool:
        """Only an active certificate is printed as a valid one (a suspended one is not)."""
        return self.status == "active"

    def describe(self, lang: str = "ru") -> str:
        """«действие отменено с 01.02.2026, решение № Р-12/2026 от 01.02.2026»."""
        w = wording(lang)
        label = STATUS_LABELS[lang][self.status]
        text = (w.status_since.format(status=label, date=numeric_date(self.since))
                if self.since is not None and self.status != "pending" else label)
        if self.decision:
            date = numeric_date(self.decision_date) if self.decision_date else "—"
            text += ", " + w.status_decision.format(number=self.decision, date=date)
        elif self.by_certificate:
            text += " " + w.status_certificate.format(number=self.by_certificate)
        return text

    def mark(self, lang: str) -> str:
        """The line an archive copy carries on each page: «АРХИВНАЯ КОПИЯ — …»."""
        return f"{wording(lang).archive_copy} — {self.describe(lang)}"

    def refusal(self, number: str, day: dt.date, *, draft: bool = False) -> str:
        """The clerk's message when the certificate is not printed as valid (or as a draft)."""
        text = f"сертификат № {number} не действует на {numeric_date(day)}: {self.describe()}"
        if draft:
            return text + "; проект (--draft) недействующего сертификата не делается"
        return text + "; архивная копия с отметкой о статусе — --archive"


class NotInForceError(FormgenError):
    """A certificate not in force was asked for as a valid copy or a draft (exit code 1)."""

    exit_code = 1
