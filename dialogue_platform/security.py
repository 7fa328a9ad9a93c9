"""Who is asking: the client address that login throttling counts failures against."""

from django.conf import settings
from django.http import HttpRequest


def client_ip_address(request: HttpRequest) -> str | None:
    """The address the request came from, seen through our own reverse proxies.

    Each proxy appends the address it received the request from to X-Forwarded-For, so
    with NUM_PROXIES proxies in front of the app the client is the NUM_PROXIES-th entry
    from the right. Anything further left was sent by the client and could be forged to
    dodge the lockout, so it is never used. Without proxies (NUM_PROXIES=0), or when the
    header is shorter than it must be, the socket's address is the only trustworthy one.
    """
    remote_addr = request.META.get("REMOTE_ADDR")
    if settings.NUM_PROXIES <= 0:
        return remote_addr
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    if len(forwarded) < settings.NUM_PROXIES:
        return remote_addr
    return forwarded[-settings.NUM_PROXIES]
