"""The one place the API asks the `recommendations` app for a filtered list and its facet
counts: the list's own selector (recommendations/selectors.py), as the /recommendations/
page uses it (the same FilterSet, the same counts and cache entries), so that the two can
never disagree."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from django.db.models import QuerySet
from django.http import HttpRequest

from recommendations.filters import RecommendationFilter
from recommendations.models import Recommendation
from recommendations.selectors import FacetValue, RecommendationResults


class Results(NamedTuple):
    ordered: Sequence[Recommendation]  # in the chosen order, sliced a page at a time
    count: int
    facets: dict[str, list[FacetValue]]


def recommendation_results(
    request: HttpRequest, filterset: RecommendationFilter, rows: Callable[[QuerySet], QuerySet]
) -> Results:
    """The filter's results in its order, read through `rows` (the query plan of the
    records shown), their count and the facet counts."""
    results = RecommendationResults(None, request=request, filterset=filterset)
    return Results(rows(results.ordered), results.count, results.facets)
