"""The open-data format of recommendations: the columns of /recommendations/export.csv and
export.json, which `import_recommendations` reads back (so export → import round-trips).

Columns (stable; documented in the README):
    reference             unique reference, e.g. CAB-2017-014
    year                  year of adoption (2013 or later)
    status                current status (the latest assessment's), a Status value
    text                  the recommendation's text
    topics                topic slugs, separated by "; "
    affected_groups       affected-group slugs, separated by "; "
    responsible_bodies    organisation slugs of the bodies it is addressed to, "; "-separated
    meeting               slug of the (published) meeting where it was adopted, or empty
    last_assessment_date  date of the latest assessment (YYYY-MM-DD), or empty
    url                   its public page
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from meetings.models import Organisation, Topic

from .models import AffectedGroup, Assessment, Recommendation

COLUMNS = [
    "reference",
    "year",
    "status",
    "text",
    "topics",
    "affected_groups",
    "responsible_bodies",
    "meeting",
    "last_assessment_date",
    "url",
]
LIST_SEPARATOR = "; "
CHUNK_SIZE = 2000  # rows fetched (with their prefetches) per round trip while streaming


def export_queryset(recommendations: QuerySet) -> QuerySet:
    """The recommendations with everything a row needs, in a fixed number of queries per chunk."""
    latest = (
        Assessment.objects.filter(recommendation=OuterRef("pk"))
        .order_by("-date")
        .values("date")[:1]
    )
    return (
        recommendations.select_related("meeting")
        .annotate(last_assessment_date=Subquery(latest))
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.only("slug").order_by("slug")),
            Prefetch(
                "affected_groups", queryset=AffectedGroup.objects.only("slug").order_by("slug")
            ),
            Prefetch(
                "responsible_bodies", queryset=Organisation.objects.only("slug").order_by("slug")
            ),
        )
    )


def row(recommendation: Recommendation, absolute_url: Callable[[str], str]) -> dict[str, Any]:
    """One recommendation as a dict of the export's columns (lists stay lists)."""
    meeting = recommendation.public_meeting
    last = recommendation.last_assessment_date
    return {
        "reference": recommendation.reference,
        "year": recommendation.year,
        "status": recommendation.status,
        "text": recommendation.text,
        "topics": [t.slug for t in recommendation.topics.all()],
        "affected_groups": [g.slug for g in recommendation.affected_groups.all()],
        "responsible_bodies": [o.slug for o in recommendation.responsible_bodies.all()],
        "meeting": meeting.slug if meeting else "",
        "last_assessment_date": last.isoformat() if last else "",
        "url": absolute_url(recommendation.get_absolute_url()),
    }


def rows(recommendations: QuerySet, absolute_url: Callable[[str], str]) -> Iterator[dict]:
    for recommendation in export_queryset(recommendations).iterator(chunk_size=CHUNK_SIZE):
        yield row(recommendation, absolute_url)


class _Echo:
    """A file-like object whose write() returns what it was given (for streaming csv)."""

    def write(self, value: str) -> str:
        return value


def csv_lines(records: Iterable[dict]) -> Iterator[str]:
    """CSV text with a byte-order mark, so spreadsheet programs read the Cyrillic right."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(COLUMNS)
    for record in records:
        yield writer.writerow(
            [
                LIST_SEPARATOR.join(v) if isinstance(v, list) else v
                for v in (record[c] for c in COLUMNS)
            ]
        )


def json_chunks(records: Iterable[dict]) -> Iterator[str]:
    """A JSON array of row objects, written one row at a time."""
    yield "["
    for n, record in enumerate(records):
        yield ("," if n else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]\n"
