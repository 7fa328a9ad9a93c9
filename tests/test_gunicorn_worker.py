"""The app servers' gunicorn worker (dialogue_platform/gunicorn_worker.py) sends a response's
headers together with its body: the proxy never receives the headers alone, which a server
dying before its body would leave it unable to send to another server."""

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .servers import free_port, listening
from .whole_response_app import BODY

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
REQUESTS = 300


@pytest.fixture
def server() -> Iterator[int]:
    port = free_port()
    gunicorn = [
        GUNICORN,
        "tests.whole_response_app",
        "--bind", f"127.0.0.1:{port}",
        "--workers", "2",
        "--worker-class", "dialogue_platform.gunicorn_worker.WholeResponseWorker",
        "--no-control-socket",
    ]  # fmt: skip
    with listening(
        gunicorn, port=port, name="gunicorn", cwd=Path(__file__).resolve().parent.parent
    ):
        yield port


def first_read(port: int) -> bytes:
    """What a proxy's first read of the answer holds."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(b"GET / HTTP/1.1\r\nHost: app\r\n\r\n")
        first = connection.recv(1 << 16)
        while connection.recv(1 << 16):
            pass
    return first


def test_the_headers_of_a_response_never_arrive_without_its_body(server):
    # With gunicorn's own sync worker, about one answer in five arrived as headers alone on
    # a busy two-core machine: the reader woke between the worker's two writes.
    first_reads = [first_read(server) for _ in range(REQUESTS)]

    assert all(read.startswith(b"HTTP/1.1 200 OK") for read in first_reads)
    assert [len(read) for read in first_reads if not read.endswith(BODY)] == []
