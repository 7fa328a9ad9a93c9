"""Caching that is never stale: every key includes the data version, which every write to
the public record changes (core/data_version.py). Entries are never
invalidated; superseded ones simply stop being asked for and expire."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django import forms
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django_filters import FilterSet

from . import data_version
from .http_caching import conditional, is_public, private
from .pagination import page_number

TIMEOUT = 60 * 60  # seconds; only to free memory, never for freshness
# Values kept of a repeatable parameter: more than any filter accepts (recommendations take
# 50 of one facet), so a valid query is never cut, and a view never reads more.
MAX_VALUES = 100
T = TypeVar("T")
View = Callable[..., HttpResponse]


def version(request: HttpRequest) -> int:
    """The data version, read once per request."""
    return data_version.for_request(request)


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
    the result does not depend on it) and parts. Parts are validated values (such as
    pagination.valid_query()), never raw request input, or clients could make up entries."""
    language = get_language() if per_language else ""
    entry = key(name, version(request), language, *parts)
    value = cache.get(entry)
    if value is None:
        value = compute()
        cache.set(entry, value, TIMEOUT)
    return value


def parameters(*sources: type[forms.Form] | type[FilterSet] | str) -> dict[str, bool]:
    """The query parameters a page takes (a form's or FilterSet's fields, or names), each
    with whether it takes several values: whether its widget reads them all."""
    taken = {}
    for source in sources:
        if isinstance(source, str):
            taken[source] = False
        elif issubclass(source, FilterSet):
            for name, filter in source.base_filters.items():
                widget = filter.extra.get("widget", filter.field_class.widget)
                taken[name] = getattr(widget, "allow_multiple_selected", False)
        else:
            for name, field in source.base_fields.items():
                taken[name] = getattr(field.widget, "allow_multiple_selected", False)
    return taken


def asked_query(query: QueryDict, taken: dict[str, bool]) -> QueryDict:
    """What of `query` the page reads, written one way: the parameters it takes, in their
    declared order; a single value as the form reads it (the last); several values without
    repeats, sorted and at most MAX_VALUES; `page` as paginate() reads it; no empty value."""
    asked: list[tuple[str, str]] = []
    for name, several in taken.items():
        values = query.getlist(name)
        if name == "page":
            number = page_number(values[-1] if values else None)
            values = [str(number)] if number > 1 else []
        elif several:
            values = sorted({value for value in values if value})[:MAX_VALUES]
        else:
            values = [value for value in values[-1:] if value]
        asked += [(name, value) for value in values]
    return QueryDict(urlencode(asked))


def cached_page(
    view: View | None = None,
    /,
    *,
    query: tuple[type[forms.Form] | type[FilterSet] | str, ...] = (),
    vary: Callable[[], str] | None = None,
) -> Any:
    """Serve a public page to anonymous visitors from the cache, keyed by the data version,
    the language, the page's address and the query it takes (`query`: its form or FilterSet,
    and names such as "page"; a page that takes none ignores any).

    The view sees only that query, so what it renders is the page for the key. A page is
    stored only when the query it answered (pagination.valid_query) is exactly the one
    asked: a value rejected or written another way (`year_from=02016`) is rendered but
    never stored, so parameters a client makes up can neither fill the cache nor reach it.

    `vary` names what else the page depends on besides the data (the day, for pages that
    flag overdue deadlines): it is part of the key and of the ETag."""
    taken = parameters(*query)

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not is_public(request):
                return private(view(request, *args, **kwargs))
            request.GET = asked = asked_query(request.GET, taken)
            # The page's own address, so /documents/007/ is /documents/7/.
            match = request.resolver_match
            path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            if vary is not None:
                path = f"{path}\x1f{vary()}"
            return conditional(
                request, path, asked, lambda: stored(request, path, asked, args, kwargs)
            )

        def stored(request: HttpRequest, path: str, asked: QueryDict, args, kwargs) -> HttpResponse:
            entry = key("page", version(request), get_language(), path, asked.urlencode())
            hit = cache.get(entry)
            if hit is not None:
                content, content_type = hit
                return HttpResponse(content, content_type=content_type)
            response = view(request, *args, **kwargs)
            answered = getattr(request, "answered_query", QueryDict())
            if (
                response.status_code == 200
                and not response.streaming
                and not response.cookies
                and dict(answered.lists()) == dict(asked.lists())
            ):
                cache.set(entry, (response.content, response["Content-Type"]), TIMEOUT)
            return response

        return wrapper

    return decorate(view) if view is not None else decorate
