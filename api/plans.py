"""The API of the `plans` app: action plans (with their sections and progress), their
activities (with their implementing bodies and history), the UN recommendations to
Kazakhstan (the links between these and the Dialogue Platform's recommendations are in
links.py).
Overdue flags and counts are as of today, so these answers vary by the day (clock.py)."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers

from plans import clock
from plans.filters import (
    ActivityFilter,
    KnownValuesFilter,
    OutsideRecommendationFilter,
    with_linked,
)
from plans.models import (
    ActionPlan,
    Activity,
    ActivityAssessment,
    ActivityBody,
    BodyRole,
    OutsideRecommendation,
    Response,
    SdgGoal,
    SdgTarget,
    Section,
)
from recommendations.models import Status

from .languages import TranslatedField
from .links import PublicLinksField
from .meetings import OptionalUrlField, PageUrlField, slugs
from .pagination import FacetedPagination
from .recommendations import AssessmentSerializer
from .viewsets import FacetedViewSet, ReadOnlyViewSet

# Filters over values of a vocabulary read from the database (sections by number, bodies,
# cycles, states, topics, groups and SDG goals): strings, which the schema cannot read from
# the filter, so it is told.
for vocabulary_filter in [*ActivityFilter.base_filters.values(),
                          *OutsideRecommendationFilter.base_filters.values()]:  # fmt: skip
    if isinstance(vocabulary_filter, KnownValuesFilter):
        extend_schema_field(OpenApiTypes.STR)(vocabulary_filter)

# The plan of a plan's activities, in their address.
PLAN_SLUG = OpenApiParameter(
    "plan_slug", OpenApiTypes.STR, OpenApiParameter.PATH, description="The plan's slug."
)


class SectionSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    activities = serializers.IntegerField(source="total", read_only=True)
    implemented = serializers.IntegerField(read_only=True)

    class Meta:
        model = Section
        fields = ["number", "title", "activities", "implemented"]


class ProgressSerializer(serializers.Serializer):
    activities = serializers.IntegerField(source="activity_count", read_only=True)
    implemented = serializers.IntegerField(source="implemented_count", read_only=True)
    overdue = serializers.IntegerField(
        source="overdue_count", read_only=True, help_text="Overdue as of today."
    )


class PlanSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    title = TranslatedField()
    description = TranslatedField()
    source_url = OptionalUrlField()
    follows = serializers.SerializerMethodField()
    progress = ProgressSerializer(source="*", read_only=True)
    sections = SectionSerializer(source="section_progress", many=True, read_only=True)

    class Meta:
        model = ActionPlan
        fields = ["slug", "url", "title", "legal_act_kind", "legal_act_number", "legal_act_date",
                  "adopted_on", "ends_on", "follows", "description", "source_url", "is_archived",
                  "progress", "sections"]  # fmt: skip

    @extend_schema_field({"type": "string", "nullable": True})
    def get_follows(self, plan: ActionPlan) -> str | None:
        """The slug of the plan it follows, unless that plan is a draft."""
        earlier = plan.follows
        return earlier.slug if earlier and earlier.is_published else None


class PlanViewSet(ReadOnlyViewSet):
    """Published action plans, with their progress and their sections' (as of today)."""

    queryset = ActionPlan.objects.published()
    serializer_class = PlanSerializer
    vary = staticmethod(clock.day_key)

    def get_queryset(self) -> QuerySet:
        sections = Section.objects.annotate(
            total=Count("activities"),
            implemented=Count("activities", filter=Q(activities__status=Status.IMPLEMENTED)),
        )
        return (
            super()
            .get_queryset()
            .with_progress(clock.today())
            .select_related("follows")
            .prefetch_related(Prefetch("sections", sections, to_attr="section_progress"))
        )


class ActivitySectionSerializer(serializers.ModelSerializer):
    title = TranslatedField()

    class Meta:
        model = Section
        fields = ["number", "title"]


class BodySerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = ActivityBody
        fields = ["organisation", "as_agreed"]


class ActivityAssessmentSerializer(AssessmentSerializer):
    class Meta(AssessmentSerializer.Meta):
        model = ActivityAssessment


class ActivitySerializer(serializers.ModelSerializer):
    url = PageUrlField()
    plan = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    section = ActivitySectionSerializer(read_only=True, allow_null=True)
    title = TranslatedField()
    expected_outcome = TranslatedField()
    lead_bodies = serializers.SerializerMethodField()
    co_implementing_bodies = serializers.SerializerMethodField()
    topics = slugs()
    affected_groups = slugs()
    deadline = TranslatedField()
    overdue = serializers.BooleanField(
        source="is_overdue", read_only=True, help_text="Overdue as of today."
    )

    class Meta:
        model = Activity
        fields = ["plan", "number", "url", "section", "title", "expected_outcome", "lead_bodies",
                  "co_implementing_bodies", "topics", "affected_groups", "deadline", "due_date",
                  "status", "overdue"]  # fmt: skip

    @extend_schema_field(BodySerializer(many=True))
    def get_lead_bodies(self, activity: Activity) -> list[dict]:
        bodies = [b for b in activity.body_list if b.role == BodyRole.LEAD]
        return BodySerializer(bodies, many=True).data

    @extend_schema_field(BodySerializer(many=True))
    def get_co_implementing_bodies(self, activity: Activity) -> list[dict]:
        bodies = [b for b in activity.body_list if b.role != BodyRole.LEAD]
        return BodySerializer(bodies, many=True).data


class ActivityDetailSerializer(ActivitySerializer):
    history = ActivityAssessmentSerializer(source="timeline", many=True, read_only=True)
    links = PublicLinksField()

    class Meta(ActivitySerializer.Meta):
        fields = [*ActivitySerializer.Meta.fields, "history", "links"]


def listed_activities(activities: QuerySet) -> QuerySet:
    """What each activity of a list shows, in a fixed number of queries."""
    return activities.select_related("plan", "section").prefetch_related(
        Prefetch(
            "bodies", ActivityBody.objects.select_related("organisation"), to_attr="body_list"
        ),
        "topics",
        "affected_groups",
    )


class ActivityViewSet(FacetedViewSet):
    """A published plan's activities, in the plan's order; the filters and facet counts of
    the plan's page (overdue as of today)."""

    queryset = Activity.objects.published()
    serializer_class = ActivityDetailSerializer
    list_serializer_class = ActivitySerializer
    filterset_class = ActivityFilter
    pagination_class = FacetedPagination.of("section", "body", "status", "overdue")
    lookup_field = "number"
    lookup_value_regex = r"[^/]+"
    vary = staticmethod(clock.day_key)

    def plan(self) -> ActionPlan | None:
        """The published plan of the address (404 if none); None across plans."""
        slug = self.kwargs.get("plan_slug")
        if slug is None:
            return None
        return get_object_or_404(ActionPlan.objects.published(), slug=slug)

    def get_queryset(self) -> QuerySet:
        activities = super().get_queryset().with_overdue(clock.today())
        if "plan_slug" in self.kwargs:
            activities = activities.filter(plan__slug=self.kwargs["plan_slug"])
        if self.action == "list":
            return activities.in_plan_order()
        history = ActivityAssessment.objects.select_related("assessed_by", "source")
        return listed_activities(activities).prefetch_related(
            Prefetch("assessments", history, to_attr="timeline")
        )

    def get_filterset(self, data) -> ActivityFilter:
        plan = self.plan()
        return ActivityFilter(data, queryset=self.get_queryset(), plan=plan, today=clock.today())

    def listed(self, records: QuerySet) -> QuerySet:
        return listed_activities(records)


@extend_schema(parameters=[PLAN_SLUG])
class PlanActivityViewSet(ActivityViewSet):
    """A published plan's activities (`/plans/<slug>/activities/`), each by its number as
    the plan writes it, as on the site (`/plans/<slug>/<number>/`)."""


# Across plans, a list only: an activity's address is its plan's.
@extend_schema_view(list=extend_schema(parameters=[OpenApiParameter("section", exclude=True)]))
class AllActivitiesViewSet(ActivityViewSet):
    """The activities of every published plan, plan by plan; the filters and facet counts
    of a plan's page but the section (a section's number names none across plans)."""

    pagination_class = FacetedPagination.of("body", "status", "overdue")


@extend_schema_field(
    {"type": "string", "enum": [*Response.values, None], "nullable": True, "description": "The state's "
     "response: null where none is given (treaty bodies)."}
)  # fmt: skip
class ResponseField(serializers.Field):
    """The state's response, null where none is given (the model keeps an empty string)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value: str) -> str | None:
        return value or None


class OutsideRecommendationSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(read_only=True, help_text="Its symbol and paragraph, as in "
                                 "its page's address: A/HRC/41/10, 139.24 is A-HRC-41-10-139.24.")  # fmt: skip
    url = PageUrlField()
    body = TranslatedField()
    recommending_state = TranslatedField()
    response = ResponseField()
    text = TranslatedField()
    topics = slugs()
    affected_groups = slugs()
    sdg_targets = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    source_url = OptionalUrlField()
    linked = serializers.BooleanField(
        source="is_linked",
        read_only=True,
        help_text="Whether a published recommendation or plan activity answers it.",
    )

    class Meta:
        model = OutsideRecommendation
        fields = ["slug", "url", "mechanism", "body", "cycle", "year", "document_symbol",
                  "paragraph", "recommending_state", "response", "text", "topics",
                  "affected_groups", "sdg_targets", "source_url", "linked"]  # fmt: skip


class OutsideRecommendationDetailSerializer(OutsideRecommendationSerializer):
    links = PublicLinksField()

    class Meta(OutsideRecommendationSerializer.Meta):
        fields = [*OutsideRecommendationSerializer.Meta.fields, "links"]


OUTSIDE_SLUG = OpenApiParameter(
    "slug",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="Its symbol and paragraph as in its page's address (A-HRC-41-10-139.24).",
)


@extend_schema_view(retrieve=extend_schema(parameters=[OUTSIDE_SLUG]))
class OutsideRecommendationViewSet(FacetedViewSet):
    """Published UN recommendations to Kazakhstan (UPR, treaty bodies, special procedures),
    newest first; the filters and facet counts of the /upr/ page."""

    queryset = OutsideRecommendation.objects.published()
    serializer_class = OutsideRecommendationDetailSerializer
    list_serializer_class = OutsideRecommendationSerializer
    filterset_class = OutsideRecommendationFilter
    pagination_class = FacetedPagination.of(
        "mechanism", "cycle", "response", "state", "topic", "group", "sdg", "linked"
    )
    lookup_value_regex = r"[^/]+"

    def get_queryset(self) -> QuerySet:
        return with_linked(super().get_queryset())

    def listed(self, records: QuerySet) -> QuerySet:
        return records.prefetch_related("topics", "affected_groups", "sdg_targets")

    def get_object(self) -> OutsideRecommendation:
        # As the page finds it: by its slug (or its primary key).
        found = self.listed(self.get_queryset())
        return get_object_or_404(found, OutsideRecommendation.lookup(self.kwargs["slug"]))


class SdgTargetSerializer(serializers.ModelSerializer):
    text = TranslatedField()

    class Meta:
        model = SdgTarget
        fields = ["number", "text"]


class SdgGoalSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    name = TranslatedField()
    targets = SdgTargetSerializer(many=True, read_only=True)

    class Meta:
        model = SdgGoal
        fields = ["number", "url", "name", "targets"]


class SdgGoalViewSet(ReadOnlyViewSet):
    """The 17 Sustainable Development Goals and their targets, which UN recommendations
    name by number; a goal's `url` lists the UN recommendations related to it."""

    queryset = SdgGoal.objects.prefetch_related("targets")
    serializer_class = SdgGoalSerializer
    lookup_field = "number"
    lookup_value_regex = r"[0-9]{1,2}"
