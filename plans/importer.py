"""CSV imports of the plans app, in the columns of its public exports (plans/exports.py), so
that export → import reproduces the same records. Both use the recommendations' import
(core/csv_import.py): the whole file is checked before anything is written,
every problem is reported with its row and column, and a clean file is written in one
transaction; each record written is kept in the audit history as imported by the user from
the file.

Activities (/plans/<slug>/export.csv), keyed by (plan, number):
- `plan` is the plan's slug and `section` the number of one of its sections (blank: none).
  A new (plan, number) creates an activity; an existing one is updated: its section, title,
  deadline, due date, bodies and topics. What the format leaves out stays as it is: the
  expected outcome, affected groups, links, the texts of other languages, and whether a
  body takes part "as agreed" (kept for each body the row still names).
- `title` and `deadline` are in the language the file was exported in (that of the page it
  came from), given to the import: a text equal to what that page showed is no change.
- A blank `due_date` is read from the deadline, as the admin form does.
- A `status` that differs from the activity's adds one entry to its history, dated today
  (or its latest entry's date, if that is later), and the status follows the history.
- `overdue` and `url` are ignored: they are computed.

UN recommendations (/upr/export.csv), keyed by (document_symbol, paragraph): the mechanism
with them names the record; a row whose symbol and paragraph exist under another mechanism is
a problem, not a second record. A new key creates a published record; an existing one is
updated (its published state kept). `body` and `text` are in the file's language as above;
`recommending_state` is English, as the export writes it. `linked` and `url` are ignored."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import IO

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Max, Prefetch
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.audit import CHANGED, CREATED, DELETED
from core.csv_import import (
    Columns,
    ImportResult,
    Message,
    Problem,
    RecordVersions,
    check_records,
    parse_date,
    run_import,
    split_list,
    unknown_slugs,
)
from core.languages import translated
from meetings.models import Organisation, Topic
from recommendations.importer import IMPORTED_SUMMARY, STATUSES
from recommendations.models import AffectedGroup, Status

from .deadlines import due_date_from_deadline
from .exports import ACTIVITY_COLUMNS, OUTSIDE_COLUMNS
from .models import (
    ActionPlan,
    Activity,
    ActivityAssessment,
    ActivityBody,
    BodyRole,
    Mechanism,
    OutsideRecommendation,
    Response,
    SdgTarget,
    Section,
)

ACTIVITY_FILE = Columns(ACTIVITY_COLUMNS, optional=frozenset({"overdue", "url"}))
OUTSIDE_FILE = Columns(OUTSIDE_COLUMNS, optional=frozenset({"linked", "url"}))
UNKNOWN_ORGANISATION = _("Unknown organisation slug: {slugs}.")
UNKNOWN_TOPIC = _("Unknown topic slug: {slugs}.")
# The bodies' columns, leads first as the export writes them.
BODY_COLUMNS = {"lead_bodies": BodyRole.LEAD, "co_implementing_bodies": BodyRole.CO_IMPLEMENTING}


def max_length_error(model: type, field: str, value: str) -> Message:
    """The message for a value longer than the model's field allows; empty when it fits."""
    limit = model._meta.get_field(field).max_length
    if limit and len(value) > limit:
        return format_lazy(_("Longer than {limit} characters."), limit=limit)
    return ""


def slugs(model: type) -> dict[str, int]:
    return dict(model.objects.order_by().values_list("slug", "pk"))


def import_in(
    language: str, check_and_write: Callable[[list[str], list[list[str]], RecordVersions], object]
) -> Callable:
    """`check_and_write` run with `language` active: translated fields read and write it."""

    def run(header: list[str], records: list[list[str]], versions: RecordVersions):
        with translation.override(language):
            return check_and_write(header, records, versions)

    return run


# Activities -----------------------------------------------------------------------------


@dataclass
class ActivityRow:
    """One valid row, with its slugs resolved to primary keys."""

    plan_id: int
    section_id: int | None
    number: str
    title: str
    bodies: list[tuple[int, str]]  # (organisation, role), leads first, in the file's order
    deadline: str
    due_date: datetime.date | None
    status: str
    topics: frozenset[int]


@dataclass
class ActivityVocabularies:
    plans: dict[str, int]
    sections: dict[tuple[int, str], int]  # (plan, number)
    organisations: dict[str, int]
    topics: dict[str, int]

    @classmethod
    def load(cls) -> ActivityVocabularies:
        sections = Section.objects.order_by().values_list("plan_id", "number", "pk")
        return cls(
            plans=slugs(ActionPlan),
            sections={(plan, number): pk for plan, number, pk in sections},
            organisations=slugs(Organisation),
            topics=slugs(Topic),
        )


def check_activity(
    number: int, values: dict[str, str], vocabularies: ActivityVocabularies
) -> tuple[ActivityRow | None, list[Problem]]:
    problems: list[Problem] = []

    def problem(column: str, message: Message) -> None:
        if message:
            problems.append(Problem(number, column, message))

    plan = values["plan"].strip()
    plan_id = vocabularies.plans.get(plan)
    if plan_id is None:
        problem("plan", format_lazy(_("Unknown plan slug: {slug}."), slug=plan))

    section = values["section"].strip()
    section_id = vocabularies.sections.get((plan_id, section)) if section else None
    if section and plan_id and section_id is None:
        problem("section", format_lazy(_("The plan has no section {section}."), section=section))

    activity_number = values["number"].strip()
    problem("number", max_length_error(Activity, "number", activity_number))
    if not activity_number:
        problem("number", _("The number is empty."))

    title = values["title"]  # as the export wrote it: compared with the record as it is
    if not title.strip():
        problem("title", _("The title is empty."))

    bodies: list[tuple[int, str]] = []
    known = vocabularies.organisations
    for column, role in BODY_COLUMNS.items():
        listed = split_list(values[column])
        problem(column, unknown_slugs(listed, known, UNKNOWN_ORGANISATION))
        bodies += [(known[slug], role) for slug in listed if slug in known]
    both = {pk for pk, _role in bodies if [p for p, _r in bodies].count(pk) > 1}
    if both:
        names = [s for s, pk in vocabularies.organisations.items() if pk in both]
        message = _("{slugs} cannot be both a lead and a co-implementing body.")
        problem("co_implementing_bodies", format_lazy(message, slugs=", ".join(sorted(names))))

    deadline = values["deadline"]
    problem("deadline", max_length_error(Activity, "deadline", deadline))
    due_date, error = parse_date(values["due_date"].strip())
    problem("due_date", error)
    if not values["due_date"].strip():
        due_date = due_date_from_deadline(deadline)

    status = values["status"].strip()
    if status not in STATUSES:
        message = _("Unknown status “{status}” (use one of: {statuses}).")
        problem("status", format_lazy(message, status=status, statuses=", ".join(STATUSES)))

    topics = split_list(values["topics"])
    problem("topics", unknown_slugs(topics, vocabularies.topics, UNKNOWN_TOPIC))

    if problems:
        return None, problems
    row = ActivityRow(
        plan_id=plan_id,
        section_id=section_id,
        number=activity_number,
        title=title,
        bodies=bodies,
        deadline=deadline,
        due_date=due_date,
        status=status,
        topics=frozenset(vocabularies.topics[s] for s in topics),
    )
    return row, []


def import_activities(
    *,
    file: IO[bytes],
    language: str,
    user: AbstractBaseUser | None = None,
    today: datetime.date | None = None,
) -> ImportResult:
    """Check the whole CSV file of activities, then, only if it has no problem, write it in
    one transaction. `language` is the one the file's titles and deadlines are in."""
    today = today or timezone.localdate()
    return run_import(
        file=file,
        columns=ACTIVITY_FILE,
        user=user,
        check_and_write=import_in(language, partial(check_and_write_activities, today=today)),
    )


def check_and_write_activities(
    header: list[str], records: list[list[str]], versions: RecordVersions, *, today: datetime.date
) -> ImportResult:
    rows, problems = check_records(
        header,
        records,
        check_row=partial(check_activity, vocabularies=ActivityVocabularies.load()),
        key=lambda row: (row.plan_id, row.number),
        key_column="number",
        label=lambda row: row.number,
    )
    if problems:
        return ImportResult(problems=sorted(problems, key=lambda p: p.row or 0))
    return write_activities(rows, today=today, versions=versions)


def write_activities(
    rows: list[ActivityRow], *, today: datetime.date, versions: RecordVersions
) -> ImportResult:
    """Rows written one by one (a plan has tens or hundreds of activities, not thousands),
    with bulk statements that send no signals: the audit history is written once, at the
    end, for exactly the records written."""
    result = ImportResult()
    existing = {
        (a.plan_id, a.number): a
        for a in Activity.objects.filter(plan_id__in={row.plan_id for row in rows})
        .annotate(last_assessed=Max("assessments__date"))
        .prefetch_related(
            Prefetch("bodies", queryset=ActivityBody.objects.order_by("order", "pk")), "topics"
        )
    }
    created, changed, bodies_added, assessments = [], set(), [], []
    for row in rows:
        activity = existing.get((row.plan_id, row.number))
        if activity is None:
            activity = Activity(plan_id=row.plan_id, number=row.number)
            apply_activity(activity, row)
            # bulk_create sends no signals: the history is written below.
            (activity,) = Activity.objects.bulk_create([activity])
            created.append(activity.pk)
            bodies_added += replace_bodies(activity, row.bodies, as_agreed={})
            activity.topics.set(row.topics)
            current_status, last = Status.NOT_ASSESSED, None
        else:
            current_status, last = activity.status, activity.last_assessed
            if update_activity(activity, row, bodies_added, versions):
                changed.add(activity.pk)
        if row.status != current_status:
            date = max(today, last) if last else today
            assessments.append(
                ActivityAssessment(
                    activity_id=activity.pk, date=date, status=row.status, summary=IMPORTED_SUMMARY
                )
            )
            if activity.pk not in created:
                changed.add(activity.pk)
    added = ActivityAssessment.objects.bulk_create(assessments)
    Activity.objects.filter(pk__in=[a.activity_id for a in added]).refresh_statuses()
    versions(Activity.objects.filter(pk__in=created), history_type=CREATED)
    versions(Activity.objects.filter(pk__in=changed), history_type=CHANGED)
    versions(ActivityBody.objects.filter(pk__in=bodies_added), history_type=CREATED)
    versions(ActivityAssessment.objects.filter(pk__in=[a.pk for a in added]), history_type=CREATED)
    result.created = len(created)
    result.updated = len(changed)
    result.unchanged = len(rows) - len(created) - len(changed)
    result.assessments_added = len(added)
    return result


def in_language(**values: object) -> dict[str, object]:
    """Translated fields' values as the active language's columns (title → title_ru)."""
    language = translation.get_language()
    return {f"{name}_{language}": value for name, value in values.items()}


def activity_values(row: ActivityRow) -> dict[str, object]:
    """The row's values for the activity's columns (title and deadline in the file's
    language)."""
    return {
        "section_id": row.section_id,
        "due_date": row.due_date,
        **in_language(title=row.title, deadline=row.deadline),
    }


def apply_activity(activity: Activity, row: ActivityRow) -> None:
    for name, value in activity_values(row).items():
        setattr(activity, name, value)


def update_activity(
    activity: Activity, row: ActivityRow, bodies_added: list[int], versions: RecordVersions
) -> bool:
    """Write what differs from the row; whether anything did."""
    same = (
        activity.section_id == row.section_id
        and translated(activity, "title").text == row.title
        and translated(activity, "deadline").text == row.deadline
        and activity.due_date == row.due_date
    )
    if not same:
        Activity.objects.filter(pk=activity.pk).update(
            **activity_values(row), updated=timezone.now()
        )
    bodies = [(b.organisation_id, b.role) for b in activity.bodies.all()]
    # The file lists leads first: compare in that order.
    bodies.sort(key=lambda body: body[1] != BodyRole.LEAD)
    if bodies != row.bodies:
        as_agreed = {b.organisation_id: b.as_agreed for b in activity.bodies.all()}
        removed = ActivityBody.objects.filter(activity_id=activity.pk)
        # Their last version, with who imported and from which file, before they go; then
        # one DELETE without the per-row signals through which django-simple-history would
        # record each deletion a second time, without them.
        versions(removed, history_type=DELETED)
        removed._raw_delete(removed.db)
        bodies_added += replace_bodies(activity, row.bodies, as_agreed=as_agreed)
        same = False
    if {t.pk for t in activity.topics.all()} != row.topics:
        activity.topics.set(row.topics)
        same = False
    return not same


def replace_bodies(
    activity: Activity, bodies: list[tuple[int, str]], *, as_agreed: dict[int, bool]
) -> list[int]:
    """Create the activity's bodies in the file's order; their primary keys."""
    created = ActivityBody.objects.bulk_create(
        ActivityBody(
            activity_id=activity.pk,
            organisation_id=organisation,
            role=role,
            order=order,
            as_agreed=as_agreed.get(organisation, False),
        )
        for order, (organisation, role) in enumerate(bodies, start=1)
    )
    return [body.pk for body in created]


# UN (outside) recommendations ------------------------------------------------------------


@dataclass
class OutsideRow:
    """One valid row of the UN recommendations' file, with its slugs resolved."""

    number: int
    mechanism: str
    body: str
    cycle: str
    year: int | None
    document_symbol: str
    paragraph: str
    recommending_state: str
    response: str
    text: str
    relations: dict[str, frozenset[int]]


# The list columns: the vocabulary each names records of, by what, and the message for
# names it does not know.
OUTSIDE_RELATIONS = {
    "topics": (Topic, "slug", UNKNOWN_TOPIC),
    "affected_groups": (AffectedGroup, "slug", _("Unknown affected group slug: {slugs}.")),
    "sdg_targets": (SdgTarget, "number", _("Unknown SDG target: {slugs}.")),
}


def outside_vocabularies() -> dict[str, dict[str, int]]:
    return {
        column: dict(model.objects.order_by().values_list(key, "pk"))
        for column, (model, key, _message) in OUTSIDE_RELATIONS.items()
    }


def choice_error(value: str, choices: type, label: Message, *, blank: bool = False) -> Message:
    if value in choices.values or (blank and not value):
        return ""
    message = _("Unknown {label} “{value}” (use one of: {values}).")
    return format_lazy(message, label=label, value=value, values=", ".join(choices.values))


def check_outside(
    number: int, values: dict[str, str], vocabularies: dict[str, dict[str, int]]
) -> tuple[OutsideRow | None, list[Problem]]:
    problems: list[Problem] = []

    def problem(column: str, message: Message) -> None:
        if message:
            problems.append(Problem(number, column, message))

    stripped = {column: value.strip() for column, value in values.items()}
    mechanism = stripped["mechanism"]
    problem("mechanism", choice_error(mechanism, Mechanism, _("mechanism")))
    if mechanism in Mechanism.values and mechanism != Mechanism.UPR and not stripped["body"]:
        problem(
            "body",
            _("Name the treaty body or special procedure the recommendation comes from."),
        )
    for column in ("document_symbol", "paragraph", "cycle", "recommending_state", "body"):
        problem(column, max_length_error(OutsideRecommendation, column, stripped[column]))
    for column in ("document_symbol", "paragraph"):
        if not stripped[column]:
            problem(column, _("This column is empty."))
    year = stripped["year"]
    if year and not (year.isascii() and year.isdigit() and 1945 <= int(year) <= 9999):
        problem("year", format_lazy(_("“{year}” is not a year."), year=year))
    problem("response", choice_error(stripped["response"], Response, _("response"), blank=True))
    if not values["text"].strip():
        problem("text", _("The text is empty."))
    relations = {}
    for column, (_model, _key, unknown) in OUTSIDE_RELATIONS.items():
        known = vocabularies[column]
        listed = split_list(values[column])
        problem(column, unknown_slugs(listed, known, unknown))
        relations[column] = frozenset(known[s] for s in listed if s in known)
    if problems:
        return None, problems
    row = OutsideRow(
        number=number,
        mechanism=mechanism,
        body=values["body"],
        cycle=stripped["cycle"],
        year=int(year) if year else None,
        document_symbol=stripped["document_symbol"],
        paragraph=stripped["paragraph"],
        recommending_state=stripped["recommending_state"],
        response=stripped["response"],
        text=values["text"],
        relations=relations,
    )
    return row, []


def import_outside_recommendations(
    *, file: IO[bytes], language: str, user: AbstractBaseUser | None = None
) -> ImportResult:
    """Check the whole CSV file of UN recommendations, then, only if it has no problem,
    write it in one transaction. `language` is the one the file's texts are in."""
    return run_import(
        file=file,
        columns=OUTSIDE_FILE,
        user=user,
        check_and_write=import_in(language, check_and_write_outside),
    )


def check_and_write_outside(
    header: list[str], records: list[list[str]], versions: RecordVersions
) -> ImportResult:
    rows, problems = check_records(
        header,
        records,
        check_row=partial(check_outside, vocabularies=outside_vocabularies()),
        key=lambda row: (row.document_symbol, row.paragraph),
        key_column="paragraph",
        label=lambda row: f"{row.document_symbol}, {row.paragraph}",
    )
    existing = {
        (r.document_symbol, r.paragraph): r
        for r in OutsideRecommendation.objects.filter(
            document_symbol__in={row.document_symbol for row in rows}
        ).prefetch_related(*OUTSIDE_RELATIONS)
    }
    for row in rows:
        current = existing.get((row.document_symbol, row.paragraph))
        if current and current.mechanism != row.mechanism:
            message = _("{symbol}, {paragraph} is already recorded with the mechanism {mechanism}.")
            problems.append(
                Problem(
                    row.number,
                    "mechanism",
                    format_lazy(
                        message,
                        symbol=row.document_symbol,
                        paragraph=row.paragraph,
                        mechanism=current.mechanism,
                    ),
                )
            )
    if problems:
        problems.sort(key=lambda p: p.row or 0)
        return ImportResult(problems=problems, adds_assessments=False)
    return write_outside(rows, existing, versions=versions)


def outside_values(row: OutsideRow) -> dict[str, object]:
    return {
        "cycle": row.cycle,
        "year": row.year,
        "recommending_state_en": row.recommending_state,
        "response": row.response,
        **in_language(body=row.body, text=row.text),
    }


def outside_unchanged(current: OutsideRecommendation, row: OutsideRow) -> bool:
    return (
        translated(current, "body").text == row.body
        and translated(current, "text").text == row.text
        and (current.recommending_state_en or "") == row.recommending_state
        and (current.cycle, current.year, current.response) == (row.cycle, row.year, row.response)
    )


def write_outside(
    rows: list[OutsideRow],
    existing: dict[tuple[str, str], OutsideRecommendation],
    *,
    versions: RecordVersions,
) -> ImportResult:
    result = ImportResult(adds_assessments=False)
    created, changed = [], []
    for row in rows:
        current = existing.get((row.document_symbol, row.paragraph))
        if current is None:
            (current,) = OutsideRecommendation.objects.bulk_create(
                [
                    OutsideRecommendation(
                        mechanism=row.mechanism,
                        document_symbol=row.document_symbol,
                        paragraph=row.paragraph,
                        is_published=True,
                        **outside_values(row),
                    )
                ]
            )
            created.append(current.pk)
            for column, targets in row.relations.items():
                getattr(current, column).set(targets)
            continue
        same = outside_unchanged(current, row)
        if not same:
            OutsideRecommendation.objects.filter(pk=current.pk).update(
                **outside_values(row), updated=timezone.now()
            )
        for column, targets in row.relations.items():
            if {r.pk for r in getattr(current, column).all()} != targets:
                getattr(current, column).set(targets)
                same = False
        if not same:
            changed.append(current.pk)
    versions(OutsideRecommendation.objects.filter(pk__in=created), history_type=CREATED)
    versions(OutsideRecommendation.objects.filter(pk__in=changed), history_type=CHANGED)
    result.created, result.updated = len(created), len(changed)
    result.unchanged = len(rows) - len(created) - len(changed)
    return result
