"""Disjunctive facet counts over a FilterSet, counted in SQL: each facet's counts apply
every other active filter but its own, so each number is how many results choosing that
value (besides the others chosen) gives. For small tables (the plans app's lists); the
recommendations list, at 100,000 rows, counts from its bitmap index instead (selectors.py),
with the same FacetValue and the same `filtered`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django_filters import FilterSet


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    """A filter of the FilterSet (`name`), the lookup whose value its query values name
    (`path`, followed from the FilterSet's queryset, annotations included), and the labels
    of the values counted (`labels`: from those values to a label each, in the order they
    are shown; values it leaves out are not shown)."""

    name: str
    path: str
    labels: Callable[[set[str]], dict[str, str]]
    key: Callable[[object], str] = field(default=str)


def filtered(filterset: FilterSet, *, without: Iterable[str] = ()) -> QuerySet:
    """The FilterSet's queryset, unordered, with every valid filter applied but those named
    in `without`: its results, or a facet's (every filter but the facet's own). The values
    are those already validated: nothing is asked again."""
    filterset.errors  # validate once  # noqa: B018
    queryset = filterset.queryset.all()
    for name, value in filterset.form.cleaned_data.items():
        if name not in without:
            queryset = filterset.filters[name].filter(queryset, value)
    return queryset


def counted(filterset: FilterSet, facet: Facet) -> dict[str, int]:
    """How many of the FilterSet's results each value of `facet` would have, its own
    filter left out: one GROUP BY query."""
    matching = filtered(filterset, without=(facet.name,)).order_by().values("pk")
    rows = (
        filterset.queryset.filter(pk__in=matching)
        .order_by()
        .values_list(facet.path)
        .annotate(n=Count("pk", distinct=True))
    )
    return {facet.key(value): n for value, n in rows if value is not None}


def facet_counts(
    filterset: FilterSet, facets: Sequence[Facet], chosen: dict[str, Iterable[str]]
) -> dict[str, list[FacetValue]]:
    """Each facet's values with their counts; a chosen value is shown even at 0. `chosen`
    is the active filter values as the page's links write them (pagination.valid_query)."""
    result = {}
    for facet in facets:
        counts = counted(filterset, facet)
        picked = set(chosen.get(facet.name, ()))
        labels = facet.labels(set(counts) | picked)
        result[facet.name] = [
            FacetValue(value, label, counts.get(value, 0), value in picked)
            for value, label in labels.items()
            if counts.get(value) or value in picked
        ]
    return result
