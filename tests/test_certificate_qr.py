"""The QR code: the same symbol segno makes, chosen faster; drawn inside its quiet zone."""

from __future__ import annotations

import dataclasses
import random
import shutil
import string
import subprocess

import pytest
import segno

from formgen.render.certificate.batch import render_certificate_pdf
from formgen.render.certificate.qr import QUIET_ZONE, qr_matrix, qr_operators, qr_payload
from formgen.render.certificate.qrmask import best_mask_matrix
from tests.certificate_support import sample

_ALPHABET = string.ascii_letters + string.digits + "/:.-%_ ?=&ЭСЖюя№«»"


def _payloads():
    rng = random.Random(18004)
    lengths = [*range(1, 60, 7), *range(60, 400, 23), 500, 700]
    return ["".join(rng.choice(_ALPHABET) for _ in range(n)) for n in lengths]


@pytest.mark.parametrize("error", ["l", "m", "q", "h"])
def test_mask_choice_and_modules_equal_segnos(error):
    versions = set()
    for payload in _payloads():
        try:
            reference = segno.make_qr(payload, error=error, boost_error=False)
        except segno.DataOverflowError:
            continue
        versions.add(reference.version)
        assert best_mask_matrix(payload, error) == tuple(map(tuple, reference.matrix)), (
            f"version {reference.version}, mask {reference.mask}"
        )
    assert min(versions) <= 2 and max(versions) >= 10  # with and without version information


def test_operators_fill_the_square_with_a_quiet_zone():
    matrix = qr_matrix("https://ecostandard-cert.example/verify/0001")
    ops = qr_operators(matrix, 100, 200, 70)
    assert ops.startswith("q 1 g\n100.000 200.000 70.000 70.000 re f")
    n = len(matrix)
    for line in ops.splitlines()[3:-1]:
        x, y, w, h, _ = line.split()
        assert int(x) >= QUIET_ZONE and int(x) + int(w) <= n + QUIET_ZONE
        assert QUIET_ZONE <= int(y) < n + QUIET_ZONE and h == "1"
    dark = sum(map(sum, matrix))
    assert sum(int(line.split()[2]) for line in ops.splitlines()[3:-1]) == dark


@pytest.mark.skipif(not (shutil.which("zbarimg") and shutil.which("pdftoppm")),
                    reason="needs zbarimg (zbar-tools) and pdftoppm (poppler-utils)")
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_printed_code_scans_back(tmp_path, lang):
    data = sample(lang)
    render_certificate_pdf([data], tmp_path / "c.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(tmp_path / "c.pdf"),
                    str(tmp_path / "page")], check=True)
    (png,) = tmp_path.glob("page*.png")
    scan = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True,
                          text=True, check=True)
    assert scan.stdout.strip() == qr_payload(data)
    summary = dataclasses.replace(data, verification_url="")
    render_certificate_pdf([summary], tmp_path / "s.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(tmp_path / "s.pdf"),
                    str(tmp_path / "summary")], check=True)
    (png,) = tmp_path.glob("summary*.png")
    scan = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True,
                          text=True, check=True)
    assert scan.stdout.strip() == qr_payload(summary)
