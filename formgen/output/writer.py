"""Write a batch of documents and their manifest, all or nothing.

The output folder is replaced as a whole: every document and the manifest
are written into a staging folder beside it, which is then swapped with the
old folder in one step. A failure while rendering or staging leaves the
output folder as it was; a later render never leaves an earlier one's files.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from formgen.errors import InputError

__all__ = ["MANIFEST", "Document", "check_out_dir", "unique_paths", "write_atomic", "write_documents"]


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


MANIFEST = "manifest.json"
_OURS = ".formgen-"  # prefix of formgen's own staging folders and files


def check_out_dir(out_dir: Path) -> None:
    """Refuse an output folder formgen must not touch, before anything is rendered.

    A render replaces the whole folder, so the folder must be one formgen made
    (it holds ``manifest.json``) or empty; a file, or a folder of somebody's
    other papers, is refused instead of being emptied.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"--out: «{out_dir}» — это файл, а не папка; укажите папку для документов")
    if not out_dir.is_dir():
        return
    entries = [p for p in out_dir.iterdir() if not _hidden(p.name)]
    if not entries:
        return
    manifest = out_dir / MANIFEST
    if not manifest.is_file():
        raise InputError(
            f"--out: папка «{out_dir}» не пуста и создана не formgen (в ней нет {MANIFEST}); "
            "formgen заменяет содержимое папки целиком — укажите пустую или новую папку"
        )
    listed = _listed(manifest)
    if listed is None:
        raise InputError(f"--out: {manifest}: файл повреждён — удалите папку или укажите другую")
    strangers = sorted(
        str(p.relative_to(out_dir)) for p in out_dir.rglob("*")
        if p.is_file() and not any(_hidden(part) for part in p.relative_to(out_dir).parts)
        and p.relative_to(out_dir).as_posix() not in listed and p.name != MANIFEST
    )
    if strangers:
        raise InputError(
            f"--out: в папке «{out_dir}» есть файлы, которых formgen не создавал: "
            f"{', '.join(strangers[:5])}{' …' if len(strangers) > 5 else ''}; "
            "перенесите их или укажите другую папку (папка заменяется целиком)"
        )


def _hidden(name: str) -> bool:
    """formgen's staging entries and dot-files (.DS_Store, .gitkeep, a log being written).

    Dot-files are nobody's papers: they do not make a folder "somebody else's"
    and are carried over into the new content (see ``write_documents``).
    """
    return name.startswith(".")


def _listed(manifest: Path) -> set[str] | None:
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        return {str(doc["path"]) for doc in data["documents"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def unique_paths(documents: list[Document]) -> list[Document]:
    """Drop exact repeats; give a clashing name a ``-2``, ``-3`` … suffix (deterministic)."""
    seen: dict[str, bytes] = {}
    out = []
    for doc in documents:
        path = doc.path
        if path in seen and seen[path] == doc.data:
            continue
        stem, dot, ext = path.rpartition(".")
        n = 2
        while path in seen:
            path = f"{stem}-{n}{dot}{ext}"
            n += 1
        seen[path] = doc.data
        out.append(replace(doc, path=path))
    return out


def write_documents(out_dir: Path, documents: list[Document]) -> Path:
    """Make ``out_dir`` hold exactly ``documents`` and their manifest, or leave it as it was.

    The new folder is built complete next to the old one (same file system),
    then the two are exchanged in one step (``renameat2(RENAME_EXCHANGE)`` on
    Linux, else two renames) and the old content is deleted. So a previous
    render's files never mix with this one's, and a failure at any point
    leaves the folder as it was.
    """
    check_out_dir(out_dir)
    documents = unique_paths(documents)
    out_dir = out_dir.absolute()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f"{_OURS}{out_dir.name}-"))
    try:
        for doc in documents:
            path = staging / doc.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(doc.data)
        manifest = {"documents": [doc.manifest_entry() for doc in documents]}
        text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
        (staging / MANIFEST).write_text(text, encoding="utf-8")
        if out_dir.is_dir():
            kept = [p for p in out_dir.iterdir() if _hidden(p.name) and not p.name.startswith(_OURS)]
            for entry in kept:  # renamed, not copied: a file still being written stays the same file
                os.replace(entry, staging / entry.name)
            try:
                _exchange(staging, out_dir)  # staging now holds the old content
            except BaseException:
                for entry in kept:
                    os.replace(staging / entry.name, entry)
                raise
        else:
            os.rename(staging, out_dir)
            staging.mkdir()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out_dir / MANIFEST


def _exchange(a: Path, b: Path) -> None:
    """Swap two folders atomically where the system can, else by two renames."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        at_fdcwd, rename_exchange = -100, 2
        renameat2 = getattr(libc, "renameat2", None)
        if renameat2 is not None:
            rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
            if rc == 0:
                return
    aside = a.with_name(a.name + "-old")
    os.rename(b, aside)
    try:
        os.rename(a, b)
    except BaseException:
        os.rename(aside, b)
        raise
    os.rename(aside, a)
