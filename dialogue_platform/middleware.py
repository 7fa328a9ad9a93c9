"""Middleware of the deployment: how a response leaves the app server."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class WholeBodyMiddleware:
    """Join a response body written in pieces (a feed is written element by element) into
    one: the server writes each piece as it comes, so a body of many pieces leaves in many
    writes, and a server lost between two of them (killed, out of memory) cuts the answer
    short after the proxy has begun passing it on, too late to ask another server. In one
    piece, the body is handed to the kernel in one write and reaches the proxy whole even
    if the server dies the moment after (see gunicorn_worker.py).
    Streamed responses (the exports) are left to stream."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.streaming:
            response.content = response.content  # the getter joins, the setter keeps one
        return response
