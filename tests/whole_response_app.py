"""A WSGI app for tests/test_gunicorn_worker.py: one page of 10,000 bytes, in one piece."""

from collections.abc import Callable, Iterable

BODY = b"x" * 10_000


def application(environ: dict, start_response: Callable) -> Iterable[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(BODY)))])
    return [BODY]
