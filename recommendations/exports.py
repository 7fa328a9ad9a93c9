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
    last_assessment_date  date of the latest entry of its history that sets the status
                          (YYYY-MM-DD), or empty: an independent evaluation does not
    url                   its public page
    language              the language `text` is in (en, ru or kk): the export's own, or
                          the fallback's, so the import writes each text to its own field
    last_assessment_origin  who speaks in that entry: secretariat (the secretariat's own
                          assessment) or government_report (a state body's report on its
                          own work, published after the secretariat's review); empty
                          when there is none
    last_assessed_by      organisation slug of the body that reported or assessed, or empty
    last_evaluation_date  date of the latest independent evaluation (an NGO's), or empty
    last_evaluation_status  the status that evaluation found (a Status value), or empty
    last_evaluated_by     organisation slug of the NGO that evaluated, or empty

The evaluation columns stand beside the state's account (status, last_assessment_*), as
the page shows them side by side: an evaluation does not set the current status.

In the CSV, a cell that begins with a character that makes a spreadsheet program read it as
a formula (OWASP's list: = + - @, tab, carriage return, line feed) or with a single quote is
written with a single quote before it: spreadsheets then show it as text, and the import
removes exactly that one quote, so that a text that really begins with a quote comes back
as it was. The JSON export is not a spreadsheet's input and holds the values as they are.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Sequence

from django.db.models import F, Lookup, Manager
from django.urls import reverse

from core import open_data
from core.batches import batched
from core.languages import content_languages, first_translation
from meetings.models import Organisation, Topic

from .models import AffectedGroup, Assessment, AssessmentOrigin, Recommendation

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
    # New columns go last, so the columns before them keep their places in older files.
    "language",  # files without it: en
    "last_assessment_origin",  # files without it: the secretariat's, by nobody named
    "last_assessed_by",
    "last_evaluation_date",  # export only: the import never writes an evaluation
    "last_evaluation_status",
    "last_evaluated_by",
]
# Who speaks in a history: the columns a recommendation's and a plan activity's exports
# share (last_assessment_date, which this export has always had, comes first).
HISTORY_COLUMNS = [
    "last_assessment_date", "last_assessment_origin", "last_assessed_by",
    "last_evaluation_date", "last_evaluation_status", "last_evaluated_by",
]  # fmt: skip
CHUNK_SIZE = 2000  # rows read (with their topics, groups and bodies) per round trip


def rows(ids: Sequence[int], absolute_url: Callable[[str], str]) -> Iterator[tuple]:
    """The export's rows, in COLUMNS order, for the recommendations `ids` in that order:
    read a chunk of ids at a time as plain values, with each chunk's topics, groups,
    bodies and history entries read in one query apiece (no model instances, no
    sorting in the database: this is what lets 10,000 rows stream in well under a second
    in constant memory)."""
    # The text in the reader's language, or its fallbacks, picked (first_translation) from
    # the raw columns (rewrite(False)): modeltranslation's own fallback costs more than the
    # rest.
    languages = content_languages()
    values = Recommendation.objects.rewrite(False).values_list(
        "pk", "reference", "year", "status", "meeting__slug", "meeting__is_published",
        *(f"text_{code}" for code in languages),
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
        histories = latest_history_cells(
            Assessment.objects, "recommendation_id", chunk, vocabularies["responsible_bodies"]
        )
        for pk in chunk:
            if pk not in found:  # deleted since the ids were read
                continue
            _, reference, year, status, meeting, meeting_public, *texts = found[pk]
            text = first_translation(dict(zip(languages, texts, strict=True)), languages)
            last, *sources = histories.get(pk, NO_HISTORY)
            yield (
                reference,
                year,
                status,
                text.text,
                topics.get(pk, []),
                groups.get(pk, []),
                bodies.get(pk, []),
                meeting if meeting_public else "",
                last,
                f"{prefix}{reference}{suffix}",
                text.language,
                *sources,
            )


NO_HISTORY = [""] * len(HISTORY_COLUMNS)


def latest_history_cells(
    entries: Manager, owner: str, ids: Sequence[int], slugs: dict[int, str]
) -> dict[int, list[str]]:
    """{record id: its HISTORY_COLUMNS' cells} for the records `ids`, from one read of their
    history entries (`entries`, a history model's manager; `owner`, its column naming the
    record): the latest entry that is not an evaluation, the one the status follows
    (status_of_latest's rule: by date, then by entry), and beside it the latest
    independent evaluation. `slugs`: organisation slugs by id. A record without entries
    is left out (NO_HISTORY)."""
    rows = (
        entries.rewrite(False)  # plain tuples: no translated field is read
        .filter(AnyOf(F(owner), ids))
        .order_by(owner, "-date", "-pk")
        .values_list(owner, "date", "origin", "status", "assessed_by_id")
    )
    account: dict[int, tuple] = {}
    evaluation: dict[int, tuple] = {}
    for record_id, date, origin, status, body in rows:
        latest = evaluation if origin == AssessmentOrigin.EVALUATION else account
        latest.setdefault(record_id, (date, origin, status, slugs.get(body, "")))
    none = (None, "", "", "")
    cells = {}
    for record_id in account.keys() | evaluation.keys():
        a_date, a_origin, _, a_body = account.get(record_id, none)
        e_date, _, e_status, e_body = evaluation.get(record_id, none)
        cells[record_id] = [_day(a_date), a_origin, a_body, _day(e_date), e_status, e_body]
    return cells


def _day(date: datetime.date | None) -> str:
    return date.isoformat() if date else ""


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
    """`AnyOf(F("pk"), ids)`: the column is one of `ids` (integers). The same as
    `pk__in=ids`, except that PostgreSQL receives the ids as one array
    (`= ANY(%s::integer[])`), which it parses and plans in half the time of 2,000
    parameters, and that the ids are taken as they are. The array is sent as its text: a
    join of the numbers costs a tenth of what psycopg's dumping of a list of 2,000 does."""

    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        if connection.vendor == "postgresql":
            array = "{" + ",".join(map(str, self.rhs)) + "}"
            column_type = self.lhs.output_field.db_type(connection)
            return f"{lhs} = ANY(%s::{column_type}[])", [*params, array]
        return f"{lhs} IN ({', '.join(['%s'] * len(self.rhs))})", [*params, *self.rhs]


def csv_lines(records: Iterable[tuple]) -> Iterator[str]:
    return open_data.csv_lines(COLUMNS, records)


def json_chunks(records: Iterable[tuple]) -> Iterator[str]:
    return open_data.json_chunks(COLUMNS, records)
