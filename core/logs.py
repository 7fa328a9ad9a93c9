"""The log: one line per request with its duration, and every line as JSON when the
operator asks for it (LOG_FORMAT=json), for a log collector to read without patterns.

This module is loaded while logging is configured, before the apps are: it imports no
model at the top."""

from __future__ import annotations

import datetime
import json
import logging
import time
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponseBase

logger = logging.getLogger("dialogue_platform.requests")

# Load balancers and deploy scripts ask every few seconds: their lines would drown the rest.
PROBES = {"/healthz", "/readyz"}


class JSONFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, a request's fields,
    and the traceback of an error."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **getattr(record, "http", {}),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class RequestLogMiddleware:
    """Logs each request once the server has sent all of its response (Django's close(),
    which the WSGI server calls at the end), so a streamed export or download counts its
    whole transfer. Outermost in MIDDLEWARE, so the duration covers every middleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        started = time.perf_counter()
        response = self.get_response(request)
        close = response.close

        def close_and_log() -> None:
            try:
                close()
            finally:
                log_request(request, response, time.perf_counter() - started)

        response.close = close_and_log  # type: ignore[method-assign]
        return response


def log_request(request: HttpRequest, response: HttpResponseBase, seconds: float) -> None:
    # Imported here, not at the top: it reads django-axes' models (see the docstring).
    from .security import client_ip_address

    user = getattr(request, "user", None)
    fields = {
        "method": request.method,
        "path": request.get_full_path(),
        "status": response.status_code,
        "duration_ms": round(seconds * 1000, 1),
        "client": client_ip_address(request, warn=False),
        "user": user.pk if user is not None and user.is_authenticated else None,
    }
    level = logging.DEBUG if request.path in PROBES else logging.INFO
    logger.log(
        level,
        "%s %s %s %.1f ms %s",
        fields["method"],
        fields["path"],
        fields["status"],
        fields["duration_ms"],
        fields["client"],
        extra={"http": fields},
    )
