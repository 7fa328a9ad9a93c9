"""Caching that is never stale: every key includes the data version, which every write to
the public record changes (dialogue_platform/data_version.py). Entries are never
invalidated; superseded ones simply stop being asked for and expire."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from . import data_version

TIMEOUT = 60 * 60  # seconds; only to free memory, never for freshness
T = TypeVar("T")


def version(request: HttpRequest) -> int:
    """The data version, read once per request."""
    if not hasattr(request, "_data_version"):
        request._data_version = data_version.current()
    return request._data_version


def key(*parts: object) -> str:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()
    return f"dp:{digest}"


def cached(
    request: HttpRequest,
    name: str,
    parts: tuple,
    compute: Callable[[], T],
    *,
    per_language: bool = True,
) -> T:
    """`compute()`, or its earlier result for the same data version, language (unless
    the result does not depend on it) and parts."""
    language = get_language() if per_language else ""
    entry = key(name, version(request), language, *parts)
    value = cache.get(entry)
    if value is None:
        value = compute()
        cache.set(entry, value, TIMEOUT)
    return value


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a public page to anonymous visitors from the cache, keyed by the data version,
    the language and the full URL (filters included)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        entry = key("page", version(request), get_language(), request.get_full_path())
        hit = cache.get(entry)
        if hit is not None:
            content, content_type = hit
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            cache.set(entry, (response.content, response["Content-Type"]), TIMEOUT)
        return response

    return wrapper
