"""Read-side queries several public pages share: a list's rows of activities, and a
record's published links."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from recommendations.models import Recommendation

from .models import Activity, ActivityBody, BodyRole, Link, OutsideRecommendation


def listed_activities(activities: QuerySet) -> QuerySet:
    """With what each row shows: its plan and section, its lead bodies, as plain lists."""
    return activities.select_related("plan", "section").prefetch_related(
        Prefetch(
            "bodies",
            queryset=ActivityBody.objects.filter(role=BodyRole.LEAD).select_related("organisation"),
            to_attr="lead_bodies",
        )
    )


def public_links(
    record: Recommendation | Activity | OutsideRecommendation,
) -> list[tuple[Link, Recommendation | Activity | OutsideRecommendation]]:
    """The record's published links (both ends public), each with the record at its other
    end: one query."""
    return [(link, link.other_end(record)) for link in Link.objects.of(record).published()]
