"""The open-data format of recommendations: the columns of /recommendations/export.csv and
export.json, which `import_recommendations` reads back (so export → import round-trips).

Columns (stable; documented in the README):
    reference             unique reference, e.g. CAB-2017-014
    year                  year of adoption (2013 or later)
    status                current status (the latest assessment's), a Status value
    text                  the recommendation's text in the export's language (/ru/…: Russian,
                          /kk/…: Kazakh, unprefixed: English) or, where it has none, in the
                          first language it falls back to
    topics                topic slugs, separated by "; "
    affected_groups       affected-group slugs, separated by "; "
    responsible_bodies    organisation slugs of the bodies it is addressed to, "; "-separated
    meeting               slug of the (published) meeting where it was adopted, or empty
    last_assessment_date  date of the latest assessment (YYYY-MM-DD), or empty
    url                   its public page
    language              the language `text` is in (en, ru or kk): the export's own, or
                          the fallback's, so the import writes each text to its own field

In the CSV, a cell that begins with a character that makes a spreadsheet program read it as
a formula (OWASP's list: = + - @, tab, carriage return, line feed) or with a single quote is
written with a single quote before it: spreadsheets then show it as text, and the import
removes exactly that one quote, so that a text that really begins with a quote comes back
as it was. The JSON export is not a spreadsheet's input and holds the values as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from django.db.models import F, Lookup, OuterRef, Subquery
from django.urls import reverse

from dialogue_platform.core import open_data
from dialogue_platform.core.batches import batched
from dialogue_platform.core.languages import content_languages, first_translation
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
    "language",  # last, so the columns before it keep their places (files without it: en)
]
CHUNK_SIZE = 2000  # rows read (with their topics, groups and bodies) per round trip


def rows(ids: Sequence[int], absolute_url: Callable[[str], str]) -> Iterator[tuple]:
    """The export's rows, in COLUMNS order, for the recommendations `ids` in that order:
    read a chunk of ids at a time as plain values, with each chunk's topics, groups and
    bodies read from the many-to-many tables in one query apiece (no model instances, no
    sorting in the database: this is what lets 10,000 rows stream in well under a second
    in constant memory)."""
    latest = (
        Assessment.objects.filter(recommendation=OuterRef("pk"))
        .order_by("-date")
        .values("date")[:1]
    )
    # The text in the reader's language, or its fallbacks, picked (first_translation) from
    # the raw columns (rewrite(False)): modeltranslation's own fallback costs more than the
    # rest.
    languages = content_languages()
    values = Recommendation.objects.rewrite(False).annotate(last_assessment_date=Subquery(latest))
    values = values.values_list(
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
    for chunk in batched(ids, CHUNK_SIZE):
        found = {row[0]: row for row in values.filter(AnyOf(F("pk"), chunk))}
        topics, groups, bodies = (
            _linked(name, chunk, slugs) for name, slugs in vocabularies.items()
        )
        for pk in chunk:
            if pk not in found:  # deleted since the ids were read
                continue
            _, reference, year, status, meeting, meeting_public, last, *texts = found[pk]
            text = first_translation(dict(zip(languages, texts, strict=True)), languages)
            yield (
                reference,
                year,
                status,
                text.text,
                topics.get(pk, []),
                groups.get(pk, []),
                bodies.get(pk, []),
                meeting if meeting_public else "",
                last.isoformat() if last else "",
                f"{prefix}{reference}{suffix}",
                text.language,
            )


def _linked(field: str, ids: list[int], slugs: dict[int, str]) -> dict[int, list[str]]:
    """{recommendation id: sorted slugs} for one many-to-many field and a chunk of ids."""
    relation = Recommendation._meta.get_field(field)
    pairs = relation.remote_field.through.objects.filter(AnyOf(F("recommendation_id"), ids))
    linked: dict[int, list[str]] = {}
    for rec_id, target_id in pairs.values_list(
        "recommendation_id", f"{relation.m2m_reverse_field_name()}_id"
    ):
        linked.setdefault(rec_id, []).append(slugs[target_id])
    return {rec_id: sorted(found) for rec_id, found in linked.items()}


class AnyOf(Lookup):
    """`AnyOf(F("pk"), ids)`: the column is one of `ids`. The same as `pk__in=ids`, except
    that PostgreSQL receives the ids as one array (`= ANY(%s)`), which it parses and plans
    in half the time of 2,000 parameters, and that the ids are taken as they are."""

    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*params, list(self.rhs)]
        return f"{lhs} IN ({', '.join(['%s'] * len(self.rhs))})", [*params, *self.rhs]


def csv_lines(records: Iterable[tuple]) -> Iterator[str]:
    return open_data.csv_lines(COLUMNS, records)


def json_chunks(records: Iterable[tuple]) -> Iterator[str]:
    return open_data.json_chunks(COLUMNS, records)
