"""Rebuild the vendored table excerpts from the full standard texts in ../shared/standards.

The audit-time test compares formgen's tables with the standard's rows; the
full texts live outside the repository, so the rows it reads are kept here.
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2] / "shared" / "standards"
HEAD = ("# Excerpt of {name} (/work/shared/standards/{name}): only the table rows\n"
        "# test_audittime.py transcribes mechanically, so the check runs in any clone.\n"
        "# Regenerate: python tests/standards/extract.py\n")
EXCERPTS = {
    "gost-r-54318-2021-tables.txt": ("gost-r-54318-2021-audit-time-iaf-md5.txt", r"^(\d+)-(\d+) \| "),
    "gost-r-54318-2011-tables.txt": ("gost-r-54318-2011-audit-duration.txt",
                                     r"^(\d+) - (\d+)\t([\d,]+(?:\t[\d,]+)*)$"),
}

if __name__ == "__main__":
    for target, (name, pattern) in EXCERPTS.items():
        lines = (SHARED / name).read_text("utf-8").splitlines()
        rows = [line for line in lines if re.match(pattern, line)]
        (HERE / target).write_text(HEAD.format(name=name) + "\n".join(rows) + "\n", encoding="utf-8")
