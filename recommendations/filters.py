"""The one definition of how recommendations are filtered: the list page, its facet
counts, its exports and its feed all use RecommendationFilter."""

from __future__ import annotations

from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from pyroaring import BitMap

from dialogue_platform.core.pagination import query_values
from meetings.models import Meeting, Organisation, Topic

from .facet_index import VOCABULARY_FACETS, FacetIndex
from .models import AffectedGroup, Recommendation, Status

MAX_QUERY_LENGTH = 200
# A bad value in a multiple-choice filter must not cost a query per value.
MAX_CHOICES = 50


class SlugsField(forms.MultipleChoiceField):
    """Several slugs of one vocabulary; unknown ones make the field invalid (and ignored)."""

    def __init__(self, *, vocabulary: QuerySet, **kwargs) -> None:
        self.vocabulary = vocabulary
        super().__init__(**kwargs)

    def valid_value(self, value: str) -> bool:
        return value in self.known

    def clean(self, value):
        if value and len(value) > MAX_CHOICES:
            raise forms.ValidationError(_("Too many values chosen."), code="too_many")
        return super().clean(value)

    @property
    def known(self) -> set[str]:
        # Loaded once per form, only when the field has a value to check.
        if not hasattr(self, "_known"):
            self._known = set(self.vocabulary.values_list("slug", flat=True))
        return self._known


class SlugsFilter(django_filters.MultipleChoiceFilter):
    """Match any of the chosen slugs of a many-to-many vocabulary, without duplicating rows."""

    field_class = SlugsField

    def __init__(self, *, through_field: str, vocabulary: QuerySet, **kwargs) -> None:
        self.through_field = through_field
        super().__init__(vocabulary=vocabulary, **kwargs)

    @property
    def through(self) -> type:
        return Recommendation._meta.get_field(self.field_name).remote_field.through

    def filter(self, qs: QuerySet, value: list[str]) -> QuerySet:
        if not value:
            return qs
        # Recommendations linked to any chosen value, through the many-to-many table's
        # own index on the vocabulary column: no join, no duplicate rows.
        chosen = self.extra["vocabulary"].filter(slug__in=value).values("pk")
        linked = self.through.objects.filter(**{f"{self.through_field}_id__in": chosen})
        return qs.filter(pk__in=linked.values("recommendation_id"))


class RecommendationFilter(django_filters.FilterSet):
    """Filters of the spec's /recommendations/ URL: q, topic, group, status, body, year_from,
    year_to, meeting and sort."""

    SORTS = {
        "relevance": ["-rank", "-year", "-reference"],  # needs `q`
        "newest": ["-year", "-reference"],
        "oldest": ["year", "reference"],
        "reference": ["reference"],
    }

    q = django_filters.CharFilter(
        method="search", label=_("Words"), max_length=MAX_QUERY_LENGTH, strip=True
    )
    topic = SlugsFilter(
        field_name="topics", through_field="topic", vocabulary=Topic.objects.all(), label=_("Topic")
    )
    group = SlugsFilter(
        field_name="affected_groups",
        through_field="affectedgroup",
        vocabulary=AffectedGroup.objects.all(),
        label=_("Affected group"),
    )
    status = django_filters.MultipleChoiceFilter(
        choices=Status.choices, label=_("Status"), distinct=False
    )
    body = SlugsFilter(
        field_name="responsible_bodies",
        through_field="organisation",
        vocabulary=Organisation.objects.all(),
        label=_("Responsible body"),
    )
    year_from = django_filters.NumberFilter(
        field_name="year", lookup_expr="gte", label=_("From year"), min_value=2013, max_value=9999
    )
    year_to = django_filters.NumberFilter(
        field_name="year", lookup_expr="lte", label=_("To year"), min_value=2013, max_value=9999
    )
    meeting = django_filters.ModelChoiceFilter(
        queryset=Meeting.objects.published(),
        to_field_name="slug",
        label=_("Meeting"),
        widget=forms.HiddenInput,
    )
    sort = django_filters.ChoiceFilter(
        method="sort_by",
        choices=[
            ("relevance", _("Best match (with words)")),
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
            ("reference", _("By reference")),
        ],
        empty_label=None,
        label=_("Sort"),
    )

    class Meta:
        model = Recommendation
        fields: list[str] = []

    def search(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        # The site-wide full-text search; ordering is left to `sort`.
        return qs.search(value, rank=False)

    def sort_by(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs  # applied last, in `qs`, once `q` has added its rank

    @property
    def chosen_sort(self) -> str:
        """The chosen order; by default best match with words, newest first without."""
        self.errors  # validate once  # noqa: B018
        searching = bool(self.form.cleaned_data.get("q"))
        sort = self.form.cleaned_data.get("sort") or ("relevance" if searching else "newest")
        return "newest" if sort == "relevance" and not searching else sort

    @property
    def qs(self) -> QuerySet:
        return super().qs.order_by(*self.SORTS[self.chosen_sort])

    def matches(self, index: FacetIndex) -> dict[str, BitMap]:
        """What each valid, non-empty filter lets through, as numbers of the index (the two
        ends of the year range as one filter, "year"). Facet filters are read from the
        index; the others (words, meeting) are asked of the database."""
        self.errors  # noqa: B018
        data = {name: value for name, value in self.form.cleaned_data.items() if value}
        data.pop("sort", None)
        matches = {}
        for name in (*VOCABULARY_FACETS, "status"):
            if name in data:
                matches[name] = index.any_of(name, data.pop(name))
        year_from, year_to = data.pop("year_from", None), data.pop("year_to", None)
        if year_from or year_to:
            years = [y for y in index.values["year"] if (year_from or y) <= y <= (year_to or y)]
            matches["year"] = index.any_of("year", years)
        for name, value in data.items():
            matches[name] = index.of(self.filters[name].filter(Recommendation.objects.all(), value))
        return matches

    def active(self) -> dict[str, list[str]]:
        """The valid, non-empty filter values, as lists of strings written as the page's links
        write them (pagination.valid_query), for chips and facets."""
        self.errors  # noqa: B018
        active = {}
        for name, value in self.form.cleaned_data.items():
            if name != "sort" and (values := query_values(self.form.fields[name], value)):
                active[name] = values
        return active


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def facet_counts(
    filterset: RecommendationFilter, index: FacetIndex, matches: dict[str, BitMap]
) -> dict[str, list[FacetValue]]:
    """Each facet's counts apply every other active filter but its own, so each number is
    how many results choosing that value (in addition to the others chosen) would give.
    `matches` is filterset.matches(index)."""
    active = filterset.active()
    facets: dict[str, list[FacetValue]] = {}
    for name in VOCABULARY_FACETS:
        counts = index.counts(name, index.results(matches, without=name))
        chosen = set(active.get(name, []))
        # The few vocabulary rows, for their names in the reader's language.
        vocabulary = (
            filterset.filters[name].extra["vocabulary"].filter(slug__in=set(counts) | chosen)
        )
        values = [
            FacetValue(v.slug, v.name, counts.get(v.slug, 0), v.slug in chosen) for v in vocabulary
        ]
        facets[name] = sorted(values, key=lambda v: (-v.count, v.label))

    labels = dict(Status.choices)
    counts = index.counts("status", index.results(matches, without="status"))
    chosen = set(active.get("status", []))
    facets["status"] = [
        FacetValue(value, labels[value], counts.get(value, 0), value in chosen)
        for value in Status.values
        if counts.get(value) or value in chosen
    ]

    counts = index.counts("year", index.results(matches, without="year"))
    year_from, year_to = active.get("year_from", [None])[0], active.get("year_to", [None])[0]
    facets["year"] = [
        FacetValue(str(year), str(year), count, str(year) == year_from == year_to)
        for year, count in sorted(counts.items(), reverse=True)
    ]
    return facets
