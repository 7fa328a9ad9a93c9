"""Login throttling: the client address that failures are counted against, and the rule
that locks out one address trying many usernames."""

from __future__ import annotations

import logging

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest

logger = logging.getLogger(__name__)


def client_ip_address(request: HttpRequest, *, warn: bool = True) -> str | None:
    """The address the request came from, seen through our own reverse proxies.

    Each proxy appends the address it received the request from to X-Forwarded-For, so
    with NUM_PROXIES proxies in front of the app the client is the NUM_PROXIES-th entry
    from the right. Anything further left was sent by the client and could be forged to
    dodge the lockout, so it is never used. Without proxies (NUM_PROXIES=0), or when the
    header is shorter than it must be, the socket's address is the only trustworthy one;
    that is logged as a warning (for logins), unless `warn` is off (for the request log:
    a load balancer's probes reach the app servers directly).
    """
    remote_addr = request.META.get("REMOTE_ADDR")
    if settings.NUM_PROXIES <= 0:
        return remote_addr
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    if len(forwarded) < settings.NUM_PROXIES:
        if not warn:
            return remote_addr
        logger.warning(
            "X-Forwarded-For has %d address%s, fewer than NUM_PROXIES (%d): counting login "
            "failures by the connecting address %s. Either NUM_PROXIES is too high or the "
            "app can be reached without passing through every proxy.",
            len(forwarded),
            "" if len(forwarded) == 1 else "es",
            settings.NUM_PROXIES,
            remote_addr,
        )
        return remote_addr
    return forwarded[-settings.NUM_PROXIES]


class AddressLimitHandler(AxesDatabaseHandler):
    """django-axes' database handler, plus an address-wide limit higher than its own.

    Axes locks a username at an address after AXES_FAILURE_LIMIT failures, so an address
    spreading its guesses over many usernames was never stopped. Axes can also count by
    address alone, but compares every rule with the same limit, and five typos in an
    office behind one address would then lock the whole office out; its maintainers point
    to a handler for a separate limit. Here an address is locked out once its failures,
    for any usernames together, reach LOGIN_ADDRESS_FAILURE_LIMIT within the cool-off.
    """

    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        failures = super().get_failures(request, credentials)
        from_address = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address,
            attempt_time__gte=get_cool_off_threshold(request),
        ).aggregate(total=Sum("failures_since_start"))["total"]
        if (from_address or 0) < settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            return failures
        request.axes_locked_by_address = True  # the lockout page says which rule applies
        # Axes locks out, refuses and logs when this count reaches its one limit.
        return max(failures, get_failure_limit(request, credentials))
