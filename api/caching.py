"""API answers kept in the cache, as the site keeps its pages (core/
caching.py): keyed by the data version, the language, the address and the whole query, so
never stale. Only 200s are stored, so only queries that passed validation; a stored answer
is served after throttling, without validating its query again (its vocabularies would
cost a query apiece)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from rest_framework.request import Request

from core.caching import TIMEOUT, key, version
from core.http_caching import is_public

CONTENT_TYPE = "application/json"


def entry(request: HttpRequest, vary: str = "") -> str | None:
    """The cache key of the answer to an anonymous request; None for signed-in staff.
    `vary`: what else the answer depends on (the view's `varies_by()`: the day)."""
    if not is_public(request):
        return None
    query = sorted((name, request.GET.getlist(name)) for name in request.GET)
    return key("api", version(request), get_language(), request.path, query, vary)


def stored(request: HttpRequest, vary: str = "") -> bytes | None:
    found = entry(request, vary)
    return cache.get(found) if found else None


def cached_answer(handler: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A viewset's list or retrieve: the stored answer `initial()` found, or the handler's,
    stored if it is a 200."""

    @wraps(handler)
    def wrapper(view: Any, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        if view.stored_answer is not None:
            return HttpResponse(view.stored_answer, content_type=CONTENT_TYPE)
        response = handler(view, request, *args, **kwargs)
        if response.status_code == 200 and (found := entry(request._request, view.varies_by())):
            view.finalize_response(request, response, *args, **kwargs).render()
            cache.set(found, response.content, TIMEOUT)
        return response

    return wrapper
