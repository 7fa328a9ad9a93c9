"""Looks into a benchmark database and prints, as JSON, what it holds and what to measure:
a typical recommendation, meeting, topic and organisation, a filtered list, a filter that
exports about 10,000 rows, and never-seen filter combinations for the cold-cache test.

Run by bench/serve.py as `python -m bench.probe` with the benchmark's DATABASE_URL.
"""

from __future__ import annotations

import argparse
import json
import os
import random
from urllib.parse import urlencode

import django

EXPORT_ROWS = 10_000
COLD_COMBINATIONS = 20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0, help="picks the cold-cache filters")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dialogue_platform.settings")
    django.setup()
    print(json.dumps(findings(args.seed), ensure_ascii=False))


def findings(seed: int) -> dict:
    from django.db.models import Count
    from django.http import QueryDict

    from bench.sample import sample_meetings, sample_recommendations
    from meetings.models import Meeting, Organisation, Topic
    from recommendations.filters import RecommendationFilter
    from recommendations.models import AffectedGroup, Recommendation, Status

    published = Recommendation.objects.published()
    found: dict = {
        "sample_recommendations": sample_recommendations().count(),
        "sample_meetings": sample_meetings().count(),
        "other_recommendations": Recommendation.objects.count() - sample_recommendations().count(),
        "published_recommendations": published.count(),
    }
    if not found["published_recommendations"]:
        return found

    # A recommendation with a meeting and a history: the page has all it can show.
    recommendation = (
        published.filter(meeting__is_published=True)
        .annotate(entries=Count("assessments"))
        .filter(entries__gte=2)
        .order_by("reference")
        .first()
    ) or published.order_by("reference").first()
    meetings = Meeting.objects.published().order_by("date", "slug")
    meeting = meetings[meetings.count() // 2]  # from the middle of the record

    def by_use(field: str) -> list[tuple[int, int]]:
        """(value id, published recommendations linked to it) of a many-to-many field,
        busiest first."""
        relation = Recommendation._meta.get_field(field)
        column = relation.m2m_reverse_name()
        return list(
            relation.remote_field.through.objects.filter(recommendation__is_published=True)
            .values_list(column)
            .annotate(n=Count("pk"))
            .order_by("-n", column)
        )

    # The busiest topic and addressee: the heaviest of their kind.
    topic_counts, body_counts = by_use("topics"), by_use("responsible_bodies")
    topic = Topic.objects.get(pk=topic_counts[0][0])
    organisation = Organisation.objects.get(pk=body_counts[0][0])
    statuses = dict(published.filter(topics=topic).values_list("status").annotate(Count("pk")))
    status = (
        Status.IN_PROGRESS if statuses.get(Status.IN_PROGRESS) else max(statuses, key=statuses.get)
    )

    def count(query: str) -> int:
        return RecommendationFilter(QueryDict(query), queryset=published).qs.count()

    # The filter whose export is closest to 10,000 rows, among single years, statuses and
    # topics (cheap aggregate counts first, then the chosen one through the FilterSet).
    candidates = [
        (urlencode({"year_from": y, "year_to": y}), n)
        for y, n in published.values_list("year").annotate(Count("pk"))
    ] + [
        (urlencode({"status": s}), n) for s, n in published.values_list("status").annotate(Count("pk"))
    ] + [
        (urlencode({"topic": Topic.objects.get(pk=t).slug}), n) for t, n in topic_counts
    ]  # fmt: skip
    export_query = min(candidates, key=lambda c: abs(c[1] - EXPORT_ROWS))[0]

    # Filter combinations no one has asked for in this run: a topic, a status and one of a
    # body, an affected group or a year range, drawn at random.
    rng = random.Random(seed)
    topics = list(Topic.objects.order_by("slug").values_list("slug", flat=True))
    bodies = list(
        Organisation.objects.filter(pk__in=[pk for pk, _ in body_counts]).values_list(
            "slug", flat=True
        )
    )
    groups = list(AffectedGroup.objects.order_by("slug").values_list("slug", flat=True))
    cold: list[str] = []
    while len(cold) < COLD_COMBINATIONS:
        query = {"topic": rng.choice(topics), "status": rng.choice(Status.values)}
        third = len(cold) % 3
        if third == 0:
            query["body"] = rng.choice(bodies)
        elif third == 1 and groups:
            query["group"] = rng.choice(groups)
        else:
            start = rng.randint(2013, 2022)
            query.update(year_from=start, year_to=start + rng.randint(0, 3))
        encoded = urlencode(query)
        if encoded not in cold:
            cold.append(encoded)

    filtered = urlencode({"topic": topic.slug, "status": status})
    found.update(
        recommendation=recommendation.get_absolute_url(),
        recommendation_assessments=recommendation.assessments.count(),
        meeting=meeting.get_absolute_url(),
        meeting_recommendations=meeting.recommendations.count(),
        topic=topic.get_absolute_url(),
        topic_recommendations=topic_counts[0][1],
        organisation=organisation.get_absolute_url(),
        organisation_recommendations=body_counts[0][1],
        filtered=filtered,
        filtered_rows=count(filtered),
        export=export_query,
        export_rows=count(export_query),
        cold=cold,
    )
    return found


if __name__ == "__main__":
    main()
