"""The app servers' gunicorn worker: gunicorn's sync worker, sending each response's headers
together with its body.

gunicorn sends a response's headers and then its body, in two writes. On a busy machine the
first write hands the processor to the proxy, which passes the headers on to the client at
once; a server lost before the second write (killed, out of memory, its machine gone) leaves
the client with headers and no body, and the proxy can no longer send the request to another
server, since the answer has begun. With TCP_CORK the kernel holds the headers until the body
joins them, or the connection closes (after every response, for a sync worker), as nginx
does with `tcp_nopush`: the window in which a dying server cuts an answer short shrinks from
a scheduler's time slice to the instant between two system calls. (A response larger than a
network segment still leaves in pieces as it is written; an export or download cut short by
its server's death is an error for the client, never a file that looks whole: see the
proxy_http_version note in deploy/nginx.conf.template.) The worker writes a body piece by
piece as the app yields them, so each page comes to it as one piece
(middleware.WholeBodyMiddleware): one write, whose bytes, once in the kernel, reach
the proxy even if the worker dies the moment after.

    gunicorn dialogue_platform.wsgi --worker-class dialogue_platform.gunicorn_worker.WholeResponseWorker
"""

from __future__ import annotations

import socket

from gunicorn.workers.sync import SyncWorker


class WholeResponseWorker(SyncWorker):
    """A sync worker (one request per connection, then close) that corks each connection."""

    def handle(self, listener: socket.socket, client: socket.socket, addr: object) -> None:
        # Linux's TCP sockets only; elsewhere (a Unix socket, another system) as gunicorn is.
        if hasattr(socket, "TCP_CORK") and client.family in (socket.AF_INET, socket.AF_INET6):
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 1)
        super().handle(listener, client, addr)
