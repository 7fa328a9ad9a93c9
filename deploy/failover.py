"""`make failover`: the cluster keeps serving while it loses an app server and its Redis.

Starts a cluster of its own (deploy/cluster.py, database dialogue_cluster_failover), uploads
a document through the admin, then for 30 seconds holds 50 clients on nginx: 47 readers over
public pages, searches, exports and the document's download, and 3 staff sessions each
saving an agenda item again and again, every save a new unique outcome, and after each save
answered as successful reading the meeting's public page, which must show it. Meanwhile app
server 1 is killed (SIGKILL, its workers with it) and started again, and Redis restarted.

It passes when no public request failed (every answer 200, whole, with the expected body),
every save answered as successful is in the database (the agenda item's audit history) and
was shown by the public page read right after it, and prints the figures. A save whose
answer was lost with its server (502, or none) may or may not have been made: nginx never
sends a POST to a second server, so it was made at most once. Exits 1 on any failure; stops
the cluster however it ends.

    python -m deploy.failover [--seconds 30] [--clients 50]
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import random
import signal
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode

import psycopg

from bench.serve import HOST, stop_on_sigterm

from .cluster import BUCKET, STAFF_USERNAME, Cluster, start, start_app_server, start_redis, stop
from .cluster import stop_process as stop_cluster_process

STAFF_CLIENTS = 3
TIMEOUT = 30  # seconds before a request counts as unanswered
MAX_REQUESTS_PER_CLIENT = 20_000  # a bound on each loop, whatever the machine's speed
# When the trouble comes, as shares of the run (of 30 s: at 6, 12 and 20 s).
KILL_AT, RESTART_AT, REDIS_AT = 0.2, 0.4, 0.67
# A small but real PDF, padded so that a download is more than one network packet.
DOCUMENT = b"%PDF-1.4\n1 0 obj<<>>endobj\n" + b"% failover test padding\n" * 2000 + b"%%EOF\n"


class Unanswered(Exception):
    """No whole answer: the connection failed, timed out or closed mid-response."""


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    seconds: float


class Client:
    """One client's keep-alive connection to nginx and, for staff, its cookies. Cookies are
    kept by hand: production settings mark them Secure, and this speaks http on loopback."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection: http.client.HTTPConnection | None = None
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, body: bytes | None = None, content_type: str = ""
    ) -> Answer:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if content_type:
            headers["Content-Type"] = content_type
        started = time.perf_counter()
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=TIMEOUT)
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            content = response.read()  # raises IncompleteRead on an answer cut short
        except (OSError, http.client.HTTPException) as error:
            if self.connection is not None:
                self.connection.close()
            self.connection = None
            raise Unanswered(f"{method} {path}: {type(error).__name__} {error}") from None
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, value = header.split(";", 1)[0].partition("=")
            self.cookies[name.strip()] = value.strip()
        return Answer(response.status, response.headers, content, time.perf_counter() - started)


class FormReader(HTMLParser):
    """The fields a browser would submit from the form with this id, as they are."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.select: str | None = None
        self.textarea: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        kind = a.get("type", "text")
        if tag == "input" and a.get("name") and kind not in {"submit", "button", "file", "reset"}:
            if kind not in {"checkbox", "radio"}:
                self.fields.append((a["name"], a.get("value", "")))
            elif "checked" in a:
                self.fields.append((a["name"], a.get("value", "on")))
        elif tag == "select":
            self.select = a.get("name")
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append((self.select, a.get("value", "")))
        elif tag == "textarea":
            self.textarea, self.text = a.get("name"), []

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            # Browsers drop the newline that opens a textarea's content; so must we.
            self.fields.append((self.textarea, "".join(self.text).removeprefix("\n")))
            self.textarea = None

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.text.append(data)


def form_fields(page: bytes, form_id: str) -> list[tuple[str, str]]:
    reader = FormReader(form_id)
    reader.feed(page.decode())
    if not reader.fields:
        raise RuntimeError(f"No form {form_id!r} on the page.")
    return reader.fields


def replaced(fields: list[tuple[str, str]], **values: str) -> list[tuple[str, str]]:
    kept = [(k, v) for k, v in fields if k not in values]
    return kept + list(values.items())


def multipart(
    fields: list[tuple[str, str]], file_field: str, name: str, data: bytes
) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
        f'filename="{name}"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
        + data
        + b"\r\n"
    )
    return b"".join(
        parts
    ) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


SIGN_INS = itertools.count()  # each sign-in uses the next recovery code


def sign_in(cluster: Cluster) -> Client:
    staff = Client(cluster.port)
    page = staff.request("GET", "/admin/login/?next=/admin/")
    fields = replaced(
        form_fields(page.body, "login-form"),
        username=STAFF_USERNAME,
        password=cluster.staff_password,
    )
    answer = staff.request(
        "POST", "/admin/login/", urlencode(fields).encode(), "application/x-www-form-urlencoded"
    )
    if answer.status != 302:
        raise RuntimeError(f"Signing in answered {answer.status}.")
    # Then two-factor, as every staff member passes it, with a recovery code of its own.
    verify = "/workspace/two-factor/verify/?next=/admin/"
    fields = replaced(
        form_fields(staff.request("GET", verify).body, "two-factor-form"),
        code=cluster.staff_codes[next(SIGN_INS)],
    )
    answer = staff.request(
        "POST", verify, urlencode(fields).encode(), "application/x-www-form-urlencoded"
    )
    if answer.status != 302:
        raise RuntimeError(f"Two-factor answered {answer.status}.")
    return staff


# Setting the scene


@dataclass
class Scene:
    public_paths: list[str]
    document_id: int
    meeting_path: str
    agenda_items: list[int]
    staff: list[Client]  # a signed-in session for each agenda item's editor


def query(cluster: Cluster, sql: str, *params: object) -> list[tuple]:
    with psycopg.connect(cluster.database_url) as connection:
        return connection.execute(sql, params).fetchall()


def set_scene(cluster: Cluster) -> Scene:
    """Upload a published document through the admin (to app server 1 or 2, whichever
    nginx picks), check both servers serve it, and find what the clients will ask for."""
    staff = sign_in(cluster)
    add = "/admin/meetings/document/add/"
    fields = replaced(
        form_fields(staff.request("GET", add).body, "document_form"),
        title_en="Failover test report",
        kind="analytical_report",
        language="en",
        is_published="on",
        _save="Save",
    )
    body, content_type = multipart(fields, "file", "report.pdf", DOCUMENT)
    answer = staff.request("POST", add, body, content_type)
    if answer.status != 302:
        raise RuntimeError(f"Uploading the document answered {answer.status}.")
    [(document_id, stored_name)] = query(
        cluster, "SELECT id, file FROM meetings_document WHERE file <> ''"
    )
    for server, port in cluster.app_ports.items():
        download = f"http://{HOST}:{port}/documents/{document_id}/download"
        with urllib.request.urlopen(download, timeout=10) as response:
            if response.read() != DOCUMENT:
                raise RuntimeError(f"App server {server} does not serve the uploaded file.")
    # The bucket itself refuses it to anyone without the keys.
    try:
        urllib.request.urlopen(f"{cluster.s3_endpoint}/{BUCKET}/{stored_name}", timeout=10)
        raise RuntimeError("The bucket serves the document to anyone.")
    except urllib.error.HTTPError as refused:
        if refused.code != 403:
            raise
    [(meeting_id, slug)] = query(
        cluster, "SELECT id, slug FROM meetings_meeting WHERE is_published ORDER BY date LIMIT 1"
    )
    agenda_items = [
        pk
        for (pk,) in query(
            cluster,
            'SELECT id FROM meetings_agendaitem WHERE meeting_id = %s ORDER BY "order"',
            meeting_id,
        )
    ]
    [(reference,)] = query(
        cluster,
        "SELECT reference FROM recommendations_recommendation WHERE is_published "
        "ORDER BY reference LIMIT 1",
    )
    [(topic,)] = query(cluster, "SELECT slug FROM meetings_topic ORDER BY slug LIMIT 1")
    [(organisation,)] = query(
        cluster, "SELECT slug FROM meetings_organisation ORDER BY slug LIMIT 1"
    )
    paths = [
        "/",
        "/meetings/",
        f"/meetings/{slug}/",
        "/ru/meetings/",
        "/recommendations/",
        "/recommendations/?status=in_progress&sort=oldest",
        f"/recommendations/{reference}/",
        f"/topics/{topic}/",
        f"/organisations/{organisation}/",
        "/documents/",
        f"/documents/{document_id}/",
        f"/documents/{document_id}/download",
        "/search/?q=torture",
        "/kk/search/?q=women",
        "/recommendations/?q=prevention",
        "/recommendations/export.csv?status=in_progress",
        "/recommendations/export.json",
        "/meetings/feed/",
    ]
    agenda_items = agenda_items[:STAFF_CLIENTS]
    editors = [sign_in(cluster) for _ in agenda_items]
    return Scene(paths, document_id, f"/meetings/{slug}/", agenda_items, editors)


# The load


@dataclass
class Results:
    """What every client saw, appended to from many threads (list.append is atomic)."""

    public_seconds: list[float] = field(default_factory=list)
    save_seconds: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    saved: dict[int, list[str]] = field(default_factory=dict)  # agenda item -> outcomes
    unanswered_saves: dict[int, list[str]] = field(default_factory=dict)
    reads_after_save: list[float] = field(default_factory=list)  # seconds each
    events: list[str] = field(default_factory=list)
    app1_back_at: float = 0.0  # wall-clock time app server 1 was ready again
    started: float = field(default_factory=time.monotonic)

    def fail(self, what: str) -> None:
        """A failure, with when it was seen, to set beside the events."""
        self.failures.append(f"at {time.monotonic() - self.started:4.1f} s: {what}")


def well_formed(path: str, body: bytes) -> bool:
    """The body a whole answer to this path has."""
    if path.endswith("/download"):
        return body == DOCUMENT
    if "export.json" in path:
        try:
            return isinstance(json.loads(body), list)
        except ValueError:
            return False
    if "export.csv" in path:
        return body.startswith("\ufeff".encode()) and body.endswith(b"\r\n")
    return len(body) > 0


def reader(cluster: Cluster, scene: Scene, deadline: float, results: Results) -> None:
    client = Client(cluster.port)
    paths = scene.public_paths[:]
    random.shuffle(paths)  # clients start at different pages
    for n in range(MAX_REQUESTS_PER_CLIENT):
        if time.monotonic() >= deadline:
            return
        path = paths[n % len(paths)]
        try:
            answer = client.request("GET", path)
        except Unanswered as error:
            results.fail(f"public {error}")
            continue
        results.public_seconds.append(answer.seconds)
        if answer.status != 200 or not well_formed(path, answer.body):
            results.fail(f"public GET {path}: {answer.status}")


def editor(
    cluster: Cluster, scene: Scene, staff: Client, item: int, deadline: float, results: Results
) -> None:
    """Save the agenda item's outcome, each time anew, and read it back on the public page."""
    change = f"/admin/meetings/agendaitem/{item}/change/"
    run = uuid.uuid4().hex[:8]
    saved = results.saved.setdefault(item, [])
    unanswered = results.unanswered_saves.setdefault(item, [])
    public = Client(cluster.port)
    for n in range(MAX_REQUESTS_PER_CLIENT):
        if time.monotonic() >= deadline:
            return
        try:
            page = staff.request("GET", change)
        except Unanswered as error:
            results.fail(f"admin {error}")
            continue
        if page.status != 200:
            results.fail(f"admin GET {change}: {page.status}")
            continue
        outcome = f"Outcome{run}x{item}x{n}"
        fields = replaced(
            form_fields(page.body, "agendaitem_form"), outcome_en=outcome, _save="Save"
        )
        try:
            answer = staff.request(
                "POST", change, urlencode(fields).encode(), "application/x-www-form-urlencoded"
            )
        except Unanswered:
            unanswered.append(outcome)  # its server was lost: made or not, at most once
            continue
        if answer.status in (502, 504):
            unanswered.append(outcome)
            continue
        if answer.status != 302:
            results.fail(f"admin save answered {answer.status}")
            continue
        results.save_seconds.append(answer.seconds)
        saved.append(outcome)
        # Whichever server answers, the public page shows the save at once.
        try:
            shown = public.request("GET", scene.meeting_path)
        except Unanswered as error:
            results.fail(f"public read after a save: {error}")
            continue
        results.reads_after_save.append(shown.seconds)
        results.public_seconds.append(shown.seconds)
        if shown.status != 200 or outcome.encode() not in shown.body:
            results.fail(f"stale: {scene.meeting_path} ({shown.status}) lacks {outcome}")


def trouble(cluster: Cluster, started: float, seconds: float, results: Results) -> None:
    """Kill app server 1 outright, start it again, then restart Redis."""

    def at(share: float, what: str, action: Callable[[], None]) -> None:
        time.sleep(max(0.0, started + share * seconds - time.monotonic()))
        begun = time.monotonic() - started
        action()
        results.events.append(
            f"{what} at {begun:.1f} s (done at {time.monotonic() - started:.1f} s)"
        )

    at(
        KILL_AT,
        "app1 killed (SIGKILL)",
        lambda: stop_cluster_process(cluster, "app1", signal.SIGKILL),
    )

    def restart_app1() -> None:
        start_app_server(cluster, "app1")
        results.app1_back_at = time.time()

    at(RESTART_AT, "app1 started again and ready", restart_app1)

    def restart_redis() -> None:
        stop_cluster_process(cluster, "redis")
        start_redis(cluster)

    at(REDIS_AT, "Redis restarted", restart_redis)


def guarded(results: Results, target: Callable[..., None], *args: object) -> threading.Thread:
    """A thread whose unexpected end (a page without its form, say) is a failure, not
    merely a traceback while the others carry on."""

    def run() -> None:
        try:
            target(*args)
        except Exception as error:
            results.fail(f"{target.__name__} stopped: {type(error).__name__} {error}")
            raise

    return threading.Thread(target=run, name=target.__name__)


def percentile(values: list[float], share: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def save_number(outcome: str) -> int:
    """The n of Outcome<run>x<item>x<n>: which save came later."""
    return int(outcome.rsplit("x", 1)[1])


def check_database(cluster: Cluster, results: Results) -> None:
    """Every save answered as successful is in the audit history; each record holds its
    last one, or a later save whose answer was lost."""
    for item, outcomes in results.saved.items():
        history = query(
            cluster, "SELECT outcome_en FROM meetings_historicalagendaitem WHERE id = %s", item
        )
        stored = {outcome for (outcome,) in history}
        for outcome in outcomes:
            if outcome not in stored:
                results.fail(f"lost save: agenda item {item} never held {outcome}")
        if not outcomes:
            continue
        [(current,)] = query(
            cluster, "SELECT outcome_en FROM meetings_agendaitem WHERE id = %s", item
        )
        last = save_number(outcomes[-1])
        possible = {outcomes[-1]} | {
            o for o in results.unanswered_saves[item] if save_number(o) > last
        }
        if current not in possible:
            results.fail(f"agenda item {item} holds {current!r}, not its last save")


def check_balancer(cluster: Cluster, results: Results) -> tuple[int, int]:
    """From nginx's log: how many requests it sent on to the other server after the first
    failed, and how many app server 1 answered once back (it must rejoin the rotation)."""
    app1 = f"{HOST}:{cluster.app_ports['app1']}"
    retried = answered_by_app1 = 0
    for line in (cluster.run_dir / "nginx-access.log").read_text().splitlines():
        upstreams = line.split(" upstream=", 1)[1].split(" status=", 1)[0].split(", ")
        retried += len(upstreams) > 1
        at = float(line.rsplit(" at=", 1)[1])
        answered_by_app1 += upstreams[-1] == app1 and at > results.app1_back_at
    if not answered_by_app1:
        results.fail("app server 1 answered nothing after its restart")
    return retried, answered_by_app1


def report(results: Results, seconds: float, clients: int, balancer: tuple[int, int]) -> None:
    public, saves = results.public_seconds, results.save_seconds
    saved = sum(len(v) for v in results.saved.values())
    unanswered = sum(len(v) for v in results.unanswered_saves.values())
    total = len(public) + len(saves) + saved + unanswered  # saves: the change page and the POST
    print(f"{clients} clients for {seconds:.0f} s through nginx:")
    for event in results.events:
        print(f"  {event}")
    print(
        f"  public requests: {len(public):,}, failed {sum(': public' in f for f in results.failures)}; "
        f"p50 {percentile(public, 0.5) * 1000:.0f} ms, p99 {percentile(public, 0.99) * 1000:.0f} ms"
    )
    print(
        f"  admin saves answered as saved: {saved:,} (p50 {percentile(saves, 0.5) * 1000:.0f} ms, "
        f"p99 {percentile(saves, 0.99) * 1000:.0f} ms); answer lost with the server: {unanswered}; "
        f"public reads right after a save: {len(results.reads_after_save):,}"
    )
    print(f"  about {total:,} requests in all, {total / seconds:,.0f}/s")
    print(
        f"  nginx sent {balancer[0]} requests on to the other server when the first failed; "
        f"app1 answered {balancer[1]:,} once back"
    )
    if results.failures:
        print(f"FAILED: {len(results.failures)} failures; the first ones:")
        for failure in results.failures[:20]:
            print(f"  {failure}")
    else:
        print(
            "Passed: no public request failed, every save answered as saved is stored and was shown."
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=50)
    args = parser.parse_args()
    stop_on_sigterm()
    setup_started = time.monotonic()
    results = Results()
    cluster = start("failover", port=0, replace=True)
    try:
        scene = set_scene(cluster)
        print(
            f"Cluster up in {time.monotonic() - setup_started:.0f} s on {cluster.url}; "
            f"{os.cpu_count()} cores, load average "
            f"{' / '.join(f'{n:.2f}' for n in os.getloadavg())}."
        )
        started = results.started = time.monotonic()
        deadline = started + args.seconds
        threads = [
            guarded(results, editor, cluster, scene, staff, item, deadline, results)
            for staff, item in zip(scene.staff, scene.agenda_items, strict=True)
        ]
        threads += [
            guarded(results, reader, cluster, scene, deadline, results)
            for _ in range(args.clients - len(threads))
        ]
        threads.append(guarded(results, trouble, cluster, started, args.seconds, results))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        check_database(cluster, results)
        balancer = check_balancer(cluster, results)
        report(results, time.monotonic() - started, args.clients, balancer)
    finally:
        stop(cluster)
    sys.exit(1 if results.failures else 0)


if __name__ == "__main__":
    main()
