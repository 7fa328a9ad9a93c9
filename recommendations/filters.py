"""The one definition of how recommendations are filtered: the list page, its facet
counts, its exports and its feed all use RecommendationFilter (through selectors.py)."""

from __future__ import annotations

from collections.abc import Iterable

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from core import facets
from core.pagination import query_values
from core.search import MAX_QUERY_LENGTH
from meetings.models import Meeting, Organisation, Topic

from .models import AffectedGroup, Recommendation, Status

# A bad value in a multiple-choice filter must not cost a query per value.
MAX_CHOICES = 50


def search(qs: QuerySet, name: str, value: str) -> QuerySet:
    # The site-wide full-text search; the order is the list's (`sort` may rank by it).
    return qs.search(value, rank=False)


def words() -> django_filters.CharFilter:
    """`q`, the words of the site's search (its syntax, other forms of a word), on every
    list that takes it. Not a facet: it narrows every facet's counts."""
    return django_filters.CharFilter(
        method=search, label=_("Words"), max_length=MAX_QUERY_LENGTH, strip=True
    )


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
    def known(self) -> dict[str, int]:
        """Slug -> primary key of every row of the vocabulary (the facet index counts by
        key). Loaded once per form, only when the field has a value to check."""
        if not hasattr(self, "_known"):
            self._known = dict(self.vocabulary.values_list("slug", "pk"))
        return self._known

    def know(self, rows: Iterable) -> None:
        """Take these rows as the vocabulary known, when they are the only values given and
        already loaded (a topic's own page), saving the query."""
        self._known = {row.slug: row.pk for row in rows}


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
        # Recommendations linked to any chosen value, as a correlated EXISTS on the
        # many-to-many table's unique (recommendation, value) index: no join, no duplicate
        # rows, and the database can still read the results in the order of the sort's
        # index and stop after a page (`pk IN (…)` made SQLite read and sort every match).
        chosen = self.chosen_keys(value)
        linked = self.through.objects.filter(
            recommendation_id=OuterRef("pk"), **{f"{self.through_field}_id__in": chosen}
        )
        return qs.filter(Exists(linked))

    def chosen_keys(self, slugs: list[str]) -> list[int]:
        """The chosen rows' primary keys, as the form's validation read them: written into
        the query, so that PostgreSQL's planner sees which values (and how common they are)
        rather than a subquery it cannot estimate."""
        if not slugs:
            return []  # and no query for the vocabulary
        name = next(name for name, filter in self.parent.filters.items() if filter is self)
        known = self.parent.form.fields[name].known
        return [known[slug] for slug in slugs]


class RecommendationFilter(django_filters.FilterSet):
    """Filters of the spec's /recommendations/ URL: q, topic, group, status, body, year_from,
    year_to, meeting and sort."""

    SORTS = {
        "relevance": ["-rank", "-year", "-reference"],  # needs `q`
        "newest": ["-year", "-reference"],
        "oldest": ["year", "reference"],
        "reference": ["reference"],
    }

    q = words()
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
        """The results in the chosen order."""
        return self.filtered().order_by(*self.SORTS[self.chosen_sort])

    def filtered(self, *, without: Iterable[str] = ()) -> QuerySet:
        """The recommendations every valid filter lets through but those named in `without`,
        unordered: the list's results (`qs`), or a facet's (every filter but its own)."""
        return facets.filtered(self, without=without)

    def chosen(self, name: str) -> list:
        """A filter's valid value, as a list (empty when not chosen or not valid)."""
        self.errors  # noqa: B018
        value = self.form.cleaned_data.get(name)
        if value in (None, "", []):
            return []
        return list(value) if isinstance(value, list | tuple | set) else [value]

    def active(self) -> dict[str, list[str]]:
        """The valid, non-empty filter values, as lists of strings written as the page's links
        write them (pagination.valid_query), for chips and facets."""
        self.errors  # noqa: B018
        active = {}
        for name, value in self.form.cleaned_data.items():
            if name != "sort" and (values := query_values(self.form.fields[name], value)):
                active[name] = values
        return active
