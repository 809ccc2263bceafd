"""Rebuild every template: ``python -m tools.templatebuilder [OUT_DIR]``."""

from __future__ import annotations

import importlib
import io
import pkgutil
import sys
from pathlib import Path

from formgen.output.zipfix import reproducible_zip
from tools.templatebuilder import layouts
from tools.templatebuilder.blocks import draw
from tools.templatebuilder.document import new_document


def build_all(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for info in sorted(pkgutil.iter_modules(layouts.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{layouts.__name__}.{info.name}")
        doc = new_document(module.TITLE)
        draw(doc, module.LAYOUT)
        buf = io.BytesIO()
        doc.save(buf)
        target = out_dir / f"{info.name.replace('_', '-')}.docx"
        target.write_bytes(reproducible_zip(buf.getvalue()))
        written.append(target)
    return written


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "templates"
    for path in build_all(out):
        print(path)
