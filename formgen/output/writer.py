"""Write a batch of documents and their manifest, all or nothing.

Every document is first written into a private staging folder inside the
output folder; only when all of them exist are they moved into place with
``os.replace`` (atomic on one file system) and the manifest written last. A
failure while rendering or staging leaves the output folder as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Document", "write_atomic", "write_documents"]


@dataclass(frozen=True)
class Document:
    """One produced file: its manifest facts and its bytes."""

    form: str
    annex: str
    lang: str
    format: str
    path: str  # relative to the output folder, with "/" separators
    data: bytes

    def manifest_entry(self) -> dict:
        return {
            "form": self.form,
            "annex": self.annex,
            "lang": self.lang,
            "format": self.format,
            "path": self.path,
            "sha256": hashlib.sha256(self.data).hexdigest(),
        }


def write_atomic(target: Path, data: bytes) -> None:
    """Write one file so that it is either the old one or the complete new one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_documents(out_dir: Path, documents: list[Document]) -> Path:
    """Stage every document, move all into ``out_dir``, then write ``manifest.json``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out_dir, prefix=".formgen-staging-"))
    try:
        staged = []
        for doc in documents:
            path = staging / doc.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(doc.data)
            staged.append((path, out_dir / doc.path))
        for source, target in staged:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    manifest = {"documents": [doc.manifest_entry() for doc in documents]}
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    target = out_dir / "manifest.json"
    write_atomic(target, text.encode("utf-8"))
    return target
