"""How long ``formgen --help`` takes to answer (the issue asks ≤ 0.3 s median).

    .venv/bin/python benchmarks/bench_cli_help.py [--runs 21]

Each run is a fresh process of the installed ``formgen`` script, timed from
start to exit, so interpreter start-up and every import are counted — what a
clerk waits for. The sub-commands' modules (pydantic, docx, reportlab) are
imported only when their command runs; this measures that they stay out of
``--help``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

FORMGEN = Path(sys.executable).with_name("formgen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run([str(FORMGEN), "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    print(f"formgen --help: median {statistics.median(times):.3f} s, "
          f"min {min(times):.3f} s, max {max(times):.3f} s over {args.runs} runs")


if __name__ == "__main__":
    main()
