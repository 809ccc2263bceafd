"""The QR code on every certificate: what it says and how it is drawn.

The code carries the body's verification address for the certificate (a URL
pattern in the body profile) or, when the body has none, the number, holder
and validity as text, so a paper certificate can be checked either way.

segno (a maintained ISO/IEC 18004 encoder) makes the matrix; reportlab's own
QR widget is pure Python and several times slower, and ``qrmask`` makes
segno's own slowest step, the choice of the data mask, about four times
faster without changing the symbol. The matrix is drawn as one
filled path of horizontal runs in module units under a scaling ``cm``: a few
hundred short integer ``re`` operators, no image, crisp at any resolution.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from formgen.render.certificate.data import CertificateData
from formgen.render.certificate.qrmask import best_mask_matrix
from formgen.render.certificate.wording import wording
from formgen.text.dates import numeric_date

__all__ = ["QUIET_ZONE", "qr_matrix", "qr_operators", "qr_payload"]

QUIET_ZONE = 4  # modules of white border the standard requires around the symbol
_DARK_RUN = re.compile(rb"\x01+")


def qr_payload(data: CertificateData) -> str:
    """The verification URL for this certificate, or a plain-text summary."""
    if data.verification_url:
        values = {
            "number": quote(data.number, safe=""),
            "registration_number": quote(data.registration_number, safe=""),
            "register_number": quote(data.register_number or data.registration_number, safe=""),
        }
        try:
            return data.verification_url.format(**values)
        except (KeyError, IndexError, ValueError) as exc:
            from formgen.render.certificate.errors import CertificateError

            raise CertificateError(
                f"неизвестная подстановка {exc} в шаблоне адреса; допустимы {{number}}, "
                "{registration_number}, {register_number}",
                field="verification_url",
            ) from None
    return wording(data.lang).qr_text.format(
        number=data.number,
        registration_number=data.registration_number,
        holder=data.holder_name,
        start=numeric_date(data.registration_date),
        end=numeric_date(data.valid_until),
    )


def qr_matrix(payload: str) -> tuple[tuple[int, ...], ...]:
    """Rows of dark (1) and light (0) modules, error correction level M, no quiet zone.

    The symbol ``segno.make_qr(payload, error="m", boost_error=False)`` makes,
    with the data mask chosen by the faster evaluation of ``qrmask``.
    """
    return best_mask_matrix(payload, "m")


def qr_operators(matrix: tuple[tuple[int, ...], ...], x: float, y: float, size: float) -> str:
    """PDF operators filling the symbol into a ``size``-point square at (x, y) bottom-left.

    The square includes the quiet zone, painted white so a background pattern
    can never touch the symbol.
    """
    n = len(matrix)
    total = n + 2 * QUIET_ZONE
    module = size / total
    ops = [
        "q 1 g",
        f"{x:.3f} {y:.3f} {size:.3f} {size:.3f} re f",
        f"{module:.5f} 0 0 {module:.5f} {x:.3f} {y:.3f} cm 0 g",
    ]
    append = ops.append
    for r, row in enumerate(matrix):
        yy = total - QUIET_ZONE - r - 1
        for run in _DARK_RUN.finditer(bytes(row)):
            append(f"{run.start() + QUIET_ZONE} {yy} {run.end() - run.start()} 1 re")
    append("f Q")
    return "\n".join(ops)
