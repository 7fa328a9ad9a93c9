"""`make load`: 50 concurrent clients for 30 seconds on the main public pages, under
gunicorn with production settings, from loopback; reports requests, errors (anything
but 2xx, connection errors, timeouts) and latency percentiles. Run by hand, not in tests.

The data: the benchmark's SQLite sample (bench/bench.sqlite3, 100,000 recommendations,
generated if missing) or, with --data demo, the demo data in bench/demo.sqlite3. The run
is bounded in time (--seconds) and in requests (--max-requests), stops by itself, and
always stops gunicorn. It exits non-zero if any request failed.

    python -m bench.load [--data sample|demo] [--clients 50] [--seconds 30]
"""

from __future__ import annotations

import argparse
import sys
from functools import partial

from .serve import (
    BENCH_DIR,
    SAMPLE_SQLITE,
    collectstatic,
    fetch,
    machine_facts,
    manage,
    prepare_sample,
    probe,
    remove_sqlite,
    run_wrk,
    serve,
    sqlite_url,
    stop_on_sigterm,
)

THREADS = 2  # wrk's threads; the 2-core machine also runs the 3 gunicorn workers


def main_pages(found: dict) -> list[str]:
    """Home, meetings list and one meeting, a filtered recommendations list, one
    recommendation, one topic and one organisation."""
    return [
        "/",
        "/meetings/",
        found["meeting"],
        f"/recommendations/?{found['filtered']}",
        found["recommendation"],
        found["topic"],
        found["organisation"],
    ]


def prepare(data: str) -> str:
    """The database to serve, migrated and loaded; returns its URL."""
    if data == "demo":
        database_url = sqlite_url(BENCH_DIR / "demo.sqlite3")
        manage(database_url, "migrate", "--noinput", "-v", "0")
        manage(database_url, "load_demo")
    else:
        database_url = sqlite_url(SAMPLE_SQLITE)
        prepare_sample(database_url, 100_000, 400, partial(remove_sqlite, SAMPLE_SQLITE))
    collectstatic(database_url)
    return database_url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", choices=["sample", "demo"], default="sample")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument(
        "--max-requests", type=int, default=100_000, help="stop after this many responses"
    )
    parser.add_argument(
        "--timeout", type=float, default=60, help="seconds before a request counts as failed"
    )
    args = parser.parse_args()
    stop_on_sigterm()

    facts = machine_facts()
    database_url = prepare(args.data)
    found = probe(database_url)
    pages = main_pages(found)
    print(
        f"{found['published_recommendations']:,} published recommendations; "
        f"{facts['cores']} cores, load {facts['load']}; {facts['date']}."
    )
    with serve(database_url, log=BENCH_DIR / f"gunicorn-load-{args.data}.log") as server:
        broken = [f"{path} → {fetch(server.port, path).status}" for path in pages]
        broken = [line for line in broken if not line.endswith("→ 200")]
        if broken:
            print("Not every page answers 200 before the load:\n  " + "\n  ".join(broken))
        print(
            f"{args.clients} clients for {args.seconds} s on {len(pages)} pages "
            f"(at most {args.max_requests:,} requests):"
        )
        result = run_wrk(
            server,
            pages,
            connections=args.clients,
            threads=THREADS,
            seconds=args.seconds,
            timeout=args.timeout,
            max_per_thread=args.max_requests // THREADS,
        )
    print("  pages: " + ", ".join(pages))
    print(
        f"  {result.requests:,} requests in {result.seconds:.1f} s ({result.rate:.1f}/s); "
        f"errors {result.errors} (non-2xx {result.non2xx}, connection "
        f"{result.connection_errors}, timeouts after {args.timeout:g} s {result.timeouts})"
    )
    print(
        f"  latency p50 {result.p50_ms:.0f} ms, p90 {result.p90_ms:.0f} ms, "
        f"p99 {result.p99_ms:.0f} ms, max {result.max_ms:.0f} ms"
    )
    sys.exit(1 if result.errors or broken else 0)


if __name__ == "__main__":
    main()
