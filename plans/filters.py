"""The filters of a plan's activities and of the outside recommendations: each FilterSet
drives its page, its facet counts (core/facets.py), its exports and its feed."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from core.facets import Facet
from core.languages import translated
from meetings.models import Organisation, Topic
from recommendations.filters import MAX_CHOICES, words
from recommendations.models import AffectedGroup, Recommendation, Status

from .models import (
    SETTLED,
    ActionPlan,
    Link,
    LinkKind,
    Mechanism,
    OutsideRecommendation,
    Response,
    SdgGoal,
    Section,
)


class KnownValuesField(forms.MultipleChoiceField):
    """Several values of a vocabulary read from the database (`known`, asked once, only
    when there is a value to check); unknown ones make the field invalid (and ignored)."""

    def __init__(self, *, known: Callable[[], set[str]] | None = None, **kwargs) -> None:
        self.known = known or set
        super().__init__(**kwargs)

    def valid_value(self, value: str) -> bool:
        if not hasattr(self, "_known"):
            self._known = self.known()
        return value in self._known

    def clean(self, value):
        if value and len(value) > MAX_CHOICES:
            raise forms.ValidationError(_("Too many values chosen."), code="too_many")
        return super().clean(value)


class KnownValuesFilter(django_filters.MultipleChoiceFilter):
    field_class = KnownValuesField

    def __init__(self, *, lookup: str, **kwargs) -> None:
        self.lookup = lookup
        super().__init__(**kwargs)

    def filter(self, qs: QuerySet, value: list[str]) -> QuerySet:
        if not value:
            return qs
        # Through a subquery, so a many-to-many lookup never duplicates rows.
        matching = qs.model.objects.filter(**{f"{self.lookup}__in": value}).values("pk")
        return qs.filter(pk__in=matching)


def slugs_of(vocabulary: QuerySet) -> Callable[[], set[str]]:
    return lambda: set(vocabulary.values_list("slug", flat=True))


def named(vocabulary: QuerySet, key: str = "slug", name: str = "name") -> Callable:
    """Facet labels: the vocabulary's rows for the values counted, in its order."""

    def labels(values: set[str]) -> dict[str, str]:
        rows = vocabulary.filter(**{f"{key}__in": values})
        return {str(getattr(row, key)): str(getattr(row, name)) for row in rows}

    return labels


def choices_of(choices: list[tuple[str, str]]) -> Callable:
    return lambda values: {value: str(label) for value, label in choices if value in values}


class ActivityFilter(django_filters.FilterSet):
    """A plan's activities: q (words of the number, title or expected outcome), section
    (number), body (organisation slug, lead or co-implementing), status and overdue (yes or
    no, as of `today`). Without a plan (the activities of every plan, in the API), no
    section: its number names none across plans."""

    q = words()
    section = KnownValuesFilter(lookup="section__number", label=_("Section"))
    body = KnownValuesFilter(
        lookup="bodies__organisation__slug",
        known=slugs_of(Organisation.objects.all()),
        label=_("Responsible body"),
    )
    status = django_filters.MultipleChoiceFilter(
        choices=Status.choices, label=_("Status"), distinct=False
    )
    overdue = django_filters.ChoiceFilter(
        choices=[("yes", _("Overdue")), ("no", _("Not overdue"))],
        method="filter_overdue",
        label=_("Overdue"),
    )

    def __init__(self, data=None, queryset=None, *, plan, today: datetime.date, **kwargs):
        self.plan, self.today = plan, today
        super().__init__(data, queryset=queryset, **kwargs)
        if plan is None:
            del self.filters["section"]
        else:
            self.filters["section"].extra["known"] = lambda: set(
                Section.objects.filter(plan=plan).values_list("number", flat=True)
            )

    def filter_overdue(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        overdue = Q(due_date__lt=self.today) & ~Q(status__in=SETTLED)
        return qs.filter(overdue) if value == "yes" else qs.exclude(overdue)

    def facets(self) -> list[Facet]:
        plan = self.plan
        section = Facet(
            "section",
            "section__number",
            named(Section.objects.filter(plan=plan), key="number", name="title"),
        )
        return [
            *([section] if plan is not None else []),
            Facet(
                "body",
                "bodies__organisation__slug",
                named(Organisation.objects.order_by("name")),
            ),
            Facet("status", "status", choices_of(Status.choices)),
            Facet(
                "overdue",
                "is_overdue",
                choices_of(self.filters["overdue"].extra["choices"]),
                key=lambda flag: "yes" if flag else "no",
            ),
        ]


def published_links() -> QuerySet:
    """Published links of an outside recommendation to a Dialogue Platform recommendation
    or a plan activity (a link through a draft counts for nothing)."""
    return Link.objects.published().filter(outside_recommendation=OuterRef("pk"))


def with_linked(queryset: QuerySet) -> QuerySet:
    """Annotate `is_linked`: whether a published record of the Platform or a plan answers it."""
    return queryset.annotate(is_linked=Exists(published_links()))


def state_labels(values: set[str]) -> dict[str, str]:
    """The recommending states (kept by their English name) in the reader's language."""
    rows = (
        OutsideRecommendation.objects.published()
        .filter(recommending_state_en__in=values)
        .order_by("recommending_state_en")
    )
    labels: dict[str, str] = {}
    for row in rows:
        labels.setdefault(row.recommending_state_en, translated(row, "recommending_state").text)
    return dict(sorted(labels.items(), key=lambda item: item[1]))


class OutsideRecommendationFilter(django_filters.FilterSet):
    """/upr/: q (words of the symbol, paragraph, text or state), mechanism, cycle,
    response, state, topic, group, SDG goal (number) and linked (yes: a published
    recommendation or plan activity is linked; no: none is)."""

    q = words()
    mechanism = django_filters.MultipleChoiceFilter(
        choices=Mechanism.choices, label=_("Mechanism"), distinct=False
    )
    cycle = KnownValuesFilter(
        lookup="cycle",
        known=lambda: set(
            OutsideRecommendation.objects.published().values_list("cycle", flat=True)
        ),
        label=_("Cycle or session"),
    )
    response = django_filters.MultipleChoiceFilter(
        choices=Response.choices, label=_("Response"), distinct=False
    )
    state = KnownValuesFilter(
        lookup="recommending_state_en",
        known=lambda: set(
            OutsideRecommendation.objects.published().values_list(
                "recommending_state_en", flat=True
            )
        ),
        label=_("Recommending state"),
    )
    topic = KnownValuesFilter(
        lookup="topics__slug", known=slugs_of(Topic.objects.all()), label=_("Topic")
    )
    group = KnownValuesFilter(
        lookup="affected_groups__slug",
        known=slugs_of(AffectedGroup.objects.all()),
        label=_("Affected group"),
    )
    sdg = KnownValuesFilter(
        lookup="sdg_targets__goal__number",
        known=lambda: {str(n) for n in range(1, 18)},
        label=_("SDG goal"),
    )
    linked = django_filters.ChoiceFilter(
        choices=[
            ("yes", _("Answered by a Platform recommendation or a plan activity")),
            ("no", _("Not yet answered by any")),
        ],
        method="filter_linked",
        label=_("Linked records"),
    )

    def filter_linked(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        linked = Exists(published_links())
        return qs.filter(linked) if value == "yes" else qs.filter(~linked)

    def facets(self) -> list[Facet]:
        return [
            Facet("mechanism", "mechanism", choices_of(Mechanism.choices)),
            Facet("cycle", "cycle", lambda values: {v: v for v in sorted(values) if v}),
            Facet("response", "response", choices_of(Response.choices)),
            Facet("state", "recommending_state_en", state_labels),
            Facet("topic", "topics__slug", named(Topic.objects.all())),
            Facet("group", "affected_groups__slug", named(AffectedGroup.objects.all())),
            Facet(
                "sdg",
                "sdg_targets__goal__number",
                named(SdgGoal.objects.all(), key="number"),
            ),
            Facet(
                "linked",
                "is_linked",
                choices_of(self.filters["linked"].extra["choices"]),
                key=lambda flag: "yes" if flag else "no",
            ),
        ]


class PublishedOutsideRecommendationField(forms.ModelChoiceField):
    """A published UN recommendation by its slug (or primary key), as its address names it;
    anything else is an invalid choice."""

    def to_python(self, value: str) -> OutsideRecommendation | None:
        if value in self.empty_values:
            return None
        try:
            return self.queryset.get(OutsideRecommendation.lookup(value))
        except (ValueError, OutsideRecommendation.DoesNotExist):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class PublishedOutsideRecommendationFilter(django_filters.ModelChoiceFilter):
    field_class = PublishedOutsideRecommendationField


class LinkFilter(django_filters.FilterSet):
    """The API's /links/ (no page lists links: each record's page shows its own): those
    touching a published recommendation (by reference), a published plan's activities (by
    the plan's slug) or a published UN recommendation (by slug), and of a kind. A record
    that is not public is an invalid choice, as one that does not exist."""

    recommendation = django_filters.ModelChoiceFilter(
        queryset=Recommendation.objects.published(),
        to_field_name="reference",
        label=_("recommendation"),
    )
    plan = django_filters.ModelChoiceFilter(
        field_name="activity__plan",
        queryset=ActionPlan.objects.published(),
        to_field_name="slug",
        label=_("action plan"),
    )
    un_recommendation = PublishedOutsideRecommendationFilter(
        field_name="outside_recommendation",
        queryset=OutsideRecommendation.objects.published(),
        label=_("outside recommendation"),
    )
    kind = django_filters.ChoiceFilter(choices=LinkKind.choices, label=_("kind of link"))

    class Meta:
        model = Link
        fields = ["recommendation", "plan", "un_recommendation", "kind"]
