"""The one definition of how recommendations are filtered: the list page, its facet
counts, its exports and its feed all use RecommendationFilter."""

from __future__ import annotations

from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting, Organisation, Topic

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
    def qs(self) -> QuerySet:
        qs = super().qs
        searching = bool(self.form.cleaned_data.get("q"))
        sort = self.form.cleaned_data.get("sort") or ("relevance" if searching else "newest")
        if sort == "relevance" and not searching:
            sort = "newest"
        return qs.order_by(*self.SORTS[sort])

    def queryset_without(self, *names: str) -> QuerySet:
        """The result with every valid filter applied except `names` (for disjunctive facets)."""
        self.errors  # validate once  # noqa: B018
        qs = self.queryset.all()
        for name, value in self.form.cleaned_data.items():
            if name not in names and name != "sort":
                qs = self.filters[name].filter(qs, value)
        return qs

    def active(self) -> dict[str, list[str]]:
        """The valid, non-empty filter values, as lists of strings (for chips and links)."""
        self.errors  # noqa: B018
        active = {}
        for name, value in self.form.cleaned_data.items():
            if name == "sort" or value in (None, "", []):
                continue
            if isinstance(value, Meeting):
                value = value.slug
            active[name] = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        return active


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def facet_counts(filterset: RecommendationFilter) -> dict[str, list[FacetValue]]:
    """Each facet's counts apply every other active filter but its own, so each number is
    how many results choosing that value (in addition to the others chosen) would give."""
    active = filterset.active()
    facets: dict[str, list[FacetValue]] = {}
    for name in ("topic", "group", "body"):
        slugs_filter = filterset.filters[name]
        column = f"{slugs_filter.through_field}_id"
        # Counted by id on the many-to-many table alone (its index covers it); the few
        # vocabulary rows are then read for their slugs and names in the reader's language.
        counts = dict(
            slugs_filter.through.objects.filter(
                recommendation_id__in=filterset.queryset_without(name).values("pk")
            )
            .values_list(column)
            .annotate(Count("recommendation_id"))
            .order_by()
        )
        chosen = set(active.get(name, []))
        vocabulary = slugs_filter.extra["vocabulary"].filter(
            Q(pk__in=list(counts)) | Q(slug__in=chosen)
        )
        values = [
            FacetValue(v.slug, v.name, counts.get(v.pk, 0), v.slug in chosen) for v in vocabulary
        ]
        facets[name] = sorted(values, key=lambda v: (-v.count, v.label))

    labels = dict(Status.choices)
    counts = dict(
        filterset.queryset_without("status").order_by().values_list("status").annotate(Count("pk"))
    )
    chosen = set(active.get("status", []))
    facets["status"] = [
        FacetValue(value, labels[value], counts.get(value, 0), value in chosen)
        for value in Status.values
        if counts.get(value) or value in chosen
    ]

    years = (
        filterset.queryset_without("year_from", "year_to")
        .order_by("-year")
        .values_list("year")
        .annotate(Count("pk"))
    )
    year_from, year_to = active.get("year_from", [None])[0], active.get("year_to", [None])[0]
    facets["year"] = [
        FacetValue(str(year), str(year), count, str(year) == year_from == year_to)
        for year, count in years
    ]
    return facets
