"""From ``CertificateData`` to positioned lines: the static and variable layers.

A page is two layers. The static layer (frame, logos, the body's name, title,
labels) is the same for every certificate of a body in one language: it is
laid out once, cached, and drawn once per PDF as a Form XObject. The variable
layer (number, holder, scope, dates, names) is laid out per certificate into
the same fixed zones a pre-printed blank has, so ``--blank`` is simply "the
variable layer alone".

Every string is checked against the font before it is placed, so a missing
glyph is an error naming the field, never a box on paper.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from formgen.render.certificate.appendix import layout_appendix
from formgen.render.certificate.data import CertificateData, clean_text
from formgen.render.certificate.errors import CertificateError, FieldOverflowError, overflow
from formgen.render.certificate.fonts import Fonts
from formgen.render.certificate.geometry import APPENDIX, CERTIFICATE, MM
from formgen.render.certificate.logos import logo_image
from formgen.render.certificate.pages import Layer, Page, StaticKey
from formgen.render.certificate.qr import qr_matrix, qr_payload
from formgen.render.certificate.textfit import Line, Segment, Zone, fit
from formgen.render.certificate.wording import Wording, wording
from formgen.text.dates import long_date

__all__ = ["layout_certificate", "layout_versions", "static_key", "static_layer"]


def _fit_one(fonts: Fonts, text: str, zone: Zone, style: str, size: float, min_size: float,
             name: str, lang: str, color: str = "ink") -> list[Line]:
    """Text that must fit its zone (shrinking down to ``min_size``) or fail."""
    lines = fit(fonts, [Segment(text, name, style, size, min_size, color=color)], zone)
    if lines is None:
        raise overflow(name, text, min_size, lang)
    for line in lines:
        fonts.check(line.text, line.style, name, lang)
    return lines


def static_key(data: CertificateData, kind: str) -> StaticKey:
    """The key of the static layer a page of ``kind`` (certificate, appendix) uses."""
    return StaticKey(
        kind, data.lang, clean_text(data.body_name), clean_text(data.body_short_name),
        clean_text(data.body_address), clean_text(data.body_registration_number),
        data.body_logo, data.accreditation_logo, clean_text(data.system_name),
        clean_text(data.standard), clean_text(data.head_title),
    )


@lru_cache(maxsize=32)
def static_layer(key: StaticKey, fonts: Fonts) -> Layer:
    """The pre-printed part of a page; cached, as a batch shares one or two keys."""
    if key.kind == "certificate":
        return _certificate_static(key, fonts)
    return _appendix_static(key, fonts)


def _labels(fonts: Fonts, layer: Layer, zones: dict[str, Zone], lang: str,
            items: list[tuple[str, str, str, float, str]]) -> None:
    for name, text, style, size, color in items:
        layer.lines += _fit_one(fonts, text, zones[name], style, size, size * 0.75, name, lang,
                                color)


def _signature_rule(fonts: Fonts, layer: Layer, sign: Zone, w: Wording, lang: str) -> None:
    """The line to sign on, with «подпись» under it."""
    y = sign.top - sign.height * 0.62
    layer.rules.append((sign.x, y, sign.x + sign.width, y, 0.5))
    caption = Zone(sign.x, y - 0.3 * MM, sign.width, 3.2 * MM)
    layer.lines += _fit_one(fonts, w.signature, caption, "italic", 6.5, 6, "signature", lang,
                            "label")


def _certificate_static(key: StaticKey, fonts: Fonts) -> Layer:
    w, lang, z = wording(key.lang), key.lang, CERTIFICATE
    layer = Layer()
    registration = (w.body_registration.format(number=key.body_registration_number)
                    if key.body_registration_number else "")
    body = fit(fonts, [
        Segment(key.system_name, "system_name", "italic", 8.5, 7.0, color="label"),
        Segment(key.body_name, "body_name", "bold", 10.0, 7.5, 0.25, color="accent"),
        Segment(f"({key.body_short_name})" if key.body_short_name else "", "body_short_name",
                "bold", 9.0, 7.5, color="accent"),
        Segment(key.body_address, "body_address", "regular", 8.5, 7.0, 0.25, "label"),
        Segment(registration, "body_registration_number", "regular", 8.5, 7.0, color="label"),
    ], z["body"])
    if body is None:
        raise FieldOverflowError(
            "наименование и адрес органа не помещаются в поле 3 даже при кегле 7 пт",
            field="body_name", lang=lang,
        )
    for line in body:
        fonts.check(line.text, line.style, line.field, lang)
    layer.lines += body
    for name, field_name, path in (("logo_body", "body_logo", key.body_logo),
                                   ("logo_accreditation", "accreditation_logo",
                                    key.accreditation_logo)):
        if path is not None:
            box = z[name]
            logo_image(path, box.width, box.height, field_name)  # unreadable: fail here
            layer.images.append((field_name, path, box.x, box.bottom, box.width, box.height))
    title = z["title"]
    for top_mm, width in ((51.2, 0.9), (52.0, 0.35)):
        y = title.top + (53 - top_mm) * MM
        layer.rules.append((title.x, y, title.x + title.width, y, width))
    rule = z["registration_number_label"].top + 1.8 * MM
    layer.rules.append((title.x, rule, title.x + title.width, rule, 0.4))
    _labels(fonts, layer, z, lang, [
        ("title", w.title, "bold", 23, "accent"),
        ("subtitle", w.subtitle, "italic", 13.5, "accent"),
        ("issued_to", w.issued_to, "italic", 11, "label"),
        ("scope_label", w.scope_lead, "italic", 11, "label"),
        ("conforms", w.conforms.format(standard=key.standard or w.default_standard), "bold",
         12, "accent"),
        ("registration_number_label", w.registration_number, "regular", 10.5, "label"),
        ("registration_date_label", w.registration_date, "regular", 10.5, "label"),
        ("valid_until_label", w.valid_until, "regular", 10.5, "label"),
        ("qr_caption", w.qr_caption, "italic", 6.5, "label"),
        ("head_label", key.head_title or w.head, "regular", 10.5, "label"),
        ("chairman_label", w.chairman, "regular", 10.5, "label"),
        ("seal", w.seal, "bold", 10.5, "label"),
        ("register_number_label", w.register_number, "regular", 8.5, "label"),
    ])
    _signature_rule(fonts, layer, z["head_sign"], w, lang)
    _signature_rule(fonts, layer, z["chairman_sign"], w, lang)
    return layer


def _appendix_static(key: StaticKey, fonts: Fonts) -> Layer:
    w, lang, z = wording(key.lang), key.lang, APPENDIX
    layer = Layer()
    _labels(fonts, layer, z, lang, [
        ("body", key.body_short_name or key.body_name, "italic", 8.5, "label"),
        ("title", w.appendix_title, "bold", 15, "accent"),
        ("head_label", key.head_title or w.head, "regular", 10.5, "label"),
        ("seal", w.seal, "bold", 10.5, "label"),
    ])
    _signature_rule(fonts, layer, z["head_sign"], w, lang)
    return layer


def _scope_text(data: CertificateData, w: Wording) -> str:
    scope = clean_text(data.scope, paragraphs=True)
    if scope.startswith(w.scope_lead):  # typed with the printed lead-in: do not print it twice
        scope = scope[len(w.scope_lead):].lstrip(" ,")
    if not scope:
        raise CertificateError("область сертификации (поле 7) не указана", field="scope",
                               lang=data.lang)
    return scope


def _face_scope(data: CertificateData, fonts: Fonts) -> list | None:
    """The scope's lines in field 7 of the face, or None when it must go to the appendix."""
    return fit(fonts, [Segment(_scope_text(data, wording(data.lang)), "scope", "bold", 14, 9.5)],
               CERTIFICATE["scope"])


def layout_versions(versions: Sequence[CertificateData], fonts: Fonts, *, qr: bool = True,
                    siblings: Sequence[CertificateData] = ()) -> list[list[Page]]:
    """The pages of every language version of one certificate, the scope placed alike.

    A scope that does not fit the face in one language goes to the appendix
    in all of them: the versions of a certificate are one document, and a
    reader comparing them must find the scope in the same place. ``siblings``
    are versions printed into other files that the placement must match.
    """
    together = [*versions, *siblings]
    if len(together) == 1:
        return [layout_certificate(versions[0], fonts, qr=qr)]
    on_face = all(_face_scope(v, fonts) is not None for v in together)
    return [layout_certificate(v, fonts, qr=qr, scope_on_face=on_face) for v in versions]


def layout_certificate(data: CertificateData, fonts: Fonts, *, qr: bool = True,
                       scope_on_face: bool = True) -> list[Page]:
    """The certificate page and its appendix sheets, every string checked against the font.

    ``scope_on_face=False`` sends the scope to the appendix even if it would
    fit (another language version of the certificate needs it there).
    Raises ``CertificateError`` (a missing glyph, a value that does not fit)
    before anything is drawn, so a failed certificate leaves no half page.
    """
    lang, w, z = data.lang, wording(data.lang), CERTIFICATE
    scope = _scope_text(data, w)
    holder_name, holder_address = clean_text(data.holder_name), clean_text(data.holder_address)
    for name, value in (("holder_name", holder_name), ("holder_address", holder_address),
                        ("number", data.number), ("registration_number",
                                                  data.registration_number)):
        if not clean_text(value):
            raise CertificateError("не заполнено", field=name, lang=lang)

    scope_lines = _face_scope(data, fonts) if scope_on_face else None
    appendix = layout_appendix(data, fonts, w, None if scope_lines is not None else scope,
                               static_key(data, "appendix"))
    layer = Layer()
    lines = layer.lines
    lines += _fit_one(fonts, w.number.format(number=clean_text(data.number)), z["number"],
                      "bold", 16, 11, "number", lang, "accent")
    lines += _fit_one(fonts, w.issue.format(issue=data.issue, year=data.certified_since),
                      z["issue"], "italic", 11.5, 9, "issue", lang)
    holder = fit(fonts, [
        Segment(holder_name, "holder_name", "bold", 14, 10),
        Segment(holder_address, "holder_address", "regular", 11, 9, 0.3),
        Segment(w.sites_note if data.sites else "", "sites_note", "italic", 10, 8.5, 0.35,
                color="label"),
    ], z["holder"])
    if holder is None:
        raise FieldOverflowError(
            "наименование и адрес держателя не помещаются в поле 6 даже при кегле 10 пт",
            field="holder_name", lang=lang,
        )
    lines += holder
    if scope_lines is not None:
        lines += scope_lines
    else:
        lines += _fit_one(fonts, w.scope_in_appendix, z["scope"], "bold", 12.5, 10, "scope",
                          lang)
    if appendix:
        word = w.sheet_words[0 if len(appendix) == 1 else 1]
        note = w.appendix_note.format(sheets=len(appendix), sheet_word=word)
    else:
        note = w.clarification
    lines += _fit_one(fonts, note, z["note"], "italic", 9.5, 8, "note", lang, "label")
    for name, text in (
        ("registration_number", clean_text(data.registration_number)),
        ("registration_date", long_date(data.registration_date, lang)),
        ("valid_until", long_date(data.valid_until, lang)),
    ):
        lines += _fit_one(fonts, text, z[name], "bold", 11.5, 8.5, name, lang)
    lines += _fit_one(fonts, data.head.printed(lang), z["head"], "bold", 11.5, 9, "head", lang)
    lines += _fit_one(fonts, data.chairman.printed(lang), z["chairman"], "bold", 11.5, 9,
                      "chairman", lang)
    if clean_text(data.register_number):
        lines += _fit_one(fonts, clean_text(data.register_number), z["register_number"], "bold",
                          10, 8, "register_number", lang)
    for line in lines:
        fonts.check(line.text, line.style, line.field, lang)
    qr_place = None
    if qr:
        box = z["qr"]
        qr_place = (qr_matrix(qr_payload(data)), box.x, box.bottom, box.width)
    pages = [Page(lang, static_key(data, "certificate"), layer, qr_place), *appendix]
    if data.status_mark:
        fonts.check(data.status_mark, "bold", "status_mark", lang)
        for page in pages:
            page.mark = data.status_mark
    return pages
