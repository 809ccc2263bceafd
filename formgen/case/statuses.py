"""The statuses a certificate passes through, and their names in the languages formgen prints.

Kept apart from ``formgen.case.history`` (which derives them from the
decisions) so that readers of the register — a list, the public check — can
name a stored status without loading the case model.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["STATUSES", "STATUS_LABELS", "CertificateStatus"]

CertificateStatus = Literal["pending", "active", "suspended", "withdrawn", "expired", "replaced"]
STATUSES: tuple[str, ...] = ("pending", "active", "suspended", "withdrawn", "expired", "replaced")
STATUS_LABELS: dict[str, dict[str, str]] = {
    "ru": {
        "pending": "не вступил в действие",
        "active": "действует",
        "suspended": "действие приостановлено",
        "withdrawn": "действие отменено",
        "expired": "срок действия истёк",
        "replaced": "заменён",
    },
    "en": {
        "pending": "not yet in force",
        "active": "valid",
        "suspended": "suspended",
        "withdrawn": "withdrawn",
        "expired": "expired",
        "replaced": "replaced",
    },
    "de": {
        "pending": "noch nicht in Kraft",
        "active": "gültig",
        "suspended": "ausgesetzt",
        "withdrawn": "zurückgezogen",
        "expired": "abgelaufen",
        "replaced": "ersetzt",
    },
}
