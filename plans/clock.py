"""The day deadlines are measured against: overdue flags and counts depend on it, so pages
that show them vary by it (tests fix it to watch flags change)."""

import datetime

from django.utils import timezone


def today() -> datetime.date:
    return timezone.localdate()


def day_key() -> str:
    """The day as a cache-key and ETag part (caching.cached_page's `vary`)."""
    return today().isoformat()
