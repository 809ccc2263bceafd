"""How the register scales: import, list, agenda and the public check, on SQLite and PostgreSQL.

    .venv/bin/python -m benchmarks.bench_register [--backend sqlite|postgresql|both]
                                                  [--cases 1000] [--certificates 10000]

For each backend, on a fresh register (an SQLite file in a temporary folder;
a database of a throwaway PostgreSQL 15 cluster on 127.0.0.1, from
``tools.pgcluster``, the one the tests use):

1. **Import**: ``--cases`` generated case files brought in by ONE run of the
   real ``formgen register import FILE…`` (a subprocess, start-up included;
   each case is its own transaction, as for a body importing its archive).
   Then more generated cases are imported the same way, in runs of
   ``--cases`` files, until the register holds ``--certificates``
   certificates; the rate of the last run shows whether import slows down as
   the register grows.
2. **Questions** over those certificates: ``register list`` (all, and
   ``--status suspended``) and ``agenda --within 90``, each timed as the
   median of ``--runs`` calls of the functions the commands call
   (``list_certificates``, ``register_agenda``, in one transaction each, as the
   command opens it), then once as the real command in a subprocess
   (interpreter start-up, imports, schema check and printing included).
3. **The public check and the desk**: the real ``formgen serve`` (uvicorn) on 127.0.0.1 and a
   free port, driven by ``--clients`` concurrent httpx clients sending
   ``--requests`` requests in all (and at most ``--seconds`` seconds) to
   ``/verify/{number}`` for numbers drawn at random from the register
   (Cyrillic, URL-encoded). Every answer must be a 200 that carries the
   number. The clients run on the same two cores as the server, so the
   figure is a floor for the server alone. Then one signed-in clerk opens the
   desk's dashboard (agenda for 60 days, certificates by status, changes) and
   searches a client by ИНН, opens the clients page and one case's page,
   ``--runs`` times each (median).

The cases are the three samples (``samples/*.yaml``), each copy with its own
organisation name, ИНН and every number a case claims (application, notice,
acts, decisions, certificates, register numbers, mark permission), and with
all its dates moved back by the same number of days (0–728, in steps of 7),
so that statuses and due dates spread over two years. Questions are asked on
the fixed date ``--at`` (2025-09-01), so figures do not drift with the
calendar. The server and the cluster are stopped at the end, whatever happens.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from formgen.case.load import load_case  # noqa: E402
from formgen.register.claims import case_numbers  # noqa: E402
from tools.pgcluster import PgCluster, missing_reason  # noqa: E402

FORMGEN = Path(sys.executable).with_name("formgen")
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
BODY = ROOT / "profiles" / "ecostandard-body.yaml"
BENCH_PASSWORD = "bench-password-1"
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


# -- generated cases ---------------------------------------------------------
@dataclass
class Template:
    """One sample, and what a copy of it must change so no two copies claim the same thing."""

    name: str
    text: str
    names: list[str]  # organisation names (ru, en), each made unique per copy
    inn: str
    numbers: list[str]  # every number the case claims
    certificates: int
    pattern: re.Pattern = field(init=False)

    def __post_init__(self) -> None:
        # A number stands alone: not part of a longer number ("А-014/1" is not in "А-014/12").
        words = sorted(set(self.numbers) | set(self.names) | {self.inn}, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, words))
                                  + r")(?![\w/]|[-.]\w)")

    def copy(self, i: int) -> str:
        """The text of copy ``i``: its own names, ИНН, numbers, and dates moved back."""
        inn = f"77{i:08d}"

        def new(match: re.Match) -> str:
            word = match.group(1)
            if word == self.inn:
                return inn
            if word in self.names:
                return word[:-1] + f" {i}»" if word.endswith("»") else f"{word} {i}"
            return f"{word}-{i:05d}"

        text = self.pattern.sub(new, self.text)
        shift = dt.timedelta(days=-7 * (i % 105))
        text = ISO_DATE.sub(lambda m: (dt.date(*map(int, m.groups())) + shift).isoformat(), text)
        return re.sub(r"(?m)^body: .*$", f"body: {BODY}", text)


def templates() -> list[Template]:
    result = []
    for path in SAMPLES:
        case = load_case(path).case
        org = case.organisation
        result.append(Template(path.stem, path.read_text(encoding="utf-8"),
                               [n for n in (org.name, org.name_en) if n], org.inn or "",
                               [number for _, number, _ in case_numbers(case)],
                               len(case.certificates)))
    return result


def write_cases(folder: Path, items: list[Template], start: int, count: int) -> list[Path]:
    """Copies ``start … start+count-1``, cycling through the samples, as files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        template = items[i % len(items)]
        path = folder / f"case-{i:05d}-{template.name}.yaml"
        path.write_text(template.copy(i), encoding="utf-8")
        paths.append(path)
    return paths


def check_copies(items: list[Template], folder: Path) -> None:
    """The first copy of each sample loads, and claims only numbers of its own."""
    for i, template in enumerate(items):
        path = write_cases(folder, items, i, 1)[0]
        case = load_case(path).case
        claimed = [number for _, number, _ in case_numbers(case)]
        expected = [f"{n}-{i:05d}" for n in template.numbers]
        if claimed != expected or case.organisation.inn == template.inn:
            raise SystemExit(f"generated copy of {template.name} is wrong: {claimed} != {expected}")
        path.unlink()


# -- timing helpers ----------------------------------------------------------
def formgen(*args: str) -> tuple[float, str]:
    """Seconds and stdout of one real ``formgen ARGS`` run (it must succeed)."""
    start = time.perf_counter()
    done = subprocess.run([str(FORMGEN), *args], capture_output=True, text=True, timeout=3600)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"formgen {args[0]} {args[1] if len(args) > 1 else ''} failed "
                         f"({done.returncode}): {done.stderr[-2000:]}")
    return elapsed, done.stdout


def median_time(call: Callable[[], Any], runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def import_files(db: str, paths: list[Path]) -> float:
    """Seconds for one ``formgen register import`` of ``paths``; every file must be new."""
    elapsed, out = formgen("register", "import", "--db", db, *map(str, paths))
    stored = out.count(": внесено — ")
    if stored != len(paths):
        raise SystemExit(f"import stored {stored} of {len(paths)} cases:\n{out[-2000:]}")
    return elapsed


def database_size(db: str) -> int:
    """Bytes the register takes: the SQLite file, or the PostgreSQL database."""
    if "://" not in db:
        return os.path.getsize(db)
    import psycopg

    with psycopg.connect(db) as conn:
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    return int(row[0]) if row else 0


# -- the public check under load ---------------------------------------------
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def server(db: str) -> Iterator[str]:
    """The real ``formgen serve`` on 127.0.0.1; its base URL. Always stopped on leaving."""
    import httpx

    port = _free_port()
    process = subprocess.Popen([str(FORMGEN), "serve", "--db", db, "--host", "127.0.0.1",
                                "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise SystemExit(f"formgen serve exited: {process.stderr.read().decode()[-2000:]}"
                                 if process.stderr else "formgen serve exited")
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("formgen serve did not answer within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def _load(base: str, numbers: list[str], clients: int, requests: int, seconds: float,
                route: str) -> dict:
    import httpx

    rng = random.Random(9)
    plan = [rng.choice(numbers) for _ in range(requests)]
    latencies: list[float] = []
    failures: list[str] = []
    stop_at = time.perf_counter() + seconds

    async def client(mine: list[str]) -> None:
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            for number in mine:
                if time.perf_counter() > stop_at:
                    return
                start = time.perf_counter()
                response = await http.get(f"{route}{quote(number, safe='')}")
                latencies.append(time.perf_counter() - start)
                if response.status_code != 200 or number not in response.text:
                    failures.append(f"{number}: {response.status_code}")

    start = time.perf_counter()
    await asyncio.gather(*(client(plan[k::clients]) for k in range(clients)))
    wall = time.perf_counter() - start
    latencies.sort()
    return {
        "requests": len(latencies), "seconds": wall, "per_s": len(latencies) / wall,
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p95_ms": 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))],
        "failures": failures,
    }


def dashboard_time(base: str, runs: int) -> tuple[float, float, float, float]:
    """Median seconds, for one signed-in clerk, of the desk's dashboard (agenda, status counts,
    changes), a client search by ИНН, the clients page (first 200) and one case's page (its
    rule check included), each asked ``runs`` times."""
    import httpx

    with httpx.Client(base_url=base, timeout=60) as http:
        page = http.get("/login")
        token = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert token, page.text[:500]
        signed = http.post("/login", data={"login": "bench", "password": BENCH_PASSWORD,
                                           "csrf": token.group(1)})
        assert signed.status_code in (200, 303), signed.status_code

        def get(url: str, must: str) -> Callable[[], None]:
            def call() -> None:
                answer = http.get(url)
                assert answer.status_code == 200 and must in answer.text, (url, answer.status_code)
            return call

        get("/desk", "Сроки")()  # warm-up
        dashboard, _ = median_time(get("/desk", "Сроки"), runs)
        search, _ = median_time(get("/desk/cases?q=7700000042", "7700000042"), runs)
        clients, _ = median_time(get("/desk/cases", "770000"), runs)
        case, _ = median_time(get("/desk/cases/42", "Проверка по правилам"), runs)
    return dashboard, search, clients, case


def load_test(db: str, numbers: list[str], args: argparse.Namespace) -> dict:
    with server(db) as base:
        asyncio.run(_load(base, numbers, args.clients, 2 * args.clients, 30, "/verify/"))  # warm-up
        result = asyncio.run(_load(base, numbers, args.clients, args.requests, args.seconds,
                                   "/verify/"))
        (result["dashboard_s"], result["search_s"], result["clients_s"],
         result["case_s"]) = dashboard_time(base, args.runs)
    if result["failures"]:
        raise SystemExit(f"{len(result['failures'])} bad answers, e.g. {result['failures'][:5]}")
    return result


# -- one backend -------------------------------------------------------------
def bench_backend(backend: str, db: str, work: Path, items: list[Template],
                  args: argparse.Namespace) -> dict:
    from formgen.register.agenda import register_agenda
    from formgen.register.db import open_register
    from formgen.register.queries import list_certificates

    figures: dict[str, Any] = {"backend": backend}
    per_cycle = sum(t.certificates for t in items)
    total_cases = max(args.cases, -(-args.certificates * len(items) // per_cycle))
    print(f"[{backend}] importing {args.cases} cases …", flush=True)
    first = write_cases(work / "cases", items, 0, args.cases)
    figures["import_s"] = import_files(db, first)
    figures["import_cases"] = args.cases
    done, last_rate = args.cases, None
    while done < total_cases:
        batch = write_cases(work / "cases", items, done, min(args.cases, total_cases - done))
        print(f"[{backend}] filling: cases {done + 1}–{done + len(batch)} of {total_cases} …",
              flush=True)
        last_rate = len(batch) / import_files(db, batch)
        done += len(batch)
    figures["cases"] = done
    figures["fill_last_rate"] = last_rate
    figures["size_mb"] = database_size(db) / 1e6

    day = args.at
    register = open_register(db)
    try:
        def ask(question: Callable) -> Callable[[], Any]:
            def call():
                with register.transaction() as session:
                    return question(session)
            return call

        figures["list_s"], rows = median_time(ask(lambda s: list_certificates(s, day)), args.runs)
        figures["suspended_s"], suspended = median_time(
            ask(lambda s: list_certificates(s, day, "suspended")), args.runs)
        figures["agenda_s"], agenda = median_time(ask(lambda s: register_agenda(s, day, 90)),
                                                  args.runs)
    finally:
        register.close()
    figures["certificates"], figures["suspended"], figures["agenda_items"] = (
        len(rows), len(suspended), len(agenda))
    if len(rows) < args.certificates:
        raise SystemExit(f"only {len(rows)} certificates in the register")
    at = day.isoformat()
    figures["list_cli_s"], out = formgen("register", "list", "--db", db, "--at", at)
    assert f"всего: {len(rows)} на {at}" in out, out[-300:]
    figures["suspended_cli_s"], out = formgen("register", "list", "--db", db, "--at", at,
                                              "--status", "suspended")
    assert f"всего: {len(suspended)} на {at}" in out, out[-300:]
    figures["agenda_cli_s"], out = formgen("agenda", "--db", db, "--at", at, "--within", "90")
    assert f"сроков: {len(agenda)} с {at}" in out, out[-300:]
    done_user = subprocess.run([str(FORMGEN), "users", "add", "bench", "--role", "clerk",
                                "--password-stdin", "--db", db], input=BENCH_PASSWORD + "\n",
                               capture_output=True, text=True)
    assert done_user.returncode == 0, done_user.stderr
    print(f"[{backend}] {len(rows)} certificates, {len(suspended)} suspended, "
          f"{len(agenda)} agenda items; /verify under load …", flush=True)
    figures["verify"] = load_test(db, [r["number"] for r in rows], args)
    print(f"[{backend}] done: {figures}", flush=True)
    return figures


# -- report ------------------------------------------------------------------
def report(results: list[dict], args: argparse.Namespace) -> None:
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL 15"}
    print(f"\nmachine: {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}; load average after: {os.getloadavg()[0]:.2f}\n")
    print("| measure | " + " | ".join(names[r["backend"]] for r in results) + " |")
    print("|---|" + "---:|" * len(results))

    def row(label: str, cell: Callable[[dict], str]) -> None:
        print(f"| {label} | " + " | ".join(cell(r) for r in results) + " |")

    row(f"import {args.cases} cases, one `register import` run",
        lambda r: f"{r['import_s']:.1f} s ({r['import_cases'] / r['import_s']:.0f} cases/s)")
    row("import, last run of the fill", lambda r: f"{r['fill_last_rate']:.0f} cases/s"
        if r["fill_last_rate"] else "—")
    row("register holds", lambda r: f"{r['cases']:,} cases, {r['certificates']:,} certificates, "
                                    f"{r['size_mb']:.0f} MB")
    row("`register list` (all), function / command",
        lambda r: f"{r['list_s']:.2f} s / {r['list_cli_s']:.2f} s")
    row("`register list --status suspended`, function / command",
        lambda r: f"{r['suspended_s']:.2f} s / {r['suspended_cli_s']:.2f} s ({r['suspended']:,} rows)")
    row("`agenda --within 90`, function / command",
        lambda r: f"{r['agenda_s']:.2f} s / {r['agenda_cli_s']:.2f} s ({r['agenda_items']:,} items)")
    row(f"`/verify/{{number}}`, {args.clients} clients",
        lambda r: f"{r['verify']['per_s']:.0f} requests/s ({r['verify']['requests']:,} in "
                  f"{r['verify']['seconds']:.1f} s, all 200)")
    row("`/verify/` latency p50 / p95",
        lambda r: f"{r['verify']['p50_ms']:.0f} ms / {r['verify']['p95_ms']:.0f} ms")
    row("desk, one clerk: dashboard / search by ИНН / clients page / a case's page",
        lambda r: " / ".join(f"{1000 * r['verify'][k]:.0f} ms"
                             for k in ("dashboard_s", "search_s", "clients_s", "case_s")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--cases", type=int, default=1000, help="cases of the timed import run")
    parser.add_argument("--certificates", type=int, default=10000,
                        help="certificates in the register for list, agenda and /verify")
    parser.add_argument("--runs", type=int, default=5, help="calls per question (median kept)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent /verify clients")
    parser.add_argument("--requests", type=int, default=4000, help="/verify requests in all")
    parser.add_argument("--seconds", type=float, default=60, help="at most this long under load")
    parser.add_argument("--at", type=dt.date.fromisoformat, default=dt.date(2025, 9, 1),
                        help="the date questions are asked on")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    if "postgresql" in backends and missing_reason():
        raise SystemExit(f"PostgreSQL: {missing_reason()}")
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f}", flush=True)
    items = templates()
    results = []
    cluster: PgCluster | None = None
    try:
        for backend in backends:
            with tempfile.TemporaryDirectory(prefix=f"bench-register-{backend}-") as tmp:
                work = Path(tmp)
                check_copies(items, work / "check")
                if backend == "sqlite":
                    db = str(work / "formgen.db")
                else:
                    cluster = cluster or PgCluster().start()
                    db = cluster.database()
                results.append(bench_backend(backend, db, work, items, args))
    finally:
        if cluster is not None:
            cluster.stop()
    report(results, args)


if __name__ == "__main__":
    main()
