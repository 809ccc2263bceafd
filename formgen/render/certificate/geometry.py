"""Where every field sits on the page, in millimetres from the top-left corner.

One table serves the full certificate, the variable-only print onto
pre-printed blanks and the calibration sheet: what the printing house puts on
a security blank is exactly the static layer drawn here, and the variable text
lands in the same boxes. Numbers in comments are the fields of
ГОСТ Р 54298-2010, Annex Р.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4

from formgen.render.certificate.textfit import Zone

__all__ = [
    "APPENDIX",
    "CERTIFICATE",
    "FIELD_NUMBERS",
    "MM",
    "PAGE_H",
    "PAGE_W",
    "PALETTE",
    "zone",
]

MM = 72.0 / 25.4
PAGE_W, PAGE_H = A4

# Colours: a deep green for an environmental certificate, near-black text.
PALETTE: dict[str, tuple[float, float, float]] = {
    "ink": (0.07, 0.08, 0.09),
    "label": (0.22, 0.25, 0.27),
    "accent": (0.09, 0.33, 0.22),
    "frame": (0.11, 0.40, 0.27),
    "frame_light": (0.47, 0.66, 0.53),
    "rosette": (0.90, 0.945, 0.915),
    "fill": (0.91, 0.95, 0.92),
    "draft": (0.80, 0.10, 0.10),
    "draft_light": (0.98, 0.84, 0.84),
    "guide": (0.15, 0.35, 0.85),
}

# name: (x, top, width, height, align, valign) in mm
_CERTIFICATE_MM: dict[str, tuple] = {
    "logo_body": (24, 22, 25, 25, "center", "middle"),  # 1
    "logo_accreditation": (161, 22, 25, 25, "center", "middle"),  # 2
    "body": (52, 21, 106, 27, "center", "middle"),  # 3
    "title": (24, 53, 162, 12, "center", "middle"),
    "subtitle": (24, 64.5, 162, 7, "center", "middle"),
    "number": (24, 73.5, 162, 9, "center", "middle"),  # 4
    "issue": (24, 82.5, 162, 6.5, "center", "middle"),  # 5
    "issued_to": (24, 91, 162, 6, "center", "middle"),  # 6, label
    "holder": (29, 97, 152, 28, "center", "middle"),  # 6
    "scope_label": (24, 126.5, 162, 6, "center", "middle"),  # 7, label
    "scope": (29, 132.5, 152, 46, "center", "middle"),  # 7
    "conforms": (24, 179, 162, 7, "center", "middle"),
    "note": (29, 187.5, 152, 10, "center", "middle"),  # 15
    "registration_number_label": (24, 201, 60, 6.5, "left", "middle"),  # 8
    "registration_number": (86, 201, 70, 6.5, "left", "middle"),
    "registration_date_label": (24, 208, 60, 6.5, "left", "middle"),  # 9
    "registration_date": (86, 208, 70, 6.5, "left", "middle"),
    "valid_until_label": (24, 215, 60, 6.5, "left", "middle"),  # 10
    "valid_until": (86, 215, 70, 6.5, "left", "middle"),
    "qr": (160, 199.5, 26, 26, "center", "middle"),
    "qr_caption": (152, 225.5, 42, 3.6, "center", "middle"),
    "head_label": (24, 232, 62, 11, "left", "middle"),  # 11
    "head_sign": (90, 232, 40, 11, "center", "middle"),
    "head": (133, 232, 53, 11, "left", "middle"),
    "chairman_label": (24, 245, 62, 11, "left", "middle"),  # 12
    "chairman_sign": (90, 245, 40, 11, "center", "middle"),
    "chairman": (133, 245, 53, 11, "left", "middle"),
    "seal": (40, 257.5, 40, 7, "left", "middle"),  # 13
    "register_number_label": (24, 266, 96, 9.5, "left", "middle"),  # 14
    "register_number": (122, 266, 64, 9.5, "left", "middle"),
}

_APPENDIX_MM: dict[str, tuple] = {
    "body": (24, 20.5, 104, 5.5, "left", "middle"),
    "sheet": (130, 20.5, 56, 5.5, "right", "middle"),
    "title": (24, 26.5, 162, 9, "center", "middle"),
    "appendix_to": (24, 35.5, 162, 6.5, "center", "middle"),
    "appendix_registration": (24, 42, 162, 5.5, "center", "middle"),
    "holder": (24, 47.5, 162, 9, "center", "middle"),
    "content": (24, 58, 162, 186, "left", "top"),
    "head_label": (24, 249, 62, 11, "left", "middle"),
    "head_sign": (90, 249, 40, 11, "center", "middle"),
    "head": (133, 249, 53, 11, "left", "middle"),
    "seal": (40, 261, 40, 7, "left", "middle"),
}


def zone(x: float, top: float, width: float, height: float, align="center", valign="middle"):
    """A ``Zone`` in points from millimetres measured from the page's top-left corner."""
    return Zone(x * MM, PAGE_H - top * MM, width * MM, height * MM, align, valign)


CERTIFICATE: dict[str, Zone] = {name: zone(*spec) for name, spec in _CERTIFICATE_MM.items()}
APPENDIX: dict[str, Zone] = {name: zone(*spec) for name, spec in _APPENDIX_MM.items()}

# Which Annex Р field each zone (and each ``Line.field``) carries.
FIELD_NUMBERS: dict[str, int] = {
    "body_logo": 1,
    "accreditation_logo": 2,
    "body": 3,
    "number": 4,
    "issue": 5,
    "holder_name": 6,
    "holder_address": 6,
    "sites_note": 6,
    "scope": 7,
    "registration_number": 8,
    "registration_date": 9,
    "valid_until": 10,
    "head": 11,
    "chairman": 12,
    "seal": 13,
    "register_number": 14,
    "note": 15,
}
