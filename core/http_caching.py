"""HTTP caching of public responses: an ETag and a Last-Modified on every public page,
feed, calendar, sitemap and export, and `304 Not Modified` to a conditional request,
answered before the view runs (one query: the data version).

What an anonymous visitor is served depends only on the data version, the language and
the address with its query, so the ETag is a digest of those; the data version changes
with every write to the public record (data_version.py), so an ETag never outlives the
content it names. Last-Modified is when this data version was first seen: the shared
cache keeps that time, so every app server gives the same one.

Browsers revalidate each time (max-age=0: a 304 costs almost nothing); a shared proxy may
keep a response for PUBLIC_CACHE_SECONDS. Signed-in staff get none of this: their pages
are never stored by anyone (`private`)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language

from . import data_version

View = Callable[..., HttpResponse]

FIRST_SEEN_TIMEOUT = 60 * 60 * 24 * 30  # seconds; a month without a write is a quiet month
# When the current data version was first seen, so that the shared cache is asked once.
_first_seen: dict[int, float] = {}


def first_seen(number: int) -> float:
    """When the data version was first seen by any server (or this one, without a shared
    cache): the Last-Modified of everything public while it is current."""
    if number not in _first_seen:
        entry = f"dp:first-seen:{number}"
        cache.add(entry, time.time(), FIRST_SEEN_TIMEOUT)
        _first_seen.clear()  # only the current version is ever asked for again
        _first_seen[number] = cache.get(entry) or time.time()
    return _first_seen[number]


def etag(number: int, path: str, query: QueryDict) -> str:
    parts = "\x1f".join((str(number), get_language(), path, query.urlencode()))
    return quote_etag(hashlib.sha256(parts.encode()).hexdigest()[:32])


def conditional(
    request: HttpRequest, path: str, query: QueryDict, view: Callable[[], HttpResponse]
):
    """`view()`'s response with its validators, or 304 if the client's copy is current.
    For anonymous GET and HEAD requests only; `path` and `query` are what the response
    depends on, besides the data version and the language."""
    number = data_version.for_request(request)
    tag = etag(number, path, query)
    modified = int(first_seen(number))
    response = get_conditional_response(request, etag=tag, last_modified=modified)
    if response is None:
        response = view()
        if response.status_code != 200:
            return response
    # On a 304 too: the client's copy is then known by these. Ours replace a view's own
    # Last-Modified (Django's sitemaps give their newest record's), which If-Modified-Since
    # would otherwise be compared against in vain.
    response.headers["ETag"] = tag
    response.headers["Last-Modified"] = http_date(modified)
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PUBLIC_CACHE_SECONDS)
    # Signed-in staff (a session cookie) never share a public copy; the language is in the
    # address, but a proxy that rewrote it would need this.
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response


def is_public(request: HttpRequest) -> bool:
    """Whether the request gets the public, shared answer: an anonymous GET or HEAD."""
    user = getattr(request, "user", None)  # none outside the middleware (RequestFactory)
    return request.method in ("GET", "HEAD") and not (user and user.is_authenticated)


def private(response: HttpResponse) -> HttpResponse:
    """A signed-in user's answer: never kept by a shared cache."""
    patch_cache_control(response, private=True)
    return response


def public_response(view: View | None = None, /, *, vary: Callable[[], str] | None = None):
    """Conditional GET for a public view that reads its address and any query (feeds,
    calendars, sitemaps, exports); pages take `caching.cached_page`, which does the same
    with the query the page takes. `vary`: what else the answer depends on (the day, for
    overdue flags), part of the ETag."""
    if view is None:
        return lambda view: public_response(view, vary=vary)

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_public(request):
            return private(view(request, *args, **kwargs))
        query = QueryDict(mutable=True)
        for name in sorted(request.GET):
            query.setlist(name, request.GET.getlist(name))
        path = request.path if vary is None else f"{request.path}\x1f{vary()}"
        return conditional(request, path, query, lambda: view(request, *args, **kwargs))

    return wrapper
