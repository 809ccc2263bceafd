"""Joining reportlab documents into one PDF as a stream, with flat memory.

reportlab keeps every page of a canvas in memory until ``save``, so a batch
of 10,000 certificates is rendered as small documents ("chunks") and joined
here. The chunks are our own reportlab output (PDF 1.3, a classic xref, no
object streams), so joining needs no general PDF parser: each object is cut
out by its xref offset, its references are renumbered, and it is written
straight to the output file. Only object offsets (an ``array`` of integers)
and page numbers stay in memory, so memory does not grow with the batch.

The same machinery writes a subset of a chunk's pages as its own file (one
certificate of a batch, ``--out``). Output is deterministic: the trailer ID is
a digest of the bytes written, and nothing depends on time.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from array import array
from pathlib import Path

__all__ = ["ChunkPdf", "PdfStreamWriter"]

_REF = re.compile(rb"(?<![\d.])(\d+) 0 R(?![A-Za-z0-9])")
_OBJ = re.compile(rb"(\d+) 0 obj\s*")
_KIDS_PER_NODE = 256  # a balanced two-level page tree keeps every Kids array short


class ChunkPdf:
    """One reportlab-written PDF, indexed for copying objects out of it."""

    def __init__(self, data: bytes):
        self.data = data
        start = data.rindex(b"startxref")
        xref_at = int(data[start + 9:].split()[0])
        tokens = data[xref_at:data.index(b"trailer", xref_at)].split()
        if tokens[0] != b"xref":
            raise ValueError("not a classic cross-reference table")
        first, count = int(tokens[1]), int(tokens[2])
        offsets: dict[int, int] = {}
        for i in range(count):
            off, _gen, kind = tokens[3 + 3 * i: 6 + 3 * i]
            if kind == b"n":
                offsets[first + i] = int(off)
        ordered = sorted(offsets.items(), key=lambda item: item[1])
        self.spans: dict[int, tuple[int, int]] = {}
        for (num, off), nxt in zip(ordered, [*(o for _, o in ordered[1:]), xref_at],
                                   strict=True):
            self.spans[num] = (off, nxt)
        trailer = data[data.index(b"trailer", xref_at):start]
        root = int(re.search(rb"/Root (\d+) 0 R", trailer).group(1))
        self.pages_node = int(re.search(rb"/Pages (\d+) 0 R", self.dictionary(root)).group(1))
        kids = re.search(rb"/Kids \[([^\]]*)\]", self.dictionary(self.pages_node)).group(1)
        self.pages = [int(m.group(1)) for m in _REF.finditer(kids)]
        self._refs: dict[int, list[int]] = {}

    def _split(self, num: int) -> tuple[bytes, bytes]:
        """(dictionary part, rest from ``stream`` on) of an object, without its header."""
        off, end = self.spans[num]
        body = self.data[off:end]
        head = _OBJ.match(body)
        if head is None or int(head.group(1)) != num:
            raise ValueError(f"object {num} not found at its offset")
        body = body[head.end():body.rindex(b"endobj")]
        cut = body.find(b"\nstream\n")
        if cut < 0:
            return body.rstrip(), b""
        return body[:cut], body[cut:].rstrip() + b"\n"

    def dictionary(self, num: int) -> bytes:
        return self._split(num)[0]

    def refs(self, num: int) -> list[int]:
        """Objects referenced from ``num``'s dictionary (streams are never scanned)."""
        found = self._refs.get(num)
        if found is None:
            found = self._refs[num] = [int(m.group(1)) for m in _REF.finditer(self.dictionary(num))]
        return found

    def closure(self, pages: list[int]) -> list[int]:
        """Every object the given pages need, in file order, without the page tree."""
        seen: set[int] = set()
        stack = list(pages)
        while stack:
            num = stack.pop()
            if num in seen or num == self.pages_node:
                continue
            seen.add(num)
            stack.extend(self.refs(num))
        return sorted(seen)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _pdf_text(text: str) -> bytes:
    """A PDF text string (UTF-16BE with BOM, hex) for document info."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


class PdfStreamWriter:
    """Writes pages copied from chunks into one PDF file, atomically.

    The file appears at ``path`` only on ``close()``; ``abort()`` (or an
    exception inside a ``with`` block) leaves no partial file behind.
    """

    def __init__(self, path: str | os.PathLike, title: str = ""):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part",
                                   dir=self.path.parent)
        self._tmp = Path(tmp)
        self._file = os.fdopen(fd, "wb", buffering=1 << 20)
        self._title = title
        self._digest = hashlib.md5(usedforsecurity=False)
        self._pos = 0
        # object n lives at offsets[n - 1]; 1 = catalog, 2 = page tree root, 3 = info
        self._offsets = array("Q", [0, 0, 0])
        self._nodes: list[tuple[int, array]] = []  # (object number, page numbers)
        self.page_count = 0
        self._write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

    def _write(self, data: bytes) -> None:
        self._file.write(data)
        self._digest.update(data)
        self._pos += len(data)

    def _allocate(self) -> int:
        self._offsets.append(0)
        return len(self._offsets)

    def _begin(self, num: int) -> None:
        self._offsets[num - 1] = self._pos
        self._write(b"%d 0 obj\n" % num)

    def add(self, chunk: ChunkPdf, pages: list[int] | None = None) -> None:
        """Append pages of ``chunk`` (indices into its page list; all by default)."""
        page_nums = chunk.pages if pages is None else [chunk.pages[i] for i in pages]
        if not page_nums:
            return
        parents: dict[int, tuple[int, array]] = {}
        for num in page_nums:
            if self.page_count % _KIDS_PER_NODE == 0:
                self._nodes.append((self._allocate(), array("L")))
            parents[num] = self._nodes[-1]
            self.page_count += 1
        mapping = {old: self._allocate() for old in chunk.closure(page_nums)}
        for num in page_nums:
            parents[num][1].append(mapping[num])
        pages_node = chunk.pages_node
        for old, new in mapping.items():
            parent = parents[old][0] if old in parents else None

            def renumber(m: re.Match, parent=parent) -> bytes:
                ref = int(m.group(1))
                if ref == pages_node:
                    return b"%d 0 R" % parent
                return b"%d 0 R" % mapping[ref]

            dictionary, rest = chunk._split(old)
            self._begin(new)
            self._write(_REF.sub(renumber, dictionary))
            self._write(rest if rest else b"\n")
            self._write(b"endobj\n")

    def _finish(self) -> None:
        for node_num, kids in self._nodes:
            self._begin(node_num)
            refs = b" ".join(b"%d 0 R" % k for k in kids)
            self._write(b"<< /Type /Pages /Parent 2 0 R /Count %d /Kids [ %s ] >>\nendobj\n"
                        % (len(kids), refs))
        self._begin(2)
        nodes = b" ".join(b"%d 0 R" % n for n, _ in self._nodes)
        self._write(b"<< /Type /Pages /Count %d /Kids [ %s ] >>\nendobj\n"
                    % (self.page_count, nodes))
        self._begin(1)
        self._write(b"<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
        self._begin(3)
        info = b"/Producer " + _pdf_text("formgen")
        if self._title:
            info += b" /Title " + _pdf_text(self._title)
        self._write(b"<< " + info + b" >>\nendobj\n")
        xref_at = self._pos
        size = len(self._offsets) + 1
        rows = [b"xref\n0 %d\n0000000000 65535 f \n" % size]
        rows += [b"%010d 00000 n \n" % off for off in self._offsets]
        self._write(b"".join(rows))
        ident = self._digest.hexdigest().encode("ascii")
        self._write(b"trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R /ID [<%s><%s>] >>\n"
                    b"startxref\n%d\n%%%%EOF\n" % (size, ident, ident, xref_at))

    def close(self) -> Path:
        """Finish the file and move it into place."""
        try:
            self._finish()
            self._file.close()
            os.chmod(self._tmp, 0o666 & ~_umask())  # mkstemp makes 0600; print rooms share files
            os.replace(self._tmp, self.path)
        except BaseException:
            self.abort()
            raise
        return self.path

    def abort(self) -> None:
        """Drop the partial file."""
        if not self._file.closed:
            self._file.close()
        self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> PdfStreamWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()
