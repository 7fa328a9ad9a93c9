"""`make cluster`: the multi-server deployment of the README, on this one machine.

nginx on a loopback port balances two gunicorn app servers (production settings), which
share PostgreSQL, a Redis of the cluster's own and an S3-compatible server (moto's) holding
the uploaded documents. Each process runs in a process group of its own, recorded in a pid
file under deploy/run/<name>/ (git-ignored), so that `make cluster-stop` stops exactly
those. The cluster starts afresh each time: its database is created anew with the demo data
and a Secretariat account, and the bucket lives in the S3 server's memory.

    python -m deploy.cluster start [--port 8480] [--app-servers 2]
    python -m deploy.cluster add-server    # one more app server, on the running cluster
    python -m deploy.cluster stop

Needs PostgreSQL on 127.0.0.1:5432 (started if not answering, as .ci/run does); installs
nginx and Redis from Debian's packages when missing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.serve import (
    GUNICORN,
    HOST,
    POSTGRES_SERVER,
    PYTHON,
    ROOT,
    create_postgres_database,
    drop_postgres_database,
    ensure_postgres,
    free_port,
    production_env,
)

RUN_ROOT = ROOT / "deploy" / "run"
NGINX_TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
WORKERS = 2  # per app server: two servers on a two-core machine
BUCKET = "dialogue-documents"
REGION = "us-east-1"
STAFF_USERNAME = "secretariat"
# A Secretariat member, as the admin's staff are (README, "Permissions in the back office").
CREATE_STAFF = (
    "import os; from django.contrib.auth import get_user_model; "
    "from django.contrib.auth.models import Group; "
    "user = get_user_model().objects.create_user(os.environ['STAFF_USERNAME'], "
    "password=os.environ['STAFF_PASSWORD'], is_staff=True); "
    "user.groups.add(Group.objects.get(name='Secretariat')); "
    # Staff pass two-factor before the admin: recovery codes, one per sign-in.
    "from django_otp.plugins.otp_static.models import StaticDevice; "
    "device = StaticDevice.objects.create(user=user, name='recovery codes'); "
    "[device.token_set.create(token=code) for code in os.environ['STAFF_CODES'].split(',')]"
)
STAFF_CODE_COUNT = 50  # more than the failover test's sign-ins


@dataclass
class Cluster:
    """What a running cluster is made of; kept in deploy/run/<name>/cluster.json (0600:
    it holds the secret key and the staff password)."""

    name: str
    port: int
    database: str
    app_ports: dict[str, int]
    redis_port: int
    s3_port: int
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(50))
    s3_secret: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    staff_password: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    staff_codes: list[str] = field(
        default_factory=lambda: [secrets.token_hex(5) for _ in range(STAFF_CODE_COUNT)]
    )
    # Process name -> its start time (clock ticks after boot, from /proc): a pid file whose
    # process has ended and whose number was reused names another process, never stopped.
    started: dict[str, int] = field(default_factory=dict)

    @property
    def run_dir(self) -> Path:
        return RUN_ROOT / self.name

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def database_url(self) -> str:
        return f"{POSTGRES_SERVER}/{self.database}"

    @property
    def s3_endpoint(self) -> str:
        return f"http://{HOST}:{self.s3_port}"

    def env(self) -> dict[str, str]:
        """The environment of every app server (README, "Configuration"): one secret key,
        so that a session or form signed by one server is good on the other."""
        env = production_env(self.database_url)
        env.update(
            SECRET_KEY=self.secret_key,
            ALLOWED_HOSTS=f"{HOST},localhost",
            CSRF_TRUSTED_ORIGINS=f"{self.url},http://localhost:{self.port}",
            SITE_URL=self.url,
            NUM_PROXIES="1",  # nginx
            SECURE_SSL_REDIRECT="0",  # plain http on loopback
            REDIS_URL=f"redis://{HOST}:{self.redis_port}/0",
            AWS_STORAGE_BUCKET_NAME=BUCKET,
            AWS_S3_ENDPOINT_URL=self.s3_endpoint,
            AWS_S3_REGION_NAME=REGION,
            AWS_S3_ADDRESSING_STYLE="path",
            AWS_ACCESS_KEY_ID="cluster",
            AWS_SECRET_ACCESS_KEY=self.s3_secret,
            LOG_LEVEL="INFO",
            LOG_FORMAT=os.environ.get("LOG_FORMAT", "text"),
        )
        return env

    def save(self) -> None:
        state = self.run_dir / "cluster.json"
        state.unlink(missing_ok=True)
        with open(state, "x", opener=lambda name, flags: os.open(name, flags, 0o600)) as out:
            json.dump(asdict(self), out, indent=2)

    @classmethod
    def load(cls, name: str) -> Cluster | None:
        state = RUN_ROOT / name / "cluster.json"
        return cls(**json.loads(state.read_text())) if state.exists() else None


# Processes


def start_time(pid: int) -> int | None:
    """When the process started (field 22 of /proc/<pid>/stat), or None if there is none."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[19])


def launch(cluster: Cluster, name: str, command: list[str]) -> subprocess.Popen:
    """Start a process in a session (so a process group) of its own, which outlives this
    script; its output goes to <name>.log and its pid to <name>.pid."""
    with open(cluster.run_dir / f"{name}.log", "ab") as log:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=cluster.env(),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    (cluster.run_dir / f"{name}.pid").write_text(f"{process.pid}\n")
    cluster.started[name] = start_time(process.pid) or 0
    cluster.save()
    return process


def running_pid(cluster: Cluster, name: str) -> int | None:
    """The pid in <name>.pid, if that process is still the one the cluster started."""
    pid_file = cluster.run_dir / f"{name}.pid"
    try:
        pid = int(pid_file.read_text())
    except (OSError, ValueError):
        return None
    return pid if start_time(pid) == cluster.started.get(name) else None


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def stop_process(cluster: Cluster, name: str, sig: signal.Signals = signal.SIGTERM) -> None:
    """Signal the process's whole group (gunicorn's or nginx's workers too), wait for it to
    go, for good after 15 s; then forget its pid file."""
    pid = running_pid(cluster, name)
    if pid is not None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, sig)
        deadline = time.monotonic() + 15
        while group_alive(pid) and time.monotonic() < deadline:
            reap(pid)
            time.sleep(0.1)
        if group_alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            wait_for(f"{name} to end", lambda: reap(pid) or not group_alive(pid), 15)
    (cluster.run_dir / f"{name}.pid").unlink(missing_ok=True)


def reap(pid: int) -> None:
    """Collect the exit of a process this script started (else it lingers as a zombie)."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


# Waiting


def wait_for(what: str, check: Callable[[], object], seconds: float = 60) -> None:
    """Until check() returns something true; any exception meanwhile means not yet."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return
        time.sleep(0.2)
    raise RuntimeError(f"Gave up waiting for {what} after {seconds:.0f} s.")


def answers(url: str, timeout: float = 5) -> bool:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status == 200


# The pieces


def ensure_debian_package(program: str, package: str) -> str:
    found = shutil.which(program) or shutil.which(program, path="/usr/sbin:/sbin")
    if found:
        return found
    print(f"Installing {package} from Debian's packages.")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    install = [*sudo, "apt-get", "install", "-y", "-q", "--no-install-recommends", package]
    if subprocess.run(install, stdout=subprocess.DEVNULL).returncode != 0:
        subprocess.run([*sudo, "apt-get", "update", "-q"], stdout=subprocess.DEVNULL, check=True)
        subprocess.run(install, stdout=subprocess.DEVNULL, check=True)
    # Debian starts a package's own service on installing it (unless policy-rc.d forbids):
    # that one is not the cluster's and is left alone.
    return shutil.which(program, path="/usr/sbin:/usr/bin:/sbin:/bin") or program


def start_s3(cluster: Cluster) -> None:
    import boto3

    launch(cluster, "s3", [PYTHON, "-m", "moto.server", "-H", HOST, "-p", str(cluster.s3_port)])
    client = boto3.client(
        "s3",
        endpoint_url=cluster.s3_endpoint,
        region_name=REGION,
        aws_access_key_id="cluster",
        aws_secret_access_key=cluster.s3_secret,
    )
    wait_for("the S3 server", client.list_buckets)
    # Private, as a new bucket is: no ACL or policy opens it.
    client.create_bucket(Bucket=BUCKET)


def start_redis(cluster: Cluster) -> None:
    import redis

    server = ensure_debian_package("redis-server", "redis-server")
    launch(
        cluster,
        "redis",
        [
            server,
            "--bind", HOST,
            "--port", str(cluster.redis_port),
            "--save", "",
            "--appendonly", "no",
            "--dir", str(cluster.run_dir),
            # The memory policy of README, "Redis memory", at the cluster's scale.
            "--maxmemory", "64mb",
            "--maxmemory-policy", "allkeys-lru",
        ],
    )  # fmt: skip
    wait_for("Redis", redis.Redis(host=HOST, port=cluster.redis_port).ping)


def manage(cluster: Cluster, *args: str, **env: str) -> None:
    """A manage.py command with the app servers' settings, saying only what goes wrong."""
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env={**cluster.env(), "LOG_LEVEL": "WARNING", **env},
        check=True,
        stdout=subprocess.DEVNULL,
    )


def prepare_database(cluster: Cluster) -> None:
    """A new database: migrated, the demo data, the static files, a Secretariat account."""
    ensure_postgres()
    drop_postgres_database(cluster.database)
    create_postgres_database(cluster.database)
    manage(cluster, "migrate", "--noinput")
    manage(cluster, "load_demo")
    manage(cluster, "collectstatic", "--noinput")
    manage(
        cluster,
        "shell",
        "-c",
        CREATE_STAFF,
        STAFF_USERNAME=STAFF_USERNAME,
        STAFF_PASSWORD=cluster.staff_password,
        STAFF_CODES=",".join(cluster.staff_codes),
    )


def start_app_server(cluster: Cluster, name: str) -> None:
    port = cluster.app_ports[name]
    launch(
        cluster,
        name,
        [
            GUNICORN, "dialogue_platform.wsgi",
            "--bind", f"{HOST}:{port}",
            "--workers", str(WORKERS),
            "--worker-class", "dialogue_platform.gunicorn_worker.WholeResponseWorker",
            # The app logs each request itself (core/logs.py).
            "--error-logfile", "-",
            # On SIGTERM, requests under way are finished before the workers stop.
            "--graceful-timeout", "10",
            # The control socket's default path is shared by every gunicorn of the user.
            "--no-control-socket",
        ],
    )  # fmt: skip
    # Ready: the server reaches the database, Redis and the bucket (/readyz).
    wait_for(f"app server {name} to be ready", lambda: answers(f"http://{HOST}:{port}/readyz"))


def nginx_command(cluster: Cluster) -> list[str]:
    """nginx with the cluster's configuration, written afresh from the template for the
    app servers the cluster has now, and checked."""
    nginx = ensure_debian_package("nginx", "nginx")
    servers = "\n".join(
        f"        server {HOST}:{port} max_fails=1 fail_timeout=5s;"
        for port in cluster.app_ports.values()
    )
    config = (
        NGINX_TEMPLATE.read_text()
        .replace("@RUN@", str(cluster.run_dir))
        .replace("@SERVERS@", servers)
        .replace("@HOST@", HOST)
        .replace("@PORT@", str(cluster.port))
    )
    (cluster.run_dir / "nginx").mkdir(exist_ok=True)
    conf = cluster.run_dir / "nginx.conf"
    conf.write_text(config)
    error_log = str(cluster.run_dir / "nginx-error.log")
    command = [nginx, "-c", str(conf), "-p", str(cluster.run_dir), "-e", error_log]
    subprocess.run([*command, "-t", "-q"], check=True)
    return command


def start_nginx(cluster: Cluster) -> None:
    launch(cluster, "nginx", nginx_command(cluster))
    wait_for("nginx", lambda: answers(f"{cluster.url}/healthz"))


def add_app_server(cluster: Cluster) -> str:
    """README, "A third app server", on the running cluster: start one more app server
    with the same environment, wait until it is ready, then add it to the balancer, whose
    reload lets requests under way finish."""
    name = f"app{len(cluster.app_ports) + 1}"
    cluster.app_ports[name] = free_port()
    cluster.save()
    start_app_server(cluster, name)
    subprocess.run([*nginx_command(cluster), "-s", "reload"], check=True)
    return name


# The cluster


def start(name: str, port: int, app_servers: int = 2, *, replace: bool = False) -> Cluster:
    """Start every piece, or, if one fails, stop those already started and raise. A cluster
    of this name still running is refused, or with `replace` stopped first (what a run of
    the failover test that was itself killed left behind)."""
    previous = Cluster.load(name)
    if previous and any(running_pid(previous, p) for p in previous.started):
        if not replace:
            raise SystemExit("A cluster is already running here: make cluster-stop stops it.")
        stop(previous)
    run_dir = RUN_ROOT / name
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True)
    cluster = Cluster(
        name=name,
        port=port or free_port(),
        database="dialogue_cluster" if name == "cluster" else f"dialogue_cluster_{name}",
        app_ports={f"app{n}": free_port() for n in range(1, app_servers + 1)},
        redis_port=free_port(),
        s3_port=free_port(),
    )
    cluster.save()
    try:
        start_s3(cluster)
        start_redis(cluster)
        prepare_database(cluster)
        for server in cluster.app_ports:
            start_app_server(cluster, server)
        start_nginx(cluster)
    except BaseException:
        stop(cluster)
        raise
    return cluster


def stop(cluster: Cluster) -> None:
    """Stop every process of the cluster, the balancer first, and drop its database: the
    bucket it referred to lived in the S3 server's memory."""
    for name in ("nginx", *cluster.app_ports, "redis", "s3"):
        stop_process(cluster, name)
    with contextlib.suppress(Exception):
        drop_postgres_database(cluster.database)
    # The logs stay for reading; the state with its keys and password goes.
    (cluster.run_dir / "cluster.json").unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["start", "stop", "add-server"])
    parser.add_argument("--port", type=int, default=8480, help="nginx's port (0: any free one)")
    parser.add_argument("--app-servers", type=int, default=2, help="how many app servers")
    parser.add_argument("--name", default="cluster", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.action in ("stop", "add-server"):
        cluster = Cluster.load(args.name)
        if cluster is None:
            print("No cluster is running.")
            return
        if args.action == "add-server":
            name = add_app_server(cluster)
            print(f"App server {name} on port {cluster.app_ports[name]} is behind nginx.")
        else:
            stop(cluster)
            print("Cluster stopped.")
        return
    cluster = start(args.name, args.port, args.app_servers)
    print(
        f"Cluster up on {cluster.url}/ : nginx before app servers on ports "
        f"{', '.join(map(str, cluster.app_ports.values()))}, PostgreSQL database "
        f"{cluster.database}, Redis on port {cluster.redis_port}, S3 (moto) at "
        f"{cluster.s3_endpoint}, bucket {BUCKET}.\n"
        f"Admin: {cluster.url}/admin/ as {STAFF_USERNAME!r}, password "
        f"{cluster.staff_password!r}, two-factor recovery code "
        f"{cluster.staff_codes[-1]!r} (the others are in cluster.json).\n"
        f"Logs in {cluster.run_dir.relative_to(ROOT)}/; stop it with make cluster-stop."
    )


if __name__ == "__main__":
    sys.exit(main())
