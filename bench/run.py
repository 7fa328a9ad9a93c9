"""`make bench`: requests per second and latency of the public pages at 100,000
recommendations, on SQLite and then PostgreSQL, as ratios of the floor (a trivial view
served by the same app and middleware, measured before the other pages and again after
them), checked against the targets of the performance issue and written to
bench/results.md.

For each backend: migrate, generate the sample data set unless the database already holds
it (bench/bench.sqlite3; the PostgreSQL database dialogue_bench, created here), collect the
static files, serve the app with gunicorn (3 sync workers, production settings) on a free
loopback port, drive each page with wrk, then measure single cold requests and the CSV
export. gunicorn is stopped at the end whatever happens.

    python -m bench.run [--backend sqlite|postgres|both] [--label TEXT] [--fresh] [--drop]
                        [--only TEXT ...]

`--only` measures the floors and the pages whose name contains one of its words (say
`--only 304`), nothing else, and prints their rows without writing results.md: a quick
look at one figure, not a result.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import statistics
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .serve import (
    BENCH_DIR,
    POSTGRES_SERVER,
    SAMPLE_SQLITE,
    LoadResult,
    Server,
    collectstatic,
    create_postgres_database,
    drop_postgres_database,
    ensure_postgres,
    ensure_wrk,
    load_average,
    machine_facts,
    manage,
    prepare_sample,
    probe,
    remove_sqlite,
    rss_kib,
    run_wrk,
    serve,
    sqlite_url,
    stop_on_sigterm,
    try_fetch,
)

POSTGRES_DATABASE = "dialogue_bench"
RESULTS = BENCH_DIR / "results.md"

# The targets of the performance issue, as ratios of the floor measured in the same run.
WARM_TARGET = 0.25  # home, detail pages, the filtered and faceted list (warm cache)
API_TARGET = 0.25  # the API's filtered recommendations list, with its facets
CONDITIONAL_TARGET = 0.80  # a conditional GET answered 304 (one query: the data version)
SEARCH_TARGET = 0.10
COLD_TARGET_MS = 60  # median single request of never-seen filter combinations
EXPORT_RATE_TARGET = 20_000  # rows per second
EXPORT_MEMORY_TARGET_MB = 50
EXPORT_RUNS = 3
WRITES = 6  # writes, each followed by one timed list request (even: the data ends as it was)
COLD_BUDGET = 180  # seconds for all the cold requests, so a slow build still ends
WRK_TIMEOUT = 30  # seconds; gunicorn's worker timeout kills a request at 30 s anyway


@dataclass
class Page:
    name: str
    path: str
    target: float | None  # least throughput as a ratio of the floor; None: no target
    # Sent with If-None-Match: the ETag of a first response, expecting 304 Not Modified.
    conditional: bool = False


@dataclass
class PageResult:
    page: Page
    first_ms: float | None = None  # the first request for the URL, alone
    load: LoadResult | None = None
    problem: str = ""  # why it was not measured (e.g. it did not answer 200)

    def ratio(self, floor: float) -> float:
        return self.load.rate / floor if self.load and floor else 0.0

    def met(self, floor: float) -> bool | None:
        if self.page.target is None:
            return None
        return bool(self.load) and not self.load.errors and self.ratio(floor) >= self.page.target


@dataclass
class ExportResult:
    path: str
    rows: int
    seconds: list[float]
    growth_mb: float

    @property
    def rate(self) -> float:
        return self.rows / statistics.median(self.seconds)

    @property
    def met(self) -> bool:
        return self.rate >= EXPORT_RATE_TARGET and self.growth_mb < EXPORT_MEMORY_TARGET_MB


@dataclass
class BackendResult:
    name: str
    found: dict
    pages: list[PageResult] = field(default_factory=list)
    cold_ms: list[float] = field(default_factory=list)
    cold_errors: list[str] = field(default_factory=list)
    after_write_ms: list[float] = field(default_factory=list)
    after_write_problem: str = ""
    export: ExportResult | None = None
    export_problem: str = ""
    load_average: str = ""

    @property
    def floor(self) -> float:
        """The mean of the floor's runs, before and after the other pages."""
        rates = [p.load.rate for p in self.pages if p.page.path == FLOOR_PATH and p.load]
        return statistics.mean(rates) if rates else 0.0

    @property
    def cold_median(self) -> float:
        return statistics.median(self.cold_ms) if self.cold_ms else float("inf")


FLOOR_PATH = "/robots.txt"


def pages_to_measure(found: dict) -> list[Page]:
    """The floor first and again last; every other page's throughput is read against the
    mean of the two: the pages take minutes, in which a shared machine's speed, and the
    workers' own state, can drift by a tenth."""
    return [
        Page(f"floor: {FLOOR_PATH}", FLOOR_PATH, None),
        Page("home", "/", WARM_TARGET),
        Page("recommendations, unfiltered", "/recommendations/", WARM_TARGET),
        Page(
            "recommendations, topic + status",
            f"/recommendations/?{found['filtered']}",
            WARM_TARGET,
        ),
        Page("recommendations, search q", "/recommendations/?q=torture", SEARCH_TARGET),
        Page("one recommendation", found["recommendation"], WARM_TARGET),
        Page("one meeting", found["meeting"], WARM_TARGET),
        Page("one topic", found["topic"], WARM_TARGET),
        Page(
            "API recommendations, topic + status",
            f"/api/v1/recommendations/?{found['filtered']}",
            API_TARGET,
        ),
        Page(
            "API recommendations, 304",
            f"/api/v1/recommendations/?{found['filtered']}",
            CONDITIONAL_TARGET,
            conditional=True,
        ),
        Page(f"floor again: {FLOOR_PATH}", FLOOR_PATH, None),
    ]


def drive(server: Server, path: str, connections: int, seconds: int, etag: str = "") -> LoadResult:
    """wrk on one URL for `seconds`, then a wait until the workers are idle again. With an
    `etag`, every request is conditional and must be answered 304."""
    conditional = {"headers": {"If-None-Match": etag}, "status": 304} if etag else {}
    load = run_wrk(
        server, [path], connections=connections, seconds=seconds, timeout=WRK_TIMEOUT,
        **conditional,
    )  # fmt: skip
    server.wait_idle()
    return load


def chosen_pages(found: dict, only: list[str]) -> list[Page]:
    """Every page, or the floors and the pages `--only` names."""
    return [
        page
        for page in pages_to_measure(found)
        if not only or page.path == FLOOR_PATH or any(word in page.name for word in only)
    ]


def measure_pages(server: Server, found: dict, args: argparse.Namespace) -> list[PageResult]:
    results = []
    for page in chosen_pages(found, args.only):
        result = PageResult(page)
        results.append(result)
        response, result.problem = try_fetch(server.port, page.path)
        if response:
            result.first_ms = response.seconds * 1000
        if result.problem:
            print(f"  {page.name}: {result.problem}, not measured")
            server.wait_idle()
            continue
        etag = response.headers.get("ETag", "") if page.conditional and response else ""
        if page.conditional and not etag:
            result.problem = "no ETag"
            print(f"  {page.name}: {result.problem}, not measured")
            continue
        # The warm-up fills whatever caches there are, in every worker.
        drive(server, page.path, args.connections, args.warmup, etag)
        result.load = load = drive(server, page.path, args.connections, args.seconds, etag)
        print(
            f"  {page.name:34} first {result.first_ms:7.1f} ms  {load.rate:8.1f} req/s  "
            f"p50 {load.p50_ms:7.1f} ms  p99 {load.p99_ms:7.1f} ms  errors {load.errors}"
        )
    return results


def measure_cold(server: Server, found: dict) -> tuple[list[float], list[str]]:
    """One request each for filter combinations never requested before, one at a time,
    within COLD_BUDGET seconds in all."""
    timings, errors = [], []
    deadline = time.monotonic() + COLD_BUDGET
    for done, query in enumerate(found["cold"]):
        if time.monotonic() > deadline:
            errors.append(f"{len(found['cold']) - done} left out after {COLD_BUDGET} s")
            break
        response, problem = try_fetch(server.port, f"/recommendations/?{query}")
        if problem:
            errors.append(f"`{query}` {problem}")
        elif response:
            timings.append(response.seconds * 1000)
    return timings, errors


# One recommendation's status changed through the ORM, as an edit would (each write a new
# data version): to another status, then back.
CHANGE_STATUS = """
from recommendations.models import Recommendation
rec = Recommendation.objects.get(reference={reference!r})
rec.status = {status!r} or ("in_progress" if rec.status != "in_progress" else "implemented")
rec.save(update_fields=["status"])
"""


def measure_after_write(server: Server, database_url: str, found: dict) -> list[float]:
    """The first filtered list request after each of WRITES writes: what a visitor pays
    for the counts to catch up with an edit (before issue 13, a rebuild of the facet
    index from the whole table)."""
    reference = found["recommendation"].rstrip("/").rsplit("/", 1)[-1]
    path = f"/recommendations/?{found['filtered']}"
    timings = []
    original = manage(
        database_url, "shell", "--no-imports", "-c",
        f"from recommendations.models import Recommendation as R; "
        f"print(R.objects.get(reference={reference!r}).status)",
        quiet=True,
    ).strip()  # fmt: skip
    for write in range(WRITES):
        status = original if write % 2 else ""
        change = CHANGE_STATUS.format(reference=reference, status=status)
        try:
            manage(database_url, "shell", "--no-imports", "-c", change)
        except subprocess.CalledProcessError as error:
            raise RuntimeError(f"the write failed ({error})") from None
        response, problem = try_fetch(server.port, path)
        if problem or not response:
            raise RuntimeError(f"{path} {problem}")
        timings.append(response.seconds * 1000)
    return timings


def csv_rows(body: bytes) -> int:
    return sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8-sig")))) - 1


def sample_memory(pids: list[int], peak: dict[int, int], done: threading.Event) -> None:
    """Keep each process's highest resident memory in `peak` until `done` is set."""
    while not done.is_set():
        for pid in pids:
            peak[pid] = max(peak[pid], rss_kib(pid))
        time.sleep(0.005)


def measure_export(server: Server, query: str) -> ExportResult:
    """Download the export a few times while sampling every worker's resident memory."""
    path = f"/recommendations/export.csv?{query}"
    seconds, growth_kib, rows = [], 0, 0
    for _ in range(EXPORT_RUNS):
        pids = server.worker_pids()
        baseline = {pid: rss_kib(pid) for pid in pids}
        peak = dict(baseline)
        done = threading.Event()
        sampler = threading.Thread(target=sample_memory, args=(pids, peak, done), daemon=True)
        sampler.start()
        try:
            response, problem = try_fetch(server.port, path, timeout=120)
        finally:
            done.set()
            sampler.join()
        if problem or not response:
            raise RuntimeError(f"{path} {problem}")
        seconds.append(response.seconds)
        rows = csv_rows(response.body)
        growth_kib = max([growth_kib, *(peak[pid] - baseline[pid] for pid in pids)])
    return ExportResult(path, rows, seconds, growth_kib * 1024 / 1e6)


def recreate_postgres_database(name: str) -> None:
    drop_postgres_database(name)
    create_postgres_database(name)


def run_backend(
    name: str, database_url: str, reset: Callable[[], None], args: argparse.Namespace
) -> BackendResult:
    print(f"\n== {name} ==")
    found = prepare_sample(database_url, args.recommendations, args.meetings, reset)
    # Fresh never-seen filter combinations on every run, even against a shared cache.
    found["cold"] = probe(database_url, seed=random.SystemRandom().randrange(2**31))["cold"]
    collectstatic(database_url)
    result = BackendResult(name, found, load_average=load_average())
    with serve(database_url, log=BENCH_DIR / f"gunicorn-{name.lower()}.log") as server:
        result.pages = measure_pages(server, found, args)
        if args.only:
            return result
        result.cold_ms, result.cold_errors = measure_cold(server, found)
        print(f"  cold filtered list, median of {len(result.cold_ms)}: {result.cold_median:.1f} ms")
        try:
            result.after_write_ms = measure_after_write(server, database_url, found)
            print(
                "  first filtered list after a write, median of "
                f"{WRITES}: {statistics.median(result.after_write_ms):.1f} ms"
            )
        except RuntimeError as error:
            result.after_write_problem = str(error)
            print(f"  after a write: {error}")
        try:
            result.export = measure_export(server, found["export"])
            export = result.export
            print(
                f"  export.csv: {export.rows} rows in {statistics.median(export.seconds):.2f} s "
                f"({export.rate:,.0f} rows/s), worker memory +{export.growth_mb:.1f} MB"
            )
        except RuntimeError as error:
            result.export_problem = str(error)
            print(f"  export.csv: {error}")
    return result


def verdict(met: bool | None) -> str:
    return "" if met is None else ("met" if met else "**not met**")


def page_row(page: PageResult, floor: float, seconds: int) -> str:
    """One table row: the lone first request, then wrk's figures (or why there are none)."""
    target = f"≥ {page.page.target:.2f}" if page.page.target else ""
    first = f"{page.first_ms:.0f}" if page.first_ms is not None else "–"
    load = page.load
    if not load:
        figures = f"{page.problem} | | | | "
    elif not load.requests:
        figures = f"none answered in {seconds} s | 0 | | | {load.errors}"
    else:
        figures = (
            f"{load.rate:.1f} | {page.ratio(floor):.3f} | {load.p50_ms:.1f} | "
            f"{load.p99_ms:.1f} | {load.errors}"
        )
    return (
        f"| {page.page.name} | `{page.page.path}` | {first} | {figures} | {target} | "
        f"{verdict(page.met(floor))} |"
    )


def backend_markdown(result: BackendResult, args: argparse.Namespace) -> str:
    floor = result.floor
    found = result.found
    lines = [
        f"### {result.name}",
        "",
        f"{found['published_recommendations']:,} published of "
        f"{found['sample_recommendations']:,} sample recommendations, "
        f"{found['sample_meetings']} meetings. Load average when this backend started: "
        f"{result.load_average}.",
        "",
        "| page | URL | first request ms | req/s | × floor | p50 ms | p99 ms | errors | target | |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
        *(page_row(page, floor, args.seconds) for page in result.pages),
    ]
    cold_met = bool(result.cold_ms) and not result.cold_errors
    cold_met = cold_met and result.cold_median < COLD_TARGET_MS
    lines += [
        "",
        f"- Cold filtered list (topic + status + a body, group or year range; "
        f"{len(result.found['cold'])} combinations never requested before, one at a time): "
        f"median **{result.cold_median:.1f} ms**, slowest {max(result.cold_ms, default=0):.1f} ms"
        f"{'; errors: ' + ', '.join(result.cold_errors) if result.cold_errors else ''}. "
        f"Target < {COLD_TARGET_MS} ms: {verdict(cold_met)}.",
    ]
    if result.after_write_ms:
        timings = ", ".join(f"{ms:.0f}" for ms in result.after_write_ms)
        lines.append(
            f"- First filtered list request after a write (one recommendation's status "
            f"changed through the ORM, then `/recommendations/?{found['filtered']}`; "
            f"{WRITES} times): {timings} ms, median "
            f"**{statistics.median(result.after_write_ms):.1f} ms**."
        )
    else:
        lines.append(f"- After a write: not measured ({result.after_write_problem}).")
    if result.export:
        export = result.export
        timings = ", ".join(f"{s:.2f}" for s in export.seconds)
        lines.append(
            f"- `{export.path}`: {export.rows:,} rows; {timings} s over {EXPORT_RUNS} downloads "
            f"(median **{export.rate:,.0f} rows/s**); the serving worker's resident memory grew "
            f"by at most **{export.growth_mb:.1f} MB**. Target ≥ {EXPORT_RATE_TARGET:,} rows/s "
            f"and < {EXPORT_MEMORY_TARGET_MB} MB: {verdict(export.met)}."
        )
    else:
        lines.append(f"- export.csv: not measured ({result.export_problem}).")
    lines.append(
        f"- Also: the topic page is the busiest topic ({found['topic_recommendations']:,} "
        f"recommendations); the meeting page's meeting adopted "
        f"{found['meeting_recommendations']} recommendations; the filtered list matches "
        f"{found['filtered_rows']:,}."
    )
    return "\n".join(lines)


def section_markdown(
    label: str, facts: dict, results: list[BackendResult], args: argparse.Namespace
) -> str:
    header = [
        f"## {label}",
        "",
        f"{facts['date']}; commit {facts['commit']}; {facts['cores']} cores; load average "
        f"before the run {facts['load']} (1/5/15 min); Python {facts['python']}; "
        f"{facts['wrk']}; cache {facts['cache']}.",
        "",
        f"Each page: a {args.warmup} s warm-up, then {args.seconds} s of wrk with "
        f"{args.connections} connections on 1 thread against gunicorn with 3 sync workers "
        f"(DEBUG=0) on 127.0.0.1, the same machine, so wrk and the workers share the "
        f"{facts['cores']} cores. Latencies are wrk's (a request includes its TCP connect: "
        "gunicorn's sync workers close each connection). *First request* is the URL's first "
        "request, alone, before the warm-up: its cold-cache latency. A page slower than "
        "30 s is cut off by gunicorn's worker timeout and counts as an error. The floor is "
        "measured first and again last; *× floor* is against the mean of the two.",
        *(["", args.note] if args.note else []),
    ]
    return "\n\n".join(["\n".join(header), *(backend_markdown(r, args) for r in results)])


RESULTS_INTRO = """# Benchmark results

Written by `make bench` (bench/run.py; see README, "Benchmark"). Each section is one
labelled run (`make bench BENCH_ARGS='--label "..."'`); a run replaces the section with
its label and keeps the others, so earlier figures stay for comparison. Targets from the
performance issue: home, detail pages and the faceted list at least 0.25 of the floor with
a warm cache; search at least 0.10; a cold filtered list under 60 ms (median of 20); the
CSV export of about 10,000 rows at 20,000 rows/s or more, with the worker growing by less
than 50 MB.
"""


def write_results(label: str, section: str, path: Path = RESULTS) -> None:
    """Replace this label's section in the results file (or add it), keeping the others."""
    key = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    start, end = f"<!-- bench:{key} -->", f"<!-- /bench:{key} -->"
    block = f"{start}\n{section}\n{end}"
    text = path.read_text() if path.exists() else RESULTS_INTRO
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--recommendations", type=int, default=100_000)
    parser.add_argument("--meetings", type=int, default=400)
    parser.add_argument("--seconds", type=int, default=10, help="measured seconds per page")
    parser.add_argument("--warmup", type=int, default=2, help="warm-up seconds per page")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument(
        "--postgres-database", default=POSTGRES_DATABASE, help="created here if missing"
    )
    parser.add_argument("--label", default="Latest run", help="the section in results.md")
    parser.add_argument("--note", default="", help="a paragraph added to the section")
    parser.add_argument("--fresh", action="store_true", help="rebuild the databases first")
    parser.add_argument("--drop", action="store_true", help="delete the databases afterwards")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="TEXT",
        help="only the floors and the pages whose name contains TEXT (repeatable); "
        "results.md is left as it is",
    )
    args = parser.parse_args()
    stop_on_sigterm()
    ensure_wrk()
    facts = machine_facts()
    if float(facts["load"].split(" / ")[0]) > 1:
        print(f"Note: the machine is busy (load {facts['load']}); figures will be lower.")

    results = []
    database = args.postgres_database
    postgres_url = f"{POSTGRES_SERVER}/{database}"
    try:
        if args.backend in ("sqlite", "both"):
            if args.fresh:
                remove_sqlite(SAMPLE_SQLITE)
            sqlite = sqlite_url(SAMPLE_SQLITE)
            results.append(
                run_backend("SQLite", sqlite, partial(remove_sqlite, SAMPLE_SQLITE), args)
            )
        if args.backend in ("postgres", "both"):
            ensure_postgres()
            if args.fresh:
                drop_postgres_database(database)
            create_postgres_database(database)
            results.append(
                run_backend(
                    "PostgreSQL", postgres_url, partial(recreate_postgres_database, database), args
                )
            )
    finally:
        if args.drop:
            remove_sqlite(SAMPLE_SQLITE)
            if args.backend in ("postgres", "both"):
                drop_postgres_database(database)

    if args.only:
        for result in results:
            print(f"\n{result.name}")
            for page in result.pages:
                print(page_row(page, result.floor, args.seconds))
        return
    section = section_markdown(args.label, facts, results, args)
    write_results(args.label, section)
    print(f"\n{section}\n\nWritten to {RESULTS.relative_to(BENCH_DIR.parent)}.")


if __name__ == "__main__":
    main()
