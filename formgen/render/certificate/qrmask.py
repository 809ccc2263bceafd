"""Choosing the QR data mask as segno does, in a fraction of its time.

segno encodes the data (modes, Reed–Solomon, codeword placement) in about a
millisecond, then spends three quarters of its time choosing the data mask:
it applies each of the eight masks and scores the result by the penalty rules
of ISO/IEC 18004:2015, 7.8.3, module by module in Python. For a batch of
certificates that one step is the largest cost of a page.

Here segno encodes the symbol once with mask 0 (its public ``mask``
argument); the unmasked data is recovered, the eight candidates are scored
with the same rules as segno's ``mask_scores`` but over whole rows and
columns at once (integers as bit rows, regular expressions for runs), and the
winning mask and its format information are applied. The symbol is the one
``segno.make_qr`` would make by itself — same mask, same modules; the tests
compare them for every version of a range of payloads. Should a future segno
choose differently, the result is still a valid symbol with a standard mask.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

import segno

__all__ = ["best_mask_matrix"]

# Centres of alignment patterns per version (ISO/IEC 18004:2015, Annex E).
_ALIGN = [
    (), (), (6, 18), (6, 22), (6, 26), (6, 30), (6, 34), (6, 22, 38), (6, 24, 42), (6, 26, 46),
    (6, 28, 50), (6, 30, 54), (6, 32, 58), (6, 34, 62), (6, 26, 46, 66), (6, 26, 48, 70),
    (6, 26, 50, 74), (6, 30, 54, 78), (6, 30, 56, 82), (6, 30, 58, 86), (6, 34, 62, 90),
    (6, 28, 50, 72, 94), (6, 26, 50, 74, 98), (6, 30, 54, 78, 102), (6, 28, 54, 80, 106),
    (6, 32, 58, 84, 110), (6, 30, 58, 86, 114), (6, 34, 62, 90, 118),
    (6, 26, 50, 74, 98, 122), (6, 30, 54, 78, 102, 126), (6, 26, 52, 78, 104, 130),
    (6, 30, 56, 82, 108, 134), (6, 34, 60, 86, 112, 138), (6, 30, 58, 86, 114, 142),
    (6, 34, 62, 90, 118, 146), (6, 30, 54, 78, 102, 126, 150), (6, 24, 50, 76, 102, 128, 154),
    (6, 28, 54, 80, 106, 132, 158), (6, 32, 58, 84, 110, 136, 162),
    (6, 26, 54, 82, 110, 138, 166), (6, 30, 58, 86, 114, 142, 170),
]

_MASKS = (
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i + j) % 2 + (i * j) % 3) % 2 == 0,
)
_RUNS = re.compile(r"0{5,}|1{5,}")  # N1: five or more modules of one colour
_TO_DIGITS = bytes.maketrans(b"\x00\x01", b"01")  # module bytes → "0"/"1" text
_TO_MODULES = bytes.maketrans(b"01", b"\x00\x01")


def _format_cells(n: int) -> list[tuple[int, int]]:
    """Format information modules (both copies) and the dark module, in a fixed order."""
    cells = [(8, j) for j in range(9) if j != 6] + [(i, 8) for i in range(8) if i != 6]
    cells += [(8, n - 1 - k) for k in range(8)] + [(n - 1 - k, 8) for k in range(8)]
    return cells


def _version_cells(n: int) -> list[tuple[int, int]]:
    if n < 45:  # versions below 7 carry no version information
        return []
    return [(i, n - 11 + k) for i in range(6) for k in range(3)] + [
        (n - 11 + k, i) for i in range(6) for k in range(3)
    ]


@lru_cache(maxsize=41)
def _layout(version: int):
    """Per version: bit rows of the data region and of each mask within it."""
    n = 17 + 4 * version
    function = [[False] * n for _ in range(n)]
    for r0, c0 in ((0, 0), (0, n - 8), (n - 8, 0)):  # finders with separators
        for i in range(8):
            for j in range(8):
                function[r0 + i][c0 + j] = True
    for k in range(n):  # timing
        function[6][k] = function[k][6] = True
    centres = _ALIGN[version]
    for ci in centres:
        for cj in centres:
            if (ci, cj) in ((6, 6), (6, centres[-1]), (centres[-1], 6)):
                continue
            for i in range(ci - 2, ci + 3):
                for j in range(cj - 2, cj + 3):
                    function[i][j] = True
    for i, j in _format_cells(n) + _version_cells(n):
        function[i][j] = True
    data = [int("".join("0" if f else "1" for f in row), 2) for row in function]
    masks = [
        [int("".join("1" if mask(i, j) else "0" for j in range(n)), 2) & data[i]
         for i in range(n)]
        for mask in _MASKS
    ]
    reserved = [(i, j) for i, j in _format_cells(n) + _version_cells(n)]
    keep = [((1 << n) - 1) ^ sum(1 << (n - 1 - j) for i2, j in reserved if i2 == i)
            for i in range(n)]
    return n, masks, keep


@lru_cache(maxsize=32)
def _format_bits(error: str, mask: int) -> tuple[int, ...]:
    """The format modules of (error level, mask), read from a small segno symbol."""
    ref = segno.make_qr("0", error=error, version=1, mask=mask, boost_error=False).matrix
    return tuple(ref[i][j] for i, j in _format_cells(21))


def _n3(lines: str) -> int:
    """segno's N3 (1:1:3:1:1 with a light margin) over rows or columns joined by "2222".

    The separator is neither light nor dark and four modules wide, so a window
    that crosses a line's end sees no dark module — exactly segno's rule that a
    pattern at the edge of the symbol counts.
    """
    score = 0
    find = lines.find
    idx = find("1011101")
    while idx != -1:
        offset = idx + 7
        if "1" not in lines[idx - 4:idx] or "1" not in lines[offset:offset + 4]:
            score += 40
        else:
            offset = idx + 4
        idx = find("1011101", offset)
    return score


def _score(rows: list[int], n: int) -> int:
    texts = [format(r, f"0{n}b") for r in rows]
    lines = "2222" + "2222".join(texts + ["".join(c) for c in zip(*texts, strict=True)]) + "2222"
    runs = _RUNS.findall(lines)
    n1 = sum(map(len, runs)) - 2 * len(runs)
    full = (1 << (n - 1)) - 1
    n2 = 0
    for above, below in pairwise(rows):
        dark = above & (above >> 1) & below & (below >> 1)
        light = ~(above | (above >> 1) | below | (below >> 1))
        n2 += ((dark | light) & full).bit_count()
    dark = sum(r.bit_count() for r in rows)
    n4 = 10 * int(abs(dark / (n * n) * 100 - 50) / 5)
    return n1 + 3 * n2 + _n3(lines) + n4


def best_mask_matrix(payload: str, error: str = "m") -> tuple[tuple[int, ...], ...]:
    """The module rows (1 dark) of ``segno.make_qr(payload, error=…, boost_error=False)``."""
    code = segno.make_qr(payload, error=error, mask=0, boost_error=False)
    n, masks, keep = _layout(code.version)
    final0 = [int(bytes(row).translate(_TO_DIGITS), 2) for row in code.matrix]
    # Unmask the data and blank format/version cells, as segno's evaluation sees them.
    base = [(row ^ masks[0][i]) & keep[i] for i, row in enumerate(final0)]
    best, best_score = 0, None
    for m in range(8):
        score = _score([row ^ masks[m][i] for i, row in enumerate(base)], n)
        if best_score is None or score < best_score:
            best, best_score = m, score
    rows = [bytearray(format(row ^ masks[best][i] | (final0[i] & ~keep[i]), f"0{n}b"), "ascii")
            for i, row in enumerate(base)]
    for (i, j), bit in zip(_format_cells(n), _format_bits(error, best), strict=True):
        rows[i][j] = 49 if bit else 48
    return tuple(tuple(row.translate(_TO_MODULES)) for row in rows)
