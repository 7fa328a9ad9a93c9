"""What every API endpoint shares: read-only, published records only, strict query
parameters (a 400 naming each problem), the language asked for, conditional GET."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse, QueryDict
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_filters import FilterSet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from core.facets import facet_counts
from core.http_caching import public_response
from core.pagination import valid_query

from . import caching, languages
from .caching import cached_answer
from .pagination import FacetedPagination, Pagination

LANG = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    enum=languages.CHOICES,
    description="The language of translated fields (default: the Accept-Language header, "
    "else English); `all` gives every language of each.",
)
MAX_PAGE_DIGITS = 9


@extend_schema(parameters=[LANG])
class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """A list and a detail endpoint over the published records of one model. Subclasses
    give `queryset` (published only), the serializers, and `filterset_class` to filter
    their list as the site's list page does."""

    lookup_field = "slug"
    pagination_class = Pagination
    # For the schema (drf-spectacular reads the FilterSet's fields from it); lists filter
    # through self.filterset, validated with the rest of the query in initial().
    filter_backends = [DjangoFilterBackend]
    filterset_class: type[FilterSet] | None = None
    list_serializer_class = None
    stored_answer: bytes | None = None
    # What else the answers depend on besides the data, the language and the query (the
    # day, for overdue flags): part of the ETag and of the cache key, as for the pages.
    vary: Callable[[], str] | None = None

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        # The language first: the ETag depends on it (/api/ has no language prefix, so
        # LocaleMiddleware has left English active).
        translation.activate(languages.requested(request))
        # ETag, Last-Modified and 304 before any work, as for every public page.
        return public_response(super().dispatch, vary=self.vary)(request, *args, **kwargs)

    def varies_by(self) -> str:
        return self.vary() if self.vary is not None else ""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # throttling
        self.stored_answer = caching.stored(request._request, self.varies_by())
        if self.stored_answer is not None:  # its query was valid when it was stored
            return
        if problems := self.query_problems(request.query_params):
            raise ValidationError(problems)
        self.languages = languages.reader_languages(request.query_params.get("lang"))

    def query_problems(self, params: QueryDict) -> dict[str, list[str]]:
        """Each parameter's problems: a value its FilterSet refuses, a bad page or language,
        or a parameter the endpoint does not take. Validates (and keeps) the list's filter."""
        problems: dict[str, list[str]] = {}
        allowed = {"lang"}
        if self.action == "list":
            allowed |= {"page", "page_size"}
            self.filterset = self.get_filterset(params)
            if self.filterset is not None:
                allowed |= set(self.filterset.filters)
                if not self.filterset.is_valid():
                    problems.update(
                        {name: list(errors) for name, errors in self.filterset.errors.items()}
                    )
            problems.update(page_problems(params))
        lang = params.get("lang")
        if lang is not None and lang not in languages.CHOICES:
            problems["lang"] = [_("Choose one of: %s.") % ", ".join(languages.CHOICES)]
        for name in params:
            if name not in allowed:
                problems[name] = [_("Unknown parameter.")]
        return problems

    @cached_answer
    def list(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        return super().list(request, *args, **kwargs)

    @cached_answer
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        return super().retrieve(request, *args, **kwargs)

    def get_filterset(self, data: QueryDict) -> FilterSet | None:
        if self.filterset_class is None:
            return None
        return self.filterset_class(data, queryset=self.get_queryset())

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        if self.action == "list" and getattr(self, "filterset", None) is not None:
            return self.filterset.qs
        return queryset

    def get_serializer_class(self):
        if self.action == "list" and self.list_serializer_class is not None:
            return self.list_serializer_class
        return self.serializer_class

    def get_serializer_context(self) -> dict:
        return {**super().get_serializer_context(), "languages": getattr(self, "languages", None)}


class FacetedViewSet(ReadOnlyViewSet):
    """A list with the disjunctive facet counts of its FilterSet beside the results, counted
    as its page counts them (core/facets.py, the FilterSet's `facets()`). Subclasses give
    `pagination_class = FacetedPagination.of(<the facets' names>)` and `listed`."""

    pagination_class = FacetedPagination

    def listed(self, records: QuerySet) -> QuerySet:
        """What each record of a page shows, in a fixed number of queries."""
        return records

    @cached_answer
    def list(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        filterset = self.filterset
        query = valid_query(request._request, filterset.form)
        chosen = {name: query.getlist(name) for name in query}
        facets = facet_counts(filterset, filterset.facets(), chosen)
        page = self.paginator.paginate(self.listed(filterset.qs), request)
        data = self.get_serializer(page, many=True).data
        counts = {name: [asdict(v) for v in values] for name, values in facets.items()}
        return self.paginator.get_paginated_response(data, counts)


def page_problems(params: QueryDict) -> dict[str, list[str]]:
    """`page` must be a page number and `page_size` one up to the largest page; a page past
    the last is a 404, as on the site."""
    problems = {}
    for name, largest in (("page", None), ("page_size", Pagination.max_page_size)):
        value = params.get(name)
        if value is None:
            continue
        number = (
            int(value)
            if value.isascii() and value.isdigit() and len(value) <= MAX_PAGE_DIGITS
            else 0
        )
        if number < 1 or (largest and number > largest):
            if largest:
                message = _("Give a whole number from 1 to %(largest)s.") % {"largest": largest}
            else:
                message = _("Give a page number: a whole number from 1.")
            problems[name] = [message]
    return problems
