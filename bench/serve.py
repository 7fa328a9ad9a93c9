"""What the benchmark and the load script share: preparing a database, serving the app
with gunicorn under production settings on a free loopback port, and driving it with wrk.

Everything here talks to 127.0.0.1 only. The server is always stopped by the `serve()`
context manager, on success, on failure and on Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
HOST = "127.0.0.1"  # loopback only: nothing here ever sends to another address
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
WORKERS = 3
# What the TLS-terminating reverse proxy in front of gunicorn adds in production; without
# it the production settings answer every plain-http request with a redirect to https.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
POSTGRES_SERVER = f"postgres://postgres@{HOST}:5432"
REPORT_SCRIPT = BENCH_DIR / "report.lua"
SAMPLE_SQLITE = BENCH_DIR / "bench.sqlite3"  # the sample data set on SQLite (git-ignored)


def stop_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so `finally` blocks (stopping gunicorn) still run."""

    def exit_now(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, exit_now)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def remove_sqlite(path: Path) -> None:
    """Delete an SQLite database with its -wal and -shm files."""
    for leftover in path.parent.glob(f"{path.name}*"):
        leftover.unlink()


def production_env(database_url: str) -> dict[str, str]:
    """Production settings: debug off, a fresh random secret key, loopback hosts only."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},localhost",
        NUM_PROXIES="0",  # wrk connects to gunicorn directly
        DATABASE_URL=database_url,
        # Warnings and errors only: an access log line per request would cost throughput.
        LOG_LEVEL="WARNING",
    )
    # wrk drives the API from one address: its throttle is not what is measured.
    env.setdefault("API_THROTTLE_RATE", "100000000/minute")
    return env


def manage(database_url: str, *args: str, quiet: bool = False) -> str:
    """Run a manage.py command (or `-m module`) under production settings; returns stdout."""
    command = [PYTHON, *args] if args[0] == "-m" else [PYTHON, "manage.py", *args]
    result = subprocess.run(
        command,
        cwd=ROOT,
        env=production_env(database_url),
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    if not quiet and result.stdout.strip():
        print(result.stdout.rstrip())
    return result.stdout


# PostgreSQL


def ensure_postgres() -> None:
    """Start the local cluster if it is not answering, as .ci/run does."""
    ready = ["pg_isready", "-q", "-h", HOST, "-p", "5432"]
    if subprocess.run(ready).returncode == 0:
        return
    print("PostgreSQL is not answering; starting it.")
    version = sorted(os.listdir("/etc/postgresql"))[0]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=True
    )
    for _ in range(30):
        if subprocess.run(ready).returncode == 0:
            return
        time.sleep(1)
    raise RuntimeError("PostgreSQL did not start within 30 seconds.")


def postgres_admin(sql: str, *params: str) -> list[tuple]:
    """Run one statement on the server's maintenance database (outside a transaction, as
    CREATE/DROP DATABASE need)."""
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        cursor = connection.execute(sql, params or None)
        return cursor.fetchall() if cursor.description else []


def postgres_database_exists(name: str) -> bool:
    return bool(postgres_admin("SELECT 1 FROM pg_database WHERE datname = %s", name))


def create_postgres_database(name: str) -> None:
    if not postgres_database_exists(name):
        postgres_admin(f'CREATE DATABASE "{name}"')


def drop_postgres_database(name: str) -> None:
    postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# The data set


def probe(database_url: str, seed: int = 0) -> dict:
    """What the database holds, and the records and filters to measure (bench/probe.py)."""
    return json.loads(manage(database_url, "-m", "bench.probe", "--seed", str(seed), quiet=True))


def prepare_sample(
    database_url: str, recommendations: int, meetings: int, reset: Callable[[], None]
) -> dict:
    """Migrate, then generate the sample unless the database already holds exactly it (so
    a rerun is quick). A database holding anything else is emptied with `reset` first:
    starting afresh is quicker than deleting 100,000 records one by one, as the audit
    history's signals make `bench.generate_sample --clear` do. Returns the probe's findings."""
    manage(database_url, "migrate", "--noinput", "-v", "0")
    found = probe(database_url)
    wanted = (recommendations, meetings, 0)
    held = (found["sample_recommendations"], found["sample_meetings"])
    if (*held, found["other_recommendations"]) == wanted:
        print(f"Reusing the sample data set ({recommendations:,} recommendations).")
        return found
    if any(held) or found["other_recommendations"]:
        print("The database holds other data; starting it afresh.")
        reset()
        manage(database_url, "migrate", "--noinput", "-v", "0")
    started = time.perf_counter()
    manage(
        database_url,
        "-m",
        "bench.generate_sample",
        "--recommendations",
        str(recommendations),
        "--meetings",
        str(meetings),
    )
    print(f"Generated in {time.perf_counter() - started:.1f} s (including start-up).")
    # Nothing served the database before the sample, so no facet index needs its change
    # log; left, its 500,000 fresh rows would have each worker re-read them after every
    # write for the next ten minutes, as after a real bulk import (facet_index.WINDOW),
    # where the benchmark measures an edit on a settled record.
    # And on PostgreSQL, the planner's statistics of the new rows, which autovacuum would
    # gather within minutes of a real bulk load; without them it misjudges the list's
    # filters (a page in 290 ms instead of 80 ms under load).
    manage(
        database_url, "shell", "--no-imports", "-c",
        "from django.db import connection\n"
        "from recommendations.models import RecommendationChange\n"
        "RecommendationChange.objects.all().delete()\n"
        "if connection.vendor == 'postgresql':\n"
        "    connection.cursor().execute('ANALYZE')",
    )  # fmt: skip
    return probe(database_url)


def collectstatic(database_url: str) -> None:
    manage(database_url, "collectstatic", "--noinput", "-v", "0")


# The server


def free_port() -> int:
    """A port on the loopback interface that nothing listens on now."""
    with socket.socket() as probe_socket:
        probe_socket.bind((HOST, 0))
        return probe_socket.getsockname()[1]


@dataclass
class Response:
    status: int
    body: bytes
    seconds: float
    headers: dict[str, str]


def fetch(port: int, path: str, timeout: float = 60) -> Response:
    """One GET from loopback, as the reverse proxy would pass it on; redirects are not
    followed (a redirect is a finding, not a page)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    started = time.perf_counter()
    try:
        connection.request("GET", path, headers=PROXY_HEADERS)
        response = connection.getresponse()
        body = response.read()
        return Response(
            response.status, body, time.perf_counter() - started, dict(response.getheaders())
        )
    finally:
        connection.close()


def try_fetch(port: int, path: str, timeout: float = 60) -> tuple[Response | None, str]:
    """`fetch`, or None and what went wrong: a worker killed for taking longer than
    gunicorn's timeout closes the connection without an answer."""
    try:
        response = fetch(port, path, timeout)
    except (OSError, http.client.HTTPException) as error:
        return None, f"no answer ({type(error).__name__})"
    if response.status != 200:
        return response, f"answered {response.status}"
    return response, ""


def cpu_ticks(pid: int) -> int:
    """User plus system CPU time a process has used, in clock ticks (0 once it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def process_children(pid: int) -> list[int]:
    """Process ids whose parent is `pid` (gunicorn's workers), read from /proc."""
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue  # the process ended meanwhile
        # The command name in parentheses may hold spaces: the fields after it are fixed.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            children.append(int(entry))
    return children


def rss_kib(pid: int) -> int:
    """Resident memory of a process, in KiB (0 once it has gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class Server:
    """A running gunicorn master on 127.0.0.1:port."""

    process: subprocess.Popen
    port: int
    workers: int

    def url(self, path: str = "/") -> str:
        return f"http://{HOST}:{self.port}{path}"

    def worker_pids(self) -> list[int]:
        return process_children(self.process.pid)

    def wait_idle(self, seconds: float = 60) -> None:
        """Wait until no worker uses CPU: a sync worker finishes a request whose client
        has gone, so a slow page's last requests would otherwise run into the next
        measurement."""
        deadline = time.monotonic() + seconds
        before = {pid: cpu_ticks(pid) for pid in self.worker_pids()}
        while time.monotonic() < deadline:
            time.sleep(0.3)
            now = {pid: cpu_ticks(pid) for pid in self.worker_pids()}
            if now == before:
                return
            before = now


@contextlib.contextmanager
def serve(
    database_url: str, *, workers: int = WORKERS, log: Path | None = None
) -> Iterator[Server]:
    """Serve the app with gunicorn (sync workers, production settings) until the block
    ends, however it ends."""
    port = free_port()
    log = log or BENCH_DIR / "gunicorn.log"
    command = [
        GUNICORN,
        "dialogue_platform.wsgi",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--error-logfile",
        str(log),
        "--graceful-timeout",
        "5",
        # The control socket's default path is shared by every gunicorn of the user.
        "--no-control-socket",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=production_env(database_url))
    server = Server(process, port, workers)
    try:
        wait_until_ready(server)
        yield server
    finally:
        stop(process)


def wait_until_ready(server: Server, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.process.returncode}; see its log.")
        with contextlib.suppress(OSError):
            answered = fetch(server.port, "/robots.txt", timeout=5).status == 200
            # Every worker is up once the master has forked them all.
            if answered and len(server.worker_pids()) >= server.workers:
                return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer on {server.url()} within {seconds:.0f} s.")


def stop(process: subprocess.Popen) -> None:
    """Stop gunicorn gracefully, then for good."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# The load generator


def ensure_wrk() -> str:
    """wrk from Debian's packages, installed when missing (this needs root)."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        raise RuntimeError("wrk is missing: install it with `sudo apt-get install -y wrk`.")
    print("Installing wrk from Debian's packages.")
    install = ["apt-get", "install", "-y", "-q", "wrk"]
    if subprocess.run(install, stdout=subprocess.DEVNULL).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], stdout=subprocess.DEVNULL, check=True)
        subprocess.run(install, stdout=subprocess.DEVNULL, check=True)
    return shutil.which("wrk") or "wrk"


@dataclass
class LoadResult:
    """wrk's figures for one run (latencies in milliseconds)."""

    requests: int
    seconds: float
    non2xx: int
    connection_errors: int
    timeouts: int
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> int:
        return self.non2xx + self.connection_errors + self.timeouts


def run_wrk(
    server: Server,
    paths: list[str],
    *,
    connections: int,
    seconds: int,
    threads: int = 1,
    timeout: float = 10,
    max_per_thread: int = 0,
    headers: dict[str, str] | None = None,
    status: int | None = None,
) -> LoadResult:
    """Drive the server from loopback for `seconds`, rotating through `paths`, with
    `headers` besides the proxy's; `status`: the one status expected, not any 2xx."""
    sent = {**PROXY_HEADERS, **(headers or {})}
    command = [
        ensure_wrk(),
        "--threads",
        str(threads),
        "--connections",
        str(connections),
        "--duration",
        f"{seconds}s",
        "--timeout",
        f"{timeout:g}s",
        "--script",
        str(REPORT_SCRIPT),
        *(arg for name, value in sent.items() for arg in ("--header", f"{name}: {value}")),
        server.url(paths[0]),
        "--",
        *paths,
        *([f"max={max_per_thread}"] if max_per_thread else []),
        *([f"status={status}"] if status else []),
    ]
    # wrk stops by itself after `seconds`; the extra margin only guards against a hang.
    output = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=seconds + 60
    ).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    return LoadResult(
        requests=figures["requests"],
        seconds=figures["duration_us"] / 1e6,
        non2xx=figures["non2xx"],
        connection_errors=(
            figures["connect_errors"] + figures["read_errors"] + figures["write_errors"]
        ),
        timeouts=figures["timeouts"],
        p50_ms=figures["p50_us"] / 1000,
        p90_ms=figures["p90_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000,
        max_ms=figures["max_us"] / 1000,
    )


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: other work on the machine lowers the figures."""
    return " / ".join(f"{n:.2f}" for n in os.getloadavg())


def machine_facts() -> dict[str, str]:
    """What a reader needs to compare runs: cores, load before the run, date, versions."""
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    wrk_version = subprocess.run([ensure_wrk(), "--version"], capture_output=True, text=True)
    return {
        "cores": str(os.cpu_count()),
        "load": load_average(),
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "commit": commit or "unknown",
        "python": sys.version.split()[0],
        "wrk": (wrk_version.stdout or wrk_version.stderr).split("[")[0].strip(),
        "cache": "Redis (REDIS_URL)" if os.environ.get("REDIS_URL") else "in-process (default)",
    }
