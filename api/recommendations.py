"""The API of the `recommendations` app: recommendations (with their implementation
history) and affected groups."""

from __future__ import annotations

from dataclasses import asdict

from django.db.models import Prefetch, QuerySet
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from meetings.models import AgendaItem
from recommendations.filters import RecommendationFilter
from recommendations.models import AffectedGroup, Assessment, Recommendation

from .caching import cached_answer
from .languages import TranslatedField
from .links import PublicLinksField
from .meetings import PageUrlField, slugs
from .pagination import FacetedPagination
from .recommendation_results import recommendation_results
from .viewsets import ReadOnlyViewSet


class AffectedGroupSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    name = TranslatedField()

    class Meta:
        model = AffectedGroup
        fields = ["slug", "url", "name"]


class AdoptedAtItemSerializer(serializers.ModelSerializer):
    title = TranslatedField()

    class Meta:
        model = AgendaItem
        fields = ["order", "title"]


class AssessmentSerializer(serializers.ModelSerializer):
    summary = TranslatedField()
    assessed_by = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    source = serializers.SerializerMethodField()
    origin_label = serializers.CharField(
        read_only=True,
        help_text="Who speaks, as the page labels it, in the language of the answer: "
        "“Secretariat assessment”, “Government report of <body>”, “Evaluation of <NGO>”.",
    )
    sets_status = serializers.BooleanField(
        read_only=True,
        help_text="False for an independent evaluation: it stands beside the others and does "
        "not set the current status.",
    )

    class Meta:
        model = Assessment
        fields = [
            "date", "status", "origin", "origin_label", "sets_status", "summary", "assessed_by",
            "source",
        ]  # fmt: skip

    def get_source(self, assessment: Assessment) -> int | None:
        """The id of the document it cites, unless that document is a draft."""
        source = assessment.source
        return source.pk if source and source.is_published else None


class RecommendationSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    text = TranslatedField()
    # Never the meeting or agenda item of a meeting still in draft.
    meeting = serializers.SlugRelatedField(
        source="public_meeting", slug_field="slug", read_only=True, allow_null=True
    )
    agenda_item = AdoptedAtItemSerializer(
        source="public_agenda_item", read_only=True, allow_null=True
    )
    topics = slugs()
    affected_groups = slugs()
    responsible_bodies = slugs()
    proposed_by = slugs()

    class Meta:
        model = Recommendation
        fields = ["reference", "url", "year", "status", "text", "meeting", "agenda_item",
                  "topics", "affected_groups", "responsible_bodies", "proposed_by"]  # fmt: skip


class RecommendationDetailSerializer(RecommendationSerializer):
    history = AssessmentSerializer(source="timeline", many=True, read_only=True)
    links = PublicLinksField()

    class Meta(RecommendationSerializer.Meta):
        fields = [*RecommendationSerializer.Meta.fields, "history", "links"]


def listed(recommendations: QuerySet) -> QuerySet:
    """What each recommendation of a list shows, in a fixed number of queries."""
    return recommendations.select_related("meeting", "agenda_item").prefetch_related(
        "topics", "affected_groups", "responsible_bodies", "proposed_by"
    )


class RecommendationViewSet(ReadOnlyViewSet):
    """Published recommendations; the filters and the facet counts of the /recommendations/
    page. Newest first unless `sort` says otherwise."""

    queryset = Recommendation.objects.published()
    serializer_class = RecommendationDetailSerializer
    list_serializer_class = RecommendationSerializer
    filterset_class = RecommendationFilter
    pagination_class = FacetedPagination.of("topic", "group", "body", "status", "year")
    lookup_field = "reference"
    lookup_value_regex = r"[A-Za-z0-9][A-Za-z0-9-]*"

    def get_queryset(self) -> QuerySet:
        if self.action == "list":
            return super().get_queryset()
        history = Assessment.objects.select_related("assessed_by", "source")
        return listed(super().get_queryset()).prefetch_related(
            Prefetch("assessments", history, to_attr="timeline")
        )

    @cached_answer
    def list(self, request: Request, *args, **kwargs) -> Response:
        found = recommendation_results(request._request, self.filterset, listed)
        page = self.paginator.paginate(found.ordered, request, count=found.count)
        data = self.get_serializer(page, many=True).data
        facets = {name: [asdict(v) for v in values] for name, values in found.facets.items()}
        return self.paginator.get_paginated_response(data, facets)


class AffectedGroupViewSet(ReadOnlyViewSet):
    """The groups of persons recommendations concern."""

    queryset = AffectedGroup.objects.all()
    serializer_class = AffectedGroupSerializer
