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
import io
import json
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from django.db import connection
from django.db.models import OuterRef, QuerySet, Subquery
from django.urls import reverse

from meetings.languages import content_languages
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


def rows(recommendations: QuerySet, absolute_url: Callable[[str], str]) -> Iterator[dict]:
    """The export's rows, streamed: plain values a chunk at a time, with each chunk's
    topics, groups and bodies read from the many-to-many tables in one query apiece
    (no model instances: this is what lets 10,000 rows stream in well under a second)."""
    latest = (
        Assessment.objects.filter(recommendation=OuterRef("pk"))
        .order_by("-date")
        .values("date")[:1]
    )
    # The text in the reader's language, or its fallbacks, picked here from the raw
    # columns: modeltranslation's own fallback costs more than the rest of the row.
    languages = content_languages()
    values = recommendations.annotate(last_assessment_date=Subquery(latest)).values_list(
        "pk", "reference", "year", "status", "meeting__slug", "meeting__is_published",
        "last_assessment_date", *(f"text_{code}" for code in languages),
    )  # fmt: skip
    vocabularies = {
        "topics": dict(Topic.objects.values_list("pk", "slug")),
        "affected_groups": dict(AffectedGroup.objects.values_list("pk", "slug")),
        "responsible_bodies": dict(Organisation.objects.values_list("pk", "slug")),
    }
    # References are URL-safe (see Recommendation.reference), so one reverse() serves all.
    url = absolute_url(reverse("recommendations:detail", args=["REFERENCE"]))
    prefix, suffix = url.split("REFERENCE")
    for chunk in batched(values.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
        ids = [row[0] for row in chunk]
        linked = {name: _linked(name, ids, slugs) for name, slugs in vocabularies.items()}
        for pk, reference, year, status, meeting, meeting_public, last, *texts in chunk:
            yield {
                "reference": reference,
                "year": year,
                "status": status,
                "text": next((text for text in texts if text), ""),
                "topics": linked["topics"].get(pk, []),
                "affected_groups": linked["affected_groups"].get(pk, []),
                "responsible_bodies": linked["responsible_bodies"].get(pk, []),
                "meeting": meeting if meeting_public else "",
                "last_assessment_date": last.isoformat() if last else "",
                "url": f"{prefix}{reference}{suffix}",
            }


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` items (itertools.batched arrives only in Python 3.12)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _linked(field: str, ids: list[int], slugs: dict[int, str]) -> dict[int, list[str]]:
    """{recommendation id: sorted slugs} for one many-to-many field and a chunk of ids."""
    through = Recommendation._meta.get_field(field).remote_field.through
    table = connection.ops.quote_name(through._meta.db_table)
    target = connection.ops.quote_name(through._meta.get_field(
        Recommendation._meta.get_field(field).m2m_reverse_name()).column)  # fmt: skip
    # Plain SQL: the ORM spends longer building a 2,000-value IN than the database running it.
    sql = (
        f'SELECT "recommendation_id", {target} FROM {table} '
        f'WHERE "recommendation_id" IN ({", ".join(["%s"] * len(ids))})'
    )
    linked: dict[int, list[str]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        for rec_id, target_id in cursor.fetchall():
            linked.setdefault(rec_id, []).append(slugs[target_id])
    return {rec_id: sorted(found) for rec_id, found in linked.items()}


ROWS_PER_WRITE = 500  # rows sent to the client at once: one socket write, not one per row


def csv_lines(records: Iterable[dict]) -> Iterator[str]:
    """CSV text with a byte-order mark, so spreadsheet programs read the Cyrillic right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(COLUMNS)
    for batch in batched(records, ROWS_PER_WRITE):
        writer.writerows(
            [LIST_SEPARATOR.join(v) if isinstance(v, list) else v for v in (r[c] for c in COLUMNS)]
            for r in batch
        )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def json_chunks(records: Iterable[dict]) -> Iterator[str]:
    """A JSON array of row objects, written a batch of rows at a time."""
    yield "["
    separator = "\n"
    for batch in batched(records, ROWS_PER_WRITE):
        yield separator + ",\n".join(json.dumps(record, ensure_ascii=False) for record in batch)
        separator = ",\n"
    yield "\n]\n"
