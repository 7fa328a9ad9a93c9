"""The links between a Dialogue Platform recommendation, a plan activity and a UN
recommendation: /links/, and each record's own links as its detail embeds them, both
through drafts never (a link shows only when both its ends are public)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.site_url import absolute_url
from plans.filters import LinkFilter
from plans.models import Link
from plans.selectors import public_links

from .viewsets import ReadOnlyViewSet


def end_schema(*identifiers: str) -> dict:
    """The schema of one end of a link: the identifiers of its record and its page's url,
    or null where the link has no such end."""
    properties = {name: {"type": "string"} for name in identifiers}
    return {
        "type": "object",
        "nullable": True,
        "properties": {**properties, "url": {"type": "string", "format": "uri"}},
        "required": [*identifiers, "url"],
    }


@extend_schema_field(end_schema("reference"))
class RecommendationEnd(serializers.Field):
    def to_representation(self, record) -> dict:
        return {"reference": record.reference, "url": absolute_url(record.get_absolute_url())}


@extend_schema_field(end_schema("plan", "number"))
class ActivityEnd(serializers.Field):
    def to_representation(self, record) -> dict:
        return {
            "plan": record.plan.slug,
            "number": record.number,
            "url": absolute_url(record.get_absolute_url()),
        }


@extend_schema_field(end_schema("slug"))
class OutsideRecommendationEnd(serializers.Field):
    def to_representation(self, record) -> dict:
        return {"slug": record.slug, "url": absolute_url(record.get_absolute_url())}


class LinkSerializer(serializers.ModelSerializer):
    """Exactly two of the three ends are given; the third is null."""

    recommendation = RecommendationEnd(read_only=True, allow_null=True)
    activity = ActivityEnd(read_only=True, allow_null=True)
    outside_recommendation = OutsideRecommendationEnd(read_only=True, allow_null=True)

    class Meta:
        model = Link
        fields = ["id", "kind", "recommendation", "activity", "outside_recommendation"]


@extend_schema_field(LinkSerializer(many=True))
class PublicLinksField(serializers.Field):
    """A record's published links, as its page lists them and /links/ gives them (its own
    end included): one query."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, record) -> list:
        return LinkSerializer([link for link, _ in public_links(record)], many=True).data


# The filters name records by their public identifiers: strings, as the schema is told.
for end_filter in LinkFilter.base_filters.values():
    if end_filter.field_name != "kind":
        extend_schema_field(OpenApiTypes.STR)(end_filter)


class LinkViewSet(ReadOnlyViewSet):
    """The published links between recommendations, plan activities and UN recommendations
    (both ends public), as the records' pages show them; `recommendation`, `plan` and
    `un_recommendation` give those touching one record, `kind` those of one kind."""

    queryset = Link.objects.published().select_related(
        "recommendation", "activity__plan", "outside_recommendation"
    )
    serializer_class = LinkSerializer
    filterset_class = LinkFilter
    lookup_field = "pk"
    lookup_value_regex = r"[0-9]{1,18}"
