"""The one place the API asks the `recommendations` app for a filtered list and its facet
counts, exactly as the /recommendations/ page does (the same FilterSet, the same facet
index, the same cached counts), so that the two can never disagree. When the app offers
the list's whole read side as one selector, only the body of recommendation_results()
changes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from django.db.models import QuerySet
from django.http import HttpRequest

from dialogue_platform.core.caching import cached
from dialogue_platform.core.pagination import valid_query
from recommendations import facet_index
from recommendations.facet_index import IndexedResults
from recommendations.filters import FacetValue, RecommendationFilter, facet_counts
from recommendations.models import Recommendation
from recommendations.views import INDEX_ORDERS


class Results(NamedTuple):
    ordered: Sequence[Recommendation]  # in the chosen order, sliced a page at a time
    count: int
    facets: dict[str, list[FacetValue]]


def recommendation_results(
    request: HttpRequest, filterset: RecommendationFilter, rows: Callable[[QuerySet], QuerySet]
) -> Results:
    """The filter's results in its order, read through `rows` (the query plan of the
    records shown), their count and the facet counts."""
    index = facet_index.current(request)
    matches = filterset.matches(index)
    results = index.results(matches)
    if filterset.chosen_sort in INDEX_ORDERS:
        oldest_first = filterset.chosen_sort == "oldest"
        ordered = IndexedResults(index, results, rows(Recommendation.objects), oldest_first)
    else:  # by reference, or by relevance to the words
        ordered = rows(filterset.qs)
    # The page's own cache entry: sorting and paging do not change the counts.
    query = valid_query(request, filterset.form)
    facet_key = sorted((k, v) for k, v in query.lists() if k != "sort")
    facets = cached(
        request, "facets", (facet_key,), lambda: facet_counts(filterset, index, matches)
    )
    return Results(ordered, len(results), facets)
