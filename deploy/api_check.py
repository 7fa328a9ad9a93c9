"""`make api-check`: schemathesis against the running API, as CI runs it.

Serves the app with gunicorn under production settings on a free loopback port (bench/
serve.py), on a fresh database with the demo data (SQLite in a temporary folder, or, with
`--backend postgres`, the PostgreSQL database dialogue_api_check or the one
`--postgres-database` names, dropped at the end), and
runs schemathesis over every operation of /api/v1/schema/: no server error, and every
response as the schema describes it. Exits with schemathesis's status; the server is
stopped however it ends.

    python -m deploy.api_check [--backend sqlite|postgres] [--postgres-database NAME]
                               [--examples 20]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.serve import (
    POSTGRES_SERVER,
    PROXY_HEADERS,
    collectstatic,
    create_postgres_database,
    drop_postgres_database,
    ensure_postgres,
    manage,
    serve,
    sqlite_url,
)

DATABASE = "dialogue_api_check"
SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))
CHECKS = "not_a_server_error,response_schema_conformance,content_type_conformance"


def run(database_url: str, examples: int) -> int:
    manage(database_url, "migrate", "--noinput", "-v", "0")
    manage(database_url, "load_demo", quiet=True)
    collectstatic(database_url)  # the error pages' stylesheet, as in production
    # Schemathesis sends thousands of requests from one address: the throttle is not
    # what is being checked.
    os.environ["API_THROTTLE_RATE"] = "1000000/minute"
    with serve(
        database_url, workers=2, log=Path(tempfile.gettempdir()) / "api-check.log"
    ) as server:
        headers = [
            arg for name, value in PROXY_HEADERS.items() for arg in ("-H", f"{name}: {value}")
        ]
        command = [
            SCHEMATHESIS, "run", server.url("/api/v1/schema/"), "--url", server.url("").rstrip("/"),
            "--checks", CHECKS, "--max-examples", str(examples), "--workers", "2",
            "--generation-database", "none", "--no-color", "--seed", "1", *headers,
        ]  # fmt: skip
        return subprocess.run(command).returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--postgres-database", default=DATABASE, help="created, and dropped at the end"
    )
    parser.add_argument("--examples", type=int, default=20, help="examples per operation")
    args = parser.parse_args()
    if args.backend == "postgres":
        database = args.postgres_database
        ensure_postgres()
        drop_postgres_database(database)
        create_postgres_database(database)
        try:
            status = run(f"{POSTGRES_SERVER}/{database}", args.examples)
        finally:
            drop_postgres_database(database)
    else:
        with tempfile.TemporaryDirectory() as folder:
            status = run(sqlite_url(Path(folder) / "api-check.sqlite3"), args.examples)
    sys.exit(status)


if __name__ == "__main__":
    main()
