"""Pages of API results: `page` and `page_size` (at most API_MAX_PAGE_SIZE), with the links
to the next and previous pages on SITE_URL."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from core.site_url import absolute_url


class Pagination(PageNumberPagination):
    page_size = settings.API_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = settings.API_MAX_PAGE_SIZE

    def paginate(self, items: Sequence, request: Request, count: int | None = None) -> list:
        """The page asked for (the view has validated `page` and `page_size`). `count`, when
        the caller knows it, saves the paginator its COUNT query."""
        self.request = request
        paginator = Paginator(items, self.get_page_size(request))
        if count is not None:
            paginator.count = count  # a cached_property, so this value is the one used
        try:
            self.page = paginator.page(request.query_params.get(self.page_query_param, 1))
        except InvalidPage as past_the_last:
            raise NotFound(_("There is no such page of results.")) from past_the_last
        return list(self.page)

    def paginate_queryset(self, queryset, request, view=None) -> list:
        return self.paginate(queryset, request)

    def get_next_link(self) -> str | None:
        if not self.page.has_next():
            return None
        return replace_query_param(self.here(), self.page_query_param, self.page.next_page_number())

    def get_previous_link(self) -> str | None:
        if not self.page.has_previous():
            return None
        number = self.page.previous_page_number()
        if number == 1:
            return remove_query_param(self.here(), self.page_query_param)
        return replace_query_param(self.here(), self.page_query_param, number)

    def here(self) -> str:
        # On SITE_URL, never on the request's Host (core/site_url.py).
        return absolute_url(self.request._request.get_full_path())


class FacetedPagination(Pagination):
    """A page of a faceted list with the facet counts of the whole result beside it: the
    facets named in `facets` (a subclass per list: `FacetedPagination.of(...)`)."""

    facets: tuple[str, ...] = ()

    @classmethod
    def of(cls, *facets: str) -> type[FacetedPagination]:
        return type(cls.__name__, (cls,), {"facets": facets})

    def get_paginated_response(self, data: list, facets: dict | None = None) -> Response:
        response = super().get_paginated_response(data)
        response.data["facets"] = facets
        return response

    def get_paginated_response_schema(self, schema: dict) -> dict:
        wrapped = super().get_paginated_response_schema(schema)
        facet = {
            "type": "object",
            "properties": {
                "value": {"type": "string"},
                "label": {"type": "string"},
                "count": {"type": "integer"},
                "selected": {"type": "boolean"},
            },
            "required": ["value", "label", "count", "selected"],
        }
        wrapped["properties"]["facets"] = {
            "type": "object",
            "description": "Disjunctive counts: each facet applies every other active filter "
            "but its own, so each count is how many results choosing that value gives.",
            "properties": {name: {"type": "array", "items": facet} for name in self.facets},
            "required": list(self.facets),
        }
        wrapped["required"] = [*wrapped["required"], "facets"]
        return wrapped
