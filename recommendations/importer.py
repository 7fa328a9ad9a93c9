"""Bulk import of recommendations from a CSV file in the open-data format of
recommendations/exports.py, so that export → import reproduces the same records.

The whole file is checked before anything is written: every problem is reported with
its row (as a spreadsheet numbers it: the header is row 1) and its column, and a file
with any problem writes nothing. A clean file is written in one transaction.

How a row is applied:
- A row whose reference is new creates a published recommendation. A row whose
  reference exists updates that record's text, year, meeting, topics, affected groups
  and responsible bodies. An update keeps the record's `is_published`: a re-import of an
  older export must not bring back a record the secretariat has withdrawn. It also keeps
  `proposed_by` (not in the format), and the agenda item unless the meeting changes.
- The text goes to the field of the row's `language` (text_ru for ru, and so on), which
  the export sets to the language the text is really in: a Russian export of a record
  with no Russian text shows the English one, marked en, and it stays English. Other
  languages' texts are left as they are. A file without the column (exported before it
  existed, from the English pages) is English.
- A blank meeting cell leaves an existing record's meeting (and agenda item) as it is. The
  public export leaves the meeting blank while it is a draft, so a blank cell cannot tell
  "no meeting" from "a meeting not yet public"; and since a draft may be published between
  the export and the import, the current state cannot tell either. Clearing a meeting is
  done in the admin.
- `status` and `last_assessment_date` describe the latest assessment. When they differ
  from the record's (a new record counts as not assessed, with no date), one Assessment
  is added with that status, dated `last_assessment_date` or today when it is empty, and
  the statuses are recomputed from the history. History is never overwritten: a row whose
  assessment would be older than the record's latest one is a problem, since adding it
  could not make the file's status the current one. "Latest" means the latest entry that
  sets the status: an independent evaluation does not.
- `last_assessment_origin` and `last_assessed_by` say who speaks in that entry; an entry
  the row adds is written with them (a file without them: the secretariat's, by nobody
  named). An evaluation cannot be imported as the entry that sets the status.
- The `last_evaluation_*` columns are ignored: an NGO's evaluation enters the record only
  through the secretariat's review of its report, never through a file.
- The `url` column is ignored; it is derived from the reference.
- A cell's leading single quote, which the export adds to keep spreadsheets from running
  a cell as a formula, is removed (one, exactly as open_data.neutralised added it). A file
  without the language column predates that and is read as it is.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import IO

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Q
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.audit import CHANGED, CREATED
from core.batches import batched
from core.csv_import import (
    Columns,
    ImportResult,
    Message,
    Problem,
    Progress,
    RecordVersions,
    check_records,
    no_progress,
    parse_date,
    run_import,
    split_list,
)
from meetings.models import Meeting, Organisation, Topic

from .bulk import BATCH, insert_many, update_many
from .exports import COLUMNS
from .models import (
    DEMO_REFERENCE_PREFIX,
    FIRST_YEAR,
    AffectedGroup,
    Assessment,
    Recommendation,
    Status,
)

IGNORED_COLUMNS = {"url", "last_evaluation_date", "last_evaluation_status", "last_evaluated_by"}
# Files exported before these columns existed have none: their text is English, and their
# assessments the secretariat's, by nobody named.
OPTIONAL_COLUMNS = {"language", "last_assessment_origin", "last_assessed_by"}
# Who may speak in the entry a row adds: never an evaluation (it does not set the status).
IMPORTED_ORIGINS = [Assessment.Origin.SECRETARIAT, Assessment.Origin.GOVERNMENT_REPORT]
FILE_COLUMNS = Columns(COLUMNS, optional=frozenset(IGNORED_COLUMNS | OPTIONAL_COLUMNS))
LANGUAGES = [code for code, _name in settings.LANGUAGES]
IMPORTED_SUMMARY = "Status imported from a CSV file."
STATUSES = dict.fromkeys(Status.values)  # in vocabulary order, for the message
LAST_YEAR = 9999  # keeps a typo like 20177 out of the (small integer) year column


@dataclass
class Row:
    """One valid row, with its slugs resolved to primary keys."""

    number: int
    reference: str
    year: int
    status: str
    text: str
    language: str  # of the text, one of LANGUAGES
    meeting_id: int | None  # None when the cell is blank: an existing record keeps its own
    assessment_date: datetime.date | None
    relations: dict[str, frozenset[int]]
    # Who speaks in the entry the row adds, if it adds one.
    assessment_origin: str = Assessment.Origin.SECRETARIAT
    assessed_by_id: int | None = None


@dataclass
class Existing:
    """What a recommendation already in the database holds, for comparison with its row."""

    pk: int
    texts: dict[str, str | None]  # by language
    year: int
    meeting_id: int | None
    agenda_item_id: int | None
    status: str
    last_assessment_date: datetime.date | None
    relations: dict[str, frozenset[int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Relation:
    """A list column and the many-to-many field it fills."""

    column: str
    model: type[models.Model]
    unknown: Message  # the message for unknown slugs, given as {slugs}

    @property
    def through(self) -> type[models.Model]:
        return Recommendation._meta.get_field(self.column).remote_field.through

    @property
    def target_field(self) -> str:
        return f"{self.model._meta.model_name}_id"


RELATIONS = [
    Relation("topics", Topic, _("Unknown topic slug: {slugs}.")),
    Relation("affected_groups", AffectedGroup, _("Unknown affected group slug: {slugs}.")),
    Relation("responsible_bodies", Organisation, _("Unknown organisation slug: {slugs}.")),
]


def import_recommendations(
    *,
    file: IO[bytes],
    user: AbstractBaseUser | None = None,
    today: datetime.date | None = None,
    progress: Progress = no_progress,
) -> ImportResult:
    """Check the whole CSV file, then, only if it has no problem, write it in one transaction.
    The audit history records each record written as imported by `user` from the file."""
    today = today or timezone.localdate()
    return run_import(
        file=file,
        columns=FILE_COLUMNS,
        user=user,
        check_and_write=lambda header, records, versions: check_and_write(
            header, records, today=today, progress=progress, versions=versions
        ),
    )


def check_and_write(
    header: list[str],
    records: list[list[str]],
    *,
    today: datetime.date,
    progress: Progress,
    versions: RecordVersions,
) -> ImportResult:
    rows, problems = check_rows(header, records, progress=progress)
    existing = load_existing([row.reference for row in rows])
    problems += check_history(rows, existing, today=today)
    if problems:
        return ImportResult(problems=sorted(problems, key=lambda p: p.row or 0))
    return write(rows, existing, today=today, progress=progress, versions=versions)


# Checking -------------------------------------------------------------------------------


@dataclass
class Vocabularies:
    """Every slug the file may use, mapped to its primary key: loaded once, then dict lookups."""

    relations: dict[str, dict[str, int]]
    meetings: dict[str, int]

    @classmethod
    def load(cls) -> Vocabularies:
        return cls(
            relations={
                r.column: dict(r.model.objects.order_by().values_list("slug", "pk"))
                for r in RELATIONS
            },
            meetings=dict(Meeting.objects.order_by().values_list("slug", "pk")),
        )


def check_rows(
    header: list[str], records: list[list[str]], *, progress: Progress
) -> tuple[list[Row], list[Problem]]:
    """Every row checked; the valid ones resolved, and every problem found on the way."""
    return check_records(
        header,
        records,
        check_row=partial(check_row, vocabularies=Vocabularies.load()),
        key=lambda row: row.reference,
        key_column="reference",
        label=lambda row: row.reference,
        restore="language" in header,  # exports neutralise from the language column on
        progress=progress,
    )


def check_row(
    number: int, values: dict[str, str], vocabularies: Vocabularies
) -> tuple[Row | None, list[Problem]]:
    """One row's values, checked column by column."""
    problems: list[Problem] = []

    def problem(column: str, message: Message) -> None:
        problems.append(Problem(number, column, message))

    reference = values["reference"].strip()
    if error := reference_error(reference):
        problem("reference", error)

    year = values["year"].strip()
    if not (year.isascii() and year.isdigit()):
        problem(
            "year",
            format_lazy(_("“{year}” is not a year."), year=year)
            if year
            else _("The year is empty."),
        )
    elif int(year) < FIRST_YEAR:
        message = _("{year} is before {first}, when the Dialogue Platform began.")
        problem("year", format_lazy(message, year=year, first=FIRST_YEAR))
    elif int(year) > LAST_YEAR:
        problem("year", format_lazy(_("{year} is not a year."), year=year))

    status = values["status"].strip()
    if status not in STATUSES:
        message = _("Unknown status “{status}” (use one of: {statuses}).")
        problem("status", format_lazy(message, status=status, statuses=", ".join(STATUSES)))

    text = values["text"]
    if not text.strip():
        problem("text", _("The text is empty."))

    language = values.get("language", settings.LANGUAGE_CODE).strip()
    if language not in LANGUAGES:
        message = _("Unknown language “{language}” (use one of: {languages}).")
        problem(
            "language",
            format_lazy(message, language=language, languages=", ".join(LANGUAGES)),
        )

    relations = {}
    for relation in RELATIONS:
        known = vocabularies.relations[relation.column]
        slugs = split_list(values[relation.column])
        if unknown := [slug for slug in slugs if slug not in known]:
            problem(relation.column, format_lazy(relation.unknown, slugs=", ".join(unknown)))
        relations[relation.column] = frozenset(known[s] for s in slugs if s in known)

    meeting = values["meeting"].strip()
    if meeting and meeting not in vocabularies.meetings:
        problem("meeting", format_lazy(_("Unknown meeting slug: {slug}."), slug=meeting))

    date, error = parse_date(values["last_assessment_date"].strip())
    if error:
        problem("last_assessment_date", error)

    origin = values.get("last_assessment_origin", "").strip() or Assessment.Origin.SECRETARIAT
    if origin not in IMPORTED_ORIGINS:
        message = _(
            "“{origin}” cannot set the status (use one of: {origins}); an evaluation is "
            "published through the review of its report."
        )
        problem(
            "last_assessment_origin",
            format_lazy(message, origin=origin, origins=", ".join(IMPORTED_ORIGINS)),
        )
    assessed_by = values.get("last_assessed_by", "").strip()
    organisations = vocabularies.relations["responsible_bodies"]
    if assessed_by and assessed_by not in organisations:
        message = _("Unknown organisation slug: {slugs}.")
        problem("last_assessed_by", format_lazy(message, slugs=assessed_by))

    if problems:
        return None, problems
    row = Row(
        number=number,
        reference=reference,
        year=int(year),
        status=status,
        text=text,
        language=language,
        meeting_id=vocabularies.meetings.get(meeting),
        assessment_date=date,
        relations=relations,
        assessment_origin=origin,
        assessed_by_id=organisations.get(assessed_by),
    )
    return row, []


REFERENCE_FIELD = Recommendation._meta.get_field("reference")


def reference_error(reference: str) -> Message:
    """The model field's own rules (format and length), as a message; empty when valid."""
    if not reference:
        return _("The reference is empty.")
    try:
        REFERENCE_FIELD.run_validators(reference)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


def load_existing(references: Sequence[str]) -> dict[str, Existing]:
    """The recommendations the file names that already exist, with their latest assessment
    date and relations, in at most five queries. Up to BATCH of them are looked up by key; more
    are picked out of one pass over the tables, which costs less than thousands of IN (...)
    parameters and, unlike them, works on every database."""
    wanted = set(references)
    keys = Recommendation.objects.values_list("reference", "pk").order_by()
    if len(wanted) <= BATCH:
        keys = keys.filter(reference__in=wanted)
    matched = {pk: reference for reference, pk in keys if reference in wanted}
    if not matched:
        return {}
    few = len(matched) <= BATCH

    records = (
        # The latest entry that sets the status, as the export's last_assessment_date.
        Recommendation.objects.annotate(
            last_assessment_date=Max(
                "assessments__date",
                filter=~Q(assessments__origin=Assessment.Origin.EVALUATION),
            )
        )
        .values_list(
            "pk",
            "year",
            "meeting_id",
            "agenda_item_id",
            "status",
            "last_assessment_date",
            *(f"text_{code}" for code in LANGUAGES),
        )
        .order_by()
    )
    by_pk = {}
    for pk, year, meeting_id, agenda_item_id, status, last, *texts in (
        records.filter(pk__in=list(matched)) if few else records
    ):
        if pk in matched:
            by_pk[pk] = Existing(
                pk=pk,
                texts=dict(zip(LANGUAGES, texts, strict=True)),
                year=year,
                meeting_id=meeting_id,
                agenda_item_id=agenda_item_id,
                status=status,
                last_assessment_date=last,
            )
    for relation in RELATIONS:
        pairs = relation.through.objects.values_list("recommendation_id", relation.target_field)
        related: dict[int, set[int]] = {pk: set() for pk in by_pk}
        for pk, target in pairs.filter(recommendation_id__in=list(matched)) if few else pairs:
            if pk in related:
                related[pk].add(target)
        for pk, targets in related.items():
            by_pk[pk].relations[relation.column] = frozenset(targets)
    return {matched[pk]: record for pk, record in by_pk.items()}


def assessment_to_add(
    row: Row, current: Existing | None, today: datetime.date
) -> datetime.date | None:
    """The date of the assessment the row adds, or None when it agrees with the record."""
    status = current.status if current else Status.NOT_ASSESSED
    last = current.last_assessment_date if current else None
    if row.status == status and row.assessment_date in (None, last):
        return None
    return row.assessment_date or today


def check_history(
    rows: list[Row], existing: dict[str, Existing], *, today: datetime.date
) -> list[Problem]:
    """Rows whose assessment would be older than the record's latest (it cannot become current)."""
    problems = []
    for row in rows:
        current = existing.get(row.reference)
        date = assessment_to_add(row, current, today)
        if (
            date
            and current
            and current.last_assessment_date
            and date < current.last_assessment_date
        ):
            message = format_lazy(
                _(
                    "The status differs from the record's, but {date} is before its latest "
                    "assessment ({latest}); give a later date."
                ),
                date=date,
                latest=current.last_assessment_date,
            )
            problems.append(Problem(row.number, "last_assessment_date", message))
    return problems


# Writing --------------------------------------------------------------------------------


def write(
    rows: list[Row],
    existing: dict[str, Existing],
    *,
    today: datetime.date,
    progress: Progress,
    versions: RecordVersions,
) -> ImportResult:
    """Write checked rows with bulk statements, BATCH rows at a time."""
    result = ImportResult()
    for batch in batched(progress(rows, desc="Writing", total=len(rows)), BATCH):
        write_batch(batch, existing, today=today, result=result, versions=versions)
    return result


def write_batch(
    batch: list[Row],
    existing: dict[str, Existing],
    *,
    today: datetime.date,
    result: ImportResult,
    versions: RecordVersions,
) -> None:
    new_pks = create_new([row for row in batch if row.reference not in existing], result=result)
    changed_pks = update_changed(
        [row for row in batch if row.reference in existing], existing, result
    )
    write_relations(batch, existing, new_pks=new_pks, changed_pks=changed_pks)
    added = add_assessments(batch, existing, new_pks=new_pks, today=today, result=result)
    # The audit history, as saving each record in the admin would have written it, of
    # exactly the records written here: picked by the keys their inserts returned, so that
    # what someone else inserts meanwhile is never recorded as imported.
    versions(Recommendation.objects.filter(pk__in=new_pks.values()), history_type=CREATED)
    versions(Recommendation.objects.filter(pk__in=changed_pks.values()), history_type=CHANGED)
    versions(Assessment.objects.filter(pk__in=added), history_type=CREATED)


def write_relations(
    batch: list[Row],
    existing: dict[str, Existing],
    *,
    new_pks: dict[str, int],
    changed_pks: dict[str, int],
) -> None:
    """Topics, groups and bodies of new records; for changed records, each set that differs is
    replaced wholesale (one DELETE and one INSERT per relation and batch, not a diff per row)."""
    for relation in RELATIONS:
        column = relation.column
        replaced = {
            row.reference: changed_pks[row.reference]
            for row in batch
            if row.reference in changed_pks
            and existing[row.reference].relations[column] != row.relations[column]
        }
        relation.through.objects.filter(recommendation_id__in=replaced.values()).delete()
        targets = {**new_pks, **replaced}
        insert_many(
            relation.through,
            constant={},
            varying=("recommendation_id", relation.target_field),
            rows=[
                (targets[row.reference], pk)
                for row in batch
                if row.reference in targets
                for pk in sorted(row.relations[column])
            ],
        )


def create_new(rows: list[Row], *, result: ImportResult) -> dict[str, int]:
    """Insert the new recommendations (published) and return their primary keys by reference.
    A DEMO- reference is an illustrative record's (the export's marker), so the record it
    makes is flagged illustrative: marked on the site and removed by remove_demo."""
    pks = {}
    for language in LANGUAGES:
        in_language = [row for row in rows if row.language == language]
        with translation.override(language):  # `text` is text_<language>, as in the model
            keys = insert_many(
                Recommendation,
                constant={"is_published": True, "status": Status.NOT_ASSESSED},
                varying=("reference", "text", "year", "meeting_id", "is_illustrative"),
                rows=[
                    (
                        row.reference,
                        row.text,
                        row.year,
                        row.meeting_id,
                        row.reference.startswith(DEMO_REFERENCE_PREFIX),
                    )
                    for row in in_language
                ],
                return_keys=True,
            )
        pks.update(zip((row.reference for row in in_language), keys, strict=True))
    result.created += len(rows)
    return pks


def update_changed(
    rows: list[Row], existing: dict[str, Existing], result: ImportResult
) -> dict[str, int]:
    """Update the records whose row differs; return their primary keys by reference."""
    now = timezone.now()
    pks = {}  # reference -> pk, of the changed records
    changed: dict[str, list[tuple]] = {language: [] for language in LANGUAGES}
    for row in rows:
        current = existing[row.reference]
        meeting_id = current.meeting_id if row.meeting_id is None else row.meeting_id
        same_meeting = current.meeting_id == meeting_id
        if (
            (current.texts[row.language] or "") == row.text
            and current.year == row.year
            and same_meeting
            and current.relations == row.relations
        ):
            continue
        # An agenda item belongs to one meeting: it cannot stay when the meeting changes.
        agenda_item_id = current.agenda_item_id if same_meeting else None
        values = (row.text, row.year, meeting_id, agenda_item_id, now, current.pk)
        changed[row.language].append(values)
        pks[row.reference] = current.pk
    for language, values in changed.items():
        with translation.override(language):  # `text` is text_<language>, as in the model
            update_many(
                Recommendation,
                varying=("text", "year", "meeting_id", "agenda_item_id", "updated"),
                rows=values,
            )
    result.updated += len(pks)
    result.unchanged += len(rows) - len(pks)
    return pks


def add_assessments(
    batch: list[Row],
    existing: dict[str, Existing],
    *,
    new_pks: dict[str, int],
    today: datetime.date,
    result: ImportResult,
) -> list[int]:
    """One new history entry per row whose status or date differs, then statuses recomputed;
    the ids of the entries added."""
    assessments = []  # (recommendation id, date, status, origin, assessed by)
    for row in batch:
        current = existing.get(row.reference)
        if date := assessment_to_add(row, current, today):
            pk = current.pk if current else new_pks[row.reference]
            assessments.append((pk, date, row.status, row.assessment_origin, row.assessed_by_id))
    added = insert_many(
        Assessment,
        constant={"summary": IMPORTED_SUMMARY},
        varying=("recommendation_id", "date", "status", "origin", "assessed_by_id"),
        rows=assessments,
        return_keys=True,
    )
    Recommendation.objects.filter(pk__in=[pk for pk, *_ in assessments]).refresh_statuses()
    result.assessments_added += len(assessments)
    return added
