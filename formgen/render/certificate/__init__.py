"""Certificates of conformity (ГОСТ Р 54298-2010, Annexes П, С; fields of Annex Р) as PDF.

The path of a certificate through this package:

``data``        CertificateData — one language version, every field resolved
``layout``      fixed zones (``geometry``) filled by measured text (``textfit``),
                the appendix (``appendix``), the QR code (``qr``, ``qrmask``)
``draw``        reportlab: static layer as a Form XObject, variable layer per page
``pdfjoin``     chunks of pages joined into one file as a stream
``batch``       chunks, worker processes, failures per item — ``render_batch``,
                ``render_certificate_pdf``
``calibration`` the sheet for printing onto pre-printed blanks

Fixed wording lives in ``wording``, fonts and the glyph check in ``fonts``.
Mapping case files and register tables onto ``CertificateData`` is done
outside: ``formgen.forms.certificate_data`` and ``formgen.registertable``.
"""
