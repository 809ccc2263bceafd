"""Make DOCX (zip) bytes reproducible.

python-docx stamps every zip entry with the current time, so rendering the
same case twice gives different bytes. Rewriting the archive with a fixed
timestamp and fixed permissions, entries in their original order, makes the
output byte-identical for identical input (and leaves the content alone).
"""

from __future__ import annotations

import io
import zipfile

__all__ = ["reproducible_zip"]

_EPOCH = (1980, 1, 1, 0, 0, 0)


def reproducible_zip(data: bytes) -> bytes:
    """The same archive with every entry's timestamp and attributes fixed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
