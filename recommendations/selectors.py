"""The read side of the recommendation list, in one place: what a filter combination
finds, in which order, how many, a page of it, its facet counts, its export and its
feed, and the counts the home, topic and organisation pages show.

The FilterSet (filters.py) is the one definition of filtering, and every page, its order
and every export come from SQL through it. Counts (the result count, the facets, the site
pages' charts) come from the facet index when FACET_INDEX is on (facet_index.py: set
operations in memory), or from SQL, one GROUP BY per facet, when it is off; the two give
the same numbers (tests/test_facet_index.py)."""

from __future__ import annotations

from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db.models import Count, Model, Prefetch, QuerySet
from django.http import Http404, HttpRequest, QueryDict
from pyroaring import BitMap

from core.caching import cached
from core.facets import FacetValue
from core.pagination import page_number

from . import facet_index
from .facet_index import VOCABULARY_FACETS, FacetIndex
from .filters import RecommendationFilter
from .models import Recommendation, Status

PER_PAGE = 25
# Each facet, and the filters it counts without (disjunctive facets: all the others apply).
FACET_FILTERS = {
    "topic": ("topic",),
    "group": ("group",),
    "body": ("body",),
    "status": ("status",),
    "year": ("year_from", "year_to"),
}
# Filters the index cannot answer, asked of the database (once) when the index counts.
DATABASE_FILTERS = ("q", "meeting")


def listed(recommendations: QuerySet) -> QuerySet:
    """With the topics and bodies each item of the list shows, as plain lists (to_attr):
    no queryset per row for the prefetch and the template to build."""
    return recommendations.prefetch_related(
        Prefetch("topics", to_attr="topic_list"),
        Prefetch("responsible_bodies", to_attr="body_list"),
    )


class RecommendationResults:
    """The published recommendations a query (the list's parameters) selects. `request`
    is the one being answered: the data version it read keys the caches. `filterset`: one
    already bound to the published recommendations (an API's filter backend builds its
    own), instead of `data`."""

    def __init__(
        self,
        data: QueryDict | dict | None,
        *,
        request: HttpRequest,
        filterset: RecommendationFilter | None = None,
    ) -> None:
        self.request = request
        # Bound even when empty, so that validation runs and cleaned_data exists.
        self.filterset = filterset or RecommendationFilter(
            data or QueryDict(), queryset=Recommendation.objects.published()
        )

    @classmethod
    def within(cls, request: HttpRequest, name: str, row: Model) -> RecommendationResults:
        """Those with one vocabulary value (a topic's or organisation's page): `row` is
        already loaded, so no query checks its slug."""
        data = QueryDict(mutable=True)
        data[name] = row.slug
        results = cls(data, request=request)
        results.filterset.form.fields[name].know([row])
        return results

    @property
    def sort(self) -> str:
        return self.filterset.chosen_sort

    @cached_property
    def ordered(self) -> QuerySet:
        """The results in the chosen order: the only query pages and exports read."""
        return self.filterset.qs

    # Counting

    @cached_property
    def index(self) -> FacetIndex | None:
        return facet_index.current(self.request)

    @cached_property
    def matches(self) -> dict[str, BitMap]:
        """What each valid, non-empty filter lets through, as bitmaps of the index, by
        facet (the year range as one, "year"; the words and the meeting as one,
        "database")."""
        index, chosen = self.index, self.filterset.chosen
        matches = {}
        for name in VOCABULARY_FACETS:
            if values := chosen(name):
                matches[name] = index.any_of(name, self.filterset.filters[name].chosen_keys(values))
        if values := chosen("status"):
            matches["status"] = index.any_of("status", values)
        year_from, year_to = chosen("year_from"), chosen("year_to")
        if year_from or year_to:
            low, high = (year_from or [0])[0], (year_to or [9999])[0]
            matches["year"] = index.any_of(
                "year", [year for year in index.values["year"] if low <= year <= high]
            )
        if any(chosen(name) for name in DATABASE_FILTERS):
            others = [name for name in self.filterset.filters if name not in DATABASE_FILTERS]
            # rewrite(False): plain ids, without modeltranslation's per-row fallback
            # handling (a third of the time for a word that matches 30,000).
            found = self.filterset.filtered(without=others).rewrite(False)
            matches["database"] = BitMap(found.values_list("pk", flat=True))
        return matches

    def counts(self, facet: str, *, disjunctive: bool = False) -> dict[object, int]:
        """How many results each value of a facet (a status, a year, a vocabulary row's
        primary key) applies to, values with none left out; `disjunctive`: counted
        without the facet's own filter."""
        without = FACET_FILTERS[facet] if disjunctive else ()
        if self.index is not None:
            within = self.index.results(self.matches, without=facet if disjunctive else "")
            return self.index.counts(facet, within)
        results = self.filterset.filtered(without=without)
        if facet in VOCABULARY_FACETS:
            relation = Recommendation._meta.get_field(VOCABULARY_FACETS[facet])
            column = f"{relation.m2m_reverse_field_name()}_id"
            links = relation.remote_field.through.objects.filter(
                recommendation_id__in=results.values("pk")
            )
            rows = links.values_list(column).annotate(Count("recommendation_id"))
        else:
            rows = results.order_by().values_list(facet).annotate(Count("pk"))
        return dict(rows)

    @cached_property
    def count(self) -> int:
        """How many results: shared by every page and sort of a filter combination
        (cached), so that paging through words runs the search once, for the page."""

        def count() -> int:
            if self.index is not None:
                return len(self.index.results(self.matches))
            return self.filterset.filtered().count()

        return cached(self.request, "count", (self.filters_key,), count, per_language=False)

    @cached_property
    def filters_key(self) -> list:
        """The valid filters (without sort and page): what the counts depend on."""
        return sorted(self.filterset.active().items())

    def count_by_status(self) -> list[tuple[str, str, int]]:
        """(status, label, count) for every status found, in vocabulary order."""
        counts = self.counts("status")
        return [(value, label, counts[value]) for value, label in Status.choices if value in counts]

    # Reading

    def page(self, wanted: HttpRequest | int) -> Page:
        """A page of the results (a request's `page`: anything malformed is the first);
        one past the last is a 404."""
        number = page_number(wanted.GET.get("page")) if isinstance(wanted, HttpRequest) else wanted
        paginator = Paginator(listed(self.ordered), PER_PAGE)
        paginator.count = self.count  # a cached_property, so this value is the one used
        if number > paginator.num_pages:
            raise Http404("There is no such page of results.")
        return paginator.page(number)

    def latest(self, count: int) -> list[Recommendation]:
        """The `count` newest (by year, then reference)."""
        return list(
            self.filterset.filtered().order_by(*RecommendationFilter.SORTS["newest"])[:count]
        )

    def newly_recorded(self, count: int) -> QuerySet:
        """The `count` most recently recorded, whatever the sort (the feed)."""
        return self.filterset.filtered().order_by("-created", "-pk")[:count]

    @property
    def export_ids(self) -> list[int]:
        """Every result's id, in the chosen order."""
        return list(self.ordered.values_list("pk", flat=True))

    # Facets

    @cached_property
    def facets(self) -> dict[str, list[FacetValue]]:
        """Each facet's values with their counts, disjunctive: each applies every other
        active filter but its own, so each number is how many results choosing that value
        (in addition to the others chosen) would give. Shared by every page and sort of a
        filter combination (cached)."""
        active = self.filterset.active()
        return cached(
            self.request, "facets", (self.filters_key,), lambda: self.compute_facets(active)
        )

    def compute_facets(self, active: dict[str, list[str]]) -> dict[str, list[FacetValue]]:
        facets: dict[str, list[FacetValue]] = {}
        for name in VOCABULARY_FACETS:
            counts = self.counts(name, disjunctive=True)
            chosen = set(active.get(name, []))
            wanted = set(counts) | set(self.filterset.filters[name].chosen_keys(chosen))
            # The few vocabulary rows, for their names in the reader's language.
            vocabulary = self.filterset.filters[name].extra["vocabulary"].filter(pk__in=wanted)
            values = [
                FacetValue(v.slug, v.name, counts.get(v.pk, 0), v.slug in chosen)
                for v in vocabulary
            ]
            facets[name] = sorted(values, key=lambda v: (-v.count, v.label))

        labels = dict(Status.choices)
        counts = self.counts("status", disjunctive=True)
        chosen = set(active.get("status", []))
        facets["status"] = [
            FacetValue(value, labels[value], counts.get(value, 0), value in chosen)
            for value in Status.values
            if counts.get(value) or value in chosen
        ]

        counts = self.counts("year", disjunctive=True)
        year_from, year_to = active.get("year_from", [None])[0], active.get("year_to", [None])[0]
        facets["year"] = [
            FacetValue(str(year), str(year), count, str(year) == year_from == year_to)
            for year, count in sorted(counts.items(), reverse=True)
        ]
        return facets

    def chips(self, query: QueryDict) -> list[dict]:
        """One removable chip per active filter value: its label and the URL of `query`
        (the page's valid query) without it."""
        form = self.filterset.form
        labels = {name: {v.value: v.label for v in values} for name, values in self.facets.items()}
        chips = []
        for name, values in self.filterset.active().items():
            for value in values:
                without = query.copy()
                without.setlist(name, [v for v in query.getlist(name) if v != value])
                label = labels.get(name, {}).get(value, value)
                if name == "q":
                    label = f"“{value}”"
                elif name == "meeting":
                    label = str(form.cleaned_data["meeting"].title)
                chips.append(
                    {
                        "field": form.fields[name].label,
                        "label": label,
                        "url": f"?{without.urlencode()}",
                    }
                )
        return chips
