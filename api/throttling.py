"""Anonymous read throttling: requests per address, counted in Django's cache (shared by
every app server through Redis when REDIS_URL is set)."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousReadThrottle(AnonRateThrottle):
    """API_THROTTLE_RATE requests per address (NUM_PROXIES picks it from X-Forwarded-For).
    The rate is read at each request, not at import as DRF's own throttles do, so that a
    changed setting applies."""

    def get_rate(self) -> str:
        return settings.API_THROTTLE_RATE
