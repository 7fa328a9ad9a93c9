"""The API of the `meetings` app: meetings (with their agenda, participants and
documents), documents, topics and organisations."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.site_url import absolute_url
from meetings.filters import DocumentFilter, MeetingFilter
from meetings.models import AgendaItem, Document, Meeting, Organisation, Participant, Topic
from recommendations.models import Recommendation

from .languages import TranslatedField
from .viewsets import ReadOnlyViewSet


class PageUrlField(serializers.Field):
    """The record's public page, on SITE_URL."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance) -> str:
        return absolute_url(instance.get_absolute_url())


PageUrlField = extend_schema_field({"type": "string", "format": "uri"})(PageUrlField)


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class OptionalUrlField(serializers.Field):
    """A link that may be missing: null rather than an empty string, which is no URL."""

    def __init__(self, **kwargs) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value: str) -> str | None:
        return value or None


def slugs() -> serializers.SlugRelatedField:
    """A many-to-many relation as the slugs of its records."""
    return serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)


class TopicSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    name = TranslatedField()
    description = TranslatedField()

    class Meta:
        model = Topic
        fields = ["slug", "url", "name", "description"]


class OrganisationSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    name = TranslatedField()
    short_name = TranslatedField(empty_stands=True)
    website = OptionalUrlField()

    class Meta:
        model = Organisation
        fields = ["slug", "url", "name", "short_name", "kind", "website"]


class DocumentSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    title = TranslatedField()
    description = TranslatedField()
    meeting = serializers.SlugRelatedField(
        source="public_meeting", slug_field="slug", read_only=True, allow_null=True
    )
    authors = slugs()
    topics = slugs()
    download_url = serializers.SerializerMethodField()
    link = OptionalUrlField(source="url")

    class Meta:
        model = Document
        fields = ["id", "url", "title", "kind", "language", "date", "description", "meeting",
                  "authors", "topics", "download_url", "link"]  # fmt: skip

    def get_download_url(self, document: Document) -> str | None:
        if not document.file:
            return None
        return absolute_url(reverse("documents:download", args=[document.pk]))


class AgendaItemSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    description = TranslatedField()
    outcome = TranslatedField()
    topics = slugs()

    class Meta:
        model = AgendaItem
        fields = ["order", "title", "description", "outcome", "topics"]


class PersonSerializer(serializers.Serializer):
    name = TranslatedField()
    position = TranslatedField()


class ParticipantSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    person = PersonSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Participant
        fields = ["role", "organisation", "person"]


class MeetingSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    title = TranslatedField()
    summary = TranslatedField()
    location = TranslatedField()
    source_url = OptionalUrlField()
    topics = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = ["slug", "url", "title", "date", "start_time", "end_time", "format", "kind",
                  "location", "summary", "source_url", "topics"]  # fmt: skip

    def get_topics(self, meeting: Meeting) -> list[str]:
        """The topics of its agenda items, each once."""
        return sorted({t.slug for item in meeting.agenda_items.all() for t in item.topics.all()})


class MeetingDetailSerializer(MeetingSerializer):
    agenda_items = AgendaItemSerializer(many=True, read_only=True)
    participants = ParticipantSerializer(many=True, read_only=True)
    documents = DocumentSerializer(source="public_documents", many=True, read_only=True)
    recommendations = serializers.SerializerMethodField()

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "agenda_items", "participants", "documents",
                  "recommendations"]  # fmt: skip

    def get_recommendations(self, meeting: Meeting) -> list[str]:
        """The references of the published recommendations adopted at it."""
        return [r.reference for r in meeting.public_recommendations]


def with_topics(meetings: QuerySet) -> QuerySet:
    return meetings.prefetch_related(
        Prefetch("agenda_items__topics", queryset=Topic.objects.only("slug"))
    )


# The years to choose from are the meetings' own, set when the filter is made: the schema
# cannot read their type from the class, so it is told.
extend_schema_field(OpenApiTypes.INT)(MeetingFilter.base_filters["year"])


class MeetingViewSet(ReadOnlyViewSet):
    """Published meetings, newest first; the filters of the /meetings/ page."""

    queryset = Meeting.objects.published()
    serializer_class = MeetingDetailSerializer
    list_serializer_class = MeetingSerializer
    filterset_class = MeetingFilter

    def get_filterset(self, data):
        # The years to choose from, read only when one is chosen (a cached answer then
        # costs one query more).
        dates = self.queryset.dates("date", "year", order="DESC") if "year" in data else []
        years = [d.year for d in dates]
        return MeetingFilter(data, queryset=self.get_queryset(), years=years)

    def get_queryset(self) -> QuerySet:
        meetings = super().get_queryset()
        if self.action == "list":
            return with_topics(meetings)
        documents = Document.objects.published().select_related("meeting")
        return with_topics(meetings).prefetch_related(
            Prefetch("participants", Participant.objects.select_related("organisation", "person")),
            Prefetch(
                "documents",
                documents.prefetch_related("authors", "topics"),
                to_attr="public_documents",
            ),
            Prefetch(
                "recommendations",
                Recommendation.objects.published()
                .order_by("reference")
                .only("reference", "meeting"),
                to_attr="public_recommendations",
            ),
        )


class DocumentViewSet(ReadOnlyViewSet):
    """Published documents, newest first; the filters of the /documents/ page."""

    queryset = (
        Document.objects.published().select_related("meeting").prefetch_related("authors", "topics")
    )
    serializer_class = DocumentSerializer
    filterset_class = DocumentFilter
    lookup_field = "pk"
    lookup_value_regex = r"[0-9]{1,18}"


class TopicViewSet(ReadOnlyViewSet):
    """The agenda topics shared by agenda items, documents and recommendations."""

    queryset = Topic.objects.all()
    serializer_class = TopicSerializer


class OrganisationViewSet(ReadOnlyViewSet):
    """State bodies, NGOs and international partners."""

    queryset = Organisation.objects.all()
    serializer_class = OrganisationSerializer
