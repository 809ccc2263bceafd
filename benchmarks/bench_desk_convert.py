"""What the desk's converter saves: DOCX → PDF cold, warm, batched, and from the cache.

    .venv/bin/python benchmarks/bench_desk_convert.py [--cold 2] [--warm 3] [--batch 12]

The forms of ``samples/full-cycle.yaml`` are rendered once; then

* cold: ``docx_to_pdf`` of one form with a fresh LibreOffice profile each time
  (what ``formgen render --pdf`` pays per call);
* warm: the desk's ``Converter`` (its profile made once, kept) on one form
  not converted before;
* batch: ``--batch`` other forms in one job (one soffice run);
* cache: the same form again (its sha256 is known: no soffice at all).

Needs ``soffice`` on PATH. Figures are medians in seconds.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from formgen.case.load import load_case
from formgen.render.convert import docx_to_pdf, soffice_path
from formgen.web.cases import case_documents
from formgen.web.converter import Converter
from formgen.web.jobs import JobBoard

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "full-cycle.yaml"


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", type=int, default=2)
    parser.add_argument("--warm", type=int, default=3)
    parser.add_argument("--batch", type=int, default=12)
    args = parser.parse_args()
    if soffice_path() is None:
        raise SystemExit("soffice is not installed")
    forms = [d for d in case_documents(load_case(SAMPLE).case) if d.format == "docx"]
    need = 1 + args.warm + args.batch
    if len(forms) < need:
        raise SystemExit(f"the sample has {len(forms)} forms; lower --warm/--batch (need {need})")
    one = {forms[0].path: forms[0].data}
    cold = [_timed(lambda: docx_to_pdf(one)) for _ in range(args.cold)]
    with tempfile.TemporaryDirectory(prefix="formgen-bench-") as tmp:
        converter = Converter(Path(tmp) / "convert", JobBoard())
        try:
            first = _timed(lambda: converter.convert(one))  # makes the profile
            warm = [_timed(lambda d=d: converter.convert({d.path: d.data})) for d in forms[1:1 + args.warm]]
            rest = {d.path: d.data for d in forms[1 + args.warm:need]}
            batch = _timed(lambda: converter.convert(rest))
            cache = [_timed(lambda: converter.convert(one)) for _ in range(5)]
        finally:
            converter.stop()
    print(f"cold (fresh profile), 1 form:   {statistics.median(cold):.2f} s")
    print(f"desk, first run (makes profile): {first:.2f} s")
    print(f"desk warm, 1 form:               {statistics.median(warm):.2f} s")
    print(f"desk warm, {len(rest)} forms in one run:  {batch:.2f} s ({batch / len(rest):.2f} s/form)")
    print(f"desk cache hit:                  {statistics.median(cache) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
